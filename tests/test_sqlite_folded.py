"""The embedded index's folded full-text table answers plain-word queries exactly as the prefix expression
on the main table would: same documents, same bm25 scores, after replacements and for older index files."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from search.fts_match import groups_expression
from search.model import SearchRequest
from search.query import parse_query
from search.sqlite_backend import SqliteBackend
from tests.test_search_contract import CORPUS, doc

ACCENTS = [
    doc("dang-1", "Đảng viên mới ở Cà Mau", "Đặng Văn Dũng đang học tập; dáng đứng của đảng viên trẻ."),
    doc("dang-2", "Đang mùa nước nổi", "Người dân đang chờ nước rút, Đảng bộ xã hỗ trợ."),
    doc("dang-3", "Tin vắn", "Dạng bão mới: tâm bão đang đi vào đất liền, viện trợ đến nơi."),
]
PLAIN = ["dang vien", "dang", '"dang vien"', "tam bao", "title:dang", "nuoc OR vien", "dang -bao"]


def scored(db: sqlite3.Connection, q: str, table: str) -> list[tuple[int, float]]:
    expression = groups_expression(parse_query(q).groups, table)
    sql = f"SELECT rowid, bm25({table}, 3.0, 1.0) FROM {table} WHERE {table} MATCH ? ORDER BY rowid"
    return db.execute(sql, (expression,)).fetchall()


def assert_tables_agree(backend: SqliteBackend) -> None:
    with closing(sqlite3.connect(backend.path)) as db:
        for q in PLAIN:
            on_main = scored(db, q, "fts")
            assert on_main, q
            assert scored(db, q, "fts_folded") == on_main, q


@pytest.fixture
def backend(tmp_path: Path) -> SqliteBackend:
    backend = SqliteBackend(tmp_path)
    backend.rebuild(CORPUS + ACCENTS)
    return backend


def test_plain_words_find_the_same_documents_with_the_same_scores(backend: SqliteBackend) -> None:
    assert_tables_agree(backend)
    assert backend.search(SearchRequest(q="dang vien")).total == 1 + backend.search(SearchRequest(q="đảng viên")).total


def test_replaced_documents_are_forgotten_by_the_folded_table(backend: SqliteBackend) -> None:
    backend.index([dict(ACCENTS[2], body="Mưa lớn kéo dài, đường ngập nặng.")])
    assert backend.search(SearchRequest(q="tam bao")).total == 0
    assert backend.search(SearchRequest(q="duong ngap")).total == 1
    backend.index([dict(ACCENTS[2], body="Tâm bão đi qua, đảng viên có mặt.")])
    assert_tables_agree(backend)
    assert backend.search(SearchRequest(q="duong ngap")).total == 0


def test_an_index_written_before_the_folded_table_gets_it_filled(backend: SqliteBackend) -> None:
    before = [h.doc["id"] for h in backend.search(SearchRequest(q="dang vien", size=50)).hits]
    with closing(sqlite3.connect(backend.path)) as db:
        db.execute("DROP TABLE fts_folded")
    reopened = SqliteBackend(backend.path.parent)
    assert [h.doc["id"] for h in reopened.search(SearchRequest(q="dang vien", size=50)).hits] == before
    assert_tables_agree(reopened)
