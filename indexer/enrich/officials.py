"""Find people holding public or party positions, with their titles, in Vietnamese news text.

Rule-based and fast: the title grammar and name spans of mentions.py, joined the ways provincial papers
join them (title before the name, after it with , - – ( ;, joining phrases such as 'được bầu giữ chức',
attendee lists, list-introducing titles, 'cách chức … đối với ông X'), plus back-references by given name;
then each person's province and national standing (places.py) and what they said (quotes.py).
Details and limits: docs/officials.md.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.enrich import lexicon as lx
from indexer.enrich.mentions import (
    HONORIFICS,
    NO_SENTENCE_END,
    TAILS,
    TITLE_STARTS,
    Name,
    Title,
    Tok,
    after_honorific,
    board_post_end,
    cap_run,
    comma_place,
    honorific_before,
    match,
    match_title,
    scan,
    tails_end,
    tokenize,
)
from indexer.enrich.mentions import (
    RANKS as _RANK_TABLE,
)
from vntext import canonical, clean, key, repair, slug
from vntext.chrome import cut_text_at_chrome
from vntext.titles import FORMER


@dataclass(slots=True)
class Quote:
    """What an official said in an article: a direct quote or indirect speech, with its sentence."""

    text: str  # the words said, as printed (without the quotation marks)
    kind: str  # "direct" | "indirect"
    sentence: str = ""  # the whole sentence it was read from


@dataclass(slots=True)
class Official:
    """A person with a public or party position as the text names them."""

    name: str  # full name as written, NFC
    titles: list[str] = field(default_factory=list)  # each as written, cleaned
    mentions: int = 1
    province: str | None = None  # the province the text places them in (title's organisation, lead-in), if any
    national: bool = False  # a central position (Party centre, National Assembly, Government, ministries)
    quotes: list[Quote] = field(default_factory=list)


_printed = lru_cache(maxsize=65_536)(key)  # a title's printed form, for keeping each one once


def official_id(name: str, province: str) -> str:
    """Stable id of an official: 'pham-bach-dang--ca-mau'."""
    return f"{slug(name)}--{slug(province)}"


_SEPARATORS = {",", "-", "(", ";", ":"}
_UNITS = {"huyện", "xã", "phường", "quận", "thị", "trấn"}  # units below the province, before their name
_TERM_WORDS = {"nhiệm", "kỳ", "giai", "đoạn", "khóa", "-", "–"}


# ---------------------------------------------------------------- joining names and titles


@dataclass(slots=True)
class _Spans:
    """Titles and names of one text, indexed by position."""

    toks: list[Tok]
    titles: list[Title]
    names: list[Name]
    title_at: dict[int, Title] = field(init=False)
    title_end_at: dict[int, Title] = field(init=False)
    name_at: dict[int, Name] = field(init=False)
    shared: list[tuple[Name, Title]] = field(default_factory=list)  # 'A, đồng chí B - T': T is A's if A has none

    def __post_init__(self) -> None:
        self.title_at = {t.start: t for t in self.titles}
        self.title_end_at = {t.end: t for t in self.titles}
        self.name_at = {nm.start: nm for nm in self.names}


def _sentence_end(toks: list[Tok], i: int) -> int:
    while i < len(toks):
        k = toks[i].key
        if k in {"!", "?", "\n"} or (k == "." and not (i and toks[i - 1].key in NO_SENTENCE_END)):
            return i
        i += 1
    return i


def _bridge(sp: _Spans, pos: int) -> int | None:
    """'giữ chức', 'tiếp tục được bầu giữ chức', 'tái đắc cử chức danh' at pos: the title start after it."""
    toks = sp.toks
    passive = False
    for q in range(pos, min(pos + lx.BRIDGE_MAX, len(toks))):
        tok = toks[q]
        if tok.key == "," and q > pos:
            continue  # 'tiếp tục được bầu, tái đắc cử chức …'
        if tok.key == "-" and q > pos and toks[q - 1].kind == "n" and q + 1 < len(toks) and toks[q + 1].kind == "n":
            continue  # a term: 'nhiệm kỳ 2021-2026, giữ chức vụ …'
        towards = tok.key == "về" and q + 1 < len(toks) and toks[q + 1].key in {"làm", "giữ", "nhận"}  # 'chuyển về làm'
        # 'được điều động và bổ nhiệm giữ chức …': 'và' joins two passive verbs
        joined = tok.key == "và" and passive
        word = tok.kind == "n" or tok.kind == "w" and not tok.cap
        if tok.key in lx.BRIDGE_STOPS and not (towards or joined) or not word:
            return None
        passive = passive or tok.key in {"được", "bị"}  # 'bị xóa tư cách Chủ tịch UBND tỉnh'
        if tok.key in lx.BRIDGE_ACTIVE and not passive:
            return None  # the subject acts on someone else
        if tok.key in lx.BRIDGE_ENDS and q + 1 in sp.title_at:
            return q + 1
    return None


def _skip_paren(sp: _Spans, pos: int) -> int | None:
    """After '(' at pos: the title start inside ('(50 tuổi, Bí thư …') or the index after a caption ')'."""
    toks = sp.toks
    for q in range(pos + 1, min(pos + 10, len(toks))):
        if toks[q].key == "," and q + 1 in sp.title_at:
            return q + 1  # '(50 tuổi, Bí thư Thị ủy …', '(SN 1975, quê Gia Lai, …'
        if toks[q].key == ")":
            return -(q + 1)  # '(thứ hai từ phải sang)', '(đứng giữa)': skip it
        if q in sp.title_at or toks[q].key in {".", ";", "("}:
            return None
    return None


def _birth_note(toks: list[Tok], p: int) -> int | None:
    """Notes between a name and its title at p, each closed by a comma ('60 tuổi', 'sinh năm 1971', 'SN 1975',
    'quê ở Hà Nội', 'quê huyện An Minh'): the index of the last comma, or None."""
    end = None
    while (note := _one_note(toks, p)) is not None:
        end, p = note, note + 1
    return end


def _one_note(toks: list[Tok], p: int) -> int | None:
    if p < len(toks) and toks[p].key == "quê":  # a hometown: up to five words, none a title, then a comma
        for q in range(p + 1, min(p + 7, len(toks))):
            if toks[q].key == ",":
                return q if q > p + 1 else None
            if toks[q].kind not in ("w", "a") or toks[q].key in TITLE_STARTS and match_title(toks, q):
                return None
        return None
    keys = [t.key for t in toks[p : p + 4]]
    for note in (["_", "tuổi"], ["sinh", "năm", "_"], ["sn", "_"]):
        if (
            len(keys) > len(note)
            and keys[len(note)] == ","
            and all(
                want == got or want == "_" and toks[p + i].kind == "n"
                for i, (want, got) in enumerate(zip(note, keys, strict=False))
            )
        ):
            return p + len(note)
    return None


def _coordinated(sp: _Spans, nm: Name) -> tuple[list[Name], int]:
    """'A và ông B', 'A, B': the names joined to nm, and the position after the last one."""
    group, pos = [nm], nm.end
    while pos < len(sp.toks) and sp.toks[pos].key in {"và", ","}:
        q = pos + 1
        while q < len(sp.toks) and sp.toks[q].key in {"ông", "bà", "đồng", "chí"}:
            q += 1
        if q not in sp.name_at:
            break
        group.append(sp.name_at[q])
        pos = sp.name_at[q].end
    return group, pos


def _after_paren(toks: list[Tok], pos: int) -> int:
    """The index after a parenthesis opening at pos (within 30 tokens, one sentence), or pos."""
    if pos >= len(toks) or toks[pos].key != "(":
        return pos
    for q in range(pos + 1, min(pos + 30, len(toks))):
        if toks[q].key == ")":
            return q + 1
        if toks[q].key in {"(", "\n"}:
            break
    return pos


def _skip_belonging(sp: _Spans, pos: int) -> int:
    """'Sư đoàn trưởng Sư đoàn 302 thuộc Quân khu 7, nhận chức vụ …': the index after 'thuộc <organisation>'."""
    toks = sp.toks
    if pos + 1 < len(toks) and toks[pos].key == "thuộc" and match(TAILS, toks, pos + 1):
        end = tails_end(toks, pos + 1)
        if end < len(toks) and toks[end].key == "," and end + 1 not in sp.name_at:
            return end
    return pos


def _next_title(sp: _Spans, pos: int, first: bool) -> tuple[Title | None, int, str]:
    """The title joined to a name (or to its last title) at pos, how it is joined, and where it starts."""
    toks, n = sp.toks, len(sp.toks)
    if pos >= n:
        return None, pos, ""
    if not first and (skip := _skip_belonging(sp, pos)) != pos:
        pos = skip
    k = toks[pos].key
    if k == "(" and pos + 1 not in sp.title_at and (skip := _skip_paren(sp, pos)) is not None:
        if skip > 0:
            return sp.title_at[skip], skip, "("
        pos = -skip
        k = toks[pos].key if pos < n else ""
    rank = match(_RANK_TABLE, toks, pos + 1) if first and k == "," else None
    if rank and pos + 1 + len(rank) < n and toks[pos + 1 + len(rank)].key == ",":
        pos += 1 + len(rank)  # 'ông Trần Văn Sơn, Đại tá, Chỉ huy trưởng …': a rank between commas
    if first and k == "," and (skip := _birth_note(toks, pos + 1)):
        pos = skip  # 'Chu Quang Thành, 60 tuổi, nguyên Chủ tịch …', 'X, sinh năm 1971, Phó Bí thư …'
        k = toks[pos].key if pos < n else ""
    if (k in _SEPARATORS or k == "kiêm" and not first) and pos + 1 in sp.title_at:
        t = sp.title_at[pos + 1]  # after ':' only a title standing alone ('A: Giám đốc Trung tâm X.'), no speech
        if k != ":" or t.end >= n or toks[t.end].key in _COLON_CLOSERS or _and_someone(toks, t.end):
            return t, pos + 1, k
    board = board_post_end(toks, pos + 1) if first and k == "," else None  # 'A, Ủy viên HĐQT, Tổng giám đốc …'
    if board is not None and board + 1 in sp.title_at and toks[board].key == ",":
        return sp.title_at[board + 1], board + 1, ","
    if (start := _bridge(sp, pos + (k in {",", "-"}))) is not None:  # 'A - Phó Bí thư … - được bầu làm …'
        return sp.title_at[start], start, "verb"  # 'A, Bí thư Tỉnh ủy khóa XIII, tiếp tục giữ chức danh …'
    return None, pos, ""


_COLON_CLOSERS = frozenset({",", ".", ";", "\n", "cùng"})  # 'bà A: Chủ tịch Hội … cùng đại diện …'


def _and_someone(toks: list[Tok], i: int) -> bool:
    """'và' at i, then an honorific: the title before it stands alone ('A: Giám đốc Sở và ông B: …')."""
    return toks[i].key == "và" and any(after_honorific(toks, m) for m in (i + 2, i + 3) if m < len(toks))


def _chain_ends_cleanly(sp: _Spans, pos: int) -> bool:
    """After a ';', titles belong to the previous person only if no name follows them in that chunk."""
    while pos < len(sp.toks):
        k = sp.toks[pos].key
        if k in {";", ".", ")", "\n"}:
            return True
        if k in {",", "-"} and pos + 1 in sp.title_at:
            t = sp.title_at[pos + 1]
            if t.end in sp.name_at:
                return False
            pos = t.end
            continue
        return False
    return True


def _verb_follows(toks: list[Tok], k: int) -> bool:
    """A lower-case word after a title at k: 'đồng chí A; Phó Bí thư Đảng ủy xã yêu cầu …' (';' printed for ',')."""
    return k < len(toks) and toks[k].kind == "w" and toks[k].text.islower()


def _assign_after(sp: _Spans) -> None:
    """Titles after the name: 'A - Chủ tịch HĐND tỉnh, Trưởng ban Tuyên giáo; B …', 'A được bầu giữ chức T'."""
    for nm in sp.names:
        group, pos = _coordinated(sp, nm)
        if len(group) == 1:
            pos = nm.end
        first, respective, unseparated = True, -1, False
        while True:
            t, start, sep = _next_title(sp, pos, first)
            if t is None and first and len(group) == 1 and pos in sp.title_at and _introduced(sp.toks, nm.start):
                t, start, sep = sp.title_at[pos], pos, ""  # 'Ông Phạm Tú PCT UBND huyện …': no separator
            if t is None and not first and pos in sp.title_at and (sp.toks[pos].cap or unseparated):
                # 'A – Đảng ủy viên Phó Chủ tịch UBND phường', 'đồng chí A phó Bí thư Đảng ủy chủ tịch UBND xã'
                t, start, sep = sp.title_at[pos], pos, ""  # no separator
            if t is None and respective >= 0 and pos < len(sp.toks) and sp.toks[pos].key == "và":
                t, start, sep = sp.title_at.get(pos + 1), pos + 1, "và"
            if t is None or t.claimed or t.end in sp.name_at:
                break
            if len(group) > 1 and sep != "verb" and first:
                if sep == "-":
                    sp.shared += [(member, t) for member in group[:-1]]
                group = [group[-1]]  # 'A, B, Giám đốc …' gives the title to B only
            slip = first and _verb_follows(sp.toks, t.end) and _introduced(sp.toks, nm.start)
            if sep == ";" and not (_chain_ends_cleanly(sp, t.end) or slip):
                break
            if first and len(group) > 1 and _says_respectively(sp.toks, pos, start):
                respective = 0  # 'A và B lần lượt được phê chuẩn giữ chức T1, T2': one title each, in order
            unseparated = sep == "" if first else unseparated  # a chain printed with no separators
            t.claimed = True
            for member in group if respective < 0 else [group[min(respective, len(group) - 1)]]:
                member.titles.append(t)
            respective += respective >= 0
            pos, first = comma_place(sp.toks, t.end), False
            if pos < len(sp.toks) and sp.toks[pos].key == ")":
                pos += 1
                if _bridge(sp, pos) is None:
                    break


def _introduced(toks: list[Tok], i: int) -> bool:
    """An honorific, rank or degree stands before the name at i, maybe with a colon ('Đồng chí: Đinh Văn A Bí thư
    …', 'Thạc sĩ Mai Văn Đoan Trưởng Trạm …')."""
    if after_honorific(toks, i) or i > 1 and toks[i - 1].key == ":" and after_honorific(toks, i - 1):
        return True
    spelled = i > 1 and (toks[i - 2].key, toks[i - 1].key) in lx.SPELLED_DEGREES
    return spelled or _before_degrees(toks, i) < i


def _says_respectively(toks: list[Tok], start: int, end: int) -> bool:
    """'lần lượt' (respectively) in the joining phrase between toks[start] and toks[end]."""
    return any(toks[i].key == "lần" and toks[i + 1].key == "lượt" for i in range(start, min(end, len(toks)) - 1))


def _assign_list_intros(sp: _Spans) -> None:
    """'các Ủy viên Ban Thường vụ Tỉnh ủy: A, …; B, …', '7 Phó Giám đốc gồm đại tá A, B và thượng tá C'."""
    toks, n = sp.toks, len(sp.toks)
    for t in sp.titles:
        s = t.start
        counted = s and (toks[s - 1].key in lx.LIST_COUNTS or toks[s - 1].kind == "n")
        if not (counted or s > 2 and toks[s - 1].key == "chí" and toks[s - 3].key == "các"):
            continue
        p, colon = _after_term(toks, t.end), False  # 'hai Phó Chủ tịch UBND tỉnh, nhiệm kỳ 2004-2011, gồm các ông:'
        while p < n and (toks[p].key in lx.LIST_LINKS or _link_words(toks, p)):
            colon = colon or toks[p].key == ":"
            p += _link_words(toks, p) or 1
        if p not in sp.name_at and not (p > t.end and _list_name(sp, p)):
            continue  # 'hai phó giám đốc là bác sĩ Hồng Công Danh và …': a listed name needs no known surname
        t.claimed = True
        if colon:
            stop = _sentence_end(toks, p)
            for nm in sp.names:
                if p <= nm.start < stop:
                    nm.titles.append(t)
            continue
        nm: Name | None = sp.name_at[p]
        while nm:
            nm.titles.append(t)
            q = nm.end
            while q < n and (toks[q].key in {",", "và", "ông", "bà", "đồng", "chí"} or _link_words(toks, q)):
                q += _link_words(toks, q) or 1
            nm = (sp.name_at.get(q) or _list_name(sp, q)) if q > nm.end else None


def _link_words(toks: list[Tok], p: int) -> int:
    """A rank ('thượng tá') or a spelled-out degree ('bác sĩ') before a listed name at p: its length, or 0."""
    if p + 1 < len(toks) and (toks[p].key, toks[p + 1].key) in lx.SPELLED_DEGREES:
        return 2
    return len(match(_RANK_TABLE, toks, p) or ())


def _after_term(toks: list[Tok], p: int) -> int:
    """', nhiệm kỳ 2004-2011,' at p: the index after its closing comma, or p."""
    q = p + 3
    if not (q < len(toks) and toks[p].key == "," and toks[p + 1].key == "nhiệm" and toks[p + 2].key == "kỳ"):
        return p
    while q < len(toks) and (toks[q].kind == "n" or toks[q].key == "-"):
        q += 1
    return q + 1 if q > p + 3 and q < len(toks) and toks[q].key == "," else p


def _list_name(sp: _Spans, q: int) -> Name | None:
    """'7 Phó giám đốc gồm A, B, Văn Quyết Thắng, …': in a counted list a capitalised run of 2-4 words closed by
    ',', 'và' or the sentence end is a name even without a listed surname; it is added to the names."""
    toks = sp.toks
    run = cap_run(toks, q)
    end = q + run
    if not 2 <= run <= 4 or end >= len(toks) or toks[end].key not in {",", "và", ".", ";"}:
        return None
    nm = Name(q, end)
    sp.names.insert(bisect_left([x.start for x in sp.names], q), nm)
    sp.name_at[q] = nm
    return nm


def _shared_after_parens(sp: _Spans) -> None:
    """'ông A (T1) và ông B (T2) được phê chuẩn giữ chức T3': T3 is also A's."""
    toks = sp.toks
    for nm in sp.names:
        group, pos = [nm], _after_paren(toks, nm.end)
        if pos == nm.end:
            continue
        while pos < len(toks) and toks[pos].key in {"và", ","}:
            q = pos + 1
            while q < len(toks) and toks[q].key in {"ông", "bà", "đồng", "chí"}:
                q += 1
            if q not in sp.name_at:
                break
            other = sp.name_at[q]
            group.append(other)
            pos = _after_paren(toks, other.end)
        if len(group) > 1 and pos > group[-1].end and (start := _bridge(sp, pos)) is not None:
            t = sp.title_at[start]
            for member in group:
                if all(x is not t for x in member.titles):
                    member.titles.append(t)


def _titles_before_doi_voi(sp: _Spans, stop: int) -> list[Title]:
    """Unclaimed titles in the clause before 'đối với' at stop ('miễn nhiệm chức danh T1, … T2 khóa VI …')."""
    toks, found = sp.toks, []
    q = stop - 1
    while q >= 0 and stop - q <= 30:
        k = toks[q].key
        if k in {".", ";", "\n", ":"} or q in {nm.end - 1 for nm in sp.names}:
            break
        t = sp.title_end_at.get(q + 1)
        if (
            t is not None
            and not t.claimed
            and t.start > 0
            and (toks[t.start - 1].key in {"chức", "danh", "vụ", "nhiệm", "cách", "bầu", "cử", "sung", ","})
        ):
            found.append(t)
            q = t.start - 1
            continue
        q -= 1
    return list(reversed(found))


def _assign_doi_voi(sp: _Spans) -> None:
    """'cách chức Phó Chủ tịch UBND huyện … đối với bà Y Nga': the titles go to the name after 'đối với'."""
    toks = sp.toks
    for nm in sp.names:
        a = nm.start
        if not any(t.key in {"với", "cho"} for t in toks[max(0, a - 5) : a]):
            continue
        a = _before_degrees(toks, a)  # 'bổ nhiệm chức vụ Giám đốc Bệnh viện … cho PGS.TS X'
        hon = honorific_before(toks, a)
        s = a - hon
        s -= s >= 3 and toks[s - 1].key == ":"  # 'phê chuẩn kết quả bầu … đối với: ông A, ông B'
        doi_voi = s >= 2 and toks[s - 2].key == "đối" and toks[s - 1].key == "với"
        cho = (hon or a < nm.start) and s >= 1 and toks[s - 1].key == "cho"  # 'bổ nhiệm Giám đốc sở … cho ông X'
        if not (doi_voi or cho):
            continue
        found = _titles_before_doi_voi(sp, s - 2 if doi_voi else s - 1)
        for t in found:
            t.claimed = True
        for member in [nm, *_listed_after(sp, nm)] if found else []:
            member.titles.extend(found)


def _listed_after(sp: _Spans, nm: Name) -> list[Name]:
    """Names listed after nm in its sentence with their own honorific: '… đối với ông A, …; ông B, …'."""
    toks, out = sp.toks, []
    stop = _sentence_end(toks, nm.end)
    for other in sp.names:
        if nm.end <= other.start < stop and other.start >= 2:
            before = toks[other.start - 1].key, toks[other.start - 2].key
            if before[0] in {"ông", "bà"} and before[1] in {";", ",", "và"}:
                out.append(other)
    return out


def _assign_before(sp: _Spans) -> None:
    """Titles before the name: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh A', 'Chủ tịch UBND tỉnh, ông A', '… – ông A'."""
    toks = sp.toks
    for nm in sp.names:
        a = _before_degrees(toks, nm.start)
        degrees = a != nm.start
        t = sp.title_end_at.get(a)
        if t is None or t.claimed:
            t = None
            hon = honorific_before(toks, a)
            p = a - hon if hon else a
            if (hon or degrees) and p and toks[p - 1].key in {",", "-"}:
                p -= 1
            elif not hon and a and toks[a - 1].key == "-":
                p = a - 1
            if p != a:
                t = sp.title_end_at.get(p)
        before: list[Title] = []
        if t is not None and not t.claimed:
            before.append(t)
            while (s := before[-1].start) and toks[s - 1].key in {",", "-"}:
                prev = sp.title_end_at.get(s - 1)
                if prev is None or prev.claimed:
                    break
                before.append(prev)
        first = before[-1].start if before else 0
        apart = len(before) > 1 or bool(before) and before[0].end < a  # a comma or a rank between it and the name
        if first > 1 and apart and (toks[first - 2].key, toks[first - 1].key) == _ON_BEHALF:
            before.pop()  # 'Thay mặt Bộ trưởng Bộ Công an, Thượng tướng A, Thứ trưởng …' (not 'Thay mặt Tổng Bí thư A')
        for t in before:
            t.claimed = True
        nm.titles[:0] = reversed(before)


_ON_BEHALF = ("thay", "mặt")


def _before_degrees(toks: list[Tok], a: int) -> int:
    """'Phó Thủ tướng Chính phủ, GS., TS. Vương Đình Huệ': where the name starts once degrees are skipped."""
    while True:
        if a >= 2 and toks[a - 1].key == "." and toks[a - 2].key in lx.DEGREES:
            a -= 2
        elif (
            a >= 1
            and toks[a - 1].key in lx.DEGREES
            or a >= 3
            and toks[a - 1].key == ","
            and (toks[a - 2].key in lx.DEGREES or toks[a - 2].key == "." and toks[a - 3].key in lx.DEGREES)
        ):
            a -= 1
        else:
            return a


def _places_after_titles(sp: _Spans) -> None:
    """'A - Bí thư Huyện ủy Sơn Hòa xác nhận', 'A làm Giám đốc Bệnh viện Từ Dũ': a two-word 'name' (three words
    right after huyện, xã …) closing a title joined to a name is a place or the organisation's own name."""
    keep = []
    for nm in sp.names:
        t = sp.title_end_at.get(nm.start)
        owned = t is not None and t.start > 1 and sp.toks[t.start - 1].key in {"-", ",", "(", "làm", "là"}
        size = nm.end - nm.start  # three words only right after a unit: 'UBND huyện Cù Lao Dung được …'
        if (
            owned
            and (size == 2 or size == 3 and sp.toks[nm.start - 1].key in _UNITS)
            and t.start - 1 in {x.end for x in sp.names}
        ):
            nxt = sp.toks[nm.end] if nm.end < len(sp.toks) else None
            if nxt is None or not nxt.cap and nxt.key not in {",", "-", "(", ";"}:
                del sp.title_end_at[t.end]
                t.end = nm.end
                sp.title_end_at[t.end] = t
                continue
        keep.append(nm)
    sp.names[:] = keep
    sp.name_at = {nm.start: nm for nm in keep}


def assign(toks: list[Tok], titles: list[Title], names: list[Name]) -> list[Name]:
    """Attach titles to names; the names that remain people (places after titles dropped)."""
    sp = _Spans(toks, titles, names)
    _places_after_titles(sp)
    _assign_list_intros(sp)
    _assign_after(sp)
    _shared_after_parens(sp)
    _assign_doi_voi(sp)
    _assign_before(sp)
    for member, t in sp.shared:
        if not member.titles:  # 'đồng chí A, đồng chí B - Phó Chủ tịch …': A, with no title of their own, shares it
            member.titles.append(t)
    _assign_elected(sp)
    _assign_pronoun(sp)
    return sp.names


_PRONOUNS = frozenset({"ông", "bà"})


def _assign_pronoun(sp: _Spans) -> None:
    """'ông A: sáng 15/7, HĐND tỉnh bầu ông giữ chức T; trước đó ông là T2': a bare 'ông'/'bà' joined to a free
    title by a verb is the person named last before it in the same sentence."""
    toks = sp.toks
    for t in sp.titles:
        if t.claimed:
            continue
        for q in range(t.start - 2, max(-1, t.start - 2 - lx.BRIDGE_MAX), -1):
            if toks[q].key in _PRONOUNS and not toks[q + 1].cap and _bridge(sp, q + 1) == t.start:
                first = _sentence_start(toks, q)
                owner = [nm for nm in sp.names if first <= nm.start and nm.end <= q]
                if owner:
                    t.claimed = True
                    owner[-1].titles.append(t)
                break


_ELECTING = frozenset({("bầu",), ("phê", "chuẩn"), ("bổ", "nhiệm"), ("chỉ", "định")})


_ELECTING_FIRST = frozenset(v[0] for v in _ELECTING)


def _electing_before(toks: list[Tok], start: int, stop: int = 0) -> bool:
    """An electing or appointing verb ('bầu bổ sung', 'phê chuẩn', 'bổ nhiệm') between stop and start."""
    keys = [t.key for t in toks[max(stop, start - 8) : start]]
    if _ELECTING_FIRST.isdisjoint(keys):
        return False
    return any(tuple(keys[i : i + len(v)]) == v for v in _ELECTING for i in range(len(keys)))


def _assign_elected(sp: _Spans) -> None:
    """'… phê chuẩn kết quả bầu bổ sung Ủy viên UBND tỉnh … . Người được phê chuẩn là ông A, T1; … ông B, T2':
    a post filled by a sentence naming nobody goes to the people of the next one, when that sentence says they
    were the ones elected or appointed ('được <verb> là|gồm|:') before naming them."""
    toks = sp.toks
    starts = sorted({nm.start for nm in sp.names if nm.titles})
    for t in sp.titles:
        if t.claimed or not _electing_before(toks, t.start):
            continue
        if not _electing_before(toks, t.start, _sentence_start(toks, t.start)):
            continue
        stop = _sentence_end(toks, t.end)
        if any(t.end <= a < stop for a in starts) or stop >= len(toks):
            continue
        nxt = _sentence_end(toks, stop + 1)
        members = [nm for nm in sp.names if stop < nm.start < nxt and nm.titles]
        if not members:
            continue
        lead = [x.key for x in toks[stop + 1 : members[0].start]]
        said = "được" in lead and any(w in lead for w in ("là", "gồm", ":"))
        if said and _electing_before(toks, members[0].start, stop + 1):
            t.claimed = True
            for member in members:
                member.titles.append(t)


def _sentence_start(toks: list[Tok], i: int) -> int:
    while i > 0 and toks[i - 1].key not in {".", "!", "?", "\n"}:
        i -= 1
    return i


# ---------------------------------------------------------------- public entry


def find_officials(text: str) -> list[Official]:
    """People with public or party positions in `text`, in order of first mention, titles merged."""
    display = cut_text_at_chrome(repair(text))
    return officials_in_canonical(display, canonical(display))


def _people(display: str, toks: list[Tok], names: list[Name]) -> dict[str, Official]:
    """One Official per full name (key), titles merged by title_key in order of appearance."""
    people: dict[str, Official] = {}
    title_keys: dict[str, set[str]] = {}
    for nm in names:
        if not nm.titles:
            continue
        name = display[toks[nm.start].start : toks[nm.end - 1].end]
        k = key(name)
        if k in lx.HISTORIC and not _local_namesake(display, toks, nm):
            continue
        person = people.setdefault(k, Official(name=name, mentions=0))
        seen = title_keys.setdefault(k, set())
        for t in nm.titles:
            written = clean(display[toks[t.start].start : toks[t.end - 1].end]).strip(" ,;:-(")
            if _printed(written) not in seen:  # each printed form once: 'Bí thư Huyện ủy' and 'Bí thư HU' both
                seen.add(_printed(written))
                person.titles.append(written)
    late = [k for k, p in people.items() if all(t.split(" ", 1)[0].lower() == FORMER[1] for t in p.titles)]
    for k in late:  # 'cố Thủ tướng …': the late are not officials of the archive
        del people[k]
    _fold_given_names(people)
    return people


def _fold_given_names(people: dict[str, Official]) -> None:
    """'thầy Vinh - Hiệu trưởng' after (or before) 'thầy Nguyễn Văn Vinh': a person named by the given name alone is
    the one full name of the text ending with it, their titles merged; with none (or two) they stand alone."""
    for k in [k for k in people if " " not in k]:
        full = [f for f in people if f.endswith(f" {k}")]
        if len(full) == 1:
            known = {_printed(t) for t in people[full[0]].titles}
            people[full[0]].titles += [t for t in people.pop(k).titles if _printed(t) not in known]


def _local_namesake(display: str, toks: list[Tok], nm: Name) -> bool:
    """'Chủ tịch UBND tỉnh Bắc Giang Nguyễn Văn Linh', 'đồng chí Phan Đình Phùng, Phó Chủ tịch UBND tỉnh': a historic
    figure's name given a post of a province or a smaller unit is a namesake holding it today."""
    from indexer.enrich.places import is_local

    return any(is_local(display[toks[t.start].start : toks[t.end - 1].end]) for t in nm.titles)


def officials_in_canonical(display: str, work: str) -> list[Official]:
    """`find_officials` on a text and its `canonical` form (computed once by the caller)."""
    return officials_and_titles(display, work)[0]


Spans = list[tuple[int, int]]


def officials_and_titles(display: str, work: str) -> tuple[list[Official], Spans, Spans]:
    """The officials of a text (as `officials_in_canonical`), and the character spans of every title and of
    every personal name in it (what topic rules must not read as evidence: 'Phạm Văn Hóa' is no 'văn hóa')."""
    from indexer.enrich.places import place_officials
    from indexer.enrich.quotes import attach_quotes

    if len(work) != len(display):
        display = work
    toks = tokenize(work)
    titles, names = scan(toks)
    names = assign(toks, titles, names)
    people = _people(display, toks, names)
    refs = _count_mentions(toks, names, work, people)
    _titles_of_back_references(display, toks, titles, names, refs, people)
    place_officials(display, toks, names, people)
    attach_quotes(display, toks, names, titles, refs, people)
    title_spans = [(toks[t.start].start, toks[t.end - 1].end) for t in titles]
    name_spans = [(toks[nm.start].start, toks[nm.end - 1].end) for nm in names]
    return list(people.values()), title_spans, name_spans


def _titles_of_back_references(
    display: str, toks: list[Tok], titles: list[Title], names: list[Name], refs: dict[int, str], people: dict
) -> None:
    """'Ông Niên còn là ủy viên Hội đồng Dân tộc …', 'Bà Thủy từng giữ chức …': titles joined to a
    back-reference (by a joining phrase) go to the one official it names."""
    sp = _Spans(toks, titles, names)
    for s, person in refs.items():
        pos = _after_paren(toks, s + max(cap_run(toks, s), 1))  # 'Ông Cường (SN 1967, quê …) từng là …'
        if (start := _bridge(sp, pos)) is None:
            continue
        official = people[person]
        seen = {_printed(t) for t in official.titles}
        t: Title | None = sp.title_at[start]
        while t is not None and not t.claimed and t.end not in sp.name_at:
            t.claimed = True
            written = clean(display[toks[t.start].start : toks[t.end - 1].end]).strip(" ,;:-(")
            if _printed(written) not in seen:
                seen.add(_printed(written))
                official.titles.append(written)
            nxt = t.end + 1
            t = sp.title_at.get(nxt) if t.end < len(toks) and toks[t.end].key in {",", ";"} else None


def _count_mentions(toks: list[Tok], names: list[Name], work: str, people: dict[str, Official]) -> dict[int, str]:
    """Full-name occurrences plus back-references ('ông Đằng', 'ông Xuân Lâm', 'đồng chí Loan').

    Returns the back-references resolved to one official: token index of the given name → person key.
    """
    first: dict[str, int] = {}
    for nm in names:
        k = key(work[toks[nm.start].start : toks[nm.end - 1].end])
        if k in people:
            people[k].mentions += 1
            first.setdefault(k, nm.start)
    suffixes: dict[str, set[str]] = {}
    for k in people:
        parts = k.split()
        for size in (1, 2):
            if len(parts) > size:
                suffixes.setdefault(" ".join(parts[-size:]), set()).add(k)
    full_starts = {nm.start for nm in names}
    inside = {i for nm in names for i in range(nm.start, nm.end)}
    refs: dict[int, str] = {}
    for i, tok in enumerate(toks):
        hon = match(HONORIFICS, toks, i) if tok.key in HONORIFICS and i not in inside else None
        if not hon:
            continue
        s = i + len(hon)
        run = cap_run(toks, s)
        if s in full_starts and key(work[toks[s].start : toks[s + run - 1].end]) in people or not 1 <= run <= 2:
            continue
        owners = suffixes.get(" ".join(t.key for t in toks[s : s + run]), set())
        if len(owners) > 1:  # 'ông Hải' after Trần Ngọc Hải, before Phạm Thanh Hải is first named: the earlier one
            owners = {o for o in owners if first.get(o, s) < s}
        if len(owners) == 1:
            owner = next(iter(owners))
            people[owner].mentions += 1
            refs[s] = owner
    return refs
