"""The attention baseline (articles published per month) is counted once per set of papers, then reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.model import SearchRequest
from search.sqlite_backend import SqliteBackend
from tests.test_search_contract import CORPUS
from webapp import attention as attention_module
from webapp.attention import BaselineCache


def test_baseline_is_reused_within_its_ttl_and_recounted_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = SqliteBackend(tmp_path)
    backend.rebuild(CORPUS[:4])
    cache, request = BaselineCache(), SearchRequest(q="dang")
    first = cache.months(backend, request)
    assert sum(first.values()) == 4
    backend.index([dict(CORPUS[4], published="2017-01-20T08:00:00+07:00", month="2017-01", year="2017")])
    assert cache.months(backend, request) == first  # within the TTL: not counted again
    monkeypatch.setattr(attention_module, "BASELINE_TTL", 0.0)
    assert sum(cache.months(backend, request).values()) == 5


def test_baseline_is_kept_per_set_of_papers(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path)
    backend.rebuild(CORPUS)
    cache = BaselineCache()
    everything = cache.months(backend, SearchRequest())
    one_paper = cache.months(backend, SearchRequest(filters={"paper": ["Báo Bạc Liêu"], "province": ["Cà Mau"]}))
    assert sum(one_paper.values()) < sum(everything.values())
    assert one_paper == cache.months(backend, SearchRequest(q="lúa", filters={"paper": ["Báo Bạc Liêu"]}))
