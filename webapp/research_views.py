"""Research pages: queries compared over time, what the archive holds per paper, index pages."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from domain.topics import TOPICS
from search.model import SearchRequest
from webapp.attention import MAX_COMPARED, compare
from webapp.backend import backend
from webapp.charts import bar_chart
from webapp.coverage import paper_json
from webapp.i18n import _
from webapp.params import AttentionParams, normalise, parse
from webapp.research_api import compare_chart
from webapp.search_views import INTERVAL_LABELS
from webapp.state import current_args, url_with

bp = Blueprint("research_views", __name__)
INDEX_SIZE = 1000  # values listed on an index page


def _search_url(q: str) -> str:
    args = current_args()
    args.setlist("q", [q])
    args.poplist("interval")
    return url_with(args, "search.search_page")


@bp.get("/compare")
def compare_page() -> str:
    """Up to five queries on one chart (counts or share of the selection), with totals linking to each search."""
    params = parse(AttentionParams, request.args, q="", format="json")
    req, interval, measure = params.search_request(), params.interval, params.measure
    queries = [q for q in map(normalise, request.args.getlist("q")) if q][:MAX_COMPARED]
    compared = compare(backend(), req, queries, interval) if queries else []
    label = _("Số bài khớp") if measure == "count" else _("Tỷ lệ trên tổng số bài (%)")
    return render_template(
        "compare.html",
        req=req,
        queries=queries,
        compared=compared,
        links=[_search_url(c.q) for c in compared],
        chart=compare_chart(compared, measure, label),
        chart_label=label,
        interval=interval,
        intervals=INTERVAL_LABELS,
        measure=measure,
        slots=MAX_COMPARED,
    )


@bp.get("/papers")
def papers_page() -> str:
    """Every paper: how many articles, from when to when, months that look broken."""
    papers = [paper_json(p) for p in backend().coverage()]
    return render_template("papers.html", papers=papers, total=sum(p["articles"] for p in papers))


@bp.get("/papers/<paper_id>")
def paper_coverage_page(paper_id: str) -> str:
    """One paper's articles per month, its gaps and alerts."""
    paper = next((p for p in map(paper_json, backend().coverage()) if p["id"] == paper_id), None)
    if paper is None:
        abort(404)
    chart = bar_chart(paper["months"], label=_("Số bài mỗi tháng"))
    gaps = [month for month, n in paper["months"].items() if n == 0]
    return render_template("paper_coverage.html", paper=paper, chart=chart, gaps=gaps)


def _facet_index(facet: str) -> list:
    return backend().search(SearchRequest(size=1, facet_size=INDEX_SIZE)).facets[facet]


@bp.get("/provinces")
def provinces_page() -> str:
    return render_template("index_list.html", heading=_("Tỉnh"), facet="province", values=_facet_index("province"))


@bp.get("/topics")
def topics_page() -> str:
    counts = {v.value: v.count for v in _facet_index("topics")}
    values = [(slug, name, counts.get(slug, 0)) for slug, name in TOPICS.items()]
    return render_template("index_list.html", heading=_("Chủ đề"), facet="topics", topics=values)
