"""Facet and period counts estimated on the fixed sample (search.sampling) for searches that match many articles:
totals and hits stay exact, the estimates are the sample's counts scaled, the same on tantivy and Elasticsearch;
SQLite always counts exactly; the web page and the API say when counts are estimates."""

from __future__ import annotations

import os
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import tantivy
from flask.testing import FlaskClient

from search.backend import SearchBackend
from search.es_backend import ARTICLE_MAPPINGS, ElasticsearchBackend
from search.model import BackendUnavailable, SearchRequest
from search.sampling import SAMPLE_SLOTS, sample_size, sample_slot
from search.sqlite_backend import SqliteBackend
from search.tantivy_backend import TantivyBackend
from tests.test_search_contract import doc
from webapp import create_app

ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
PROVINCES = ["Cà Mau", "Bạc Liêu", "Sóc Trăng", "An Giang", "Kiên Giang"]
TOPICS = ["xay-dung-dang", "cai-cach-hanh-chinh", "y-te", "giao-duc"]
OFFICIALS = [f"Nguyễn Văn {name}" for name in ("An", "Bình", "Cường", "Dũng", "Hùng", "Long")]
LIMIT = 60  # estimate above this many matches


def corpus(n: int = 600) -> list[dict]:
    """n articles: every one names the province (`tỉnh`), half of them a reform (`cải cách`)."""
    rng = random.Random(11)
    docs = []
    for i in range(n):
        reform = "Tỉnh đẩy mạnh cải cách hành chính." if i % 2 else "Tỉnh họp bàn công tác mùa khô."
        docs.append(
            doc(
                f"a{i:04d}",
                f"Tin số {i}",
                reform,
                province=rng.choice(PROVINCES),
                published=f"20{rng.randint(15, 19)}-{rng.randint(1, 12):02d}-10T08:00:00+07:00",
                officials=tuple(rng.sample(OFFICIALS, rng.randint(0, 2))),
                topics=tuple(rng.sample(TOPICS, rng.randint(1, 2))),
            )
        )
    return docs


DOCS = corpus()


def _es() -> Iterator[SearchBackend]:
    backend = ElasticsearchBackend(ES_URL, prefix=f"estimates-{uuid.uuid4().hex[:8]}")
    yield backend
    backend.client.indices.delete(index=f"{backend.articles_alias.rsplit('-', 1)[0]}-*", ignore_unavailable=True)
    backend.close()


@pytest.fixture(
    scope="module", params=["sqlite", "tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]
)
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    if request.param == "elasticsearch":
        backends = _es()
        backend = next(backends)
    else:
        backend = {"sqlite": SqliteBackend, "tantivy": TantivyBackend}[request.param](tmp_path_factory.mktemp("e"))
    assert backend.rebuild(DOCS).indexed == len(DOCS)
    yield backend
    if request.param == "elasticsearch":
        next(backends, None)


def _expected(matching: list[dict], slots: int) -> tuple[dict[str, dict[str, int]], dict[str, int], int]:
    """What the facets (province, topics, officials) and months of `matching` estimate to on `slots` slots."""
    sampled = [d for d in matching if sample_slot(d["id"]) < slots]
    counts = {
        "province": Counter(d["province"] for d in sampled),
        "topics": Counter(t for d in sampled for t in d["topics"]),
        "officials": Counter(o["id"] for d in sampled for o in d["officials"]),
    }
    months = Counter(d["month"] for d in sampled)
    factor = SAMPLE_SLOTS / slots
    facets = {facet: {value: round(c * factor) for value, c in found.items()} for facet, found in counts.items()}
    return facets, {m: round(c * factor) for m, c in months.items()}, len(sampled)


def _search(backend: SearchBackend, q: str, estimate_above: int | None, **kwargs: object) -> object:
    return backend.search(SearchRequest(q=q, periods="month", size=50, estimate_above=estimate_above, **kwargs))


@pytest.mark.parametrize("q", ["tỉnh", "cai cach"])
def test_totals_and_hits_stay_exact_when_the_facets_are_estimated(loaded: SearchBackend, q: str) -> None:
    exact, estimated = _search(loaded, q, None), _search(loaded, q, LIMIT)
    assert exact.total == estimated.total > LIMIT and exact.estimated_on is None
    assert [h.doc["id"] for h in estimated.hits] == [h.doc["id"] for h in exact.hits]


@pytest.mark.parametrize("q", ["tỉnh", "cai cach"])
def test_estimates_are_the_fixed_sample_counts_scaled(loaded: SearchBackend, q: str) -> None:
    result = _search(loaded, q, LIMIT)
    if loaded.name == "sqlite":  # SQLite counts every match
        assert result.estimated_on is None and result.facets == _search(loaded, q, None).facets
        return
    matching = list(loaded.iter_matching(SearchRequest(q=q)))
    slots = sample_size(len(matching), LIMIT)
    assert slots < SAMPLE_SLOTS
    facets, months, sampled = _expected(matching, slots)
    assert result.estimated_on == sampled and 0.5 * LIMIT < sampled < 2 * LIMIT
    for facet, expected in facets.items():
        assert {v.value: v.count for v in result.facets[facet]} == expected, facet
    assert result.periods == months


def test_a_facet_filter_is_estimated_under_the_other_filters(loaded: SearchBackend) -> None:
    """The province facet of a search filtered by province counts every province (its own filter left out)."""
    result = _search(loaded, "tỉnh", LIMIT, filters={"province": ["Cà Mau"]})
    exact = _search(loaded, "tỉnh", None, filters={"province": ["Cà Mau"]})
    assert result.total == exact.total > LIMIT
    if loaded.name == "sqlite":  # SQLite counts every match
        assert result.estimated_on is None and result.facets == exact.facets
        return
    assert result.estimated_on is not None and "province" in result.estimated
    slots = sample_size(len(DOCS), LIMIT)  # every article says "tỉnh": the province facet is over all of them
    facets, _, _ = _expected(DOCS, slots)
    assert {v.value: v.count for v in result.facets["province"]} == facets["province"]


def test_each_count_is_estimated_by_the_size_of_its_own_set(loaded: SearchBackend) -> None:
    """Few matches under every filter: the chart and the facets counted under both filters stay exact, while the
    year and province facets, each counted without its own filter over many more articles, are estimated."""
    filters = {"year": ["2016"], "province": ["Cà Mau"]}
    result, exact = _search(loaded, "tỉnh", LIMIT, filters=filters), _search(loaded, "tỉnh", None, filters=filters)
    assert result.total == exact.total <= LIMIT and result.estimated_on is None
    assert (result.periods, result.facets["topics"]) == (exact.periods, exact.facets["topics"])
    if loaded.name == "sqlite":  # SQLite counts every match
        assert result.estimated == frozenset() and result.facets == exact.facets
        return
    assert result.estimated == {"year", "province"}
    for facet, kept in (("province", ("year", "2016")), ("year", ("province", "Cà Mau"))):
        under = [d for d in DOCS if d[kept[0]] == kept[1]]
        assert len(under) > LIMIT
        slots = sample_size(len(under), LIMIT)
        sampled = Counter(d[facet] for d in under if sample_slot(d["id"]) < slots)
        expected = {value: round(c * SAMPLE_SLOTS / slots) for value, c in sampled.items()}
        assert {v.value: v.count for v in result.facets[facet]} == expected, facet


def test_a_search_below_the_limit_counts_exactly(loaded: SearchBackend) -> None:
    estimated, exact = _search(loaded, "cai cach", len(DOCS)), _search(loaded, "cai cach", None)
    assert estimated.estimated_on is None
    assert (estimated.facets, estimated.periods) == (exact.facets, exact.periods)


def test_an_older_tantivy_index_asks_for_a_rebuild(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    backend.rebuild(DOCS[:5])
    live = tmp_path / "tantivy" / (tmp_path / "tantivy" / "CURRENT").read_text()
    for item in live.iterdir():
        if item.is_file():
            item.unlink()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True)
    tantivy.Index(builder.build(), str(live))  # an index without the fields of this version
    with pytest.raises(BackendUnavailable, match="--rebuild"):
        TantivyBackend(tmp_path).search(SearchRequest(q="tỉnh"))
    fresh = TantivyBackend(tmp_path)
    assert fresh.rebuild(DOCS[:5]).indexed == 5 and fresh.search(SearchRequest(q="tỉnh")).total == 5


@pytest.mark.elasticsearch
def test_an_elasticsearch_index_without_the_sample_field_counts_exactly() -> None:
    prefix = f"estimates-old-{uuid.uuid4().hex[:8]}"
    old = {**ARTICLE_MAPPINGS, "properties": {k: v for k, v in ARTICLE_MAPPINGS["properties"].items() if k != "sample"}}
    backend = ElasticsearchBackend(ES_URL, prefix=prefix)
    backend.client.indices.create(index=f"{prefix}-articles-initial", mappings=old, aliases={f"{prefix}-articles": {}})
    try:
        assert backend.index(DOCS).indexed == len(DOCS)
        backend.client.indices.refresh(index=f"{prefix}-articles")
        estimated, exact = _search(backend, "tỉnh", LIMIT), _search(backend, "tỉnh", None)
        assert estimated.estimated_on is None and estimated.total == len(DOCS)
        assert (estimated.facets, estimated.periods) == (exact.facets, exact.periods)
    finally:
        backend.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        backend.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    data_dir = tmp_path_factory.mktemp("web")
    TantivyBackend(data_dir).rebuild(DOCS)
    config = {"NEWSARCHIVE_BACKEND": "tantivy", "NEWSARCHIVE_DATA_DIR": str(data_dir), "RATELIMIT_ENABLED": False}
    return create_app({**config, "NEWSARCHIVE_FACET_ESTIMATE_ABOVE": LIMIT}).test_client()


def test_the_search_page_marks_estimates_and_links_to_exact_counts(client: FlaskClient) -> None:
    page = client.get("/?q=tinh").get_data(as_text=True)
    assert "ước tính" in page and "≈" in page and "exact=1" in page
    exact = client.get("/?q=tinh&exact=1").get_data(as_text=True)
    assert "≈" not in exact and "Đếm chính xác" not in exact
    narrow = client.get("/?q=tinh&province=C%C3%A0+Mau&topic=y-te&year=2016").get_data(as_text=True)
    assert "≈" not in narrow


def test_the_api_says_how_many_articles_the_facets_were_counted_on(client: FlaskClient) -> None:
    estimated = client.get("/api/v1/search?q=tinh").get_json()
    exact = client.get("/api/v1/search?q=tinh&exact=1").get_json()
    assert estimated["total"] == exact["total"] == len(DOCS)
    assert 0.5 * LIMIT < estimated["facets_estimated_on"] < 2 * LIMIT and exact["facets_estimated_on"] is None
    counts = {v["value"]: v["count"] for v in exact["facets"]["province"]}
    assert counts == Counter(d["province"] for d in DOCS)


def test_a_narrow_search_marks_only_the_facets_it_estimates(client: FlaskClient) -> None:
    """Few matches under both filters, many under each one alone: the province and year counts are estimates."""
    url = "?q=tinh&province=C%C3%A0+Mau&year=2016"
    found = client.get(f"/api/v1/search{url}").get_json()
    assert found["total"] <= LIMIT and found["facets_estimated_on"] is None
    assert found["facets_estimated"] == ["province", "year"]
    page = client.get(f"/{url}").get_data(as_text=True)
    assert "mỗi bộ lọc đó đếm trên một mẫu" in page and "exact=1" in page and "Số bài khớp (ước tính)" not in page
    marked = {panel.split('"')[0] for panel in page.split('id="facet-')[1:] if "≈" in panel.split("</section>")[0]}
    assert marked == {"province", "year"}
    assert client.get(f"/api/v1/search{url}&exact=1").get_json()["facets_estimated"] == []
