"""The crawler on a press it was not written against (tests/heldout_press.py): started from the two home
URLs only, it archives every article exactly once and nothing that is not an article, survives a SIGKILL
midway, and a re-crawl adds nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.article import normalize_url
from tests.conftest import ROOT, run_cli
from tests.heldout_press import HeldoutPress
from tests.test_archive_warc import assert_valid_warc
from tests.test_crawl import exported
from tests.test_crawl_resume import archived_count


@pytest.fixture(scope="module")
def heldout() -> Iterator[HeldoutPress]:
    with HeldoutPress() as press:
        yield press


def crawl_args(press: HeldoutPress) -> list[str]:
    return ["crawl", "--fast", *(a for home in press.homes for a in ("--url", home))]


def check_every_article_once(data_dir: Path, press: HeldoutPress) -> list[dict]:
    articles = exported(data_dir)
    expected = press.expected()
    got = sorted(normalize_url(a["canonical_url"]) for a in articles)
    assert got == sorted(normalize_url(e["url"]) for e in expected)
    by_url = {normalize_url(a["canonical_url"]): a for a in articles}
    assert [by_url[normalize_url(e["url"])]["title"] for e in expected] == [e["title"] for e in expected]
    return articles


def test_a_crawl_from_the_home_urls_archives_every_article_once(heldout: HeldoutPress, tmp_path: Path) -> None:
    result = run_cli(*crawl_args(heldout), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    articles = check_every_article_once(tmp_path, heldout)
    assert {a["paper"] for a in articles} == {"Báo Cù Lao", "Thời báo Hàm Luông"}  # named from the sites
    again = run_cli(*crawl_args(heldout), data_dir=tmp_path)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "0 articles new or changed" in again.stdout, again.stdout
    assert len(exported(tmp_path)) == len(articles)


def test_a_killed_crawl_resumes_without_loss_or_duplicates(heldout: HeldoutPress, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsarchive.cli", *crawl_args(heldout)],
        cwd=ROOT,
        env={**os.environ, "NEWSARCHIVE_DATA_DIR": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while archived_count(tmp_path) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    killed_at = archived_count(tmp_path)
    assert 3 <= killed_at < len(heldout.expected()), killed_at
    before = Counter(heldout.hits)
    with sqlite3.connect(tmp_path / "archive.sqlite3") as db:
        archived = {row[0] for row in db.execute("SELECT url FROM pages")}
    result = run_cli(*crawl_args(heldout), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "resumed" in result.stdout
    check_every_article_once(tmp_path, heldout)
    listings = [u for u in before if "act=cat" in u or "ChuyenMuc" in u or u.endswith(("/index.php", "/"))]
    assert [u for u in listings if normalize_url(u) in archived]  # the kill came after some listings were done
    refetched = [u for u in listings if heldout.hits[u] > before[u] and normalize_url(u) in archived]
    assert len(refetched) <= 2, refetched  # archived before the kill: only one caught between archive and done
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        assert_valid_warc(path)
