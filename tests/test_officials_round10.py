"""Rules of the tenth officials round (from the ninth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from vntext.abbreviations import title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_city_units_by_number() -> None:
    text = "Dự có bà Lâm Thị Hạnh, Phó Chủ tịch UBND Quận 3 và ông Tô Văn Kha, Đại biểu HĐND Phường 12."
    assert titles_of(text) == {
        "Lâm Thị Hạnh": ["Phó Chủ tịch UBND Quận 3"],
        "Tô Văn Kha": ["Đại biểu HĐND Phường 12"],
    }


def test_head_of_a_station_and_a_degree_before_a_name_without_separator() -> None:
    text = "Năm 2021, Kỹ sư Đinh Văn Lực Phó trưởng Trạm Thú Y huyện Năm Căn hướng dẫn bà con tiêm phòng."
    assert titles_of(text) == {"Đinh Văn Lực": ["Phó trưởng Trạm Thú Y huyện Năm Căn"]}


def test_a_foreign_honorific_before_a_name_without_separator() -> None:
    text = "Đoàn được Ngài Lò Văn Hùng UV.BCH TW Đảng, Bí thư Tỉnh ủy Sơn La tiếp tại trụ sở."
    assert titles_of(text) == {"Lò Văn Hùng": ["UV.BCH TW Đảng", "Bí thư Tỉnh ủy Sơn La"]}


def test_an_envoy_and_the_country_of_the_post() -> None:
    text = (
        "Đại sứ Việt Nam tại Hàn Quốc Vũ Văn Hồ gặp kiều bào; ông Trịnh Minh Khôi, Đại sứ Việt Nam tại Chile, "
        "cũng dự. Bà Lê Thu Hà, Đại sứ Việt Nam tại đây nói thêm."
    )
    found = {o.name: o for o in find_officials(text)}
    assert {n: o.titles for n, o in found.items()} == {
        "Vũ Văn Hồ": ["Đại sứ Việt Nam tại Hàn Quốc"],
        "Trịnh Minh Khôi": ["Đại sứ Việt Nam tại Chile"],
        "Lê Thu Hà": ["Đại sứ Việt Nam"],
    }
    assert all(o.national and o.province is None for o in found.values())


def test_a_list_of_fields_inside_an_organisation_name() -> None:
    text = (
        "Ông Vũ Đình Toản, Chi cục trưởng Chi cục Kiểm dịch nông, lâm, thủy sản Thái Bình, cho biết thêm. "
        "Bà Hà Thu Trang, Phó Vụ trưởng Vụ Quản lý đào tạo, bồi dưỡng; ông Đỗ Văn Khải - Phó Chủ nhiệm Ủy ban "
        "Quốc phòng, An ninh và Đối ngoại của Quốc hội."
    )
    assert titles_of(text) == {
        "Vũ Đình Toản": ["Chi cục trưởng Chi cục Kiểm dịch nông, lâm, thủy sản Thái Bình"],
        "Hà Thu Trang": ["Phó Vụ trưởng Vụ Quản lý đào tạo, bồi dưỡng"],
        "Đỗ Văn Khải": ["Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội"],
    }


def test_no_list_where_people_or_another_body_follow_the_comma() -> None:
    text = (
        "Có ông Lương Văn Bảy, Giám đốc Trung tâm Văn hóa thể thao, nghệ sĩ Hồ Văn Tư; bà Tạ Thị Mơ, Giám đốc "
        "Trung tâm Phát triển quỹ đất, các phòng ban và ông Lã Văn Sơn, Giám đốc Trung tâm Văn hóa thể thao, "
        "cán bộ trung tâm."
    )
    assert titles_of(text) == {
        "Lương Văn Bảy": ["Giám đốc Trung tâm Văn hóa thể thao"],
        "Tạ Thị Mơ": ["Giám đốc Trung tâm Phát triển quỹ đất"],
        "Lã Văn Sơn": ["Giám đốc Trung tâm Văn hóa thể thao"],
    }


def test_the_parent_body_after_a_comma() -> None:
    text = (
        "Ông Hà Quốc Tuấn, Tổng cục trưởng Tổng cục Thủy lợi, Bộ NN&PTNT cho biết; Trung tá Mạc Văn Đông, Phó "
        "Trưởng phòng Cảnh sát Kinh tế, CATP Hải Phòng cũng dự. Có bà Lò Thị Hoa – Vụ phó, Vụ Hợp tác Quốc tế, "
        "Bộ Tư pháp; ông Ninh Văn Quý, Vụ trưởng, ông Tạ Văn Bình."
    )
    assert titles_of(text) == {
        "Hà Quốc Tuấn": ["Tổng cục trưởng Tổng cục Thủy lợi, Bộ NN&PTNT"],
        "Mạc Văn Đông": ["Phó Trưởng phòng Cảnh sát Kinh tế, CATP Hải Phòng"],
        "Lò Thị Hoa": ["Vụ phó, Vụ Hợp tác Quốc tế, Bộ Tư pháp"],
        "Ninh Văn Quý": ["Vụ trưởng"],
    }


def test_election_committee_political_centre_and_a_lost_tone_on_the_first_word() -> None:
    text = (
        "Đồng chí Kiều Văn Lộc, Uy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy; ông Âu Văn Hòa, Ủy viên "
        "UBBC tỉnh và bà Hứa Thị Mai, Giám đốc TTCT huyện."
    )
    assert titles_of(text) == {
        "Kiều Văn Lộc": ["Uy viên Ban Thường vụ", "Trưởng Ban Dân vận Tỉnh ủy"],
        "Âu Văn Hòa": ["Ủy viên UBBC tỉnh"],
        "Hứa Thị Mai": ["Giám đốc TTCT huyện"],
    }
    assert title_key("Ủy viên UBBC tỉnh") == title_key("Ủy viên Ủy ban bầu cử tỉnh")


def test_a_bare_party_committee_beside_a_ministry_post_is_central() -> None:
    text = (
        "Tại Long An, ông Hà Kim Ngọc, Ủy viên BCH Trung ương Đảng, Bí thư Đảng ủy, Thứ trưởng Bộ Ngoại giao, "
        "thăm bà con; bà Lữ Thị Vân, Bí thư Đảng ủy, Giám đốc Sở Y tế cùng dự."
    )
    found = {o.name: o for o in find_officials(text)}
    assert found["Hà Kim Ngọc"].national and found["Hà Kim Ngọc"].province is None
    assert not found["Lữ Thị Vân"].national and found["Lữ Thị Vân"].province == "Long An"


def test_a_dash_inside_a_name_an_interim_post_and_a_council_by_its_task() -> None:
    text = (
        "Dự có đồng chí Khổng Văn Tài, HUV, Trưởng Phòng Văn hoá - Thông tin huyện; ông Đàm Quốc Việt, Phó Chủ "
        "tịch UBND tỉnh, Chủ tịch Hội đồng thẩm định tỉnh, cùng dự. Ông Ninh Đức Khải được chỉ định làm Bí thư "
        "lâm thời. Ông Tô Văn Mạnh, Giám đốc Sở Y tế - Thông tin cho biết, ông Hà Văn Lợi, Chủ tịch Hội đồng "
        "quản trị huyện."
    )
    assert titles_of(text) == {
        "Khổng Văn Tài": ["HUV", "Trưởng Phòng Văn hoá - Thông tin huyện"],
        "Đàm Quốc Việt": ["Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng thẩm định tỉnh"],
        "Ninh Đức Khải": ["Bí thư lâm thời"],
        "Tô Văn Mạnh": ["Giám đốc Sở Y tế"],
    }


def test_a_second_title_printed_without_separator_and_a_clause_after_the_parent() -> None:
    text = (
        "Có ông Quách Văn Hiếu – Đảng ủy viên Phó Chủ tịch UBND phường. Thiếu tá Lục Văn Quyết, Phó "
        "Trưởng phòng Cảnh sát Kinh tế, CATP Đà Nẵng, dẫn đầu tổ công tác."
    )
    assert titles_of(text) == {
        "Quách Văn Hiếu": ["Đảng ủy viên", "Phó Chủ tịch UBND phường"],
        "Lục Văn Quyết": ["Phó Trưởng phòng Cảnh sát Kinh tế, CATP Đà Nẵng"],
    }


def test_presidium_branch_journal_and_working_group() -> None:
    text = (
        "Dự có ông Viên Văn Tùng, Ủy viên Thường trực Đoàn Chủ tịch Trung ương Hội Cựu chiến binh Việt Nam; "
        "Thượng tá Lạc Văn Hưng, Thư ký Chi hội, cùng Đại tá Mẫn Văn Tịnh, nguyên Tổng Biên tập Tạp chí Hương "
        "Quê Việt Nam. Phó Thủ tướng Chính phủ Cù Văn Định - Tổ trưởng Tổ công tác, kết luận phiên họp."
    )
    found = {o.name: o for o in find_officials(text)}
    assert {n: o.titles for n, o in found.items()} == {
        "Viên Văn Tùng": ["Ủy viên Thường trực Đoàn Chủ tịch Trung ương Hội Cựu chiến binh Việt Nam"],
        "Lạc Văn Hưng": ["Thư ký Chi hội"],
        "Mẫn Văn Tịnh": ["nguyên Tổng Biên tập Tạp chí Hương Quê Việt Nam"],
        "Cù Văn Định": ["Phó Thủ tướng Chính phủ", "Tổ trưởng Tổ công tác"],
    }
    assert found["Viên Văn Tùng"].national and found["Mẫn Văn Tịnh"].national


def test_a_bare_pronoun_joined_to_a_post_is_the_person_named_before_it() -> None:
    text = (
        "Một ví dụ là bà Triệu Thị Lan: chiều 2/3, HĐND tỉnh Cao Bằng bầu bà giữ chức Phó Chủ tịch UBND tỉnh Cao "
        "Bằng; trước đó bà là Giám đốc Sở Tư pháp. Ông Hầu Văn Lý dự họp. Sau đó, ông được bầu giữ chức Chủ tịch "
        "UBND huyện Hà Quảng."
    )
    assert titles_of(text) == {"Triệu Thị Lan": ["Phó Chủ tịch UBND tỉnh Cao Bằng", "Giám đốc Sở Tư pháp"]}
