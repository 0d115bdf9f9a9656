"""Article enrichment: officials named with their titles, and topic tags. One call per article."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.enrich.officials import (
    Official,
    find_officials,
    official_id,
    officials_and_titles,
)
from indexer.enrich.topics import TOPICS, classify
from vntext import canonical, repair
from vntext.chrome import cut_text_at_chrome

__all__ = ["TOPICS", "Enrichment", "Official", "classify", "enrich", "find_officials", "official_id"]


@dataclass(slots=True)
class Enrichment:
    """What `enrich` found in one article."""

    officials: list[Official] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


def enrich(title: str, lead: str, body: str, section: str | None) -> Enrichment:
    """Officials (title, lead and body read as one text) and 0-4 topics (primary first) of an article."""
    text = cut_text_at_chrome(repair("\n\n".join(part for part in (title or "", lead or "", body or ""))))
    work = canonical(text)
    officials, title_spans, name_spans = officials_and_titles(text, work)
    cut = len(repair(title or ""))  # title and the rest, as canonical slices of one computation
    topical = _without(work, sorted(title_spans + name_spans))
    titles_text = " ; ".join(work[a:b] for a, b in title_spans)
    topics = classify(
        topical[:cut], topical[cut:], section, canonical_input=True, titles_text=titles_text, full_text=work
    )
    return Enrichment(officials=officials, topics=topics)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the officials' titles blanked (same length): 'Giám đốc Sở Y tế' in an attendee list
    is no evidence of a health story."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], " " * (b - a)]
        last = b
    parts.append(text[last:])
    return "".join(parts)
