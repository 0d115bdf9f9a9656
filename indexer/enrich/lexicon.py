"""Word lists behind the officials extractor, loaded once at import from `data/`."""

from __future__ import annotations

from pathlib import Path

from vntext import key
from vntext.titles import TITLE_PREFIXES

DATA_DIR = Path(__file__).parent / "data"


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def read_sections(name: str) -> dict[str, list[str]]:
    """An INI-like file of `[section]` headers followed by one entry per line."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


_TITLES = read_sections("titles.txt")

_HEAD_LIST = [key(x) for x in _TITLES["heads"]]
# every head has its deputy: 'Phó tham mưu trưởng', 'Phó Chánh Văn phòng', 'Phó Tư lệnh' …
HEADS = _HEAD_LIST + [f"phó {h}" for h in _HEAD_LIST if " " in h and not h.startswith(("phó ", "tổng bí thư"))]
HEADS_NEED_TAIL = [key(x) for x in _TITLES["heads_need_tail"]]
RANKS = [key(x) for x in _TITLES["ranks"]]
QUALIFIERS = frozenset(TITLE_PREFIXES)  # nguyên, cố, quyền, tân: kept inside the title
PLACE_TRIGGERS = [key(x) for x in _TITLES["place_triggers"]]
TAIL_PHRASES = [key(x) for x in _TITLES["tail_phrases"]]
LOWER_FIELDS = [key(x) for x in _TITLES["lower_fields"]]  # an office's field in lower case, after "phòng"

SURNAMES = frozenset(key(w) for line in read_lines("surnames.txt") for w in line.split())
PLACES = [key(x) for x in read_lines("places.txt")]
HISTORIC = frozenset(key(x) for x in read_lines("historic.txt"))

# Honorifics that introduce a person (and a back-reference by given name).
HONORIFICS = ["ông", "bà", "anh", "chị", "đồng chí", "đ/c", "ngài"]

# Words after which a capitalised name is part of an institution, place or award, not a person.
INSTITUTION_PREV = frozenset(w for line in read_lines("institutions.txt") for w in line.split())

# A phrase joining a name to the title it is given ('giữ chức', 'tiếp tục được bầu giữ chức', 'tái đắc cử chức
# danh', 'đã được 100% đại biểu tín nhiệm bầu giữ chức'): up to BRIDGE_MAX lower-case words or numbers, none of
# them in BRIDGE_STOPS, the last one in BRIDGE_ENDS, right before the title.
BRIDGE_MAX = 10
# Verbs by which the subject acts on someone else ('X ký quyết định kỷ luật … chức vụ T … đối với ông Y'):
# a joining phrase containing one of them, without 'được' before it, does not give the title to X.
BRIDGE_ACTIVE = frozenset(
    {"bổ", "bầu", "phê", "cách", "miễn", "bãi", "điều", "chỉ", "giới", "kỷ", "ký", "xóa", "trao", "quyết"}
)
BRIDGE_ENDS = frozenset({"vị", "chức", "vụ", "danh", "làm", "là", "cử", "bầu", "nhiệm", "kiêm", "qua", "như", "cách"})
BRIDGE_STOPS = frozenset(
    [
        "biết",
        "rằng",
        "nói",
        "mạnh",
        "khẳng",
        "nghị",
        "cầu",
        "đạo",
        "với",
        "của",
        "cho",
        "tại",
        "trong",
        "về",
        "khi",
        "vì",
        "nhưng",
        "mà",
        "thăm",
        "gặp",
        "đón",
        "dự",
        "chủ",
        "trì",
        "và",
        "hoặc",
        "hay",
        "gửi",
        "trao",
        "tặng",
        "đến",
    ]
)

# Words that count people in a list sharing one title ('7 Phó Giám đốc gồm ...', 'hai Phó Chủ tịch là ...').
LIST_COUNTS = frozenset(["các", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "những"])
LIST_LINKS = frozenset({":", "là", "gồm", "có", "các", "đồng", "chí", "ông", "bà"})

# Academic and professional degrees printed before a name (TS., ThS., BSCKII, GS.TSKH, NGƯT.).
DEGREES = frozenset(
    [
        "ts",
        "ths",
        "gs",
        "pgs",
        "tskh",
        "bs",
        "bsck",
        "bscki",
        "bsckii",
        "ks",
        "ls",
        "ncs",
        "ds",
        "cn",
        "nsnd",
        "nsưt",
        "ngưt",
        "ngnd",
        "kts",
        "ttưt",
    ]
)

# Degrees spelled out before a name ('bác sĩ Hồng Công Danh'), as word pairs.
SPELLED_DEGREES = frozenset(
    {("bác", "sĩ"), ("bác", "sỹ"), ("tiến", "sĩ"), ("tiến", "sỹ"), ("thạc", "sĩ"), ("dược", "sĩ"), ("kỹ", "sư")}
)

# Words of a church's own bodies ('Hội đồng mục vụ giáo xứ', 'Ban hành giáo giáo họ') and, ninth round, of
# patronage and charity ('Hội đồng bảo trợ Hội Khuyến học', 'CT hội khuyến học xã'): no public body.
PRIVATE_BODY_WORDS = frozenset(
    {("giáo", "xứ"), ("giáo", "họ"), ("giáo", "phận"), ("mục", "vụ"), ("hành", "giáo"), ("hội", "thánh")}
    | {("khuyến", "học"), ("bảo", "trợ"), ("từ", "thiện")}
)

# Words before a quotation that name the speaker's act ('X nhấn mạnh: “…”', 'X cho biết, …').
SPEECH_VERBS = [
    key(x)
    for x in (
        "cho biết", "nhấn mạnh", "khẳng định", "đề nghị", "yêu cầu", "cho rằng", "chỉ đạo", "phát biểu",
        "nói", "chia sẻ", "đánh giá", "kể", "xác nhận", "lưu ý", "đề xuất", "kiến nghị", "mong", "mong muốn",
        "kêu gọi", "thông tin", "bày tỏ", "nêu rõ", "cam kết", "giải thích", "trả lời", "tin tưởng", "hy vọng",
        "đánh giá cao", "ghi nhận", "chỉ rõ", "quán triệt", "thông báo", "cho hay", "nhận định",
    )
]  # fmt: skip
