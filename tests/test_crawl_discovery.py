"""Deep backfill and page-level decisions against real local servers: a section paged 200 deep (only a
"next" link on each page), --since stopping the paging, canonicals that lie, a soft 404 template, and a
big sitemap read as a stream and every URL in it considered."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from archive.article import normalize_url
from tests.conftest import run_cli
from tests.test_crawl import exported

PAGES = 200
NEWEST = date(2020, 1, 1)
BIG_SITEMAP = 2_000  # the parser alone is checked on 100,000 (test_sitemaps.py)
_WORDS = ("cầu", "đường", "trường", "chợ", "đê", "kênh", "bến", "xã", "ấp", "cảng")
_CHROME = '<div class="menu"><a href="/">Trang chủ</a> <a href="/muc/thoi-su/">Thời sự</a></div>'


def day_of(n: int) -> date:
    return NEWEST - timedelta(days=3 * (n - 1))


def article_html(n: int) -> str:
    word = _WORDS[n % len(_WORDS)]
    canonical = "/" if n % 2 else "/bai/khanh-thanh-cong-trinh-so-1-1.html"  # every canonical lies
    body = "".join(
        f"<p>Đoạn {i} của bài số {n}: người dân vùng ven sông phấn khởi vì công trình {word} số {n} đã hoàn thành"
        f" sau nhiều tháng thi công, giúp việc đi lại và buôn bán thuận lợi hơn trước.</p>"
        for i in range(1, 4)
    )
    return (
        f'<html><head><meta charset="utf-8"><title>Bài {n}</title><link rel="canonical" href="{canonical}">'
        f"</head><body>{_CHROME}<h1>Khánh thành công trình {word} số {n} ở vùng ven sông</h1>"
        f'<div class="date">{day_of(n):%d/%m/%Y} 08:00</div><div class="content">{body}</div></body></html>'
    )


def listing_html(n: int) -> str:
    nxt = f'<a href="/muc/thoi-su/trang-{n + 1}.html">Trang sau</a>' if n < PAGES else ""
    return (
        f'<html><head><meta charset="utf-8"><title>Thời sự - trang {n}</title></head><body>{_CHROME}'
        f'<div class="list"><div class="item"><a href="/bai/khanh-thanh-cong-trinh-so-{n}-{n}.html">'
        f"Khánh thành công trình số {n} ở vùng ven sông</a><span>{day_of(n):%d/%m/%Y}</span></div>"
        f'<div class="item"><a href="/bai/bai-da-go-khoi-trang-99999.html">Một bài đã được gỡ khỏi trang</a></div>'
        f"</div>{nxt}</body></html>"
    )


NOT_FOUND = (
    f'<html><head><meta charset="utf-8"><title>Thời báo Ven Sông</title></head><body>{_CHROME}'
    "<h2>Thông báo</h2><p>Trang bạn yêu cầu hiện không có trên hệ thống. Mời bạn quay lại trang chủ để đọc"
    " những tin bài mới nhất của Thời báo Ven Sông.</p></body></html>"
)


def route(path: str, big: bool) -> tuple[int, str, str]:
    if path == "/robots.txt":
        robots = "User-agent: *\nDisallow: /bai/\nSitemap: /sitemap.xml\n" if big else "User-agent: *\n"
        return 200, "text/plain", robots
    if big and path == "/sitemap.xml":
        return 200, "application/xml", ""  # streamed by the handler
    if path == "/":
        return 200, "text/html; charset=utf-8", listing_html(1).replace("Thời sự - trang 1", "Thời báo Ven Sông")
    if path == "/muc/thoi-su/":
        return 200, "text/html; charset=utf-8", listing_html(1)
    if path.startswith("/muc/thoi-su/trang-") and path.endswith(".html"):
        n = path.removeprefix("/muc/thoi-su/trang-").removesuffix(".html")
        if n.isdigit() and 1 <= int(n) <= PAGES:
            return 200, "text/html; charset=utf-8", listing_html(int(n))
    if path.startswith("/bai/khanh-thanh-cong-trinh-so-"):
        n = path.rsplit("-", 1)[-1].removesuffix(".html")
        if n.isdigit() and 1 <= int(n) <= PAGES:
            return 200, "text/html; charset=utf-8", article_html(int(n))
    return 200, "text/html; charset=utf-8", NOT_FOUND  # a soft 404 for anything else


def serve(big: bool) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            status, content_type, text = route(self.path.split("?")[0], big)
            if big and self.path == "/sitemap.xml":
                base = f"http://{self.headers['Host']}"
                rows = "".join(f"<url><loc>{base}/bai/so-{i}.html</loc></url>" for i in range(BIG_SITEMAP))
                text = (
                    f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'
                )
            body = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def deep_site() -> Iterator[str]:
    server, home = serve(big=False)
    yield home
    server.shutdown()


def listing_pages(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "archive.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT url FROM pages WHERE url LIKE '%/muc/thoi-su/trang-%'")]


def test_pagination_is_followed_to_its_end_and_lying_canonicals_merge_nothing(deep_site: str, tmp_path: Path) -> None:
    result = run_cli("crawl", "--fast", "--url", deep_site, data_dir=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(listing_pages(tmp_path)) == PAGES - 1  # pages 2..200, each reached only from the one before
    articles = exported(tmp_path)
    expected = {normalize_url(f"{deep_site}bai/khanh-thanh-cong-trinh-so-{n}-{n}.html") for n in range(1, PAGES + 1)}
    assert sorted(normalize_url(a["canonical_url"]) for a in articles) == sorted(expected)
    assert not [a for a in articles if "da-go" in a["url"]]  # the site's "not found" page is not an article
    assert {a["paper"] for a in articles} == {"Thời báo Ven Sông"}


def test_since_and_until_bound_the_crawl_and_stop_the_paging(deep_site: str, tmp_path: Path) -> None:
    since, until = date(2019, 10, 1), date(2019, 12, 1)
    result = run_cli(
        "crawl", "--fast", "--url", deep_site, "--since", since.isoformat(), "--until", until.isoformat(),
        data_dir=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    days = sorted(date.fromisoformat(a["published_at"][:10]) for a in exported(tmp_path))
    in_window = [n for n in range(1, PAGES + 1) if since <= day_of(n) <= until]
    assert len(days) == len(in_window) and since <= days[0] and days[-1] <= until
    assert len(listing_pages(tmp_path)) <= max(in_window) + 1  # paging stopped past the window


def test_every_url_of_a_big_sitemap_is_considered(tmp_path: Path) -> None:
    server, home = serve(big=True)
    try:
        result = run_cli("crawl", "--fast", "--url", home, data_dir=tmp_path, timeout=900)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{BIG_SITEMAP} sitemap URLs" in result.stdout, result.stdout
