"""The real Scrapy engine crawls the real local sample press into the archive."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from archive.article import normalize_url
from archive.store import Archive
from crawler.samplepress import SamplePress
from tests.conftest import run_cli
from vntext import repair


def exported(data_dir: Path) -> list[dict]:
    result = run_cli("export", "--format", "jsonl", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_sample_article_is_archived_once(crawled_dir: Path, press: SamplePress) -> None:
    articles = exported(crawled_dir)
    expected = press.expected_articles()
    assert len(expected) >= 60
    assert sorted(normalize_url(a["canonical_url"]) for a in articles) == sorted(
        normalize_url(e["url"]) for e in expected
    )


def test_title_date_and_body_are_right_article_by_article(crawled_dir: Path, press: SamplePress) -> None:
    by_url = {normalize_url(a["canonical_url"]): a for a in exported(crawled_dir)}
    wrong = []
    for truth in press.expected_articles():
        got = by_url[normalize_url(truth["url"])]
        checks = {
            "title": got["title"] == repair(truth["title"]),
            "published": datetime.fromisoformat(got["published_at"]) == datetime.fromisoformat(truth["published"]),
            "lead": got["lead"] == repair(truth["lead"]),
            "body_first": got["body"].startswith(repair(truth["body_first"])),
            "body_last": got["body"].endswith(repair(truth["body_last"])),
            "author": (got["author"] or "").casefold() == (truth["author"] or "").casefold(),
            "section": got["section"] == truth["section"],
            "paper": got["paper"] == truth["paper_name"],
        }
        wrong += [f"{truth['path']}: {name}" for name, ok in checks.items() if not ok]
    assert wrong == [], "\n".join(wrong)


def test_the_seed_article_is_clean(crawled_dir: Path) -> None:
    seed = next(
        a for a in exported(crawled_dir) if a["title"] == "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"
    )
    assert seed["published_at"] == "2017-06-12T08:30:00+07:00"
    assert seed["province"] == "Cà Mau"
    text = seed["lead"] + seed["body"]
    for chrome in ("Ý kiến bạn đọc", "Tổng biên tập", "Lê Nguyễn", "3822062", "bientapdatmui", "Giấy phép"):
        assert chrome not in text
    assert seed["body"].rstrip().endswith("“Phải gần dân, sát dân mới hiểu dân”...")
    assert seed["images"] and seed["images"][0]["caption"] == (
        "Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch Đằng phát biểu tại cuộc họp."
    )


def test_raw_pages_are_kept_in_the_archive(crawled_dir: Path, press: SamplePress) -> None:
    seed_url = next(e["url"] for e in press.expected_articles() if e["title"].startswith("Thực hiện hiệu quả"))
    with Archive(crawled_dir) as archive:
        raw = archive.raw(seed_url)
        assert raw is not None and raw.status == 200 and b"<html" in raw.body.lower()


def test_crawling_twice_adds_no_duplicates(crawled_dir: Path, registry_file: Path) -> None:
    before = exported(crawled_dir)
    result = run_cli("crawl", "--registry", str(registry_file), data_dir=crawled_dir)
    assert result.returncode == 0, result.stderr[-2000:]
    after = exported(crawled_dir)
    assert len(after) == len(before)
    assert sorted(a["id"] for a in after) == sorted(a["id"] for a in before)
    assert "0 articles new or changed" in result.stdout


def test_a_site_that_is_down_gives_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("crawl", "--fast", "--url", "http://127.0.0.1:9/", data_dir=tmp_path)
    assert result.returncode == 1
    assert "no site answered" in result.stderr
    assert exported(tmp_path) == []


def test_a_start_url_and_max_articles(press: SamplePress, tmp_path: Path) -> None:
    home = next(p["home"] for p in press.papers if p["id"] == "thachhan")
    result = run_cli("crawl", "--fast", "--url", home, "--max-articles", "5", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    articles = exported(tmp_path)
    assert len(articles) == 5
    assert {a["paper"] for a in articles} == {"Báo Thạch Hãn"}  # a paper known by its URL is named by its site
