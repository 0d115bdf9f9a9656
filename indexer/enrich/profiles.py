"""Official profiles across the archive: titles over time, attention by month, co-mentions, topics.

`holders` answers "who was Chủ tịch UBND tỉnh in Cà Mau in 2017" from the observed title spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from indexer.enrich.officials import Official, official_id
from vntext import key
from vntext.abbreviations import title_key

__all__ = ["ArticleMentions", "Official", "OfficialProfile", "TitleSpan", "build_profiles", "holders"]

TOP_CO_MENTIONED = 10
_NOT_HOLDING = ("nguyên ", "cố ")  # former or late holders do not hold the title on that date


@dataclass(slots=True)
class ArticleMentions:
    """The officials and topics enrichment found in one article."""

    article_id: str
    published: date | None
    province: str
    topics: list[str]
    officials: list[Official]


@dataclass(slots=True)
class TitleSpan:
    """A title as first written, with the dates of the first and last article giving it."""

    title: str
    first_seen: date | None
    last_seen: date | None
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "articles": self.articles,
        }


@dataclass(slots=True)
class OfficialProfile:
    """Everything the archive says about one official in one province."""

    id: str
    name: str
    province: str
    titles: list[TitleSpan] = field(default_factory=list)
    mentions_by_month: dict[str, int] = field(default_factory=dict)
    co_mentioned: list[tuple[str, str, int]] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)
    article_count: int = 0
    first_seen: date | None = None
    last_seen: date | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (dates as ISO strings)."""
        return {
            "id": self.id,
            "name": self.name,
            "province": self.province,
            "titles": [t.to_dict() for t in self.titles],
            "mentions_by_month": dict(self.mentions_by_month),
            "co_mentioned": [{"id": i, "name": n, "count": c} for i, n, c in self.co_mentioned],
            "topics": [{"slug": s, "count": c} for s, c in self.topics],
            "article_count": self.article_count,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficialProfile:
        """Inverse of to_dict."""
        return cls(
            id=data["id"],
            name=data["name"],
            province=data["province"],
            titles=[
                TitleSpan(t["title"], _date(t.get("first_seen")), _date(t.get("last_seen")), t.get("articles", 0))
                for t in data.get("titles", [])
            ],
            mentions_by_month=dict(data.get("mentions_by_month", {})),
            co_mentioned=[(c["id"], c["name"], c["count"]) for c in data.get("co_mentioned", [])],
            topics=[(t["slug"], t["count"]) for t in data.get("topics", [])],
            article_count=data.get("article_count", 0),
            first_seen=_date(data.get("first_seen")),
            last_seen=_date(data.get("last_seen")),
        )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


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


def build_profiles(articles: Iterable[ArticleMentions], top_n: int = TOP_CO_MENTIONED) -> list[OfficialProfile]:
    """One profile per (official, province), sorted by article count (descending), then id."""
    accs: dict[str, _Acc] = {}
    names: dict[str, str] = {}
    for art in articles:
        ids_here: dict[str, Official] = {}
        for o in art.officials:
            ids_here.setdefault(official_id(o.name, art.province), o)
        for oid, o in ids_here.items():
            acc = accs.get(oid)
            if acc is None:
                acc = accs[oid] = _Acc(OfficialProfile(id=oid, name=o.name, province=art.province))
                names[oid] = o.name
            p = acc.profile
            p.article_count += 1
            p.first_seen, p.last_seen = _widen(p.first_seen, p.last_seen, art.published)
            if art.published:
                acc.months[art.published.strftime("%Y-%m")] += max(o.mentions, 1)
            acc.topics.update(set(art.topics))
            acc.co.update(other for other in ids_here if other != oid)
            seen_keys: set[str] = set()
            for t in o.titles:
                tk = title_key(t)
                if tk in seen_keys:
                    continue
                seen_keys.add(tk)
                span = acc.spans.get(tk)
                if span is None:
                    span = acc.spans[tk] = TitleSpan(t, art.published, art.published, 0)
                span.first_seen, span.last_seen = _widen(span.first_seen, span.last_seen, art.published)
                span.articles += 1
    profiles = []
    for acc in accs.values():
        p = acc.profile
        order = {id(s): i for i, s in enumerate(acc.spans.values())}
        p.titles = sorted(acc.spans.values(), key=lambda s: (s.first_seen or date.max, order[id(s)]))
        p.mentions_by_month = dict(sorted(acc.months.items()))
        p.co_mentioned = [(i, names[i], c) for i, c in sorted(acc.co.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]]
        p.topics = sorted(acc.topics.items(), key=lambda kv: (-kv[1], kv[0]))
        profiles.append(p)
    profiles.sort(key=lambda p: (-p.article_count, p.id))
    return profiles


def _place_free(title_k: str, province: str) -> str:
    """'chủ tịch ủy ban nhân dân tỉnh cà mau' → 'chủ tịch ủy ban nhân dân tỉnh' for the profile's province."""
    prov = key(province)
    if prov and title_k.endswith(" " + prov):
        title_k = title_k[: -len(prov) - 1]
    return title_k


def holders(
    profiles: Iterable[OfficialProfile], title_query: str, on: date | int, province: str | None = None
) -> list[OfficialProfile]:
    """Who held a title (abbreviation-insensitive) on a date, or at some point of a year (int).

    Based on observed spans: a title counts from the first to the last article giving it. 'nguyên'
    (former) titles never count. Most recently seen holders first.
    """
    want = title_key(title_query)
    if on is None or isinstance(on, date):
        lo = hi = on
    else:
        lo, hi = date(on, 1, 1), date(on, 12, 31)
    found: list[tuple[date, OfficialProfile]] = []
    for p in profiles:
        if province is not None and key(p.province) != key(province):
            continue
        want_here = _place_free(want, p.province)
        for span in p.titles:
            if span.title.lower().startswith(_NOT_HOLDING) or span.first_seen is None or span.last_seen is None:
                continue
            if _place_free(title_key(span.title), p.province) != want_here:
                continue
            if span.first_seen <= hi and span.last_seen >= lo:
                found.append((span.last_seen, p))
                break
    found.sort(key=lambda x: (x[0], x[1].id), reverse=True)
    return [p for _, p in found]
