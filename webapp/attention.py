"""Attention over time: articles matching a search per month, as counts and as a share of all published."""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, replace

from search.backend import SearchBackend
from search.model import SearchRequest
from webapp.charts import month_range


@dataclass(slots=True)
class MonthPoint:
    month: str
    count: int
    published: int  # everything the selected papers (all papers when none is selected) published that month

    @property
    def share(self) -> float:
        return self.count / self.published if self.published else 0.0


BASELINE_TTL = 60.0  # seconds a baseline (articles published per month) is reused before it is counted again


class BaselineCache:
    """Articles published per month for each set of papers (and copies setting), per backend, for BASELINE_TTL."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: weakref.WeakKeyDictionary[SearchBackend, dict[tuple, tuple[float, dict[str, int]]]] = (
            weakref.WeakKeyDictionary()
        )

    def months(self, source: SearchBackend, request: SearchRequest) -> dict[str, int]:
        papers = tuple(sorted(request.filters.get("paper") or ()))
        key = (papers, request.hide_copies)
        with self._lock:
            cached = self._entries.get(source, {}).get(key)
        if cached and time.monotonic() - cached[0] < BASELINE_TTL:
            return cached[1]
        baseline = source.search(
            replace(
                request,
                q="",
                filters={"paper": list(papers)} if papers else {},
                date_from=None,
                date_to=None,
                sort="newest",
                page=1,
                size=1,
                with_facets=False,
                with_months=True,
            )
        ).months
        with self._lock:
            self._entries.setdefault(source, {})[key] = (time.monotonic(), baseline)
        return baseline


_BASELINES = BaselineCache()


def attention(source: SearchBackend, request: SearchRequest, months: dict[str, int]) -> list[MonthPoint]:
    """Every month from the first to the last match, with the baseline of the selected papers (cached)."""
    if not months:
        return []
    baseline = _BASELINES.months(source, request)
    return [MonthPoint(m, months.get(m, 0), baseline.get(m, 0)) for m in month_range(min(months), max(months))]
