"""vntext.dates (every date form the crawler meets) and vntext.chrome (where article text ends)."""

from __future__ import annotations

from datetime import datetime

import pytest

from archive.article import VIETNAM_TZ as ARCHIVE_TZ
from vntext.chrome import CHROME_IN_TEXT, CHROME_MARKERS, cut_at_chrome, cut_text_at_chrome
from vntext.dates import VIETNAM_TZ, date_matches, find_dates, parse_date


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)", vn(2012, 12, 24, 3, 4), True),
        ("Thứ Hai, 24/12/2012, 03:04 PM (GMT+7)", vn(2012, 12, 24, 15, 4), True),
        ("10:03 | 12/06/2017", vn(2017, 6, 12, 10, 3), True),
        ("Cập nhật: 14-3-2023 9:15", vn(2023, 3, 14, 9, 15), True),
        ("12/06/2017 - 08:30", vn(2017, 6, 12, 8, 30), True),
        ("Thứ Ba, 25/12/2012 - 10:03", vn(2012, 12, 25, 10, 3), True),
        ("Thứ năm, 20/12/2012, 10:18 GMT+7", vn(2012, 12, 20, 10, 18), True),
        ("15:20 PM  |  21/12/2012", vn(2012, 12, 21, 15, 20), True),
        ("Cập nhật thứ hai, ngày 24/12/12 11:05 tối", vn(2012, 12, 24, 23, 5), True),
        ("ngày 30/11/12 04:00 chiều", vn(2012, 11, 30, 16, 0), True),
        ("05/01/2019 09:40 SA", vn(2019, 1, 5, 9, 40), True),
        ("05/01/2019 02:10 CH", vn(2019, 1, 5, 14, 10), True),
        ("lúc 12 giờ 30 trưa ngày 2/9/2020", vn(2020, 9, 2, 12, 30), True),
        ("2/9/2020 1 giờ 30 trưa", vn(2020, 9, 2, 13, 30), True),
        ("12.06.2017", vn(2017, 6, 12), False),
        ("Ngày 12 tháng 6 năm 2017", vn(2017, 6, 12), False),
        ("2025-10-22T19:25:52+07:00", vn(2025, 10, 22, 19, 25), True),
        ("8h30 ngày 3/7/2018", vn(2018, 7, 3, 8, 30), True),
    ],
)
def test_every_printed_form(text: str, expected: datetime, has_time: bool) -> None:
    found = date_matches(text)[0]
    assert (found.value, found.has_time) == (expected, has_time)
    assert parse_date(text) == expected


def test_english_labels_read_month_first() -> None:
    assert date_matches("Published on 03-08-2011 01:00 AM", month_first=True)[0].value == vn(2011, 3, 8, 1, 0)
    assert parse_date("03-08-2011") == vn(2011, 8, 3)


def test_what_is_not_a_date() -> None:
    assert find_dates("tỉ lệ 1/2/3, tăng 12/6/17 lần, ngày 31/02/2017 và ngày 1/7 năm nay") == []


def test_one_time_zone_constant() -> None:
    assert ARCHIVE_TZ is VIETNAM_TZ and str(VIETNAM_TZ) == "Asia/Ho_Chi_Minh"


def test_chrome_markers_cut_article_text() -> None:
    paragraphs = ["Đoạn một của bài.", "Đoạn hai của bài.", "Bình luận (3)", "Bài hay quá!"]
    assert cut_at_chrome(paragraphs) == paragraphs[:2]
    assert cut_at_chrome(["Tin liên quan:", "x"]) == []
    assert "Ý kiến bạn đọc" in CHROME_MARKERS
    assert CHROME_IN_TEXT.search("Hết bài.\nÝ kiến bạn đọc\nHay") and CHROME_IN_TEXT.search("a\n Bình luận (12)")
    assert cut_text_at_chrome("Bài viết.\nHết.\nÝ kiến bạn đọc\nHay quá") == "Bài viết.\nHết."
    assert cut_text_at_chrome("Không có hộp bình luận.") == "Không có hộp bình luận."
