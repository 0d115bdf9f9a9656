"""Charset decoding of pages that lie about their encoding, and soft-404 pages."""

from __future__ import annotations

import pytest

from crawler.encoding import decode_html
from crawler.extract import ExtractionError, extract_article
from crawler.samplepress.hard import to_cp1258

TEXT = "Ủy ban nhân dân tỉnh Hậu Giang họp bàn về thủy lợi, hòa giải ở cơ sở; Đảng bộ xã Hỏa Tiến."


def page(charset: str) -> str:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return f"<html><head>{head}</head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (to_cp1258(page("utf-8")), "text/html"),  # meta says utf-8, bytes are windows-1258
        (page("windows-1258").encode(), "text/html"),  # meta says windows-1258, bytes are UTF-8
        (to_cp1258(page("windows-1258")), "text/html; charset=windows-1258"),  # honest windows-1258
        (b"\xef\xbb\xbf" + page("utf-8").encode(), "text/html; charset=utf-8"),  # UTF-8 with BOM
        (to_cp1258(page("utf-8")), "text/html; charset=utf-8"),  # the HTTP header lies too
    ],
)
def test_vietnamese_text_survives_lying_charsets(body: bytes, content_type: str) -> None:
    text = decode_html(body, content_type)
    assert TEXT in text
    assert not text.startswith("\ufeff")


def test_cp1258_really_uses_combining_tones() -> None:
    raw = to_cp1258(TEXT)
    assert raw.decode("cp1258") != TEXT and TEXT.encode("utf-8") != raw


def _page(headline: str, dateline: str = "") -> str:
    return (
        f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>{dateline}"
        f"<div><p>{TEXT * 4}</p><p>{TEXT * 3}</p></div></body></html>"
    )


def test_a_dated_headline_that_reads_like_a_not_found_page_is_an_article() -> None:
    for headline in ("Vẫn không tìm thấy ngư dân mất tích", "Mở rộng Quốc lộ 404 qua thị xã", "404 ngư dân được cứu"):
        html = _page(headline, '<p class="date">08:30 | 12/06/2017</p>')
        assert extract_article(html, "http://127.0.0.1/bai-viet/tin-99003.htm").title == headline


def test_an_undated_not_found_page_is_not_an_article() -> None:
    with pytest.raises(ExtractionError, match="soft 404"):
        extract_article(_page("Không tìm thấy bài viết"), "http://127.0.0.1/bai-viet/bai-da-go-99003.htm")
