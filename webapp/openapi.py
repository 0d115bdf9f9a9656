"""The OpenAPI 3.1 document of /api/v1, generated from the same pydantic models that validate the requests.

An API view is declared with `@endpoint(bp, rule, summary=…, params=Model, response=Model)`: the decorator
registers the Flask route, parses and validates `request.args` into `params` (QueryError → 400 otherwise)
and passes it to the view, and records the operation for `openapi_document()`. See docs/webapp.md.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, request
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from domain.profiles import ID_PATTERN
from webapp import schemas
from webapp.params import Params, parse

API_ROOT = "/api/v1"
REF = "#/components/schemas/{model}"
ERROR_TEXT = {
    400: "Bad parameter",
    404: "Not found",
    414: "URL too long",
    429: "Too many requests",
    503: "Search backend unavailable",
}
ALWAYS_POSSIBLE = (414, 429)  # every route bounds its URL (webapp/requests.py); every API route is rate-limited


@dataclass(frozen=True, slots=True)
class Operation:
    """One GET operation of the API, as documented."""

    path: str  # OpenAPI path under API_ROOT, e.g. /articles/{doc_id}
    summary: str
    params: type[Params] | None
    response: Any  # a pydantic model, list[Model], or a dict: media type → description of a file answer
    errors: tuple[int, ...]
    headers: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (JSON type, description)
    description: str = ""


OPERATIONS: dict[str, Operation] = {}


def endpoint(
    bp: Blueprint,
    rule: str,
    *,
    summary: str,
    response: Any,
    params: type[Params] | None = None,
    errors: tuple[int, ...] = (400, 503),
    **extra: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A documented GET route: `params` (if any) reach the view as the keyword argument `params`."""
    full = (bp.url_prefix or "") + rule
    path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", full.removeprefix(API_ROOT))

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def validated(**view_args: Any) -> Any:
            if params is not None:
                view_args["params"] = parse(params, request.args)
            return view(**view_args)

        OPERATIONS[path] = Operation(path, summary, params, response, errors, **extra)
        return bp.get(rule)(validated)

    return register


def query_parameters(model: type[Params]) -> list[dict[str, Any]]:
    """OpenAPI query parameters from a parameter model's JSON schema (lists repeat: `a=1&a=2`)."""
    schema = model.model_json_schema(ref_template=REF)
    found = []
    for name, prop in schema["properties"].items():
        prop = {k: v for k, v in prop.items() if k != "title"}
        description = prop.pop("description", "")
        parameter = {"name": name, "in": "query", "description": description, "schema": prop}
        if prop.get("type") == "array":
            parameter.update(style="form", explode=True)
        found.append(parameter)
    return found


def _models(value: Any) -> list[type[BaseModel]]:
    if isinstance(value, type) and issubclass(value, BaseModel):
        return [value]
    if isinstance(value, dict):  # media type → description (a file) or model (JSON)
        return [m for v in value.values() if not isinstance(v, str) for m in _models(v)]
    return [m for arg in getattr(value, "__args__", ()) for m in _models(arg)]


def _schema(value: Any) -> dict[str, Any]:
    if isinstance(value, type) and issubclass(value, BaseModel):
        return {"$ref": REF.format(model=value.__name__)}
    return {"type": "array", "items": _schema(value.__args__[0])}  # list[Model]


def _responses(op: Operation) -> dict[str, Any]:
    if isinstance(op.response, dict):
        ok = {
            "description": op.description or "OK",
            "content": {
                t: {"schema": {"type": "string"} if isinstance(v, str) else _schema(v)} for t, v in op.response.items()
            },
        }
    else:
        ok = {"description": op.description or "OK", "content": {"application/json": {"schema": _schema(op.response)}}}
    if op.headers:
        ok["headers"] = {n: {"description": d, "schema": {"type": t}} for n, (t, d) in op.headers.items()}
    error = {"application/json": {"schema": _schema(schemas.Error)}}
    codes = sorted({*op.errors, *ALWAYS_POSSIBLE})
    return {"200": ok, **{str(code): {"description": ERROR_TEXT[code], "content": error} for code in codes}}


PATH_PATTERNS = {"official_id": ID_PATTERN}  # path parameters of a known shape (the others: any string)


def _pattern(name: str) -> dict[str, str]:
    return {"pattern": PATH_PATTERNS[name]} if name in PATH_PATTERNS else {}


def _operation(op: Operation, values: dict[str, Any]) -> dict[str, Any]:
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"} | _pattern(name)}
        for name in re.findall(r"\{(\w+)\}", op.path)
    ]
    if op.params is not None:
        parameters += query_parameters(op.params)
    return {"summary": op.summary.format(**values), "parameters": parameters, "responses": _responses(op)}


def openapi_document(**values: Any) -> dict[str, Any]:
    """The API description served at /api/v1/openapi.json (every operation declared with `endpoint`).

    `values` fill placeholders of the summaries (e.g. `{export_limit:,}`: the configured limit).
    """
    models = {m for op in OPERATIONS.values() for m in _models(op.response)} | {schemas.Error}
    _, definitions = models_json_schema(
        [(m, "serialization") for m in sorted(models, key=lambda m: m.__name__)], ref_template=REF
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newsarchive API",
            "version": "1",
            "description": "Search the archives of Vietnamese provincial newspapers. Errors are "
            '{"error": "…"} in Vietnamese, or in English with lang=en.',
        },
        "servers": [{"url": API_ROOT}],
        "paths": {path: {"get": _operation(op, values)} for path, op in sorted(OPERATIONS.items())},
        "components": {"schemas": definitions.get("$defs", {})},
    }
