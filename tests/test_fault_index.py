"""Fault suite, index side: documents whole or not at all, runs that stop on infrastructure errors
without advancing their position, SIGKILLed index and rebuild runs, writers that exclude each other.

SQLite and the Elasticsearch node `make test` starts (ELASTICSEARCH_URL), real processes and signals.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archive.locks import index_lock
from archive.store import Archive
from indexer.load import ARCHIVE_SEQ, index_archive
from newsarchive.config import Settings
from search.es_backend import ARTICLE_MAPPINGS, ElasticsearchBackend
from search.factory import open_backend
from search.model import BackendUnavailable, SearchRequest
from search.sqlite_backend import SqliteBackend
from tests.conftest import ROOT, run_cli
from tests.test_search_contract import CORPUS, ES_URL

EMBEDDED = ("sqlite", "tantivy")
FULL_AT = {"sqlite": 150_000, "tantivy": 10_000}  # largest file an index run may write: the index hits it
RNG = random.Random(int(os.environ.get("FAULT_SEED") or random.randrange(1 << 30)))


@pytest.fixture()
def archive_copy(crawled_dir: Path, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(crawled_dir, data_dir)
    return data_dir


def archive_facts(data_dir: Path) -> tuple[int, int]:
    """(articles, last sequence number) of the archive."""
    with Archive(data_dir, readonly=True) as archive:
        return archive.count(), archive.last_seq()


# -- whole documents, fatal errors --------------------------------------------------------------


def test_a_document_that_breaks_midway_leaves_nothing_behind(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path)
    with sqlite3.connect(tmp_path / "search.sqlite3") as db:  # a real SQLite failure on the last rows written
        db.execute(
            "CREATE TRIGGER poison BEFORE INSERT ON facets WHEN NEW.value = 'Quảng Trị' "
            "BEGIN SELECT RAISE(ABORT, 'poisoned facet'); END"
        )
    report = backend.index(CORPUS)
    poisoned = {d["id"] for d in CORPUS if d["province"] == "Quảng Trị"}
    assert poisoned and {doc_id for doc_id, _ in report.failed} == poisoned
    assert all("poisoned facet" in reason for _, reason in report.failed)
    assert report.indexed == len(CORPUS) - len(poisoned)
    for doc_id in poisoned:
        assert backend.get(doc_id) is None
    result = backend.search(SearchRequest(size=100))
    assert result.total == len(CORPUS) - len(poisoned) == len({h.doc["id"] for h in result.hits})
    assert "Quảng Trị" not in {v.value for v in result.facets["province"]}
    with sqlite3.connect(tmp_path / "search.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM fts").fetchone()[0] == report.indexed


def test_a_broken_index_file_is_unavailable_not_an_error_page(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path)
    backend.index(CORPUS)
    (tmp_path / "search.sqlite3").write_bytes(b"this is not a database" * 100)
    for read in (lambda: backend.get("party"), backend.officials, lambda: list(backend.iter_docs()),
                 lambda: backend.get_state("x"), lambda: backend.more_like_this("party")):  # fmt: skip
        with pytest.raises(BackendUnavailable):
            read()
    with pytest.raises(BackendUnavailable):
        backend.index(CORPUS)


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # Python ignores SIGXFSZ: a write past the limit fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("name", EMBEDDED)
def test_a_full_disk_stops_the_index_run_and_keeps_its_position(archive_copy: Path, name: str) -> None:
    articles, last = archive_facts(archive_copy)
    command = [sys.executable, "-m", "newsarchive.cli", "index", "--backend", name]
    env = {**os.environ, "NEWSARCHIVE_DATA_DIR": str(archive_copy)}
    full = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_file_size_limit(FULL_AT[name]),
    )
    assert full.returncode == 1, full.stderr[-2000:]
    assert "stopped, nothing recorded as done" in full.stderr, full.stderr[-2000:]
    backend = open_backend(Settings(data_dir=archive_copy), name=name)
    assert backend.get_state(ARCHIVE_SEQ) is None
    assert backend.search(SearchRequest()).total == 0  # the run's documents went in together or not at all
    rerun = run_cli("index", "--backend", name, data_dir=archive_copy)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert backend.get_state(ARCHIVE_SEQ) == str(last)
    assert backend.search(SearchRequest()).total == articles


# -- killed runs --------------------------------------------------------------------------------


def _kill_when(
    command: list[str], data_dir: Path, started: Callable[[], bool], env: dict[str, str], delay: float = 0.3
) -> bool:
    """Run a CLI command, SIGKILL it up to `delay` s after `started()`; True if it was killed running."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsarchive.cli", *command], cwd=ROOT,
        env={**os.environ, "NEWSARCHIVE_DATA_DIR": str(data_dir), **env},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not started() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(RNG.uniform(0, delay))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return proc.returncode == -signal.SIGKILL


def test_killed_sqlite_runs_leave_the_old_index_serving(archive_copy: Path) -> None:
    articles, last = archive_facts(archive_copy)
    backend = SqliteBackend(archive_copy)
    live = archive_copy / "search.sqlite3"
    first = _kill_when(["index", "--backend", "sqlite"], archive_copy, live.exists, {})
    assert backend.search(SearchRequest()).total in (0, articles), first  # never half a run
    assert run_cli("index", "--backend", "sqlite", data_dir=archive_copy).returncode == 0
    killed = 0
    for _ in range(3):
        killed += _kill_when(
            ["index", "--rebuild", "--backend", "sqlite"], archive_copy,
            lambda: any(archive_copy.glob("search.sqlite3.rebuild-*")), {},
        )  # fmt: skip
        assert backend.search(SearchRequest()).total == articles
        assert backend.get_state(ARCHIVE_SEQ) == str(last)
    assert killed >= 1
    rerun = run_cli("index", "--rebuild", "--backend", "sqlite", data_dir=archive_copy)
    assert rerun.returncode == 0, rerun.stderr[-2000:]  # the kernel dropped the killed runs' locks
    assert backend.search(SearchRequest()).total == articles
    assert not list(archive_copy.glob("search.sqlite3.rebuild-*"))


def test_killed_tantivy_runs_leave_the_old_index_serving(archive_copy: Path) -> None:
    articles, last = archive_facts(archive_copy)
    root = archive_copy / "tantivy"
    first = _kill_when(["index", "--backend", "tantivy"], archive_copy, (root / "CURRENT").exists, {})
    backend = open_backend(Settings(data_dir=archive_copy), name="tantivy")
    assert backend.search(SearchRequest()).total in (0, articles), first  # never half a run
    assert run_cli("index", "--backend", "tantivy", data_dir=archive_copy).returncode == 0
    live = (root / "CURRENT").read_text()
    held = 0  # kills that landed while the new generation was being written, before it was named live
    for _ in range(3):
        before, known = (root / "CURRENT").read_text(), set(root.glob("gen-*"))
        killed = _kill_when(
            ["index", "--rebuild", "--backend", "tantivy"], archive_copy,
            lambda known=known: bool(set(root.glob("gen-*")) - known), {}, delay=0.02,
        )  # fmt: skip
        assert backend.search(SearchRequest()).total == articles
        assert backend.get_state(ARCHIVE_SEQ) == str(last)
        held += killed and (root / "CURRENT").read_text() == before
    assert held >= 1
    rerun = run_cli("index", "--rebuild", "--backend", "tantivy", data_dir=archive_copy)
    assert rerun.returncode == 0, rerun.stderr[-2000:]  # the kernel dropped the killed runs' locks
    assert backend.search(SearchRequest()).total == articles
    assert (root / "CURRENT").read_text() != live
    assert [p.name for p in root.glob("gen-*")] == [(root / "CURRENT").read_text().strip()]  # dead builds gone


@pytest.mark.elasticsearch
def test_a_killed_elasticsearch_rebuild_leaves_the_old_index_serving(archive_copy: Path) -> None:
    articles, last = archive_facts(archive_copy)
    prefix = f"fault-{uuid.uuid4().hex[:8]}"
    env = {"ELASTICSEARCH_URL": ES_URL, "NEWSARCHIVE_INDEX_PREFIX": prefix}
    backend = ElasticsearchBackend(ES_URL, prefix=prefix)
    try:
        assert run_cli("index", "--backend", "elasticsearch", data_dir=archive_copy, env=env).returncode == 0
        live = set(backend.client.indices.get_alias(name=backend.articles_alias))
        pattern = f"{backend.articles_alias}-2*"
        killed_before_swap = 0
        for _ in range(3):  # a small archive can finish its rebuild before the kill lands: then it is whole
            known = set(backend.client.indices.get(index=pattern))

            def started(known: set[str] = known) -> bool:
                return bool(set(backend.client.indices.get(index=pattern)) - known)

            _kill_when(["index", "--rebuild", "--backend", "elasticsearch"], archive_copy, started, env, 0.1)
            serving = set(backend.client.indices.get_alias(name=backend.articles_alias))
            assert len(serving) == 1 and backend.search(SearchRequest()).total == articles
            killed_before_swap += serving == live
            live = serving
        assert killed_before_swap >= 1
        rerun = run_cli("index", "--rebuild", "--backend", "elasticsearch", data_dir=archive_copy, env=env)
        assert rerun.returncode == 0, rerun.stderr[-2000:]
        assert backend.search(SearchRequest()).total == articles
        assert backend.get_state(ARCHIVE_SEQ) == str(last)
        remaining = set(backend.client.indices.get(index=f"{backend.articles_alias}-*"))
        assert remaining == set(backend.client.indices.get_alias(name=backend.articles_alias))  # orphan dropped
    finally:
        backend.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        backend.close()


# -- writers exclude each other -----------------------------------------------------------------


def test_a_second_index_run_exits_or_waits_with_a_message(archive_copy: Path) -> None:
    with index_lock(archive_copy, "sqlite"):
        refused = run_cli("index", "--backend", "sqlite", data_dir=archive_copy)
    assert refused.returncode == 75, refused.stderr
    assert "the search index sqlite is locked by another run" in refused.stderr
    assert f"pid {os.getpid()} on {socket.gethostname()}" in refused.stderr

    lock = index_lock(archive_copy, "sqlite").acquire()
    threading.Timer(1.5, lock.release).start()
    waited = run_cli("index", "--backend", "sqlite", data_dir=archive_copy, env={"NEWSARCHIVE_LOCK_WAIT": "60"})
    assert waited.returncode == 0, waited.stderr
    assert "waiting up to 60 s for the search index sqlite" in waited.stderr


def test_a_live_rebuild_file_is_never_deleted(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        running = tmp_path / f"search.sqlite3.rebuild-{sleeper.pid}"
        abandoned = tmp_path / f"search.sqlite3.rebuild-{dead.pid}"
        running.write_bytes(b"another run's work")
        abandoned.write_bytes(b"a dead run's leftovers")
        assert SqliteBackend(tmp_path).rebuild(CORPUS).indexed == len(CORPUS)
        assert running.read_bytes() == b"another run's work" and not abandoned.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.fixture()
def es_prefix() -> Iterator[str]:
    prefix = f"fault-{uuid.uuid4().hex[:8]}"
    yield prefix
    cleanup = ElasticsearchBackend(ES_URL, prefix=prefix)
    cleanup.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    cleanup.close()


@pytest.mark.elasticsearch
def test_first_use_races_make_one_index_per_alias_and_stay_green(es_prefix: str) -> None:
    backends = [ElasticsearchBackend(ES_URL, prefix=es_prefix) for _ in range(8)]
    barrier = threading.Barrier(len(backends))
    errors: list[BaseException] = []

    def first_request(backend: ElasticsearchBackend) -> None:
        barrier.wait()
        try:
            backend.get("nothing")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=first_request, args=(b,)) for b in backends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    client = backends[0].client
    for alias in (backends[0].articles_alias, backends[0].officials_alias):
        assert list(client.indices.get_alias(name=alias)) == [f"{alias}-initial"]
    backends[0].set_state("k", "v")
    assert client.cluster.health(index=f"{es_prefix}-*", timeout="10s")["status"] == "green"  # no unassigned copy
    for backend in backends:
        backend.close()


@pytest.mark.elasticsearch
def test_a_live_rebuild_index_is_never_dropped(es_prefix: str) -> None:
    backend = ElasticsearchBackend(ES_URL, prefix=es_prefix)
    backend.rebuild(CORPUS[:2])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = socket.gethostname()
    builders = {"20000101000000000001": f"{host}:{os.getpid()}", "20000101000000000002": f"{host}:{dead.pid}"}
    for suffix, builder in builders.items():
        backend.client.indices.create(
            index=f"{backend.articles_alias}-{suffix}", mappings={**ARTICLE_MAPPINGS, "_meta": {"builder": builder}},
            settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
        )  # fmt: skip
    assert backend.rebuild(CORPUS).indexed == len(CORPUS)
    remaining = set(backend.client.indices.get(index=f"{backend.articles_alias}-*"))
    assert f"{backend.articles_alias}-20000101000000000001" in remaining  # a running rebuild's: kept
    assert f"{backend.articles_alias}-20000101000000000002" not in remaining  # a dead run's: dropped


@pytest.mark.elasticsearch
def test_a_write_blocked_index_stops_the_run_and_keeps_its_position(archive_copy: Path, es_prefix: str) -> None:
    """Elasticsearch blocks writes like this when a node's disk passes the flood-stage watermark."""
    articles, last = archive_facts(archive_copy)
    backend = ElasticsearchBackend(ES_URL, prefix=es_prefix)
    backend.set_state(ARCHIVE_SEQ, "0")
    backend.client.indices.put_settings(index=backend.articles_alias, settings={"index.blocks.write": True})
    with Archive(archive_copy, readonly=True) as archive, pytest.raises(BackendUnavailable, match="cluster_block"):
        index_archive(archive, backend)
    assert backend.get_state(ARCHIVE_SEQ) == "0"
    backend.client.indices.put_settings(index=backend.articles_alias, settings={"index.blocks.write": None})
    with Archive(archive_copy, readonly=True) as archive:
        summary = index_archive(archive, backend)
    assert summary.indexed == articles and not summary.failed
    assert backend.get_state(ARCHIVE_SEQ) == str(last)
    backend.close()
