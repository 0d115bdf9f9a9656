"""Web latency of the search page and the search API on Elasticsearch, against the same ES requests sent raw.

    ELASTICSEARCH_URL=http://127.0.0.1:9600 .venv/bin/python bench/bench_web.py \\
        --size 100000 --concurrency 8 --json OUT.json [--workers 2 --threads 4 --rounds 3] [--prefix P]

1. The synthetic corpus (bench/generate.py) of `--size` articles is loaded into a fresh Elasticsearch
   index (`bench-w-<random>-*`, deleted at the end) with the backend's `rebuild`, then its shard request
   cache is switched off (`index.requests.cache.enable: false`): the mix repeats its URLs, and the cache
   would answer every repeated size-0 request (the page's counts) from memory, for the page and for the raw
   replay alike. Without it both sides make the node do the work of every request each time, and the replay
   still sends the very requests the app sent. `--prefix P` loads the index under that prefix only if it holds
   no articles yet (else it must hold the same `--size` and `--seed`) and keeps it: alternating runs of other
   code or other `--workers`/`--threads` then share one index (bench/profile_web.py can use it too).
2. The app is served by gunicorn (`--workers` processes of `--threads` threads) on 127.0.0.1, its API rate
   limit raised out of the way (all the load comes from one client address; 300/minute would answer 429).
3. Every URL of the mix (bench_query's queries as the search page `/` and as `/api/v1/search`) is fetched
   once to warm the app up (profile and attention-baseline caches, ES caches). Then, in this process, the
   same app (create_app, same config) serves each page URL once more while its Elasticsearch client
   records every request it sends: method, path, parameters, body. That is what one page costs on ES in
   steady state (a baseline search only when its cache expired, as in the served app).
4. `--rounds` timed blocks at `--concurrency` client threads (urllib3, keep-alive). In each block the three
   kinds take turns, their order rotating from block to block, each thread going once through the mix in
   its own order: the page URLs, the API URLs, and the recorded ES requests of each page replayed raw
   (pre-serialized JSON, one page's requests in sequence = one sample). Interleaving makes a change of
   machine load fall on the three alike, so their ratio means something on a shared machine.

--json writes {"page": {p50_ms, p95_ms, rps, requests, errors, app_cpu_ms}, "api": {...}, "raw_elasticsearch":
{...}, "ratios": {"page_p95_over_raw", "api_p95_over_raw"}}; `app_cpu_ms` is the CPU time the gunicorn workers
used during that kind's blocks, per request (Linux /proc; about 0 for the raw replay, which the app does not
serve). Loopback only; the load generator, the app and the node share the machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import urllib3
from elasticsearch import NotFoundError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_query import query_mix  # noqa: E402
from bench.generate import generate  # noqa: E402
from newsarchive.config import settings  # noqa: E402
from search.es_backend import ElasticsearchBackend  # noqa: E402
from webapp import create_app  # noqa: E402

Sample = Callable[[urllib3.PoolManager], bool]  # one timed unit of work; False on an error


def query_string(args: dict[str, Any]) -> str:
    """The search page's query string of one bench_query request."""
    params: list[tuple[str, str]] = []
    for key in ("q", "sort", "page"):
        if key in args:
            params.append((key, str(args[key])))
    for key in ("date_from", "date_to"):
        if key in args:
            params.append((key, args[key].isoformat()))
    param_of = {"officials": "official", "topics": "topic", "province": "province", "paper": "paper", "year": "year"}
    for facet, values in args.get("filters", {}).items():
        params.extend((param_of[facet], v) for v in values)
    return urlencode(params)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env: dict[str, str], port: int, workers: int, threads: int) -> subprocess.Popen:
    """gunicorn serving the app on 127.0.0.1:port; returns when it answers."""
    command = [
        sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--threads", str(threads), "--worker-class", "gthread", "--log-level", "warning", "webapp:create_app()",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    http = urllib3.PoolManager()
    for _ in range(600):
        try:
            if http.request("GET", f"http://127.0.0.1:{port}/api/v1/search?q=x", retries=False).status == 200:
                return server
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def record_es_requests(config: dict[str, str], paths: list[str]) -> list[list[tuple[str, str, bytes | None]]]:
    """Per page path: the (method, url, body) of every request the app's ES client sent to render it."""
    app = create_app(config)
    client = app.extensions["backend"].client
    recorded: list[tuple[str, str, bytes | None]] = []
    original = client.perform_request

    def perform_request(method: str, path: str, *, params: Any = None, headers: Any = None, body: Any = None,
                        **kwargs: Any) -> Any:  # fmt: skip
        values = {k: str(v).lower() if isinstance(v, bool) else v for k, v in (params or {}).items()}
        query = f"?{urlencode(values)}" if values else ""  # as the client sends them: true/false
        data = json.dumps(body).encode() if body is not None else None
        recorded.append((method, f"{config['ELASTICSEARCH_URL']}{path}{query}", data))
        return original(method, path, params=params, headers=headers, body=body, **kwargs)

    client.perform_request = perform_request
    pages = []
    with app.test_client() as browser:
        for path in paths:
            browser.get(path)  # warm: caches filled as in the served app
            recorded.clear()
            assert browser.get(path).status_code == 200, path
            pages.append(list(recorded))
    app.extensions["backend"].close()
    return pages


def fetch(url: str) -> Sample:
    def sample(http: urllib3.PoolManager) -> bool:
        return http.request("GET", url, retries=False).status == 200

    return sample


def replay(requests: list[tuple[str, str, bytes | None]]) -> Sample:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}

    def sample(http: urllib3.PoolManager) -> bool:
        ok = True
        for method, url, body in requests:
            response = http.request(method, url, body=body, headers=headers, retries=False)
            ok = ok and response.status == 200
        return ok

    return sample


def workers_cpu(master: int) -> Callable[[], float]:
    """CPU seconds used so far by the worker processes of the gunicorn master `master` (Linux /proc)."""
    workers = [p.parent.name for p in Path("/proc").glob("[0-9]*/stat") if _fields(p)[1] == str(master)]
    tick = os.sysconf("SC_CLK_TCK")
    return lambda: sum(int(f[11]) + int(f[12]) for f in (_fields(Path(f"/proc/{w}/stat")) for w in workers)) / tick


def _fields(stat: Path) -> list[str]:
    """The fields of a /proc/<pid>/stat after the command name (state, ppid, …); none if the process is gone."""
    try:
        return stat.read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return ["", ""]


class Run:
    """Pooled samples of one kind of request over several timed blocks."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.wall = 0.0
        self.cpu = 0.0

    def summary(self) -> dict[str, float]:
        ordered = sorted(self.latencies)
        return {
            "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[math.ceil(0.95 * len(ordered)) - 1] * 1000, 1),
            "rps": round(len(ordered) / self.wall, 1),
            "requests": len(ordered),
            "errors": self.errors,
            "app_cpu_ms": round(self.cpu / len(ordered) * 1000, 1),
        }


def timed_block(samples: list[Sample], concurrency: int, seed: int, run: Run) -> None:
    """Every thread runs every sample once in its own shuffled order; latencies and wall time added to `run`."""
    lock = threading.Lock()

    def worker(thread_seed: int) -> None:
        http = urllib3.PoolManager(maxsize=4)
        order = list(samples)
        random.Random(thread_seed).shuffle(order)
        mine, failed = [], 0
        for sample in order:
            start = time.perf_counter()
            try:
                ok = sample(http)
            except urllib3.exceptions.HTTPError:
                ok = False
            mine.append(time.perf_counter() - start)
            failed += not ok
        with lock:
            run.latencies.extend(mine)
            run.errors += failed

    threads = [threading.Thread(target=worker, args=(seed * 1000 + t,)) for t in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.wall += time.perf_counter() - start


def interleaved(
    kinds: dict[str, list[Sample]], concurrency: int, rounds: int, cpu: Callable[[], float]
) -> dict[str, dict[str, float]]:
    """`rounds` blocks; in each, every kind runs one pass over its samples, the kinds' order rotating per block,
    so a change of machine load falls on all kinds alike. `cpu`: the app's CPU seconds so far."""
    runs = {name: Run() for name in kinds}
    names = list(kinds)
    for block in range(rounds):
        turn = block % len(names)
        for name in names[turn:] + names[:turn]:
            used = cpu()
            timed_block(kinds[name], concurrency, block, runs[name])
            runs[name].cpu += cpu() - used
    return {name: run.summary() for name, run in runs.items()}


def load(url: str, prefix: str, size: int, seed: int) -> None:
    backend = ElasticsearchBackend(url, prefix=prefix)
    start = time.perf_counter()
    report = backend.rebuild(generate(size, seed))
    backend.put_officials([])
    print(f"indexed {report.indexed:,} articles in {time.perf_counter() - start:.0f} s", flush=True)
    backend.close()


def prepare(url: str, prefix: str, size: int, seed: int, reuse: bool) -> None:
    """The corpus loaded under `prefix` (unless `reuse` and it holds articles), its request cache off."""
    if not (reuse and loaded(url, prefix)):
        load(url, prefix, size, seed)
    without_request_cache(url, prefix)


def drop(url: str, prefix: str) -> None:
    backend = ElasticsearchBackend(url, prefix=prefix)
    backend.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
    backend.close()


def loaded(url: str, prefix: str) -> bool:
    """Whether the articles index under `prefix` holds any article."""
    backend = ElasticsearchBackend(url, prefix=prefix)
    try:
        return backend.client.count(index=backend.articles_alias)["count"] > 0
    except NotFoundError:
        return False
    finally:
        backend.close()


def without_request_cache(url: str, prefix: str) -> None:
    """Switch off the shard request cache of the articles index (a dynamic setting)."""
    backend = ElasticsearchBackend(url, prefix=prefix)
    backend.client.indices.put_settings(index=backend.articles_alias, settings={"index.requests.cache.enable": False})
    backend.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="timed blocks: one pass over the mix per thread each")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--url", default=settings().elasticsearch_url)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--prefix", help="index prefix: loaded unless it holds articles (same --size, --seed); kept")
    args = parser.parse_args()
    prefix = args.prefix or f"bench-w-{uuid.uuid4().hex[:8]}"
    data_dir = Path(tempfile.mkdtemp(prefix="bench-web-"))
    config = {
        "NEWSARCHIVE_BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": args.url,
        "NEWSARCHIVE_INDEX_PREFIX": prefix,
        "NEWSARCHIVE_DATA_DIR": str(data_dir),
        "NEWSARCHIVE_RATE_LIMIT_API": "1000000/minute",  # the load generator is one client address
    }
    server = None
    try:
        prepare(args.url, prefix, args.size, args.seed, reuse=bool(args.prefix))
        queries = [query_string(q) for q in query_mix(generate(min(args.size, 10_000), args.seed)).values()]
        pages, apis = [f"/?{q}" for q in queries], [f"/api/v1/search?{q}" for q in queries]
        recorded = record_es_requests(config, pages)
        print(f"ES requests per page: {[len(r) for r in recorded]}", flush=True)
        port = free_port()
        server = serve(config, port, args.workers, args.threads)
        base = f"http://127.0.0.1:{port}"
        warm = urllib3.PoolManager()
        for path in pages + apis:
            warm.request("GET", base + path)
        kinds = {
            "page": [fetch(base + p) for p in pages],
            "api": [fetch(base + p) for p in apis],
            "raw_elasticsearch": [replay(r) for r in recorded],
        }
        results = interleaved(kinds, args.concurrency, args.rounds, workers_cpu(server.pid))
    finally:
        if server:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        if not args.prefix:
            drop(args.url, prefix)
        shutil.rmtree(data_dir, ignore_errors=True)
    raw = results["raw_elasticsearch"]["p95_ms"]
    results["ratios"] = {
        "page_p95_over_raw": round(results["page"]["p95_ms"] / raw, 2),
        "api_p95_over_raw": round(results["api"]["p95_ms"] / raw, 2),
    }
    results["setup"] = {"size": args.size, "concurrency": args.concurrency, "rounds": args.rounds,
                        "workers": args.workers, "threads": args.threads, "request_cache": False}  # fmt: skip
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
