"""Crawl throughput against the local sample press on loopback, beside `scrapy bench` on the same machine.

    .venv/bin/python bench/bench_crawl.py [--runs 5] [--bench-runs 3] [--bench-seconds 10] [--json OUT]

Each crawl run is a fresh `crawler.run.crawl` of the three sample papers (64 articles) into an empty data
dir, in its own process, with politeness off (`--fast`: DOWNLOAD_DELAY 0, no AutoThrottle; still at most
2 concurrent requests per site, robots.txt obeyed, every page to WARC + SQLite, clusters assigned).
Throughput is Scrapy's own count over its own elapsed time (process start-up excluded).
`scrapy bench` (a link-following spider, no item processing, default concurrency 16) runs with the same
interpreter for --bench-seconds each. The two take turns (crawl, bench, crawl, ...), so a load that comes
and goes on a shared machine falls on both. Neither crawler shares its process with its server: the press
serves from threads of this process, `scrapy bench` starts its own server process.
Prints a Markdown table; medians over the runs. --json OUT also writes {"pages_per_s",
"scrapy_bench_pages_per_s", "ratio"} (plus the per-run figures) to OUT.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.samplepress import SamplePress  # noqa: E402

_CRAWL = """
import json, sys
from pathlib import Path
from crawler.registry import load_registry
from crawler.run import crawl
stats = crawl(load_registry(Path(sys.argv[1])), Path(sys.argv[2]), fast=True,
              overrides={"LOG_LEVEL": "WARNING", "NEWSARCHIVE_PROGRESS_INTERVAL": -1})
print(json.dumps({"pages": stats.get("downloader/response_count", 0), "seconds": stats["elapsed_time_seconds"],
                  "articles": stats.get("newsarchive/articles_changed", 0)}))
"""


def crawl_once(registry: Path) -> dict[str, float]:
    """One crawl in a fresh process and data dir: pages, articles and seconds."""
    with tempfile.TemporaryDirectory() as data_dir:
        out = subprocess.run(
            [sys.executable, "-c", _CRAWL, str(registry), data_dir],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def scrapy_bench_once(seconds: int) -> dict[str, float]:
    """One `scrapy bench` run: pages and seconds from its final stats."""
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}", "-s", "LOG_LEVEL=INFO"],
            cwd=cwd, capture_output=True, text=True, check=True,
        )  # fmt: skip
    pages = re.search(r"'downloader/response_count': (\d+)", out.stderr)
    elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", out.stderr)
    assert pages and elapsed, out.stderr[-2000:]
    return {"pages": int(pages.group(1)), "seconds": float(elapsed.group(1))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bench-runs", type=int, default=3)
    parser.add_argument("--bench-seconds", type=int, default=10)
    parser.add_argument("--json", metavar="OUT", help="also write the medians and per-run figures as JSON")
    args = parser.parse_args()
    with SamplePress() as press, tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "papers.json"
        registry.write_text(json.dumps(press.registry(), ensure_ascii=False), encoding="utf-8")
        crawls: list[dict[str, float]] = []
        benches: list[dict[str, float]] = []
        for turn in range(max(args.runs, args.bench_runs)):
            if turn < args.runs:
                crawls.append(crawl_once(registry))
            if turn < args.bench_runs:
                benches.append(scrapy_bench_once(args.bench_seconds))
    pages = statistics.median(r["pages"] / r["seconds"] for r in crawls)
    articles = statistics.median(r["articles"] / r["seconds"] for r in crawls)
    bench = statistics.median(r["pages"] / r["seconds"] for r in benches)
    print("| what | runs | pages/s (median) | articles/s (median) | per run |")
    print("|---|---|---|---|---|")
    per_run = ", ".join(f"{r['pages']} p / {r['seconds']:.2f} s" for r in crawls)
    print(f"| newsarchive crawl, sample press, --fast | {len(crawls)} | {pages:.1f} | {articles:.1f} | {per_run} |")
    per_run = ", ".join(f"{r['pages']} p / {r['seconds']:.2f} s" for r in benches)
    print(f"| scrapy bench | {len(benches)} | {bench:.1f} | - | {per_run} |")
    print(f"\nratio newsarchive / scrapy bench (pages/s): {pages / bench:.2f}")
    if args.json:
        result = {
            "pages_per_s": round(pages, 1),
            "scrapy_bench_pages_per_s": round(bench, 1),
            "ratio": round(pages / bench, 3),
            "articles_per_s": round(articles, 1),
            "crawl_runs": crawls,
            "scrapy_bench_runs": benches,
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
