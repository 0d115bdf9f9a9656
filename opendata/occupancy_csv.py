"""Occupancies as CSV for spreadsheets: one row per person × position, with the articles that show it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain

from opendata.occupancies import Occupancy

COLUMNS = ("person", "person_id", "position", "province", "first_seen", "last_seen", "articles", "titles_as_printed")


def _cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def occupancy_rows(occs: Iterable[Occupancy]) -> Iterator[tuple[str, ...]]:
    for o in occs:
        yield (
            o.profile.name,
            o.profile.id,
            o.position.name,
            o.position.place,
            o.span.first_seen.isoformat() if o.span.first_seen else "",
            o.span.last_seen.isoformat() if o.span.last_seen else "",
            "; ".join(o.span.articles),
            "; ".join(sorted({e.title for e in o.span.evidence})),
        )


def csv_lines(occs: Iterable[Occupancy]) -> Iterator[str]:
    """CSV with a BOM (spreadsheets then read UTF-8), header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for number, row in enumerate(chain([COLUMNS], occupancy_rows(occs))):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(c) for c in row])
        yield ("\ufeff" if number == 0 else "") + buffer.getvalue()
