"""A real 3-node cluster on loopback: one replica per index, failover under a search load, Elasticsearch
stopped (and hung) under the indexer and the web app.

The cluster comes from `scripts/es-node cluster start` (started here unless it already answers, and
stopped again at the end). The failover figures are written to test-artifacts/cluster-failover.json
and quoted in docs/elasticsearch.md.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from archive.store import Archive
from search.es_backend import ElasticsearchBackend
from search.model import BackendUnavailable, SearchRequest
from tests.conftest import ROOT, run_cli
from tests.es_cluster import PORTS, URLS, client, es_node, node_pid, start_cluster, wait_health
from tests.test_search_contract import doc
from webapp import create_app

pytestmark = [pytest.mark.elasticsearch, pytest.mark.cluster]

DOCS = [
    doc(f"c{i:04d}", f"Hội nghị số {i} của Đảng bộ", f"Bài {i}: Đảng bộ xã bàn việc dân sinh.", province="Cà Mau")
    for i in range(240)
]
LOAD_SECONDS_MAX = 240  # the search load stops by itself after this, whatever happens
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Elasticsearch]:
    started = start_cluster()
    es = client()
    wait_health(es, "green", len(PORTS))
    yield es
    es.close()
    if started:
        es_node("cluster", "stop")


@pytest.fixture(scope="module")
def loaded(cluster: Elasticsearch) -> Iterator[ElasticsearchBackend]:
    prefix = f"cluster-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(",".join(URLS), prefix=prefix)
    assert backend.rebuild(DOCS).indexed == len(DOCS)
    backend.put_officials([{"id": "a", "name": "A"}])
    backend.set_state("archive_seq", "7")
    yield backend
    cluster.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    backend.close()


def test_every_index_has_one_replica_and_the_cluster_is_green(cluster: Elasticsearch, loaded: ElasticsearchBackend):
    prefix = loaded.articles_alias.removesuffix("-articles")
    shards = cluster.cat.shards(index=f"{prefix}-*", format="json")
    copies: dict[str, list[str]] = {}
    for shard in shards:
        copies.setdefault(shard["index"], []).append(shard["prirep"])
        assert shard["state"] in ("STARTED", "RELOCATING"), shard  # the balancer may move a copy
    live = set(cluster.indices.get_alias(name=[loaded.articles_alias, loaded.officials_alias]))
    assert {*live, loaded.state_index} <= set(copies)
    for index in {*live, loaded.state_index}:
        assert sorted(copies[index]) == ["p", "r"], index  # the rebuilt index got its replica back at the swap
    assert cluster.cluster.health(index=f"{prefix}-*")["status"] == "green"


def _search_load(web: ElasticsearchBackend, stop: threading.Event, results: list[tuple[float, float, object]]) -> None:
    """Search until told to stop (or LOAD_SECONDS_MAX): (start, seconds, total or error) per request."""
    deadline = time.monotonic() + LOAD_SECONDS_MAX
    while not stop.is_set() and time.monotonic() < deadline:
        began = time.monotonic()
        try:
            outcome: object = web.search(SearchRequest(q="dang", size=5)).total
        except BackendUnavailable as exc:
            outcome = f"{type(exc).__name__}: {str(exc)[:160]}"
        results.append((began, time.monotonic() - began, outcome))
        time.sleep(0.05)


def _primary_port(cluster: Elasticsearch, index_alias: str) -> int:
    shards = cluster.cat.shards(index=index_alias, format="json")
    return int(next(s["node"] for s in shards if s["prirep"] == "p").removeprefix("node-"))


def test_a_lost_node_costs_only_the_failover_window(cluster: Elasticsearch, loaded: ElasticsearchBackend) -> None:
    victim = _primary_port(cluster, loaded.articles_alias)  # the node that holds the primary: the hard case
    survivor = client(next(port for port in PORTS if port != victim))
    web = ElasticsearchBackend(
        ",".join(URLS), prefix=loaded.articles_alias.removesuffix("-articles"), request_timeout=3, max_retries=1,
        retry_on_timeout=False,
    )  # fmt: skip
    results: list[tuple[float, float, object]] = []
    stop = threading.Event()
    load = threading.Thread(target=_search_load, args=(web, stop, results), daemon=True)
    load.start()
    try:
        time.sleep(2)
        stopped_at = time.monotonic()
        es_node("stop", port=victim)
        wait_health(survivor, "yellow", len(PORTS) - 1)
        yellow_at = time.monotonic()
        time.sleep(5)  # steady state on two nodes: every search must answer in full
        restarted_at = time.monotonic()
        es_node("start", port=victim)
        wait_health(survivor, "green", len(PORTS))
        green_at = time.monotonic()
        time.sleep(1)
    finally:
        stop.set()
        load.join(timeout=30)
        web.close()
        survivor.close()
    errors = [(t, outcome) for t, _, outcome in results if outcome != len(DOCS)]
    steady = [outcome for t, _, outcome in results if yellow_at + 1 <= t <= restarted_at]
    figures = {
        "searches": len(results),
        "failed_searches": len(errors),
        "failed_while_failing_over": sum(stopped_at <= t <= yellow_at for t, _ in errors),
        "failed_while_rejoining": sum(restarted_at <= t <= green_at for t, _ in errors),
        "seconds_stop_to_yellow": round(yellow_at - stopped_at, 1),
        "seconds_restart_to_green": round(green_at - restarted_at, 1),
        "slowest_search_seconds": round(max(seconds for _, seconds, _ in results), 2),
        "errors": sorted({str(outcome) for _, outcome in errors})[:5],
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "cluster-failover.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    print(f"\ncluster failover: {json.dumps(figures, ensure_ascii=False)}")
    assert steady and all(outcome == len(DOCS) for outcome in steady), figures  # searches keep answering
    assert all(stopped_at <= t <= yellow_at + 1 or restarted_at <= t <= green_at + 1 for t, _ in errors), figures
    assert figures["slowest_search_seconds"] < 5, figures
    assert {d["id"] for d in loaded.iter_docs()} == {d["id"] for d in DOCS}  # no document lost
    assert loaded.search(SearchRequest()).total == len(DOCS)
    assert loaded.get_state("archive_seq") == "7"


# Runs `newsarchive index` (the real command) over an archive whose article stream pauses after a few
# articles until GO exists, so the test can stop Elasticsearch in the middle of the run.
PAUSING_INDEX = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import archive.store
    from newsarchive.cli import main

    class PausingArchive(archive.store.Archive):
        def articles(self, since_seq=0, batch=500):
            for number, item in enumerate(super().articles(since_seq, batch)):
                if number == 3:
                    print("HALFWAY", flush=True)
                    while not Path(sys.argv[1]).exists():
                        time.sleep(0.1)
                yield item

    archive.store.Archive = PausingArchive
    sys.exit(main(["index", "--backend", "elasticsearch"]))
""")


def _timed_get(web: object, path: str) -> tuple[int, float, str]:
    began = time.monotonic()
    response = web.get(path)  # type: ignore[attr-defined]
    return response.status_code, time.monotonic() - began, response.get_data(as_text=True)


def test_elasticsearch_stopped_under_the_indexer_and_the_web_app(
    cluster: Elasticsearch, crawled_dir: Path, tmp_path: Path
) -> None:
    """The indexer and the web app talk to one member only; from their side, Elasticsearch stops."""
    port = PORTS[-1]
    url = f"http://127.0.0.1:{port}"
    data_dir = tmp_path / "data"
    shutil.copytree(crawled_dir, data_dir)
    prefix = f"stopped-{uuid.uuid4().hex[:8]}"
    env = {"NEWSARCHIVE_DATA_DIR": str(data_dir), "ELASTICSEARCH_URL": url, "NEWSARCHIVE_INDEX_PREFIX": prefix}
    web = create_app(
        {"NEWSARCHIVE_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": url, "NEWSARCHIVE_INDEX_PREFIX": prefix,
         "NEWSARCHIVE_DATA_DIR": str(data_dir)}
    ).test_client()  # fmt: skip
    observer = ElasticsearchBackend(URLS[0], prefix=prefix)
    go = tmp_path / "go"
    indexer = subprocess.Popen(
        [sys.executable, "-c", PAUSING_INDEX, str(go)], cwd=ROOT, env={**os.environ, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert indexer.stdout is not None and indexer.stdout.readline().strip() == "HALFWAY"
        assert _timed_get(web, "/?q=dang")[0] == 200
        es_node("stop", port=port)
        for path in ("/?q=dang", "/api/v1/search?q=dang", "/api/v1/articles/abc"):
            status, seconds, _ = _timed_get(web, path)
            assert status == 503 and seconds < 5, (path, status, seconds)
        go.touch()
        _, stderr = indexer.communicate(timeout=120)
        assert indexer.returncode != 0 and "nothing recorded as done" in stderr, stderr[-2000:]
        assert observer.get_state("archive_seq") is None  # the position was not advanced
    finally:
        go.touch()
        if indexer.poll() is None:
            indexer.kill()
        es_node("start", port=port)
    wait_health(cluster, "green", len(PORTS))
    rerun = run_cli("index", "--backend", "elasticsearch", data_dir=data_dir, env=env)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with Archive(data_dir, readonly=True) as archive:
        assert observer.get_state("archive_seq") == str(archive.last_seq())
        assert observer.search(SearchRequest()).total == archive.count()
    status, _, page = _timed_get(web, "/?q=dang")
    assert status == 200 and "Tìm kiếm tạm thời không hoạt động" not in page  # recovered
    observer.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    observer.close()


def test_a_hung_node_answers_503_within_five_seconds(
    cluster: Elasticsearch, loaded: ElasticsearchBackend, tmp_path: Path
) -> None:
    port = PORTS[-1]
    prefix = loaded.articles_alias.removesuffix("-articles")
    web = create_app(
        {"NEWSARCHIVE_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": f"http://127.0.0.1:{port}",
         "NEWSARCHIVE_INDEX_PREFIX": prefix, "NEWSARCHIVE_DATA_DIR": str(tmp_path)}
    ).test_client()  # fmt: skip
    assert _timed_get(web, "/api/v1/search?q=dang")[0] == 200
    pid = node_pid(cluster, port)
    os.kill(pid, signal.SIGSTOP)  # alive but answering nothing, as a node stuck in garbage collection
    try:
        for path in ("/api/v1/search?q=dang", "/?q=dang"):
            status, seconds, _ = _timed_get(web, path)
            assert status == 503 and seconds < 5, (path, status, seconds)
    finally:
        os.kill(pid, signal.SIGCONT)
    wait_health(cluster, "green", len(PORTS))
    status, _, body = _timed_get(web, "/api/v1/search?q=dang")
    assert status == 200 and json.loads(body)["total"] == len(DOCS)
