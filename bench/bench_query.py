"""Search latency p50/p95 of a fixed query mix on both backends, at several corpus sizes.

    ELASTICSEARCH_URL=http://127.0.0.1:9600 .venv/bin/python bench/bench_query.py [--sizes 10000,100000] [--rounds 10]

For each size the synthetic corpus (bench/generate.py) is loaded with each backend's `rebuild`, every query
of the mix runs once to warm up, then `--rounds` rounds run every query once each (round-robin, so noise
is spread over all queries). A latency is the wall time of `backend.search(request)` as the web app calls
it: 20 hits with snippets, every facet (20 values each) and the month histogram. p95 is nearest-rank.
Hit counts are printed per backend: both must agree (the search contract), or the script says so.
Indices are named `bench-q-<random>-*` and deleted at the end; the SQLite file lives in a temp dir.
"""

from __future__ import annotations

import argparse
import gc
import math
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from newsarchive.config import settings  # noqa: E402
from search import es_backend, sqlite_backend  # noqa: E402
from search.backend import SearchBackend  # noqa: E402
from search.es_backend import ElasticsearchBackend  # noqa: E402
from search.model import SearchRequest  # noqa: E402
from search.sqlite_backend import SqliteBackend  # noqa: E402

_snippet_seconds = [0.0]  # time spent in search.snippets.hit_snippet, both backends


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


for _module in (es_backend, sqlite_backend):
    _timed_snippets(_module)


def query_mix(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Name → SearchRequest arguments; facet values are the corpus's most common ones."""
    province = Counter(d["province"] for d in docs).most_common(1)[0][0]
    official = Counter(o["id"] for d in docs for o in d["officials"]).most_common(1)[0][0]
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


def request(args: dict[str, Any]) -> SearchRequest:
    """The request the web app's search page makes: facets and month histogram on."""
    return SearchRequest(**args, with_months=True)


class Run:
    """The latencies of one backend at one size: per query, and the part of each spent on snippets."""

    def __init__(self, mix: dict[str, dict[str, Any]]) -> None:
        self.times: dict[str, list[float]] = {name: [] for name in mix}
        self.snippets: list[float] = []
        self.totals: dict[str, int] = {}

    def every(self) -> list[float]:
        return [t for ts in self.times.values() for t in ts]


def measure(backend: SearchBackend, mix: dict[str, dict[str, Any]], rounds: int) -> Run:
    """Every query once to warm up (and count hits), then `rounds` timed rounds."""
    run = Run(mix)
    run.totals = {name: backend.search(request(args)).total for name, args in mix.items()}
    for _ in range(rounds):
        for name, args in mix.items():
            req = request(args)
            _snippet_seconds[0] = 0.0
            start = time.perf_counter()
            backend.search(req)
            run.times[name].append(time.perf_counter() - start)
            run.snippets.append(_snippet_seconds[0])
    return run


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} / {p95(values) * 1000:.1f}"


def table(results: dict[tuple[int, str], Run], mix: dict[str, dict[str, Any]], sizes: list[int], rounds: int) -> str:
    """Markdown: p50 / p95 ms per query and column, the whole mix, and the share of time spent on snippets."""
    keys = list(results)
    lines = [
        f"p50 / p95 latency in ms of backend.search(), {rounds} rounds after one warm-up round",
        "",
        "| query | "
        + " | ".join(f"{name} {n // 1000}k" for n, name in keys)
        + " | hits at "
        + " / ".join(f"{n // 1000}k" for n in sizes)
        + " |",
        "|---" * (len(keys) + 2) + "|",
    ]
    for query in mix:
        hits = " / ".join(f"{results[n, 'sqlite'].totals[query]:,}" for n in sizes)
        lines.append(f"| {query} | " + " | ".join(ms(results[key].times[query]) for key in keys) + f" | {hits} |")
    lines.append("| **whole mix** | " + " | ".join(f"**{ms(results[key].every())}**" for key in keys) + " | |")
    shares = [sum(results[key].snippets) / sum(results[key].every()) for key in keys]
    lines.append("| of which snippets | " + " | ".join(f"{share:.0%}" for share in shares) + " | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--url", default=settings().elasticsearch_url)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    prefix = f"bench-q-{uuid.uuid4().hex[:8]}"
    print(f"generating {max(sizes):,} articles (seed {args.seed}) ...", flush=True)
    corpus = list(generate(max(sizes), args.seed))
    gc.collect()
    gc.freeze()
    results: dict[tuple[int, str], Run] = {}
    mix = query_mix(corpus)
    data_dir = Path(tempfile.mkdtemp(prefix="bench-query-"))
    try:
        for n in sizes:
            backends: list[SearchBackend] = [
                SqliteBackend(data_dir / str(n)),
                ElasticsearchBackend(args.url, prefix=f"{prefix}-{n}"),
            ]
            for backend in backends:
                start = time.perf_counter()
                backend.rebuild(corpus[:n])
                print(f"N={n} {backend.name}: indexed in {time.perf_counter() - start:.0f} s", flush=True)
                results[n, backend.name] = measure(backend, mix, args.rounds)
                print(f"N={n} {backend.name}: whole mix p50/p95 {ms(results[n, backend.name].every())} ms", flush=True)
                backend.close()
            if results[n, "sqlite"].totals != results[n, "elasticsearch"].totals:
                print(
                    f"WARNING N={n}: hit counts differ between the backends: {results[n, 'sqlite'].totals} "
                    f"vs {results[n, 'elasticsearch'].totals}"
                )
            shutil.rmtree(data_dir / str(n), ignore_errors=True)
    finally:
        cleanup = ElasticsearchBackend(args.url, prefix=prefix)
        cleanup.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        cleanup.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    print(table(results, mix, sizes, args.rounds))
    print("\nqueries: " + "; ".join(f"{name}: {args}" for name, args in mix.items()))


if __name__ == "__main__":
    main()
