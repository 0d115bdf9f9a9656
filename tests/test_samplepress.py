"""The local sample press: served over real HTTP, and its ground truth matches what it serves."""

from __future__ import annotations

import html
import json
import re
import signal
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from crawler.samplepress import SamplePress, expected_articles

ROOT = Path(__file__).resolve().parents[1]
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode("utf-8")


def text_of(page: str) -> str:
    return html.unescape(page)


@pytest.fixture(scope="module")
def press() -> Iterator[SamplePress]:
    with SamplePress() as running:
        yield running


@pytest.fixture(scope="module")
def expected(press: SamplePress) -> dict[str, dict]:
    return {e["url"]: e for e in expected_articles(press)}


def sitemap_urls(url: str) -> list[str]:
    status, ctype, body = fetch(url)
    assert status == 200 and "xml" in ctype
    root = ET.fromstring(body)
    if root.tag == SM + "sitemapindex":
        return [u for loc in root.iter(SM + "loc") for u in sitemap_urls(loc.text or "")]
    return [loc.text or "" for loc in root.findall(f"{SM}url/{SM}loc")]


def test_counts(press: SamplePress, expected: dict[str, dict]) -> None:
    assert len(press.papers) >= 3
    assert len({p["province"] for p in press.papers}) >= 3
    assert len({urlsplit(p["home"]).port for p in press.papers}) == len(press.papers)
    assert len(expected) >= 60
    per_paper = {p["id"]: sum(e["paper"] == p["id"] for e in expected.values()) for p in press.papers}
    assert all(n >= 20 for n in per_paper.values()), per_paper
    years = {e["published"][:4] for e in expected.values()}
    assert years == {"2016", "2017", "2018", "2019"}
    for e in expected.values():
        assert e["published"].endswith("+07:00")
        assert all(unicodedata.is_normalized("NFC", e[k]) for k in ("title", "lead", "body"))
        assert e["body_first"] in e["body"] and e["body_last"] in e["body"]


def test_robots(press: SamplePress) -> None:
    for paper in press.papers:
        status, _, body = fetch(urljoin(paper["home"], "/robots.txt"))
        assert status == 200
        assert f"Sitemap: {paper['sitemap']}" in body
        assert "Disallow: /tim-kiem" in body


def test_sitemaps_list_every_article_and_all_are_served(press: SamplePress, expected: dict[str, dict]) -> None:
    listed = [u for p in press.papers for u in sitemap_urls(p["sitemap"])]
    assert set(listed) == set(expected)
    for url in set(listed):
        status, ctype, _ = fetch(url)
        assert (status, ctype) == (200, "text/html; charset=utf-8"), url


def test_sitemap_index_and_news_sitemap(press: SamplePress) -> None:
    datmui = next(p for p in press.papers if p["id"] == "datmui")
    root = ET.fromstring(fetch(datmui["sitemap"])[2])
    assert root.tag == SM + "sitemapindex"
    children = [loc.text or "" for loc in root.iter(SM + "loc")]
    assert any(c.endswith("/sitemaps/news.xml") for c in children)
    assert all(s.find(SM + "lastmod") is not None for s in root)
    news = fetch(urljoin(datmui["home"], "/sitemaps/news.xml"))[2]
    assert "<news:publication_date>" in news and "<news:title>" in news
    for p in press.papers:
        for url in ET.fromstring(fetch(p["sitemap"])[2]).iter(SM + "url"):
            assert url.find(SM + "lastmod") is not None


def test_rss(press: SamplePress, expected: dict[str, dict]) -> None:
    for paper in press.papers:
        status, ctype, body = fetch(paper["rss"])
        assert status == 200 and "rss" in ctype
        items = ET.fromstring(body).findall("channel/item")
        assert len(items) == 15
        dates = [parsedate_to_datetime(i.findtext("pubDate") or "") for i in items]
        assert dates == sorted(dates, reverse=True)
        for item in items:
            e = expected[item.findtext("link") or ""]
            assert item.findtext("title") == e["title"]
            assert parsedate_to_datetime(item.findtext("pubDate") or "").isoformat() == e["published"]


def article_links(page: str, base: str, known: set[str]) -> set[str]:
    return {urljoin(base, html.unescape(h)) for h in re.findall(r'href="([^"]+)"', page)} & known


def test_sections_paginate_and_reach_every_article(press: SamplePress, expected: dict[str, dict]) -> None:
    second_pages = {
        "datmui": "/xay-dung-dang/?page=2",
        "baclieu": "/chinh-tri/trang-2/",
        "thachhan": "/chuyen-muc/thoi-su.htm?page=2",
    }
    for paper in press.registry()["papers"]:
        mine = {u for u, e in expected.items() if e["paper"] == paper["id"]}
        reached: set[str] = set()
        pages = 0
        for section in paper["sections"]:
            todo, done = [section], set()
            while todo:  # follow the pagination links of this section
                url = todo.pop()
                done.add(url)
                status, _, page = fetch(url)
                assert status == 200, url
                found = article_links(page, url, mine)
                assert 1 <= len(found) <= 5 + 4, url  # 5 per page, plus sidebar/most-read boxes
                reached |= found
                for href in re.findall(r'href="([^"]+)"', page):
                    nxt = urljoin(url, html.unescape(href))
                    if nxt.startswith(section) and nxt != section and nxt not in done and nxt not in mine:
                        todo.append(nxt)
            pages += len(done)
        assert mine <= reached, mine - reached
        assert pages >= len(mine) / 5
        status, _, page = fetch(urljoin(paper["home"], second_pages[paper["id"]]))
        assert status == 200 and article_links(page, paper["home"], mine)
        assert fetch(urljoin(paper["home"], second_pages[paper["id"]].replace("2", "9")))[0] == 404


def test_served_article_matches_ground_truth(press: SamplePress, expected: dict[str, dict]) -> None:
    for url, e in expected.items():
        page = text_of(fetch(url)[2])
        assert re.search(r"<h1[^>]*>" + re.escape(e["title"]) + "</h1>", page), url
        for key in ("lead", "body_first", "body_last"):
            assert e[key] in page, (url, key)
        for paragraph in e["body"].split("\n\n"):
            assert f">{paragraph}</p>" in page, (url, paragraph[:60])
        for img in e["images"]:
            assert f"<figcaption>{img['caption']}</figcaption>" in page
            src = re.search(r'<img src="([^"]+)"[^>]*>\s*<figcaption>' + re.escape(img["caption"]), page)
            assert src and urljoin(url, src.group(1)) == img["src"]
        if e["author"]:
            assert e["author"].upper() in page or e["author"] in page
        assert "Tin liên quan" in page and "Ý kiến bạn đọc" in page
        assert page.index("Ý kiến bạn đọc") > page.index(e["body_last"])


def test_images_are_served(press: SamplePress, expected: dict[str, dict]) -> None:
    for e in list(expected.values())[::5]:
        for img in e["images"]:
            with urllib.request.urlopen(img["src"], timeout=10) as resp:
                assert resp.status == 200 and resp.read(8) == b"\x89PNG\r\n\x1a\n"


def meta_property(page: str, prop: str) -> str | None:
    m = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)"', page)
    return html.unescape(m.group(1)) if m else None


def test_markup_differs_per_paper(expected: dict[str, dict]) -> None:
    for url, e in expected.items():
        raw = fetch(url)[2]
        if e["paper"] == "datmui":
            block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
            assert block, url
            data = json.loads(block.group(1))
            assert data["@type"] == "NewsArticle" and data["headline"] == e["title"]
            assert data["datePublished"] == e["published"] and data["dateModified"] == e["modified"]
            assert data["articleSection"] == e["section"]
            assert data["image"][: len(e["images"])] == [i["src"] for i in e["images"]]
            assert (data["author"]["name"] == e["author"]) if e["author"] else data["author"]["@type"] == "Organization"
            assert "og:title" not in raw
        elif e["paper"] == "baclieu":
            assert "application/ld+json" not in raw
            assert meta_property(raw, "og:title") == e["title"]
            assert meta_property(raw, "og:description") == e["lead"]
            assert meta_property(raw, "article:published_time") == e["published"]
            assert meta_property(raw, "article:section") == e["section"]
            assert meta_property(raw, "og:image") == e["images"][0]["src"]
        else:
            assert "application/ld+json" not in raw and "og:" not in raw and "article:" not in raw
            day = "Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ Nhật"
            stamp = re.search(rf"({day}), (\d\d)/(\d\d)/(\d{{4}}) - (\d\d):(\d\d)", raw)
            assert stamp, url
            _, d, m, y, hh, mm = stamp.groups()
            assert e["published"].startswith(f"{y}-{m}-{d}T{hh}:{mm}")
            assert re.search(r'class="breadcrumb">.*>' + re.escape(html.escape(e["section"])) + "</a>", raw)


def test_seed_article(press: SamplePress, expected: dict[str, dict]) -> None:
    seed = next(e for e in expected.values() if e["title"] == "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng")
    assert (seed["paper"], seed["province"], seed["section"]) == ("datmui", "Cà Mau", "Xây dựng Đảng")
    assert seed["published"] == "2017-06-12T08:30:00+07:00"
    caption = "Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch Đằng phát biểu tại cuộc họp."
    assert [i["caption"] for i in seed["images"]] == [caption]
    assert caption not in seed["body"]
    assert seed["lead"].startswith("Thông tin tình hình thực hiện nhiệm vụ của các ban đảng Tỉnh ủy")
    assert seed["body_last"].startswith("Đồng thời chỉ rõ, với công tác Dân vận")
    page = text_of(fetch(seed["url"])[2])
    footer = page[page.index('id="footer"') :]
    for line in (
        "Tổng biên tập: Lê Nguyễn",
        "Giấy phép số 55/GP-TTĐT cấp ngày 18/3/2011",
        "Fax: +84 (290) 3822060",
        "Email: bientapdatmui@yahoo.com.vn",
    ):
        assert line in footer
        assert line not in seed["body"]
    assert f"<figcaption>{caption}</figcaption>" in page
    raw = (ROOT / "crawler/samplepress/content/datmui/baiviet-datmui-2017-cai-cach-hanh-chinh.txt").read_text()
    for paragraph in seed["body"].split("\n\n"):
        assert paragraph in " ".join(raw.split())


def test_corpus_traps() -> None:
    arts = expected_articles()
    by_paper = {
        p: " ".join(e["title"] + " " + e["lead"] + " " + e["body"] for e in arts if e["paper"] == p)
        for p in ("datmui", "baclieu", "thachhan")
    }
    assert "Uỷ ban" in by_paper["baclieu"] and "Ủy ban" not in by_paper["baclieu"]
    assert "Tỉnh uỷ" in by_paper["baclieu"] and "Tỉnh ủy" not in by_paper["baclieu"]
    assert "Tỉnh ủy" in by_paper["datmui"] and "Tỉnh ủy" in by_paper["thachhan"]
    vocab = {p: set(re.findall(r"\w+", text.lower())) for p, text in by_paper.items()}
    assert {"hoà", "hoá", "thuỷ", "khoẻ"} <= vocab["baclieu"] and not {"hòa", "hóa", "thủy"} & vocab["baclieu"]
    assert {"hòa", "hóa", "thủy"} <= vocab["thachhan"] | vocab["datmui"]
    assert not {"hoà", "hoá", "thuỷ"} & (vocab["thachhan"] | vocab["datmui"])
    assert "\u00d0" in by_paper["datmui"]  # Cà Mau's CMS writes ETH (Ð) for Đ in some articles
    for trap in (
        "huyện Trần Văn Thời",
        "đường Hồ Chí Minh",
        "phong cách Hồ Chí Minh",
        "Trường THPT Phan Ngọc Hiển",
        "đường Lý Thường Kiệt",
    ):
        assert trap in by_paper["datmui"], trap
    for trap in ("Khu lưu niệm nhạc sĩ Cao Văn Lầu", "Trường THCS Võ Thị Sáu"):
        assert trap in by_paper["baclieu"], trap
    for trap in ("đường Lê Duẩn", "Trường THPT chuyên Lê Quý Đôn", "Trường THPT Lê Lợi"):
        assert trap in by_paper["thachhan"], trap

    def words(e: dict) -> set[str]:
        return set(re.findall(r"\w+", (e["title"] + " " + e["lead"] + " " + e["body"]).lower()))

    assert any("đang" in words(e) and "đảng" not in words(e) for e in arts)
    assert any("đảng" in words(e) and "đang" not in words(e) for e in arts)
    storm = [e for e in arts if "bão số 16" in e["title"]]
    assert {e["paper"] for e in storm} == {"datmui", "baclieu"} and storm[0]["body"] != storm[1]["body"]
    assert storm[0]["body_first"] == storm[1]["body_first"] or storm[0]["lead"] == storm[1]["lead"]


def test_unknown_paths_404(press: SamplePress) -> None:
    for paper in press.papers:
        assert fetch(urljoin(paper["home"], "/khong-ton-tai.html"))[0] == 404


def free_base_port() -> int:
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base > 60000:
            continue
        try:
            socks = [socket.create_server(("127.0.0.1", base + i)) for i in range(3)]
        except OSError:
            continue
        for s in socks:
            s.close()
        return base
    raise RuntimeError("no free port range")


def test_cli_serves_and_writes_registry(tmp_path: Path) -> None:
    base, out = free_base_port(), tmp_path / "registry.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.samplepress", "--base-port", str(base), "--registry-out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        registry = json.loads(out.read_text())
        papers = registry["papers"]
        assert [urlsplit(p["home"]).port for p in papers] == [base, base + 1, base + 2]
        for p in papers:
            assert set(p) >= {"id", "name", "province", "home", "sitemaps", "feeds", "sections"}
            assert fetch(p["feeds"][0])[0] == 200 and fetch(p["sitemaps"][0])[0] == 200
            assert all(fetch(s)[0] == 200 for s in p["sections"])
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


def test_conditional_get_answers_304(press: SamplePress, expected: dict[str, dict]) -> None:
    url = next(iter(expected))
    with urllib.request.urlopen(url, timeout=10) as resp:
        etag, modified = resp.headers["ETag"], resp.headers["Last-Modified"]
    assert etag and modified
    for header, value in (("If-None-Match", etag), ("If-Modified-Since", modified)):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(urllib.request.Request(url, headers={header: value}), timeout=10)
        assert answer.value.code == 304
    assert fetch(url)[0] == 200
