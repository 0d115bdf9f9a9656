"""Rules of the eleventh officials round (from the tenth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_a_bare_abbreviated_head_opening_a_chain_after_a_comma() -> None:
    text = "Ông Đào Minh Khải, PBT, Chủ tịch UBND huyện Yên Lập kiểm tra đê. Ông Vũ Văn Tĩnh, PBT, cho biết thêm."
    assert titles_of(text) == {"Đào Minh Khải": ["PBT", "Chủ tịch UBND huyện Yên Lập"]}


def test_an_abbreviated_head_with_a_dot_and_a_space_before_its_body() -> None:
    text = "Bà Ngô Thị Duyên - PBT. Đảng ủy, Chủ tịch HĐ.NVQS xã giao quân. Ông A nói PBT. Ông Lý Văn Sáu dự."
    assert titles_of(text) == {"Ngô Thị Duyên": ["PBT. Đảng ủy", "Chủ tịch HĐ.NVQS xã"]}


def test_the_rank_of_a_post_a_units_code_and_its_parent_after_a_comma() -> None:
    text = "Dự có đồng chí Mai Văn Lộc, Hàm Vụ trưởng Vụ địa phương III (T.80), Văn phòng Trung ương và bà Lò Thị Hoa."
    found = {o.name: o for o in find_officials(text)}
    assert found["Mai Văn Lộc"].titles == ["Hàm Vụ trưởng Vụ địa phương III (T.80), Văn phòng Trung ương"]
    assert found["Mai Văn Lộc"].national


def test_a_grade_of_inspector_and_a_chain_of_parents_after_commas() -> None:
    text = "Có mặt ông Hà Quốc Toản, Thanh tra viên chính, Vụ III, Cơ quan Ủy ban Kiểm tra Trung ương."
    found = {o.name: o for o in find_officials(text)}
    assert found["Hà Quốc Toản"].titles == ["Thanh tra viên chính, Vụ III, Cơ quan Ủy ban Kiểm tra Trung ương"]
    assert found["Hà Quốc Toản"].national


def test_a_bare_head_before_the_subject_of_the_next_clause_stays_bare() -> None:
    text = "Ngoài Đại tá Lò Văn Pấn - Giám đốc, Công an tỉnh Lai Châu có 4 Phó Giám đốc."
    assert titles_of(text) == {"Lò Văn Pấn": ["Giám đốc"]}


def test_a_department_head_of_a_hospital_named_by_number() -> None:
    text = "PGS.TS Đỗ Quang Vinh - Trưởng khoa Hồi sức, Bệnh viện Quân y 175 cho biết ca mổ kéo dài. Trưởng khoa kể."
    assert titles_of(text) == {"Đỗ Quang Vinh": ["Trưởng khoa Hồi sức, Bệnh viện Quân y 175"]}


def test_a_councils_committee_and_its_council_after_a_comma() -> None:
    text = "Dự có bà Nông Thị Lan, Phó Ban Văn hóa - Xã hội, HĐND tỉnh; ông Hà Văn Nam, Chủ tịch UBND huyện."
    assert titles_of(text) == {
        "Nông Thị Lan": ["Phó Ban Văn hóa - Xã hội, HĐND tỉnh"],
        "Hà Văn Nam": ["Chủ tịch UBND huyện"],
    }


def test_an_army_hospital_is_national() -> None:
    found = {o.name: o for o in find_officials("BS Lê Hữu Phước - Trưởng khoa Tim, Bệnh viện Quân y 108 kể lại.")}
    assert found["Lê Hữu Phước"].national
    assert found["Lê Hữu Phước"].province is None


def test_a_compound_printed_with_a_hyphen_inside_an_organisations_name() -> None:
    text = "Ông Mạc Văn Tiến, Giám đốc Trung tâm Dịch vụ nông nghiệp-thú y huyện Ba Vì, cho biết. Bà Lê Thị Na dự."
    assert titles_of(text)["Mạc Văn Tiến"] == ["Giám đốc Trung tâm Dịch vụ nông nghiệp-thú y huyện Ba Vì"]


def test_an_abbreviation_inside_an_organisation_phrase_of_the_lexicon() -> None:
    text = "Ông Kiều Văn Quý - Chủ tịch Công đoàn các KCN tỉnh và bà Lã Thị Mơ, Phó Trưởng Ban Quản lý các KCN, dự."
    assert titles_of(text) == {
        "Kiều Văn Quý": ["Chủ tịch Công đoàn các KCN tỉnh"],
        "Lã Thị Mơ": ["Phó Trưởng Ban Quản lý các KCN"],
    }


def test_a_semicolon_printed_for_a_comma_between_a_name_and_its_post() -> None:
    text = "Phát biểu giao nhiệm vụ, đồng chí Hà Văn Lực; Phó Bí thư thường trực Đảng ủy xã yêu cầu các chi bộ làm tốt."
    assert titles_of(text) == {"Hà Văn Lực": ["Phó Bí thư thường trực Đảng ủy xã"]}


def test_a_delegation_named_by_its_task_among_the_posts_but_not_after_lam() -> None:
    text = (
        "Văn bản do ông Đinh Công Sứ, Phó Trưởng ban Tổ chức Tỉnh ủy, Trưởng đoàn kiểm tra của Ban Thường vụ Tỉnh ủy"
        " ký."
        " Ông Lưu Văn Bình làm Trưởng đoàn công tác của Bộ Y tế."
    )
    assert titles_of(text) == {"Đinh Công Sứ": ["Phó Trưởng ban Tổ chức Tỉnh ủy", "Trưởng đoàn kiểm tra"]}


def test_the_military_service_council_and_the_personnel_department() -> None:
    text = (
        "Ông Vi Văn Đức, Chủ tịch UBND huyện, Chủ tịch Hội đồng nghĩa vụ quân sự huyện giao quân. Bà Hồ Thị Yên, "
        "Phó Vụ trưởng Vụ Tổ chức cán bộ công bố quyết định."
    )
    assert titles_of(text) == {
        "Vi Văn Đức": ["Chủ tịch UBND huyện", "Chủ tịch Hội đồng nghĩa vụ quân sự huyện"],
        "Hồ Thị Yên": ["Phó Vụ trưởng Vụ Tổ chức cán bộ"],
    }


def test_a_field_after_a_dash_joined_by_va_or_ending_in_lower_case_before_its_unit() -> None:
    text = (
        "Ông Lương Văn Cử, Phó Giám đốc Trung tâm Văn hóa - Thông tin và Thể thao huyện, cùng ông Hầu A Lềnh - "
        "Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện đến dự."
    )
    assert titles_of(text) == {
        "Lương Văn Cử": ["Phó Giám đốc Trung tâm Văn hóa - Thông tin và Thể thao huyện"],
        "Hầu A Lềnh": ["Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện"],
    }


def test_a_management_board_named_by_what_it_manages_up_to_its_unit() -> None:
    text = "Ông Sầm Văn Dũng, Trưởng Ban Quản lý rừng phòng hộ huyện kiểm tra. Bà Vi Thị Lan, Trưởng Ban quản lý chợ."
    assert titles_of(text) == {
        "Sầm Văn Dũng": ["Trưởng Ban Quản lý rừng phòng hộ huyện"],
        "Vi Thị Lan": ["Trưởng Ban quản lý"],
    }


def test_forest_rangers_statistics_and_traffic_police_units() -> None:
    text = (
        "Có ông Tòng Văn Phấn, Hạt trưởng Hạt Kiểm lâm huyện; ông Lê Đình Tú, Trưởng Chi cục Thống kê huyện; "
        "ông Mã Văn Hưng, Phó Trưởng phòng Cảnh sát giao thông Công an tỉnh."
    )
    assert titles_of(text) == {
        "Tòng Văn Phấn": ["Hạt trưởng Hạt Kiểm lâm huyện"],
        "Lê Đình Tú": ["Trưởng Chi cục Thống kê huyện"],
        "Mã Văn Hưng": ["Phó Trưởng phòng Cảnh sát giao thông Công an tỉnh"],
    }


def test_a_dashed_field_before_its_parent_and_two_acronyms_of_one_police_unit() -> None:
    text = (
        "Dự có bà Chu Thị Lệ, Trưởng Phòng Tổ chức - Hành chính Sở Y tế; Thượng tá Đàm Văn Khuê, Trưởng phòng "
        "Cảnh sát PCCC và CNCH Công an tỉnh."
    )
    assert titles_of(text) == {
        "Chu Thị Lệ": ["Trưởng Phòng Tổ chức - Hành chính Sở Y tế"],
        "Đàm Văn Khuê": ["Trưởng phòng Cảnh sát PCCC và CNCH Công an tỉnh"],
    }


def test_a_border_gate_names_its_place() -> None:
    text = "Ông Lục Văn Hà, Chi cục trưởng Chi cục Hải quan cửa khẩu quốc tế Lào Cai cho biết hàng đi qua ít hơn."
    assert titles_of(text) == {"Lục Văn Hà": ["Chi cục trưởng Chi cục Hải quan cửa khẩu quốc tế Lào Cai"]}


def test_a_specialised_school_named_after_a_person_and_a_youth_cell() -> None:
    text = (
        "Ông Đoàn Văn Khởi, Hiệu trưởng Trường THPT Chuyên Lê Quý Đôn cho biết; anh Lò Văn Tuấn - Bí thư Chi đoàn "
        "thôn Bản Lầm phát biểu."
    )
    assert titles_of(text) == {
        "Đoàn Văn Khởi": ["Hiệu trưởng Trường THPT Chuyên Lê Quý Đôn"],
        "Lò Văn Tuấn": ["Bí thư Chi đoàn thôn Bản Lầm"],
    }


def test_acronyms_of_centres_and_treasuries_and_two_councils_joined_by_a_dash() -> None:
    text = (
        "Có ông Ma Văn Thụ, Giám đốc TTYT huyện; bà Tô Thị Lý, Giám đốc KBNN huyện; ông Hứa Văn Pó, Chánh Văn phòng "
        "HĐND - UBND huyện; bà Chẩu Thị Mai, Chủ tịch Công đoàn ngành Y tế tỉnh."
    )
    assert titles_of(text) == {
        "Ma Văn Thụ": ["Giám đốc TTYT huyện"],
        "Tô Thị Lý": ["Giám đốc KBNN huyện"],
        "Hứa Văn Pó": ["Chánh Văn phòng HĐND - UBND huyện"],
        "Chẩu Thị Mai": ["Chủ tịch Công đoàn ngành Y tế tỉnh"],
    }


def test_a_dash_closing_the_apposition_after_a_parent() -> None:
    text = "BS Nông Văn Tú - Phó Trưởng khoa Ngoại, Bệnh viện Quân y 175 - kể lại ca mổ đêm qua."
    assert titles_of(text) == {"Nông Văn Tú": ["Phó Trưởng khoa Ngoại, Bệnh viện Quân y 175"]}


def test_the_title_after_thay_mat_is_whom_the_next_person_stands_for() -> None:
    text = (
        "Thay mặt Bộ trưởng Bộ Y tế, Thứ trưởng Đỗ Xuân Tuyên trao bằng khen. Thay mặt Chủ tịch nước Lương Cường, "
        "ông Vũ Đức Lâm, Phó Chủ nhiệm Văn phòng Quốc hội đọc thư."
    )
    found = titles_of(text)
    assert "Bộ trưởng Bộ Y tế" not in found.get("Đỗ Xuân Tuyên", [])
    assert found["Lương Cường"] == ["Chủ tịch nước"]
    assert found["Vũ Đức Lâm"] == ["Phó Chủ nhiệm Văn phòng Quốc hội"]


def test_lower_case_words_of_a_name_before_trung_uong_or_a_hospital_and_public_institutions() -> None:
    text = (
        "Có ông Bế Văn Thái, Phó Viện trưởng Viện Vệ sinh dịch tễ Trung ương; bà Nông Thị Hà, Trưởng phòng Kế hoạch "
        "tổng hợp Bệnh viện Đa khoa tỉnh; ông Lý Văn Sinh, Giám đốc Bảo tàng tỉnh; bà Ma Thị Xuân, Giám đốc Trung "
        "tâm Y tế dự phòng tỉnh."
    )
    assert titles_of(text) == {
        "Bế Văn Thái": ["Phó Viện trưởng Viện Vệ sinh dịch tễ Trung ương"],
        "Nông Thị Hà": ["Trưởng phòng Kế hoạch tổng hợp Bệnh viện Đa khoa tỉnh"],
        "Lý Văn Sinh": ["Giám đốc Bảo tàng tỉnh"],
        "Ma Thị Xuân": ["Giám đốc Trung tâm Y tế dự phòng tỉnh"],
    }


def test_a_theatre_is_a_type_word() -> None:
    text = "NSƯT Đinh Văn Mạnh, Giám đốc Nhà hát Ca múa nhạc dân tộc tỉnh cho biết vở diễn đã sẵn sàng."
    assert titles_of(text) == {"Đinh Văn Mạnh": ["Giám đốc Nhà hát Ca múa nhạc dân tộc tỉnh"]}


def test_a_list_of_bodies_after_a_comma_is_no_parent() -> None:
    text = "Ông Mai Đức Chính, Chủ tịch UBND xã, Bệnh viện huyện và Trạm Y tế xã đã phối hợp sơ cứu người bị nạn."
    assert titles_of(text) == {"Mai Đức Chính": ["Chủ tịch UBND xã"]}


def test_a_given_name_spelled_like_a_prefix_word_before_a_title_without_separator() -> None:
    text = "Ông Hồ Văn Tân Chủ tịch UBND xã Tân Lập phát biểu. Ông Đặng Văn Nguyên Giám đốc Sở Nội vụ dự."
    assert titles_of(text) == {"Hồ Văn Tân": ["Chủ tịch UBND xã Tân Lập"], "Đặng Văn Nguyên": ["Giám đốc Sở Nội vụ"]}
