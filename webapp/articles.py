"""Article pages."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from webapp.backend import backend

bp = Blueprint("articles", __name__)


@bp.get("/article/<doc_id>")
def article_page(doc_id: str) -> str:
    """The clean article with its metadata, officials and topics."""
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    return render_template("article.html", doc=doc, similar=backend().more_like_this(doc_id))
