"""The JSON API under /api/v1: search, articles, officials (errors are {"error": ...} with 400/404/503)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, request
from flask.typing import ResponseReturnValue

from search.model import Hit, SearchResult
from webapp.backend import backend, profiles
from webapp.officials_data import find_officials, holder_json, official_json, parse_on, who_held_answer
from webapp.openapi import openapi_document
from webapp.params import search_request

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
        "warnings": list(result.warnings),
    }


@bp.get("/search")
def api_search() -> ResponseReturnValue:
    req = search_request(request.args)
    return jsonify(search_json(backend().search(req), req.page, req.size))


@bp.get("/articles/<doc_id>")
def api_article(doc_id: str) -> ResponseReturnValue:
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    return jsonify(doc)


@bp.get("/officials")
def api_officials() -> ResponseReturnValue:
    args = {k: request.args.get(k, "").strip() for k in ("q", "province", "title")}
    on = parse_on(request.args.get("date", ""))
    if on is None:
        return jsonify([official_json(p) for p in find_officials(profiles().values(), **args)])
    answer = who_held_answer(find_officials(profiles().values(), q=args["q"]), args["title"], on, args["province"])
    return jsonify([holder_json(h) for h in answer.holders])


@bp.get("/officials/<official_id>")
def api_official(official_id: str) -> ResponseReturnValue:
    profile = profiles().get(official_id)
    if profile is None:
        abort(404)
    return jsonify(profile)


@bp.get("/openapi.json")
def api_openapi() -> ResponseReturnValue:
    return jsonify(openapi_document())
