"""Article enrichment: officials named with their titles, and topic tags. One call per article."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.enrich.officials import (
    CHROME_RE,
    Official,
    find_officials,
    official_id,
    officials_in_canonical,
)
from indexer.enrich.topics import TOPICS, classify
from vntext import canonical, repair

__all__ = ["TOPICS", "Enrichment", "Official", "classify", "enrich", "find_officials", "official_id"]


@dataclass(slots=True)
class Enrichment:
    """What `enrich` found in one article."""

    officials: list[Official] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


def enrich(title: str, lead: str, body: str, section: str | None) -> Enrichment:
    """Officials (title, lead and body read as one text) and 1-4 topics (primary first) of an article."""
    text = repair("\n\n".join(part for part in (title or "", lead or "", body or "")))
    if m := CHROME_RE.search(text):
        text = text[: m.start()]
    work = canonical(text)
    cut = len(repair(title or ""))  # title and the rest, as canonical slices of one computation
    topics = classify(work[:cut], work[cut:], section, canonical_input=True)
    return Enrichment(officials=officials_in_canonical(text, work), topics=topics)
