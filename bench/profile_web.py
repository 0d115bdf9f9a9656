"""Where a search page's CPU goes on Elasticsearch: bench_web's 14 page URLs in process, under cProfile.

    ELASTICSEARCH_URL=http://127.0.0.1:9600 .venv/bin/python bench/profile_web.py --prefix PREFIX \\
        [--passes 20] [--out web.prof]

PREFIX names an index already loaded with bench/generate.py's corpus (e.g. by `bench_web.py --prefix PREFIX`),
or without it `--size N` loads one under a fresh prefix and deletes it at the end. The app (create_app, Flask
test client, no HTTP server) serves every page once to warm up, then `--passes` passes of the 14 pages, first
unprofiled: per page, the median over passes of this process's CPU time (the app's own work, Elasticsearch runs
in its own process) and of the wall time spent waiting in the Elasticsearch client's node requests; the mean CPU
time of the parts (backend search, rendering, facet panels, attention series), unprofiled; then profiled: the
inclusive share of the app's parts in the profiled CPU time (the profiler slows Python code more than C code:
read the shares, not the absolute figures). --out keeps the profile.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_query import query_mix  # noqa: E402
from bench.bench_web import load, query_string  # noqa: E402
from bench.generate import generate  # noqa: E402
from newsarchive.config import settings  # noqa: E402
from webapp import create_app, search_views  # noqa: E402

# part → the profiled function whose inclusive time it is (file suffix, function name)
PARTS = {
    "whole request (Flask)": ("flask/app.py", "wsgi_app"),
    "  backend search (ES request + model objects)": ("search/es_backend.py", "search"),
    "    ES client: the whole call": ("elastic_transport/_transport.py", "perform_request"),
    "      HTTP to the node (urllib3)": ("_node/_http_urllib3.py", "perform_request"),
    "      JSON decoding of responses": ("elastic_transport/_serializer.py", "loads"),
    "      JSON encoding of request bodies": ("elastic_transport/_serializer.py", "dumps"),
    "    request bodies built (search_body)": ("search/es_backend.py", "search_body"),
    "    counts read (_read_counts)": ("search/es_backend.py", "_read_counts"),
    "    snippets of the hits": ("search/es_snippets.py", "hit_snippet"),
    "  attention series": ("webapp/attention.py", "series"),
    "  attention figures": ("webapp/attention_figures.py", "figures"),
    "  facet panels": ("webapp/facets.py", "facet_panels"),
    "  render_template (Jinja)": ("flask/templating.py", "render_template"),
    "  url_for (all callers)": ("flask/app.py", "url_for"),
    "  message catalogue looked up (all callers)": ("webapp/i18n.py", "translations"),
}


def page_paths(size: int, seed: int) -> list[str]:
    return [f"/?{query_string(q)}" for q in query_mix(generate(min(size, 10_000), seed)).values()]


def timed_passes(app: Any, paths: list[str], passes: int) -> dict[str, list[float]]:
    """Per path, CPU seconds of this process and seconds waited on the node, one figure per pass."""
    node = app.extensions["backend"].client.transport.node_pool.get()
    original, waited = node.perform_request, [0.0]

    def perform_request(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            waited[0] += time.perf_counter() - start

    node.perform_request = perform_request
    cpu: dict[str, list[float]] = {p: [] for p in paths}
    wait: dict[str, list[float]] = {p: [] for p in paths}
    with app.test_client() as browser:
        for _ in range(passes):
            for path in paths:
                waited[0], start = 0.0, time.process_time()
                assert browser.get(path).status_code == 200, path
                cpu[path].append(time.process_time() - start)
                wait[path].append(waited[0])
    node.perform_request = original
    return {"cpu": [statistics.median(cpu[p]) for p in paths], "wait": [statistics.median(wait[p]) for p in paths]}


# parts of the search page timed unprofiled: names looked up by webapp.search_views
VIEW_PARTS = {
    "render_template": "render_template (Jinja)",
    "facet_panels": "facet panels",
    "series": "attention series",
}


def parts_cpu(app: Any, paths: list[str], passes: int) -> None:
    """CPU ms a page of the backend search and of the view's parts (VIEW_PARTS), unprofiled, over `passes`."""
    used: dict[str, float] = dict.fromkeys(["backend search", *VIEW_PARTS.values()], 0.0)

    def timed(fn: Any, part: str) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                used[part] += time.process_time() - start

        return run

    backend = app.extensions["backend"]
    originals = {name: getattr(search_views, name) for name in VIEW_PARTS}
    for name, part in VIEW_PARTS.items():
        setattr(search_views, name, timed(originals[name], part))
    backend.search = timed(backend.search, "backend search")
    start = time.process_time()
    with app.test_client() as browser:
        for _ in range(passes):
            for path in paths:
                browser.get(path)
    whole = time.process_time() - start
    del backend.search
    for name, fn in originals.items():
        setattr(search_views, name, fn)
    pages = passes * len(paths)
    print(f"unprofiled, CPU ms a page (mean of {pages}): whole {whole / pages * 1000:.2f}")
    for part, seconds in used.items():
        print(f"  {seconds / pages * 1000:5.2f}  {part}")


def profiled(app: Any, paths: list[str], passes: int, out: Path | None) -> None:
    profile = cProfile.Profile(time.process_time)  # CPU time: waiting on the node is not the app's work
    with app.test_client() as browser:
        profile.enable()
        for _ in range(passes):
            for path in paths:
                browser.get(path)
        profile.disable()
    stats = pstats.Stats(profile)
    if out:
        stats.dump_stats(out)
    inclusive: dict[tuple[str, str], float] = {}
    for (file, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for suffix, function in PARTS.values():
            if file.endswith(suffix) and name == function:
                inclusive[(suffix, function)] = inclusive.get((suffix, function), 0.0) + cumulative
    whole = inclusive.get(PARTS["whole request (Flask)"], 0.0) or 1.0
    print(f"profiled: {passes} passes, {whole / passes / len(paths) * 1000:.1f} ms a page under the profiler")
    for part, key in PARTS.items():
        print(f"  {inclusive.get(key, 0.0) / whole * 100:5.1f} %  {part}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=settings().elasticsearch_url)
    parser.add_argument("--prefix", help="an index loaded with bench/generate.py's corpus (default: load one)")
    parser.add_argument("--size", type=int, default=100_000, help="articles of the corpus (loaded if no --prefix)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--out", type=Path, help="keep the profile here (pstats)")
    args = parser.parse_args()
    prefix = args.prefix or f"bench-p-{uuid.uuid4().hex[:8]}"
    if not args.prefix:
        load(args.url, prefix, args.size, args.seed)
    config = {
        "NEWSARCHIVE_BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": args.url,
        "NEWSARCHIVE_INDEX_PREFIX": prefix,
        "NEWSARCHIVE_DATA_DIR": tempfile.mkdtemp(prefix="profile-web-"),
        "RATELIMIT_ENABLED": False,
    }
    app = create_app(config)
    try:
        paths = page_paths(args.size, args.seed)
        with app.test_client() as browser:
            for path in paths:
                browser.get(path)
        figures = timed_passes(app, paths, args.passes)
        cpu, wait = sorted(figures["cpu"]), sorted(figures["wait"])
        print(f"{len(paths)} pages, medians over {args.passes} passes (ms): app CPU a page "
              f"median {statistics.median(cpu) * 1000:.1f}, sum {sum(cpu) * 1000:.1f}; waited on the node "
              f"median {statistics.median(wait) * 1000:.1f}, sum {sum(wait) * 1000:.1f}")  # fmt: skip
        parts_cpu(app, paths, args.passes)
        profiled(app, paths, args.passes, args.out)
    finally:
        if not args.prefix:
            app.extensions["backend"].client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        app.extensions["backend"].close()


if __name__ == "__main__":
    main()
