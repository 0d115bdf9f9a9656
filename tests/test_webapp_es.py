"""Key routes of the web app over the Elasticsearch backend (the real node of `make test`)."""

from __future__ import annotations

import csv
import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from flask.testing import FlaskClient

from tests.conftest import run_cli
from webapp import create_app

pytestmark = pytest.mark.elasticsearch
ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"
SEED_OFFICIAL = "pham-bach-dang--ca-mau"


@pytest.fixture(scope="module")
def client(crawled_dir: Path) -> Iterator[FlaskClient]:
    prefix = f"webapp-test-{uuid.uuid4().hex[:8]}"
    env = {"NEWSARCHIVE_BACKEND": "elasticsearch", "NEWSARCHIVE_INDEX_PREFIX": prefix, "ELASTICSEARCH_URL": ES_URL}
    result = run_cli("index", data_dir=crawled_dir, env=env)
    try:
        assert result.returncode == 0, result.stderr[-3000:]
        app = create_app(
            {
                "NEWSARCHIVE_BACKEND": "elasticsearch",
                "NEWSARCHIVE_INDEX_PREFIX": prefix,
                "ELASTICSEARCH_URL": ES_URL,
                "NEWSARCHIVE_DATA_DIR": str(crawled_dir),
            }
        )
        yield app.test_client()
    finally:
        with Elasticsearch(ES_URL) as es:
            es.indices.delete(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.mark.parametrize("q", ["cải cách hành chính", "cai cach hanh chinh"])
def test_search_page_lists_seed_article(client: FlaskClient, q: str) -> None:
    html = client.get("/", query_string={"q": q}).get_data(as_text=True)
    assert f">{SEED_TITLE}</a></h3>" in html
    assert '<svg class="chart"' in html


@pytest.mark.parametrize("exact", [False, True])
def test_a_search_page_costs_one_or_two_search_requests(client: FlaskClient, exact: bool) -> None:
    """Exact counts: hits, facets and the chart's counts in one request; with estimates allowed (the default)
    the counts come second, once the total says whether to sample."""
    es = client.application.extensions["backend"].client
    sent: list[str] = []
    send = es.perform_request

    def recording(method: str, path: str, **kwargs: object) -> object:  # the real request, noted on its way
        sent.append(path)
        return send(method, path, **kwargs)

    args = {"q": "cải cách", "interval": "year", **({"exact": "1"} if exact else {})}
    client.get("/", query_string=args)  # fills the attention baseline's cache
    es.perform_request = recording
    try:
        html = client.get("/", query_string=args).get_data(as_text=True)
    finally:
        del es.perform_request
    assert '<svg class="chart"' in html
    assert [path.rsplit("/", 1)[-1] for path in sent] == ["_search"] * (1 if exact else 2)


def test_api_search_facets_and_article(client: FlaskClient) -> None:
    body = client.get("/api/v1/search", query_string=[("province", "Cà Mau"), ("province", "Bạc Liêu")]).json
    counts = {v["value"]: v["count"] for v in body["facets"]["province"]}
    assert body["total"] == counts["Cà Mau"] + counts["Bạc Liêu"]
    seed = next(h for h in client.get("/api/v1/search", query_string={"q": f'"{SEED_TITLE}"'}).json["hits"])
    assert seed["title"] == SEED_TITLE
    assert client.get(f"/api/v1/articles/{seed['id']}").json["officials"][0]["id"] == SEED_OFFICIAL
    page = client.get(f"/article/{seed['id']}").get_data(as_text=True)
    assert f'href="/officials/{SEED_OFFICIAL}"' in page


def test_profile_and_who_held(client: FlaskClient) -> None:
    html = client.get(f"/officials/{SEED_OFFICIAL}").get_data(as_text=True)
    assert "<h1>Phạm Bạch Đằng</h1>" in html and f">{SEED_TITLE}</a></h3>" in html
    held = client.get(
        "/api/v1/officials", query_string={"title": "Chủ tịch UBND tỉnh", "province": "Quảng Trị", "date": "2017"}
    ).json
    assert [o["name"] for o in held] == ["Trần Quốc Thịnh"]


def test_export_streams_every_match(client: FlaskClient) -> None:
    response = client.get("/api/v1/export", query_string={"format": "csv", "q": "tỉnh"})
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == int(response.headers["X-Export-Total"]) > 20
    assert client.get("/feed.atom", query_string={"q": "dang"}).status_code == 200


def test_officials_together_and_who_held_evidence_on_elasticsearch(client: FlaskClient) -> None:
    profile = client.get(f"/api/v1/officials/{SEED_OFFICIAL}").json
    other = next(c for c in profile["co_mentions"] if c["count"] >= 2)
    both = {"official": [SEED_OFFICIAL, other["id"]], "official_op": "and", "size": 100}
    result = client.get("/api/v1/search", query_string=both).json
    assert result["total"] == other["count"]
    assert all({profile["name"], other["name"]} <= set(h["officials"]) for h in result["hits"])
    held = client.get(
        "/api/v1/officials", query_string={"title": "chu tich ubnd tinh", "province": "Quảng Trị", "date": "2017"}
    ).json
    assert [h["name"] for h in held] == ["Trần Quốc Thịnh"] and held[0]["held"]["evidence"]
