"""The OpenAPI 3 document of /api/v1, written by hand."""

from __future__ import annotations

from typing import Any

from search.model import MAX_DEPTH, MAX_FACET_SIZE, MAX_SIZE, SORTS
from webapp.exports import EXPORT_LIMIT

EXPORT_LIMIT_TEXT = f"at most {EXPORT_LIMIT:,} rows (X-Export-Truncated: true when the result set is larger)"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "nullable": True, **extra}


def _param(name: str, schema: dict[str, Any], description: str, *, repeat: bool = False) -> dict[str, Any]:
    if repeat:
        return {
            "name": name,
            "in": "query",
            "description": description + " Repeat for several values (OR).",
            "schema": {"type": "array", "items": schema},
            "style": "form",
            "explode": True,
        }
    return {"name": name, "in": "query", "description": description, "schema": schema}


SEARCH_PARAMS = [
    _param("q", {"type": "string"}, 'Words (all must match), "phrases", -exclusion, OR. Diacritics optional.'),
    _param("official", {"type": "string"}, "Official id, e.g. pham-bach-dang--ca-mau.", repeat=True),
    _param("topic", {"type": "string"}, "Topic slug, e.g. cai-cach-hanh-chinh.", repeat=True),
    _param("province", {"type": "string"}, "Province name, e.g. Cà Mau.", repeat=True),
    _param("paper", {"type": "string"}, "Newspaper name.", repeat=True),
    _param("year", {"type": "string"}, "Publication year, e.g. 2017.", repeat=True),
    _param("date_from", {"type": "string", "format": "date"}, "First publication day (Vietnam time)."),
    _param("date_to", {"type": "string", "format": "date"}, "Last publication day (Vietnam time)."),
    _param("sort", {"type": "string", "enum": list(SORTS)}, "Order of the hits (default relevance)."),
    _param("hide_copies", {"type": "integer", "enum": [0, 1]}, "1: one article per republished story (default 0)."),
    _param("page", {"type": "integer", "minimum": 1}, f"Result page; page × size stays within {MAX_DEPTH}."),
    _param("size", {"type": "integer", "minimum": 1, "maximum": MAX_SIZE}, "Hits per page (default 20)."),
    _param("facet_size", {"type": "integer", "minimum": 1, "maximum": MAX_FACET_SIZE}, "Values per facet."),
]

SCHEMAS: dict[str, Any] = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
    "FacetValue": {
        "type": "object",
        "required": ["value", "label", "count"],
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"}},
    },
    "Hit": {
        "type": "object",
        "required": ["id", "url", "title", "paper", "province", "published", "snippet", "officials", "topics"],
        "properties": {
            "id": {"type": "string"},
            "url": {"type": "string"},
            "title": {"type": "string"},
            "paper": {"type": "string"},
            "province": {"type": "string"},
            "published": _nullable("string", format="date-time"),
            "snippet": {"type": "string", "description": "HTML: escaped text, matched words in <mark>."},
            "officials": {"type": "array", "items": {"type": "string"}, "description": "Names."},
            "topics": {"type": "array", "items": {"type": "string"}, "description": "Topic slugs."},
        },
    },
    "SearchResult": {
        "type": "object",
        "required": ["total", "page", "size", "hits", "facets", "warnings"],
        "properties": {
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 1},
            "hits": {"type": "array", "items": _ref("Hit")},
            "facets": {
                "type": "object",
                "properties": {
                    f: {"type": "array", "items": _ref("FacetValue")}
                    for f in ("officials", "topics", "province", "paper", "year")
                },
                "additionalProperties": False,
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Article": {
        "type": "object",
        "required": ["id", "url", "title", "paper", "province", "published", "officials", "topics"],
        "properties": {
            "id": {"type": "string"},
            "url": {"type": "string"},
            "canonical_url": {"type": "string"},
            "paper": {"type": "string"},
            "province": {"type": "string"},
            "section": _nullable("string"),
            "title": {"type": "string"},
            "lead": _nullable("string"),
            "body": _nullable("string"),
            "author": _nullable("string"),
            "published": _nullable("string", format="date-time"),
            "year": _nullable("string"),
            "month": _nullable("string"),
            "officials": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "titles": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "topics": {"type": "array", "items": {"type": "string"}},
            "topic_names": {"type": "array", "items": {"type": "string"}},
            "images": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"src": {"type": "string"}, "caption": _nullable("string")},
                },
            },
        },
    },
    "TitleSpan": {
        "type": "object",
        "required": ["title", "first_seen", "last_seen"],
        "properties": {
            "title": {"type": "string"},
            "first_seen": _nullable("string", format="date"),
            "last_seen": _nullable("string", format="date"),
            "articles": {"type": "integer", "description": "Articles giving the title (profile only)."},
        },
    },
    "OfficialSummary": {
        "type": "object",
        "required": ["id", "name", "province", "titles", "article_count", "first_seen", "last_seen"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "province": {"type": "string"},
            "titles": {"type": "array", "items": _ref("TitleSpan")},
            "article_count": {"type": "integer"},
            "first_seen": _nullable("string", format="date"),
            "last_seen": _nullable("string", format="date"),
        },
    },
    "OfficialProfile": {
        "type": "object",
        "required": ["id", "name", "province", "titles", "mentions_by_month", "co_mentioned", "topics"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "province": {"type": "string"},
            "titles": {"type": "array", "items": _ref("TitleSpan")},
            "mentions_by_month": {"type": "object", "additionalProperties": {"type": "integer"}},
            "co_mentioned": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "count"],
                    "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer"}},
                },
            },
            "topics": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["slug", "count"],
                    "properties": {"slug": {"type": "string"}, "count": {"type": "integer"}},
                },
            },
            "article_count": {"type": "integer"},
            "first_seen": _nullable("string", format="date"),
            "last_seen": _nullable("string", format="date"),
        },
    },
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_BAD, _DOWN, _MISSING = _error("Bad parameter"), _error("Search backend unavailable"), _error("Not found")
_EXPORT_HEADERS = {
    name: {"description": text, "schema": {"type": kind}}
    for name, text, kind in (
        ("X-Export-Limit", "The most rows an export holds.", "integer"),
        ("X-Export-Total", "Articles matching the search.", "integer"),
        ("X-Export-Rows", "Rows in this export.", "integer"),
        ("X-Export-Truncated", "true when the matching set was larger than the limit.", "string"),
    )
}


def openapi_document() -> dict[str, Any]:
    """The API description served at /api/v1/openapi.json."""
    id_param = {"in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "newsarchive API",
            "version": "1",
            "description": "Search the archives of Vietnamese provincial newspapers. Exports hold "
            + EXPORT_LIMIT_TEXT
            + ".",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/search": {
                "get": {
                    "summary": "Search articles",
                    "parameters": SEARCH_PARAMS,
                    "responses": {"200": _json(_ref("SearchResult")), "400": _BAD, "503": _DOWN},
                }
            },
            "/articles/{id}": {
                "get": {
                    "summary": "One article",
                    "parameters": [{"name": "id", **id_param}],
                    "responses": {"200": _json(_ref("Article")), "404": _MISSING, "503": _DOWN},
                }
            },
            "/officials": {
                "get": {
                    "summary": "Officials by name, province and title; with date, who held the title then",
                    "parameters": [
                        _param("q", {"type": "string"}, "Name or part of it, diacritics optional."),
                        _param("province", {"type": "string"}, "Province name."),
                        _param("title", {"type": "string"}, "Title, e.g. Chủ tịch UBND tỉnh (abbreviations ok)."),
                        _param(
                            "date",
                            {"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$"},
                            "A day (2017-06-12) or a year (2017): who held `title` then (title required).",
                        ),
                    ],
                    "responses": {
                        "200": _json({"type": "array", "items": _ref("OfficialSummary")}),
                        "400": _BAD,
                        "503": _DOWN,
                    },
                }
            },
            "/officials/{id}": {
                "get": {
                    "summary": "One official's profile",
                    "parameters": [{"name": "id", **id_param}],
                    "responses": {"200": _json(_ref("OfficialProfile")), "404": _MISSING, "503": _DOWN},
                }
            },
            "/export": {
                "get": {
                    "summary": "Every article of a search, streamed; " + EXPORT_LIMIT_TEXT,
                    "parameters": [
                        _param("format", {"type": "string", "enum": ["csv", "jsonl"]}, "csv (UTF-8, BOM) or jsonl."),
                        *(p for p in SEARCH_PARAMS if p["name"] not in ("page", "size", "facet_size")),
                    ],
                    "responses": {
                        "200": {
                            "description": "The export; columns id, url, title, paper, province, section, author, "
                            "published, officials, official_ids, topics, lead, body",
                            "headers": _EXPORT_HEADERS,
                            "content": {
                                "text/csv": {"schema": {"type": "string"}},
                                "application/x-ndjson": {"schema": {"type": "string"}},
                            },
                        },
                        "400": _BAD,
                        "503": _DOWN,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
