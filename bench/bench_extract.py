"""Article extraction quality and speed: the project's extract_article beside plain trafilatura.

    .venv/bin/python bench/bench_extract.py --zyte DIR [--realpages DIR] [--part dev|held|all]
        [--baseline REV] [--repeat 3]

- ``--zyte DIR``: a copy of Zyte's article-extraction-benchmark (``html/<id>.html.gz``,
  ``ground-truth.json``). Body F1/P/R/accuracy by the benchmark's own definitions (its README): ``\\w+``
  tokens, multisets of 4-token shingles per page normalised to weigh 1, precision averaged over pages where
  something was extracted, recall over pages with a true body, F1 of the two means; accuracy = share of
  pages whose token sequence equals the truth. The pages are split by a hash of their id into a dev part
  (tuning) and a held-out part (``--part held``, scored once at the end); ``all`` prints dev, held-out and
  the full set. Trafilatura is called the benchmark's way (``include_comments=False``).
- ``--realpages DIR``: pages with hand-written gold (``gold.jsonl`` in the realpages format): title, date to
  the minute, author (any of ``author_accept``; null gold = no author), first and last body sentence,
  ``not_body`` strings absent, pages lost (ExtractionError). Gold strings missing from their page are
  reported (the gold, not the extractor, is then wrong).
- Speed: ms/page median over ``--repeat`` passes of the sample press pages, the Zyte pages and the real
  pages, for the project, for trafilatura and (``--baseline REV``) for ``crawler/extract.py`` as it is at
  git revision REV, measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import html as html_lib
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

import crawler.extract  # noqa: E402
from crawler.encoding import decode_html  # noqa: E402
from tests.samplepress_pages import article_pages  # noqa: E402
from vntext import tidy  # noqa: E402

_TOKEN = re.compile(r"\w+")
HELD_OUT_SHARE = 30  # percent of the Zyte pages kept out of tuning
Extractor = Callable[[str, str], str]


# ---- the benchmark's metric -------------------------------------------------------------------------
def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle multisets, normalised so that the page weighs 1."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp, fn = sum((p - t).values()), sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def zyte_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """F1, precision, recall, accuracy of (truth, prediction) pairs, as the benchmark defines them."""
    counts = [page_counts(truth, pred) for truth, pred in pairs]
    precision = statistics.mean([_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0] or [0.0])
    recall = statistics.mean([_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = [_TOKEN.findall(truth) == _TOKEN.findall(pred) for truth, pred in pairs]
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": sum(exact) / len(exact)}


# ---- extractors -------------------------------------------------------------------------------------
def project_text(module: ModuleType) -> Extractor:
    """The article text a reader sees from a module's extract_article: the lead when the page prints
    it (not a meta description), then the body."""

    def run(html: str, url: str) -> str:
        try:
            article = module.extract_article(html, url)
        except module.ExtractionError:
            return ""
        lead = _loose(article.lead)
        printed = lead and lead in _loose(lxml_html.fromstring(html).text_content())
        return f"{article.lead}\n{article.body}" if printed and lead[:200] not in _loose(article.body) else article.body

    return run


def project_call(module: ModuleType) -> Extractor:
    """The body of a module's extract_article (what the issue measured), also used for timing."""

    def run(html: str, url: str) -> str:
        try:
            return module.extract_article(html, url).body
        except module.ExtractionError:
            return ""

    return run


def trafilatura_text(html: str, url: str) -> str:
    return trafilatura.extract(html, include_comments=False) or ""


def baseline_module(rev: str) -> ModuleType:
    """crawler/extract.py as it is at git revision rev, imported beside the current one."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:crawler/extract.py"], check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "extract_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("extract_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- data -------------------------------------------------------------------------------------------
def held_out(page_id: str) -> bool:
    return int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 100 < HELD_OUT_SHARE


def zyte_pages(folder: Path) -> list[tuple[str, str, str, str]]:
    """(id, url, html, true body) of every benchmark page."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((page_id, item.get("url", ""), html, item.get("articleBody", "")))
    return pages


def real_pages(folder: Path) -> list[tuple[dict, str]]:
    """(gold record, decoded html) of every page of a realpages-format folder."""
    pages = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            raw = (folder / gold["file"]).read_bytes()
            pages.append((gold, decode_html(gzip.decompress(raw) if gold["file"].endswith(".gz") else raw)))
    return pages


# ---- per-field scores on real pages -----------------------------------------------------------------
def _loose(text: str) -> str:
    """Text compared loosely (the benchmark's tokens only)."""
    return " ".join(_TOKEN.findall(html_lib.unescape(text or "")))


def _norm(text: str | None) -> str:
    return tidy(html_lib.unescape(text or ""))


def field_hits(gold: dict, html: str, module: ModuleType) -> dict[str, bool]:
    """Which fields of one page the extractor gets right (a lost page gets nothing right)."""
    try:
        article = module.extract_article(html, gold["url"])
    except module.ExtractionError:
        return {"lost": True}
    body, text = _norm(article.body), _norm(f"{article.lead}\n{article.body}")
    minute = article.published_at.isoformat()[:16] if article.published_at else None
    accept = {_norm(a) for a in gold.get("author_accept") or []}
    return {
        "title": _norm(article.title) == _norm(gold["title"]),
        "date": minute == (gold["published"][:16] if gold.get("published") else None),
        "author": _norm(article.author) in accept if accept else not article.author,
        "body_first": _norm(gold["body_first"]) in body,
        "body_last": _norm(gold["body_last"]) in body,
        "no_boilerplate": not any(_norm(s) in text for s in gold.get("not_body") or []),
        "lost": False,
    }


def gold_problems(gold: dict, html: str) -> list[str]:
    """Gold strings that are not on their page."""
    page = _norm(lxml_html.fromstring(html).text_content())
    keys = ("title", "body_first", "body_last", "lead")
    return [f"{gold['id']}: {k}" for k in keys if gold.get(k) and _norm(gold[k]) not in page]


# ---- timing -----------------------------------------------------------------------------------------
def ms_per_page(runs: dict[str, Extractor], pages: list[tuple[str, str]], repeat: int) -> dict[str, float]:
    """Per extractor, the median over pages of the best of `repeat` timings, in ms. The extractors take
    turns on each page, so that the load of a shared machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for html, url in pages:
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(repeat):
            for name, run in runs.items():
                start = time.perf_counter()
                with contextlib.suppress(Exception):  # crashes are counted by the quality report
                    run(html, url)
                best[name] = min(best[name], time.perf_counter() - start)
        for name in runs:
            times[name].append(best[name] * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


# ---- report -----------------------------------------------------------------------------------------
def report_zyte(folder: Path, part: str, extractors: dict[str, Extractor]) -> list[tuple[str, str]]:
    pages = zyte_pages(folder)
    parts = {"dev": [p for p in pages if not held_out(p[0])], "held": [p for p in pages if held_out(p[0])]}
    parts["all"] = pages
    shown = ["dev", "held", "all"] if part == "all" else [part]
    print(f"\n## Zyte article-extraction-benchmark ({len(parts['dev'])} dev, {len(parts['held'])} held-out pages)")
    print("| extractor | part | pages | F1 | precision | recall | accuracy | crashes |")
    print("|---|---|---|---|---|---|---|---|")
    for name, run in extractors.items():
        for which in shown:
            predictions, crashes = [], 0
            for page_id, url, html, truth in parts[which]:
                try:
                    predictions.append((truth, run(html, url)))
                except Exception as exc:  # noqa: BLE001 - a crash is what the benchmark counts here
                    crashes += 1
                    predictions.append((truth, ""))
                    print(f"  crash {name} {page_id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            s = zyte_scores(predictions)
            print(
                f"| {name} | {which} | {len(predictions)} | {s['f1']:.3f} | {s['precision']:.3f} "
                f"| {s['recall']:.3f} | {s['accuracy']:.3f} | {crashes} |"
            )
    return [(html, url) for _, url, html, _ in parts[shown[-1]]]


def report_realpages(folder: Path, modules: dict[str, ModuleType]) -> list[tuple[str, str]]:
    pages = real_pages(folder)
    problems = [p for gold, html in pages for p in gold_problems(gold, html)]
    print(f"\n## Real pages ({len(pages)} pages, {folder.name}); gold strings not on their page: {problems or 'none'}")
    fields = ("title", "date", "author", "body_first", "body_last", "no_boilerplate", "lost")
    print("| extractor | " + " | ".join(fields) + " |")
    print("|---|" + "---|" * len(fields))
    for name, module in modules.items():
        hits = [field_hits(gold, html, module) for gold, html in pages]
        print(f"| {name} | " + " | ".join(f"{sum(h.get(f, False) for h in hits)}/{len(pages)}" for f in fields) + " |")
        for (gold, _), h in zip(pages, hits, strict=True):
            misses = [f for f in fields[:-1] if not h.get(f)] if not h["lost"] else ["lost"]
            if misses:
                print(f"  {name} {gold['id']}: misses {', '.join(misses)}", file=sys.stderr)
    return [(html, gold["url"]) for gold, html in pages]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zyte", type=Path, help="folder of Zyte's article-extraction-benchmark")
    parser.add_argument("--realpages", type=Path, help="folder of pages with gold.jsonl")
    parser.add_argument("--part", choices=("dev", "held", "all"), default="dev")
    parser.add_argument("--baseline", help="git revision whose crawler/extract.py is measured beside")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    modules = {"newsarchive": crawler.extract}
    if args.baseline:
        modules[f"baseline {args.baseline}"] = baseline_module(args.baseline)
    extractors: dict[str, Extractor] = {}
    for name, module in modules.items():
        extractors[f"{name} (body)"] = project_call(module)
        extractors[f"{name} (printed lead + body)"] = project_text(module)
    extractors["trafilatura " + trafilatura.__version__] = trafilatura_text
    timed: dict[str, Extractor] = {name: project_call(m) for name, m in modules.items()}
    timed["trafilatura " + trafilatura.__version__] = trafilatura_text
    sets = {"sample press": [(html, url) for _, url, html in article_pages()]}
    if args.zyte:
        sets["zyte"] = report_zyte(args.zyte, args.part, extractors)
    if args.realpages:
        sets["real pages"] = report_realpages(args.realpages, modules)
    print(f"\n## Speed (ms/page, median of pages, best of {args.repeat}, extractors taking turns)")
    print("| extractor | " + " | ".join(sets) + " |")
    print("|---|" + "---|" * len(sets))
    medians = {which: ms_per_page(timed, pages, args.repeat) for which, pages in sets.items()}
    for name in timed:
        print(f"| {name} | " + " | ".join(f"{medians[which][name]:.2f}" for which in sets) + " |")


if __name__ == "__main__":
    main()
