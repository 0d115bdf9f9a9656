"""Article pages: the clean text with metadata, and the archived copy of the page as fetched."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from webapp.archived import ARCHIVE_CSP, banner_html, raw_page, sanitize
from webapp.backend import backend, profiles

bp = Blueprint("articles", __name__)
SIMILAR = 5


@bp.get("/article/<doc_id>")
def article_page(doc_id: str) -> str:
    """The clean article with its metadata, officials (linked to profiles), topics and similar articles."""
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    return render_template("article.html", doc=doc, similar=backend().more_like_this(doc_id, SIMILAR), known=profiles())


@bp.get("/article/<doc_id>/archived")
def archived_copy(doc_id: str) -> Response:
    """The fetched page, sanitized, under a Content-Security-Policy that lets nothing load or run."""
    if backend().get(doc_id) is None:
        abort(404)
    raw = raw_page(Path(current_app.config["NEWSARCHIVE_DATA_DIR"]), doc_id)
    if raw is None:
        abort(404)
    html = sanitize(raw, banner_html(url_for("articles.article_page", doc_id=doc_id), raw.url, raw.status))
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = ARCHIVE_CSP
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
