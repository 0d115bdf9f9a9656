"""Abbreviations in Vietnamese official titles: one canonical written form for matching.

'Chủ tịch HĐND tỉnh', 'Chủ tịch HDND tỉnh' and 'Chủ tịch Hội đồng nhân dân tỉnh' share one `title_key`.
In party news BTV means Ban Thường vụ (not biên tập viên, as general-purpose lists have it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from vntext.normalize import canonical, clean, key
from vntext.titles import NEW

# Abbreviation (canonical tones, as usually written) → expansion, matched on whole tokens and in any case
# ('hđnd' in a typed query), except those in _CASE_SENSITIVE; misspellings are listed as their own keys.
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
    "UV": "Ủy viên",
    "UB": "Ủy ban",
    "UBKT": "Ủy ban Kiểm tra",
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
    "VKSND": "Viện Kiểm sát nhân dân",
    "LĐLĐ": "Liên đoàn Lao động",
    "LHPN": "Liên hiệp Phụ nữ",
    "CCB": "Cựu chiến binh",
    "TNCS": "Thanh niên Cộng sản",
    "BCĐ": "Ban Chỉ đạo",
    "BQL": "Ban Quản lý",
    "KCN": "khu công nghiệp",
    "BHXH": "Bảo hiểm xã hội",
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
    "LĐ-TBXH": "Lao động - Thương binh và Xã hội",
    "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "TT&TT": "Thông tin và Truyền thông",
    "TT-TT": "Thông tin và Truyền thông",
    "KH&CN": "Khoa học và Công nghệ",
    "KH-CN": "Khoa học và Công nghệ",
    "GTVT": "Giao thông vận tải",
    "GT-VT": "Giao thông vận tải",
}

# Abbreviations that are also lower-case Vietnamese words ('tư' in 'đầu tư') match only as written.
_CASE_SENSITIVE = frozenset({"TƯ", "T.Ư", "UV", "UB", "TP", "TX", "BCH", "ĐC", "PCT", "GĐ", "PGĐ", "ĐB"})
_BY_FOLDED = {a.casefold(): v for a, v in ABBREVIATIONS.items() if a not in _CASE_SENSITIVE}


def _alternation(abbrs: list[str]) -> str:
    return "|".join(re.escape(a) for a in sorted(abbrs, key=len, reverse=True))


_ABBR_RE = re.compile(
    r"(?<![\w&./-])(?:("
    + _alternation(list(_CASE_SENSITIVE & ABBREVIATIONS.keys()))
    + r")|((?i:"
    + _alternation(list(ABBREVIATIONS.keys() - _CASE_SENSITIVE))
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
        (rf"^(?:{'|'.join(NEW)}) ", ""),
        (r"\s*[,;:.]+$", ""),
    )
)


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
