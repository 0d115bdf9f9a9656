"""Rules of the ninth officials round (from the eighth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from indexer.load import document_official
from vntext.abbreviations import title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_abbreviated_heads_of_a_chain() -> None:
    text = (
        "Dự có đồng chí Lục Văn Khiêm - PBTTT Huyện ủy - CTHĐND huyện, đồng chí Đàm Thị Vân - PBT TT Đảng ủy, "
        "Chủ tịch HĐND xã và đồng chí Mạc Đình Bảy - UVBTV - TBDV HU."
    )
    assert titles_of(text) == {
        "Lục Văn Khiêm": ["PBTTT Huyện ủy", "CTHĐND huyện"],
        "Đàm Thị Vân": ["PBT TT Đảng ủy", "Chủ tịch HĐND xã"],
        "Mạc Đình Bảy": ["UVBTV", "TBDV HU"],
    }
    assert title_key("PBTTT Huyện ủy") == title_key("Phó Bí thư Thường trực Huyện ủy")
    assert title_key("PBT TT Đảng ủy") == title_key("Phó Bí thư Thường trực Đảng ủy")
    assert title_key("CTHĐND huyện") == title_key("Chủ tịch Hội đồng nhân dân huyện")
    assert title_key("TBDV HU") == title_key("Trưởng Ban Dân vận Huyện ủy")


def test_a_standing_committee_acronym_after_ban_shared_by_a_list() -> None:
    text = (
        "Có các đồng chí Ủy viên Ban TVTU: Đàm Văn Sơn, Phó Chủ tịch UBND tỉnh; "
        "Mạc Thị Hoa, Trưởng Ban Dân vận Tỉnh ủy."
    )
    assert titles_of(text) == {
        "Đàm Văn Sơn": ["Ủy viên Ban TVTU", "Phó Chủ tịch UBND tỉnh"],
        "Mạc Thị Hoa": ["Ủy viên Ban TVTU", "Trưởng Ban Dân vận Tỉnh ủy"],
    }
    assert title_key("Ủy viên Ban TVTU") == title_key("Ủy viên Ban Thường vụ Tỉnh ủy")


def test_union_and_youth_posts_of_a_school_or_a_commune() -> None:
    text = (
        "Thầy Đàm Văn Quý, chủ tịch Công đoàn đọc báo cáo; cô Mạc Thị Lan được bầu làm Chủ tịch Công đoàn cơ sở. "
        "Có đồng chí Lục Thị Huệ - Chủ tịch Công đoàn Trường báo cáo, thầy Đàm Văn Hà – Bí thư Đoàn trường "
        "và anh Mạc Văn Tín - Bí thư Đoàn xã, cùng nhiều đoàn viên."
    )
    assert titles_of(text) == {
        "Đàm Văn Quý": ["chủ tịch Công đoàn"],
        "Mạc Thị Lan": ["Chủ tịch Công đoàn cơ sở"],
        "Lục Thị Huệ": ["Chủ tịch Công đoàn Trường"],
        "Đàm Văn Hà": ["Bí thư Đoàn trường"],
        "Mạc Văn Tín": ["Bí thư Đoàn xã"],
    }


def test_ht_is_a_headmaster_only_before_a_school() -> None:
    text = (
        "Bà Lục Thị Sáu – Chủ tịch Công đoàn – Phó HT nhà trường đọc thư, "
        "rồi bà Đàm Thị Tươi – HT nhà trường phát biểu."
    )
    assert titles_of(text) == {
        "Lục Thị Sáu": ["Chủ tịch Công đoàn", "Phó HT nhà trường"],
        "Đàm Thị Tươi": ["HT nhà trường"],
    }
    assert title_key("Phó HT nhà trường") == title_key("Phó Hiệu trưởng nhà trường")
    assert titles_of("Ông Lục Văn Sáu - HT Huyện ủy đọc báo cáo.") == {}  # HT of no school: not a head


def test_a_cell_committee_member() -> None:
    assert titles_of("Phía chi bộ có bà Mạc Thị Kim Thoa – Chi Ủy viên.") == {"Mạc Thị Kim Thoa": ["Chi Ủy viên"]}


def test_a_school_named_after_a_person() -> None:
    text = "Đồng chí Đàm Bá Lâm, Bí thư Chi bộ trường THCS Nguyễn Văn Cừ, chúc mừng hai đảng viên mới."
    assert titles_of(text) == {"Đàm Bá Lâm": ["Bí thư Chi bộ trường THCS Nguyễn Văn Cừ"]}


def test_a_police_team_printed_in_lower_case() -> None:
    text = "Đ/c Lục Xuân Tú - Phó đội trưởng đội cảnh sát PCCC quận Hải An hướng dẫn học sinh thoát nạn."
    assert titles_of(text) == {"Lục Xuân Tú": ["Phó đội trưởng đội cảnh sát PCCC quận Hải An"]}
    assert titles_of("Ông Lục Văn Ngọ, đội trưởng đội bóng xã, cho biết.") == {}  # a team of no organisation


def test_organisation_names_past_a_lower_case_word() -> None:
    text = "Có đồng chí Mạc Thanh Hà - Phó Trưởng phòng Quản lý đô thị quận, và bà Lục Thị An - Bí thư Đảng ủy phường."
    assert titles_of(text)["Mạc Thanh Hà"] == ["Phó Trưởng phòng Quản lý đô thị quận"]  # 'đô thị' is no unit word
    text = "Ông Đàm Văn Lộc, Trưởng phòng GD tiểu học Sở GD-ĐT TP.HCM, cho biết kỳ thi diễn ra an toàn."
    assert titles_of(text) == {"Đàm Văn Lộc": ["Trưởng phòng GD tiểu học Sở GD-ĐT TP.HCM"]}
    text = "Đồng chí Lục Văn Bình - Hiệu trưởng Trường Tiểu học Pá Khoang báo cáo quá trình xây dựng trường."
    assert titles_of(text) == {"Lục Văn Bình": ["Hiệu trưởng Trường Tiểu học Pá Khoang"]}  # 'báo cáo' is a verb


def test_the_central_committee_of_a_union_after_a_comma_is_national() -> None:
    text = "Đoàn có đ/c Mạc Thị Thuý - Phó Ban Tổ chức, TW Hội; nhà tài trợ có bà Lục Thị Yến."
    (official,) = find_officials(text)
    assert official.titles == ["Phó Ban Tổ chức, TW Hội"] and official.national and official.province is None


def test_the_state_s_full_name_after_the_president() -> None:
    got = titles_of("Đồng chí Đàm Văn Phúc, Chủ tịch nước CHXHCN Việt Nam, lên thăm tỉnh.")
    assert got == {"Đàm Văn Phúc": ["Chủ tịch nước CHXHCN Việt Nam"]}


def test_homeroom_teachers_and_charity_councils_hold_no_post() -> None:
    assert titles_of("Cô Mạc Thị Mai, chủ nhiệm lớp 5A, cho biết các em học rất chăm.") == {}
    text = (
        "Dự có bà Đàm Hồng Nga – Phó Chủ tịch Hội đồng bảo trợ Hội Khuyến học tỉnh "
        "và ông Lục Văn Nên – Bí thư Huyện ủy."
    )
    assert titles_of(text) == {"Lục Văn Nên": ["Bí thư Huyện ủy"]}
    assert titles_of("Có bác Mạc Văn Ngọ - CT hội khuyến học xã, cùng giáo viên.") == {}
    text = "Bà Lục Thị Mai, Giám đốc Trung tâm Bảo trợ xã hội tỉnh, cho biết."
    assert titles_of(text) == {"Lục Thị Mai": ["Giám đốc Trung tâm Bảo trợ xã hội tỉnh"]}  # a public centre


def test_a_title_after_a_colon_closed_by_cung_or_by_va_and_an_honorific() -> None:
    text = "Khách có bà Đàm Thị Hải Băng: Chủ tịch Hội liên hiệp phụ nữ phường Phú Hội cùng đại diện nhà trường."
    assert titles_of(text) == {"Đàm Thị Hải Băng": ["Chủ tịch Hội liên hiệp phụ nữ phường Phú Hội"]}
    text = "Có ông Lục Văn An: Giám đốc Sở Y tế và bà Mạc Thị Bình: Phó Giám đốc Sở Tài chính."
    assert titles_of(text) == {"Lục Văn An": ["Giám đốc Sở Y tế"], "Mạc Thị Bình": ["Phó Giám đốc Sở Tài chính"]}
    assert titles_of("Ông Lục Văn An: Giám đốc Sở phải báo cáo ngay.") == {}  # a speaker, not a title


def test_a_lower_case_thi_inside_a_name() -> None:
    text = "Đại hội bầu cô Đàm thị Ngọc Trân làm Chủ tịch Công đoàn cơ sở."
    assert titles_of(text) == {"Đàm thị Ngọc Trân": ["Chủ tịch Công đoàn cơ sở"]}


def test_in_charge_between_a_head_and_its_body_and_a_festival_s_committee() -> None:
    text = "Đồng chí Mạc Lâm Thanh Thủy, Phó Giám đốc phụ trách điều hành Sở chủ trì cuộc họp."
    assert titles_of(text) == {"Mạc Lâm Thanh Thủy": ["Phó Giám đốc phụ trách điều hành Sở"]}
    text = "Bế mạc, ông Đàm Đức Lương – Phó Chủ tịch UBND huyện – Trưởng Ban tổ chức Ngày hội cảm ơn du khách."
    assert titles_of(text) == {"Đàm Đức Lương": ["Phó Chủ tịch UBND huyện", "Trưởng Ban tổ chức Ngày hội"]}


def test_a_post_whose_text_names_no_province_is_filed_under_the_paper_s_by_the_index() -> None:
    """Pins a decision, not a new rule: a province name after a lower-case phrase ('điểm cầu Nam Định') may be a
    smaller unit's, so the text gives no province; the index then files the official under the paper's own."""
    (official,) = find_officials("Ở điểm cầu Nam Định có đồng chí Đàm Văn Sơn, Phó Chủ tịch UBND tỉnh.")
    assert official.province is None
    doc = document_official(official, "Nam Định")
    assert (doc["id"], doc["province"], doc["text_province"]) == ("dam-van-son--nam-dinh", "Nam Định", None)
