"""Officials on the web and in the API: who held a title (exact, with evidence, nearest), profiles with quotes,
co-mentions combined with official_op=and, the accent rule of the directory, feeds and the open-data export."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.enrich.officials import Official, Quote
from indexer.enrich.profiles import build_profiles
from indexer.load import _mentions, document_official
from search.sqlite_backend import SqliteBackend
from webapp import create_app

SEED_OFFICIAL = "pham-bach-dang--ca-mau"


def _doc(doc_id: str, published: str, title: str, officials: list[Official], province: str = "Cà Mau") -> dict:
    return {
        "id": doc_id, "url": f"https://baocamau.example/{doc_id}.html", "canonical_url": None, "paper": "Báo Cà Mau",
        "province": province, "section": "", "title": title, "lead": "", "body": title, "author": "",
        "published": published, "year": published[:4], "month": published[:7],
        "officials": [document_official(o, province) for o in officials], "topics": ["chinh-quyen"],
        "topic_names": ["Chính quyền"], "images": [], "cluster_id": doc_id, "is_copy": False,
    }  # fmt: skip


KHAI = "Lâm Hoàng Khải"
SAID = "Doanh nghiệp phát triển thì tỉnh mới phát triển"
DOCS = [
    _doc("k1", "2016-03-15T08:00:00+07:00", "Công bố chỉ số cải cách hành chính",
         [Official(KHAI, ["Phó Chủ tịch UBND tỉnh"])]),
    _doc("k2", "2018-04-12T08:00:00+07:00", "Chủ tịch UBND tỉnh đối thoại với doanh nghiệp",
         [Official(KHAI, ["Chủ tịch UBND tỉnh"], quotes=[Quote(SAID, "direct", f"“{SAID}”, Chủ tịch UBND tỉnh nói.")]),
          Official("Quách Văn Nhựt", ["Phó Chủ tịch UBND tỉnh"])]),
    _doc("k3", "2019-10-15T08:00:00+07:00", "Kiểm tra sạt lở bờ biển Tây",
         [Official(KHAI, ["Chủ tịch Ủy ban nhân dân tỉnh"],
                   quotes=[Quote("tỉnh sẽ gia cố các đoạn bờ biển xung yếu trước mùa mưa", "indirect")]),
          Official("Quách Văn Nhựt", ["Phó Chủ tịch UBND tỉnh"])]),
]  # fmt: skip


@pytest.fixture(scope="module")
def quoted_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """An app over a small index whose officials carry quotes (what the extractor's quote rules give)."""
    data = tmp_path_factory.mktemp("quoted")
    backend = SqliteBackend(data)
    assert not backend.rebuild(DOCS).failed
    backend.put_officials([p.to_dict() for p in build_profiles(_mentions(d) for d in DOCS)])
    return create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(data)})


def test_who_held_is_exact_typed_any_way_with_evidence(client: FlaskClient) -> None:
    for typed in (
        "Chủ tịch UBND tỉnh",
        "chu tich ubnd tinh",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "chủ tịch uỷ ban nhân dân tỉnh",
    ):
        held = client.get(
            "/api/v1/officials", query_string={"title": typed, "province": "Bạc Liêu", "date": "2017"}
        ).json
        assert [h["name"] for h in held] == ["Dương Hữu Tài"], typed
        span = held[0]["held"]
        assert span["articles"] and len(span["evidence"]) == len(span["articles"])
        assert all(e["published"] and "Chủ tịch" in e["title"] and "Phó" not in e["title"] for e in span["evidence"])
        for e in span["evidence"]:  # every evidence article exists and names him
            doc = client.get(f"/api/v1/articles/{e['id']}").json
            assert "Dương Hữu Tài" in [o["name"] for o in doc["officials"]]
    deputies = client.get(
        "/api/v1/officials", query_string={"title": "pho chu tich ubnd tinh", "province": "bac lieu", "date": "2018"}
    ).json
    assert [h["name"] for h in deputies] == ["Châu Ngọc Diễm"]  # a deputy is not the chief, nor the chief a deputy
    secretary = client.get(
        "/api/v1/officials", query_string={"title": "Bí thư Tỉnh ủy", "date": "2017", "province": "Quảng Trị"}
    ).json
    assert [h["name"] for h in secretary] == ["Nguyễn Đăng Khôi"] and all(
        "Phó" not in h["held"]["title"] for h in secretary
    )


def test_who_held_offers_the_nearest_holders_and_a_page_with_evidence(client: FlaskClient) -> None:
    answer = client.get(
        "/api/v1/officials/who-held",
        query_string={"title": "Chủ tịch UBND tỉnh", "province": "Quảng Trị", "date": "2010"},
    ).json
    assert answer["holders"] == [] and answer["before"] == []
    assert [h["name"] for h in answer["after"]] == ["Trần Quốc Thịnh"]
    page = client.get(
        "/officials/who-held", query_string={"title": "chu tich ubnd tinh", "province": "Quảng Trị", "date": "2010"}
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Người giữ chức gần nhất được biết" in html and "Trần Quốc Thịnh" in html
    held = client.get(
        "/officials/who-held", query_string={"title": "Chủ tịch UBND tỉnh", "province": "Quảng Trị", "date": "2017"}
    )
    html = held.get_data(as_text=True)
    assert re.search(
        r'href="/article/[^"]+">\d{2}/\d{2}/\d{4}</a> — <q>Chủ tịch', html
    )  # evidence: date, title as printed
    assert 'type="application/atom+xml"' in html and "official=tran-quoc-thinh--quang-tri" in html
    assert client.get("/api/v1/officials/who-held", query_string={"date": "2017"}).status_code == 400


def test_titles_are_offered_as_typed(client: FlaskClient) -> None:
    titles = client.get("/api/v1/officials/titles", query_string={"q": "chu tich ub"}).json["titles"]
    assert "Chủ tịch UBND tỉnh" in titles and not any(t.startswith("Phó") for t in titles)
    assert (
        client.get("/api/v1/officials/titles", query_string={"q": "Phó Bí"}).json["titles"][0].startswith("Phó Bí thư")
    )


def test_two_officials_with_and_give_exactly_their_shared_articles(client: FlaskClient) -> None:
    profile = client.get(f"/api/v1/officials/{SEED_OFFICIAL}").json
    other = next(c for c in profile["co_mentions"] if c["count"] >= 2)
    both = {"official": [SEED_OFFICIAL, other["id"]], "official_op": "and", "size": 100}
    result = client.get("/api/v1/search", query_string=both).json
    assert result["total"] == other["count"]
    assert all({profile["name"], other["name"]} <= set(h["officials"]) for h in result["hits"])
    either = client.get("/api/v1/search", query_string={**both, "official_op": "or"}).json
    assert either["total"] > result["total"]
    page = client.get(f"/officials/{SEED_OFFICIAL}").get_data(as_text=True)
    shared = f'href="/?official={SEED_OFFICIAL}&amp;official={other["id"]}&amp;official_op=and"'
    assert shared in page and '<svg class="network"' in page and 'aria-describedby="co-mentions"' in page
    search = client.get("/", query_string=both).get_data(as_text=True)
    assert "cùng xuất hiện trong bài (AND)" in search and f"<strong>{other['count']}</strong>" in search
    feed = client.get("/feed.atom", query_string=both).get_data(as_text=True)
    assert feed.count("<entry>") == other["count"]
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/api/v1/export", query_string=both).get_data(as_text=True).lstrip("\ufeff"))
        )
    )
    assert len(rows) == other["count"]


def test_profile_titles_have_evidence_and_a_feed(client: FlaskClient) -> None:
    profile = client.get(f"/api/v1/officials/{SEED_OFFICIAL}").json
    assert profile["titles"] and all(t["articles"] and t["evidence"] for t in profile["titles"])
    page = client.get(f"/officials/{SEED_OFFICIAL}").get_data(as_text=True)
    assert '<ol class="timeline">' in page
    for t in profile["titles"]:
        assert all(f'href="/article/{i}"' in page for i in t["articles"])
    assert f'href="/feed.atom?official={SEED_OFFICIAL}"' in page
    feed = client.get("/feed.atom", query_string={"official": SEED_OFFICIAL}).get_data(as_text=True)
    assert feed.count("<entry>") == min(profile["article_count"], 20)


def test_directory_follows_the_accent_rule(client: FlaskClient) -> None:
    def names(q: str) -> list[str]:
        return [o["name"] for o in client.get("/api/v1/officials", query_string={"q": q}).json]

    assert "Phạm Bạch Đằng" in names("dang") and "Phạm Bạch Đằng" in names("Đằng")
    assert "Phạm Bạch Đằng" not in names("Đặng") and "Phạm Bạch Đằng" not in names("Dạng")
    first = client.get("/api/v1/officials", query_string={"q": "bach dang"}).json[0]
    assert first["province"] == "Cà Mau" and first["main_title"] == "Phó Bí thư Thường trực Tỉnh ủy"
    html = client.get("/officials").get_data(as_text=True)
    assert 'role="combobox"' in html and 'role="listbox"' in html and 'aria-controls="typeahead-results"' in html


def test_namesakes_in_two_provinces_are_shown_apart(client: FlaskClient) -> None:
    everyone = client.get("/api/v1/officials").json
    by_name: dict[str, list[dict]] = {}
    for o in everyone:
        by_name.setdefault(o["name"], []).append(o)
    apart = next(group for group in by_name.values() if len(group) > 1)
    assert len({o["province"] for o in apart}) == len(apart)
    html = client.get("/officials", query_string={"q": apart[0]["name"]}).get_data(as_text=True)
    assert html.count("trùng tên") == len(apart)
    assert all(o["province"] in html for o in apart)


def test_profile_quotes_newest_first_with_links(quoted_app: Flask) -> None:
    client = quoted_app.test_client()
    profile = client.get("/api/v1/officials/lam-hoang-khai--ca-mau").json
    assert [(q["article_id"], q["kind"]) for q in profile["quotes"]] == [("k3", "indirect"), ("k2", "direct")]
    assert profile["quotes"][1]["text"] == SAID and profile["quotes"][1]["published"] == "2018-04-12"
    assert [(t["title"], t["articles"]) for t in profile["titles"]] == [
        ("Phó Chủ tịch UBND tỉnh", ["k1"]), ("Chủ tịch UBND tỉnh", ["k2", "k3"]),
    ]  # fmt: skip
    html = client.get("/officials/lam-hoang-khai--ca-mau").get_data(as_text=True)
    quotes = html.split('id="quotes"')[1].split("</section>")[0]
    assert quotes.index("gia cố") < quotes.index(SAID) and f"“{SAID}”" in quotes
    assert 'href="/article/k2"' in quotes and 'href="/article/k3"' in quotes
    nearest = client.get(
        "/api/v1/officials/who-held", query_string={"title": "Chủ tịch UBND tỉnh", "date": "2017-01-01"}
    ).json
    assert [h["name"] for h in nearest["after"]] == [KHAI] and nearest["after"][0]["held"]["first_seen"] == "2018-04-12"


def test_open_data_export_over_the_api(client: FlaskClient) -> None:
    response = client.get("/api/v1/officials/export", query_string={"format": "ftm", "province": "Quảng Trị"})
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    entities = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    people = {e["properties"]["name"][0] for e in entities if e["schema"] == "Person"}
    assert "Trần Quốc Thịnh" in people
    posts = {e["id"]: e["properties"]["name"][0] for e in entities if e["schema"] == "Position"}
    holders = {
        e["properties"]["holder"][0]
        for e in entities
        if e["schema"] == "Occupancy" and posts[e["properties"]["post"][0]] == "Chủ tịch UBND tỉnh Quảng Trị"
    }
    assert len(holders) == 1
    table = client.get("/api/v1/officials/export", query_string={"format": "csv", "province": "Quảng Trị"})
    rows = list(csv.DictReader(io.StringIO(table.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["person"] for r in rows if r["position"] == "Chủ tịch UBND tỉnh Quảng Trị"] == ["Trần Quốc Thịnh"]
    assert client.get("/api/v1/officials/export", query_string={"since": "June"}).status_code == 400
    assert client.get("/api/v1/officials/export", query_string={"format": "xml"}).status_code == 400


def test_profiles_stored_by_an_older_index_still_serve(tmp_path: Path) -> None:
    backend = SqliteBackend(tmp_path)
    backend.rebuild(DOCS[:1])
    span = {"title": "Chủ tịch UBND tỉnh", "first_seen": "2017-01-01", "last_seen": "2017-02-01", "articles": 2}
    old = {
        "id": "x--ca-mau",
        "name": "Lê X",
        "province": "Cà Mau",
        "mentions_by_month": {},
        "titles": [span],
        "co_mentioned": [{"id": "y--ca-mau", "name": "Lê Y", "count": 1}],
        "topics": [],
        "article_count": 2,
    }
    backend.put_officials([old])
    client = create_app({"NEWSARCHIVE_BACKEND": "sqlite", "NEWSARCHIVE_DATA_DIR": str(tmp_path)}).test_client()
    assert client.get("/officials/x--ca-mau").status_code == 200
    assert client.get("/api/v1/officials/x--ca-mau").json["co_mentions"][0]["id"] == "y--ca-mau"
    assert client.get("/officials/who-held", query_string={"title": "Chủ tịch UBND tỉnh"}).status_code == 200
