"""Where a crawl's time goes: one bench_crawl crawl of the sample press under cProfile, summarised.

    .venv/bin/python bench/profile_crawl.py [--runs 3] [--out crawl.prof]

Same set-up as bench_crawl.py (fresh process and data dir, --fast, the press served from this process).
Prints, per run, inclusive wall seconds of the parts of the crawl (a part's time includes what it calls;
the profiler slows Python code more than C code, so read the shares, not the absolute figures) and the
CPU seconds the press's server threads used (this process). --out keeps the last run's profile.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.samplepress import SamplePress  # noqa: E402

_CHILD = """
import cProfile, json, sys, time
profile = cProfile.Profile()
profile.enable()
started = time.perf_counter()
from pathlib import Path
from crawler.registry import load_registry
from crawler.run import crawl
imported = time.perf_counter()
stats = crawl(load_registry(Path(sys.argv[1])), Path(sys.argv[2]), fast=True,
              overrides={"LOG_LEVEL": "WARNING", "NEWSARCHIVE_PROGRESS_INTERVAL": -1})
profile.disable()
profile.dump_stats(sys.argv[3])
print(json.dumps({"imports": imported - started, "elapsed": stats["elapsed_time_seconds"],
                  "pages": stats.get("downloader/response_count", 0)}))
"""

# part → the profiled function whose inclusive time it is (file suffix, line-independent name)
PARTS = {
    "Scrapy's elapsed window (reactor running)": ("asyncioreactor.py", "run"),
    "  waiting for the network (epoll)": ("~", "<method 'poll' of 'select.epoll' objects>"),
    "  spider: HTML pages (parse_page)": ("spiders/news.py", "parse_page"),
    "    article extraction (extract_article)": ("crawler/extract.py", "extract_article"),
    "      of which trafilatura": ("trafilatura/core.py", "extract"),
    "    page classification (classify_page)": ("crawler/pages.py", "classify_page"),
    "    links followed (_follow)": ("spiders/news.py", "_follow"),
    "  archive pipeline (page + article to WARC and SQLite)": ("crawler/pipelines.py", "process_item"),
    "    WARC record written": ("archive/warc.py", "write"),
    "      of which fsync": ("~", "<built-in method posix.fsync>"),
    "  non-2xx archived by the middleware": ("crawler/middlewares.py", "process_response"),
    "  Scrapy: callback outputs (items, requests)": ("scrapy/core/scraper.py", "handle_spider_output_async"),
    "  Scrapy: HTTP downloads (twisted)": ("handlers/http11.py", "download_request"),
    "after the window: duplicate clusters": ("archive/duplicates.py", "assign_clusters"),
}


def _inclusive(stats: dict, file_suffix: str, name: str) -> float:
    """The largest inclusive time of a function of that name in a file ending so (recursion counted once)."""
    return max((v[3] for (f, _, n), v in stats.items() if n == name and f.endswith(file_suffix)), default=0.0)


def profile_once(registry: Path, out: Path) -> dict[str, float]:
    """One profiled crawl in a fresh process: the parts' inclusive seconds plus imports and elapsed."""
    import pstats

    with tempfile.TemporaryDirectory() as data_dir:
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, str(registry), data_dir, str(out)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
    result = json.loads(run.stdout.strip().splitlines()[-1])
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    return result | {part: _inclusive(stats, *where) for part, where in PARTS.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="keep the last run's cProfile output here")
    args = parser.parse_args()
    runs = []
    with SamplePress() as press, tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "papers.json"
        registry.write_text(json.dumps(press.registry(), ensure_ascii=False), encoding="utf-8")
        for _ in range(args.runs):
            cpu = time.process_time()
            runs.append(profile_once(registry, args.out or Path(tmp) / "crawl.prof"))
            runs[-1]["press CPU (this process, whole run)"] = time.process_time() - cpu
    print("| part (inclusive s, profiled) | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " |")
    print("|---|" + "---|" * len(runs))
    for part in ["imports", *PARTS, "press CPU (this process, whole run)"]:
        label = "imports before the crawl (outside the window)" if part == "imports" else part.strip()
        indent = "&nbsp;" * (len(part) - len(part.lstrip()))
        print(f"| {indent}{label} | " + " | ".join(f"{r[part]:.3f}" for r in runs) + " |")
    print(f"\npages per run: {', '.join(str(r['pages']) for r in runs)}")


if __name__ == "__main__":
    main()
