"""Score `find_officials` and `classify` on annotated JSONL dev sets.

    python -m indexer.enrich.score [tests/devset/officials.jsonl ...] [-v]

Each line: {"id", "text", "officials": [{"name", "titles": [...], "province"?, "national"?}], "split"?,
"quotes"?: [{"official", "kind"}], "topic"?, "headline"?, "section"?}. Officials are compared by exact
full name after `vntext.key`;
a gold title counts as found when the predicted person has a title with the same
`vntext.abbreviations.title_key` (a missed person's titles count as missed). Province and national are
scored on the people found, where the gold gives them; quotes by (official, kind) pairs; the topic as the
primary tag of `enrich(headline, "", text, section)` (the officials' titles blanked, as in indexing); where a
passage has a headline or section, the primary tag of the text alone is counted too ("text only").
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from indexer.enrich import enrich
from indexer.enrich.mentions import tokenize
from indexer.enrich.officials import Official, find_officials
from indexer.enrich.places import province_at
from vntext import key
from vntext.abbreviations import title_key

DEFAULT_DEVSET = Path("tests/devset/officials.jsonl")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


@dataclass(slots=True)
class Score:
    """Counts for one split; ratios as properties."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    titles_gold: int = 0
    titles_found: int = 0
    passages: int = 0
    province_gold: int = 0
    province_right: int = 0
    national_gold: int = 0
    national_right: int = 0
    quotes_tp: int = 0
    quotes_fp: int = 0
    quotes_fn: int = 0
    topic_gold: int = 0
    topic_right: int = 0
    topic_text_gold: int = 0  # passages with a headline or section: the topic of their text alone
    topic_text_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def title_recall(self) -> float:
        return _ratio(self.titles_found, self.titles_gold)

    @property
    def quote_f1(self) -> float:
        p = _ratio(self.quotes_tp, self.quotes_tp + self.quotes_fp)
        r = _ratio(self.quotes_tp, self.quotes_tp + self.quotes_fn)
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        text = (
            f"{label:8} passages={self.passages:3}  P={self.precision:.3f}  R={self.recall:.3f}  "
            f"F1={self.f1:.3f}  title-recall={self.title_recall:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )
        if self.province_gold:
            text += f"  province={self.province_right}/{self.province_gold}"
        if self.national_gold:
            text += f"  national={self.national_right}/{self.national_gold}"
        if self.quotes_tp + self.quotes_fp + self.quotes_fn:
            text += f"  quotes F1={self.quote_f1:.3f} (tp={self.quotes_tp} fp={self.quotes_fp} fn={self.quotes_fn})"
        if self.topic_gold:
            text += f"  topic={self.topic_right}/{self.topic_gold} ({self.topic_right / self.topic_gold:.1%})"
        if self.topic_text_gold:
            right, gold = self.topic_text_right, self.topic_text_gold
            text += f"  topic text only={right}/{gold} ({right / gold:.1%})"
        return text


def load(path: Path) -> list[dict]:
    """The passages of a JSONL dev set."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _place_key(place: str | None) -> str | None:
    """A province compared by its canonical name ('Đăk Nông' == 'Đắk Nông'), else by key."""
    if not place:
        return None
    hit = province_at(tokenize(place), 0)
    return key(hit[0]) if hit else key(place)


def _score_person(item: dict, gold: dict, found: Official, acc: Score) -> None:
    have = {title_key(t) for t in found.titles}
    for t in gold["titles"]:
        acc.titles_gold += 1
        if title_key(t) in have:
            acc.titles_found += 1
        else:
            acc.errors.append(f"{item['id']}: {gold['name']}: title {t!r} not in {found.titles}")
    if "province" in gold:
        acc.province_gold += 1
        if _place_key(gold["province"]) == _place_key(found.province):
            acc.province_right += 1
        else:
            acc.errors.append(f"{item['id']}: {gold['name']}: province {found.province!r}, gold {gold['province']!r}")
    if "national" in gold:
        acc.national_gold += 1
        if bool(gold["national"]) == found.national:
            acc.national_right += 1
        else:
            acc.errors.append(f"{item['id']}: {gold['name']}: national {found.national}, gold {gold['national']}")


def _score_quotes(item: dict, predicted: dict[str, Official], acc: Score) -> None:
    gold = Counter((key(q["official"]), q["kind"]) for q in item["quotes"])
    have = Counter((k, q.kind) for k, o in predicted.items() for q in o.quotes)
    acc.quotes_tp += sum((gold & have).values())
    acc.quotes_fn += sum((gold - have).values())
    acc.quotes_fp += sum((have - gold).values())
    for (name, kind), n in (gold - have).items():
        acc.errors.append(f"{item['id']}: MISSED {n} {kind} quote(s) of {name}")
    for (name, kind), n in (have - gold).items():
        acc.errors.append(f"{item['id']}: SPURIOUS {n} {kind} quote(s) of {name}")


def score_passage(item: dict, acc: Score) -> None:
    """Add one passage's counts (and error messages) to `acc`."""
    predicted = {key(o.name): o for o in find_officials(item["text"])}
    gold = {key(o["name"]): o for o in item["officials"]}
    acc.passages += 1
    for k, g in gold.items():
        if k in predicted:
            acc.tp += 1
            _score_person(item, g, predicted[k], acc)
        else:
            acc.fn += 1
            acc.titles_gold += len(g["titles"])
            acc.errors.append(f"{item['id']}: MISSED {g['name']} {g['titles']}")
    for k, p in predicted.items():
        if k not in gold:
            acc.fp += 1
            acc.errors.append(f"{item['id']}: SPURIOUS {p.name} {p.titles}")
    if "quotes" in item:
        _score_quotes(item, predicted, acc)
    if item.get("topic"):
        _score_topic(item, acc)


def _score_topic(item: dict, acc: Score) -> None:
    acc.topic_gold += 1
    headline, section = item.get("headline", ""), item.get("section")
    tags = enrich(headline, "", item["text"], section).topics
    if tags and tags[0] == item["topic"]:
        acc.topic_right += 1
    else:
        acc.errors.append(f"{item['id']}: topic {tags}, gold {item['topic']}")
    if headline or section:
        acc.topic_text_gold += 1
        text_tags = enrich("", "", item["text"], None).topics
        if text_tags and text_tags[0] == item["topic"]:
            acc.topic_text_right += 1
        else:
            acc.errors.append(f"{item['id']}: topic of the text alone {text_tags}, gold {item['topic']}")


def score(*paths: Path) -> dict[str, Score]:
    """Scores per split ('dev', 'heldout') and for 'all' over the passages of every file."""
    result = {"dev": Score(), "heldout": Score(), "all": Score()}
    for path in paths or (DEFAULT_DEVSET,):
        for item in load(path):
            score_passage(item, result[item.get("split", "dev")])
            score_passage(item, result["all"])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devsets", nargs="*", type=Path, default=[DEFAULT_DEVSET])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    result = score(*args.devsets)
    for label, s in result.items():
        if s.passages:
            print(s.line(label))
    if args.verbose:
        for err in result["all"].errors:
            print("  " + err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
