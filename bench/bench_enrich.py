"""Throughput of `indexer.enrich.enrich` on one core: articles/s, median of several runs.

    .venv/bin/python bench/bench_enrich.py [--articles 300] [--runs 7]

The corpus is built from repo files only: the seed article's paragraphs (about 1,000 words) shuffled,
plus three dev-set passages per article, so each article is a typical 1,000-1,200-word provincial story.
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


def build_corpus(n: int, seed: int = 7) -> list[tuple[str, str, str, str | None]]:
    """n (title, lead, body, section) articles."""
    rng = random.Random(seed)
    title, _, body = (ROOT / "tests/data/seed_article.txt").read_text(encoding="utf-8").partition("\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    with (ROOT / "tests/devset/officials.jsonl").open(encoding="utf-8") as fh:
        passages = [json.loads(line)["text"] for line in fh if line.strip()]
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
    words = statistics.mean(len(f"{t} {lead} {b}".split()) for t, lead, b, _ in corpus)
    enrich(*corpus[0])  # warm-up
    rates = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for article in corpus:
            enrich(*article)
        rates.append(len(corpus) / (time.perf_counter() - start))
    print(f"articles={len(corpus)} mean_words={words:.0f} runs={args.runs}")
    print(f"articles/s median={statistics.median(rates):.0f} min={min(rates):.0f} max={max(rates):.0f}")


if __name__ == "__main__":
    main()
