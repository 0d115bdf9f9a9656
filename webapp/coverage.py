"""What the archive holds per paper and month, and the months that fall far below a paper's usual output.

Media Cloud's source-health idea: a month far under the paper's trailing median usually means a crawl that
broke or a site that moved, not a quiet month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Any

from search.model import PaperCoverage
from search.periods import period_range, period_start
from vntext import fold

TRAILING_MONTHS = 6  # the median is of the months before, at most this many
MIN_TRAILING = 3  # months of history needed before a month can be called low
DROP_RATIO = 0.25  # a month under this share of the trailing median is an alert
MIN_MEDIAN = 4  # papers publishing fewer articles a month than this are too quiet to judge


@dataclass(frozen=True, slots=True)
class Alert:
    month: str
    count: int
    median: float
    kind: str  # "gap" (nothing archived) or "drop"

    def to_json(self) -> dict[str, Any]:
        return {"month": self.month, "count": self.count, "trailing_median": self.median, "kind": self.kind}


def paper_id(name: str) -> str:
    """A stable URL-safe id of a paper name: 'Báo Đất Mũi' → 'bao-dat-mui'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


def filled_months(months: dict[str, int]) -> dict[str, int]:
    """Every month from the first to the last with articles, the empty ones as 0."""
    if not months:
        return {}
    keys = period_range(period_start(min(months)), period_start(max(months)), "month")
    return {m: months.get(m, 0) for m in keys}


def alerts(months: dict[str, int]) -> list[Alert]:
    """Months far below the trailing median of the months before them (zero-filled series)."""
    found, counts = [], list(months.items())
    for i, (month, count) in enumerate(counts):
        before = [n for _, n in counts[max(0, i - TRAILING_MONTHS) : i]]
        if len(before) < MIN_TRAILING:
            continue
        usual = median(before)
        if usual >= MIN_MEDIAN and count < DROP_RATIO * usual:
            found.append(Alert(month, count, float(usual), "gap" if count == 0 else "drop"))
    return found


def paper_json(paper: PaperCoverage) -> dict[str, Any]:
    """The /api/v1/papers entry of one paper."""
    months = filled_months(paper.months)
    return {
        "id": paper_id(paper.paper),
        "name": paper.paper,
        "province": next(iter(paper.provinces), None),
        "provinces": paper.provinces,
        "articles": paper.articles,
        "undated": paper.articles - sum(paper.months.values()),
        "first_published": paper.first_published.isoformat() if paper.first_published else None,
        "last_published": paper.last_published.isoformat() if paper.last_published else None,
        "months": months,
        "alerts": [a.to_json() for a in alerts(months)],
    }
