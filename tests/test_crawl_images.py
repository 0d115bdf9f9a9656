"""Article images are archived by the crawl (on the paper's host and on a separate static host, lazy
sources included), shown inline by the web app's archived copy, fetched once across crawls, cut off
above the size limit without losing the article, and not fetched at all when images are off."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.article import article_id, normalize_url
from archive.store import Archive
from crawler.extract import extract_article
from crawler.samplepress.site import _png
from crawler.samplepress.styles import OVERSIZED, RELATED_THUMB, STREAMED, StylePress, figure_paths
from tests.conftest import DEFAULT_BACKEND, run_cli
from webapp import create_app

PAPER_IMAGES = {"/Images/2020/11/cong-ngan-man.png", "/wp-content/uploads/2022/11/lang-hoa-768.png"}
CDN_IMAGES = {"/Uploads/2020/11/de-bao.png", "/Uploads/2021/03/cau-tan-lap.png", "/Uploads/cho-noi.png"}
FORBIDDEN = {p for p in figure_paths("{cdn}") if p.startswith("/private/")}  # by the static host's robots.txt
NEVER = {"/Images/loading.gif", RELATED_THUMB, "/logo.gif"} | FORBIDDEN


@pytest.fixture(scope="module")
def styles() -> Iterator[StylePress]:
    with StylePress() as press:
        yield press


def crawl(styles: StylePress, data_dir: Path, **env: str) -> str:
    registry = data_dir.parent / "papers.json"
    registry.write_text(json.dumps(styles.registry(), ensure_ascii=False), encoding="utf-8")
    result = run_cli("crawl", "--fast", "--registry", str(registry), data_dir=data_dir, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def archived_images(data_dir: Path) -> dict[str, int]:
    with sqlite3.connect(data_dir / "archive.sqlite3") as db:
        rows = db.execute("SELECT url, status FROM pages WHERE url LIKE '%.png' OR url LIKE '%.gif'").fetchall()
    return dict(rows)


@pytest.fixture(scope="module")
def crawled(styles: StylePress, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data_dir = tmp_path_factory.mktemp("images") / "data"
    return data_dir, crawl(styles, data_dir)


def test_the_articles_own_images_are_archived_on_both_hosts(styles: StylePress, crawled: tuple[Path, str]) -> None:
    data_dir, stdout = crawled
    rachmieu = next(s for s in styles.sites if s.paper.style == "aspx-portal")
    mykhanh = next(s for s in styles.sites if s.paper.style == "wordpress")
    expected = {normalize_url(styles.cdn + p) for p in CDN_IMAGES}
    expected |= {normalize_url(rachmieu.base + "/Images/2020/11/cong-ngan-man.png")}
    expected |= {normalize_url(mykhanh.base + "/wp-content/uploads/2022/11/lang-hoa-768.png")}
    assert archived_images(data_dir) == dict.fromkeys(expected, 200)
    for path in NEVER | {OVERSIZED, STREAMED}:  # placeholders, chrome, robots-forbidden, oversized
        assert not any(url.endswith(path) for url in archived_images(data_dir)), path
    assert len(FORBIDDEN) == 3 and {path: styles.hits[path] for path in NEVER} == dict.fromkeys(NEVER, 0)
    assert styles.hits["/Uploads/cho-noi.png"] == 1  # two articles share it: fetched once
    assert styles.hits[OVERSIZED] == styles.hits[STREAMED] == 1  # cut off (at its Content-Length or its bytes)
    assert f"{len(expected)} images" in stdout
    with Archive(data_dir) as archive:
        assert archive.raw(styles.cdn + "/Uploads/cho-noi.png").body == _png((60, 60, 200), 40, 30)
        assert archive.count() == 9  # images are no articles; every article is kept (the oversized one's too)
        assert archive.get(article_id(rachmieu.base + "/Portal/TinTuc.aspx?NewsID=70212")) is not None


def test_the_archived_copy_inlines_the_archived_images(styles: StylePress, crawled: tuple[Path, str]) -> None:
    data_dir, _ = crawled
    result = run_cli("index", data_dir=data_dir, env={"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND})
    assert result.returncode == 0, result.stderr[-2000:]
    app = create_app(
        {"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND, "NEWSARCHIVE_DATA_DIR": str(data_dir), "RATELIMIT_ENABLED": False}
    )
    rachmieu = next(s for s in styles.sites if s.paper.style == "aspx-portal")
    cdn_png = base64.b64encode(_png((60, 60, 200), 40, 30)).decode()
    own_png = base64.b64encode(_png((40, 120, 90), 48, 32)).decode()
    with app.test_client() as client:
        lazy = client.get(f"/article/{article_id(rachmieu.base + '/Portal/TinTuc.aspx?NewsID=70211')}/archived")
        assert lazy.status_code == 200
        html = lazy.get_data(as_text=True)
        assert html.count(f"data:image/png;base64,{cdn_png}") == 1  # data-src on the static host
        assert html.count(f"data:image/png;base64,{own_png}") == 1  # src on the paper's host
        big = client.get(f"/article/{article_id(rachmieu.base + '/Portal/TinTuc.aspx?NewsID=70212')}/archived")
        html = big.get_data(as_text=True)
        assert html.count(f"data:image/png;base64,{cdn_png}") == 1  # data-original
        assert "[Ảnh không được lưu] Ảnh gốc cỡ lớn của cây cầu." in html  # the oversized one: a placeholder


def test_a_recrawl_fetches_no_image_again(styles: StylePress, crawled: tuple[Path, str]) -> None:
    data_dir, _ = crawled
    before = {path: styles.hits[path] for path in figure_paths("{cdn}") | figure_paths("") | PAPER_IMAGES}
    stdout = crawl(styles, data_dir)
    assert {path: styles.hits[path] for path in before} == before  # the oversized one is remembered too
    assert "0 images" in stdout


def test_images_off_fetches_none(styles: StylePress, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    every = CDN_IMAGES | PAPER_IMAGES | {OVERSIZED, STREAMED}
    before = sum(styles.hits[path] for path in every)
    stdout = crawl(styles, data_dir, NEWSARCHIVE_CRAWL_IMAGES="0")
    assert sum(styles.hits[path] for path in every) == before
    assert archived_images(data_dir) == {} and "0 images" in stdout
    with Archive(data_dir) as archive:
        assert archive.count() == 9


def test_the_extractor_lists_the_picture_not_its_lazy_placeholder() -> None:
    gif = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
    text = "".join(f"<p>Đoạn {n} của bài viết về con đê mới ở huyện ven biển, viết cho phép thử.</p>" for n in range(6))
    page = (
        "<html><head><title>Đê mới</title></head><body><h1>Huyện ven biển có đê mới</h1>"
        f"<div>03/11/2020 08:45</div>{text}"
        f'<figure><img src="{gif}" data-src="https://static.example.vn/a.jpg"><figcaption>A</figcaption></figure>'
        '<figure><img srcset="/b-768.jpg 768w, /b-300.jpg 300w"><figcaption>B</figcaption></figure>'
        '<figure><img src="/loading.gif" data-original="/c.jpg"><figcaption>C</figcaption></figure>'
        f'<figure><img src="{gif}"><figcaption>D</figcaption></figure></body></html>'
    )
    article = extract_article(page, "http://paper.example.vn/tin/de-moi-1.html")
    assert [(i.src, i.caption) for i in article.images] == [
        ("https://static.example.vn/a.jpg", "A"),
        ("http://paper.example.vn/b-768.jpg", "B"),
        ("http://paper.example.vn/c.jpg", "C"),
    ]
