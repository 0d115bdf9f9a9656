"""The attention denominator is counted once per selection and interval, then reused for BASELINE_TTL."""

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
    first = cache.totals(backend, request, "month")
    assert sum(first.values()) == 4
    backend.index([dict(CORPUS[4], published="2017-01-20T08:00:00+07:00", month="2017-01", year="2017")])
    assert cache.totals(backend, request, "month") == first  # within the TTL: not counted again
    monkeypatch.setattr(attention_module, "BASELINE_TTL", 0.0)
    assert sum(cache.totals(backend, request, "month").values()) == 5


def test_baseline_is_kept_per_selection_and_ignores_the_query(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path)
    backend.rebuild(CORPUS)
    cache = BaselineCache()
    everything = cache.totals(backend, SearchRequest(), "month")
    one_paper = cache.totals(backend, SearchRequest(filters={"paper": ["Báo Bạc Liêu"]}), "month")
    assert sum(one_paper.values()) < sum(everything.values())
    assert one_paper == cache.totals(backend, SearchRequest(q="lúa", filters={"paper": ["Báo Bạc Liêu"]}), "month")
    assert sum(cache.totals(backend, SearchRequest(), "year").values()) == sum(everything.values())
