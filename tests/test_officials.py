"""Officials extraction, abbreviations and the dev-set score (profiles: tests/test_profiles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.enrich import enrich
from indexer.enrich.analyze import analyze_text_file, split_title
from indexer.enrich.officials import Official, find_officials, official_id
from indexer.enrich.score import score
from vntext import key
from vntext.abbreviations import canonical_title, expand_abbreviations, title_key

DATA = Path(__file__).parent / "data"
DEVSET = Path(__file__).parent / "devset" / "officials.jsonl"
SEED = (DATA / "seed_article.txt").read_text(encoding="utf-8")
MASTHEAD = (
    "\nÝ kiến bạn đọc\n  • Báo ảnh - Cơ quan thuộc Ủy ban Nhân dân tỉnh - Tiếng nói của Nhân dân Cà Mau\n"
    "  • Tổng biên tập: Lê Nguyễn\n  • Tòa soạn và trị sự: Số 57AB Phan Đình Phùng - TP. Cà Mau - Cà Mau\n"
)
BTV = "Ủy viên Ban Thường vụ Tỉnh ủy"
SEED_OFFICIALS = {
    "Phạm Bạch Đằng": ["Phó Bí thư Thường trực Tỉnh ủy"],
    "Trần Văn Hiện": [BTV, "Chủ tịch HĐND tỉnh", "Trưởng ban Tuyên giáo"],
    "Lê Dũng": [BTV, "Trưởng ban Dân vận", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"],
    "Hồ Minh Chiến": [BTV, "Chủ nhiệm Ủy ban Kiểm tra"],
    "Huỳnh Thị Thanh Loan": [BTV, "Trưởng ban Tổ chức"],
    "Phạm Anh Tuấn": [BTV, "Trưởng ban Nội chính"],
}


def by_name(text: str) -> dict[str, Official]:
    return {o.name: o for o in find_officials(text)}


def has_title(official: Official, title: str) -> bool:
    return title_key(title) in {title_key(t) for t in official.titles}


# ---------------------------------------------------------------- seed article


@pytest.mark.parametrize("text", [SEED, SEED + MASTHEAD], ids=["body", "with-masthead"])
def test_seed_article_has_exactly_six_officials_with_their_titles(text: str) -> None:
    found = by_name(text)
    assert sorted(found) == sorted(SEED_OFFICIALS)
    for name, titles in SEED_OFFICIALS.items():
        for title in titles:
            assert has_title(found[name], title), (name, title, found[name].titles)
    assert "Lê Nguyễn" not in found and "Hồ Chí Minh" not in found


def test_seed_article_counts_repeated_mentions() -> None:
    found = by_name(SEED)
    assert found["Phạm Bạch Đằng"].mentions == 4
    assert found["Lê Dũng"].mentions == 1


def test_seed_titles_are_as_written() -> None:
    assert by_name(SEED)["Lê Dũng"].titles == [
        BTV,
        "Trưởng ban Dân vận",
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    ]


# ---------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("Phó Chủ tịch UBND tỉnh Lâm Văn Bi chủ trì cuộc họp.", "Lâm Văn Bi", ["Phó Chủ tịch UBND tỉnh"]),
        ("Ông Trần Văn Hiện - Chủ tịch HĐND tỉnh phát biểu.", "Trần Văn Hiện", ["Chủ tịch HĐND tỉnh"]),
        ("Bà Đồng Thị Yến – Phó Chủ tịch UBND tỉnh dự lễ.", "Đồng Thị Yến", ["Phó Chủ tịch UBND tỉnh"]),
        (
            "Có ông Nguyễn Thanh Phong (Phó Trưởng đoàn ĐBQH tỉnh) dự.",
            "Nguyễn Thanh Phong",
            ["Phó Trưởng đoàn ĐBQH tỉnh"],
        ),
        (
            "Đồng chí Lê Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh dự.",
            "Lê Văn A",
            ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        ),
        (
            "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh Nguyễn Lê Huy phát biểu.",
            "Nguyễn Lê Huy",
            [BTV, "Phó Chủ tịch UBND tỉnh"],
        ),
        (
            "Chủ tịch UBND tỉnh, ông Trần Ngọc Căng yêu cầu đẩy nhanh tiến độ.",
            "Trần Ngọc Căng",
            ["Chủ tịch UBND tỉnh"],
        ),
        (
            "Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp ký quyết định.",
            "Trần Văn Hiệp",
            ["Chủ tịch UBND tỉnh Lâm Đồng"],
        ),
        (
            "HĐND tỉnh bầu ông Lưu Văn Trung giữ chức Chủ tịch HĐND tỉnh.",
            "Lưu Văn Trung",
            ["Chủ tịch HĐND tỉnh"],
        ),
        (
            "Ông Lê Văn Hưởng, Phó Chủ tịch UBND tỉnh kiêm Giám đốc Sở Tài chính, phát biểu.",
            "Lê Văn Hưởng",
            ["Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Tài chính"],
        ),
        (
            "Bà Hà Thị Nga, Phó Giám đốc Sở Lao động - Thương binh và Xã hội, báo cáo.",
            "Hà Thị Nga",
            ["Phó Giám đốc Sở Lao động - Thương binh và Xã hội"],
        ),
    ],
)
def test_title_name_patterns(text: str, name: str, titles: list[str]) -> None:
    found = by_name(text)
    assert list(found) == [name]
    assert [title_key(t) for t in found[name].titles] == [title_key(t) for t in titles]


def test_attendee_list_semicolons_separate_people() -> None:
    text = (
        "Dự hội nghị có các đồng chí: Nguyễn Văn Trì, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; "
        "Vũ Chí Giang, Phó Chủ tịch UBND tỉnh; đại diện lãnh đạo các sở, ban, ngành."
    )
    found = by_name(text)
    assert list(found) == ["Nguyễn Văn Trì", "Vũ Chí Giang"]
    assert found["Nguyễn Văn Trì"].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert found["Vũ Chí Giang"].titles == ["Phó Chủ tịch UBND tỉnh"]


def test_semicolon_inside_one_persons_titles() -> None:
    text = (
        "Đến dự có các đồng chí: Trần Văn Rón, Bí thư Tỉnh ủy; Chủ tịch HĐND tỉnh; Lữ Quang Ngời, Chủ tịch UBND tỉnh."
    )
    found = by_name(text)
    assert found["Trần Văn Rón"].titles == ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert found["Lữ Quang Ngời"].titles == ["Chủ tịch UBND tỉnh"]


@pytest.mark.parametrize(
    "text",
    [
        "Tham dự có các Phó Chủ tịch UBND tỉnh: Lê Văn Sử, Huỳnh Quốc Việt và Nguyễn Minh Luân.",
        "Các Phó Chủ tịch UBND tỉnh Lê Văn Sử, Huỳnh Quốc Việt và Nguyễn Minh Luân cùng dự.",
    ],
)
def test_list_introducing_title_belongs_to_everyone(text: str) -> None:
    found = by_name(text)
    assert list(found) == ["Lê Văn Sử", "Huỳnh Quốc Việt", "Nguyễn Minh Luân"]
    assert all(o.titles == ["Phó Chủ tịch UBND tỉnh"] for o in found.values())


def test_back_references_by_given_name_and_middle_given() -> None:
    text = (
        "Thiếu tướng Nguyễn Xuân Lâm, Giám đốc Công an tỉnh dự. Theo ông Xuân Lâm, tình hình ổn định. "
        "Ông Lâm đề nghị tăng cường tuần tra."
    )
    found = by_name(text)
    assert list(found) == ["Nguyễn Xuân Lâm"]
    assert found["Nguyễn Xuân Lâm"].titles == ["Giám đốc Công an tỉnh"]  # a rank is not a title
    assert found["Nguyễn Xuân Lâm"].mentions == 3


def test_ambiguous_back_reference_is_not_counted() -> None:
    text = (
        "Có ông Nguyễn Văn Hùng, Giám đốc Sở Y tế, và ông Trần Quốc Hùng, Giám đốc Sở Tài chính. "
        "Ông Hùng cho biết thêm."
    )
    assert {o.name: o.mentions for o in find_officials(text)} == {"Nguyễn Văn Hùng": 1, "Trần Quốc Hùng": 1}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Buổi lễ có ông Võ Văn Dũng, nguyên Bí thư Tỉnh ủy Bạc Liêu.",
            "Võ Văn Dũng",
            "nguyên Bí thư Tỉnh ủy Bạc Liêu",
        ),
        ("Tân Chủ tịch UBND tỉnh Phạm Ngọc Nghị phát biểu.", "Phạm Ngọc Nghị", "Tân Chủ tịch UBND tỉnh"),
        ("Quyền Giám đốc Sở Y tế Lê Thanh Hùng cho biết.", "Lê Thanh Hùng", "Quyền Giám đốc Sở Y tế"),
        ("Nguyên Chủ tịch nước Trần Đức Lương từ trần.", "Trần Đức Lương", "Nguyên Chủ tịch nước"),
    ],
)
def test_time_qualifiers_stay_in_the_title(text: str, name: str, title: str) -> None:
    assert by_name(text)[name].titles == [title]


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("Đại tá Trần Văn Tuấn, Giám đốc Công an tỉnh dự.", "Trần Văn Tuấn", ["Giám đốc Công an tỉnh"]),
        ("Giám đốc Công an tỉnh, Đại tá Trần Văn Tuấn phát biểu.", "Trần Văn Tuấn", ["Giám đốc Công an tỉnh"]),
        ("Trung tướng Nguyễn Doãn Anh, Tư lệnh Quân khu 4, dự lễ.", "Nguyễn Doãn Anh", ["Tư lệnh Quân khu 4"]),
    ],
)
def test_ranks_are_not_titles_and_do_not_break_the_join(text: str, name: str, titles: list[str]) -> None:
    assert by_name(text)[name].titles == titles


def test_a_rank_alone_makes_nobody_an_official() -> None:
    assert find_officials("Đại tá Trần Văn Tuấn chủ trì buổi diễn tập.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ông Y Biêr Niê, Phó Bí thư Tỉnh ủy, dự lễ.", "Y Biêr Niê"),
        ("Ông Y Min, Chủ tịch UBND huyện Krông Bông, dự lễ.", "Y Min"),
        ("Đồng chí Ksor Phước Hà, Phó Chủ tịch HĐND tỉnh Gia Lai kiểm tra.", "Ksor Phước Hà"),
        ("Phó Chủ tịch UBND tỉnh Trà Vinh Thạch Phước Bình dự lễ.", "Thạch Phước Bình"),
        ("Ông Danh Út - Chủ tịch UBND huyện Gò Quao kiểm tra.", "Danh Út"),
        ("Ông Kim Vol, Phó Trưởng ban Dân tộc tỉnh, dự lễ.", "Kim Vol"),
        ("Chủ tịch UBND huyện Mù Cang Chải Giàng A Tông cho biết.", "Giàng A Tông"),
    ],
)
def test_non_kinh_names(text: str, name: str) -> None:
    assert list(by_name(text)) == [name]


# ---------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "Trường THPT Nguyễn Du và Trường Tiểu học Lê Văn Tám khai giảng năm học mới.",
        "Công trình nâng cấp đường Phan Đình Phùng, TP. Cà Mau hoàn thành.",
        "Huyện Trần Văn Thời và huyện Đầm Dơi thí điểm mô hình tôm - lúa.",
        "Bệnh viện Đa khoa Trần Văn Thời tiếp nhận máy chụp CT.",
        "Tác giả được tặng Huân chương Hồ Chí Minh và Giải Báo chí Huỳnh Thúc Kháng.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; lời dạy của Bác Hồ.",
        "Chủ tịch Hồ Chí Minh luôn căn dặn cán bộ phải gần dân.",
        "Ảnh: HỮU HIỆP\nBài, ảnh: Trần Minh Khoa",
        "Tổng biên tập: Lê Nguyễn\nPhó Tổng biên tập: Trần Văn Út",
        "Anh Nguyễn Văn Tèo, ngụ ấp Tân Phong, cho biết gia đình có lãi. Chị Trần Thị Bé cũng học theo.",
        "Tại Đồng Nai, lượng khách tăng. Ở Hà Giang, cao nguyên đá Đồng Văn đông khách.",
    ],
    ids=[
        "school",
        "street",
        "district",
        "hospital",
        "award",
        "historic",
        "historic-title",
        "byline",
        "chrome",
        "citizens",
        "province-surname",
    ],
)
def test_traps_yield_no_officials(text: str) -> None:
    assert find_officials(text) == []


def test_district_named_after_person_then_real_official() -> None:
    text = "Bí thư Huyện ủy Trần Văn Thời Nguyễn Văn Đấu cho biết diện tích tôm - lúa đạt 2.000 ha."
    found = by_name(text)
    assert list(found) == ["Nguyễn Văn Đấu"]
    assert found["Nguyễn Văn Đấu"].titles == ["Bí thư Huyện ủy Trần Văn Thời"]


def test_nfd_input_and_eth_are_repaired() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Phó Chủ tịch UBND tỉnh Phạm Bạch \u00d0ằng dự.")
    assert [o.name for o in find_officials(text)] == ["Phạm Bạch Đằng"]


# ---------------------------------------------------------------- ids, abbreviations


def test_official_id() -> None:
    assert official_id("Phạm Bạch Đằng", "Cà Mau") == "pham-bach-dang--ca-mau"
    assert official_id("Y Biêr Niê", "Đắk Lắk") == "y-bier-nie--dak-lak"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Chủ tịch HĐND tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh"),
        ("Chủ tịch HDND tỉnh", "chủ tịch hội đồng nhân dân tỉnh"),
        ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Chủ tịch UBMTTQ tỉnh"),
        ("UVBTV Tỉnh uỷ", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("Ủy viên BTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("Ủy viên BCH TƯ Đảng", "Ủy viên Trung ương Đảng"),
        ("UVTW", "Ủy viên Trung ương"),
        ("TUV", "Tỉnh ủy viên"),
        ("ĐBQH tỉnh", "Đại biểu Quốc hội tỉnh"),
        ("DBQH tỉnh", "Đại biểu Quốc hội tỉnh"),
        ("Giám đốc Sở GD&ĐT", "Giám đốc Sở Giáo dục và Đào tạo"),
        ("tân Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh"),
    ],
)
def test_title_keys_equal(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


def test_title_keys_keep_meaningful_differences() -> None:
    assert title_key("nguyên Chủ tịch UBND tỉnh") != title_key("Chủ tịch UBND tỉnh")
    assert title_key("Phó Chủ tịch UBND tỉnh") != title_key("Chủ tịch UBND tỉnh")
    assert title_key("Chủ tịch HĐND tỉnh") != title_key("Chủ tịch UBND tỉnh")


def test_expand_and_canonical_title() -> None:
    assert expand_abbreviations("Đ/c Nguyễn Văn A") == "đồng chí Nguyễn Văn A"
    assert canonical_title("Phó Chủ tịch  UBND  tỉnh") == "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    assert expand_abbreviations("Sở Tư pháp, đầu tư") == "Sở Tư pháp, đầu tư"  # words, not abbreviations
    assert expand_abbreviations("chủ tịch hđnd tỉnh") == "chủ tịch Hội đồng nhân dân tỉnh"


# ---------------------------------------------------------------- dev set


def test_devset_is_big_and_varied() -> None:
    import json

    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    assert sum(r["split"] == "heldout" for r in rows) >= 15
    assert sum(not r["officials"] for r in rows) >= 6  # trap passages


def test_devset_scores_f1_at_least_095() -> None:
    result = score(DEVSET)
    for split in ("dev", "heldout"):
        assert result[split].passages >= 15
        assert result[split].f1 >= 0.95, (split, result[split].errors)
        assert result[split].title_recall >= 0.9, (split, result[split].errors)


# ---------------------------------------------------------------- entry points


def test_enrich_returns_officials_and_topics() -> None:
    title, _, body = SEED.partition("\n")
    result = enrich(title, "", body, None)
    assert len(result.officials) == 6
    assert {"cai-cach-hanh-chinh", "xay-dung-dang"} <= set(result.topics)


def test_analyze_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SEED + MASTHEAD, encoding="utf-8")
    result = analyze_text_file(path)
    assert result["title"] == "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"
    assert result["published"] is None
    assert {o["name"] for o in result["officials"]} == set(SEED_OFFICIALS)
    assert "cai-cach-hanh-chinh" in result["topics"]


def test_split_title_only_for_short_unpunctuated_first_line() -> None:
    assert split_title("Tiêu đề\nThân bài.") == ("Tiêu đề", "Thân bài.")
    assert split_title("Câu đầu tiên kết thúc bằng dấu chấm.\nThân bài.")[0] == ""


def test_names_are_keyed_consistently() -> None:
    assert key("Phạm Bạch Đằng") in {key(o.name) for o in find_officials(SEED)}


def test_a_bare_place_after_a_lowercase_phrase_is_not_the_province() -> None:
    """'nông dân Hoà Bình' names a district of Bạc Liêu (or a group), not the province Hòa Bình; after a
    province marker or an organisation's name in title case the province stands."""
    from indexer.enrich import enrich

    def province(text: str) -> str | None:
        return enrich("", text, "", "").officials[0].province

    assert province("Khi gặp gỡ nông dân Hoà Bình, Chủ tịch UBND tỉnh Dương Hữu Tài hỏi thăm mùa vụ.") is None
    assert province("Tại Bạc Liêu, Chủ tịch UBND tỉnh Dương Hữu Tài hỏi thăm bà con nông dân.") == "Bạc Liêu"
    assert province("Đại tá Vũ Viết Lợi, Chính ủy Bộ đội Biên phòng Tây Ninh, thăm đồn biên phòng.") == "Tây Ninh"


def _titles(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in find_officials(text)}


def test_an_organisation_name_goes_on_past_the_lexicon() -> None:
    """A capitalised continuation ('Nội bộ'), Hội/Hiệp hội/Cụm before their own names, '- Bộ …' after a
    department, 'trực thuộc Sở …'; two heads sharing one organisation."""
    got = _titles("Thượng tá Lê Văn Bình, Trưởng phòng An ninh Chính trị Nội bộ Công an tỉnh Gia Lai, phát biểu.")
    assert got["Lê Văn Bình"] == ["Trưởng phòng An ninh Chính trị Nội bộ Công an tỉnh Gia Lai"]
    assert _titles("Bà Trần Thị Hoa, Chủ tịch Hội NCT tỉnh, tặng quà.")["Trần Thị Hoa"] == ["Chủ tịch Hội NCT tỉnh"]
    got = _titles("Ông Phạm Văn Nam - Phó Cục trưởng Cục Quản lý Dược- Bộ Y tế làm việc tại tỉnh.")
    assert got["Phạm Văn Nam"] == ["Phó Cục trưởng Cục Quản lý Dược- Bộ Y tế"]
    got = _titles("Ông Đỗ Văn Tâm - Giám đốc Trung tâm Dữ liệu trực thuộc Sở Nội vụ dự họp.")
    assert got["Đỗ Văn Tâm"] == ["Giám đốc Trung tâm Dữ liệu trực thuộc Sở Nội vụ"]
    got = _titles("Đoàn do Phó Chủ tịch – Tổng Thư ký Hội Nông dân Việt Nam Hoàng Văn Lâm dẫn đầu.")
    assert got["Hoàng Văn Lâm"] == ["Phó Chủ tịch - Tổng Thư ký Hội Nông dân Việt Nam"]
    assert _titles("Bí thư Tỉnh ủy Lê Văn Hà khóa mới phát biểu.")["Lê Văn Hà"] == ["Bí thư Tỉnh ủy"]
    got = _titles("TS Lê Văn Tĩnh - Vụ trưởng Vụ Hợp tác quốc tế - Bộ Ngoại giao trình bày chuyên đề.")
    assert got["Lê Văn Tĩnh"] == ["Vụ trưởng Vụ Hợp tác quốc tế - Bộ Ngoại giao"]
    got = _titles("Đ/c Trương Văn An - UV.BTV Huyện uỷ, Chủ tịch UBMTTQ VN Huyện dự lễ.")
    assert got["Trương Văn An"] == ["UV.BTV Huyện uỷ", "Chủ tịch UBMTTQ VN Huyện"]
    got = _titles("Ông Lê Văn Tư, Ủy viên Ban Chấp Trung ương Đảng, Bí thư Tỉnh ủy dự họp.")
    assert got["Lê Văn Tư"] == ["Ủy viên Ban Chấp Trung ương Đảng", "Bí thư Tỉnh ủy"]


def test_joining_shapes_of_real_pages() -> None:
    """A counted list without a listed surname, a bare head after '<name> -', a joining phrase shared by two
    people in parentheses, 'bị xóa tư cách', 'chuyển về làm', a back-reference before a parenthesis."""
    got = _titles("Công an tỉnh có 3 Phó Giám đốc gồm đại tá Lê Văn An, Văn Quyết Hùng và thượng tá Ngô Văn Bảy.")
    assert set(got) == {"Lê Văn An", "Văn Quyết Hùng", "Ngô Văn Bảy"}
    assert _titles("Có mặt ông Vũ Hồng Sơn - Giám đốc, cùng cán bộ của Sở.") == {"Vũ Hồng Sơn": ["Giám đốc"]}
    got = _titles(
        "Ông Lê Văn A (Giám đốc Sở Tài chính) và ông Trần Văn B (Bí thư Huyện ủy Tân Kỳ) được phê chuẩn giữ chức"
        " Phó Chủ tịch UBND tỉnh."
    )
    assert all("Phó Chủ tịch UBND tỉnh" in t for t in got.values()) and len(got) == 2
    assert _titles("Ông Đinh Văn Tư bị xóa tư cách Chủ tịch UBND huyện.") == {"Đinh Văn Tư": ["Chủ tịch UBND huyện"]}
    got = _titles("Ông Lê Văn Sáu, Chủ tịch UBND huyện, chuyển về làm Bí thư Huyện ủy Hướng Hóa.")
    assert got["Lê Văn Sáu"] == ["Chủ tịch UBND huyện", "Bí thư Huyện ủy Hướng Hóa"]
    got = _titles(
        "Ông Võ Văn Cường làm Bí thư Huyện ủy. Ông Cường (SN 1970, quê Gio Linh) từng là Chánh Văn phòng Tỉnh ủy."
    )
    assert got == {"Võ Văn Cường": ["Bí thư Huyện ủy", "Chánh Văn phòng Tỉnh ủy"]}
    assert _titles("Đại hội đại biểu Hội Nông dân tỉnh Hòa Bình khai mạc.") == {}
