"""The JSON API, exports and the Atom feed over the indexed sample press."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from flask.testing import FlaskClient

from tests.conftest import DEFAULT_BACKEND
from webapp import create_app

SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"
SEED_OFFICIAL = "pham-bach-dang--ca-mau"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_search_answers_the_documented_shape(client: FlaskClient) -> None:
    body = client.get("/api/v1/search", query_string={"q": "cai cach hanh chinh", "size": 3}).json
    shape = {"total", "page", "size", "hits", "facets", "facets_estimated_on", "facets_estimated", "warnings"}
    assert set(body) == shape
    assert body["page"] == 1 and len(body["hits"]) == min(3, body["total"])
    seed = next(h for h in client.get("/api/v1/search", query_string={"q": "cải cách hành chính"}).json["hits"]
                if h["title"] == SEED_TITLE)  # fmt: skip
    assert set(seed) == {"id", "url", "title", "paper", "province", "published", "snippet", "officials", "topics"}
    assert seed["published"].startswith("2017-06-12")
    assert "Phạm Bạch Đằng" in seed["officials"] and "cai-cach-hanh-chinh" in seed["topics"]
    assert set(body["facets"]) == {"officials", "topics", "province", "paper", "year"}
    assert {"value", "label", "count"} == set(body["facets"]["topics"][0])


def test_search_repeated_filters_are_or_within_a_facet(client: FlaskClient) -> None:
    def total(*pairs: tuple[str, str]) -> int:
        return client.get("/api/v1/search", query_string=list(pairs)).json["total"]

    both = total(("year", "2016"), ("year", "2017"))
    assert both == total(("year", "2016")) + total(("year", "2017")) > 0
    assert total(("official", SEED_OFFICIAL), ("topic", "xay-dung-dang")) <= total(("official", SEED_OFFICIAL))


def test_search_sorts_by_date(client: FlaskClient) -> None:
    newest = [h["published"] for h in client.get("/api/v1/search?sort=newest&size=50").json["hits"]]
    oldest = [h["published"] for h in client.get("/api/v1/search?sort=oldest&size=50").json["hits"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "size=101",
        "page=10001",
        "sort=best",
        "date_from=12/06/2017",
        "date_from=2019-01-01&date_to=2018-01-01",
    ],
)
def test_search_errors_are_json_400(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == 400
    assert response.is_json and isinstance(response.json["error"], str) and response.json["error"]


def test_article_by_id_and_404(client: FlaskClient) -> None:
    hit = client.get("/api/v1/search", query_string={"q": f'"{SEED_TITLE}"'}).json["hits"][0]
    doc = client.get(f"/api/v1/articles/{hit['id']}").json
    assert doc["title"] == SEED_TITLE and doc["body"] and doc["officials"][0]["id"] == SEED_OFFICIAL
    missing = client.get("/api/v1/articles/nope")
    assert missing.status_code == 404 and missing.json == {"error": missing.json["error"]}


def test_officials_by_name_title_and_date(client: FlaskClient) -> None:
    by_name = client.get("/api/v1/officials", query_string={"q": "bach dang"}).json
    assert [o["id"] for o in by_name] == [SEED_OFFICIAL]
    assert {"title", "first_seen", "last_seen"} == set(by_name[0]["titles"][0])
    held = client.get(
        "/api/v1/officials",
        query_string={"title": "Chủ tịch Ủy ban nhân dân tỉnh", "province": "Quảng Trị", "date": "2017-06-12"},
    ).json
    assert [o["name"] for o in held] == ["Trần Quốc Thịnh"]
    assert client.get("/api/v1/officials", query_string={"date": "2017"}).status_code == 400
    for bad in ("2017-13-40", "0000", "June"):
        assert client.get("/api/v1/officials", query_string={"title": "x", "date": bad}).status_code == 400


def test_official_profile_and_404(client: FlaskClient) -> None:
    profile = client.get(f"/api/v1/officials/{SEED_OFFICIAL}").json
    assert profile["name"] == "Phạm Bạch Đằng" and profile["mentions_by_month"] and profile["co_mentions"]
    assert client.get("/api/v1/officials/nobody").status_code == 404


def test_the_documented_official_id_never_names_a_sibling_route(client: FlaskClient) -> None:
    """The profile's id has a documented shape that the fixed routes beside it (/officials/titles …) do not
    have, so a client generating ids from the document cannot reach them."""
    document = client.get("/api/v1/openapi.json").json
    (parameter,) = document["paths"]["/officials/{official_id}"]["get"]["parameters"]
    siblings = [p.removeprefix("/officials/") for p in document["paths"] if re.fullmatch(r"/officials/[\w-]+", p)]
    assert siblings and not any(re.search(parameter["schema"]["pattern"], name) for name in siblings)
    assert re.search(parameter["schema"]["pattern"], SEED_OFFICIAL)
    assert client.get(f"/api/v1/officials/{SEED_OFFICIAL}").status_code == 200


def test_csv_export_streams_the_whole_result_set(client: FlaskClient) -> None:
    total = client.get("/api/v1/search", query_string={"q": "tỉnh"}).json["total"]
    assert total > 20  # more than one page
    response = client.get("/api/v1/export", query_string={"format": "csv", "q": "tỉnh"})
    assert response.status_code == 200 and response.is_streamed
    assert response.headers["Content-Type"].startswith("text/csv")
    raw = response.get_data(as_text=True)
    assert raw.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw[1:])))
    assert len(rows) == total == int(response.headers["X-Export-Total"])
    assert response.headers["X-Export-Truncated"] == "false"
    assert len({r["id"] for r in rows}) == total
    assert all(r["title"] and r["paper"] for r in rows)


def test_jsonl_export_keeps_lists_and_search_order(client: FlaskClient) -> None:
    response = client.get("/api/v1/export", query_string={"format": "jsonl", "sort": "oldest"})
    rows = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert len(rows) == 64
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates)
    assert any(SEED_OFFICIAL in r["official_ids"] for r in rows)


def test_export_over_the_limit_is_cut_and_says_so(indexed_dir: Path) -> None:
    app = create_app(
        {
            "NEWSARCHIVE_BACKEND": DEFAULT_BACKEND,
            "NEWSARCHIVE_DATA_DIR": str(indexed_dir),
            "NEWSARCHIVE_EXPORT_LIMIT": 5,
        }
    )
    response = app.test_client().get("/api/v1/export?format=jsonl")
    assert len(response.get_data(as_text=True).splitlines()) == 5
    assert response.headers["X-Export-Truncated"] == "true"
    assert response.headers["X-Export-Total"] == "64" and response.headers["X-Export-Rows"] == "5"


def test_export_rejects_unknown_formats(client: FlaskClient) -> None:
    response = client.get("/api/v1/export?format=xlsx")
    assert response.status_code == 400 and "error" in response.json


def test_atom_feed_of_a_search_is_newest_first(client: FlaskClient) -> None:
    response = client.get("/feed.atom", query_string={"q": "cai cach", "province": "Cà Mau"})
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.data)
    entries = root.findall(f"{ATOM}entry")
    assert entries
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert any(e.findtext(f"{ATOM}title") == SEED_TITLE for e in entries)
    assert root.findtext(f"{ATOM}title") == "newsarchive: cai cach"


def test_atom_feed_survives_control_characters(client: FlaskClient) -> None:
    response = client.get("/feed.atom", query_string={"q": "a\x01b\x0c"})
    assert response.status_code == 200
    ET.fromstring(response.data)


def test_openapi_document_lists_every_api_route(client: FlaskClient) -> None:
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.")
    documented = {"/api/v1" + path for path in doc["paths"]}
    served = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for rule in client.application.url_map.iter_rules()
        if rule.rule.startswith("/api/") and rule.rule != "/api/v1/openapi.json"
    }
    assert documented == served
    assert {"/search", "/articles/{doc_id}", "/officials", "/officials/{official_id}", "/export"} <= set(doc["paths"])
    assert "50,000" in doc["paths"]["/export"]["get"]["summary"]


def test_unknown_api_route_is_json_404(client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404 and "error" in response.json
    refused = client.post("/api/v1/search")
    assert refused.status_code == 405 and "GET" in refused.headers["Allow"] and "error" in refused.json


def test_csv_cells_that_look_like_formulas_are_neutralized() -> None:
    from webapp.exports import csv_cell

    assert csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_cell(["-1", "b"]) == "'-1; b"
    assert csv_cell("Phạm Bạch Đằng") == "Phạm Bạch Đằng"
    assert csv_cell(None) == ""
    for formula in (
        " =1+1",
        "\u00a0=cmd|' /C calc'!A0",
        "\uff1dSUM(A1)",
        "\uff0b1",
        "\uff0d2+3",
        "\uff20SUM(1)",
        "@x",
        "\t=1",
    ):
        assert csv_cell(formula) == "'" + formula, formula
    for number in ("-5", "+3.5", "-1,5%", "12", "2017-06-12"):
        assert csv_cell(number) == number, number
    assert csv_cell("-5+1") == "'-5+1" and csv_cell("- gạch đầu dòng") == "'- gạch đầu dòng"
