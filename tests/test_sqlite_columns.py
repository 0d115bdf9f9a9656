"""The embedded backend's in-memory facet columns follow writes made by another process's backend object, reading
only what changed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np

from search.columns import Columns, load_columns
from search.model import SearchRequest
from search.sqlite_backend import SqliteBackend
from tests.test_search_contract import CORPUS


def provinces(backend: SqliteBackend) -> dict[str, int]:
    return {v.value: v.count for v in backend.search(SearchRequest()).facets["province"]}


def test_a_reader_sees_what_another_writer_committed(tmp_path: Path) -> None:
    writer, reader = SqliteBackend(tmp_path), SqliteBackend(tmp_path)
    writer.rebuild(CORPUS[:3])
    before = provinces(reader)
    last = dict(CORPUS[2], province="Hậu Giang")  # replaces the document holding the highest rowid
    writer.index([last])
    after = provinces(reader)
    assert after != before and after.get("Hậu Giang") == 1
    assert sum(after.values()) == sum(before.values())
    writer.index([dict(CORPUS[3], province="Hậu Giang")])
    assert provinces(reader)["Hậu Giang"] == 2
    assert reader.search(SearchRequest(filters={"province": ["Hậu Giang"]})).total == 2


def test_a_rebuild_renamed_over_the_file_is_seen(tmp_path: Path) -> None:
    writer, reader = SqliteBackend(tmp_path), SqliteBackend(tmp_path)
    writer.rebuild(CORPUS)
    assert reader.search(SearchRequest()).total == len(CORPUS)
    writer.rebuild(CORPUS[:2])
    assert reader.search(SearchRequest()).total == 2


def same_columns(a: Columns, b: Columns) -> bool:
    """Every column equal; a facet's (document, value) pairs compared as sets."""
    for name in ("present", "published", "is_copy", "newest", "oldest", "by_id"):
        if not np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True):
            return False
    pairs = [
        {
            facet: (f.values, f.labels, sorted(zip(f.rows.tolist(), f.codes.tolist(), strict=True)))
            for facet, f in c.facets.items()
        }
        for c in (a, b)
    ]
    return a.newest_bytes == b.newest_bytes and pairs[0] == pairs[1]


def test_columns_brought_up_to_date_equal_columns_read_anew(tmp_path: Path) -> None:
    writer, reader = SqliteBackend(tmp_path), SqliteBackend(tmp_path)
    writer.rebuild(CORPUS)
    with closing(sqlite3.connect(reader.path)) as db:
        before = reader._columns.get(db)
        read = reader._columns._read
        writer.index([dict(CORPUS[1], province="Hậu Giang", published="2031-02-03T10:00:00+07:00", month="2031-02")])
        writer.index([dict(CORPUS[1], province="Sóc Trăng"), dict(CORPUS[0], id="added", paper="Báo Mới")])
        after = reader._columns.get(db)
        assert reader._columns._read is read  # brought up to date, not read anew
        assert same_columns(after, load_columns(db)[0]) and not same_columns(after, before)
    assert "Hậu Giang" not in provinces(reader) and provinces(reader)["Sóc Trăng"] == 1
    assert "2031-02" not in reader.search(SearchRequest(periods="month")).periods
    assert reader.search(SearchRequest(filters={"paper": ["Báo Mới"]})).total == 1
