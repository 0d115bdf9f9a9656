"""The stored search document as the backends read it: its facet values, its text, its characteristic words.

The document itself is built by the indexer (`indexer.document.search_document`).
"""

from __future__ import annotations

from typing import Any

from search.query import Word
from vntext import tokenize
from vntext.stopwords import is_common


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
