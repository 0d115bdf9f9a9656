"""Building official profiles across the archive: titles with their evidence, attention, quotes, co-mentions.

The profile model and the who-held query live in `domain.profiles` (the read side serves them without
importing the indexer). One profile per identity: a national official is one profile whatever paper
names them; anyone else is filed under the province the text places them in, else the paper's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from domain.profiles import (
    MAX_QUOTES,
    CoMention,
    Evidence,
    OfficialProfile,
    ProfileQuote,
    TitleSpan,
    holders,
    identity,
    span_key,
    who_held,
)
from indexer.enrich.officials import Official

__all__ = [
    "ArticleMentions",
    "Official",
    "OfficialProfile",
    "TitleSpan",
    "build_profiles",
    "holders",
    "official_identity",
    "who_held",
]

TOP_CO_MENTIONED = 10


@dataclass(slots=True)
class ArticleMentions:
    """The officials and topics enrichment found in one article; `province` is the paper's."""

    article_id: str
    published: date | None
    province: str
    topics: list[str]
    officials: list[Official]


def official_identity(official: Official, paper_province: str) -> tuple[str, str]:
    """(id, place) of an official named in an article: national, else the text's province, else the paper's."""
    return identity(official.name, official.province or paper_province, official.national)


def _widen(first: date | None, last: date | None, d: date | None) -> tuple[date | None, date | None]:
    if d is None:
        return first, last
    return (d if first is None or d < first else first), (d if last is None or d > last else last)


@dataclass(slots=True)
class _Acc:
    profile: OfficialProfile
    spans: dict[str, TitleSpan] = field(default_factory=dict)
    co: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)

    def add(self, art: ArticleMentions, official: Official, others: Iterable[str]) -> None:
        """Count one article naming this official."""
        p = self.profile
        p.article_count += 1
        p.first_seen, p.last_seen = _widen(p.first_seen, p.last_seen, art.published)
        if art.published:
            self.months[art.published.strftime("%Y-%m")] += max(official.mentions, 1)
        self.topics.update(set(art.topics))
        self.co.update(others)
        self.names[official.name] += 1
        for t in dict.fromkeys(official.titles):
            tk = span_key(t, p.province)
            span = self.spans.get(tk)
            if span is None:
                span = self.spans[tk] = TitleSpan(t, art.published, art.published)
            elif span.evidence and span.evidence[-1].article_id == art.article_id:
                continue  # two spellings of one title in one article
            span.first_seen, span.last_seen = _widen(span.first_seen, span.last_seen, art.published)
            span.evidence.append(Evidence(art.article_id, art.published, t))
        p.quotes.extend(
            ProfileQuote(q.text, q.kind, art.article_id, art.published, q.sentence) for q in official.quotes
        )


def _finish(acc: _Acc, names: dict[str, str], top_n: int) -> OfficialProfile:
    """The finished profile; nothing depends on the order the articles came in (incremental = full rebuild)."""
    p = acc.profile
    for span in acc.spans.values():
        span.evidence.sort(key=lambda e: (e.published or date.max, e.article_id))
        span.title = span.evidence[0].title  # as the earliest article printed it
    ordered = sorted(acc.spans.items(), key=lambda ks: (ks[1].first_seen or date.max, ks[0]))
    p.titles = [span for _, span in ordered]
    p.mentions_by_month = dict(sorted(acc.months.items()))
    ranked = sorted(acc.co.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
    p.co_mentions = [CoMention(i, names[i], c) for i, c in ranked]
    p.topics = sorted(acc.topics.items(), key=lambda kv: (-kv[1], kv[0]))
    p.quotes.sort(key=lambda q: (q.published or date.min, q.article_id), reverse=True)
    p.quotes = p.quotes[:MAX_QUOTES]
    p.name = names[p.id]
    p.aliases = sorted(n for n in acc.names if n != p.name)
    return p


def build_profiles(articles: Iterable[ArticleMentions], top_n: int = TOP_CO_MENTIONED) -> list[OfficialProfile]:
    """One profile per identity, sorted by article count (descending), then id."""
    accs: dict[str, _Acc] = {}
    for art in articles:
        here: dict[str, Official] = {}
        for o in art.officials:
            oid, place = official_identity(o, art.province)
            if oid not in here:
                here[oid] = o
                if oid not in accs:
                    accs[oid] = _Acc(OfficialProfile(id=oid, name=o.name, province=place, national=o.national))
        for oid, o in here.items():
            accs[oid].add(art, o, (other for other in here if other != oid))
    names = {oid: min(acc.names.items(), key=lambda nc: (-nc[1], nc[0]))[0] for oid, acc in accs.items()}
    profiles = [_finish(acc, names, top_n) for acc in accs.values()]
    profiles.sort(key=lambda p: (-p.article_count, p.id))
    return profiles
