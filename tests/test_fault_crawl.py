"""Fault suite, crawl side: SIGKILL at random points, a reader during a crawl, a disk that fills up.

Everything runs on loopback against the sample press, with real processes, signals and rlimits.
FAULT_SEED fixes the random kill points (the seed used is printed).
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from archive.article import normalize_url
from archive.store import Archive
from archive.warc import OPEN_MARKER
from crawler.samplepress import SamplePress
from indexer.load import index_archive
from search.sqlite_backend import SqliteBackend
from tests.conftest import ROOT, run_cli
from tests.test_archive_warc import assert_valid_warc
from webapp import create_app

KILLS = 10


def archived_count(data_dir: Path) -> int:
    if not (data_dir / "archive.sqlite3").exists():
        return 0
    try:
        with Archive(data_dir, readonly=True) as archive:
            return archive.count()
    except Exception:  # noqa: BLE001 - the first writer may not have made the tables yet
        return 0


def start_crawl(registry_file: Path, data_dir: Path, *, fast: bool = True, **popen: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsarchive.cli", "crawl", "--registry", str(registry_file), *(["--fast"] * fast)],
        cwd=ROOT,
        env={**os.environ, "NEWSARCHIVE_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[arg-type]
    )


def assert_consistent(data_dir: Path, expected_urls: list[str] | None = None) -> None:
    """Every WARC valid, every stored pointer readable with its hash, every article's page stored (once)."""
    for path in (data_dir / "warc").glob("*.warc.gz"):
        assert_valid_warc(path)
    with Archive(data_dir, readonly=True) as archive:
        pages = archive.db.execute("SELECT url, sha256 FROM pages").fetchall()
        for url, sha in pages:
            raw = archive.raw(url)
            assert raw is not None and hashlib.sha256(raw.body).hexdigest() == sha, url
        stored = {url for url, _ in pages}
        rows = archive.db.execute("SELECT canonical_url, page_url FROM articles").fetchall()
        assert all(page_url in stored for _, page_url in rows)
        canonical = sorted(url for url, _ in rows)
    assert len(canonical) == len(set(canonical))
    if expected_urls is not None:
        assert canonical == expected_urls


def test_a_crawl_killed_at_ten_random_points_loses_and_repeats_nothing(
    registry_file: Path, press: SamplePress, tmp_path: Path
) -> None:
    seed = int(os.environ.get("FAULT_SEED") or random.randrange(1 << 30))
    rng = random.Random(seed)
    expected = sorted(normalize_url(e["url"]) for e in press.expected_articles())
    thresholds = sorted(rng.sample(range(1, len(expected) - 1), KILLS))
    killed = []
    for threshold in thresholds:
        proc = start_crawl(registry_file, tmp_path)
        deadline = time.monotonic() + 120
        while archived_count(tmp_path) < threshold and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))  # land anywhere: mid-record, mid-transaction, mid-startup
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        killed.append((threshold, archived_count(tmp_path), proc.returncode == -signal.SIGKILL))
        assert_consistent(tmp_path)  # after every kill, before any repair
    print(f"\nFAULT_SEED={seed}: (threshold, archived at the kill, killed) {killed}")
    assert sum(was_killed for *_, was_killed in killed) >= KILLS - 1, killed
    final = run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path)
    assert final.returncode == 0, final.stderr[-3000:]
    assert_consistent(tmp_path, expected)
    assert not (tmp_path / "warc" / OPEN_MARKER).exists()


def test_readers_during_a_crawl_leave_its_warc_and_marker_alone(
    registry_file: Path, press: SamplePress, tmp_path: Path
) -> None:
    crawl = start_crawl(registry_file, tmp_path)
    deadline = time.monotonic() + 120
    while (archived_count(tmp_path) < 5 or not (tmp_path / "warc" / OPEN_MARKER).exists()) and crawl.poll() is None:
        assert time.monotonic() < deadline, "the crawl archived nothing"
        time.sleep(0.01)
    os.kill(crawl.pid, signal.SIGSTOP)  # frozen mid-crawl: its WARC file open, its marker there
    try:
        marker = (tmp_path / "warc" / OPEN_MARKER).read_text()
        before = {p.name: p.read_bytes() for p in (tmp_path / "warc").iterdir()}
        with Archive(tmp_path, readonly=True) as archive:
            index_archive(archive, SqliteBackend(tmp_path))  # the indexer reads too
            ids = [row[0] for row in archive.db.execute("SELECT id FROM articles")]
        client = create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(tmp_path)}).test_client()
        for doc_id in ids:
            response = client.get(f"/article/{doc_id}/archived")
            assert response.status_code == 200 and "Bản lưu trữ" in response.get_data(as_text=True)
        assert run_cli("export", data_dir=tmp_path).returncode == 0
        second = run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path)
        assert second.returncode == 75 and "locked by another run" in second.stderr, second.stderr[-2000:]
        assert f"pid {crawl.pid}" in second.stderr  # the message names the run holding the lock
        assert (tmp_path / "warc" / OPEN_MARKER).read_text() == marker
        assert {p.name: p.read_bytes() for p in (tmp_path / "warc").iterdir()} == before
    finally:
        os.kill(crawl.pid, signal.SIGCONT)
    _, stderr = crawl.communicate(timeout=300)
    assert crawl.returncode == 0, stderr[-3000:]
    assert_consistent(tmp_path, sorted(normalize_url(e["url"]) for e in press.expected_articles()))


def _file_size_limit(limit: int):  # noqa: ANN202 - a preexec_fn
    def apply() -> None:  # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_disk_that_fills_up_stops_the_crawl_with_a_clear_error(
    registry_file: Path, press: SamplePress, tmp_path: Path
) -> None:
    crawl = start_crawl(registry_file, tmp_path, preexec_fn=_file_size_limit(1_000_000))
    _, stderr = crawl.communicate(timeout=300)
    assert crawl.returncode == 1, stderr[-3000:]
    message = stderr.strip().splitlines()[-1]
    assert message.startswith("newsarchive crawl: cannot ") and "disk full?" in message, message
    archived = archived_count(tmp_path)
    assert 0 < archived < len(press.expected_articles())
    assert_consistent(tmp_path)
    final = run_cli("crawl", "--registry", str(registry_file), "--fast", data_dir=tmp_path)
    assert final.returncode == 0, final.stderr[-3000:]
    assert_consistent(tmp_path, sorted(normalize_url(e["url"]) for e in press.expected_articles()))
