"""Where titles and personal names stand in a text: tokens, the title grammar and name spans.

The officials extractor (officials.py) joins what this module finds. A title is optional prefixes
(nguyên, cố, quyền, tân), a head (Phó Bí thư, Chủ tịch, Giám đốc, …), organisation phrases (Thường trực,
Tỉnh ủy, HĐND, Sở Lao động - Thương binh và Xã hội, … ‹của Quốc hội›, ‹(CDC)›, ‹, Công an tỉnh X›) and a
place (tỉnh Cà Mau); a name is a capitalised run starting with a surname, or any capitalised run in a name
slot (after ông/bà/đồng chí or a list separator, before a title) for names without a Kinh surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.enrich import lexicon as lx
from vntext import key, without_tones
from vntext.abbreviations import ABBREVIATIONS, CASE_SENSITIVE, d_slips
from vntext.punctuation import unify_dashes

# An acronym compound ('PT-TH', 'TN&MT', 'VH,TT&DL': a comma only before an '&') ends at a word's end:
# 'BTCB-Hiệu trưởng' is 'BTCB', '-', 'Hiệu'. 'P.' glued to a capital is phường ('UBND P.Thạnh Mỹ Lợi').
_TOKEN_RE = re.compile(
    r"(?P<a>[Đđ]/[Cc](?!\w)|UVT\.Ư|UV\.(?:BTV|BCH)(?!\w)|UB\.MTTQ(?!\w)|T\.[ƯW](?!\w)|TP\.|P\.(?=[A-ZĐ][a-zà-ỹ])"
    r"|[A-ZĐ]{1,4}(?:(?:,[A-ZĐ]{1,4})+&[A-ZĐ]{1,6}|(?:[&-][A-ZĐ]{1,6})+)(?![^\W\d_]))"
    r"|(?P<w>[HY]['’](?= [^\W\d_])|[^\W\d_]+(?:['’][^\W\d_]+)?)"  # 'H’ Xuân', 'Y’ Ngọc': Ê Đê name prefixes
    r"|(?P<n>\d\w*(?:[./,]\d+)*%?)"
    r"|(?P<l>\n)"
    r"|(?P<p>[^\w\s])"
)
_ROMAN = re.compile(r"^[IVXLC]+$")
NO_SENTENCE_END = frozenset({"tp", "ts", "ths", "pgs", "gs", "bs", "th", "ks", "t", "st", "ngưt", "tskh"})


class Tok:
    """One token: offsets into the text, its text, lower-case key, kind (a/w/n/l/p) and name-likeness."""

    __slots__ = ("start", "end", "text", "key", "kind", "cap")
    start: int
    end: int
    text: str
    key: str
    kind: str
    cap: bool  # a name-like word: capitalised, not an all-caps acronym (single letters 'Y', 'A' allowed)


# The token regex behind the spaces before a token: one match per token, none tried at each space (~25% faster).
_SPACED_TOKEN_RE = re.compile(rf"[^\S\n]*+(?:{_TOKEN_RE.pattern})")


def tokenize(text: str) -> list[Tok]:
    """Tokens with offsets into `text`; every dash reads as '-' (same length, so offsets hold)."""
    text = unify_dashes(text)
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ('İ'): keys one token at a time
        low = None
    out: list[Tok] = []
    append = out.append
    glued = _glued_units(text)
    for m in _SPACED_TOKEN_RE.finditer(text):
        kind = m.lastgroup
        t = Tok()
        t.start, t.end = s, e = m.span(kind)
        t.text = w = text[s:e]
        t.key = k = low[s:e] if low is not None else w.lower()
        if kind == "w":
            t.kind = "w"
            t.cap = w[0].isupper() and (e - s == 1 or not w.isupper() or w[1] in "'’")
            if glued and (cut := glued.get(s)):  # 'UBND tỉnhThanh Hóa': a space lost in print
                append(_glued_head(s, cut, w, k))
                t.start, t.text, t.key, t.cap = s + cut, w[cut:], k[cut:], True
        else:
            t.kind, t.cap = kind, False
            if w == "&":
                t.key = "và"  # 'Nông nghiệp & Phát triển nông thôn'
            elif w == "P.":
                t.kind, t.key = "w", "phường"
        append(t)
    return out


def _glued_head(start: int, cut: int, word: str, key: str) -> Tok:
    """The unit word cut off the front of a glued token ('tỉnh' of 'tỉnhThanh')."""
    head = Tok()
    head.start, head.end, head.text, head.key = start, start + cut, word[:cut], key[:cut]
    head.kind, head.cap = "w", False
    return head


# A lower-case unit word glued to a capitalised place in print ('UBND tỉnhThanh Hóa'): split when tokenizing.
# Each word opens with its first letter, then '(?<!\w)' one letter back: a literal first lets the regex engine
# skip ahead (twice as fast as a leading lookbehind).
_GLUED_UNITS = ("tỉnh", "huyện", "xã", "phường", "quận", "ủy")
_GLUED_RE = re.compile("(?:" + "|".join(rf"{w[0]}(?<!\w.){w[1:]}" for w in _GLUED_UNITS) + r")(?=[^\W\d_])")


def _glued_units(text: str) -> dict[int, int]:
    """Start offset → length of each lower-case unit word glued to a capitalised word."""
    return {m.start(): m.end() - m.start() for m in _GLUED_RE.finditer(text) if text[m.end()].isupper()}


PhraseTable = dict[str, list[tuple[str, ...]]]


def phrase_table(phrases: list[str]) -> PhraseTable:
    """First token key → token-key tuples, longest first (tokenized in capitals: 'tn&mt' reads as TN&MT)."""
    table: PhraseTable = {}
    for phrase in phrases:
        toks = tuple(t.key for t in tokenize(phrase.upper()))
        if toks and toks not in table.get(toks[0], ()):
            table.setdefault(toks[0], []).append(toks)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


def match(table: PhraseTable, toks: list[Tok], i: int) -> tuple[str, ...] | None:
    """Longest phrase of `table` starting at token i."""
    entries = table.get(toks[i].key) if i < len(toks) else None
    if not entries:
        return None
    longest = len(entries[0])  # the longest entry comes first
    if longest <= 2 and i >= 0:  # most lookups: no tuple of keys to build
        second = toks[i + 1].key if longest == 2 and i + 1 < len(toks) else None
        for phrase in entries:
            if len(phrase) == 1 or phrase[1] == second:
                return phrase
        return None
    keys = tuple([t.key for t in toks[i : i + longest]])
    n = len(keys)
    for phrase in entries:  # every phrase starts with keys[0]; the second key first rules out most
        size = len(phrase)
        if size <= n and (size == 1 or phrase[1] == keys[1] and keys[:size] == phrase):
            return phrase
    return None


_NOT_TAILS = {"Đ/c", "đ/c", "ĐC", "UV", "UVBTV", "TUV", "HUV", "BTTT", "UVTW", "UVTƯ", "UVTV", "UVBCH", "PCT", "GĐ"}
_NOT_TAILS |= {"PGĐ", "ĐB", "PBT", "PBTTT", "CTHĐND", "CTUBND", "PCTHĐND", "PCTUBND", "TBDV", "TBTG", "TBTC"}
_NOT_TAILS |= {"CHT", "CTCĐ", "BTCB", "BT"}  # heads
# Abbreviations that are also words ('TƯ' / 'Tư vấn') are an organisation only when printed in capitals.
_CASED_TAILS = frozenset(a.lower() for a in CASE_SENSITIVE if " " not in a)
_TAIL_LIST = lx.TAIL_PHRASES + [a for a in ABBREVIATIONS if a not in _NOT_TAILS]
_TAIL_LIST += [v for a in ABBREVIATIONS if a not in _NOT_TAILS for v in d_slips(a)]  # 'HĐNĐ tỉnh'
_TAIL_LIST += [p.replace(" và ", " - ") for p in _TAIL_LIST if " và " in p]  # 'Tài nguyên - môi trường'


def _abbreviated(phrases: list[str]) -> list[str]:
    """Each phrase with an abbreviation's expansion inside it written as the abbreviation ('ban quản lý các khu
    công nghiệp' → 'ban quản lý các KCN')."""
    shorts = [(f" {key(v)} ", a) for a, v in ABBREVIATIONS.items() if a not in _NOT_TAILS | CASE_SENSITIVE]
    return [
        f" {p} ".replace(long, f" {a} ").strip()
        for p in phrases
        for long, a in shorts
        if long in f" {p} " and long.strip() != p
    ]


_TAIL_LIST += _abbreviated(lx.TAIL_PHRASES)
HEADS = phrase_table(lx.HEADS)
HEADS_NEED_TAIL = phrase_table([*lx.HEADS_NEED_TAIL, "uv"])
RANKS = phrase_table(lx.RANKS)
TAILS = phrase_table(_TAIL_LIST)
# right after 'ban' ('Trưởng ban Kinh tế - Ngân sách', 'Phó Trưởng Ban Tổ chức'): the phrases without it
_AFTER_BAN = phrase_table([p.removeprefix("ban ") for p in _TAIL_LIST if p.startswith("ban ")])
_LOWER_FIELDS = phrase_table(lx.LOWER_FIELDS)  # right after 'phòng', in lower case: 'Trưởng phòng giáo dục'
# 'Phó trưởng BDV Huyện ủy': a head ending in 'ban' printed without it, before a Ban acronym (BDV, BTG, BCĐ)
_BAN_HEADS = phrase_table([h.removesuffix(" ban") for h in lx.HEADS if h.endswith(" ban")])
_BAN_ACRONYMS = frozenset(a.lower() for a, v in ABBREVIATIONS.items() if v.startswith("Ban ") and a.isupper())
PLACES = phrase_table(lx.PLACES)
HONORIFICS = phrase_table(lx.HONORIFICS)
_TRIGGERS = frozenset(tuple(t.key for t in tokenize(p)) for p in lx.PLACE_TRIGGERS)
_LOCAL_UNITS = frozenset({"huyện", "xã", "phường", "quận", "trấn", "tx"})
_HAMLETS = frozenset({"ấp", "thôn", "bản", "phố", "xóm", "buôn", "khóm"})  # named or numbered: 'bản Ta Vắt', 'xóm 5'
_LOCAL_UNITS |= _HAMLETS
_NUMBERED_UNITS = _HAMLETS | {"khóa", "quận", "phường"}  # 'UBND Quận 8', 'HĐND Phường 5': city units by number
_LOCAL_COMMITTEES = frozenset({("huyện", "ủy"), ("thị", "ủy"), ("quận", "ủy"), ("đảng", "ủy"), ("thành", "ủy")})
_NUMBERED = frozenset({("quân", "khu"), ("quân", "đoàn"), ("sư", "đoàn"), ("lữ", "đoàn"), ("vùng",), ("khu", "vực")})
_NUMBERED |= {("đội",), ("bcđ",), ("chỉ", "đạo")}  # 'Đội trưởng Đội 3', 'Trưởng BCĐ 138 phường'


def _triggers(tail: tuple[str, ...]) -> bool:
    """The organisation phrase ends with a word after which a place name follows ('… Biên phòng Minh Tân')."""
    return any(tail[-n:] in _TRIGGERS for n in range(1, min(len(tail), 5) + 1))


TITLE_STARTS = frozenset(HEADS) | frozenset(HEADS_NEED_TAIL) | lx.QUALIFIERS
MAJOR_SURNAMES = frozenset(
    ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương"]
)
# Organisation phrases that may continue a title after a comma: 'Trưởng phòng Cảnh sát kinh tế, Công an tỉnh X'.
_COMMA_ORGS = frozenset({"công", "bộ", "sở", "ubnd", "ủy", "cục", "tổng", "ban", "văn", "ngân", "kho", "catp", "hđnd"})
_CAPITAL_COMMA_ORGS = frozenset({"vụ", "bệnh", "viện", "đại"})  # only capitalised: ", Vụ VII", ", Đại học Huế"
_DEGREE_WORDS = (("sĩ", "khoa", "học"), ("sỹ", "khoa", "học"))  # 'Tiến sĩ khoa học Đặng Vũ Minh'


def is_surname(tok: Tok) -> bool:
    return tok.cap and (tok.key in lx.SURNAMES or tok.key.startswith(("h'", "h’")))


def valid_name(toks: list[Tok], i: int, length: int) -> bool:
    return 2 <= length <= 5 and is_surname(toks[i]) and all(toks[i + k].cap for k in range(length))


def cap_run(toks: list[Tok], i: int) -> int:
    j = i
    while j < len(toks) and toks[j].cap:
        j += 1
    return j - i


# ---------------------------------------------------------------- titles


_PROVINCE_RUNS = frozenset(
    tuple(t.key for t in tokenize(v)) for line in lx.read_lines("provinces.txt") for v in line.split("\t")
)


def _run_keys(toks: list[Tok], k: int, size: int) -> tuple[str, ...]:
    return tuple(t.key for t in toks[k : k + size])


def _split_run(toks: list[Tok], k: int, run: int, local: bool, provincial: bool = False) -> int:
    """Within a capitalised run after a place trigger, the number of words that are the place.

    `local`: the trigger names a unit below the province (huyện, xã, Huyện ủy, …), whose names no gazetteer
    here lists; there a lone two-word run without a major surname is the place ('xã Châu Thới').
    `provincial`: the trigger is tỉnh / Tỉnh ủy, whose place must be a province of the list; a run that is a
    name as a whole is none ('Bí thư Tỉnh ủy Lương Nguyễn Minh Triết').
    """
    institution = toks[k].key in lx.INSTITUTION_PREV  # 'Thành ủy Buôn Ma Thuột'; five words or more end in a name
    if institution and run < 5 or (local and run == 2 and toks[k].key not in MAJOR_SURNAMES):
        return run  # 'Huyện ủy Sơn Hòa'; 'huyện Chợ Mới Lê Trần Minh Hiếu' is place + name
    for p in range(2 if institution else 0, min(run, 4)):
        rest = run - p
        if p and provincial and valid_name(toks, k, run) and _run_keys(toks, k, p) not in _PROVINCE_RUNS:
            return 0
        if 2 <= rest <= 4 and valid_name(toks, k + p, rest):
            # 'Lâm Hà Nguyễn Văn A': a 4-word 'name' whose 2nd word is a major surname is place + name, after a
            # place of one word; after two ('Chợ Mới Lê Trần Minh Hiếu') the place is whole and the name has four
            if rest == 4 and p < 2 and toks[k + p + 1].key in MAJOR_SURNAMES and valid_name(toks, k + p + 1, 3):
                continue
            return p
    return run


def _place_end(toks: list[Tok], k: int, triggered: bool, local: bool = False, provincial: bool = False) -> int:
    """After an organisation: skip a place name (tỉnh Cà Mau), leaving a following personal name alone."""
    run = cap_run(toks, k)
    place = match(PLACES, toks, k)
    if place:
        rest = run - len(place)
        if rest == 1 or (rest > 1 and not triggered and not valid_name(toks, k + len(place), rest)):
            return k + run  # 'huyện Điện Biên Đông': the gazetteer's 'Điện Biên' plus the rest of the run
        return k + len(place)
    if triggered and local and run == 0 and _initials(toks, k):
        return k + 1  # 'PCT HĐND quận LB': a district printed by its initials
    if not triggered or run == 0:
        return k
    return k + _split_run(toks, k, run, local, provincial)


def _initials(toks: list[Tok], k: int) -> bool:
    """Two or three capitals at k, no abbreviation of the lexicon, closing the clause: a place's initials."""
    t = toks[k] if k < len(toks) else None
    if t is None or t.kind != "w" or not 2 <= len(t.text) <= 3 or not t.text.isupper() or t.key in TAILS:
        return False
    return k + 1 == len(toks) or toks[k + 1].key in _NAME_CLOSERS | {".", "và", "\n"}


def _bracketed_tails(toks: list[Tok], k: int) -> int:
    """'(CDC)', '(Ban Tuyên giáo Trung ương)', '(Bộ TT&TT)', a unit's code '(T.78)', '(PC02)' right after an
    organisation: end after ')', or k."""
    if k >= len(toks) or toks[k].key != "(":
        return k
    j = k + 1
    while j < len(toks) and j - k <= 10:
        if toks[j].key == ")":
            return j + 1 if j > k + 1 else k
        tail = match(TAILS, toks, j)
        if tail:
            j += len(tail)
        elif toks[j].kind in ("a", "w") and toks[j].text.isupper() and j == k + 1:
            j += 1
            dotted = j + 1 < len(toks) and toks[j].key in {".", "-"} and toks[j + 1].kind == "n"
            j += 2 if dotted else int(j < len(toks) and toks[j].kind == "n")
        else:
            return k
    return k


def _tail_at(toks: list[Tok], k: int) -> tuple[str, ...] | None:
    """The organisation phrase of the lexicon at k, unless it is a personal name's or a word's there."""
    tail = match(TAILS, toks, k)
    if k and toks[k - 1].key == "ban" and (after_ban := match(_AFTER_BAN, toks, k)):
        tail = after_ban if tail is None or len(after_ban) > len(tail) else tail
    if tail is None and k and toks[k - 1].key == "phòng" and toks[k].text.islower():
        tail = match(_LOWER_FIELDS, toks, k)
    if tail is None and k < len(toks) and toks[k].key == "ban":
        tail = _ban_acronym(toks, k)  # 'Chỉ huy trưởng Ban CHQS huyện'
    if tail and len(tail) == 1 and is_surname(toks[k]) and k + 1 < len(toks) and toks[k + 1].cap:
        return None  # 'Lâm' starting a name, not an organisation word
    if tail and len(tail) == 1 and _not_an_organisation(toks, k, tail[0]):
        return None  # 'Trung tâm Tư vấn': 'Tư' is no 'TƯ'; 'báo cáo' is no newspaper ('báo Nhân Dân')
    if tail == ("đoàn",) and not toks[k].cap:
        return None  # 'dẫn đoàn', 'trưởng đoàn': the Youth Union alone is printed 'Đoàn'
    if tail == ("khóa",) and not _numbered_at(toks, k + 1):
        return None  # 'Bí thư Tỉnh ủy Thái Bình khóa mới': no term number, the title ends before it
    return tail


def _tails(toks: list[Tok], k: int, head: tuple[str, ...], head_end: int) -> int:
    """End of the organisation phrases (and places) following a head at k."""
    triggered = local = provincial = False
    last: tuple[str, ...] = ()
    while True:
        tail = _tail_at(toks, k)
        if tail and triggered and local and len(tail) == 1 and cap_run(toks, k) == 2:
            tail = None  # 'thị trấn Hội An': a two-word place after its unit, not 'Hội' (an association)
        joined = k + 1 < len(toks) and toks[k].key == "của" and match(TAILS, toks, k + 1)
        if tail is None and (joined or _acronym_and_acronym(toks, k)):
            k += 1  # 'Ủy ban Xã hội của Quốc hội', 'Cảnh sát PCCC và CNCH Công an tỉnh'
            continue
        # 'Viện trưởng Viện Trần Nhân Tông', 'trường THCS Nguyễn Văn Linh': organisations named after a person
        named = tail and k == head_end and _named_after_a_person(toks, k, tail, head)
        if tail and (run := named or _school_name(toks, k, tail)):
            k, last, triggered = k + len(tail) + run, (), False
            continue
        if tail and _acronym_and_acronym(toks, k + len(tail)):
            k += len(tail) + 1  # 'Văn phòng HĐND và UBND huyện': one office of two bodies
            tail = match(TAILS, toks, k) or tail
        if tail:
            k = _police_unit(toks, k + len(tail), tail)
            last = tail
            triggered = _triggers(tail)
            local = tail[-1] in _LOCAL_UNITS or tail[-2:] in _LOCAL_COMMITTEES
            provincial = tail[-1] == "tỉnh" or tail[-2:] == ("tỉnh", "ủy")
            numbered = tail[-1] in _NUMBERED_UNITS or tail[-2:] in _NUMBERED or tail[-1:] in _NUMBERED
            if numbered and _numbered_at(toks, k):
                k = _named_region(toks, k + 1) if tail[-2:] == ("khu", "vực") else k + 1
            k = _bracketed_tails(toks, k)
            continue
        # 'Trưởng phòng Tổng hợp', 'Trưởng Ban chỉ đạo Đại hội TDTT tỉnh': a head naming its organisation's type
        typed = last in _ORG_TYPES or k == head_end and (head[-1:] in _HEAD_TYPES or head[-2:] in _HEAD_TYPES)
        typed = (
            typed or k == head_end and head[-3:] == _STEERING or last in _STEERING_TAILS
        )  # 'Trưởng ban BCĐ Phong trào …'
        if k == head_end and head[-1] == "trưởng" and _acronym_after_chief(toks, k, head):
            k, triggered, last = k + 1, True, ()  # 'Phó Tổng cục trưởng TCĐBVN': the organisation's acronym
            continue
        if (named := _named_by_task(toks, k, last, head[-2:] if k == head_end else ())) > k:
            k, last = named, ()  # 'Hội trại tòng quân huyện', 'Hội đồng thẩm định tỉnh': what it is, up to its unit
            continue
        fields = last and k < len(toks) and toks[k].key in {",", "-"} and toks[k - len(last)].cap
        if fields and (listed := _capital_list(toks, k)) > k:
            k, last = listed, ()  # 'Ủy ban Quốc phòng, An ninh và Đối ngoại': one body of several fields
            continue
        capitalised = last and not triggered and toks[k - len(last)].cap  # 'Phòng an ninh Chính trị Nội bộ'
        if (typed or capitalised) and (named := _org_name_end(toks, k, bool(typed))) > k:
            # 'Trung tâm Phát triển quỹ đất (tỉnh)', 'Cục YTDP', 'Phòng Văn hoá - Thông tin'
            named += last == ("bệnh", "viện") and _numbered_at(toks, named)  # 'Bệnh viện Quân y 103'
            k, triggered, last = _bracketed_tails(toks, _capital_list(toks, named)), True, ()
            continue
        end = _place_end(toks, k, triggered or k == head_end and head in _TRIGGERS, local, provincial)
        if end == k:
            parent = _parent_org(toks, k) if last or k > head_end else k
            if parent == k:
                return k
            end = parent  # 'Cục YTDP- Bộ Y tế', '… trực thuộc Sở Thông tin và Truyền thông'
        k, triggered = end, False


def _named_by_task(toks: list[Tok], k: int, last: tuple[str, ...], head_end: tuple[str, ...]) -> int:
    """An event, a council or a management board named by its task at k, up to its unit ('Hội thi … huyện',
    'Hội đồng thẩm định tỉnh', 'Ban Quản lý rừng phòng hộ huyện'): the unit's index, or k."""
    council = last == ("hội", "đồng") and _run_keys(toks, k, 2) not in _BOARDS
    if last in _EVENTS or council or _MANAGING in (last[-2:], head_end):
        return _event_words(toks, k, lx.BRIDGE_STOPS if council else None)
    return k


def _field_end(toks: list[Tok], m: int) -> int:
    """A field of a body's name at m ('An ninh', 'Đối ngoại'): a capitalised word, no place, head, organisation or
    personal name, and maybe one lower-case syllable; its end, or m."""
    t = toks[m] if m < len(toks) else None
    if t is None or not t.cap or t.key in _NOT_FIELDS or t.key in TITLE_STARTS and _is_head(toks, m):
        return m
    if t.key in PLACES and match(PLACES, toks, m) or valid_name(toks, m, min(cap_run(toks, m), 4)):
        return m
    lower = m + 1 < len(toks) and toks[m + 1].kind == "w" and toks[m + 1].text.islower()
    plain = lower and toks[m + 1].key not in _NOT_NAME_WORDS | lx.LIST_COUNTS | _UNIT_WORDS | {"và"}
    return m + 2 if plain and not _verb_at(toks, m + 1) else m + 1


def _capital_list(toks: list[Tok], c: int) -> int:
    """', An ninh và Đối ngoại' at c, after a capitalised organisation phrase: fields joined by ',' and closed by
    'và' and a last field; or ' - Thông tin' closed by a unit word or the end of the clause; the end, or c."""
    if c + 1 < len(toks) and toks[c].key == "-" and (end := _field_end(toks, c + 1)) > c + 1:
        if end + 1 < len(toks) and toks[end].key == "và" and (last := _field_end(toks, end + 1)) > end + 1:
            end = last  # 'Trung tâm Văn hóa - Thông tin và Thể thao huyện'
        words = _plain_words(toks, end)
        end = words if words < len(toks) and _unit_at(toks, words) else end
        closed = end == len(toks) or _unit_at(toks, end) or toks[end].key in _NAME_CLOSERS | {"."}
        closed = closed or toks[end].key in _PARENT_ORGS and toks[end].cap and bool(match(TAILS, toks, end))
        return end if closed else c  # 'Phòng Văn hoá - Thông tin huyện', 'Phòng Tổ chức - Hành chính Sở Y tế'
    m = c
    while m < len(toks) and toks[m].key == "," and (end := _field_end(toks, m + 1)) > m + 1:
        m = end
        if m < len(toks) and toks[m].key == "và" and (last := _field_end(toks, m + 1)) > m + 1:
            return last
    return c


def _acronym_and_acronym(toks: list[Tok], k: int) -> bool:
    """'và' or '-' at k between two organisations printed as acronyms ('HĐND và UBND', 'HĐND - UBND'), the second
    no head."""
    if k + 1 >= len(toks) or toks[k].key not in {"và", "-"}:
        return False
    if not toks[k - 1].text.isupper() or len(toks[k - 1].text) < 2:
        return False
    nxt = toks[k + 1]
    return nxt.text.isupper() and len(nxt.text) > 1 and nxt.key in TAILS and not _is_head(toks, k + 1)


def _ban_acronym(toks: list[Tok], k: int) -> tuple[str, ...] | None:
    """'Ban' + an organisation printed as an acronym ('Ban CHQS', 'Ban QLDA'): the tail, or None."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.text.isupper() or len(nxt.text) < 2 or not (after := match(TAILS, toks, k + 1)):
        return None
    return ("ban", *after)


def _named_region(toks: list[Tok], k: int) -> int:
    """'Khu vực 1 - Thới Lai': a numbered region's place name after a dash (no person, head or organisation)."""
    if k + 1 >= len(toks) or toks[k].key != "-" or not toks[k + 1].cap or match(TAILS, toks, k + 1):
        return k
    run = cap_run(toks, k + 1)
    if not 1 <= run <= 3 or _is_head(toks, k + 1) or valid_name(toks, k + 1, run):
        return k
    return k + 1 + run


# Chiefs named after their organisation's type ('Cục trưởng', 'Phó Tổng cục trưởng', 'Viện trưởng').
_CHIEF_TYPES = frozenset({("cục",), ("tổng", "cục"), ("chi", "cục"), ("vụ",), ("viện",), ("trạm",)})


def _chief_type(head: tuple[str, ...]) -> tuple[str, ...]:
    """The organisation type a chief is named by: 'Phó Viện trưởng' → ('viện',), 'Cục trưởng' → ('cục',)."""
    if head[-1:] != ("trưởng",) and head[-1:] != ("phó",):
        return ()  # 'Cục phó' is the deputy of a Cục
    kind = tuple(w for w in head[:-1] if w != "phó")
    return kind if kind in _CHIEF_TYPES else ()


def _named_after_a_person(toks: list[Tok], k: int, tail: tuple[str, ...], head: tuple[str, ...]) -> int:
    """'Viện trưởng Viện Trần Nhân Tông': a chief's own type word repeated, then a personal name, is an
    organisation named after that person; the name's length, or 0."""
    if _chief_type(head) != tail:
        return 0
    run = cap_run(toks, k + len(tail))
    return run if valid_name(toks, k + len(tail), run) else 0


_SCHOOLS = frozenset(tuple(p.split()) for p in lx.TAIL_PHRASES if p.startswith("trường "))


def _school_name(toks: list[Tok], k: int, tail: tuple[str, ...]) -> int:
    """'Chi bộ trường THCS Nguyễn Văn Linh': a personal name right after a school's type is the school's own name
    (a school is named after a person far more often than a title is followed by its holder there); its length."""
    if tail not in _SCHOOLS:
        return 0
    run = cap_run(toks, k + len(tail))
    return run if run <= 4 and valid_name(toks, k + len(tail), run) else 0


def _acronym_after_chief(toks: list[Tok], k: int, head: tuple[str, ...]) -> bool:
    """An unknown acronym right after '<type> trưởng' is that organisation ('Tổng cục trưởng TCĐBVN')."""
    if k >= len(toks) or not _chief_type(head):
        return False
    t = toks[k]
    return t.kind in ("w", "a") and len(t.text) >= 3 and t.text.isupper() and t.key not in TAILS


_NAMED_TYPES = frozenset({"báo", "đội", "phòng"})  # one-word organisation types that need a name after them


def _not_an_organisation(toks: list[Tok], k: int, word: str) -> bool:
    """A one-word organisation that is a plain word here: a capitals-only abbreviation not printed in capitals,
    or a bare type ('báo', 'đội', 'phòng') without its own name, acronym or number after it ('đội trưởng đội
    bóng', 'phòng khám tư nhân')."""
    if word in _CASED_TAILS:
        return not toks[k].text.isupper()
    if word not in _NAMED_TYPES:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None:
        return True
    if nxt.cap or nxt.kind == "n" or nxt.kind in ("w", "a") and nxt.text.isupper():
        return False
    # 'Phó đội trưởng đội cảnh sát PCCC quận …': a lower-case type before an organisation of the lexicon
    return nxt.key not in TAILS or _unit_at(toks, k + 1) or not match(TAILS, toks, k + 1)


def _numbered_at(toks: list[Tok], k: int) -> bool:
    return k < len(toks) and (toks[k].kind == "n" or bool(_ROMAN.match(toks[k].text)))


# An organisation's type word, whose own name the lexicon may not list: 'Trung tâm Phát triển quỹ đất tỉnh'.
_ORG_TYPES = frozenset(
    {("trung", "tâm"), ("cục",), ("chi", "cục"), ("phòng",), ("viện",), ("học", "viện"), ("vụ",), ("công", "ty")}
    | {("trường",)}
    | {("hội",), ("hiệp", "hội"), ("cụm",), ("ban",), ("trạm",), ("tạp", "chí")}  # 'Trưởng ban Công tác Công đoàn'
    | {("công", "đoàn"), ("nhà", "hát")}  # 'Công đoàn ngành Y tế tỉnh', 'Nhà hát Tuổi trẻ'
    | {tuple(p.split()) for p in lx.TAIL_PHRASES if p.startswith("trường ") and p != "trường chính trị"}
)
# Events a committee organises ('Trưởng ban tổ chức Hội thi'): a lower-case name up to a unit word may follow.
_EVENTS = frozenset({("hội", w) for w in ("thi", "trại", "diễn", "thao", "chợ")})
_ORG_TYPES |= _EVENTS
_STEERING = ("ban", "chỉ", "đạo")  # a steering committee, named by what it steers
_STEERING_TAILS = frozenset({_STEERING, ("bcđ",)})
_MANAGING = ("quản", "lý")  # a management board, named by what it manages
_HEAD_TYPES = _ORG_TYPES | {("khoa",)}  # a head's own type word: 'Trưởng khoa Gây mê' (a department)
_PARENT_ORGS = frozenset({"bộ", "sở", "tổng", "ubnd", "ủy", "ban"})
_NOT_FIELDS = _COMMA_ORGS | _PARENT_ORGS | {t[0] for t in _ORG_TYPES} | {"hội", "đảng", "đoàn"}  # no field of a name


def _parent_org(toks: list[Tok], k: int) -> int:
    """'- Bộ Y tế' or 'trực thuộc Sở …' after an organisation: where its parent organisation starts, or k."""
    n = len(toks)
    if k + 1 < n and toks[k].key == "-" and toks[k + 1].key == "bộ" and toks[k + 1].cap:
        start = k + 1  # 'Phó Cục trưởng Cục YTDP- Bộ Y tế': the ministry a department belongs to
    elif k + 2 < n and toks[k].key == "trực" and toks[k + 1].key == "thuộc" and toks[k + 2].key in _PARENT_ORGS:
        start = k + 2
    else:
        return k
    tail = match(TAILS, toks, start)
    return k if not tail or _is_head(toks, start) else start


# Words that end a lower-case opening of an organisation's name ('Trung tâm nói rằng …' is no name).
_LEAD_STOPS = (lx.BRIDGE_STOPS | {w for v in lx.SPEECH_VERBS for w in v.split()}) - {"nghị"}  # 'hữu nghị'
_LEAD_STOPS |= {"là", "được", "đã", "đang", "sẽ"}
_LEAD_STOPS |= {"có", "làm", "cùng", "bị", "vừa", "đi", "lên", "ra", "vào", "thì", "này", "đó", "nay", "ký"}
_LEAD_STOPS |= {"hôm", "sáng", "chiều", "tối", "ngày", "tháng", "năm", "trước", "sau", "cũng", "còn", "đều", "hiện"}
_UNIT_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "tp", "tp."})
_NAME_CLOSERS = frozenset({",", "-", "(", ")", ";"})


def _lower_lead(toks: list[Tok], k: int) -> int:
    """Up to three lower-case syllables, none a verb of speech or a link word, at k: their end, or k."""
    m = k
    while m < len(toks) and m - k < 3 and toks[m].kind == "w" and toks[m].text.islower():
        if toks[m].key in _UNIT_WORDS or toks[m].key in _LEAD_STOPS:
            return k
        m += 1
    return m


def _lower_run(toks: list[Tok], k: int, most: int) -> int:
    """End of up to `most` lower-case syllables at k, none a unit word, link word or verb of speech; k if
    there are more or none."""
    m = k
    while m < len(toks) and toks[m].kind == "w" and toks[m].text.islower() and toks[m].key != "và":
        if m - k == most or toks[m].key in _UNIT_WORDS or toks[m].key in _LEAD_STOPS:
            return k
        m += 1
    return m


def _event_words(toks: list[Tok], k: int, stops: frozenset[str] | None = None) -> int:
    """Up to three lower-case syllables (no link word, none of `stops`) right before a unit word at k: the unit's
    index, or k. A council's task ('thẩm định') may hold a syllable of a speech verb."""
    stops = _LEAD_STOPS if stops is None else stops
    m = k
    while m < len(toks) and m - k < 3 and toks[m].kind == "w" and toks[m].text.islower():
        if toks[m].key in _UNIT_WORDS or toks[m].key in stops:
            break
        if m > k and (toks[m - 1].key, toks[m].key) in lx.PRIVATE_BODY_WORDS:
            return k  # 'Hội đồng bảo trợ xã …': a charity's body
        m += 1
    return m if m > k and m < len(toks) and toks[m].key in _UNIT_WORDS else k


def _org_name_end(toks: list[Tok], k: int, typed: bool = False) -> int:
    """End of an organisation's own name after its type word at k-1, or k.

    The name starts with a capitalised word or an acronym that does not start a personal name; it goes on
    syllable by syllable (a capitalised one, at most one lower-case one after it, 'và' between capitalised
    ones: 'An ninh Chính trị Nội bộ', 'Công nghệ Thông tin và Truyền thông'), or, through at most three
    lower-case syllables, up to a unit word ('Phát triển quỹ đất tỉnh'). At most 8 words. Right after a type
    word (`typed`) the name may open with up to three lower-case syllables before its capitalised part
    ('phòng nghiệp vụ dược Sở Y tế', 'Hội hữu nghị Việt – Lào tỉnh'); single capitalised words may then be
    joined by '-'.
    """
    n = len(toks)

    def starts_word(j: int) -> bool:
        t = toks[j]
        caps = t.cap or (t.kind in ("w", "a") and t.text.isupper() and len(t.text) > 1 and t.key not in lx.DEGREES)
        if not caps or t.key in PLACES and match(PLACES, toks, j) or t.key in TITLE_STARTS and _is_head(toks, j):
            return False
        return not valid_name(toks, j, min(cap_run(toks, j), 4))

    if k >= n:
        return k
    if (
        not typed
        and toks[k].key == "và"
        and k + 1 < n
        and toks[k + 1].key not in _NOT_NAME_WORDS
        and starts_word(k + 1)
    ):
        k += 1  # 'Văn phòng HĐND và UBND huyện', 'Phòng Kinh tế và Hạ tầng': 'và' inside the name
    lead = _lower_lead(toks, k) if typed and toks[k].text.islower() else k
    if lead >= n or not starts_word(lead) or lead > k and toks[lead].key in _UNIT_WORDS:
        return k  # 'Trung tâm chuyển đổi số TP.HCM': a lower-case opening needs a capitalised name part
    j = lead
    while j < n and j - k < 8:
        if starts_word(j):
            j += 1
            lower = j < n and toks[j].kind == "w" and not toks[j].cap and toks[j].key not in _UNIT_WORDS | {"và"}
            if lower and not _verb_at(toks, j):
                j += 1
        elif toks[j].key == "và" and j + 1 < n and toks[j + 1].key not in _HONORIFIC_WORDS and starts_word(j + 1):
            j += 1  # not '… Hội khuyến học Thanh Liệt và Ông A': the next person
        elif j > lead and (low := _lower_run(toks, j, 2)) > j and toks[low].key == "và" and starts_word(low + 1):
            j = low  # 'Viện Đánh giá khoa học và Định giá công nghệ': lower-case words before 'và' + a name part
        elif lead > k and toks[j].key == "-" and j + 2 < n and toks[j + 1].cap and starts_word(j + 1):
            j += 1 if not toks[j + 2].cap and toks[j + 1].key not in _NOT_NAME_WORDS else n  # 'Việt – Lào tỉnh'
        else:
            break
    if j > lead and (joined := _hyphened(toks, j)) > j:
        return joined  # 'Trung tâm Hỗ trợ học sinh-sinh viên TP.HCM'
    if j > lead and (low := _lower_run(toks, j, 2)) > j and (low == n or toks[low].key in _NAME_CLOSERS):
        return _comma_list(toks, low)  # 'Cục PBGDPL và Trợ giúp pháp lý – cho rằng': the last lower-case words
    return _lower_end(toks, j)


def _hyphened(toks: list[Tok], j: int) -> int:
    """Lower-case words of a name at j holding a compound printed with a hyphen and no spaces ('học sinh-sinh
    viên'), closed by a unit word, a closer or the end: their end, or j."""
    m, glued = _plain_words(toks, j), False
    while m > j and m + 1 < len(toks) and toks[m].key == "-" and toks[m - 1].end == toks[m].start:
        if toks[m].end != toks[m + 1].start or (after := _plain_words(toks, m + 1)) == m + 1:
            break
        m, glued = after, True
    closed = m == len(toks) or _unit_at(toks, m) or toks[m].key in _NAME_CLOSERS | {"."}
    return m if glued and closed else j


def _plain_words(toks: list[Tok], k: int) -> int:
    """End of up to three lower-case syllables at k, before a unit word and none a link word or verb of speech."""
    m = k
    while m < len(toks) and m - k < 3 and toks[m].kind == "w" and toks[m].text.islower() and not _unit_at(toks, m):
        if toks[m].key in _LEAD_STOPS or toks[m].key == "và":
            return k
        m += 1
    return m


def _comma_list(toks: list[Tok], c: int) -> int:
    """', lâm, thủy sản' at c, after two or more lower-case syllables of a name ('Chi cục Chất lượng nông, lâm,
    thủy sản', 'Vụ Quản lý đào tạo, bồi dưỡng'): items of one or two lower-case syllables, none a link word,
    unit word, head, honorific or count; the end of the last, or c."""
    if c < 2 or c >= len(toks) or toks[c].key != "," or not (toks[c - 1].text.islower() and toks[c - 2].text.islower()):
        return c
    end = c
    while end < len(toks) and toks[end].key == ",":
        m = end + 1
        while m < len(toks) and m - end <= 2 and toks[m].kind == "w" and toks[m].text.islower():
            if toks[m].key in _NOT_LISTED or _verb_at(toks, m):
                break
            m += 1
        if m == end + 1:
            break
        end = m
    if end == len(toks) or toks[end].kind == "w" and not toks[end].cap and _unit_at(toks, end):
        return end  # '… thể thao, du lịch tỉnh Nghệ An': the unit's place follows
    person = not match(PLACES, toks, end) and valid_name(toks, end, cap_run(toks, end))
    if toks[end].kind == "w" and not toks[end].cap or person:
        return c  # 'thể thao, cán bộ trung tâm', ', nghệ sĩ Hồ Văn Tư': no list closed by a place, org or closer
    return end


def _lower_end(toks: list[Tok], j: int) -> int:
    """Up to three lower-case syllables ending a name at j, when a unit word, 'Việt Nam', a parent organisation
    or the next title of a chain follows them: their end, else j."""
    n = len(toks)
    m = j
    while m < n and m - j < 3 and toks[m].kind == "w" and not toks[m].cap and not _unit_at(toks, m):
        m += 1  # 'Phòng Quản lý đô thị quận': 'đô thị' is no unit word
    if m == j or m >= n:
        return j
    # 'Nông nghiệp hữu cơ Việt Nam', 'Viện Vệ sinh dịch tễ Trung ương'
    country = m + 1 < n and toks[m].cap and (toks[m].key, toks[m + 1].key) in {("việt", "nam"), ("trung", "ương")}
    parent = _parent_org(toks, m) > m  # 'Vụ Chính sách đối ngoại - Bộ Ngoại giao'
    # 'Phòng GD tiểu học Sở GD-ĐT', 'Phòng Kế hoạch tổng hợp Bệnh viện …': the parent follows the name directly
    parent = parent or toks[m].key in {"sở", "bộ", "bệnh"} and toks[m].cap and bool(match(TAILS, toks, m))
    # 'Chi cục Phát triển nông thôn, Phó Chánh Văn phòng …': the name ends where the next title of a chain starts
    chain = m + 1 < n and toks[m].key in {",", ";"} and toks[m + 1].key in TITLE_STARTS and match_title(toks, m + 1)
    return m if _unit_at(toks, m) or country or parent or chain else j


_UNIT_SECONDS = frozenset({"xã", "trấn", "phố", "ủy", "đoàn"})


def _unit_at(toks: list[Tok], m: int) -> bool:
    """A unit word at m; 'thị' and 'thành' only as the first word of one ('thị xã', 'thành phố'; 'đô thị' is none)."""
    if toks[m].key in {"thị", "thành"}:
        return m + 1 < len(toks) and toks[m + 1].key in _UNIT_SECONDS
    return toks[m].key in _UNIT_WORDS


# Two-word verbs a lower-case syllable after a name's capitalised one may start ('… Na Ngua báo cáo …').
_VERB_PAIRS = frozenset(tuple(v.split()) for v in lx.SPEECH_VERBS if v.count(" ") == 1)
_VERB_PAIRS |= {("báo", "cáo"), ("trình", "bày"), ("chủ", "trì"), ("tham", "dự"), ("phụ", "trách")}


def _verb_at(toks: list[Tok], j: int) -> bool:
    return j + 1 < len(toks) and (toks[j].key, toks[j + 1].key) in _VERB_PAIRS


def comma_place(toks: list[Tok], k: int) -> int:
    """', tỉnh Phú Yên' after a title ('Bí thư Thị ủy Thị xã Sông Cầu, tỉnh Phú Yên'): its end, or k."""
    if k + 2 < len(toks) and toks[k].key == "," and toks[k + 1].key in {"tỉnh", "tp", "tp."} and toks[k + 2].cap:
        end = _place_end(toks, k + 2, True)
        return end if end > k + 2 else k
    return k


def tails_end(toks: list[Tok], k: int) -> int:
    """End of the organisation phrases (and places) starting at k, with no head before them."""
    return _tails(toks, k, (), -1)


def _comma_org(toks: list[Tok], k: int) -> int:
    """', Công an tỉnh Nam Định' after a title: the organisation the title belongs to (end), or k."""
    if k + 1 >= len(toks) or toks[k].key != ",":
        return k
    if (central := _central_union(toks, k + 1)) > k + 1:
        return central  # 'Phó Ban Công tác Phụ nữ, TW Hội': the union's central committee, whatever follows
    first = toks[k + 1]
    start = k + 3 if first.cap and _run_keys(toks, k + 1, 2) == ("cơ", "quan") else k + 1  # ', Cơ quan UBKT …'
    if first.key not in _COMMA_ORGS and not (first.cap and first.key in _CAPITAL_COMMA_ORGS or start > k + 1):
        return k
    if toks[start].key in TITLE_STARTS and _is_head(toks, start) or not match(TAILS, toks, start):
        return k  # ', Bộ trưởng …' starts another title; ', Bộ NN&PTNT' names the parent
    end = _tails(toks, start, (), -1)
    after = toks[end] if end < len(toks) else None
    # 'Kiểm tra viên chính, Vụ VII, Cơ quan UBKT Trung ương': the parent's own parent (of another type: no list)
    nested = after is not None and after.key == "," and end + 1 < len(toks) and toks[end + 1].key != first.key
    if nested and (further := _comma_org(toks, end)) > end:
        return further
    # ', CATP Hà Nội, cầm loa …': a clause goes on after the parent, a lower-case word no list item
    clause = after is not None and after.key in {",", "-"} and end + 1 < len(toks) and toks[end + 1].text.islower()
    # ', Bệnh viện Quân y 103 - gọi đây là …': a dash closing the apposition before any lower-case word
    clause = clause and toks[end + 1].key not in (_NOT_LISTED if after.key == "," else _NOT_NAME_WORDS | TITLE_STARTS)
    separates = after is not None and after.key in {",", "-"} and not clause
    # ', Bệnh viện huyện và Trạm y tế xã đã phối hợp': a list of bodies, the subject of the clause
    listed = after is not None and after.key == "và" and end + 1 < len(toks) and toks[end + 1].cap
    separates = separates or listed and bool(match(TAILS, toks, end + 1))
    if after is not None and (after.cap or separates or end in _starts_of_titles(toks, end)):
        return k  # a name, a list or another title follows: the comma separates, it does not continue
    return end


_CENTRAL = (("trung", "ương"), ("tw",), ("tư",), ("t.ư",))


def _central_union(toks: list[Tok], k: int) -> int:
    """'TW Hội', 'Trung ương Hội (Nông dân Việt Nam)' at k, capitalised: the end of a union's central body, or k."""
    for words in _CENTRAL:
        end = k + len(words)
        if end < len(toks) and toks[k].text[0].isupper() and _run_keys(toks, k, len(words)) == words:
            return max(end + 1, tails_end(toks, k)) if toks[end].key == "hội" and toks[end].cap else k
    return k


def _starts_of_titles(toks: list[Tok], i: int) -> set[int]:
    return {i} if i < len(toks) and toks[i].key in TITLE_STARTS and match_title(toks, i, comma=False) else set()


def _toneless_table() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """First word (as written and without its tone) → (head, head without tones) of every multi-word head."""
    table: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for head in {h for entries in (*HEADS.values(), *HEADS_NEED_TAIL.values()) for h in entries if len(h) > 1}:
        bare = tuple(without_tones(w) for w in head)
        for first in {head[0], bare[0]}:
            table.setdefault(first, []).append((head, bare))
    for entries in table.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return table


_TONELESS_HEADS = _toneless_table()


def _lost_prefixes() -> frozenset[tuple[str, ...]]:
    """Two- and three-word openings of the heads with at least one tone lost: a cheap test before the search."""
    out: set[tuple[str, ...]] = set()
    for head, bare in {e for entries in _TONELESS_HEADS.values() for e in entries}:
        for size in (2, 3)[: len(head) - 1]:
            for mask in range(1, 2**size):
                variant = tuple(bare[i] if mask >> i & 1 else head[i] for i in range(size))
                if variant != head[:size]:
                    out.add(variant)
    return frozenset(out)


_LOST_PREFIXES = _lost_prefixes()


def _toneless_head(toks: list[Tok], j: int) -> tuple[str, ...] | None:
    """A head printed with a tone mark lost ('Chủ tich', 'phó Bi thư'): each word as the head has it or without
    its tone (not with another tone: 'bị thu' is no 'bí thu'), at least one without. Needs an organisation."""
    if j + 1 >= len(toks):
        return None
    pair = (toks[j].key, toks[j + 1].key)
    if pair not in _LOST_PREFIXES and (j + 2 >= len(toks) or (*pair, toks[j + 2].key) not in _LOST_PREFIXES):
        return None
    for head, bare in _TONELESS_HEADS.get(toks[j].key, ()):
        keys = [t.key for t in toks[j : j + len(head)]]
        if len(keys) < len(head) or keys == list(head):
            continue
        if all(k in (h, b) for k, h, b in zip(keys, head, bare, strict=True)):
            return head
    return None


def match_title(toks: list[Tok], i: int, *, comma: bool = True) -> int | None:
    """End (exclusive) of the title starting at token i, or None."""
    j = i
    while j < len(toks) and toks[j].key in lx.QUALIFIERS:
        j += 1
    head = match(HEADS, toks, j)
    need_tail = head is None
    if head is None:
        head = match(HEADS_NEED_TAIL, toks, j) or _toneless_head(toks, j) or _head_before_ban(toks, j)
        if head is None:
            return None
    if head[-1] == "ht" and not _school_follows(toks, j + len(head)):
        return None  # 'HT' is Hiệu trưởng only before a school ('Phó HT nhà trường')
    if head[-2:] == ("chủ", "nhiệm") and j + len(head) < len(toks) and toks[j + len(head)].key in _NOT_CHAIRED:
        return None  # 'chủ nhiệm lớp' (a homeroom teacher), 'chủ nhiệm đề tài' (a project's lead): no post
    if head[-2:] == ("đại", "sứ") and _foreign_country(toks, j + len(head)):
        return None  # 'ngài A, Đại sứ Vương quốc Bỉ': a foreign envoy is no official here
    head_end = _after_head(toks, j + len(head))
    if head_end + 1 < len(toks) and toks[head_end].key in {",", "lâm"}:
        if toks[head_end].key == "lâm" and toks[head_end + 1].key == "thời":
            head_end += 2  # 'Bí thư lâm thời': an interim post
        elif kind := _chief_type(head):
            head_end += _run_keys(toks, head_end + 1, len(kind)) == kind  # 'Cục phó, Cục Quan hệ Quốc tế'
    if head_end + 2 < len(toks) and (toks[head_end].key, toks[head_end + 1].key) in _HEAD_MANNERS:
        skip = 4 if _run_keys(toks, head_end + 2, 2) == ("điều", "hành") else 2  # 'phụ trách điều hành Sở'
        head_end += skip if match(TAILS, toks, head_end + skip) else 0  # 'Phó Chủ tịch kiêm nhiệm Hội đồng …'
    k = _tails(toks, head_end, head, head_end)
    if k + 1 < len(toks) and toks[k - 1].key == "đồng" and (toks[k].key, toks[k + 1].key) in _BOARDS:
        return None  # 'Chủ tịch Hội đồng quản trị Công ty …' is a company post
    while k > head_end and toks[k - 1].key in {"và", "-", ",", "của"}:
        k -= 1
    if _private_body(toks, k):
        return None  # 'Chủ tịch Hội đồng mục vụ giáo xứ', 'Hội đồng bảo trợ Hội Khuyến học': no public body
    if need_tail and k == head_end and k + 1 < len(toks) and toks[k].key == "-" and toks[k + 1].key in TITLE_STARTS:
        return match_title(toks, k + 1, comma=comma)  # 'Phó Chủ tịch – Tổng Thư ký UBTƯ MTTQ': one organisation
    listed = i and toks[i - 1].key in {",", ";", "-"}  # 'A, Trưởng ban …, Trưởng đoàn rà soát của Ban Thường vụ …'
    if need_tail and k == head_end and listed and head[-2:] == ("trưởng", "đoàn") and _delegation_task(toks, k) > k:
        return _delegation_task(toks, k)  # a delegation named by its task, printed among the posts (not 'làm …')
    if need_tail and k == head_end and (parent := _comma_org(toks, k)) > k and _clause_ends(toks, parent):
        return parent  # 'Kiểm tra viên chính, Vụ VII, …' (not 'A - Giám đốc, Công an tỉnh có …': a clause's subject)
    if need_tail and k == head_end:
        # 'Đại biểu Nguyễn Sỹ Cương - đoàn Ninh Thuận': a deputy named right after the word
        deputy = toks[j].text == "Đại" and head == ("đại", "biểu") and k < len(toks)
        deputy = deputy and valid_name(toks, k, _name_end(toks, k) - k)
        return k if deputy else None
    if k < len(toks) and toks[k].key == "tại":
        k = _posted_abroad(toks, k, head)
    return _comma_org(toks, k) if comma else k


def _delegation_task(toks: list[Tok], k: int) -> int:
    """'rà soát' at k, before 'của' and the body that sends the delegation: the task's end, or k."""
    m = k
    while m < len(toks) and m - k < 3 and toks[m].kind == "w" and toks[m].text.islower() and toks[m].key != "của":
        if toks[m].key in _LEAD_STOPS or _unit_at(toks, m):
            return k
        m += 1
    return m if m > k and m + 1 < len(toks) and toks[m].key == "của" and match(TAILS, toks, m + 1) else k


def _clause_ends(toks: list[Tok], k: int) -> bool:
    return k == len(toks) or toks[k].key in _NAME_CLOSERS | {".", "và", "\n"}


def _posted_abroad(toks: list[Tok], k: int, head: tuple[str, ...]) -> int:
    """'Đại sứ Việt Nam tại Canada': a Vietnamese envoy's country after 'tại' (a capitalised word, then more up to a
    personal name: 'tại Hàn Quốc Vũ Hồ'): the end, or k."""
    if k + 1 >= len(toks) or head[-2:] != ("đại", "sứ") or toks[k - 1].key != "nam":
        return k
    m = k + 1
    while m < len(toks) and m - k <= 3 and toks[m].cap:
        if m > k + 1 and is_surname(toks[m]) and valid_name(toks, m, 2):
            break
        m += 1
    return m if m > k + 1 else k


_NOT_CHAIRED = frozenset({"lớp", "đề"})


def _foreign_country(toks: list[Tok], k: int) -> bool:
    """A country other than Việt Nam named at k (a capitalised run that is no personal name)."""
    run = cap_run(toks, k)
    return run > 0 and toks[k].key != "việt" and not valid_name(toks, k, run)


def _school_follows(toks: list[Tok], k: int) -> bool:
    """A school ('nhà trường', 'trường …') is named at k, right after the head 'HT' printed in capitals."""
    if toks[k - 1].text != "HT" or k >= len(toks):
        return False
    return toks[k].key == "trường" or toks[k].key == "nhà" and k + 1 < len(toks) and toks[k + 1].key == "trường"


_POLICE = frozenset(a.lower() for a, v in ABBREVIATIONS.items() if v.startswith("Cảnh sát"))
_POLICE_STOPS = _LEAD_STOPS - {"về"}


def _police_unit(toks: list[Tok], k: int, tail: tuple[str, ...]) -> int:
    """After 'Cảnh sát' or 'CSGT' at k, the unit's specialty up to a closer, a unit word (within three words) or
    a number ('Đội CSGT Đường bộ số 9', 'Cục Cảnh sát quản lý hành chính về trật tự xã hội,'): the end, or k."""
    if tail[-2:] != ("cảnh", "sát") and tail[-1] not in _POLICE:
        return k
    m = k
    while m < len(toks) and m - k < 9 and toks[m].kind == "w" and not (toks[m].cap and _is_head(toks, m)):
        social = toks[m].key == "xã" and m + 1 < len(toks) and toks[m + 1].key == "hội"  # 'trật tự xã hội'
        if toks[m].key in _UNIT_WORDS and not social or toks[m].key in _POLICE_STOPS or toks[m].key == "số":
            break
        if toks[m].cap and m > k and match(TAILS, toks, m):
            return m  # 'Phòng Cảnh sát giao thông Công an tỉnh': the parent organisation follows
        m += 1
    if m + 1 < len(toks) and toks[m].key == "số" and toks[m + 1].kind == "n":
        return m + 2
    if m < len(toks) and toks[m].key in _UNIT_WORDS:
        return m if m - k <= 3 else k  # 'Đội CSGT trật tự huyện Hoài Đức': the unit's place follows
    return m if m < len(toks) and toks[m].key in _NAME_CLOSERS | {".", "và"} else k


def _after_head(toks: list[Tok], k: int) -> int:
    """Where a head's organisation starts: past a dot glued between an acronym head and it ('CT.Hội CCB quận';
    'PBT. Đảng ủy' with a space, before an organisation of the lexicon), or past a bracketed acronym before
    more of it ('Chủ nhiệm (UBKT) Tỉnh ủy')."""
    if k + 1 >= len(toks):
        return k
    dot = toks[k]
    if dot.key == "." and toks[k - 1].text.isupper() and toks[k - 1].end == dot.start:
        if dot.start == toks[k + 1].start - 1:
            return k + 1 if toks[k + 1].cap or toks[k + 1].text.isupper() else k
        return k + 1 if toks[k + 1].cap and toks[k + 1].start == dot.end + 1 and match(TAILS, toks, k + 1) else k
    end = _bracketed_tails(toks, k)
    return end if end > k and end < len(toks) and match(TAILS, toks, end) else k


def board_post_end(toks: list[Tok], i: int) -> int | None:
    """'Ủy viên Hội đồng quản trị', 'Chủ tịch HĐQT' at i (a board post, no title of its own): its end, or None."""
    head = match(HEADS, toks, i) or match(HEADS_NEED_TAIL, toks, i)
    k = i + len(head) if head else i
    if k < len(toks) and toks[k].key == "hđqt":
        return k + 1
    keys = tuple(t.key for t in toks[k : k + 4])
    return k + 4 if head and keys == ("hội", "đồng", "quản", "trị") else None


def _private_body(toks: list[Tok], k: int) -> bool:
    """A church's or a charity's own body ('… giáo xứ', 'mục vụ', 'bảo trợ', 'khuyến học') named in the
    lower-case words right after a title's end k ('Trung tâm bảo trợ xã hội' is a public one)."""
    for a in range(k, min(k + 3, len(toks) - 1)):
        if toks[a].cap or toks[a].kind != "w":
            return False
        pair = (toks[a].key, toks[a + 1].key)
        if pair in lx.PRIVATE_BODY_WORDS and not (pair == ("bảo", "trợ") and _unit_at(toks, a + 2)):
            return True
    return False


def _head_before_ban(toks: list[Tok], j: int) -> tuple[str, ...] | None:
    """'Phó trưởng BDV Huyện ủy': 'trưởng ban' written 'trưởng' before a Ban acronym; the head without 'ban'."""
    head = match(_BAN_HEADS, toks, j)
    end = j + len(head) if head else 0
    return head if head and end < len(toks) and toks[end].key in _BAN_ACRONYMS and toks[end].text.isupper() else None


# ---------------------------------------------------------------- elements


@dataclass(slots=True)
class Title:
    start: int
    end: int
    claimed: bool = False


@dataclass(slots=True)
class Name:
    start: int
    end: int
    titles: list[Title] = field(default_factory=list)


_COUNTS = lx.LIST_COUNTS - {"các"}


def _listed_head(toks: list[Tok], i: int) -> int | None:
    """'7 Phó Giám đốc gồm …', 'hai Phó Chủ tịch là …': a bare head counted before a list of names is a title."""
    head = match(HEADS_NEED_TAIL, toks, i)
    end = i + len(head) if head else len(toks)
    if end >= len(toks) or toks[end].key not in {"gồm", "là", ":"}:
        return None
    # '7 Phó Giám đốc gồm', 'có tất cả 7 Phó giám đốc gồm'
    return end if any(t.kind == "n" or t.key in _COUNTS for t in toks[max(0, i - 3) : i]) else None


def _is_head(toks: list[Tok], j: int) -> bool:
    return bool(match(HEADS, toks, j) or match(HEADS_NEED_TAIL, toks, j))


def _not_a_head(toks: list[Tok], i: int) -> bool:
    """No title starts at i: 'giữ chức vụ Trưởng ban' (not 'Vụ trưởng'), 'Ban Thường vụ', 'Đại hội đại biểu',
    'Hội nghị báo cáo viên'."""
    key, prev = toks[i].key, toks[i - 1].key if i else ""
    if key == "thường":
        # 'Thường trực'/'Thường vụ' head a title only inside a chain ('A, Ủy viên Bộ Chính trị, Thường trực Ban
        # Bí thư'); 'Ban Thường vụ Huyện ủy', 'Thay mặt Thường trực HĐND tỉnh, ông …' name bodies
        return prev not in {",", "-", ";", "kiêm"}
    if key == "báo":  # 'A, báo cáo viên Đội CSGT …' is a post; 'Hội nghị báo cáo viên Trung ương' is a meeting
        return prev not in {",", "-", ";"}
    return key == "vụ" and prev == "chức" or key == "đại" and prev == "hội" and i > 1 and toks[i - 2].key == "đại"


_NOT_CHIEFS = frozenset({("thành", "viên"), ("ủy", "viên"), ("đại", "biểu"), ("thường", "trực"), ("thường", "vụ")})
_NOT_CHIEFS |= {("trưởng", "đoàn"), ("phó", "trưởng", "đoàn")}


def _name_ends_before(toks: list[Tok], i: int) -> set[int]:
    """Where a name joined to the word at i may end: right before it, or before or inside a parenthesis closed
    right before '-' ('Tạ Nhật Tựu (bí danh Hoàng Hoa Thưởng) - Ủy viên')."""
    if i < 3 or toks[i - 2].key != ")" or toks[i - 1].key != "-":
        return {i - 1}
    for q in range(i - 3, max(0, i - 14), -1):
        if toks[q].key == "(":
            return {i - 1, i - 2, q}
        if toks[q].key in {")", ".", ";", "\n"}:
            break
    return {i - 1}


def _bare_head(toks: list[Tok], i: int, names: list[Name]) -> int | None:
    """'Đại tá Vũ Hồng Văn - Giám đốc, …', 'do Thượng tướng A làm Chủ tịch;': a bare head right after
    '<name> -' (or a chief's head after '<name> làm|là'), closed by punctuation; after '<name>,' only as the
    first post of a chain ('A, PBT, Chủ tịch UBND huyện …'). Leading a delegation ('làm Trưởng đoàn') is no post."""
    if not names or toks[i - 1].key not in {"-", ",", "làm", "là"} or names[-1].end not in _name_ends_before(toks, i):
        return None
    head = match(HEADS_NEED_TAIL, toks, i)
    if not head or toks[i - 1].key != "-" and head in _NOT_CHIEFS:
        return None
    end = i + len(head)
    teacher = names[-1].start and toks[names[-1].start - 1].key in _TEACHERS
    if head[-1] == "ht" and toks[i - 1].key == "-" and teacher:
        return end  # 'thầy Vinh - Phó HT vắng vì ốm': a teacher's HT is the school's head
    if toks[i - 1].key == ",":
        return end if end + 1 < len(toks) and toks[end].key == "," and match_title(toks, end + 1) else None
    return end if end < len(toks) and toks[end].key in {",", ".", ";", ")"} else None


def _blocked(toks: list[Tok], i: int, title_ends: set[int]) -> bool:
    """A capitalised run right after an institution word, a number or an acronym is not a person."""
    if not i or i in title_ends:
        return False
    prev = toks[i - 1]
    if prev.key in lx.DEGREES or (prev.key == "." and i > 1 and toks[i - 2].key in lx.DEGREES):
        return False
    if _ROMAN.match(prev.text) or tuple(t.key for t in toks[max(0, i - 3) : i]) in _DEGREE_WORDS:
        return False  # 'bác sĩ chuyên khoa II Nguyễn …', 'Tiến sỹ khoa học Đặng Vũ Minh'
    if prev.kind == "n" and i > 2 and (toks[i - 3].key, toks[i - 2].key) == ("chuyên", "khoa"):
        return False  # 'bác sĩ chuyên khoa 2 Trần Ngọc Hải'
    return (
        prev.key in lx.INSTITUTION_PREV
        and not (prev.key == "bác" and not prev.cap)  # 'Nhà tưởng niệm Bác …', but 'bác Trần Văn Cường' (uncle)
        or prev.kind == "n"
        or (prev.kind == "w" and len(prev.text) > 1 and prev.text.isupper())
    )


_BOARDS = frozenset({("quản", "trị"), ("thành", "viên")})
# How a post is held, between head and body ('kiêm nhiệm', 'phụ trách (điều hành)').
_HEAD_MANNERS = frozenset({("kiêm", "nhiệm"), ("chuyên", "trách"), ("phụ", "trách")})
_HONORIFIC_WORDS = frozenset(w for h in lx.HONORIFICS for w in h.split())
_NOT_NAME_WORDS = _HONORIFIC_WORDS | {"các", "tại", "theo", "cùng", "dự"}
# Words that are no item of a list inside a name ('Trung tâm Văn hóa thể thao, ông …', ', các phòng ban').
_NOT_LISTED = _NOT_NAME_WORDS | lx.LIST_COUNTS | _UNIT_WORDS | _LEAD_STOPS | TITLE_STARTS | {"và"}


def _name_slot(toks: list[Tok], i: int, title_ends: set[int]) -> bool:
    """Position i follows an honorific or a list separator: a name may stand here without a Kinh surname."""
    if i and toks[i - 1].key in {";", ":"}:
        return True
    if i and toks[i - 1].key == "có" and toks[i].key not in lx.DEGREES:  # 'Dự họp còn có Lâu Văn Phía - Phó …'
        j = _name_end(toks, i)
        return j < len(toks) and toks[j].key == "-"
    phrases = _HONORIFICS_BY_LAST.get(toks[i - 1].key) if i else None
    return bool(phrases) and any(
        i >= len(h) and all(toks[i - len(h) + m].key == w for m, w in enumerate(h)) for h in phrases
    )


HONORIFICS_BEFORE = sorted(
    {p for ps in HONORIFICS.values() for p in ps} | {p for ps in RANKS.values() for p in ps}, key=len, reverse=True
)


_SLOT_LAST_WORDS = frozenset(h[-1] for h in HONORIFICS_BEFORE)
_HONORIFICS_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _h in HONORIFICS_BEFORE:
    _HONORIFICS_BY_LAST.setdefault(_h[-1], []).append(_h)


def _name_end(toks: list[Tok], i: int) -> int:
    """End of a capitalised run at i, before a title; a capitalised prefix word is a given name there ('Nguyễn Văn
    Tân Chủ tịch …', 'Phạm Đình Nguyên Giám đốc …')."""
    j = i + 1
    while j < len(toks) and toks[j].cap:
        opens = toks[j].key in _OPENERS and toks[j].key not in lx.QUALIFIERS and opens_title(toks, j)
        if opens and match_title(toks, j):
            break
        j += 1
    return j


def honorific_before(toks: list[Tok], i: int) -> int:
    """Length of the honorific or rank ending right before position i ('ông', 'đồng chí', 'Trung tá'), or 0."""
    if not i or toks[i - 1].key not in _SLOT_LAST_WORDS:
        return 0
    for h in _HONORIFICS_BY_LAST[toks[i - 1].key]:  # longest first
        if i - len(h) >= 0 and all(toks[i - len(h) + m].key == w for m, w in enumerate(h)):
            return len(h)
    return 0


def after_honorific(toks: list[Tok], i: int) -> bool:
    """An honorific or a rank stands right before position i ('ông', 'đồng chí', 'Trung tá')."""
    return honorific_before(toks, i) > 0


def _lower_name(toks: list[Tok], i: int) -> int | None:
    """'đồng chí Nguyễn Khắc lập - Phó Giám đốc', 'ông giáp Văn Ơn - huyện ủy viên': a name printed with one
    lower-case syllable, framed by an honorific before it and a separator and a title after it: its end. With no
    separator the lower-case syllable is a middle one, between capitalised ones that open no title ('đồng chí
    trung tá Nguyễn tiến Dũng chính trị viên …')."""
    if toks[i].key not in lx.SURNAMES or not after_honorific(toks, i):
        return None
    j, lower = i, 0
    while j < len(toks) and j - i < 4 and toks[j].kind == "w" and (toks[j].cap or lower == 0):
        lower += not toks[j].cap
        j += 1
        if not lower or j - i < 2 or j + 1 >= len(toks):
            continue
        if toks[j].key in {"-", ","} and toks[j + 1].key in TITLE_STARTS:
            return j if match_title(toks, j + 1) else None
        inner = toks[i].cap and toks[j - 1].cap and toks[j - 1].key not in _OPENERS
        if inner and toks[j].key in TITLE_STARTS and opens_title(toks, j):
            return j if match_title(toks, j) else None
    return None


def _thi(toks: list[Tok], i: int) -> int | None:
    """'Lại thị Ngọc Trân': the women's middle name 'thị' printed in lower case between a surname at i and
    capitalised given names: the name's end."""
    if toks[i + 1].key != "thị" or i + 2 >= len(toks) or not toks[i + 2].cap:
        return None
    j = _name_end(toks, i + 2)
    return j if j - i <= 5 else None


_TEACHERS = frozenset({"thầy", "cô"})


def _teacher_named(toks: list[Tok], i: int) -> int | None:
    """'thầy Phước - BTCB-Hiệu trưởng': a teacher named by the given name alone, then ' - ' and a title: its end."""
    if not toks[i].cap or i + 2 >= len(toks) or toks[i + 1].key != "-" or toks[i + 2].key not in TITLE_STARTS:
        return None
    school_head = (match(HEADS_NEED_TAIL, toks, i + 2) or ("",))[-1] == "ht"  # 'thầy Vinh - Phó HT vắng'
    return i + 1 if school_head or match_title(toks, i + 2) else None


def _slot_name(toks: list[Tok], i: int) -> int | None:
    """End of a surname-less name (A Pớt, Kring Ba, So Y Hải) at i, when a title follows it or 'đối với' and an
    honorific precede it ('miễn nhiệm chức danh … đối với bà Hồng Tú Vân')."""
    j = _name_end(toks, i)
    if not 2 <= j - i <= 4 or j >= len(toks):
        return None
    if i >= 3 and toks[i - 3].key == "đối" and toks[i - 2].key == "với" and toks[i - 1].key in lx.HONORIFICS:
        return j
    nxt = j + 1 if toks[j].key in {",", "-", "("} else j
    return j if nxt < len(toks) and toks[nxt].key in TITLE_STARTS and match_title(toks, nxt) else None


def _listed_after_title(toks: list[Tok], i: int, title_ends: set[int]) -> int | None:
    """'A - Bí thư Huyện ủy, Văn Quý Ngọc - Chủ tịch UBND huyện': in a list of 'name - title', a run of 2–4
    capitalised words right after a title and its comma, then ' - ' and a title, is a name (its end)."""
    if i < 2 or toks[i - 1].key != "," or i - 1 not in title_ends:
        return None
    j = _name_end(toks, i)
    if not 2 <= j - i <= 4 or j + 1 >= len(toks) or toks[j].key != "-" or toks[j + 1].key not in TITLE_STARTS:
        return None
    return j if match_title(toks, j + 1) else None


def _start_words() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The words that open a title alone (one-word heads, prefixes) and the word pairs that open the others."""
    heads = [h for table in (HEADS, HEADS_NEED_TAIL, _BAN_HEADS) for entries in table.values() for h in entries]
    singles = {h[0] for h in heads if len(h) == 1} | lx.QUALIFIERS
    return frozenset(singles), frozenset((h[0], h[1]) for h in heads if len(h) > 1)


_SINGLE_STARTS, _PAIR_STARTS = _start_words()
_OPENERS = TITLE_STARTS | {p[0] for p in _LOST_PREFIXES}  # a set lookup before the call


def opens_title(toks: list[Tok], i: int) -> bool:
    """A cheap test before `match_title`: the word at i, or it and the next one, may open a title."""
    key = toks[i].key
    if key in _SINGLE_STARTS:
        return True
    return i + 1 < len(toks) and ((key, toks[i + 1].key) in _PAIR_STARTS or (key, toks[i + 1].key) in _LOST_PREFIXES)


def scan(toks: list[Tok]) -> tuple[list[Title], list[Name]]:
    """Every title span and personal-name span of the text, left to right."""
    titles: list[Title] = []
    names: list[Name] = []
    title_ends: set[int] = set()
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if (
            tok.key in _OPENERS
            and opens_title(toks, i)
            and not _not_a_head(toks, i)
            and (end := match_title(toks, i) or _listed_head(toks, i) or _bare_head(toks, i, names))
        ):
            titles.append(Title(i, end))
            title_ends.add(end)
            i = end
            continue
        if not tok.cap:
            j = _lower_name(toks, i) if tok.key in lx.SURNAMES else None  # 'ông giáp Văn Ơn - …'
            if j:
                names.append(Name(i, j))
            i = j or i + 1
            continue
        place = match(PLACES, toks, i) if tok.key in PLACES else None
        if place and len(place) >= cap_run(toks, i):
            i += len(place)
            continue
        if i and toks[i - 1].key in _TEACHERS and (j := _teacher_named(toks, i)):
            names.append(Name(i, j))  # 'thầy Vinh - Phó HT', 'cô Phụng - CTCĐ'
            i = j
            continue
        if is_surname(tok):
            j = _name_end(toks, i)
            lower = j < n and toks[j].kind == "w" and toks[j].text.islower() and (_lower_name(toks, i) or _thi(toks, i))
            j = lower or j  # 'đồng chí Nguyễn Khắc lập - Phó Giám đốc …'
            if not _blocked(toks, i, title_ends) and (lower or valid_name(toks, i, j - i)):
                # 'So Y Hải', 'Kpá Y Tự': a capitalised word before the surname in a name slot belongs to the name
                lead = toks[i - 1] if i > 1 else None
                joins = lead is not None and lead.cap and lead.key not in _NOT_NAME_WORDS
                start = i - 1 if joins and _name_slot(toks, i - 1, title_ends) else i
                names.append(Name(start, j))
            i = j
            continue
        if tok.key not in _NOT_NAME_WORDS and (
            _name_slot(toks, i, title_ends)
            and (j := _slot_name(toks, i))
            or (j := _listed_after_title(toks, i, title_ends))
        ):
            names.append(Name(i, j))
            i = j
            continue
        i += 1
    return titles, names
