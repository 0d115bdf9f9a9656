"""The JSON API under /api/v1: search, articles, officials (errors are {"error": ...} with 400/404/503)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify
from flask.typing import ResponseReturnValue

from search.model import Hit, SearchResult
from webapp import schemas
from webapp.backend import backend, estimate_above
from webapp.exports import export_limit
from webapp.known import check_filters
from webapp.openapi import endpoint, openapi_document
from webapp.params import SearchParams

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def hit_json(hit: Hit) -> dict[str, Any]:
    doc = hit.doc
    return {
        "id": doc["id"],
        "url": doc["url"],
        "title": doc.get("title", ""),
        "paper": doc.get("paper", ""),
        "province": doc.get("province", ""),
        "published": doc.get("published"),
        "snippet": str(hit.snippet),
        "officials": [o["name"] for o in doc.get("officials", [])],
        "topics": list(doc.get("topics", [])),
    }


def search_json(result: SearchResult, page: int, size: int) -> dict[str, Any]:
    return {
        "total": result.total,
        "page": page,
        "size": size,
        "hits": [hit_json(h) for h in result.hits],
        "facets": {
            facet: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for facet, values in result.facets.items()
        },
        "facets_estimated_on": result.estimated_on,
        "facets_estimated": [facet for facet in result.facets if facet in result.estimated],
        "warnings": list(result.warnings),
    }


@endpoint(bp, "/search", summary="Search articles", params=SearchParams, response=schemas.SearchResult)
def api_search(params: SearchParams) -> ResponseReturnValue:
    req = params.search_request(estimate_above=estimate_above())
    notes = check_filters(req)
    result = backend().search(req)
    result.warnings.extend(notes)
    return jsonify(search_json(result, req.page, req.size))


@endpoint(bp, "/articles/<doc_id>", summary="One article", response=schemas.Article, errors=(404, 503))
def api_article(doc_id: str) -> ResponseReturnValue:
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    return jsonify(doc)


@bp.get("/openapi.json")
def api_openapi() -> ResponseReturnValue:
    return jsonify(openapi_document(export_limit=export_limit()))
