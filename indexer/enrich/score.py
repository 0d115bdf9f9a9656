"""Score `find_officials` on an annotated JSONL dev set.

    python -m indexer.enrich.score [tests/devset/officials.jsonl] [-v]

Each line: {"id", "text", "officials": [{"name", "titles": [...]}], "notes", "split": "dev"|"heldout"}.
Officials are compared by exact full name after `vntext.key`; a gold title counts as found when the
predicted person has a title with the same `vntext.abbreviations.title_key`.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from indexer.enrich.officials import find_officials
from vntext import key
from vntext.abbreviations import title_key

DEFAULT_DEVSET = Path("tests/devset/officials.jsonl")


@dataclass(slots=True)
class Score:
    """Counts for one split; ratios as properties."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    titles_gold: int = 0
    titles_found: int = 0
    passages: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def title_recall(self) -> float:
        return self.titles_found / self.titles_gold if self.titles_gold else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label:8} passages={self.passages:3}  P={self.precision:.3f}  R={self.recall:.3f}  "
            f"F1={self.f1:.3f}  title-recall={self.title_recall:.3f}  "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def load(path: Path) -> list[dict]:
    """The passages of a JSONL dev set."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_passage(item: dict, acc: Score) -> None:
    """Add one passage's counts (and error messages) to `acc`."""
    predicted = {key(o.name): o for o in find_officials(item["text"])}
    gold = {key(o["name"]): o for o in item["officials"]}
    acc.passages += 1
    for k, g in gold.items():
        if k not in predicted:
            acc.fn += 1
            acc.titles_gold += len(g["titles"])
            acc.errors.append(f"{item['id']}: MISSED {g['name']} {g['titles']}")
            continue
        acc.tp += 1
        have = {title_key(t) for t in predicted[k].titles}
        for t in g["titles"]:
            acc.titles_gold += 1
            if title_key(t) in have:
                acc.titles_found += 1
            else:
                acc.errors.append(f"{item['id']}: {g['name']}: title {t!r} not in {predicted[k].titles}")
    for k, p in predicted.items():
        if k not in gold:
            acc.fp += 1
            acc.errors.append(f"{item['id']}: SPURIOUS {p.name} {p.titles}")


def score(path: Path = DEFAULT_DEVSET) -> dict[str, Score]:
    """Scores per split ('dev', 'heldout') and for 'all'."""
    result = {"dev": Score(), "heldout": Score(), "all": Score()}
    for item in load(path):
        score_passage(item, result[item.get("split", "dev")])
        score_passage(item, result["all"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", nargs="?", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    result = score(args.devset)
    for label, s in result.items():
        if s.passages:
            print(s.line(label))
    if args.verbose:
        for err in result["all"].errors:
            print("  " + err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
