"""Load the archive into the search backend: incremental by default, or a full rebuild."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive.article import Article
from archive.store import Archive
from domain.topics import TOPICS
from indexer.document import search_document
from indexer.enrich import enrich
from indexer.enrich.officials import official_id
from indexer.enrich.profiles import ArticleMentions, Official, build_profiles
from search.backend import SearchBackend

ARCHIVE_SEQ = "archive_seq"
Progress = Callable[[Iterator[dict], int], Iterator[dict]]


@dataclass(slots=True)
class IndexSummary:
    """What one indexing run did."""

    mode: str
    indexed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    officials: int = 0


def article_document(article: Article, cluster_id: str | None = None) -> dict[str, Any]:
    """Enrich one archived article and build its search document."""
    found = enrich(article.title, article.lead, article.body, article.section)
    officials = [
        {"id": official_id(o.name, article.province), "name": o.name, "titles": o.titles} for o in found.officials
    ]
    return search_document(article, officials, [(slug, TOPICS[slug]) for slug in found.topics], cluster_id)


def _documents(archive: Archive, since: int) -> Iterator[dict]:
    for _, article in archive.articles(since):
        yield article_document(article, archive.cluster_of(article.id))


def _mentions(doc: dict[str, Any]) -> ArticleMentions:
    published = datetime.fromisoformat(doc["published"]).date() if doc.get("published") else None
    officials = [Official(name=o["name"], titles=list(o.get("titles", [])), mentions=1) for o in doc["officials"]]
    return ArticleMentions(
        article_id=doc["id"],
        published=published,
        province=doc.get("province", ""),
        topics=list(doc.get("topics", [])),
        officials=officials,
    )


def index_archive(
    archive: Archive, backend: SearchBackend, *, rebuild: bool = False, progress: Progress | None = None
) -> IndexSummary:
    """Index what changed in the archive since the last run (everything on a rebuild), then the profiles.

    `progress(docs, total)` wraps the documents on their way to the backend (to show how far it got).
    """
    since = 0 if rebuild else int(backend.get_state(ARCHIVE_SEQ) or 0)
    last = archive.last_seq()
    docs = _documents(archive, since)
    if progress:
        docs = progress(docs, archive.count(since))
    report = backend.rebuild(docs) if rebuild else backend.index(docs)
    if not report.failed:  # otherwise the next run tries the same changes again
        backend.set_state(ARCHIVE_SEQ, str(last))
    profiles = build_profiles(_mentions(doc) for doc in backend.iter_docs())
    backend.put_officials([profile.to_dict() for profile in profiles])
    return IndexSummary("rebuild" if rebuild else "incremental", report.indexed, report.failed, len(profiles))
