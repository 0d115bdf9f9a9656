"""Every `enrich` output on a fixed input set, one JSON line each: to show a speed change keeps the output.

    .venv/bin/python bench/enrich_output.py OUT.jsonl     # in each checkout (run from its root), then
    cmp BEFORE.jsonl AFTER.jsonl

Inputs: every passage of tests/devset/*.jsonl (body only, then with a title and a section), the seed
article, and 40 articles of the enrichment benchmark's corpus. Each line is the whole `Enrichment`
(officials with titles, mentions, province, national and quotes; topics), keys sorted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path.cwd()
sys.path.insert(0, str(ROOT))  # the checkout run from, not this file's: one script compares two checkouts

from bench.bench_enrich import build_corpus  # noqa: E402
from indexer.enrich import enrich  # noqa: E402


def inputs() -> list[tuple[str, str, str, str | None]]:
    """(title, lead, body, section) of every input, in a fixed order."""
    out: list[tuple[str, str, str, str | None]] = []
    for path in sorted((ROOT / "tests/devset").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                out += [("", "", text, None), (text[:60], "", text, "Kinh tế")]
    title, _, body = (ROOT / "tests/data/seed_article.txt").read_text(encoding="utf-8").partition("\n")
    return [*out, (title, "", body, None), *build_corpus(40, seed=3)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    lines = [json.dumps(dataclasses.asdict(enrich(*item)), ensure_ascii=False, sort_keys=True) for item in inputs()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} outputs → {args.out}")


if __name__ == "__main__":
    main()
