"""Rules of the sixth officials round (from the fifth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from vntext.abbreviations import d_slips, title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def placed(text: str) -> dict[str, tuple[str | None, bool]]:
    return {o.name: (o.province, o.national) for o in find_officials(text)}


def test_a_name_starting_with_a_surname_after_a_provincial_committee_stays_whole() -> None:
    # 'Lương' is no province, so after 'Tỉnh ủy' the whole run is the name
    assert titles_of("Chiều 3/2, Bí thư Tỉnh ủy Lương Văn Khánh thăm bà con vùng cao.") == {
        "Lương Văn Khánh": ["Bí thư Tỉnh ủy"]
    }
    # a province still splits off: 'Tỉnh ủy Lâm Đồng' + the name
    assert titles_of("Bí thư Tỉnh ủy Lâm Đồng Trần Văn Hiệp dự lễ.") == {"Trần Văn Hiệp": ["Bí thư Tỉnh ủy Lâm Đồng"]}


def test_organisation_names_with_lower_case_words_before_a_closer_or_and() -> None:
    text = (
        "Ông Hồ Văn Phúc – Cục trưởng Cục Bổ trợ tư pháp – cho rằng cần làm rõ. "
        "Bà Đào Thị Mai, Viện trưởng Viện Nghiên cứu chính sách và Phát triển nông thôn, trình bày báo cáo. "
        "Ông Lý Văn Tài – Phó Giám đốc Trung tâm Tư vấn báo cáo kết quả khảo sát."
    )
    assert titles_of(text) == {
        "Hồ Văn Phúc": ["Cục trưởng Cục Bổ trợ tư pháp"],
        "Đào Thị Mai": ["Viện trưởng Viện Nghiên cứu chính sách và Phát triển nông thôn"],
        # 'Tư' is no 'TƯ', and 'báo cáo' is a verb, not a newspaper
        "Lý Văn Tài": ["Phó Giám đốc Trung tâm Tư vấn"],
    }
    # a speech verb after the name is not part of it
    assert titles_of("Ông Hồ Văn Phúc, Giám đốc Trung tâm Khuyến nông cho biết, vụ này được mùa.") == {
        "Hồ Văn Phúc": ["Giám đốc Trung tâm Khuyến nông"]
    }


def test_central_departments_and_institutes_are_national_party_cells_are_not() -> None:
    text = (
        "Ông Hồ Văn Phúc – Cục trưởng Cục Kiểm tra văn bản – phát biểu tại Cần Thơ. "
        "Ông Võ Văn Sang, Bí thư Chi bộ ấp Tân Hòa, xã Long Hưng (Châu Thành, Tiền Giang) đón đoàn. "
        "Bà Trịnh Thị Hạnh, Cục trưởng Cục Thuế tỉnh Hậu Giang, trao quà."
    )
    assert placed(text) == {
        "Hồ Văn Phúc": (None, True),
        "Võ Văn Sang": ("Tiền Giang", False),
        "Trịnh Thị Hạnh": ("Hậu Giang", False),
    }


def test_hamlets_named_or_numbered_after_a_body() -> None:
    text = (
        "Chị Lò Thị Ánh, Bí thư Chi bộ bản Nà Sàng, xã Chiềng Mai được bà con tin yêu. "
        "Bà Đinh Thị Thu, Trưởng ban công tác Mặt trận thôn 4, kể lại. "
        "Bà Cao Thị Lan – Chủ tịch Hội phụ nữ xã Tân An tặng quà."
    )
    assert titles_of(text) == {
        "Lò Thị Ánh": ["Bí thư Chi bộ bản Nà Sàng"],
        "Đinh Thị Thu": ["Trưởng ban công tác Mặt trận thôn 4"],
        "Cao Thị Lan": ["Chủ tịch Hội phụ nữ xã Tân An"],
    }


def test_commune_chains_and_new_heads() -> None:
    text = (
        "Dự lễ có đồng chí Mai Văn Đức - Thị ủy viên - Bí thư Đảng ủy,Chủ tịch UBND phường Tân Phong; "
        "đồng chí Hà Văn Lộc – ĐUV, Chủ tịch UBMTTQVN xã; đồng chí Tô Thị Yến – UVBTVĐU, Chủ tịch UB.MTTQ Việt Nam "
        "phường."
    )
    assert titles_of(text) == {
        "Mai Văn Đức": ["Thị ủy viên", "Bí thư Đảng ủy", "Chủ tịch UBND phường Tân Phong"],
        "Hà Văn Lộc": ["ĐUV", "Chủ tịch UBMTTQVN xã"],
        "Tô Thị Yến": ["UVBTVĐU", "Chủ tịch UB.MTTQ Việt Nam phường"],
    }
    assert title_key("ĐUV") == title_key("Đảng ủy viên")


def test_each_printed_form_of_one_post_is_kept() -> None:
    text = (
        "Đồng chí Phan Văn Tùng - Tỉnh ủy viên, Bí thư Huyện ủy thăm trạm y tế. Sau đó, đồng chí Bí thư HU "
        "Phan Văn Tùng tặng quà. Đồng chí Kiều Văn Hải, Phó Chủ tịch TT HĐND tỉnh, và đồng chí Kiều Văn Hải, "
        "Phó Chủ tịch Thường trực HĐNĐ tỉnh, là một người."
    )
    found = titles_of(text)
    assert found["Phan Văn Tùng"] == ["Tỉnh ủy viên", "Bí thư Huyện ủy", "Bí thư HU"]
    assert found["Kiều Văn Hải"] == ["Phó Chủ tịch TT HĐND tỉnh", "Phó Chủ tịch Thường trực HĐNĐ tỉnh"]
    assert title_key("Bí thư HU") == title_key("Bí thư Huyện ủy")  # one post for grouping
    assert "HĐNĐ" in d_slips("HĐND") and "UBNĐ" in d_slips("UBND") and d_slips("GĐ") == []
    # the capitals-only abbreviations are no words: 'tu' is not 'Tỉnh ủy'
    assert title_key("Giám đốc Trung tâm tu bổ di tích") == "giám đốc trung tâm tu bổ di tích"


def test_acronym_after_a_chief_and_manners_of_holding_a_post() -> None:
    text = (
        "Ông Tạ Văn Long – Phó Tổng cục trưởng TCĐBVN đã kiểm tra cầu. Bà Hầu Thị Na, Phó Tổng cục trưởng "
        "TCDS-KHHGĐ, trình bày. GS.TS Ninh Văn Bảo giữ chức Phó Chủ tịch kiêm nhiệm Hội đồng Lý luận Trung ương."
    )
    assert titles_of(text) == {
        "Tạ Văn Long": ["Phó Tổng cục trưởng TCĐBVN"],
        "Hầu Thị Na": ["Phó Tổng cục trưởng TCDS-KHHGĐ"],
        "Ninh Văn Bảo": ["Phó Chủ tịch kiêm nhiệm Hội đồng Lý luận Trung ương"],
    }
    # a chief's head followed by a personal name takes no organisation from it
    assert titles_of("Cục trưởng Đỗ Văn An cho biết sẽ kiểm tra.") == {"Đỗ Văn An": ["Cục trưởng"]}


def test_bare_chief_after_lam_and_a_rank_between_commas() -> None:
    text = (
        "Đại hội bầu Ban Chấp hành do Thiếu tướng Lê Văn Hải làm Chủ tịch; năm 2002 Trung tướng Vũ Văn Phong "
        "làm Chủ tịch. Tại Hà Tĩnh có ông Hồ Văn Dũng, Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh."
    )
    assert titles_of(text) == {
        "Lê Văn Hải": ["Chủ tịch"],
        "Vũ Văn Phong": ["Chủ tịch"],
        "Hồ Văn Dũng": ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh"],
    }
    # members are no chiefs: 'làm thành viên' gives no title
    assert titles_of("Anh Lê Văn Hải làm thành viên.") == {}


def test_appointments_shared_across_a_list() -> None:
    text = (
        "Bộ trưởng Y tế Lê Thị Hồng trao quyết định bổ nhiệm chức vụ Giám đốc Bệnh viện Nhi Trung ương cho "
        "PGS.TS Đàm Văn Quý. Trước đó ông Quý là bác sĩ kiêm Phó giám đốc Bệnh viện Nhi Trung ương."
    )
    assert titles_of(text)["Đàm Văn Quý"] == [
        "Giám đốc Bệnh viện Nhi Trung ương",
        "Phó giám đốc Bệnh viện Nhi Trung ương",
    ]
    text = (
        "Thủ tướng phê chuẩn kết quả bầu Phó Chủ tịch UBND tỉnh Yên Bái nhiệm kỳ 2016 - 2021 đối với: ông Hà Văn "
        "Tâm, ông Đỗ Văn Lực và bà Kim Thị Hà. Thủ tướng cũng phê chuẩn việc bầu bổ sung hai Phó Chủ tịch UBND "
        "tỉnh Lào Cai, nhiệm kỳ 2016-2021, gồm các ông: Lù Văn Sáng, Giám đốc Sở Tài chính và Sùng A Dìn, "
        "Giám đốc Sở Nội vụ."
    )
    found = titles_of(text)
    for name in ("Hà Văn Tâm", "Đỗ Văn Lực", "Kim Thị Hà"):
        assert found[name] == ["Phó Chủ tịch UBND tỉnh Yên Bái"]
    assert found["Lù Văn Sáng"] == ["Phó Chủ tịch UBND tỉnh Lào Cai", "Giám đốc Sở Tài chính"]


def test_a_post_filled_in_one_sentence_goes_to_the_people_the_next_names_as_elected() -> None:
    text = (
        "Thủ tướng phê chuẩn kết quả bầu bổ sung Ủy viên UBND tỉnh ở hai địa phương. Tại Nam Định, người được "
        "phê chuẩn là ông Trịnh Văn Tú, Giám đốc Sở Tài chính; tại Hà Nam có ông Mạc Văn Lâm, Giám đốc Sở Y tế."
    )
    assert titles_of(text) == {
        "Trịnh Văn Tú": ["Giám đốc Sở Tài chính", "Ủy viên UBND tỉnh"],
        "Mạc Văn Lâm": ["Giám đốc Sở Y tế", "Ủy viên UBND tỉnh"],
    }
    # without 'được … là' the next sentence's people are only attendees
    text = "Thủ tướng phê chuẩn kết quả bầu bổ sung Ủy viên UBND tỉnh. Dự có ông Trịnh Văn Tú, Giám đốc Sở Tài chính."
    assert titles_of(text) == {"Trịnh Văn Tú": ["Giám đốc Sở Tài chính"]}


def test_a_name_without_a_title_shares_the_next_dash_title_of_a_list() -> None:
    text = (
        "Tới dự có đồng chí Hà Văn Sùng, Chủ tịch Trung ương Hội Nông dân Việt Nam, đồng chí Lò Văn Lý, đồng chí "
        "Mai Quốc Đoàn - Phó Chủ tịch Trung ương Hội Nông dân Việt Nam."
    )
    found = titles_of(text)
    assert found["Lò Văn Lý"] == found["Mai Quốc Đoàn"] == ["Phó Chủ tịch Trung ương Hội Nông dân Việt Nam"]
    assert found["Hà Văn Sùng"] == ["Chủ tịch Trung ương Hội Nông dân Việt Nam"]


def test_steering_committee_named_by_what_it_steers_colon_after_honorific_and_delegations() -> None:
    text = (
        "Dự có đồng chí Y Bình - Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo Hội khỏe Phù Đổng tỉnh. "
        "Về dự có Đồng chí: Đinh Văn Tâm Bí Thư Đảng ủy xã. Đoàn do Đại tá Vi Văn Hà, Phó Giám đốc Công an "
        "tỉnh làm Trưởng đoàn; ông Lạc Văn Đông làm Trưởng đoàn."
    )
    assert titles_of(text) == {
        "Y Bình": ["Phó Chủ tịch UBND tỉnh", "Trưởng Ban chỉ đạo Hội khỏe Phù Đổng tỉnh"],
        "Đinh Văn Tâm": ["Bí Thư Đảng ủy xã"],
        "Vi Văn Hà": ["Phó Giám đốc Công an tỉnh"],  # leading a delegation is no post
    }


def test_an_organisation_named_after_a_person_after_its_chief() -> None:
    text = "Ông Lê Quang Vinh, Phó Viện trưởng Viện Trần Nhân Tông, dự lễ cùng Cục trưởng Cục Lê Văn Tám."
    assert titles_of(text) == {"Lê Quang Vinh": ["Phó Viện trưởng Viện Trần Nhân Tông"]}


def test_a_three_word_district_after_a_unit_and_a_bracket_closing_a_name() -> None:
    text = (
        "Ông Trịnh Văn Đức, Phó Chủ tịch UBND huyện Cù Lao Dung được giao điều hành UBND huyện. "
        "TS. Hà Văn Trung- Cục trưởng Cục Bảo vệ thực vật (Bộ NNPTNT) dự họp."
    )
    assert titles_of(text) == {
        "Trịnh Văn Đức": ["Phó Chủ tịch UBND huyện Cù Lao Dung"],
        "Hà Văn Trung": ["Cục trưởng Cục Bảo vệ thực vật"],  # the bracket closes the name
    }
    # a person's name after a district title followed by a separator stays a person
    assert titles_of("Chủ tịch UBND huyện Nguyễn Văn Bảy, Bí thư Huyện ủy Lê Văn Tư dự lễ.") == {
        "Nguyễn Văn Bảy": ["Chủ tịch UBND huyện"],
        "Lê Văn Tư": ["Bí thư Huyện ủy"],
    }
