"""Find people holding public or party positions, with their titles, in Vietnamese news text.

Rule-based and fast: a title grammar (head + organisation words + place), a surname list and the ways
provincial papers join names and titles (before, after with , - – ( ;, attendee lists, list-introducing
titles, assignment verbs), plus back-references by given name. Details and limits: docs/officials.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.enrich import lexicon as lx
from vntext import canonical, clean, key, repair, slug
from vntext.abbreviations import ABBREVIATIONS, title_key


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


def official_id(name: str, province: str) -> str:
    """Stable id of an official: 'pham-bach-dang--ca-mau'."""
    return f"{slug(name)}--{slug(province)}"


# ---------------------------------------------------------------- tokens

_TOKEN_RE = re.compile(
    r"(?P<a>[Đđ]/[Cc](?!\w)|UVT\.Ư|T\.[ƯW](?!\w)|TP\.|[A-ZĐ]{1,4}(?:[&-][A-ZĐ]{1,4})+)"
    r"|(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<n>\d\w*(?:[./]\d+)*)"
    r"|(?P<l>\n)"
    r"|(?P<p>[^\w\s])"
)
DASH_RE = re.compile("[\u2010-\u2015\u2212]")
_ROMAN = re.compile(r"^[IVXLC]+$")
_NO_SENTENCE_END = frozenset({"tp", "ts", "ths", "pgs", "gs", "bs", "th", "ks", "t", "st"})
CHROME_RE = re.compile(r"\n[ \t]*(?:Ý kiến bạn đọc|Bình luận \(\d+\))")


class _Tok:
    __slots__ = ("start", "end", "text", "key", "kind", "cap")

    def __init__(self, start: int, end: int, text: str, kind: str) -> None:
        self.start, self.end, self.text, self.kind = start, end, text, kind
        self.key = text.lower()
        # a name-like word: capitalised, not an all-caps acronym (single letters such as 'Y', 'A' allowed)
        self.cap = kind == "w" and text[0].isupper() and (len(text) == 1 or not text.replace("'", "").isupper())


def _tokenize(text: str) -> list[_Tok]:
    """Tokens with offsets into `text`; every dash reads as '-' (same length, so offsets hold)."""
    matches = _TOKEN_RE.finditer(DASH_RE.sub("-", text))
    return [_Tok(m.start(), m.end(), m.group(), m.lastgroup or "p") for m in matches]


# ---------------------------------------------------------------- phrase tables


def _phrase_table(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """First token key → token-key tuples, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        toks = tuple(t.key for t in _tokenize(phrase))
        if toks:
            table.setdefault(toks[0], []).append(toks)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


_ABBR_TAILS = [a.lower() for a in ABBREVIATIONS if a not in {"Đ/c", "đ/c", "ĐC", "UV", "UVBTV", "TUV", "UVTW", "UVTƯ"}]
_HEADS = _phrase_table(lx.HEADS)
_HEADS_NEED_TAIL = _phrase_table([*lx.HEADS_NEED_TAIL, "uv"])
_RANKS = _phrase_table(lx.RANKS)
_TAILS = _phrase_table(lx.TAIL_PHRASES + _ABBR_TAILS)
_PLACES = _phrase_table(lx.PLACES)
_HONORIFICS = _phrase_table(lx.HONORIFICS)
_VERBS = _phrase_table(lx.ASSIGNMENT_VERBS)
_TRIGGERS = frozenset(tuple(t.key for t in _tokenize(p)) for p in lx.PLACE_TRIGGERS)
_TITLE_STARTS = frozenset(_HEADS) | frozenset(_HEADS_NEED_TAIL) | frozenset(_RANKS) | lx.QUALIFIERS
_MAJOR_SURNAMES = frozenset(
    ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô"]
)


def _match(table: dict[str, list[tuple[str, ...]]], toks: list[_Tok], i: int) -> tuple[str, ...] | None:
    """Longest phrase of `table` starting at token i."""
    if i >= len(toks):
        return None
    for phrase in table.get(toks[i].key, ()):
        end = i + len(phrase)
        if end <= len(toks) and all(toks[i + k].key == phrase[k] for k in range(1, len(phrase))):
            return phrase
    return None


def _is_surname(tok: _Tok) -> bool:
    return tok.cap and (tok.key in lx.SURNAMES or tok.key.startswith(("h'", "h’")))


def _valid_name(toks: list[_Tok], i: int, length: int) -> bool:
    return 2 <= length <= 5 and _is_surname(toks[i]) and all(toks[i + k].cap for k in range(length))


# ---------------------------------------------------------------- titles


def _cap_run(toks: list[_Tok], i: int) -> int:
    j = i
    while j < len(toks) and toks[j].cap:
        j += 1
    return j - i


def _place_end(toks: list[_Tok], k: int, triggered: bool) -> int:
    """After an organisation: skip a place name (tỉnh Cà Mau), leaving a following personal name alone."""
    place = _match(_PLACES, toks, k)
    if place:
        return k + len(place)
    run = _cap_run(toks, k)
    if not triggered or run == 0:
        return k
    for p in range(min(run, 4)):
        rest = run - p
        if 2 <= rest <= 4 and _valid_name(toks, k + p, rest):
            # 'Lâm Hà Nguyễn Văn A': a 4-word 'name' whose 2nd word is a major surname is place + name
            if rest == 4 and toks[k + p + 1].key in _MAJOR_SURNAMES and _valid_name(toks, k + p + 1, 3):
                continue
            return k + p
    return k + run


def _match_title(toks: list[_Tok], i: int) -> int | None:
    """End (exclusive) of the title starting at token i, or None."""
    j = i
    while j < len(toks) and toks[j].key in lx.QUALIFIERS:
        j += 1
    rank = _match(_RANKS, toks, j)
    if rank:
        return j + len(rank)
    head = _match(_HEADS, toks, j)
    need_tail = head is None
    if head is None:
        head = _match(_HEADS_NEED_TAIL, toks, j)
        if head is None:
            return None
    k = head_end = j + len(head)
    triggered = False
    while True:
        tail = _match(_TAILS, toks, k)
        if tail and len(tail) == 1 and _is_surname(toks[k]) and k + 1 < len(toks) and toks[k + 1].cap:
            tail = None  # 'Lâm' starting a name, not an organisation word
        if tail:
            k += len(tail)
            triggered = tail in _TRIGGERS
            if tail[-1] == "khóa" and k < len(toks) and (_ROMAN.match(toks[k].text) or toks[k].kind == "n"):
                k += 1
            continue
        end = _place_end(toks, k, triggered or k == head_end and head in _TRIGGERS)
        if end == k:
            break
        k, triggered = end, False
    while k > head_end and toks[k - 1].key in {"và", "-", ","}:
        k -= 1
    if need_tail and k == head_end:
        return None
    return k


# ---------------------------------------------------------------- elements


@dataclass(slots=True)
class _Title:
    start: int
    end: int
    claimed: bool = False


@dataclass(slots=True)
class _Name:
    start: int
    end: int
    titles: list[_Title] = field(default_factory=list)


def _scan(toks: list[_Tok]) -> tuple[list[_Title], list[_Name]]:
    titles: list[_Title] = []
    names: list[_Name] = []
    title_ends: set[int] = set()
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.key in _TITLE_STARTS:
            end = _match_title(toks, i)
            if end:
                titles.append(_Title(i, end))
                title_ends.add(end)
                i = end
                continue
        if tok.cap:
            place = _match(_PLACES, toks, i) if tok.key in _PLACES else None
            run = _cap_run(toks, i)
            if place and len(place) >= run:
                i += len(place)
                continue
            if _is_surname(tok):
                j = i + 1
                while j < n and toks[j].cap and not (toks[j].key in _TITLE_STARTS and _match_title(toks, j)):
                    j += 1
                prev = toks[i - 1] if i else None
                blocked = (
                    prev is not None
                    and i not in title_ends
                    and (
                        prev.key in lx.INSTITUTION_PREV
                        or prev.kind == "n"
                        or (prev.kind == "w" and len(prev.text) > 1 and prev.text.isupper())
                    )
                )
                if not blocked and _valid_name(toks, i, j - i):
                    names.append(_Name(i, j))
                i = j
                continue
        i += 1
    return titles, names


def _sentence_end(toks: list[_Tok], i: int) -> int:
    while i < len(toks):
        k = toks[i].key
        if k in {"!", "?", "\n"} or (k == "." and not (i and toks[i - 1].key in _NO_SENTENCE_END)):
            return i
        i += 1
    return i


def _chain_ends_cleanly(toks: list[_Tok], pos: int, title_at: dict[int, _Title], name_at: dict[int, _Name]) -> bool:
    """After a ';', titles belong to the previous person only if no name follows them in that chunk."""
    while pos < len(toks):
        k = toks[pos].key
        if k in {";", ".", ")", "\n"}:
            return True
        if k in {",", "-"} and pos + 1 in title_at:
            t = title_at[pos + 1]
            if t.end in name_at:
                return False
            pos = t.end
            continue
        return False
    return True


def _assign(toks: list[_Tok], titles: list[_Title], names: list[_Name]) -> None:
    """Attach titles to names: list intros, then titles after each name, then titles before it."""
    title_at = {t.start: t for t in titles}
    title_end_at = {t.end: t for t in titles}
    name_at = {nm.start: nm for nm in names}
    n = len(toks)

    # 1. 'các Ủy viên Ban Thường vụ Tỉnh ủy: A, ...; B, ...' and 'các Phó Chủ tịch UBND tỉnh A, B và C'
    for t in titles:
        s = t.start
        if not (s and toks[s - 1].key == "các" or s > 2 and toks[s - 1].key == "chí" and toks[s - 3].key == "các"):
            continue
        p = t.end
        colon = False
        while p < n and toks[p].key in {":", "là", "gồm", "có", "các", "đồng", "chí", "ông", "bà"}:
            colon = colon or toks[p].key == ":"
            p += 1
        if p not in name_at:
            continue
        t.claimed = True
        if colon:
            stop = _sentence_end(toks, p)
            for nm in names:
                if p <= nm.start < stop:
                    nm.titles.append(t)
        else:
            nm = name_at[p]
            while nm:
                nm.titles.append(t)
                q = nm.end
                while q < n and toks[q].key in {",", "và", "ông", "bà", "đồng", "chí"}:
                    q += 1
                nm = name_at.get(q) if q > nm.end else None

    # 2. titles after the name: 'A - Chủ tịch HĐND tỉnh, Trưởng ban Tuyên giáo; B ...'
    for nm in names:
        pos, first = nm.end, True
        while pos < n:
            k = toks[pos].key
            sep = None
            if k in {",", "-", "(", ";"} or k == "kiêm" and not first:
                sep, nxt = k, pos + 1
            elif verb := _match(_VERBS, toks, pos):
                sep, nxt = "verb", pos + len(verb)
            if sep is None or nxt not in title_at:
                break
            t = title_at[nxt]
            if t.claimed or t.end in name_at:
                break
            if sep == ";" and not _chain_ends_cleanly(toks, t.end, title_at, name_at):
                break
            t.claimed = True
            nm.titles.append(t)
            pos, first = t.end, False
            if pos < n and toks[pos].key == ")":
                break

    # 3. titles before the name: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh A', 'Chủ tịch UBND tỉnh, ông A'
    for nm in names:
        a = nm.start
        before: list[_Title] = []
        t = title_end_at.get(a)
        if t is None or t.claimed:
            t = None
            hon = next((len(h) for h in _HONORIFICS_BEFORE if _ends_with(toks, a, h)), 0)
            p = a - hon if hon else a
            if hon and p and toks[p - 1].key == ",":
                p -= 1
            elif not hon and a and toks[a - 1].key == "-":
                p = a - 1
            if p != a:
                t = title_end_at.get(p)
        if t is not None and not t.claimed:
            before.append(t)
            while (s := before[-1].start) and toks[s - 1].key in {",", "-"}:
                prev = title_end_at.get(s - 1)
                if prev is None or prev.claimed:
                    break
                before.append(prev)
        for t in before:
            t.claimed = True
        nm.titles[:0] = reversed(before)


_HONORIFICS_BEFORE = sorted({p for ps in _HONORIFICS.values() for p in ps}, key=len, reverse=True)


def _ends_with(toks: list[_Tok], a: int, phrase: tuple[str, ...]) -> bool:
    s = a - len(phrase)
    return s >= 0 and all(toks[s + k].key == phrase[k] for k in range(len(phrase)))


# ---------------------------------------------------------------- public entry


def find_officials(text: str) -> list[Official]:
    """People with public or party positions in `text`, in order of first mention, titles merged."""
    display = repair(text)
    if m := CHROME_RE.search(display):
        display = display[: m.start()]
    return officials_in_canonical(display, canonical(display))


def officials_in_canonical(display: str, work: str) -> list[Official]:
    """`find_officials` on a text and its `canonical` form (computed once by the caller)."""
    if len(work) != len(display):
        display = work
    toks = _tokenize(work)
    titles, names = _scan(toks)
    _assign(toks, titles, names)

    people: dict[str, Official] = {}
    title_keys: dict[str, set[str]] = {}
    for nm in names:
        if not nm.titles:
            continue
        name = display[toks[nm.start].start : toks[nm.end - 1].end]
        k = key(name)
        if k in lx.HISTORIC:
            continue
        person = people.setdefault(k, Official(name=name, mentions=0))
        seen = title_keys.setdefault(k, set())
        for t in nm.titles:
            written = clean(display[toks[t.start].start : toks[t.end - 1].end]).strip(" ,;:-(")
            tk = title_key(written)
            if tk not in seen:
                seen.add(tk)
                person.titles.append(written)
    for k in [k for k, p in people.items() if all(t.lower().startswith("cố ") for t in p.titles)]:
        del people[k]
    _count_mentions(toks, names, work, people)
    return list(people.values())


def _count_mentions(toks: list[_Tok], names: list[_Name], work: str, people: dict[str, Official]) -> None:
    """Full-name occurrences plus back-references: 'ông Đằng', 'ông Xuân Lâm', 'đồng chí Loan'."""
    for nm in names:
        k = key(work[toks[nm.start].start : toks[nm.end - 1].end])
        if k in people:
            people[k].mentions += 1
    suffixes: dict[str, set[str]] = {}
    for k in people:
        parts = k.split()
        for size in (1, 2):
            if len(parts) > size:
                suffixes.setdefault(" ".join(parts[-size:]), set()).add(k)
    full_starts = {nm.start for nm in names}
    inside = {i for nm in names for i in range(nm.start, nm.end)}
    for i, tok in enumerate(toks):
        hon = _match(_HONORIFICS, toks, i) if tok.key in _HONORIFICS and i not in inside else None
        if not hon:
            continue
        s = i + len(hon)
        run = _cap_run(toks, s)
        if s in full_starts and key(work[toks[s].start : toks[s + run - 1].end]) in people or not 1 <= run <= 2:
            continue
        owners = suffixes.get(" ".join(t.key for t in toks[s : s + run]), set())
        if len(owners) == 1:
            people[next(iter(owners))].mentions += 1
