"""Scrapy responses re-decoded by vntext.charset (the one home of charset decoding)."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Response, TextResponse

from vntext.charset import declared_charset, decode_html

__all__ = ["decode_html", "declared_charset", "redecoded"]


def redecoded(response: Response) -> TextResponse | None:
    """An HTML response re-decoded by decode_html (as UTF-8), or None for a non-text response."""
    if not isinstance(response, TextResponse):
        return None
    content_type = response.headers.get("Content-Type", b"").decode("latin-1")
    text = decode_html(response.body, content_type)
    return HtmlResponse(
        response.url,
        status=response.status,
        headers=response.headers,
        body=text.encode("utf-8"),
        encoding="utf-8",
        request=response.request,
    )
