"""Search latency p50/p95 of a fixed query mix on each backend, at several corpus sizes.

    ELASTICSEARCH_URL=http://127.0.0.1:9600 .venv/bin/python bench/bench_query.py \
        --sizes 100000,300000 --rounds 3 --json OUT.json [--backends sqlite,tantivy,elasticsearch]

The synthetic corpus (bench/generate.py) of the largest size is written once to a temporary JSONL file;
for each size its first N documents are streamed into each backend's `rebuild` (timed: index_docs_per_s),
every query of the mix (facet values: the most common ones of the smallest size) runs once to warm up
(SQLite reads its facet columns then: first_search_ms), then `--rounds` rounds run every query once
each (round-robin, so noise is spread over all queries). A latency
is the wall time of `backend.search(request)` as the web app's search page calls it: 20 hits with snippets,
every facet (20 values each) and the month histogram, estimated on the fixed sample when more than
`--estimate-above` articles match (search.sampling; the setting's default); the same request counting
exactly (`exact=1`) is timed right after it, as `exact`. Elasticsearch's request cache is emptied before
each timed search (the rounds repeat the same queries). p50/p95 (nearest rank) pool every query of every round.
Hit counts are printed per backend: all must agree (the search contract), or the script names the queries
that differ and exits with status 1 at the end. The index size on disk is taken after the rebuild (the
embedded backends' directory; Elasticsearch's store size of the index). Indices are named
`bench-q-<random>-*` and deleted at the end; the embedded backends' files live in a temp dir.

--json writes {"<backend>": {"<size>": {"p50_ms", "p95_ms", "exact_p50_ms", "exact_p95_ms", "index_docs_per_s",
"first_search_ms", "index_mb", "queries": {name: {"p50_ms", "p95_ms", "exact_p95_ms", "hits"}}}}}.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from newsarchive.config import settings  # noqa: E402
from search import es_snippets, sqlite_backend, tantivy_backend  # noqa: E402
from search.backend import SearchBackend  # noqa: E402
from search.es_backend import ElasticsearchBackend  # noqa: E402
from search.model import SearchRequest  # noqa: E402
from search.sqlite_backend import SqliteBackend  # noqa: E402
from search.tantivy_backend import TantivyBackend  # noqa: E402

_snippet_seconds = [0.0]  # time in hit_snippet (embedded backends: Python snippets; ES: the highlight as markup)


def _timed_snippets(module: Any) -> None:
    """Wrap a backend module's hit_snippet to add its time to _snippet_seconds."""
    original = module.hit_snippet

    def hit_snippet(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _snippet_seconds[0] += time.perf_counter() - start

    module.hit_snippet = hit_snippet


for _module in (es_snippets, sqlite_backend, tantivy_backend):
    _timed_snippets(_module)


def query_mix(docs: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Name → SearchRequest arguments; facet values are the most common ones of `docs`."""
    provinces, officials = Counter(), Counter()
    for d in docs:
        provinces[d["province"]] += 1
        officials.update(o["id"] for o in d["officials"])
    province, official = provinces.most_common(1)[0][0], officials.most_common(1)[0][0]
    return {
        "plain words": {"q": "dang vien"},
        "accented words": {"q": "xây dựng Đảng"},
        "mixed accents": {"q": "cải cach hanh chính"},
        "common word": {"q": "tỉnh"},
        "phrase": {"q": '"phòng chống thiên tai"'},
        "exclusion": {"q": "bão -lũ"},
        "OR": {"q": "lúa OR tôm"},
        "facet filters": {"filters": {"province": [province], "topics": ["xay-dung-dang"]}},
        "official filter": {"filters": {"officials": [official]}},
        "words + year": {"q": "hộ nghèo", "filters": {"year": ["2020"]}},
        "date range": {"q": "thiên tai", "date_from": date(2019, 1, 1), "date_to": date(2019, 12, 31)},
        "sort newest": {"q": "chuyển đổi số", "sort": "newest"},
        "browse newest": {"sort": "newest"},
        "page 50": {"q": "công tác", "page": 50},
    }


def request(args: dict[str, Any], estimate_above: int | None = None) -> SearchRequest:
    """The request the web app's search page makes: facets and month histogram on."""
    return SearchRequest(**args, periods="month", estimate_above=estimate_above)


class Run:
    """The latencies of one backend at one size: per query, and the part of each spent on snippets."""

    def __init__(self, mix: dict[str, dict[str, Any]]) -> None:
        self.times: dict[str, list[float]] = {name: [] for name in mix}
        self.exact: dict[str, list[float]] = {name: [] for name in mix}
        self.snippets: list[float] = []
        self.totals: dict[str, int] = {}
        self.index_docs_per_s = 0.0
        self.first_search_s = 0.0
        self.index_bytes = 0

    def every(self, exact: bool = False) -> list[float]:
        return [t for ts in (self.exact if exact else self.times).values() for t in ts]


def measure(backend: SearchBackend, mix: dict[str, dict[str, Any]], rounds: int, estimate_above: int | None) -> Run:
    """Every query once to warm up (and count hits), then `rounds` timed rounds: each query as the page asks
    it, then counting exactly."""
    run = Run(mix)
    start = time.perf_counter()
    first = next(iter(mix))
    run.totals[first] = backend.search(request(mix[first])).total
    run.first_search_s = time.perf_counter() - start
    run.totals.update({name: backend.search(request(args, estimate_above)).total for name, args in mix.items()})
    for _ in range(rounds):
        for name, args in mix.items():
            _snippet_seconds[0] = 0.0
            uncached(backend)
            start = time.perf_counter()
            backend.search(request(args, estimate_above))
            run.times[name].append(time.perf_counter() - start)
            run.snippets.append(_snippet_seconds[0])
            uncached(backend)
            start = time.perf_counter()
            backend.search(request(args))
            run.exact[name].append(time.perf_counter() - start)
    return run


def uncached(backend: SearchBackend) -> None:
    """Empty Elasticsearch's shard request cache (untimed): it keeps the answers of size-0 requests, such as
    the page's counts, and every round repeats the same queries, which different readers would not."""
    if isinstance(backend, ElasticsearchBackend):
        backend.client.indices.clear_cache(index=backend.articles_alias, request=True)


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {p95(values) * 1000:.1f}"


def table(results: dict[tuple[int, str], Run], mix: dict[str, dict[str, Any]], rounds: int) -> str:
    """Markdown: p50 / p95 ms per query and column, the whole mix, and the share of time spent on snippets."""
    keys = list(results)
    lines = [
        f"p50 / p95 latency in ms of backend.search(), {rounds} rounds after one warm-up round",
        "",
        "| query | " + " | ".join(f"{name} {n // 1000}k" for n, name in keys) + " | hits |",
        "|---" * (len(keys) + 2) + "|",
    ]
    for query in mix:
        hits = " / ".join(f"{results[key].totals[query]:,}" for key in keys if key[1] == keys[0][1])
        lines.append(f"| {query} | " + " | ".join(ms(results[key].times[query]) for key in keys) + f" | {hits} |")
    lines.append("| **whole mix** | " + " | ".join(f"**{ms(results[key].every())}**" for key in keys) + " | |")
    exact = " | ".join(ms(results[key].every(exact=True)) for key in keys)
    lines.append(f"| whole mix, exact counts | {exact} | |")
    shares = [sum(results[key].snippets) / sum(results[key].every()) for key in keys]
    lines.append("| of which snippets | " + " | ".join(f"{share:.0%}" for share in shares) + " | |")
    lines.append("| `rebuild` docs/s | " + " | ".join(f"{results[key].index_docs_per_s:,.0f}" for key in keys) + " | |")
    lines.append(
        "| index on disk, MB | " + " | ".join(f"{results[key].index_bytes / 1e6:,.0f}" for key in keys) + " | |"
    )
    return "\n".join(lines)


def as_json(results: dict[tuple[int, str], Run]) -> dict[str, dict[str, dict[str, Any]]]:
    """{"<backend>": {"<size>": {p50_ms, p95_ms, index_docs_per_s, first_search_ms, queries}}}."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (n, name), run in results.items():
        every = run.every()
        out.setdefault(name, {})[str(n)] = {
            "p50_ms": round(statistics.median(every) * 1000, 1),
            "p95_ms": round(p95(every) * 1000, 1),
            "exact_p50_ms": round(statistics.median(run.every(exact=True)) * 1000, 1),
            "exact_p95_ms": round(p95(run.every(exact=True)) * 1000, 1),
            "index_docs_per_s": round(run.index_docs_per_s),
            "first_search_ms": round(run.first_search_s * 1000, 1),
            "index_mb": round(run.index_bytes / 1e6, 1),
            "queries": {
                q: {
                    "p50_ms": round(statistics.median(t) * 1000, 1),
                    "p95_ms": round(p95(t) * 1000, 1),
                    "exact_p95_ms": round(p95(run.exact[q]) * 1000, 1),
                    "hits": run.totals[q],
                }
                for q, t in run.times.items()
            },
        }
    return out


def write_corpus(path: Path, count: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc in generate(count, seed):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def read_corpus(path: Path, count: int) -> Iterator[dict[str, Any]]:
    """The first `count` documents of a JSONL corpus, streamed."""
    with path.open(encoding="utf-8") as lines:
        for line in islice(lines, count):
            yield json.loads(line)


def drop(backend: SearchBackend, folder: Path) -> None:
    """Free what a measured backend holds (its index), so the next one does not share memory with it."""
    if isinstance(backend, ElasticsearchBackend):
        backend.client.indices.delete(index=f"{backend.articles_alias}-*", ignore_unavailable=True)
    backend.close()
    shutil.rmtree(folder, ignore_errors=True)


def open_backend(name: str, n: int, data_dir: Path, url: str, prefix: str) -> SearchBackend:
    if name == "sqlite":
        return SqliteBackend(data_dir / str(n))
    if name == "tantivy":
        return TantivyBackend(data_dir / str(n))
    return ElasticsearchBackend(url, prefix=f"{prefix}-{n}")


def index_bytes(backend: SearchBackend, folder: Path) -> int:
    """What the index takes on disk: the embedded backend's folder, or the Elasticsearch index's store."""
    if isinstance(backend, ElasticsearchBackend):
        stats = backend.client.indices.stats(index=backend.articles_alias, metric="store")
        return int(stats["_all"]["total"]["store"]["size_in_bytes"])
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def differing(results: dict[tuple[int, str], Run], n: int, names: list[str]) -> list[str]:
    """The queries whose hit counts at size n are not the same on every backend."""
    first = results[n, names[0]].totals
    return [q for q in first if any(results[n, name].totals[q] != first[q] for name in names[1:])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--backends", default="sqlite,elasticsearch")
    parser.add_argument("--url", default=settings().elasticsearch_url)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument(
        "--estimate-above", type=int, default=settings().facet_estimate_above, help="as the setting; 0: exact"
    )
    args = parser.parse_args()
    sizes, names = [int(s) for s in args.sizes.split(",")], args.backends.split(",")
    prefix = f"bench-q-{uuid.uuid4().hex[:8]}"
    data_dir = Path(tempfile.mkdtemp(prefix="bench-query-"))
    corpus = data_dir / "corpus.jsonl"
    print(f"generating {max(sizes):,} articles (seed {args.seed}) ...", flush=True)
    write_corpus(corpus, max(sizes), args.seed)
    mix = query_mix(read_corpus(corpus, min(sizes)))
    results: dict[tuple[int, str], Run] = {}
    disagree: list[str] = []
    try:
        for n in sizes:
            for name in names:
                backend = open_backend(name, n, data_dir, args.url, prefix)
                start = time.perf_counter()
                backend.rebuild(read_corpus(corpus, n))
                seconds = time.perf_counter() - start
                print(f"N={n} {name}: indexed in {seconds:.0f} s", flush=True)
                gc.collect()
                size = index_bytes(backend, data_dir / str(n))
                results[n, name] = run = measure(backend, mix, args.rounds, args.estimate_above or None)
                run.index_docs_per_s, run.index_bytes = n / seconds, size
                print(f"N={n} {name}: whole mix p50/p95 {ms(run.every())} ms", flush=True)
                drop(backend, data_dir / str(n))
            for query in differing(results, n, names):
                disagree.append(f"N={n} {query}: " + ", ".join(f"{m} {results[n, m].totals[query]}" for m in names))
                print(f"WARNING hit counts differ between the backends: {disagree[-1]}", flush=True)
    finally:
        if "elasticsearch" in names:
            cleanup = ElasticsearchBackend(args.url, prefix=prefix)
            cleanup.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
            cleanup.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    print(table(results, mix, args.rounds))
    print("\nqueries: " + "; ".join(f"{name}: {args}" for name, args in mix.items()))
    if args.json:
        args.json.write_text(json.dumps(as_json(results), indent=2), encoding="utf-8")
    if disagree:
        sys.exit("hit counts differ between the backends:\n" + "\n".join(disagree))
    print(f"hit counts agree on every query across {', '.join(names)}")


if __name__ == "__main__":
    main()
