"""The embedded index's filter and facet columns in memory, as numpy arrays indexed by SQLite rowid.

SQLite FTS5 finds the documents a query matches; everything counted or sorted over the matches (facets
under the other filters, the date histogram, dates, copies, the newest/oldest order) is numpy work on
these columns, linear in the archive with a small constant instead of one SQL join per match and facet.
When the index file changes (see `signature`) only the documents written or removed since the last read
are read again: rowids only grow (the backend gives a replaced document a new one above every other), so
the rows above the highest rowid read are new and the ones read but gone were replaced; a rebuild (a new
`EPOCH_KEY` in the state table) reads everything.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
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


def _ranks(*keys: np.ndarray) -> np.ndarray:
    """Rank of each slot under a lexicographic order of keys (the last key is the primary one, as np.lexsort)."""
    order = np.lexsort(keys)
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(len(order))
    return ranks


EPOCH_KEY = "search.epoch"  # state key a rebuild sets anew: the rowids of the previous file mean nothing now
_DOCS = "SELECT rowid, published_ts, is_copy, id FROM docs WHERE rowid > ?"
_PAIRS = "SELECT rowid, facet, value, label FROM facets WHERE rowid > ?"


def _codes(names: list[str], index: dict[str, int], new: Sequence[str]) -> np.ndarray:
    """Codes of `new` in first-seen order, adding unseen names to `names` and `index`."""
    for name in new:
        if name not in index:
            index[name] = len(names)
            names.append(name)
    return np.array([index[name] for name in new], dtype=np.int32)


def _order_of(names: list[str]) -> np.ndarray:
    """Rank of each name in sorted order."""
    ranks = np.empty(len(names), dtype=np.int64)
    ranks[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return ranks


@dataclass(slots=True)
class _Pairs:
    """One facet's (rowid, value, label) rows as read; values and labels coded in first-seen order."""

    rowids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    values: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    value_names: list[str] = field(default_factory=list)
    label_names: list[str] = field(default_factory=list)
    value_index: dict[str, int] = field(default_factory=dict)
    label_index: dict[str, int] = field(default_factory=dict)

    def change(self, gone: np.ndarray, rows: list[tuple[int, str, str]]) -> None:
        """Forget the rows of documents `gone` (a mask by rowid) and add `rows` (rowid, value, label)."""
        keep = ~gone[self.rowids]
        rowids, values, labels = zip(*rows, strict=True) if rows else ((), (), ())
        self.rowids = np.concatenate([self.rowids[keep], np.array(rowids, dtype=np.int64)])
        self.values = np.concatenate([self.values[keep], _codes(self.value_names, self.value_index, values)])
        self.labels = np.concatenate([self.labels[keep], _codes(self.label_names, self.label_index, labels)])

    def facet(self) -> Facet:
        """The facet of the current rows: values sorted, each with its smallest label, a document once."""
        value_rank, label_rank = _order_of(self.value_names), _order_of(self.label_names)
        used = np.unique(self.values)  # names of removed documents only are no values any more
        used = used[np.argsort(value_rank[used])]
        code_of = np.zeros(len(self.value_names), dtype=np.int32)
        code_of[used] = np.arange(len(used), dtype=np.int32)
        codes = code_of[self.values]
        by_label = np.lexsort((label_rank[self.labels], codes))  # the smallest label of each value comes first
        first = np.ones(len(by_label), dtype=bool)
        first[1:] = codes[by_label][1:] != codes[by_label][:-1]
        _, once = np.unique(self.rowids * max(len(used), 1) + codes, return_index=True)  # a document counts once
        values = [self.value_names[c] for c in used]
        labels = [self.label_names[c] for c in self.labels[by_label][first]]
        index = {value: code for code, value in enumerate(values)}
        return Facet(values, labels, self.rowids[once], codes[once], index)


@dataclass(slots=True)
class _Read:
    """Every column as read from the file (one entry per document), and what is needed to bring it up to date."""

    epoch: str
    top: int = 0  # the highest rowid read
    rowid: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    published: np.ndarray = field(default_factory=lambda: np.zeros(0))
    is_copy: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=str))
    pairs: dict[str, _Pairs] = field(default_factory=lambda: {facet: _Pairs() for facet in FACETS})

    def update(self, db: sqlite3.Connection) -> None:
        """Forget the documents no longer in the file, read the ones above `top` (one snapshot)."""
        gone = np.zeros(self.top + 1, dtype=bool)
        if self.top:  # the docs_published index holds every rowid, and is far smaller than the table
            sql = "SELECT group_concat(rowid) FROM docs INDEXED BY docs_published WHERE rowid <= ?"
            (joined,) = db.execute(sql, (self.top,)).fetchone()
            gone[self.rowid] = True
            gone[np.fromstring(joined or "", dtype=np.int64, sep=",")] = False
        found = db.execute(_DOCS, (self.top,)).fetchall()
        rowids, published, copies, ids = zip(*found, strict=True) if found else ((),) * 4
        keep = ~gone[self.rowid]
        self.rowid = np.concatenate([self.rowid[keep], np.array(rowids, dtype=np.int64)])
        self.published = np.concatenate([self.published[keep], np.array(published, dtype=np.float64)])  # None: NaN
        self.is_copy = np.concatenate([self.is_copy[keep], np.array(copies, dtype=bool)])
        self.ids = np.concatenate([self.ids[keep], np.array(ids, dtype=str)])
        by_facet: dict[str, list[tuple[int, str, str]]] = {facet: [] for facet in FACETS}
        for rowid, facet, value, label in db.execute(_PAIRS, (self.top,)):
            if facet in by_facet:
                by_facet[facet].append((rowid, value, label))
        for facet, pairs in self.pairs.items():
            pairs.change(gone, by_facet[facet])
        self.top = max(self.top, int(self.rowid.max(initial=0)))

    def columns(self) -> Columns:
        """The columns of the documents read (see load_columns)."""
        rowid = self.rowid
        size = self.top + 1
        present = np.zeros(size, dtype=bool)
        present[rowid] = True
        published = np.full(size, np.nan)
        published[rowid] = self.published
        is_copy = np.zeros(size, dtype=bool)
        is_copy[rowid] = self.is_copy
        by_id = np.full(size, len(rowid), dtype=np.int64)  # absent slots rank last
        by_id[rowid[np.argsort(self.ids, kind="stable")]] = np.arange(len(rowid))
        undated = np.isnan(published)
        key = np.where(undated, 0.0, published)
        newest = _ranks(by_id, -key, undated)
        facets = {facet: pairs.facet() for facet, pairs in self.pairs.items()}
        return Columns(
            present,
            published,
            is_copy,
            newest,
            newest.astype(">u4").tobytes(),
            _ranks(by_id, key, undated),
            by_id,
            facets,
        )


def _epoch(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM state WHERE key = ?", (EPOCH_KEY,)).fetchone()
    return row[0] if row else ""


def load_columns(db: sqlite3.Connection, read: _Read | None = None) -> tuple[Columns, _Read]:
    """The columns of every document, and what they were made from: `read` (a previous result) brought up to
    date when it comes from the same build of the file, else everything read anew. One read transaction."""
    own = not db.in_transaction  # else the caller's transaction is the snapshot
    if own:
        db.execute("BEGIN")
    try:
        epoch = _epoch(db)
        if read is None or read.epoch != epoch:
            read = _Read(epoch)
        read.update(db)
    finally:
        if own:
            db.execute("COMMIT")
    return read.columns(), read


class ColumnCache:
    """The columns of one index file, brought up to date when the file changed since they were read (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._columns: Columns | None = None
        self._read: _Read | None = None
        self._signature: tuple | None = None

    def get(self, db: sqlite3.Connection) -> Columns:
        """The current columns; `db` (an open connection to the file) reads the changes when they are stale."""
        current = signature(self.path)
        if self._columns is not None and current == self._signature:
            return self._columns
        with self._lock:
            if self._columns is None or current != self._signature:
                self._columns, self._read = load_columns(db, self._read)
                self._signature = current
            return self._columns
