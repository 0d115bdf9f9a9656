"""Throughput of `indexer.enrich.enrich` on one core: articles/s, median of several runs.

    .venv/bin/python bench/bench_enrich.py [--articles 300] [--runs 7]

The corpus is built from repo files only: the seed article's paragraphs (about 1,000 words) shuffled,
plus three dev-set passages per article (hand-written and real-patterned), so each article is a typical
1,000-1,200-word provincial story. Rates are given in CPU time of this process (`time.process_time`, what
one core delivers; the machine is shared) and in wall time, beside a ceiling measured in the same run on
the same corpus: `vntext.canonical` plus the search tokenizer `vntext.words`, the least any article costs.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.enrich import enrich  # noqa: E402
from vntext import canonical, words  # noqa: E402


def _ceiling(article: tuple[str, str, str, str | None]) -> None:
    title, lead, body, _ = article
    words(canonical(f"{title}\n\n{lead}\n\n{body}"))


def _rates(work, corpus: list, runs: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """(CPU-time rates, wall-time rates) of `work` over the corpus, one per run."""
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        for article in corpus:
            work(*article) if work is enrich else work(article)
        cpu.append(len(corpus) / (time.process_time() - c0))
        wall.append(len(corpus) / (time.perf_counter() - w0))
    return cpu, wall


def build_corpus(n: int, seed: int = 7) -> list[tuple[str, str, str, str | None]]:
    """n (title, lead, body, section) articles."""
    rng = random.Random(seed)
    title, _, body = (ROOT / "tests/data/seed_article.txt").read_text(encoding="utf-8").partition("\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    passages = []
    for name in ("officials.jsonl", "real_dev.jsonl"):
        with (ROOT / "tests/devset" / name).open(encoding="utf-8") as fh:
            passages += [json.loads(line)["text"] for line in fh if line.strip()]
    sections = [None, "Xây dựng Đảng", "Kinh tế", "Thời sự", None]
    corpus = []
    for i in range(n):
        paras = paragraphs[:]
        rng.shuffle(paras)
        extra = rng.sample(passages, 3)
        corpus.append((f"{title} ({i})", extra[0], "\n\n".join(paras + extra[1:]), sections[i % len(sections)]))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    corpus = build_corpus(args.articles)
    n_words = statistics.mean(len(f"{t} {lead} {b}".split()) for t, lead, b, _ in corpus)
    enrich(*corpus[0])  # warm-up
    cpu, wall = _rates(enrich, corpus, args.runs)
    ceiling, _ = _rates(_ceiling, corpus, args.runs)
    print(f"articles={len(corpus)} mean_words={n_words:.0f} runs={args.runs}")
    print(f"enrich  articles/s (CPU) median={statistics.median(cpu):.0f} min={min(cpu):.0f} max={max(cpu):.0f}")
    print(f"enrich  articles/s (wall) median={statistics.median(wall):.0f} min={min(wall):.0f} max={max(wall):.0f}")
    print(f"ceiling articles/s (CPU) median={statistics.median(ceiling):.0f}  (canonical + words)")
    print(f"ratio enrich/ceiling (CPU medians) = {statistics.median(cpu) / statistics.median(ceiling):.3f}")


if __name__ == "__main__":
    main()
