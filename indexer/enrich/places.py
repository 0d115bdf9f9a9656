"""Whose province: an official's province and national standing, read from the text.

The province comes from the person's own titles ('Chủ tịch UBND tỉnh Bạc Liêu', 'Bí thư Tỉnh ủy Hà
Giang'), else from the nearest province the text names before them (a lead-in 'Tại Bạc Liêu, …', 'HĐND
tỉnh Trà Vinh bầu …'), else after them; it stays None when the text names none (the profiles then fall
back to the paper's province). Someone holding a central position (Party centre, National Assembly,
Government, ministries, central agencies) and no local one is national, with no province.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.enrich.lexicon import read_lines
from indexer.enrich.mentions import Name, Tok, is_surname, tokenize
from vntext import key
from vntext.abbreviations import title_key

_CITY = {"tp", "tp.", "thành", "phố"}
_NOT_WHERE = {"quê", "sinh", "người", "gốc"}  # 'quê tỉnh Bình Định': a hometown, not where they serve
# Words a province name may follow when it names the province. After a lowercase phrase of other words a
# bare name is a smaller unit ('nông dân Hoà Bình': a district of Bạc Liêu, not the province); after an
# organisation's name in title case ('Bộ đội Biên phòng Tây Ninh') or a dash it is the province.
_BEFORE_PROVINCE = {
    "tỉnh", "thành", "phố", "tp", "tp.", "tại", "ở", "của", "về", "đến", "tới", "từ", "cho", "với", "và",
    "hai", "ba", "các", "giữa", "sang", "thăm", "trên", "khắp", "toàn", "vùng", "miền",
}  # fmt: skip


def _load() -> tuple[dict[tuple[str, ...], str], int]:
    table: dict[tuple[str, ...], str] = {}
    for line in read_lines("provinces.txt"):
        names = line.split("\t")
        for variant in names:
            table[tuple(t.key for t in tokenize(variant))] = names[0]
    return table, max(len(k) for k in table)


_PROVINCES, _LONGEST = _load()
_FIRST_WORDS = frozenset(k[0] for k in _PROVINCES)
_TERM_WORDS = {"khóa", "nhiệm", "lần"}  # 'HĐND tỉnh Vĩnh Long Khóa X': a term, not the rest of a place name
_NEEDS_CITY = {("hồ", "chí", "minh")}  # 'tư tưởng Hồ Chí Minh' is no place; 'TP Hồ Chí Minh' is

_NATIONAL_RE = re.compile(
    r"\b(trung ương|ubtư|ubtw|quốc hội|chính phủ|thủ tướng|chủ tịch nước|tổng bí thư|bộ chính trị|ban bí thư|bộ trưởng|"
    r"thứ trưởng|tổng cục|việt nam|nhà nước|tối cao|quốc gia|hội đồng dân tộc|ban công tác đại biểu|"
    r"ủy ban (pháp luật|tư pháp|kinh tế|tài chính|quốc phòng|văn hóa|xã hội|khoa học|đối ngoại|"
    r"các vấn đề xã hội|công tác đại biểu))\b|(?<!chi )(?<!đảng )(?<!đường )\bbộ\b(?! chỉ huy| đội)"
    # a department (Cục, not Chi cục), a Vụ or an institute is central, except the branches every province has
    r"|(?<!chi )\bcục (?!trưởng|thuế|hải quan|thống kê|thi hành án|quản lý thị trường)\w|\bvụ trưởng\b"
    r"|(?<!bệnh )\bviện (?!kiểm sát|trưởng\b)\w"
    r"|\bbệnh viện quân y\b"  # the army's hospitals belong to no province
)
_DEPUTY_RE = re.compile(r"\b(đoàn )?đại biểu quốc hội\b")  # a deputy is elected from a province
_LOCAL_RE = re.compile(
    r"\b(tỉnh|huyện|(?<!tác )xã(?! hội)|phường|quận|thị xã|thị trấn|thành phố|tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|"
    r"đảng ủy(?!.*trung ương$)(?!$)|hội đồng nhân dân|ủy ban nhân dân|sở)\b"  # a central body's Đảng ủy is central;
)  # a bare 'Bí thư Đảng ủy' is the committee of the body of the next title ('…, Thứ trưởng Bộ Ngoại giao')


def province_at(toks: list[Tok], i: int) -> tuple[str, int] | None:
    """(province, length) of a province name printed at token i, if any."""
    if toks[i].key not in _FIRST_WORDS or not toks[i].text[:1].isupper():
        return None
    for size in range(min(_LONGEST, len(toks) - i), 0, -1):
        phrase = tuple(t.key for t in toks[i : i + size])
        if phrase in _PROVINCES and all(t.text[:1].isupper() or t.key == "-" for t in toks[i : i + size]):
            if phrase in _NEEDS_CITY and not (i and toks[i - 1].key in _CITY):
                return None
            nxt = toks[i + size] if i + size < len(toks) else None
            if nxt is not None and nxt.cap and not is_surname(nxt) and nxt.key not in _TERM_WORDS:
                return None  # 'huyện Điện Biên Đông' is not the province Điện Biên
            return _PROVINCES[phrase], size
    return None


def _mentions(toks: list[Tok], names: list[Name]) -> list[tuple[int, str]]:
    """(token index, province) of every province the text names outside personal names and hometowns."""
    inside = {i for nm in names for i in range(nm.start, nm.end)}
    found: list[tuple[int, str]] = []
    after = 0
    for i in [i for i, t in enumerate(toks) if t.key in _FIRST_WORDS]:
        if i < after or i in inside or not (hit := province_at(toks, i)):
            continue
        bare = i >= 2 and all(
            t.text[:1].isalpha() and t.text[:1].islower() and t.key not in _BEFORE_PROVINCE for t in toks[i - 2 : i]
        )
        if not bare and not any(t.key in _NOT_WHERE for t in toks[max(0, i - 4) : i]):
            found.append((i, hit[0]))
            after = i + hit[1]
    return found


@lru_cache(maxsize=65_536)
def title_province(title: str) -> str | None:
    """The province a title names: 'Chủ tịch UBND tỉnh Bạc Liêu' → 'Bạc Liêu'."""
    toks = tokenize(title)
    for i in range(len(toks)):
        if hit := province_at(toks, i):
            return hit[0]
    return None


_CITY_BRANCH_RE = re.compile(r"\b(đại học|đh) quốc gia\b")  # 'ĐH Quốc gia TP.HCM': a national body, by its city


def is_local(title: str) -> bool:
    """A post of a province or a smaller unit: 'Phó Chủ tịch UBND tỉnh', 'Bí thư Huyện ủy', 'Giám đốc Sở Y tế'."""
    k = title_key(title)
    return not _CITY_BRANCH_RE.search(k) and bool(_LOCAL_RE.search(k) or title_province(title))


def is_national(titles: list[str]) -> bool:
    """A central position and no local one: 'Bộ trưởng Bộ Y tế', not 'Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy'."""
    if any(is_local(t) for t in titles):
        return False
    keys = [title_key(t) for t in titles]
    return any(_NATIONAL_RE.search(_DEPUTY_RE.sub(" ", k)) for k in keys)


def _titles_province(titles: list[str]) -> str | None:
    """The province the titles name; when they name several, the last current post's ('Phó Giám đốc Công an tỉnh
    Bắc Giang giữ chức vụ Giám đốc Công an tỉnh Vĩnh Phúc': the post a transfer or an election leads to)."""
    named = [(p, t) for t in titles if (p := title_province(t))]
    current = [p for p, t in named if not key(t).startswith(("nguyên ", "cố ", "cựu "))]
    return current[-1] if current else named[0][0] if named else None


_BELOW_PROVINCE_RE = re.compile(
    r"\b(huyện|xã|phường|quận|thị xã|thị trấn|huyện ủy|thị ủy|quận ủy|ấp|thôn|bản|xóm|buôn|khóm|khu phố|tổ dân phố)\b"
)


def _in_place_parens(toks: list[Tok], i: int) -> bool:
    """The province at i locates a place named before it: 'huyện Tứ Kỳ (Hải Dương)', 'xã Vũ Xá (Lục Nam, Bắc Giang)'."""
    j = i - 1
    if j > 1 and toks[j].key == ",":  # '(Lục Nam, Bắc Giang)': a district before the province
        j -= 1
        while j > 0 and toks[j].cap:
            j -= 1
    return j > 0 and toks[j].key == "(" and toks[j - 1].cap


def place_officials(display: str, toks: list[Tok], names: list[Name], people: dict) -> None:
    """Fill `province` and `national` of every Official in `people` (keyed by vntext.key of the name)."""
    mentions = _mentions(toks, names)
    located = [p for i, p in mentions if _in_place_parens(toks, i)]
    first_at: dict[str, int] = {}
    for nm in names:
        first_at.setdefault(key(display[toks[nm.start].start : toks[nm.end - 1].end]), nm.start)
    for k, person in people.items():
        person.national = is_national(person.titles)
        if person.national:
            person.province = None
            continue
        person.province = _titles_province(person.titles)
        if person.province is None and located and any(_BELOW_PROVINCE_RE.search(title_key(t)) for t in person.titles):
            person.province = located[0]  # 'huyện Tứ Kỳ (Hải Dương)': the district's officials are of that province
        if person.province is None and mentions:
            at = first_at.get(k, 0)
            before = [p for i, p in mentions if i < at]
            person.province = before[-1] if before else next(p for i, p in mentions)
