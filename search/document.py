"""The search document: an archived article with its enrichment, as every backend stores it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from archive.article import Article, to_vietnam_time
from search.query import Word
from vntext import tokenize


def search_document(
    article: Article, officials: list[dict[str, Any]], topics: list[tuple[str, str]], cluster_id: str | None = None
) -> dict:
    """Build the stored document; `officials` are {"id", "name", "titles"}, `topics` (slug, name) pairs.

    `cluster_id` names the duplicate cluster (the id of its earliest article); the others are copies.
    """
    published = to_vietnam_time(article.published_at) if article.published_at else None
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "paper": article.paper,
        "province": article.province,
        "section": article.section,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "author": article.author,
        "published": published.isoformat() if published else None,
        "year": f"{published.year:04d}" if published else None,
        "month": f"{published.year:04d}-{published.month:02d}" if published else None,
        "officials": officials,
        "topics": [slug for slug, _ in topics],
        "topic_names": [name for _, name in topics],
        "images": [{"src": i.src, "caption": i.caption} for i in article.images],
        "cluster_id": cluster_id or article.id,
        "is_copy": bool(cluster_id) and cluster_id != article.id,
    }


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


# Function words too common to tell articles apart ("của", "và", "các", ...), compared in canonical form.
_COMMON_WORDS = (
    "của và các những là có được cho với trong đã đang sẽ này đó một không khi để từ tại theo về "
    "ra người năm ngày tháng cùng như đến trên nhiều hơn cũng vào thì mà còn nên lại bị do việc công tác"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def similarity_words(doc: dict[str, Any], limit: int = 12) -> list[Word]:
    """The words that characterize a document (title words first, then the lead), for 'more like this'."""
    words: list[Word] = []
    for token in tokenize(doc.get("title", "") + " " + doc.get("lead", "")):
        word = Word(token.exact, True)
        if token.exact not in _COMMON and len(token.exact) > 1 and not token.exact.isdigit() and word not in words:
            words.append(word)
    return words[:limit]
