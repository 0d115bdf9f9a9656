"""Abbreviations in Vietnamese official titles: one canonical written form for matching.

'Chủ tịch HĐND tỉnh', 'Chủ tịch HDND tỉnh' and 'Chủ tịch Hội đồng nhân dân tỉnh' share one `title_key`.
In party news BTV means Ban Thường vụ (not biên tập viên, as general-purpose lists have it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from vntext.normalize import canonical, clean, key
from vntext.titles import NEW
from vntext.tokens import tokenize

# Abbreviation (canonical tones, as usually written) → expansion, matched on whole tokens and in any case
# ('hđnd' in a typed query), except those in CASE_SENSITIVE; misspellings are listed as their own keys.
ABBREVIATIONS: dict[str, str] = {
    "HĐND": "Hội đồng nhân dân",
    "HDND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "ĐBQH": "Đại biểu Quốc hội",
    "DBQH": "Đại biểu Quốc hội",
    "TƯ": "Trung ương",
    "T.Ư": "Trung ương",
    "TW": "Trung ương",
    "T.W": "Trung ương",
    "BCHTW": "Ban Chấp hành Trung ương",
    "BCH": "Ban Chấp hành",
    "UVBTV": "Ủy viên Ban Thường vụ",
    "UVBTVĐU": "Ủy viên Ban Thường vụ Đảng ủy",
    "UVBTVHU": "Ủy viên Ban Thường vụ Huyện ủy",
    "UVBTVTU": "Ủy viên Ban Thường vụ Tỉnh ủy",
    "UV.BTV": "Ủy viên Ban Thường vụ",
    "UV.BCH": "Ủy viên Ban Chấp hành",
    "UB.MTTQ": "Ủy ban Mặt trận Tổ quốc",
    "BTV": "Ban Thường vụ",
    "UVTW": "Ủy viên Trung ương",
    "UVBCH": "Ủy viên Ban Chấp hành",
    "UVTV": "Ủy viên Ban Thường vụ",
    "PCT": "Phó Chủ tịch",
    "GĐ": "Giám đốc",
    "PGĐ": "Phó Giám đốc",
    "ĐB": "Đại biểu",
    "UVTƯ": "Ủy viên Trung ương",
    "UVT.Ư": "Ủy viên Trung ương",
    "TUV": "Tỉnh ủy viên",
    "HUV": "Huyện ủy viên",
    "ĐUV": "Đảng ủy viên",
    "TU": "Tỉnh ủy",  # 'Bí thư HU': in capitals only (CASE_SENSITIVE)
    "HU": "Huyện ủy",
    "BTTT": "Bí thư Thường trực",
    "PBT": "Phó Bí thư",
    "PBTTT": "Phó Bí thư Thường trực",
    "CTHĐND": "Chủ tịch Hội đồng nhân dân",
    "CTUBND": "Chủ tịch Ủy ban nhân dân",
    "PCTHĐND": "Phó Chủ tịch Hội đồng nhân dân",
    "PCTUBND": "Phó Chủ tịch Ủy ban nhân dân",
    "TBDV": "Trưởng Ban Dân vận",
    "TBTG": "Trưởng Ban Tuyên giáo",
    "TBTC": "Trưởng Ban Tổ chức",
    "TVTU": "Thường vụ Tỉnh ủy",
    "TVHU": "Thường vụ Huyện ủy",
    "CHXHCN": "Cộng hòa xã hội chủ nghĩa",
    "UV": "Ủy viên",
    "UB": "Ủy ban",
    "UBKT": "Ủy ban Kiểm tra",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
    "UBKTTƯ": "Ủy ban Kiểm tra Trung ương",
    "Đ/c": "đồng chí",
    "đ/c": "đồng chí",
    "ĐC": "đồng chí",
    "TP.": "thành phố",
    "TP": "thành phố",
    "TX": "thị xã",
    "CHQS": "Chỉ huy Quân sự",
    "BCHQS": "Ban Chỉ huy Quân sự",
    "BĐBP": "Bộ đội Biên phòng",
    "TAND": "Tòa án nhân dân",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện Kiểm sát nhân dân tối cao",
    "VKSND": "Viện Kiểm sát nhân dân",
    "LĐLĐ": "Liên đoàn Lao động",
    "LHPN": "Liên hiệp Phụ nữ",
    "HND": "Hội Nông dân",
    "CCB": "Cựu chiến binh",
    "TNCS": "Thanh niên Cộng sản",
    "BCĐ": "Ban Chỉ đạo",
    "BTL": "Bộ Tư lệnh",
    "BDV": "Ban Dân vận",
    "BTG": "Ban Tuyên giáo",
    "BQL": "Ban Quản lý",
    "KCN": "khu công nghiệp",
    "BHXH": "Bảo hiểm xã hội",
    "NHCSXH": "Ngân hàng Chính sách xã hội",
    "PTTH": "Phát thanh - Truyền hình",
    "PT-TH": "Phát thanh - Truyền hình",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GD-ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "TN&MT": "Tài nguyên và Môi trường",
    "TN-MT": "Tài nguyên và Môi trường",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KH-ĐT": "Kế hoạch và Đầu tư",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐ,TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐ-TBXH": "Lao động - Thương binh và Xã hội",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "TT&TT": "Thông tin và Truyền thông",
    "TT-TT": "Thông tin và Truyền thông",
    "KH&CN": "Khoa học và Công nghệ",
    "KH-CN": "Khoa học và Công nghệ",
    "GTVT": "Giao thông vận tải",
    "GT-VT": "Giao thông vận tải",
    "CCHC": "cải cách hành chính",
    "NTM": "nông thôn mới",
    "ATGT": "an toàn giao thông",
    "KT-XH": "kinh tế - xã hội",
    "KT-NS": "Kinh tế - Ngân sách",
    "VH-XH": "Văn hóa - Xã hội",
    "PCCC": "phòng cháy chữa cháy",
    "PCTT&TKCN": "phòng chống thiên tai và tìm kiếm cứu nạn",
    "PCTT-TKCN": "phòng chống thiên tai và tìm kiếm cứu nạn",
    "CNCH": "cứu nạn, cứu hộ",
    "CSGT": "Cảnh sát giao thông",
    "CSHS": "Cảnh sát hình sự",
    "CATP": "Công an thành phố",
    "UBBC": "Ủy ban bầu cử",
    "HĐNVQS": "Hội đồng nghĩa vụ quân sự",
    "TTYT": "Trung tâm Y tế",
    "KBNN": "Kho bạc Nhà nước",
    "BVĐK": "Bệnh viện Đa khoa",
    "HĐ.NVQS": "Hội đồng nghĩa vụ quân sự",
    "TTCT": "Trung tâm Chính trị",
    "CSCĐ": "Cảnh sát cơ động",
    "CSĐT": "Cảnh sát điều tra",
    "BHYT": "Bảo hiểm y tế",
    "THPT": "trung học phổ thông",
    "THCS": "trung học cơ sở",
    "UBMT": "Ủy ban Mặt trận",
    "CHT": "Chỉ huy trưởng",
    "CTCĐ": "Chủ tịch Công đoàn",
    "BTCB": "Bí thư Chi bộ",
    "BT": "Bí thư",
}

# Abbreviations that are also lower-case Vietnamese words ('tư' in 'đầu tư') match only as written.
CASE_SENSITIVE = frozenset(
    {"TƯ", "T.Ư", "UV", "UB", "TP", "TX", "BCH", "ĐC", "PCT", "GĐ", "PGĐ", "ĐB", "TU", "HU", "BT"}
)
_BY_FOLDED = {a.casefold(): v for a, v in ABBREVIATIONS.items() if a not in CASE_SENSITIVE}


def _alternation(abbrs: list[str]) -> str:
    return "|".join(re.escape(a) for a in sorted(abbrs, key=len, reverse=True))


_ABBR_RE = re.compile(
    r"(?<![\w&./-])(?:("
    + _alternation(list(CASE_SENSITIVE & ABBREVIATIONS.keys()))
    + r")|((?i:"
    + _alternation(list(ABBREVIATIONS.keys() - CASE_SENSITIVE))
    + r")))(?![\w&/])"
)


def _expansion(m: re.Match[str]) -> str:
    return ABBREVIATIONS[m.group(1)] if m.group(1) else _BY_FOLDED[m.group(2).casefold()]


# Equivalent long forms, applied to the case-folded expansion by `title_key`.
_KEY_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\bmặt trận tổ quốc việt nam\b", "mặt trận tổ quốc"),
        (r"\bban chấp hành trung ương( đảng)?\b", "trung ương"),
        (r"\btrung ương đảng\b", "trung ương"),
        (r"\bủy viên ban chấp hành đảng bộ tỉnh\b", "tỉnh ủy viên"),
        (r"\bbộ chỉ huy quân sự\b", "bộ chỉ huy quân sự"),
        (r"\bvăn hóa - thể thao và du lịch\b", "văn hóa, thể thao và du lịch"),
        (r"\bbí thu\b", "bí thư"),  # a frequent typo
        # 'Phó Chủ tịch TT HĐND huyện': TT after these heads is Thường trực (elsewhere often Trung tâm)
        (r"\b(chủ tịch|bí thư) tt\b", r"\1 thường trực"),
        (r"\b(phó )?ht (?=(nhà )?trường\b)", r"\1hiệu trưởng "),  # 'Phó HT nhà trường': HT before a school only
        (r"\bban chấp trung ương\b", "trung ương"),  # 'Ban Chấp Trung ương Đảng': a word lost in print
        (rf"^(?:{'|'.join(NEW)}) ", ""),
        (r"\s*[,;:.]+$", ""),
    )
)


def d_slips(abbr: str) -> list[str]:
    """'HĐNĐ', 'HDND' for 'HĐND': an acronym of four or more letters with one D typed for Đ or the reverse,
    a frequent slip in print; variants that are an abbreviation of their own are left out."""
    if len(abbr) < 4 or not abbr.isupper():
        return []
    swap = {"D": "Đ", "Đ": "D"}
    out = [abbr[:i] + swap[c] + abbr[i + 1 :] for i, c in enumerate(abbr) if c in swap]
    return [v for v in out if v not in ABBREVIATIONS]


def expand_abbreviations(text: str) -> str:
    """Spell out the abbreviations of a title: 'Chủ tịch HĐND tỉnh' → 'Chủ tịch Hội đồng nhân dân tỉnh'."""
    return _ABBR_RE.sub(_expansion, canonical(text))


def canonical_title(text: str) -> str:
    """Written canonical form of a title: tones canonical, abbreviations expanded, spacing cleaned."""
    return clean(expand_abbreviations(clean(canonical(text))))


@lru_cache(maxsize=65_536)
def title_key(text: str) -> str:
    """Comparison key of a title: 'Chủ tịch UBND tỉnh' == 'chủ tịch Ủy ban nhân dân tỉnh'.

    'Việt Nam' after Mặt trận Tổ quốc, 'Đảng' after Trung ương and a leading 'tân' (newly elected) are
    dropped; 'nguyên' (former) and 'quyền' (acting) are kept because they change the meaning.
    """
    k = key(canonical_title(text))
    for pattern, repl in _KEY_REWRITES:
        k = pattern.sub(repl, k)
    return k.strip()


# -- queries: an abbreviation finds its expansion and back -----------------------------------------
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(t.folded for t in tokenize(text))


# Abbreviations an expansion typed in a query does not add: the index is lower case, where 'TƯ' is the
# 'tư' of 'đầu tư' and 'ĐC' a chat spelling of 'được'.
_NOT_FROM_EXPANSIONS = frozenset({"TƯ", "T.Ư", "ĐC", "Đ/c", "đ/c", "TU", "HU"})


def _by_expansion() -> dict[tuple[str, ...], tuple[str, ...]]:
    groups: dict[tuple[str, ...], list[str]] = {}
    for abbr, expansion in ABBREVIATIONS.items():
        variants = groups.setdefault(_folded_words(expansion), [])
        exact = [t.exact for t in tokenize(abbr)]
        if abbr not in _NOT_FROM_EXPANSIONS and exact not in [[t.exact for t in tokenize(v)] for v in variants]:
            variants.append(abbr)
    return {words: tuple(abbrs) for words, abbrs in groups.items()}


_ABBREVIATIONS_OF = _by_expansion()
LONGEST_EXPANSION = max(len(words) for words in _ABBREVIATIONS_OF)


def query_expansion(word: str) -> str | None:
    """The expansion of a query word typed as an abbreviation ('ubnd', 'HĐND'), None if it is none.

    Abbreviations that are also ordinary words ('TƯ' / 'tư') count only as written.
    """
    word = canonical(word)
    if word in CASE_SENSITIVE:
        return ABBREVIATIONS.get(word)
    return _BY_FOLDED.get(word.casefold())


def abbreviations_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """Every abbreviation of an expansion given as folded words: ('uy', 'ban', 'nhan', 'dan') → ('UBND',)."""
    return _ABBREVIATIONS_OF.get(words, ())


def folded_words(text: str) -> tuple[str, ...]:
    """The folded words of a text, the key `abbreviations_of` takes."""
    return _folded_words(text)
