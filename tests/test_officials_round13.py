"""Rules of the thirteenth officials round (from the twelfth held-out set's misses), on sentences written for tests."""

from __future__ import annotations

from indexer.enrich.mentions import tokenize
from indexer.enrich.officials import find_officials
from vntext.abbreviations import title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_a_comma_inside_an_acronym_before_an_ampersand() -> None:
    text = "Phát biểu có ông Trần Quang Vinh – PGĐ Sở LĐ,TB&XH, sau đó bà Đỗ Thu Trang – PGĐ Sở VH,TT&DL bế mạc."
    assert titles_of(text) == {"Trần Quang Vinh": ["PGĐ Sở LĐ,TB&XH"], "Đỗ Thu Trang": ["PGĐ Sở VH,TT&DL"]}
    assert title_key("PGĐ Sở VH,TT&DL") == title_key("Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch")
    # a comma between two acronyms with no '&' after them still separates them
    assert [t.text for t in tokenize("HĐND,UBND xã")] == ["HĐND", ",", "UBND", "xã"]


def test_p_glued_to_a_ward_name_is_phuong() -> None:
    text = "Ông Lý Minh Đạt, chủ tịch UBND P.Tân Thới Nhất, cho biết hồ sơ đã xong."
    assert titles_of(text) == {"Lý Minh Đạt": ["chủ tịch UBND P.Tân Thới Nhất"]}
    assert [t.key for t in tokenize("TP.Vinh, P.Bến Thành, P. 5")][:5] == ["tp.", "vinh", ",", "phường", "bến"]


def test_young_pioneer_leaders_and_an_abbreviated_specialist() -> None:
    text = (
        "Dự có anh Phan Văn Lộc – TPT Đội, cô Lưu Thị Hoa – Tổng phụ trách Đội và ông Vương Đình Kha – "
        "CV Phòng Tư pháp. Đại hội bắt đầu."
    )
    assert titles_of(text) == {
        "Phan Văn Lộc": ["TPT Đội"],
        "Lưu Thị Hoa": ["Tổng phụ trách Đội"],
        "Vương Đình Kha": ["CV Phòng Tư pháp"],
    }


def test_a_lower_case_deputy_head_of_office() -> None:
    text = "Tiếp đoàn có bà Đặng Thị Mơ, phó phòng GD&ĐT huyện Hòn Đất cùng cán bộ các trường."
    assert titles_of(text) == {"Đặng Thị Mơ": ["phó phòng GD&ĐT huyện Hòn Đất"]}


def test_a_disaster_committee_acronym_and_a_numbered_steering_committee() -> None:
    text = (
        "Chủ trì là ông Cao Văn Bền – Chủ tịch UBND xã, Trưởng ban chỉ huy PCTT&TKCN xã; bà Lâm Thị Nga – "
        "Chủ tịch UBND phường, Trưởng BCĐ 389 phường phát biểu."
    )
    assert titles_of(text) == {
        "Cao Văn Bền": ["Chủ tịch UBND xã", "Trưởng ban chỉ huy PCTT&TKCN xã"],
        "Lâm Thị Nga": ["Chủ tịch UBND phường", "Trưởng BCĐ 389 phường"],
    }


def test_one_stop_office_agent_orange_association_and_a_university() -> None:
    text = (
        "Có bà Kha Thị Lệ, Phó giám đốc Trung tâm Phục vụ hành chính công tỉnh; ông Tạ Quang Huy, Chủ tịch Hội "
        "Nạn nhân chất độc da cam/dioxin huyện; ông Mạc Đình Sơn - Giám đốc Đại học Thái Nguyên - phát biểu."
    )
    assert titles_of(text) == {
        "Kha Thị Lệ": ["Phó giám đốc Trung tâm Phục vụ hành chính công tỉnh"],
        "Tạ Quang Huy": ["Chủ tịch Hội Nạn nhân chất độc da cam/dioxin huyện"],
        "Mạc Đình Sơn": ["Giám đốc Đại học Thái Nguyên"],
    }


def test_a_two_word_district_before_a_four_word_name() -> None:
    text = "Sáng nay, đoàn do Phó Chủ tịch UBND huyện Chợ Gạo Nguyễn Lê Hoàng Phúc dẫn đầu đã kiểm tra đê."
    assert titles_of(text) == {"Nguyễn Lê Hoàng Phúc": ["Phó Chủ tịch UBND huyện Chợ Gạo"]}


def test_a_foreign_envoy_is_no_official_but_a_vietnamese_one_is() -> None:
    text = (
        "Ông Hà Minh Tiến, Giám đốc Sở Ngoại vụ tiếp ngài Oliver Brandt, Đại sứ Cộng hòa Áo, sau đó bà Chu Thị Yến, "
        "Đại sứ Việt Nam tại Áo phát biểu."
    )
    assert titles_of(text) == {"Hà Minh Tiến": ["Giám đốc Sở Ngoại vụ"], "Chu Thị Yến": ["Đại sứ Việt Nam tại Áo"]}


def test_a_surname_less_name_after_doi_voi_takes_the_titles_before_it() -> None:
    text = "Hội đồng miễn nhiệm chức danh Chủ tịch HĐND xã đối với ông Mông Tú Lâm để ông được bầu làm Chủ tịch UBND."
    assert titles_of(text) == {"Mông Tú Lâm": ["Chủ tịch UBND", "Chủ tịch HĐND xã"]}


def test_a_high_command_abbreviated() -> None:
    text = "Trung tướng Đào Văn Quyết, Chính ủy BTL Bộ đội Biên phòng tặng quà ngư dân."
    assert titles_of(text) == {"Đào Văn Quyết": ["Chính ủy BTL Bộ đội Biên phòng"]}
    assert title_key("Chính ủy BTL Bộ đội Biên phòng") == title_key("Chính ủy Bộ Tư lệnh Bộ đội Biên phòng")


def test_a_chain_printed_with_no_separators_keeps_its_lower_case_posts() -> None:
    text = "Tại điểm cầu xã, đồng chí Hoàng Văn Dũng phó Bí thư Đảng ủy chủ tich UBND xã chủ trì cuộc họp."
    assert titles_of(text) == {"Hoàng Văn Dũng": ["phó Bí thư Đảng ủy", "chủ tich UBND xã"]}
    # with a separator before the first post, a lower-case post after it is not joined without one
    text = "Có ông Hoàng Văn Dũng, Bí thư Đảng ủy xã chủ trì cuộc họp."
    assert titles_of(text) == {"Hoàng Văn Dũng": ["Bí thư Đảng ủy xã"]}


def test_a_two_word_town_whose_first_word_names_a_body() -> None:
    text = "Nhận nhiệm vụ, ông Lục Văn Toản, Chủ tịch HĐND thị trấn Hội Hợp cảm ơn các đại biểu."
    assert titles_of(text) == {"Lục Văn Toản": ["Chủ tịch HĐND thị trấn Hội Hợp"]}


def test_a_university_or_an_institute_after_a_comma_is_the_parent() -> None:
    text = (
        "Có TS Kiều Văn Nam, Phó Hiệu trưởng Đại học Kinh tế, Đại học Đà Nẵng và TS Đàm Thị Thơ, Trưởng phòng "
        "Luật Dân sự, Viện Nghiên cứu Lập pháp đồng chủ trì."
    )
    assert titles_of(text) == {
        "Kiều Văn Nam": ["Phó Hiệu trưởng Đại học Kinh tế, Đại học Đà Nẵng"],
        "Đàm Thị Thơ": ["Trưởng phòng Luật Dân sự, Viện Nghiên cứu Lập pháp"],
    }


def test_a_national_university_named_by_its_city_is_national() -> None:
    people = find_officials("GS Phan Thanh Sơn, Giám đốc ĐH Quốc gia TP.HCM, phát biểu tại hội nghị.")
    assert [(o.name, o.titles, o.province, o.national) for o in people] == [
        ("Phan Thanh Sơn", ["Giám đốc ĐH Quốc gia TP.HCM"], None, True)
    ]


def test_a_district_office_by_its_field_in_lower_case() -> None:
    text = "Đoàn do bà Thái Thị Hạnh – Trưởng phòng giáo dục làm trưởng đoàn; ông Vi Văn Khôi, phó phòng tư pháp huyện."
    assert titles_of(text) == {"Thái Thị Hạnh": ["Trưởng phòng giáo dục"], "Vi Văn Khôi": ["phó phòng tư pháp huyện"]}
    # capitalised, the office's name is read whole, and the chain goes on after it
    text = "Ông Lâm Văn Tú, Trưởng phòng Giáo dục trung học và Giáo dục thường xuyên, Phó Giám đốc Sở GD-ĐT tỉnh dự."
    assert titles_of(text) == {
        "Lâm Văn Tú": ["Trưởng phòng Giáo dục trung học và Giáo dục thường xuyên", "Phó Giám đốc Sở GD-ĐT tỉnh"]
    }
