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
from indexer.enrich.officials import Quote
from indexer.enrich.profiles import ArticleMentions, Official, build_profiles, official_identity
from search.backend import SearchBackend
from search.model import SearchRequest

ARCHIVE_SEQ = "archive_seq"
Progress = Callable[[Iterator[dict], int], Iterator[dict]]


@dataclass(slots=True)
class IndexSummary:
    """What one indexing run did."""

    mode: str
    indexed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    officials: int = 0


def document_official(official: Official, paper_province: str) -> dict[str, Any]:
    """An official as a search document stores it: the identity's id and place, titles and quotes as printed."""
    oid, place = official_identity(official, paper_province)
    return {
        "id": oid,
        "name": official.name,
        "titles": list(official.titles),
        "province": place,
        "text_province": official.province,
        "national": official.national,
        "mentions": official.mentions,
        "quotes": [{"text": q.text, "kind": q.kind, "sentence": q.sentence} for q in official.quotes],
    }


def article_document(article: Article, cluster_id: str | None = None) -> dict[str, Any]:
    """Enrich one archived article and build its search document."""
    found = enrich(article.title, article.lead, article.body, article.section)
    officials = [document_official(o, article.province) for o in found.officials]
    return search_document(article, officials, [(slug, TOPICS[slug]) for slug in found.topics], cluster_id)


def _documents(archive: Archive, since: int) -> Iterator[dict]:
    for _, article in archive.articles(since):
        yield article_document(article, archive.cluster_of(article.id))


def _mentions(doc: dict[str, Any]) -> ArticleMentions:
    published = datetime.fromisoformat(doc["published"]).date() if doc.get("published") else None
    officials = [
        Official(
            name=o["name"],
            titles=list(o.get("titles", [])),
            mentions=o.get("mentions", 1),
            province=o.get("text_province"),
            national=bool(o.get("national")),
            quotes=[Quote(q["text"], q.get("kind", "direct"), q.get("sentence", "")) for q in o.get("quotes", [])],
        )
        for o in doc["officials"]
    ]
    return ArticleMentions(
        article_id=doc["id"],
        published=published,
        province=doc.get("province", ""),
        topics=list(doc.get("topics", [])),
        officials=officials,
    )


PROFILE_BATCH = 500  # officials whose articles are fetched in one search when their profiles are updated


def _tracking(docs: Iterator[dict[str, Any]], backend: SearchBackend, affected: set[str]) -> Iterator[dict[str, Any]]:
    """The documents as they go to the backend, noting the officials of each one and of the version it replaces."""
    for doc in docs:
        old = backend.get(doc["id"])
        affected.update(o["id"] for o in doc.get("officials", []))
        affected.update(o["id"] for o in (old or {}).get("officials", []))
        yield doc


def all_profiles(backend: SearchBackend) -> list[dict[str, Any]]:
    """Every profile, built from a scan of every stored document."""
    return [profile.to_dict() for profile in build_profiles(_mentions(doc) for doc in backend.iter_docs())]


def updated_profiles(backend: SearchBackend, affected: set[str]) -> list[dict[str, Any]]:
    """The stored profiles with those of `affected` officials rebuilt from all of their articles (and dropped
    when no article names them any more). Equal to `all_profiles`: an official's profile depends only on the
    articles naming them, and every official of a changed article (old or new version) is in `affected`."""
    stored = {p["id"]: p for p in backend.officials()}
    wanted = sorted(affected)
    for start in range(0, len(wanted), PROFILE_BATCH):
        batch = set(wanted[start : start + PROFILE_BATCH])
        naming = backend.iter_matching(SearchRequest(filters={"officials": sorted(batch)}, with_facets=False))
        rebuilt = {p.id: p.to_dict() for p in build_profiles(_mentions(doc) for doc in naming) if p.id in batch}
        for oid in batch:
            if oid in rebuilt:
                stored[oid] = rebuilt[oid]
            else:
                stored.pop(oid, None)
    for profile in stored.values():  # a co-mentioned official's name as their own profile spells it
        for co in profile.get("co_mentions", []):
            co["name"] = stored[co["id"]]["name"] if co["id"] in stored else co["name"]
    return sorted(stored.values(), key=lambda p: (-p.get("article_count", 0), p["id"]))


def index_archive(
    archive: Archive, backend: SearchBackend, *, rebuild: bool = False, progress: Progress | None = None
) -> IndexSummary:
    """Index what changed in the archive since the last run (everything on a rebuild), then the profiles:
    all of them on a rebuild or a first run, else only those of the officials whose articles changed.

    `progress(docs, total)` wraps the documents on their way to the backend (to show how far it got).
    """
    since = 0 if rebuild else int(backend.get_state(ARCHIVE_SEQ) or 0)
    last = archive.last_seq()
    affected: set[str] = set()
    docs = _documents(archive, since)
    if progress:
        docs = progress(docs, archive.count(since))
    if rebuild or since == 0:
        report = backend.rebuild(docs) if rebuild else backend.index(docs)
        profiles = all_profiles(backend)
    else:
        report = backend.index(_tracking(docs, backend, affected))
        profiles = updated_profiles(backend, affected) if affected else None
    if not report.failed:  # otherwise the next run tries the same changes again
        backend.set_state(ARCHIVE_SEQ, str(last))
    if profiles is not None:
        backend.put_officials(profiles)
    count = len(profiles) if profiles is not None else len(backend.officials())
    return IndexSummary("rebuild" if rebuild else "incremental", report.indexed, report.failed, count)
