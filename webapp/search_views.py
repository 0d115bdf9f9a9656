"""The search page, and the pre-filtered searches that topic, province, paper and official pages embed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template, request

from search.model import MAX_DEPTH, SearchRequest
from webapp.attention import attention
from webapp.backend import backend
from webapp.charts import bar_chart
from webapp.facets import active_chips, facet_panels
from webapp.i18n import _
from webapp.params import PARAM_OF_FACET, search_request
from webapp.state import page_url, without_url

bp = Blueprint("search", __name__)
PAGE_WINDOW = 3  # result pages linked on each side of the current one


def pages(request: SearchRequest, total: int) -> list[tuple[int, str]]:
    """(page number, URL) of the pages around the current one, within the deepest reachable page."""
    last = max(1, min(-(-total // request.size), MAX_DEPTH // request.size))
    low, high = max(1, request.page - PAGE_WINDOW), min(last, request.page + PAGE_WINDOW)
    numbers = sorted({1, *range(low, high + 1), last})
    return [(n, page_url(n)) for n in numbers]


def render_search(fixed: dict[str, str] | None = None, template: str = "search.html", **context: Any) -> str:
    """Run the search of this URL (plus the page's own filter) and render it with facets and chart."""
    fixed = fixed or {}
    g.fixed_params = {PARAM_OF_FACET[facet]: value for facet, value in fixed.items()}
    req = search_request(request.args, fixed=fixed)
    req.with_months = True
    result = backend().search(req)
    points = attention(backend(), req, result.months)
    counts = bar_chart({p.month: p.count for p in points}, label=_("Số bài khớp mỗi tháng"))
    shares = bar_chart(
        {p.month: 100 * p.share for p in points},
        label=_("Tỷ lệ trên tổng số bài các báo đã đăng mỗi tháng (%)"),
        fmt=lambda v: f"{v:.1f}%",
    )
    return render_template(
        template,
        req=req,
        result=result,
        fixed=fixed,
        panels=facet_panels(req, result, fixed),
        chips=active_chips(req, fixed),
        clear_url=without_url(*PARAM_OF_FACET.values(), "date_from", "date_to", "official_op"),
        pages=pages(req, result.total),
        points=points,
        counts_chart=counts,
        share_chart=shares,
        **context,
    )


@bp.get("/")
def search_page() -> str:
    """Query box, facets, results with snippets, attention over time."""
    return render_search()
