"""Topic, province and paper pages: an overview of everything filed under it, then a pre-filtered search."""

from __future__ import annotations

from flask import Blueprint, abort

from domain.topics import TOPICS
from search.model import SearchRequest, SearchResult
from webapp.backend import backend
from webapp.i18n import _
from webapp.search_views import render_search

bp = Blueprint("overviews", __name__)
TOP_OFFICIALS = 10


def overview(facet: str, value: str) -> SearchResult:
    """Counts of everything under one facet value (no query): totals, top officials, papers, years."""
    result = backend().search(SearchRequest(filters={facet: [value]}, size=1, facet_size=TOP_OFFICIALS))
    if result.total == 0:
        abort(404)
    return result


@bp.get("/topic/<slug>")
def topic_page(slug: str) -> str:
    if slug not in TOPICS:
        abort(404)
    return render_search({"topics": slug}, overview=overview("topics", slug), heading=_(TOPICS[slug]), kind=_("Chủ đề"))


@bp.get("/province/<name>")
def province_page(name: str) -> str:
    return render_search({"province": name}, overview=overview("province", name), heading=name, kind=_("Tỉnh"))


@bp.get("/paper/<name>")
def paper_page(name: str) -> str:
    return render_search({"paper": name}, overview=overview("paper", name), heading=name, kind=_("Báo"))
