"""Incremental index runs update only the profiles of officials whose articles changed, and the result is
the profiles a full rebuild gives (both backends)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from indexer.enrich.officials import Official, Quote
from indexer.load import _tracking, all_profiles, updated_profiles
from search.backend import SearchBackend
from search.sqlite_backend import SqliteBackend
from tests.test_officials_web import _doc
from tests.test_search_contract import _es_backend

KHAI, NHUT, TAI = "Lâm Hoàng Khải", "Quách Văn Nhựt", "Dương Hữu Tài"
FIRST = [
    _doc("i1", "2017-02-01T08:00:00+07:00", "Hội nghị",
         [Official(KHAI, ["Phó Chủ tịch UBND tỉnh"]), Official(NHUT, ["Giám đốc Sở Y tế"])]),
    _doc("i2", "2018-04-12T08:00:00+07:00", "Đối thoại", [Official(KHAI, ["Chủ tịch UBND tỉnh"])]),
    _doc("i3", "2018-05-02T08:00:00+07:00", "Bạc Liêu", [Official(TAI, ["Chủ tịch UBND tỉnh"])], province="Bạc Liêu"),
]  # fmt: skip
CHANGED = [
    # i1 re-enriched: Nhựt is no longer named there, so his only article is gone and so is his profile
    _doc("i1", "2017-02-01T08:00:00+07:00", "Hội nghị", [Official(KHAI, ["Phó Chủ tịch UBND tỉnh"])]),
    # a new article names Khải with Tài, with a quote
    _doc("i4", "2019-10-15T08:00:00+07:00", "Sạt lở", [
        Official(KHAI, ["Chủ tịch Ủy ban nhân dân tỉnh"], quotes=[Quote("phải gia cố bờ biển ngay", "direct")]),
        Official(TAI, ["Chủ tịch UBND tỉnh"], province="Bạc Liêu"),
    ]),
]  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    if request.param == "sqlite":
        yield SqliteBackend(tmp_path_factory.mktemp("incremental"))
        return
    yield from _es_backend()


def test_updating_the_changed_officials_equals_a_full_rebuild(backend: SearchBackend) -> None:
    backend.rebuild(FIRST)
    backend.put_officials(all_profiles(backend))
    untouched = {p["id"]: p for p in backend.officials()}["duong-huu-tai--bac-lieu"]
    affected: set[str] = set()
    report = backend.index(_tracking(iter(CHANGED), backend, affected))
    assert report.indexed == 2 and not report.failed
    assert affected == {"lam-hoang-khai--ca-mau", "quach-van-nhut--ca-mau", "duong-huu-tai--bac-lieu"}
    updated = updated_profiles(backend, affected)
    assert updated == all_profiles(backend)
    by_id = {p["id"]: p for p in updated}
    assert "quach-van-nhut--ca-mau" not in by_id  # no article names him any more
    khai = by_id["lam-hoang-khai--ca-mau"]
    assert [t["articles"] for t in khai["titles"]] == [["i1"], ["i2", "i4"]]
    assert khai["quotes"][0]["article_id"] == "i4" and khai["co_mentions"][0]["id"] == "duong-huu-tai--bac-lieu"
    assert by_id["duong-huu-tai--bac-lieu"] != untouched  # he is named in the new article too


def test_nothing_changed_leaves_the_profiles_alone(backend: SearchBackend) -> None:
    backend.rebuild(FIRST)
    backend.put_officials(all_profiles(backend))
    affected: set[str] = set()
    backend.index(_tracking(iter([]), backend, affected))
    assert affected == set()
    assert updated_profiles(backend, {"duong-huu-tai--bac-lieu"}) == all_profiles(backend)
