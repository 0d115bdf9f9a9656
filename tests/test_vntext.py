"""The shared Vietnamese text code: tone placement, folding, repair, dates."""

from datetime import datetime

import pytest

from vntext import canonical, clean, fold, has_diacritics, key, repair, slug, tokenize
from vntext.dates import VIETNAM_TZ, find_dates, parse_date


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [
        ("hoà", "hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ", "khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("UỶ BAN", "ỦY BAN"),
        ("tuỳ", "tùy"),
        ("nguỵ", "ngụy"),
        ("hoá học", "hóa học"),
        ("Thanh Hoá.", "Thanh Hóa."),  # the glide ends the word at punctuation, a digit or the text's end
        ("hoà2", "hòa2"),
        ("HOÀ", "HÒA"),
        ("tuỳ-hoẻ", "tùy-hỏe"),
    ],
)
def test_canonical_puts_the_tone_on_the_first_vowel_of_open_glides(new_style: str, old_style: str) -> None:
    assert canonical(new_style) == old_style
    assert canonical(old_style) == old_style


@pytest.mark.parametrize(
    "word", ["hoàn", "Huỳnh", "quý", "QUÝ", "Quỳ", "qUỷ", "thuyền", "quả", "giữa", "thuở", "khuya", "hoạch", "uà", "oỳ"]
)
def test_canonical_leaves_closed_syllables_and_qu_alone(word: str) -> None:
    assert canonical(word) == word


def test_canonical_composes_nfd_input() -> None:
    nfd = "Pha\u0323m Ba\u0323ch \u0110a\u0306\u0300ng"
    assert canonical(nfd) == "Phạm Bạch Đằng"


def test_fold_maps_d_stroke_and_keeps_letters() -> None:
    assert fold("Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch Đằng") == "Pho Bi thu Thuong truc Tinh uy Pham Bach Dang"
    assert fold("ĐẢNG đảng") == "DANG dang"


def test_repair_fixes_eth_mojibake() -> None:
    assert repair("\u00d0ảng") == "Đảng"
    assert fold("\u00d0ảng") == "Dang"


def test_key_equates_spellings_and_spacing() -> None:
    assert key("  Hoà   Bình ") == key("hòa bình")
    assert key("Đảng") != key("đang")


def test_clean_quotes_dashes_spaces() -> None:
    assert clean("“Dân vận khéo”\u00a0– 2017") == '"Dân vận khéo" - 2017'
    assert clean(" \t«Đổi mới»\n\n‘x’\u2003—\u3000y ") == "\"Đổi mới\" 'x' - y"  # every whitespace run is one space


def test_slug_and_diacritics() -> None:
    assert slug("Phạm Bạch Đằng") == "pham-bach-dang"
    assert has_diacritics("Đằng") and not has_diacritics("dang")


def test_tokenize_keeps_offsets_and_gives_both_forms() -> None:
    text = "Tỉnh uỷ Cà Mau"
    tokens = tokenize(text)
    assert [(t.exact, t.folded) for t in tokens] == [("tỉnh", "tinh"), ("ủy", "uy"), ("cà", "ca"), ("mau", "mau")]
    assert [text[t.start : t.end] for t in tokens] == ["Tỉnh", "uỷ", "Cà", "Mau"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Hai, 12/06/2017 - 08:30", datetime(2017, 6, 12, 8, 30)),
        ("08:30 | 12/06/2017", datetime(2017, 6, 12, 8, 30)),
        ("Thứ hai, 5/6/2017, 8:30 (GMT+7)", datetime(2017, 6, 5, 8, 30)),
        ("12-6-2017", datetime(2017, 6, 12)),
        ("cập nhật lúc 14:05 ngày 3/7/2018", datetime(2018, 7, 3, 14, 5)),
        ("Ngày 12 tháng 6 năm 2017", datetime(2017, 6, 12)),
        ("Cà Mau, 12/06/2017 02:15 PM", datetime(2017, 6, 12, 14, 15)),
    ],
)
def test_vietnamese_dates(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected.replace(tzinfo=VIETNAM_TZ)


def test_impossible_and_partial_dates_are_not_dates() -> None:
    assert find_dates("31/02/2017 và ngày 1/7 năm nay") == []


def test_names_sort_by_given_name_in_vietnamese_order() -> None:
    from vntext import collation_key, given_name

    names = ["Phạm Bạch Đằng", "Lê Dũng", "Trần Văn Hiện", "Hồ Minh Chiến", "Nguyễn Văn Dân"]
    ordered = sorted(names, key=lambda name: collation_key(given_name(name)))
    assert ordered == ["Hồ Minh Chiến", "Nguyễn Văn Dân", "Lê Dũng", "Phạm Bạch Đằng", "Trần Văn Hiện"]
    assert given_name("Y Min") == "Min" and given_name("") == ""


def test_punctuation_is_defined_once_and_keeps_offsets() -> None:
    from vntext.punctuation import DASH_RE, unify_dashes, unify_quotes

    text = "A – B — C ‑ D − E “x” «y»"
    assert unify_dashes(text) == "A - B - C - D - E “x” «y»"
    assert unify_quotes(text).endswith('"x" "y"')
    assert len(unify_dashes(text)) == len(text) and len(unify_quotes(text)) == len(text)
    assert not DASH_RE.search("a-b")


def test_title_prefixes_live_in_vntext() -> None:
    from vntext.abbreviations import title_key
    from vntext.titles import TITLE_PREFIXES, is_former

    assert {"nguyên", "cố", "quyền", "tân"} <= set(TITLE_PREFIXES)
    assert is_former("Nguyên Chủ tịch UBND tỉnh") and is_former("cố Thủ tướng")
    assert not is_former("Quyền Giám đốc Sở Y tế") and not is_former("Nguyễn Văn A")
    assert title_key("Tân Chủ tịch UBND tỉnh") == title_key("Chủ tịch UBND tỉnh")
    assert title_key("Bí thu Đảng ủy xã") == title_key("Bí thư Đảng ủy xã")
    assert title_key("PCT UBND tỉnh") == title_key("Phó Chủ tịch Ủy ban nhân dân tỉnh")


def test_key_of_canonical_equals_key_on_canonical_text() -> None:
    from vntext import canonical, key, key_of_canonical

    text = "Thuỷ  lợi – Hoà Bình “mới”"
    assert key_of_canonical(canonical(text)) == key(text)
