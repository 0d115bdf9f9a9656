"""Exports of a whole result set, streamed: CSV (UTF-8 with BOM, opens in Excel) and JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, stream_with_context

from newsarchive.config import settings
from webapp.backend import backend
from webapp.downloads import filename
from webapp.known import check_filters
from webapp.openapi import endpoint
from webapp.params import ExportParams
from webapp.provenance import with_provenance

bp = Blueprint("exports", __name__)
FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
FORMULA_STARTS = "=+-@\uff1d\uff0b\uff0d\uff20"  # and the full-width ＝＋－＠
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*%?")
COLUMNS = (
    "id", "url", "title", "paper", "province", "section", "author", "published",
    "officials", "official_ids", "topics", "topic_labels", "lead", "body",
    "permalink", "archived_url", "captured_at",
)  # fmt: skip


def export_limit() -> int:
    """Rows at most per export: app config NEWSARCHIVE_EXPORT_LIMIT, else the setting."""
    return int(current_app.config.get("NEWSARCHIVE_EXPORT_LIMIT", settings().export_limit))


def export_row(doc: dict[str, Any]) -> dict[str, Any]:
    """One exported article (lists joined with '; ' in CSV, kept as lists in JSON Lines)."""
    return {
        "id": doc["id"],
        "url": doc.get("url", ""),
        "title": doc.get("title", ""),
        "paper": doc.get("paper", ""),
        "province": doc.get("province", ""),
        "section": doc.get("section", ""),
        "author": doc.get("author", ""),
        "published": doc.get("published"),
        "officials": [o["name"] for o in doc.get("officials", [])],
        "official_ids": [o["id"] for o in doc.get("officials", [])],
        "topics": list(doc.get("topics", [])),
        "topic_labels": list(doc.get("topic_names", [])),
        "lead": doc.get("lead", ""),
        "body": doc.get("body", ""),
        "permalink": doc.get("permalink", ""),  # added by webapp.provenance.with_provenance
        "archived_url": doc.get("archived_url", ""),
        "captured_at": doc.get("captured_at"),
    }


def csv_cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe (docs/webapp.md).

    A formula is text whose first character after any leading whitespace is =, +, -, @ or their full-width
    forms (＝＋－＠), or that starts with a tab or carriage return; a plain number (-5, +3.5, -1,5%) is left
    as it is, since a spreadsheet reads it as the number it is.
    """
    text = "; ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    if text[:1] in ("\t", "\r"):
        return "'" + text
    first = text.lstrip()[:1]
    if first and first in FORMULA_STARTS and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_lines(docs: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV with a BOM (so spreadsheet programs read UTF-8), one row per article."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for doc in docs:
        buffer.seek(0)
        buffer.truncate()
        row = export_row(doc)
        writer.writerow([csv_cell(v) for v in row.values()])
        yield buffer.getvalue()


def jsonl_lines(docs: Iterable[dict[str, Any]]) -> Iterator[str]:
    for doc in docs:
        yield json.dumps(export_row(doc), ensure_ascii=False) + "\n"


EXPORT_HEADERS = {
    "X-Export-Limit": ("integer", "The most rows an export holds."),
    "X-Export-Total": ("integer", "Articles matching the search."),
    "X-Export-Rows": ("integer", "Rows in this export."),
    "X-Export-Truncated": ("string", "true when the matching set was larger than the limit."),
}


@endpoint(
    bp,
    "/api/v1/export",
    summary="Every article of a search, streamed; at most {export_limit:,} rows (X-Export-Truncated: true if cut)",
    params=ExportParams,
    response={"text/csv": "CSV", "application/x-ndjson": "JSON Lines"},
    headers=EXPORT_HEADERS,
    description="The export; columns " + ", ".join(COLUMNS),
)
def export(params: ExportParams) -> Response:
    """Every article of a search, up to the limit; X-Export-* headers say how many and whether cut short."""
    fmt = params.format
    req = params.search_request()
    check_filters(req)
    limit = export_limit()
    total = backend().search(replace(req, page=1, size=1, with_facets=False)).total
    docs = with_provenance(backend().iter_matching(req), Path(current_app.config["NEWSARCHIVE_DATA_DIR"]))
    lines = csv_lines if fmt == "csv" else jsonl_lines
    response = Response(stream_with_context(lines(islice(docs, limit))), content_type=FORMATS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename("export", req.q, fmt)}"'
    response.headers["X-Export-Limit"] = str(limit)
    response.headers["X-Export-Total"] = str(total)
    response.headers["X-Export-Rows"] = str(min(total, limit))
    response.headers["X-Export-Truncated"] = "true" if total > limit else "false"
    return response
