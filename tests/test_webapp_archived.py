"""The archived copy of a page is made inert: hostile markup goes, text stays."""

from __future__ import annotations

import re

from archive.warc import RawResponse
from webapp.archived import sanitize

HOSTILE = """<!doctype html><html><head><title>Tin</title>
<script>steal()</script><link rel=stylesheet href="https://cdn.example/x.css">
<style>body{background:url(https://tracker.example/p.png)}</style>
<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"></head>
<body onload="steal()"><h1 onclick="steal()">Tiêu đề bài báo</h1>
<p>Đoạn văn <a href="https://other.example/page">liên kết</a> và <a href="javascript:steal()">js</a>.</p>
<img src="https://cdn.example/a.jpg" srcset="https://cdn.example/b.jpg 2x" alt="ảnh">
<iframe src="https://ads.example/"></iframe><object data="https://x.example/f.swf"></object>
<embed src="https://x.example/e"><form action="https://evil.example/post"><input name=a></form>
<svg><script>steal()</script><a xlink:href="https://evil.example">s</a></svg>
<video poster="https://x.example/p.jpg"><source src="https://x.example/v.mp4"></video>
<!-- comment with https://x.example -->
</body></html>"""


def clean(body: str, content_type: str = "text/html; charset=utf-8") -> str:
    response = RawResponse("http://paper.example/a.html", 200, [("Content-Type", content_type)], body.encode("utf-8"))
    return sanitize(response, '<div class="banner">Bản lưu trữ</div>')


def test_active_content_and_outside_urls_are_removed() -> None:
    html = clean(HOSTILE)
    lowered = html.lower()
    for gone in ("<script", "steal()", "onload", "onclick", "<iframe", "<object", "<embed", "<form", "<base",
                 "http-equiv", "<link", "<style", "javascript:"):  # fmt: skip
        assert gone not in lowered, gone
    assert not re.search(r"https?://(cdn|ads|tracker|evil|x)\.example", re.sub(r'title="[^"]*"', "", html))


def test_text_and_banner_stay() -> None:
    html = clean(HOSTILE)
    assert "Tiêu đề bài báo" in html and "liên kết" in html
    assert "[Ảnh không được lưu] ảnh</span>" in html  # an image the crawl did not archive: its alt text
    assert html.index("Bản lưu trữ") < html.index("Tiêu đề bài báo")
    assert 'title="https://other.example/page"' in html  # where the link went, as a tooltip only


def test_declared_charset_is_honoured() -> None:
    response = RawResponse("http://p/", 200, [("Content-Type", "text/html; charset=windows-1258")],
                           "<p>Cà Mau</p>".encode("windows-1258"))  # fmt: skip
    assert "Cà Mau" in sanitize(response, "<div>b</div>")


def test_empty_and_non_html_bodies_do_not_fail() -> None:
    for body in ("", "<!-- only -->", '<?xml version="1.0" encoding="utf-8"?><p>x</p>', "\x00\x01"):
        assert "Bản lưu trữ" in clean(body)


def test_archived_images_are_inlined_and_the_others_are_placeholders() -> None:
    page = '<p>a<img src="/img/kept.png" alt="cầu">b<img data-src="https://cdn.example/lost.jpg" alt="đường"></p>'
    response = RawResponse("http://paper.example/a.html", 200, [("Content-Type", "text/html")], page.encode())
    kept = "data:image/png;base64,iVBORw0KGgo="
    html = sanitize(response, "<div>b</div>", lambda src: kept if src == "/img/kept.png" else None)
    assert f'<img alt="cầu" src="{kept}">b' in html
    assert "[Ảnh không được lưu] đường</span>" in html and "cdn.example" not in html
