"""Attention over time: articles matching a search per period, as counts and as a share of everything the
selected papers and provinces published in that period."""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, replace

from search.backend import SearchBackend
from search.model import QueryError, SearchRequest
from search.periods import MAX_PERIODS, Interval, period_range, period_start
from webapp import messages

MAX_COMPARED = 5  # queries on one chart
# Filters the denominator keeps: the papers, provinces and years chosen (not the query, officials, topics).
BASELINE_FACETS = ("paper", "province", "year")


@dataclass(frozen=True, slots=True)
class Point:
    period: str
    count: int  # articles matching the search
    total: int  # every article of the selected papers and provinces in the period

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0

    def to_json(self) -> dict[str, object]:
        return {"period": self.period, "count": self.count, "total": self.total, "share": round(self.share, 6)}


def baseline(request: SearchRequest) -> SearchRequest:
    """The request of the denominator: same papers, provinces, years, dates and copies, no query."""
    filters = {facet: values for facet, values in request.filters.items() if facet in BASELINE_FACETS}
    return replace(request, q="", filters=filters, page=1, size=1, with_facets=False, periods=None)


BASELINE_TTL = 60.0  # seconds a denominator (articles per period of a selection) is reused before a recount


class BaselineCache:
    """The denominators of attention charts, per backend, selection and interval, for BASELINE_TTL seconds:
    every page with a chart needs one, and it does not change with the query, officials or topics."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: weakref.WeakKeyDictionary[SearchBackend, dict[tuple, tuple[float, dict[str, int]]]] = (
            weakref.WeakKeyDictionary()
        )

    def totals(self, source: SearchBackend, request: SearchRequest, interval: Interval) -> dict[str, int]:
        base = baseline(request)
        filters = tuple(sorted((facet, tuple(sorted(values))) for facet, values in base.filters.items()))
        key = (filters, base.date_from, base.date_to, base.hide_copies, interval)
        with self._lock:
            cached = self._entries.get(source, {}).get(key)
        if cached and time.monotonic() - cached[0] < BASELINE_TTL:
            return cached[1]
        counts = source.histogram(base, interval)
        with self._lock:
            self._entries.setdefault(source, {})[key] = (time.monotonic(), counts)
        return counts


_BASELINES = BaselineCache()


def periods_of(request: SearchRequest, interval: Interval, *histograms: dict[str, int]) -> list[str]:
    """Every period from date_from (or the first match of any histogram) to date_to (or the last match)."""
    keys = [k for counts in histograms for k in counts]
    if not keys and not (request.date_from and request.date_to):
        return []
    first = request.date_from or period_start(min(keys))
    last = request.date_to or period_start(max(keys))
    periods = period_range(first, last, interval)
    if len(periods) >= MAX_PERIODS:
        raise QueryError(messages.TOO_MANY_PERIODS, high=MAX_PERIODS)
    return periods


def series(
    source: SearchBackend, request: SearchRequest, interval: Interval, counts: dict[str, int] | None = None
) -> list[Point]:
    """The request's matches per period (`counts` when its search already gave them), zero-filled over
    periods_of, beside the selection's total."""
    counts = source.histogram(request, interval) if counts is None else counts
    periods = periods_of(request, interval, counts)
    totals = _BASELINES.totals(source, request, interval) if periods else {}
    return [Point(p, counts.get(p, 0), totals.get(p, 0)) for p in periods]


@dataclass(frozen=True, slots=True)
class Compared:
    q: str
    total: int
    points: list[Point]


def compare(source: SearchBackend, request: SearchRequest, queries: list[str], interval: Interval) -> list[Compared]:
    """Several queries under the same filters, over the same zero-filled periods and denominator."""
    queries = [q.strip() for q in queries if q.strip()][:MAX_COMPARED]
    requests = [replace(request, q=q, page=1, size=1, with_facets=False, periods=interval) for q in queries]
    results = [source.search(r) for r in requests]  # one search a query: its total and its periods
    periods = periods_of(request, interval, *(r.periods for r in results))
    totals = _BASELINES.totals(source, request, interval) if periods else {}
    return [
        Compared(r.q, result.total, [Point(p, result.periods.get(p, 0), totals.get(p, 0)) for p in periods])
        for r, result in zip(requests, results, strict=True)
    ]
