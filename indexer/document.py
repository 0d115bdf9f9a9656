"""The search document: an archived article with its enrichment, as every backend stores it."""

from __future__ import annotations

from typing import Any

from archive.article import Article, to_vietnam_time


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
