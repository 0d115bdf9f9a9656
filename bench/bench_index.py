"""Bulk indexing throughput (docs/s) of both backends' `rebuild`, beside raw `helpers.bulk` as the ceiling.

    ELASTICSEARCH_URL=http://127.0.0.1:9600 .venv/bin/python bench/bench_index.py [--sizes 10000,100000] [--repeat 3]

For each size N the same synthetic corpus (bench/generate.py) is loaded, `--repeat` times, by:
  sqlite   SqliteBackend.rebuild(docs) into a fresh data dir (FTS5, one transaction, rename over)
  es       ElasticsearchBackend.rebuild(docs): es_document() per doc, bulk, refresh, alias swap
  ceiling  helpers.bulk of the SAME documents, es_document() computed beforehand (untimed), into a fresh
           index with the same mappings and load settings (one shard, no replica, refresh_interval -1),
           then the same refresh: what the node takes from one serial client, the Python work excluded.
Every timing runs from index creation to the final refresh, search.terms' caches emptied before it.
After one untimed warm-up load, the median of the repeats is reported; ES / ceiling is computed per
repeat (the two run back to back, their order alternating) and its median taken.
Indices are named `bench-<random>-*` and deleted at the end, even after an error.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from elasticsearch import Elasticsearch, helpers  # noqa: E402

from bench.generate import generate  # noqa: E402
from newsarchive.config import settings  # noqa: E402
from search import es_backend, terms  # noqa: E402
from search.es_backend import ARTICLE_MAPPINGS, SETTINGS, ElasticsearchBackend, es_document  # noqa: E402
from search.sqlite_backend import SqliteBackend  # noqa: E402

LOAD_SETTINGS = {**SETTINGS, "refresh_interval": "-1", "number_of_replicas": 0}


def clear_term_caches() -> None:
    """Start each load with the term caches of search.terms cold, as a fresh indexer process would."""
    for name in ("_exact", "_folded", "_folded_exact"):
        cached = getattr(terms, name, None)
        if cached is not None:
            cached.cache_clear()


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    """(seconds, documents indexed) of one load, term caches cold."""
    clear_term_caches()
    start = time.perf_counter()
    indexed = fn()
    return time.perf_counter() - start, indexed


def ceiling_load(client: Elasticsearch, index: str, prebuilt: list[dict[str, Any]]) -> int:
    """Raw bulk of prebuilt ES documents into a fresh index, then refresh; returns the documents indexed."""
    client.indices.create(index=index, settings=LOAD_SETTINGS, mappings=ARTICLE_MAPPINGS)
    actions = ({"_index": index, "_id": doc["id"], "_source": doc} for doc in prebuilt)
    indexed, _ = helpers.bulk(
        client, actions, chunk_size=es_backend.BULK_CHUNK, max_retries=5, raise_on_error=False, stats_only=True
    )
    client.indices.put_settings(index=index, settings={"refresh_interval": None})
    client.indices.refresh(index=index)
    return indexed


def es_load(backend: ElasticsearchBackend, docs: list[dict[str, Any]]) -> int:
    return backend.rebuild(docs).indexed


def sqlite_load(docs: list[dict[str, Any]]) -> Callable[[], int]:
    data_dir = Path(tempfile.mkdtemp(prefix="bench-sqlite-"))
    backend = SqliteBackend(data_dir)

    def load() -> int:
        try:
            return backend.rebuild(docs).indexed
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)

    return load


def bench_size(
    client: Elasticsearch, url: str, prefix: str, docs: list[dict[str, Any]], repeat: int, backends: list[str]
) -> dict[str, list[float]]:
    """docs/s of each loader, one value per repeat (and 'ratio': es/ceiling per repeat)."""
    n = len(docs)
    prebuilt = [es_document(doc) for doc in docs] if "elasticsearch" in backends else []
    gc.collect()
    gc.freeze()  # the corpus is long-lived: keep it out of the collector's scans (as a streaming indexer would)
    if "elasticsearch" in backends:  # warm the node (JIT, caches) up once, untimed
        ceiling_load(client, f"{prefix}-warmup", prebuilt[:5000])
        client.indices.delete(index=f"{prefix}-warmup")
    rates: dict[str, list[float]] = {}
    for rep in range(repeat):
        runs: list[tuple[str, Callable[[], int]]] = []
        if "elasticsearch" in backends:
            es_runs = [
                ("ceiling", partial(ceiling_load, client, f"{prefix}-ceiling{rep}", prebuilt)),
                ("es", partial(es_load, ElasticsearchBackend(url, prefix=f"{prefix}-es{rep}", client=client), docs)),
            ]
            runs += es_runs if rep % 2 == 0 else es_runs[::-1]
        if "sqlite" in backends:
            runs.append(("sqlite", sqlite_load(docs)))
        for name, load in runs:
            seconds, indexed = timed(load)
            if indexed != n:
                raise RuntimeError(f"{name}: indexed {indexed} of {n} documents")
            rates.setdefault(name, []).append(n / seconds)
            print(f"  N={n} rep={rep + 1} {name:<8} {n / seconds:8.0f} docs/s ({seconds:.1f} s)", flush=True)
        if "elasticsearch" in backends:
            rates.setdefault("ratio", []).append(rates["es"][-1] / rates["ceiling"][-1])
            client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    gc.unfreeze()
    return rates


def report(results: dict[int, dict[str, list[float]]]) -> str:
    """A Markdown table: median (min-max) docs/s per loader and size, and the ES/ceiling ratio."""
    names = [n for n in ("sqlite", "es", "ceiling") if any(n in r for r in results.values())]
    lines = ["| N | " + " | ".join(names) + " | ES / ceiling |", "|---" * (len(names) + 2) + "|"]
    for n, rates in results.items():
        cells = [
            f"{statistics.median(rates[name]):.0f} ({min(rates[name]):.0f}-{max(rates[name]):.0f})"
            if name in rates
            else "-"
            for name in names
        ]
        ratio = f"{statistics.median(rates['ratio']):.0%}" if "ratio" in rates else "-"
        lines.append(f"| {n:,} | " + " | ".join(cells) + f" | {ratio} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--url", default=settings().elasticsearch_url)
    parser.add_argument("--json", type=Path, help="also write the raw rates here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    backends = args.backends.split(",")
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    client = Elasticsearch(args.url, request_timeout=120, retry_on_timeout=True, max_retries=3)
    print(f"generating {max(sizes):,} articles (seed {args.seed}) ...", flush=True)
    corpus = list(generate(max(sizes), args.seed))
    results: dict[int, dict[str, list[float]]] = {}
    try:
        for n in sizes:
            results[n] = bench_size(client, args.url, prefix, corpus[:n], args.repeat, backends)
    finally:
        client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        client.close()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps({str(n): r for n, r in results.items()}, indent=1))


if __name__ == "__main__":
    main()
