"""Article pages: the clean text with metadata, and the archived copy of the page as fetched."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from webapp.archived import ARCHIVE_CSP, banner_html, sanitize
from webapp.backend import backend, profiles
from webapp.cite import apa, chicago
from webapp.provenance import ArchiveReader
from webapp.research_api import citation_links

bp = Blueprint("articles", __name__)
SIMILAR = 5


@bp.get("/article/<doc_id>")
def article_page(doc_id: str) -> str:
    """The clean article with its metadata, officials (linked to profiles), topics and similar articles."""
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    cited = citation_links(doc)
    return render_template(
        "article.html",
        doc=doc,
        similar=backend().more_like_this(doc_id, SIMILAR),
        known=profiles(),
        record=cited["record"],
        citable=cited["citable"],
        citations={"APA": apa(cited["citable"]), "Chicago": chicago(cited["citable"])},
    )


@bp.get("/article/<doc_id>/archived")
def archived_copy(doc_id: str) -> Response:
    """The fetched page, sanitized, under a Content-Security-Policy that lets nothing load or run."""
    if backend().get(doc_id) is None:
        abort(404)
    with ArchiveReader(Path(current_app.config["NEWSARCHIVE_DATA_DIR"])) as archive:
        raw = archive.raw(doc_id)
        if raw is None:
            abort(404)
        banner = banner_html(
            url_for("articles.article_page", doc_id=doc_id), raw.url, raw.status, archive.provenance(doc_id)
        )
        html = sanitize(raw, banner, lambda src: archive.image_data_uri(raw.url, src))
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = ARCHIVE_CSP
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
