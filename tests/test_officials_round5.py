"""Rules of the fifth officials round (from the fourth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from vntext.abbreviations import title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_title_right_after_an_honorific_and_name_without_separator() -> None:
    text = (
        "Ông Trần Văn Bảo PCT UBND huyện Yên Lập đọc diễn văn. Sau đó, đồng chí Lê Văn Cường Ủy viên Ban "
        "Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy tặng hoa."
    )
    assert titles_of(text) == {
        "Trần Văn Bảo": ["PCT UBND huyện Yên Lập"],
        "Lê Văn Cường": ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy"],
    }


def test_no_honorific_no_title_without_separator() -> None:
    # without 'ông'/'đồng chí' before it, a name directly followed by a title is not given that title
    assert titles_of("Nhà văn Trần Văn Bảo Chủ tịch UBND xã Tân Lập đến thăm.") == {}


def test_name_printed_with_one_lower_case_syllable() -> None:
    text = (
        "Dẫn đoàn là đồng chí Phạm Văn hùng - Phó Giám đốc Sở Nội vụ. Có mặt ông đinh Văn Tú - huyện ủy viên, "
        "Phó Chủ tịch UBND huyện."
    )
    assert titles_of(text) == {
        "Phạm Văn hùng": ["Phó Giám đốc Sở Nội vụ"],
        "đinh Văn Tú": ["huyện ủy viên", "Phó Chủ tịch UBND huyện"],
    }
    # a lower-case word after a name with no title after it stays out of the name
    assert titles_of("Bà Lê Thị Hoa cho biết, năm nay xã trồng thêm 5 ha rừng.") == {}


def test_new_heads_and_abbreviations() -> None:
    text = (
        "Thiếu tá Hà Văn Dũng, Chính trị viên Đồn Biên phòng Cà Ná, cho biết đồn đã tặng quà. "
        "Trạm trưởng Trạm Kiểm lâm Suối Tiên Đỗ Văn Hạnh cho hay trạm tuần tra cả ngày. "
        "Bộ trưởng Bộ Giao thông - Vận tải (GTVT) Hồ Văn Minh kiểm tra cầu. "
        "Phó Chủ tịch TT HĐND huyện Vũ Văn Tâm trao quà. "
        "Dự có đồng chí Đặng Thị Lan – Phó BTTT, Chủ tịch HĐND huyện; đồng chí Bùi Văn Hòa – HUV, Bí thư Huyện đoàn."
    )
    assert titles_of(text) == {
        "Hà Văn Dũng": ["Chính trị viên Đồn Biên phòng Cà Ná"],
        "Đỗ Văn Hạnh": ["Trạm trưởng Trạm Kiểm lâm Suối Tiên"],
        "Hồ Văn Minh": ["Bộ trưởng Bộ Giao thông - Vận tải (GTVT)"],
        "Vũ Văn Tâm": ["Phó Chủ tịch TT HĐND huyện"],
        "Đặng Thị Lan": ["Phó BTTT", "Chủ tịch HĐND huyện"],
        "Bùi Văn Hòa": ["HUV", "Bí thư Huyện đoàn"],
    }
    assert title_key("Phó BTTT") == title_key("Phó Bí thư Thường trực")
    assert title_key("HUV") == title_key("Huyện ủy viên")
    assert title_key("Phó Chủ tịch TT HĐND huyện") == title_key("Phó Chủ tịch Thường trực HĐND huyện")


def test_bare_thuong_truc_and_thuong_vu_heads_but_not_after_ban() -> None:
    text = "Đồng chí Lý Văn Sơn, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư phát biểu."
    assert titles_of(text) == {"Lý Văn Sơn": ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]}
    text = "Ban Thường vụ Huyện ủy Lê Văn Nam gặp mặt cán bộ hưu trí."
    assert titles_of(text) == {}
    text = "Thay mặt Thường trực HĐND tỉnh, ông Phan Văn Lực, Phó Chủ tịch HĐND tỉnh phát biểu."
    assert titles_of(text) == {"Phan Văn Lực": ["Phó Chủ tịch HĐND tỉnh"]}


def test_organisations_after_a_head_new_tails() -> None:
    text = (
        "Thầy Đỗ Minh Khoa - Hiệu trưởng nhà trường phát biểu. Ông Trịnh Văn Lộc – Trưởng Ban công tác Mặt trận "
        "ấp Tân Hòa vận động bà con. Bà Lâm Thị Thu - Trưởng Ban Điều hành Quỹ hỗ trợ nông dân tỉnh cho biết quỹ "
        "đã tăng. Ông Hà Văn Tiến - Trưởng Ban KT-NS HĐND tỉnh chủ trì. Ông Vũ Đức Hạnh, Phó Trưởng Ban Chỉ đạo "
        "Tây Nguyên dự. Người trúng cử là ông Kiều Văn Phúc, Giám đốc Sở Xây dựng, từ nay đảm nhận cương vị Phó "
        "Chủ tịch UBND tỉnh."
    )
    assert titles_of(text) == {
        "Đỗ Minh Khoa": ["Hiệu trưởng nhà trường"],
        "Trịnh Văn Lộc": ["Trưởng Ban công tác Mặt trận ấp Tân Hòa"],
        "Lâm Thị Thu": ["Trưởng Ban Điều hành Quỹ hỗ trợ nông dân tỉnh"],
        "Hà Văn Tiến": ["Trưởng Ban KT-NS HĐND tỉnh"],
        "Vũ Đức Hạnh": ["Phó Trưởng Ban Chỉ đạo Tây Nguyên"],
        "Kiều Văn Phúc": ["Giám đốc Sở Xây dựng", "Phó Chủ tịch UBND tỉnh"],
    }
    assert title_key("Trưởng Ban KT-NS HĐND tỉnh") == title_key("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh")


def test_organisation_name_opening_in_lower_case_after_its_type_word() -> None:
    text = (
        "Ông Lý Văn Sang – trưởng phòng quản lý dược Sở Y tế tỉnh giải thích thêm. Ông Ngô Văn Bình - "
        "Chủ tịch Hội hữu nghị Việt – Campuchia tỉnh phát biểu."
    )
    found = titles_of(text)
    assert found["Lý Văn Sang"] == ["trưởng phòng quản lý dược Sở Y tế tỉnh"]
    assert title_key(found["Ngô Văn Bình"][0]) == title_key("Chủ tịch Hội hữu nghị Việt - Campuchia tỉnh")
    # a verb after the type word is no organisation name; a unit word alone does not open one
    assert titles_of("Bà Lê Thị Mai - Giám đốc Trung tâm nói rằng Sở Y tế tỉnh đã đồng ý.") == {
        "Lê Thị Mai": ["Giám đốc Trung tâm"]
    }
    assert titles_of("Ông Vũ Văn Khôi - Phó Giám đốc Trung tâm chuyển đổi số TP.HCM dự.") == {
        "Vũ Văn Khôi": ["Phó Giám đốc Trung tâm"]
    }


def test_joining_phrase_after_a_dash_and_with_two_passive_verbs() -> None:
    text = (
        "Ông Tạ Văn Long - Phó Bí thư Thường trực Tỉnh ủy - được bầu làm Chủ tịch UBND tỉnh. Ông Đoàn Văn Hậu, "
        "Ủy viên dự khuyết Trung ương Đảng, được điều động và bổ nhiệm giữ chức Bí thư Tỉnh ủy Sơn La."
    )
    assert titles_of(text) == {
        "Tạ Văn Long": ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        "Đoàn Văn Hậu": ["Ủy viên dự khuyết Trung ương Đảng", "Bí thư Tỉnh ủy Sơn La"],
    }


def provinces_of(text: str) -> dict[str, str | None]:
    return {o.name: o.province for o in find_officials(text)}


def test_province_in_parentheses_after_a_district_places_its_officials() -> None:
    text = (
        "Đoàn công tác huyện Gia Lộc (Hải Dương) thăm đồng hương tại Thành phố Hồ Chí Minh. Đi cùng có đồng chí "
        "Vũ Văn Tiến, Phó Bí thư Huyện ủy."
    )
    assert provinces_of(text) == {"Vũ Văn Tiến": "Hải Dương"}
    # an official above the district keeps the nearest province named before him
    text = "Lãnh đạo huyện Gia Lộc (Hải Dương) đến Cần Thơ. Ông Vũ Văn Tiến, Phó Chủ tịch UBND thành phố, tiếp đoàn."
    assert provinces_of(text) == {"Vũ Văn Tiến": "Cần Thơ"}


def test_province_followed_by_a_term_and_a_cooperative_union_is_national() -> None:
    text = "Kỳ họp của HĐND tỉnh Bến Tre Khóa X bế mạc. Ông Đặng Văn Tâm, Chủ tịch HĐND tỉnh, chủ trì."
    assert provinces_of(text) == {"Đặng Văn Tâm": "Bến Tre"}
    found = find_officials("Đồng chí Lương Văn Phú, Chủ tịch Liên minh Hợp tác xã Việt Nam, dự hội nghị.")
    assert [(o.name, o.province, o.national) for o in found] == [("Lương Văn Phú", None, True)]


def test_a_transfer_places_the_official_in_the_province_of_the_new_post() -> None:
    text = (
        "Bộ Công an bổ nhiệm Đại tá Lưu Văn Kiên - Phó Giám đốc Công an tỉnh Hà Nam giữ chức vụ Giám đốc Công an "
        "tỉnh Ninh Bình. Ông Mạc Văn Toàn, Bí thư Tỉnh ủy Bắc Kạn, nguyên Chủ tịch UBND tỉnh Cao Bằng, dự."
    )
    assert provinces_of(text) == {"Lưu Văn Kiên": "Ninh Bình", "Mạc Văn Toàn": "Bắc Kạn"}
