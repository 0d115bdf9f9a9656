"""Score crawler.links.classify_link on the real outlet URLs of tests/data/real_urls.tsv.

    .venv/bin/python bench/score_links.py [--split heldout|tune|all]

Prints, per scope (provincial, national, all): article URLs followed (not "other"), recognised as articles,
and listing URLs followed, with the misses. The held-out split is meant to be scored once, after tuning.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.links import classify_link  # noqa: E402
from tests.real_urls import real_urls, score  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("heldout", "tune", "all"), default="heldout")
    args = parser.parse_args()
    rows = real_urls(None if args.split == "all" else args.split)
    print(f"| {args.split} | articles | listings | article followed | as article | listing followed | as section |")
    print("|---|---|---|---|---|---|---|")
    for scope in ("provincial", "national", "all"):
        subset = [r for r in rows if scope == "all" or r.scope == scope]
        s = score(subset)
        print(
            f"| {scope} | {s['articles']} | {s['listings']} | {s['article_followed']:.1%} | "
            f"{s['article_recognised']:.1%} | {s['listing_followed']:.1%} | {s['listing_recognised']:.1%} |"
        )
    for r in rows:
        got = classify_link(r.url, r.home_netloc)
        if (r.kind == "article" and got != "article") or (r.kind == "listing" and got == "other"):
            print(f"miss: {r.kind} -> {got}: {r.url}")


if __name__ == "__main__":
    main()
