"""The embedded backend's in-memory facet columns follow writes made by another process's backend object."""

from __future__ import annotations

from pathlib import Path

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
