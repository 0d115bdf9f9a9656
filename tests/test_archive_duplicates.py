"""Duplicate clusters: the story two papers share gets one cluster id, and no other pair does."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime
from pathlib import Path

from archive.article import VIETNAM_TZ, Article, article_id
from archive.duplicates import assign_clusters
from archive.store import Archive
from crawler.samplepress import SamplePress

SHARED = {"21380", "102790"}  # the storm story of Cà Mau (datmui) republished by Bạc Liêu (baclieu)


def test_the_shared_story_and_only_it_is_one_cluster(crawled_dir: Path, press: SamplePress) -> None:
    truth = {e["id"]: e for e in press.expected_articles()}
    with Archive(crawled_dir) as archive:
        clusters = {tid: archive.cluster_of(article_id(e["url"])) for tid, e in truth.items()}
    earliest = min(SHARED, key=lambda tid: truth[tid]["published"])
    assert {clusters[tid] for tid in SHARED} == {article_id(truth[earliest]["url"])}
    sizes = Counter(clusters.values())
    assert [size for size in sizes.values() if size > 1] == [2]
    assert all(clusters[tid] == article_id(e["url"]) for tid, e in truth.items() if tid not in SHARED)


def copy(n: int, body: str, day: int) -> Article:
    url = f"http://p{n}.vn/a-{n}"
    when = datetime(2018, 5, day, 8, 0, tzinfo=VIETNAM_TZ)
    return Article(
        url=url, canonical_url=url, paper=f"p{n}", province="", title="Hoà giải", body=body, published_at=when
    )


def test_exact_copies_and_folded_spellings_cluster_under_the_earliest(tmp_path: Path) -> None:
    body = "Uỷ ban nhân dân tỉnh hoà giải thành công vụ tranh chấp đất đai kéo dài nhiều năm ở xã Hòa Tiến. " * 8
    other = "Hội thi bánh dân gian Nam Bộ thu hút bốn mươi đội thi đến từ các huyện trong tỉnh Hậu Giang. " * 8
    ids = [article_id(f"http://p{n}.vn/a-{n}") for n in range(5)]
    with Archive(tmp_path) as archive:
        archive.upsert(copy(0, body, 3))
        archive.upsert(copy(1, body, 2))  # exact copy
        archive.upsert(copy(2, body.replace("Uỷ", "Ủy").replace("hoà", "hòa"), 4))  # other tone placement
        archive.upsert(copy(3, other, 1))
        assert assign_clusters(archive) == 1
        assert [archive.cluster_of(i) for i in ids[:4]] == [ids[1], ids[1], ids[1], ids[3]]
        archive.upsert(
            copy(4, body.replace("Hòa Tiến", "Hỏa Tiến"), 1)
        )  # a new, earlier copy: stored signatures meet a fresh one
        assert assign_clusters(archive) == 1
        assert {archive.cluster_of(i) for i in ids[:3] + ids[4:]} == {ids[4]}


def test_old_archives_get_the_cluster_column(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "archive.sqlite3") as db:
        db.executescript(
            "CREATE TABLE articles (id TEXT PRIMARY KEY, canonical_url TEXT NOT NULL UNIQUE, page_url TEXT NOT NULL,"
            " content_hash TEXT NOT NULL, published_at TEXT, data TEXT NOT NULL, seq INTEGER NOT NULL);"
            "INSERT INTO articles VALUES ('a1', 'http://x.vn/a', 'http://x.vn/a', 'h', NULL, '{}', 1);"
        )
    with Archive(tmp_path) as archive:
        assert archive.cluster_of("a1") == "a1"
