"""Rules of the seventh officials round (from the sixth held-out set's misses), on sentences written for the tests."""

from __future__ import annotations

from indexer.enrich.officials import find_officials
from vntext.abbreviations import title_key


def titles_of(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def placed(text: str) -> dict[str, tuple[str | None, bool]]:
    return {o.name: (o.province, o.national) for o in find_officials(text)}


def test_and_inside_an_organisation_name() -> None:
    # one office of two bodies printed as acronyms; a department named by two fields
    got = titles_of("Bà Lê Thị Hoa - Chánh Văn phòng HĐND và UBND huyện trình bày tờ trình.")
    assert got == {"Lê Thị Hoa": ["Chánh Văn phòng HĐND và UBND huyện"]}
    got = titles_of("Ông Trần Văn Lộc, Trưởng phòng Tài chính và Kế hoạch, báo cáo dự toán.")
    assert got == {"Trần Văn Lộc": ["Trưởng phòng Tài chính và Kế hoạch"]}
    # 'và' before another head or an honorific still separates two people
    got = titles_of("Ông Trần Văn Lộc, Chủ tịch HĐND và Chủ tịch UBND xã, dự họp cùng bà Lê Thị Mai, Bí thư Chi bộ.")
    assert got["Trần Văn Lộc"][0] == "Chủ tịch HĐND"
    got = titles_of("Có ông Đỗ Văn Hải - Chủ tịch UBND xã Hòa Bình và Bà Ngô Thị Lan - Chủ tịch Hội phụ nữ xã.")
    assert got == {"Đỗ Văn Hải": ["Chủ tịch UBND xã Hòa Bình"], "Ngô Thị Lan": ["Chủ tịch Hội phụ nữ xã"]}


def test_events_are_no_unions_and_schools_are_read_by_type() -> None:
    got = titles_of("Ông Lê Văn Hùng - Phó Chủ tịch UBND huyện, Trưởng ban tổ chức Hội thi; các đội thi đấu hai ngày.")
    assert got == {"Lê Văn Hùng": ["Phó Chủ tịch UBND huyện", "Trưởng ban tổ chức Hội thi"]}
    got = titles_of("Ông Hà Văn Quý - Trưởng ban tổ chức Hội diễn văn nghệ huyện phát biểu khai mạc.")
    assert got == {"Hà Văn Quý": ["Trưởng ban tổ chức Hội diễn văn nghệ huyện"]}
    got = titles_of("Cô Phan Thị Yến - Hiệu trưởng trường Tiểu học Kim Đồng đọc diễn văn khai giảng.")
    assert got == {"Phan Thị Yến": ["Hiệu trưởng trường Tiểu học Kim Đồng"]}


def test_new_abbreviations_after_chiefs() -> None:
    assert title_key("Chánh án TANDTC") == title_key("Chánh án Tòa án nhân dân tối cao")
    assert title_key("PCT HND huyện") == title_key("Phó Chủ tịch Hội Nông dân huyện")
    got = placed("Phát biểu tại hội nghị, ông Võ Văn Tâm, Chủ nhiệm UBKTTW, nêu ba yêu cầu.")
    assert got == {"Võ Văn Tâm": (None, True)}
    assert titles_of("Theo Viện trưởng VKSNDTC Lê Minh Trí, vụ án được truy tố.") == {
        "Lê Minh Trí": ["Viện trưởng VKSNDTC"]
    }
    got = titles_of("Dự lễ có đồng chí Lê Văn Bảy, phó CT UBND xã và bà Vũ Thị Nga- PCT HND huyện.")
    assert got == {"Lê Văn Bảy": ["phó CT UBND xã"], "Vũ Thị Nga": ["PCT HND huyện"]}


def test_the_party_committee_of_the_central_front_is_central() -> None:
    text = (
        "Hội nghị do ông Trần Văn Sơn - Phó Bí thư Đảng ủy MTTQ, các đoàn thể Trung ương, Phó Chủ tịch Ủy ban"
        " Trung ương MTTQ Việt Nam chủ trì. Ông Lê Văn Ba - Bí thư Đảng ủy xã Tân Hòa dự."
    )
    got = titles_of(text)
    assert got["Trần Văn Sơn"] == [
        "Phó Bí thư Đảng ủy MTTQ, các đoàn thể Trung ương",
        "Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam",
    ]
    where = placed(text)
    assert where["Trần Văn Sơn"] == (None, True) and where["Lê Văn Ba"][1] is False


def test_a_numbered_region_and_a_committee_named_by_an_acronym() -> None:
    got = titles_of("Có Đại tá Lê Văn Hùng, Chính ủy Ban Chỉ huy Phòng thủ Khu vực 2 - Phong Điền và ông Trần Văn An.")
    assert got == {"Lê Văn Hùng": ["Chính ủy Ban Chỉ huy Phòng thủ Khu vực 2 - Phong Điền"]}
    got = titles_of("Thiếu tá Ngô Văn Lực, Phó Chỉ huy trưởng Ban CHQS xã, báo cáo kết quả huấn luyện.")
    assert got == {"Ngô Văn Lực": ["Phó Chỉ huy trưởng Ban CHQS xã"]}


def test_ethnic_name_prefix_with_an_apostrophe() -> None:
    got = titles_of("Dự có đồng chí H’ Lan, Phó Chủ tịch UBND huyện; đồng chí Y’ Tuân, Bí thư Đảng ủy xã.")
    assert got == {"H’ Lan": ["Phó Chủ tịch UBND huyện"], "Y’ Tuân": ["Bí thư Đảng ủy xã"]}


def test_a_head_printed_without_its_tone_mark() -> None:
    got = titles_of("Đến dự có bà Lê Thị Hồng, phó Bi thư Đảng ủy xã, và ông Vũ Văn Toàn (Chủ tich Hội Nông dân xã).")
    assert got == {"Lê Thị Hồng": ["phó Bi thư Đảng ủy xã"], "Vũ Văn Toàn": ["Chủ tich Hội Nông dân xã"]}
    # another tone is another word: 'bị thu' is no 'bí thu'; a head without an organisation is no title
    assert titles_of("Ông Lê Văn Hải bị thu hồi giấy phép lái xe. Ông Trần Văn Nam chủ tri cuộc họp.") == {}


def test_a_hometown_note_between_name_and_title() -> None:
    got = titles_of("Ông Hà Minh Đức, 51 tuổi, quê xã Tân Lập, Phó Giám đốc Sở Nội vụ, được bổ nhiệm làm Giám đốc.")
    assert got == {"Hà Minh Đức": ["Phó Giám đốc Sở Nội vụ"]}
    assert titles_of("Bà Lý Thị Hạnh, quê ở Cà Mau, Trưởng Ban Dân vận Huyện ủy, phát biểu.") == {
        "Lý Thị Hạnh": ["Trưởng Ban Dân vận Huyện ủy"]
    }


def test_a_name_without_a_listed_surname_in_a_list_of_name_dash_title() -> None:
    text = "Dự có các đồng chí Lê Văn Bình - Bí thư Huyện ủy, Văn Đức Tài - Chủ tịch UBND huyện và Hà Văn Sơn."
    assert titles_of(text) == {"Lê Văn Bình": ["Bí thư Huyện ủy"], "Văn Đức Tài": ["Chủ tịch UBND huyện"]}
    # without the dash and a title after it, the run is no name
    assert titles_of("Ông Lê Văn Bình - Bí thư Huyện ủy, Văn Đức Tài và các đảng viên dự họp.") == {
        "Lê Văn Bình": ["Bí thư Huyện ủy"]
    }
