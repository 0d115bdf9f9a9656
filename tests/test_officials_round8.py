"""Rules of the eighth officials round (from the seventh held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from vntext import canonical
from vntext.abbreviations import title_key
from vntext.normalize import placements


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_lower_case_uncle_is_an_honorific_but_the_capitalised_one_is_not() -> None:
    got = titles_of("Đến dự có bác Lê Văn Sáu - UVTV, PCT UBND xã; bác Hồ Thị Mận – ĐUV, CT hội phụ nữ xã.")
    assert got == {"Lê Văn Sáu": ["UVTV", "PCT UBND xã"], "Hồ Thị Mận": ["ĐUV", "CT hội phụ nữ xã"]}
    # 'Bác' in capitals names the late president: what follows it is a memorial, not a person
    assert titles_of("Đoàn viếng Nhà tưởng niệm Bác Tôn Đức Thắng - Chủ tịch nước năm xưa.") == {}


def test_a_tone_on_the_i_of_the_gi_onset_is_moved_to_the_vowel() -> None:
    assert canonical("Gíam đốc, gìa làng, GÍAM SÁT, gỉai quyết") == "Giám đốc, già làng, GIÁM SÁT, giải quyết"
    assert canonical("giữ gìn, gìn giữ, Gió") == "giữ gìn, gìn giữ, Gió"  # the i is the vowel: nothing moves
    assert placements("giám") == ["giám", "gíam"] and placements("gìn") == ["gìn"]  # what the highlighter looks up
    got = titles_of("Đồng chí Lý Văn Tám - Gíam đốc Sở Nội vụ chủ trì buổi làm việc.")
    assert got == {"Lý Văn Tám": ["Gíam đốc Sở Nội vụ"]}  # the title as printed


def test_a_head_ending_in_ban_before_a_ban_acronym() -> None:
    got = titles_of("Có đ/c Mai Văn Tú, HUV, Phó trưởng BDV Huyện ủy và đ/c Lò Thị Na, Trưởng BTG Huyện ủy.")
    assert got == {"Mai Văn Tú": ["HUV", "Phó trưởng BDV Huyện ủy"], "Lò Thị Na": ["Trưởng BTG Huyện ủy"]}
    assert title_key("Phó trưởng BDV Huyện ủy") == title_key("Phó trưởng Ban Dân vận Huyện ủy")
    assert titles_of("Ông Mai Văn Tú, trưởng thôn Đông, cho biết.") == {}  # no acronym: no title


def test_standing_committee_member_glued_to_the_district_committee() -> None:
    got = titles_of("Đồng chí Đinh Công Lý - UVBTVHU, Trưởng Ban Tổ chức Huyện ủy phát biểu.")
    assert got == {"Đinh Công Lý": ["UVBTVHU", "Trưởng Ban Tổ chức Huyện ủy"]}
    assert title_key("UVBTVTU") == title_key("Ủy viên Ban Thường vụ Tỉnh ủy")


def test_an_organisation_named_after_a_person_closes_a_title_given_by_lam() -> None:
    text = "Sở Y tế bổ nhiệm bác sĩ chuyên khoa 2 Đào Văn Minh làm Giám đốc Bệnh viện Lê Lợi trong năm năm."
    assert titles_of(text) == {"Đào Văn Minh": ["Giám đốc Bệnh viện Lê Lợi"]}


def test_a_counted_head_lists_names_after_a_spelled_degree() -> None:
    text = "Bệnh viện có hai phó giám đốc là bác sĩ Kha Minh Trí và Lâm Thị Hạnh. Mỗi ngày có 100 ca mổ."
    assert titles_of(text) == {"Kha Minh Trí": ["phó giám đốc"], "Lâm Thị Hạnh": ["phó giám đốc"]}


def test_a_parish_council_is_no_public_body() -> None:
    text = "Đoàn thăm ông Vũ Văn Khang, Chủ tịch Hội đồng mục vụ giáo xứ, và bà Lê Thị Nga, Chủ tịch UBND xã."
    assert titles_of(text) == {"Lê Thị Nga": ["Chủ tịch UBND xã"]}
    text = "Bà Lê Thị Nga, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng, kết luận phiên họp."
    assert titles_of(text) == {"Lê Thị Nga": ["Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"]}


def test_numbered_police_teams_and_their_specialty() -> None:
    text = "Có Trung tá Tô Văn Hùng, Đội trưởng Đội CSGT đường thủy số 3 và Đại úy Lò Thị Hiền, báo cáo viên Đội CSGT."
    got = {o.name: (o.titles, o.national) for o in find_officials(text)}
    assert got == {
        "Tô Văn Hùng": (["Đội trưởng Đội CSGT đường thủy số 3"], False),
        "Lò Thị Hiền": (["báo cáo viên Đội CSGT"], False),
    }
    text = "Theo ông Hà Văn Lực, Cục trưởng Cục Cảnh sát phòng chống tội phạm về môi trường, Bộ Công an, năm nay"
    got = {o.name: (o.titles, o.national) for o in find_officials(text)}
    assert got == {"Hà Văn Lực": (["Cục trưởng Cục Cảnh sát phòng chống tội phạm về môi trường"], True)}
    # a meeting of speakers is no post; a verb ends the police unit's name
    assert titles_of("Hội nghị báo cáo viên Trung ương có ông Đào Văn Tú dự.") == {}
    got = titles_of("Ông Đào Văn Tú, Đội trưởng Đội CSGT trật tự huyện Hoài Đức, cho biết.")
    assert got == {"Đào Văn Tú": ["Đội trưởng Đội CSGT trật tự huyện Hoài Đức"]}  # the unit's place follows
    got = titles_of("Ông Đào Văn Tú, Trưởng phòng CSGT cho biết, năm nay tai nạn giảm.")
    assert got == {"Đào Văn Tú": ["Trưởng phòng CSGT"]}


def test_a_given_name_refers_back_to_the_person_already_named() -> None:
    text = (
        "Ông Đinh Công Hòa làm Giám đốc Sở Xây dựng. Ông Hòa từng làm Trưởng phòng Quy hoạch. "
        "Sở có hai phó giám đốc là ông Lê Văn Hòa và bà Mạc Thị Yên."
    )
    got = titles_of(text)
    assert got["Đinh Công Hòa"] == ["Giám đốc Sở Xây dựng", "Trưởng phòng Quy hoạch"]
    assert got["Lê Văn Hòa"] == ["phó giám đốc"]


def test_a_bare_member_title_after_a_bracketed_alias_is_shared_by_the_pair() -> None:
    text = (
        "Chi bộ đầu tiên gồm ba đồng chí: Lý Văn Bình (bí danh Trần Hưng) - Bí thư; đồng chí Lò Văn Sơn "
        "và đồng chí Hà Văn Tuấn (bí danh Hà Quang) - Ủy viên, được giao gây dựng cơ sở."
    )
    got = titles_of(text)
    assert got["Lò Văn Sơn"] == ["Ủy viên"] and got["Hà Văn Tuấn"] == ["Ủy viên"]
    assert got["Lý Văn Bình"] == ["Bí thư"]


def test_a_dot_glued_after_an_acronym_head_and_a_bracketed_acronym_inside_a_title() -> None:
    got = titles_of("Tại hội nghị, đ/c Lê Văn Khải – CT.Hội CCB phường báo cáo kết quả năm.")
    assert got == {"Lê Văn Khải": ["CT.Hội CCB phường"]}
    got = titles_of("Ông Châu Văn Bé, Chủ nhiệm (UBKT) Huyện ủy Long Phú, cho biết đã kiểm tra 12 chi bộ.")
    assert got == {"Châu Văn Bé": ["Chủ nhiệm (UBKT) Huyện ủy Long Phú"]}
    # a sentence ending after an acronym head is no glued dot
    assert titles_of("Ông Châu Văn Bé, PCT. Ông Lê Văn Ba nói thêm.") == {}


def test_a_degree_after_and_is_no_organisation() -> None:
    text = "Cùng dự có TS Lê Thị Hằng – Thứ trưởng Bộ Tư pháp và GS. TS Phan Văn Lâm - Thứ trưởng Bộ Tư pháp."
    assert titles_of(text) == {"Lê Thị Hằng": ["Thứ trưởng Bộ Tư pháp"], "Phan Văn Lâm": ["Thứ trưởng Bộ Tư pháp"]}


def test_a_historic_name_with_a_provincial_post_is_a_namesake() -> None:
    text = "Sáng nay, Chủ tịch UBND tỉnh Hà Nam Nguyễn Văn Linh đã đối thoại với nông dân xã Thanh Hà."
    assert titles_of(text) == {"Nguyễn Văn Linh": ["Chủ tịch UBND tỉnh Hà Nam"]}
    assert titles_of("Cố Tổng Bí thư Nguyễn Văn Linh được nhắc lại trong buổi gặp mặt.") == {}


def test_older_central_committees_and_the_social_policy_bank() -> None:
    text = "Ông Phạm Văn Cao, Trưởng Ban Tư tưởng - Văn hóa Trung ương, nói chuyện với cán bộ tỉnh."
    assert titles_of(text) == {"Phạm Văn Cao": ["Trưởng Ban Tư tưởng - Văn hóa Trung ương"]}
    assert title_key("Tổng giám đốc NHCSXH") == title_key("Tổng giám đốc Ngân hàng Chính sách xã hội")


def test_a_specialist_of_a_district_office_and_a_union_committee_named_after_ban() -> None:
    text = "HĐND xã bầu ông Vũ Đình Khôi, Chuyên viên Phòng Nội vụ huyện Kim Thành, giữ chức Phó Chủ tịch UBND xã."
    assert titles_of(text) == {"Vũ Đình Khôi": ["Chuyên viên Phòng Nội vụ huyện Kim Thành", "Phó Chủ tịch UBND xã"]}
    text = "Bà Đoàn Thị Mơ - Phó Chủ tịch LĐLĐ tỉnh kiêm giữ chức Trưởng ban Chính sách Pháp luật, trình bày báo cáo."
    assert titles_of(text) == {"Đoàn Thị Mơ": ["Phó Chủ tịch LĐLĐ tỉnh", "Trưởng ban Chính sách Pháp luật"]}


def test_an_attendee_after_co_without_a_kinh_surname_and_a_title_after_a_colon() -> None:
    text = "Dự họp còn có Giàng Seo Phử - Phó Bí thư Thường trực Đảng ủy; Lò Văn Ún - Chủ tịch UBND xã."
    assert titles_of(text) == {
        "Giàng Seo Phử": ["Phó Bí thư Thường trực Đảng ủy"],
        "Lò Văn Ún": ["Chủ tịch UBND xã"],
    }
    got = titles_of("Trong buổi lễ có TS Lê Văn Ba - Giám đốc Bệnh viện tỉnh.")
    assert got == {"Lê Văn Ba": ["Giám đốc Bệnh viện tỉnh"]}  # the degree is no part of the name
    assert titles_of("Năm nay có Giàng Seo Phử và nhiều hộ khác thoát nghèo.") == {}
    text = "Lãnh đạo các thời kỳ có TS. Bs. Đàm Thị Lụa: Giám đốc Trung tâm Nhi khoa, nay đã nghỉ hưu."
    assert titles_of(text) == {"Đàm Thị Lụa": ["Giám đốc Trung tâm Nhi khoa"]}
    assert titles_of("Ông Nguyễn Văn An: Giám đốc Sở phải trả lời cử tri.") == {}  # a speaker, then a clause


def test_a_bare_team_or_office_word_needs_its_name_or_number() -> None:
    assert titles_of("Anh Phan Văn Tài, đội trưởng đội bóng xã, cho biết cả đội tập hằng tuần.") == {}
    assert titles_of("Bác sĩ Lê Văn Tư, Giám đốc phòng khám tư nhân An Bình, cho biết.") == {}
    assert titles_of("Ông Lê Văn Tư, Đội trưởng Đội 3, cho biết.") == {"Lê Văn Tư": ["Đội trưởng Đội 3"]}


def test_a_board_post_is_skipped_on_the_way_to_the_next_title() -> None:
    text = "Đoàn do ông Lý Văn Quang, Ủy viên Hội đồng quản trị, Tổng giám đốc NHCSXH Việt Nam dẫn đầu."
    assert titles_of(text) == {"Lý Văn Quang": ["Tổng giám đốc NHCSXH Việt Nam"]}
    assert titles_of("Ông Lý Văn Quang, Chủ tịch HĐQT công ty, cho biết.") == {}


def test_party_admission_and_law_dissemination_are_read_as_their_topics() -> None:
    from indexer.enrich.topics import classify

    assert classify("Ba thanh niên được kết nạp vào Đảng", "Lễ diễn ra sáng nay tại xã.")[0] == "xay-dung-dang"
    text = "Cán bộ tư pháp đến từng thôn, nói chuyện với bà con."
    assert classify("Phổ biến pháp luật cho đồng bào vùng cao", text)[0] == "noi-chinh-phap-luat"
