"""Names and responses of downloaded files: named after the query and the day they were made."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date

from flask import Response

from vntext import fold

MAX_SLUG = 60


def filename(kind: str, q: str, ext: str, today: date | None = None) -> str:
    """'newsarchive-attention-cai-cach-hanh-chinh-2026-12-01.csv' (ASCII, safe in every browser)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(q).lower()).strip("-")[:MAX_SLUG].strip("-") or "all"
    return f"newsarchive-{kind}-{slug}-{(today or date.today()).isoformat()}.{ext}"


def attachment(body: str, content_type: str, name: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV with a BOM, so spreadsheet programs read it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()
