"""The stored search document as the backends read it: its facet values, its text, its characteristic words.

The document itself is built by the indexer (`indexer.document.search_document`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from search.query import Word
from vntext import tokenize
from vntext.stopwords import is_common

_TEXT_FIELDS = ("title", "lead", "body", "author")
_KEYWORD_FIELDS = ("id", "paper", "province", "section", "year", "month", "cluster_id")
MAX_KEYWORD = 2000  # characters of one facet or id value (Elasticsearch refuses terms over 32 KB)


def _keyword_problem(name: str, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"{name} must be a string, not {type(value).__name__}"
    if len(value) > MAX_KEYWORD:
        return f"{name} is longer than {MAX_KEYWORD} characters"
    return None


def document_problem(doc: Any) -> str | None:
    """Why a search document cannot be indexed (None when it can): both backends refuse the same documents.

    Checked before writing, so a bad document fails the same way, with the same reason, on SQLite and
    Elasticsearch.
    """
    if not isinstance(doc, dict):
        return f"not a document: {type(doc).__name__}"
    if not doc.get("id"):
        return "id is missing"
    for name in _KEYWORD_FIELDS:
        if doc.get(name) is not None and (problem := _keyword_problem(name, doc[name])):
            return problem
    for name in _TEXT_FIELDS:
        if doc.get(name) is not None and not isinstance(doc[name], str):
            return f"{name} must be a string, not {type(doc[name]).__name__}"
    if doc.get("published") is not None:
        try:
            published = datetime.fromisoformat(doc["published"])
        except (TypeError, ValueError):
            return f"published is not an ISO date-time: {str(doc['published'])[:40]!r}"
        if published.tzinfo is None:
            return "published has no time zone"
    if not isinstance(doc.get("is_copy", False), bool):
        return "is_copy must be true or false"
    officials = doc.get("officials", [])
    if not isinstance(officials, list) or not all(
        isinstance(o, dict) and not _keyword_problem("id", o.get("id")) and not _keyword_problem("name", o.get("name"))
        for o in officials
    ):
        return "officials must be a list of {id, name} strings"
    for name in ("topics", "topic_names"):
        values = doc.get(name, [])
        if not isinstance(values, list) or any(_keyword_problem(name, v) for v in values):
            return f"{name} must be a list of strings"
    return None


def facet_values(doc: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """(value, label) pairs of each facet of a document; a value is what the facet's filter takes."""
    return {
        "officials": [(o["id"], o["name"]) for o in doc.get("officials", [])],
        "topics": list(zip(doc.get("topics", []), doc.get("topic_names", []), strict=False)),
        "province": [(doc["province"], doc["province"])] if doc.get("province") else [],
        "paper": [(doc["paper"], doc["paper"])] if doc.get("paper") else [],
        "year": [(doc["year"], doc["year"])] if doc.get("year") else [],
    }


def searchable_text(doc: dict[str, Any]) -> tuple[str, str]:
    """(title, full text) that the query matches against."""
    return doc.get("title", ""), "\n".join((doc.get("title", ""), doc.get("lead", ""), doc.get("body", "")))


def similarity_words(doc: dict[str, Any], limit: int = 12) -> list[Word]:
    """The words that characterize a document (title words first, then the lead), for 'more like this'."""
    words: list[Word] = []
    for token in tokenize(doc.get("title", "") + " " + doc.get("lead", "")):
        word = Word(token.exact, True)
        if not is_common(token.exact) and len(token.exact) > 1 and not token.exact.isdigit() and word not in words:
            words.append(word)
    return words[:limit]
