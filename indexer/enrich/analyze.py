"""Analyze a plain-text article file: officials and topics, as a JSON-able dict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indexer.enrich import Enrichment, enrich
from vntext.chrome import cut_text_at_chrome

MAX_TITLE_CHARS = 200


def split_title(text: str) -> tuple[str, str]:
    """(title, body): the first line is the title when it is short and has no final period."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if first and len(first) <= MAX_TITLE_CHARS and not first.endswith((".", "…")) and rest.strip():
        return first, rest.strip()
    return "", text.strip()


def analyze_text_file(path: str | Path) -> dict[str, Any]:
    """What enrichment finds in a .txt article, JSON-able.

    {'file', 'title', 'published': None, 'officials': [{'name', 'titles', 'province', 'national'}],
    'quotes': [{'official', 'text', 'kind', 'sentence'}], 'topics': [...]}
    """
    text = cut_text_at_chrome(Path(path).read_text(encoding="utf-8"))
    title, body = split_title(text)
    found = enrich(title, "", body, None)
    return {
        "file": str(path),
        "title": title,
        "published": None,
        **enrichment_json(found),
    }


def enrichment_json(found: Enrichment) -> dict[str, Any]:
    """{'officials', 'quotes', 'topics'} of an Enrichment, JSON-able (shared by the .txt and .html paths)."""
    return {
        "officials": [
            {"name": o.name, "titles": list(o.titles), "province": o.province, "national": o.national}
            for o in found.officials
        ],
        "quotes": [
            {"official": o.name, "text": q.text, "kind": q.kind, "sentence": q.sentence}
            for o in found.officials
            for q in o.quotes
        ],
        "topics": found.topics,
    }
