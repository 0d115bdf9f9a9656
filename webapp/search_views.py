"""The search page."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from webapp.backend import backend
from webapp.params import search_request

bp = Blueprint("search", __name__)


@bp.get("/")
def search_page() -> str:
    """Query box, results with snippets, facets."""
    req = search_request(request.args)
    result = backend().search(req)
    return render_template("search.html", req=req, result=result)
