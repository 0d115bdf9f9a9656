"""Rules of the twelfth officials round (from the eleventh held-out set's misses), on sentences written for tests."""

from __future__ import annotations

from indexer.enrich.mentions import tokenize
from indexer.enrich.officials import find_officials
from vntext.abbreviations import query_expansion, title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_the_front_named_alone_and_its_committee_abbreviated() -> None:
    text = "Đến dự có đồng chí Lê Quang Vĩnh – PCT Mặt trận huyện. Sau đó đồng chí Lê Quang Vĩnh – PCT UBMT huyện nói."
    assert titles_of(text) == {"Lê Quang Vĩnh": ["PCT Mặt trận huyện", "PCT UBMT huyện"]}


def test_abbreviated_deputy_secretary_and_military_commander() -> None:
    text = "Có mặt ông Đinh Công Lý, Phó BT Đảng ủy - Chủ tịch UBND xã và ông Hà Văn Tư, CHT BCHQS xã."
    assert titles_of(text) == {"Đinh Công Lý": ["Phó BT Đảng ủy", "Chủ tịch UBND xã"], "Hà Văn Tư": ["CHT BCHQS xã"]}
    assert title_key("CHT BCHQS xã") == title_key("Chỉ huy trưởng Ban Chỉ huy Quân sự xã")
    assert title_key("Phó BT Đảng ủy") == title_key("Phó Bí thư Đảng ủy")


def test_a_lower_case_bt_is_no_abbreviation_in_a_query() -> None:
    assert query_expansion("BT") == "Bí thư"
    assert query_expansion("bt") is None


def test_union_and_cell_chiefs_abbreviated_and_an_acronym_glued_to_the_next_post() -> None:
    text = "Điều hành là cô Trịnh Thị Mai - CTCĐ, còn thầy Đỗ Văn Khang - BTCB-Hiệu trưởng tổng kết năm học."
    assert titles_of(text) == {"Trịnh Thị Mai": ["CTCĐ"], "Đỗ Văn Khang": ["BTCB", "Hiệu trưởng"]}
    assert [t.text for t in tokenize("BTCB-Hiệu trưởng, PT-TH, TCDS-KHHGĐ")] == [
        "BTCB", "-", "Hiệu", "trưởng", ",", "PT-TH", ",", "TCDS-KHHGĐ",
    ]  # fmt: skip


def test_a_police_investigation_agencys_head() -> None:
    text = "Thư khen gửi Đại tá Mạc Văn Hòa - Phó Giám đốc Công an tỉnh - Thủ trưởng Cơ quan CSĐT Công an tỉnh."
    assert titles_of(text) == {"Mạc Văn Hòa": ["Phó Giám đốc Công an tỉnh", "Thủ trưởng Cơ quan CSĐT Công an tỉnh"]}


def test_a_name_with_a_lower_case_middle_syllable_and_no_separator_before_its_title() -> None:
    text = "Chỉ đạo là đồng chí thiếu tá Lương văn Khởi chính trị viên Ban CHQS huyện, sau đó dân quân tập luyện."
    assert titles_of(text) == {"Lương văn Khởi": ["chính trị viên Ban CHQS huyện"]}
    assert titles_of("Dự có bà Lê cùng Phó Chủ tịch UBND xã Phan Thị Lụa.") == {
        "Phan Thị Lụa": ["Phó Chủ tịch UBND xã"]
    }


def test_the_youth_union_named_alone_before_a_separator() -> None:
    text = (
        "Dự có ông Bùi Hữu Tình – Đảng ủy viên – Bí thư Đoàn – Phó chủ tịch Hội khuyến học Yên Sở và Ông Tạ Văn Mạnh."
    )
    assert titles_of(text) == {"Bùi Hữu Tình": ["Đảng ủy viên", "Bí thư Đoàn", "Phó chủ tịch Hội khuyến học Yên Sở"]}
    assert titles_of("Dự có ông Bùi Hữu Tình, Bí thư Đoàn Văn Hải.") == {"Đoàn Văn Hải": ["Bí thư"]}


def test_a_historic_figures_namesake_holding_a_local_post() -> None:
    text = "Dự có đồng chí Trần Phú, Phó Chủ tịch UBND huyện. Trường Trần Phú kể chuyện Chủ tịch Hồ Chí Minh về thăm."
    assert titles_of(text) == {"Trần Phú": ["Phó Chủ tịch UBND huyện"]}


def test_a_steering_committee_abbreviated_is_read_with_what_it_steers() -> None:
    text = "Ông Mai Xuân Thủy – Chủ tịch UBND - Trưởng ban BCĐ Phong trào TDĐKXDĐSVH huyện Định Quán khen các xã."
    assert titles_of(text) == {
        "Mai Xuân Thủy": ["Chủ tịch UBND", "Trưởng ban BCĐ Phong trào TDĐKXDĐSVH huyện Định Quán"]
    }


def test_a_district_printed_by_its_initials() -> None:
    text = "Trường đón bà Chu Thị Lan - PCT Hội đồng nhân dân quận HK và ông Tô Văn Hải - Chủ tịch UBND phường."
    assert titles_of(text) == {
        "Chu Thị Lan": ["PCT Hội đồng nhân dân quận HK"],
        "Tô Văn Hải": ["Chủ tịch UBND phường"],
    }


def test_a_teacher_named_by_the_given_name_alone() -> None:
    text = "Buổi họp do cô Thoa - CTCĐ điều hành; thầy Lực - BTCB-Hiệu trưởng kết luận. Cô Hạnh - giáo viên lớp 2 kể."
    assert titles_of(text) == {"Thoa": ["CTCĐ"], "Lực": ["BTCB", "Hiệu trưởng"]}


def test_a_given_name_alone_is_the_one_full_name_ending_with_it() -> None:
    text = "Thầy Vũ Đình Lực - BTCB kể lại. Thầy Lực - Hiệu trưởng nhà trường trao thưởng cho học sinh."
    assert titles_of(text) == {"Vũ Đình Lực": ["BTCB", "Hiệu trưởng nhà trường"]}


def test_a_teachers_bare_ht_is_the_schools_head() -> None:
    text = "Hội đồng sư phạm họp; thầy Đạt - Phó HT vắng vì ốm. Ông Lê Văn Tâm - HT vắng. Thầy Hùng - HTX Tân Lập nói."
    assert titles_of(text) == {"Đạt": ["Phó HT"]}
