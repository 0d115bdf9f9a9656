"""An Atom feed for any search: the newest matching articles first unless another order is asked for."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, request, url_for

from webapp.backend import backend
from webapp.known import check_filters
from webapp.params import SearchParams, parse
from webapp.state import public_url, public_url_for

bp = Blueprint("feeds", __name__)
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = "1970-01-01T00:00:00+00:00"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _NOT_XML.sub("", v) for k, v in attrs.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


@bp.get("/feed.atom")
def feed() -> Response:
    newest = {} if request.args.get("sort", "").strip() else {"sort": "newest"}
    req = parse(SearchParams, request.args, **newest).search_request()
    check_filters(req)
    result = backend().search(req)
    root = ET.Element(f"{{{ATOM}}}feed")
    _add(root, "title", f"newsarchive: {req.q}" if req.q else "newsarchive")
    query = request.query_string.decode("latin-1")
    self_url = public_url(url_for("feeds.feed") + ("?" + query if query else ""))
    _add(root, "id", self_url)
    _add(root, "link", rel="self", href=self_url)
    alternate = public_url(url_for("search.search_page") + ("?" + query if query else ""))
    _add(root, "link", rel="alternate", type="text/html", href=alternate)
    stamps = [h.doc["published"] for h in result.hits if h.doc.get("published")]
    _add(root, "updated", max(stamps) if stamps else datetime.now(UTC).isoformat(timespec="seconds"))
    _add(_add(root, "author"), "name", "newsarchive")
    for hit in result.hits:
        doc = hit.doc
        link = public_url_for("articles.article_page", doc_id=doc["id"])
        entry = _add(root, "entry")
        _add(entry, "title", doc.get("title", ""))
        _add(entry, "id", link)
        _add(entry, "link", href=link)
        _add(entry, "link", rel="via", href=doc["url"])
        _add(entry, "updated", doc.get("published") or EPOCH)
        if doc.get("published"):
            _add(entry, "published", doc["published"])
        _add(entry, "summary", hit.snippet.striptags())
        for slug in doc.get("topics", []):
            _add(entry, "category", term=slug)
    ET.register_namespace("", ATOM)
    body = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return Response(
        '<?xml version="1.0" encoding="utf-8"?>\n' + body, content_type="application/atom+xml; charset=utf-8"
    )
