"""`newsarchive analyze`: officials and topics of a saved page (.html, .htm, gzipped or not) or of plain text."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from crawler.extract import extract_article
from indexer.enrich import enrich
from indexer.enrich.analyze import analyze_text_file, enrichment_json
from vntext.charset import decode_html


def analyze_file(path: Path) -> dict[str, Any]:
    """One JSON-able result per file: {"file", "title", "published", "officials", "quotes", "topics"}."""
    if not path.name.lower().removesuffix(".gz").endswith((".html", ".htm")):
        return analyze_text_file(path)
    raw = path.read_bytes()
    html = decode_html(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)  # its charset, as crawled pages'
    article = extract_article(html, path.resolve().as_uri())
    found = enrich(article.title, article.lead, article.body, article.section)
    return {
        "file": str(path),
        "title": article.title,
        "published": article.published_at.isoformat() if article.published_at else None,
        **enrichment_json(found),
    }
