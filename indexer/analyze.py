"""`newsarchive analyze`: officials and topics of a saved page (.html) or of plain text (.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawler.extract import extract_article
from indexer.enrich import enrich
from indexer.enrich.analyze import analyze_text_file, enrichment_json


def analyze_file(path: Path) -> dict[str, Any]:
    """One JSON-able result per file: {"file", "title", "published", "officials", "quotes", "topics"}."""
    if path.suffix.lower() not in (".html", ".htm"):
        return analyze_text_file(path)
    raw = path.read_bytes()
    html = raw.decode("utf-8") if raw[:3] != b"\xef\xbb\xbf" else raw[3:].decode("utf-8")
    article = extract_article(html, path.resolve().as_uri())
    found = enrich(article.title, article.lead, article.body, article.section)
    return {
        "file": str(path),
        "title": article.title,
        "published": article.published_at.isoformat() if article.published_at else None,
        **enrichment_json(found),
    }
