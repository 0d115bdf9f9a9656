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
    newest_bytes: bytes  # the same ranks as four big-endian bytes each, for SQL to sort by
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


def _facets(db: sqlite3.Connection) -> dict[str, Facet]:
    """Every facet's pairs from one sequential scan of the `facets` table (its value index lacks the rowid)."""
    found = db.execute("SELECT rowid, facet, value, label FROM facets").fetchall()
    columns = list(zip(*found, strict=True)) if found else [(), (), (), ()]
    rowids = np.array(columns[0], dtype=np.int64)
    facets, values, labels = (np.array(column, dtype=str) for column in columns[1:])
    return {facet: _facet(*(column[facets == facet] for column in (rowids, values, labels))) for facet in FACETS}


def _facet(rowids: np.ndarray, values: np.ndarray, labels: np.ndarray) -> Facet:
    """One facet from its (rowid, value, label) rows: values sorted, each with its smallest label."""
    distinct, codes = np.unique(values, return_inverse=True)
    by_label = np.lexsort((labels, codes))  # the smallest label of each value comes first
    first = np.ones(len(by_label), dtype=bool)
    first[1:] = codes[by_label][1:] != codes[by_label][:-1]
    _, once = np.unique(rowids * max(len(distinct), 1) + codes, return_index=True)  # a document counts once
    index = {value: code for code, value in enumerate(distinct.tolist())}
    return Facet(distinct.tolist(), labels[by_label][first].tolist(), rowids[once], codes[once].astype(np.int32), index)


def load_columns(db: sqlite3.Connection) -> Columns:
    """Read the columns of every document (one scan of `docs`, one of `facets` per facet)."""
    found = db.execute("SELECT rowid, published_ts, COALESCE(month, ''), is_copy, id FROM docs").fetchall()
    rowids, published_ts, month_names, copies, ids = zip(*found, strict=True) if found else ((),) * 5
    rowid = np.array(rowids, dtype=np.int64)
    size = int(rowid.max(initial=0)) + 1
    present = np.zeros(size, dtype=bool)
    present[rowid] = True
    published = np.full(size, np.nan)
    published[rowid] = np.array(published_ts, dtype=np.float64)  # None → NaN
    is_copy = np.zeros(size, dtype=bool)
    is_copy[rowid] = np.array(copies, dtype=bool)
    months, month_of = np.unique(np.array(month_names, dtype=str), return_inverse=True)
    month = np.full(size, -1, dtype=np.int32)
    month[rowid] = month_of
    if len(months) and months[0] == "":  # undated
        month[rowid] -= 1
        months = months[1:]
    by_id = np.full(size, len(rowid), dtype=np.int64)  # absent slots rank last
    by_id[rowid[np.argsort(np.array(ids, dtype=str), kind="stable")]] = np.arange(len(rowid))
    undated = np.isnan(published)
    key = np.where(undated, 0.0, published)
    newest = _ranks(by_id, -key, undated)
    return Columns(
        present=present,
        published=published,
        is_copy=is_copy,
        months=months.tolist(),
        month=month,
        newest=newest,
        newest_bytes=newest.astype(">u4").tobytes(),
        oldest=_ranks(by_id, key, undated),
        by_id=by_id,
        facets=_facets(db),
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
