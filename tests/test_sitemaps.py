"""crawler.sitemaps reads sitemaps as a stream: 100,000 URLs, gzipped, indexes, news sitemaps, junk."""

from __future__ import annotations

import gzip
import tracemalloc

import pytest

from crawler.sitemaps import iter_sitemap

N = 100_000


def urlset(n: int) -> bytes:
    rows = "".join(
        f"<url><loc>https://bao.vn/bai/so-{i}.html</loc><lastmod>2019-0{1 + i % 9}-1{i % 10}</lastmod></url>"
        for i in range(n)
    )
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'.encode()


def test_a_gzipped_sitemap_of_100000_urls_streams_in_flat_memory() -> None:
    text = urlset(N)
    body = gzip.compress(text)
    tracemalloc.start()
    count, newest = 0, None
    for entry in iter_sitemap(body):
        count += 1
        newest = max(newest, entry.lastmod) if newest else entry.lastmod
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == N and newest is not None and newest.month == 9
    assert peak < 3 * len(text)  # the inflated text once, and no tree of 100,000 elements besides


def test_an_index_and_a_news_sitemap() -> None:
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://bao.vn/s1.xml</loc><lastmod>2020-01-02T03:04:05Z</lastmod></sitemap></sitemapindex>"
    )
    [entry] = list(iter_sitemap(index))
    assert entry.is_sitemap and entry.loc == "https://bao.vn/s1.xml" and entry.lastmod.year == 2020
    news = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/'
        b'sitemap-news/0.9"><url><loc>https://bao.vn/a-1.html</loc><news:news><news:title>T</news:title>'
        b"</news:news></url></urlset>"
    )
    assert [e.loc for e in iter_sitemap(news)] == ["https://bao.vn/a-1.html"]


@pytest.mark.parametrize("body", [b"<html><body>Not found</body></html>", b"\x1f\x8bnot gzip", b""])
def test_what_is_not_a_sitemap_says_so(body: bytes) -> None:
    with pytest.raises(ValueError):
        list(iter_sitemap(body))
