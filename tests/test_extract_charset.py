"""vntext.charset is the one charset decoder: the crawler and the web app's archived copy both use it."""

from __future__ import annotations

from archive.warc import RawResponse
from crawler.encoding import decode_html as crawler_decode
from crawler.samplepress.hard import to_cp1258
from vntext.charset import decode_html
from webapp.archived import sanitize

TEXT = "Chủ tịch UBND tỉnh Nguyễn Thị Hòa dự lễ khởi công cầu Đầm Dơi; thủy lợi được ưu tiên."


def test_crawler_decodes_with_vntext() -> None:
    assert crawler_decode is decode_html


def test_archived_copy_of_a_windows_1258_page_reads_right() -> None:
    page = f'<html><head><meta charset="windows-1258"></head><body><p>{TEXT}</p></body></html>'
    response = RawResponse("http://127.0.0.1/bai-1.htm", 200, [("Content-Type", "text/html")], to_cp1258(page))
    assert TEXT in sanitize(response, "<p>banner</p>")


def test_archived_copy_trusts_valid_utf8_over_a_lying_header() -> None:
    page = f"<html><body><p>{TEXT}</p></body></html>"
    response = RawResponse(
        "http://127.0.0.1/bai-2.htm", 200, [("content-type", "text/html; charset=iso-8859-1")], page.encode()
    )
    assert TEXT in sanitize(response, "<p>banner</p>")
