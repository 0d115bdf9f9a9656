"""The search page, and the pre-filtered searches that topic, province, paper and official pages embed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, render_template, request, url_for

from search.model import MAX_DEPTH, SearchRequest
from webapp.attention import series
from webapp.attention_figures import figures
from webapp.backend import backend
from webapp.facets import active_chips, facet_panels
from webapp.i18n import _l
from webapp.known import check_filters
from webapp.params import PARAM_OF_FACET, AttentionParams, parse, search_request
from webapp.state import current_args, page_url, url_with, with_param_url, without_url

bp = Blueprint("search", __name__)
PAGE_WINDOW = 3  # result pages linked on each side of the current one
MAX_PAGE_FACET_SIZE = 50  # values per facet on a page (every value is a link carrying the whole state)
MORE_FACET_SIZE = MAX_PAGE_FACET_SIZE  # values a facet lists after "more…"
INTERVAL_LABELS = {"day": _l("ngày"), "week": _l("tuần"), "month": _l("tháng"), "year": _l("năm")}


def interval_links() -> list[tuple[str, str, str]]:
    """(interval, label, URL of this page at that interval)."""
    links = []
    for value, label in INTERVAL_LABELS.items():
        args = current_args()
        args["interval"] = value
        links.append((value, str(label), url_with(args)))
    return links


def more_facets_url() -> str:
    args = current_args()
    args["facet_size"] = str(MORE_FACET_SIZE)
    return url_with(args)


def originals_of(hits: list) -> dict[str, dict]:
    """For each copy among the hits, the article its cluster was first published as."""
    found = {}
    for hit in hits:
        if hit.doc.get("is_copy") and hit.doc.get("cluster_id"):
            original = backend().get(hit.doc["cluster_id"])
            if original is not None:
                found[hit.doc["id"]] = original
    return found


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
    req.facet_size = min(req.facet_size, MAX_PAGE_FACET_SIZE)
    notes = check_filters(req, fixed)
    interval = parse(AttentionParams, request.args, format="json", measure="count").interval
    req.periods = interval  # the chart's counts come with the search: one query, not two
    result = backend().search(req)
    result.warnings.extend(notes)
    points = series(backend(), req, interval, result.periods) if result.total else []
    return render_template(
        template,
        req=req,
        result=result,
        fixed=fixed,
        panels=facet_panels(req, result, fixed),
        chips=active_chips(req, fixed),
        clear_url=without_url(*PARAM_OF_FACET.values(), "date_from", "date_to", "official_op"),
        exact_url=with_param_url("exact", "1"),
        pages=pages(req, result.total),
        points=points,
        interval=interval,
        interval_links=interval_links(),
        more_url=more_facets_url(),
        more_facet_size=MORE_FACET_SIZE,
        originals=originals_of(result.hits),
        compare_url=url_for("research_views.compare_page", q=req.q)
        if req.q
        else url_for("research_views.compare_page"),
        figures=figures(points),
        **context,
    )


@bp.get("/")
def search_page() -> str:
    """Query box, facets, results with snippets, attention over time."""
    return render_search()
