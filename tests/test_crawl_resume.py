"""A crawl killed with SIGKILL resumes without losing or duplicating articles; a re-crawl fetches only changes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archive.article import normalize_url
from crawler.samplepress import SamplePress
from tests.conftest import ROOT, run_cli
from tests.test_archive_warc import assert_valid_warc
from tests.test_crawl import exported


def archived_count(data_dir: Path) -> int:
    try:
        with sqlite3.connect(f"file:{data_dir / 'archive.sqlite3'}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def crawl_until_killed(registry_file: Path, data_dir: Path, articles: int) -> int:
    """Start a crawl, SIGKILL it once the archive holds `articles` articles; the count at the kill."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsarchive.cli", "crawl", "--registry", str(registry_file), "--fast"],
        cwd=ROOT,
        env={**os.environ, "NEWSARCHIVE_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while archived_count(data_dir) < articles and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    return archived_count(data_dir)


def test_killed_twice_then_resumed_every_article_once(registry_file: Path, press: SamplePress, tmp_path: Path) -> None:
    expected = sorted(normalize_url(e["url"]) for e in press.expected_articles())
    first = crawl_until_killed(registry_file, tmp_path, 15)
    second = crawl_until_killed(registry_file, tmp_path, 40)
    assert 15 <= first < second < len(expected), (first, second)
    assert any((tmp_path / "warc").glob("*.warc.gz"))
    result = run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    articles = exported(tmp_path)
    assert sorted(normalize_url(a["canonical_url"]) for a in articles) == expected
    assert len({a["id"] for a in articles}) == len(expected)
    for path in (tmp_path / "warc").glob("*.warc.gz"):
        assert_valid_warc(path)
    assert not (tmp_path / "warc" / "OPEN").exists()


def test_a_recrawl_fetches_no_unchanged_article(registry_file: Path, tmp_path: Path) -> None:
    assert run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path).returncode == 0
    result = run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    # No article page came back with a body: each was skipped (sitemap lastmod) or answered 304.
    assert "0 articles new or changed, 0 unchanged" in result.stdout, result.stdout
    assert " 0 not modified" not in result.stdout and " 0 skipped by sitemap lastmod" not in result.stdout
