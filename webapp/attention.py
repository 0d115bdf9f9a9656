"""Attention over time: articles matching a search per month, as counts and as a share of all published."""

from __future__ import annotations

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


def attention(source: SearchBackend, request: SearchRequest, months: dict[str, int]) -> list[MonthPoint]:
    """Every month from the first to the last match, with the baseline of the selected papers."""
    if not months:
        return []
    papers = {"paper": request.filters["paper"]} if request.filters.get("paper") else {}
    baseline = source.search(
        replace(
            request,
            q="",
            filters=papers,
            date_from=None,
            date_to=None,
            sort="newest",
            page=1,
            size=1,
            with_facets=False,
            with_months=True,
        )
    ).months
    return [MonthPoint(m, months.get(m, 0), baseline.get(m, 0)) for m in month_range(min(months), max(months))]
