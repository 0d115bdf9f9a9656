"""The embedded index's filter and facet columns in memory, as numpy arrays indexed by SQLite rowid.

SQLite FTS5 finds the documents a query matches; everything counted or sorted over the matches (facets
under the other filters, the month histogram, dates, copies, the newest/oldest order) is numpy work on
these columns, linear in the archive with a small constant instead of one SQL join per match and facet.
The columns are reloaded when the index file changes (see `signature`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from search.model import FACETS, FacetValue


def signature(path: Path) -> tuple:
    """Changes whenever a transaction commits to the index: the identity, size and mtime of the file and its WAL."""
    parts = []
    for name in (str(path), f"{path}-wal"):
        try:
            st = os.stat(name)
        except FileNotFoundError:
            st = None
        # an empty WAL (a reader's connection is open) holds nothing: the same state as no WAL
        parts.append((st.st_ino, st.st_size, st.st_mtime_ns) if st and st.st_size else None)
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Facet:
    """One facet as (document, value) pairs: `rows[i]` has value `codes[i]`; codes index `values` (sorted)."""

    values: list[str]
    labels: list[str]  # the smallest label stored for each value
    rows: np.ndarray
    codes: np.ndarray
    index: dict[str, int]  # value → code

    def selecting(self, wanted: Sequence[str], size: int) -> np.ndarray:
        """Mask of the documents that have any of `wanted`."""
        mask = np.zeros(size, dtype=bool)
        codes = [self.index[v] for v in wanted if v in self.index]
        if codes:
            mask[self.rows[np.isin(self.codes, codes)]] = True
        return mask

    def top(self, mask: np.ndarray, size: int) -> list[FacetValue]:
        """The `size` values most frequent among the masked documents, ties by value."""
        counts = np.bincount(self.codes[mask[self.rows]], minlength=len(self.values))
        present = np.flatnonzero(counts)
        order = present[np.argsort(-counts[present], kind="stable")][:size]
        return [FacetValue(self.values[i], self.labels[i], int(counts[i])) for i in order]


@dataclass(frozen=True, slots=True)
class Columns:
    """Every document's filter columns; arrays have one slot per rowid (slot 0 and deleted rowids absent)."""

    present: np.ndarray  # bool: a document has this rowid
    published: np.ndarray  # float64 timestamp, NaN when undated
    is_copy: np.ndarray  # bool
    months: list[str]  # code → "YYYY-MM" (sorted)
    month: np.ndarray  # int32 code, -1 when undated
    newest: np.ndarray  # int64 rank in newest-first order (undated last, ties by id)
    oldest: np.ndarray  # int64 rank in oldest-first order (undated last, ties by id)
    by_id: np.ndarray  # int64 rank of the document id
    facets: dict[str, Facet]

    @property
    def size(self) -> int:
        return len(self.present)

    def in_order(self, mask: np.ndarray, oldest: bool = False, stop: int | None = None) -> np.ndarray:
        """Rowids of the masked documents newest (or oldest) first, undated last, ties by id; the first `stop`."""
        rank = self.oldest if oldest else self.newest
        rows = np.flatnonzero(mask)
        if stop is not None and stop < len(rows):
            rows = rows[np.argpartition(rank[rows], stop - 1)[:stop]]
        return rows[np.argsort(rank[rows])]

    def month_counts(self, mask: np.ndarray) -> dict[str, int]:
        codes = self.month[mask]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.months))
        return {self.months[i]: int(counts[i]) for i in np.flatnonzero(counts)}


def _ranks(*keys: np.ndarray) -> np.ndarray:
    """Rank of each slot under a lexicographic order of keys (the last key is the primary one, as np.lexsort)."""
    order = np.lexsort(keys)
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(len(order))
    return ranks


def _facet(db: sqlite3.Connection, facet: str) -> Facet:
    rows, codes, values, labels = [], [], [], []
    seen: set[tuple[int, int]] = set()
    cursor = db.execute("SELECT value, rowid, label FROM facets WHERE facet = ? ORDER BY value, label", (facet,))
    for value, rowid, label in cursor:
        if not values or values[-1] != value:
            values.append(value)
            labels.append(label)
        pair = (rowid, len(values) - 1)
        if pair not in seen:  # a document counts once per value
            seen.add(pair)
            rows.append(rowid)
            codes.append(pair[1])
    index = {value: code for code, value in enumerate(values)}
    return Facet(values, labels, np.array(rows, dtype=np.int64), np.array(codes, dtype=np.int32), index)


def load_columns(db: sqlite3.Connection) -> Columns:
    """Read the columns of every document (one scan of `docs`, one of `facets` per facet)."""
    rows = db.execute("SELECT rowid, published_ts, month, is_copy, id FROM docs").fetchall()
    size = max((r[0] for r in rows), default=0) + 1
    rowid = np.array([r[0] for r in rows], dtype=np.int64)
    present = np.zeros(size, dtype=bool)
    present[rowid] = True
    published = np.full(size, np.nan)
    published[rowid] = np.array([np.nan if r[1] is None else r[1] for r in rows], dtype=np.float64)
    is_copy = np.zeros(size, dtype=bool)
    is_copy[rowid] = np.array([bool(r[3]) for r in rows], dtype=bool)
    months = sorted({r[2] for r in rows if r[2]})
    month_code = {m: i for i, m in enumerate(months)}
    month = np.full(size, -1, dtype=np.int32)
    month[rowid] = np.array([month_code.get(r[2], -1) for r in rows], dtype=np.int32)
    by_id = np.full(size, len(rows), dtype=np.int64)  # absent slots rank last
    by_id[rowid[sorted(range(len(rows)), key=lambda i: rows[i][4])]] = np.arange(len(rows))
    undated = np.isnan(published)
    key = np.where(undated, 0.0, published)
    return Columns(
        present=present,
        published=published,
        is_copy=is_copy,
        months=months,
        month=month,
        newest=_ranks(by_id, -key, undated),
        oldest=_ranks(by_id, key, undated),
        by_id=by_id,
        facets={facet: _facet(db, facet) for facet in FACETS},
    )


class ColumnCache:
    """The columns of one index file, reloaded when the file changed since they were read (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._columns: Columns | None = None
        self._signature: tuple | None = None

    def get(self, db: sqlite3.Connection) -> Columns:
        """The current columns; `db` (an open connection to the file) reads them when they are stale."""
        current = signature(self.path)
        if self._columns is not None and current == self._signature:
            return self._columns
        with self._lock:
            if self._columns is None or current != self._signature:
                self._columns = load_columns(db)
                self._signature = current
            return self._columns
