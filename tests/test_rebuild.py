"""A rebuild killed midway leaves the old index serving, on every backend."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from search.backend import SearchBackend
from search.es_backend import ElasticsearchBackend
from search.model import SearchRequest
from search.sqlite_backend import SqliteBackend
from search.tantivy_backend import TantivyBackend
from tests.test_search_contract import CORPUS, ES_URL

ROOT = Path(__file__).resolve().parent.parent

# Rebuilds from a stream that stalls halfway (after printing HALFWAY), so the test can kill it there.
STALLING_REBUILD = textwrap.dedent("""
    import sys, time, json
    from newsarchive.config import Settings
    from search.factory import open_backend
    backend = open_backend(Settings(backend=sys.argv[1], data_dir=sys.argv[2], elasticsearch_url=sys.argv[3]))
    def docs():
        for i in range(400):
            if i == 200:
                print("HALFWAY", flush=True)
                time.sleep(600)
            yield {"id": f"new-{i}", "title": "Bài mới", "lead": "", "body": "Nội dung mới", "paper": "X",
                   "province": "Y", "published": None, "officials": [], "topics": [], "topic_names": []}
    backend.rebuild(docs())
""")


def kill_rebuild_midway(name: str, data_dir: Path, url: str, env: dict[str, str]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", STALLING_REBUILD, name, str(data_dir), url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "HALFWAY"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.parametrize("name", ["sqlite", "tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def test_killed_rebuild_keeps_the_old_index_serving(name: str, tmp_path: Path) -> None:
    prefix = f"rebuild-{uuid.uuid4().hex[:8]}"
    embedded = {"sqlite": SqliteBackend, "tantivy": TantivyBackend}
    backend: SearchBackend = (
        embedded[name](tmp_path) if name in embedded else ElasticsearchBackend(ES_URL, prefix=prefix)
    )
    try:
        assert backend.rebuild(CORPUS).indexed == len(CORPUS)
        kill_rebuild_midway(name, tmp_path, ES_URL, {"NEWSARCHIVE_INDEX_PREFIX": prefix})
        result = backend.search(SearchRequest(q="Đảng"))
        assert {h.doc["id"] for h in result.hits} == {"party", "reform"}
        assert backend.search(SearchRequest()).total == len(CORPUS)
        assert backend.rebuild(CORPUS[:2]).indexed == 2  # the next rebuild cleans up and swaps
        assert backend.search(SearchRequest()).total == 2
        if isinstance(backend, ElasticsearchBackend):
            indices = backend.client.indices.get(index=f"{prefix}-articles-*")
            assert list(indices) == list(backend.client.indices.get_alias(name=backend.articles_alias))
            settings = next(iter(indices.values()))["settings"]["index"]
            assert settings["auto_expand_replicas"] == "0-1"  # the configured replicas, restored at the swap
            assert "refresh_interval" not in settings
            assert backend.client.cluster.health(index=f"{prefix}-*")["status"] == "green"
        elif name == "tantivy":  # the dead rebuild's generation and the replaced one are gone
            assert [p.name for p in (tmp_path / "tantivy").glob("gen-*")] == [
                (tmp_path / "tantivy" / "CURRENT").read_text()
            ]
        else:
            assert not list(tmp_path.glob("search.sqlite3.rebuild-*"))
    finally:
        if isinstance(backend, ElasticsearchBackend):
            backend.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
