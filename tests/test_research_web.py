"""The research features over a press the project has never seen (tests/research_press.py), both backends:
attention, compare, citations, abbreviations, coverage, exports, provenance, search page additions."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient

from search.es_backend import ElasticsearchBackend
from search.sqlite_backend import SqliteBackend
from tests import research_press
from webapp import create_app

ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    data_dir = tmp_path_factory.mktemp(f"research-{request.param}")
    config = {"NEWSARCHIVE_BACKEND": request.param, "NEWSARCHIVE_DATA_DIR": str(data_dir)}
    if request.param == "sqlite":
        research_press.build(data_dir, SqliteBackend(data_dir))
        yield create_app(config).test_client()
        return
    prefix = f"research-{uuid.uuid4().hex[:8]}"
    es = ElasticsearchBackend(ES_URL, prefix=prefix)
    try:
        research_press.build(data_dir, es)
        yield create_app({**config, "ELASTICSEARCH_URL": ES_URL, "NEWSARCHIVE_INDEX_PREFIX": prefix}).test_client()
    finally:
        es.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        es.close()


PRESS = research_press.articles()
MUI = [a for a in PRESS if a.paper == "Báo Mũi Đất"]


def months_of(articles: list) -> Counter:
    return Counter(a.published_at.strftime("%Y-%m") for a in articles if a.published_at)


def total(site: FlaskClient, q: str, **params: str) -> int:
    return site.get("/api/v1/search", query_string={"q": q, **params}).json["total"]


# -- attention -------------------------------------------------------------------------------------
def test_attention_is_zero_filled_with_the_selections_own_denominator(site: FlaskClient) -> None:
    body = site.get("/api/v1/attention", query_string={"q": "UBND", "province": "Cà Mau"}).json
    assert body["interval"] == "month"
    series = {p["period"]: p for p in body["series"]}
    # every month of 2016 from the first to the last match, May (nothing published) included
    assert list(series) == ["2016-01", "2016-02", "2016-03", "2016-04", "2016-05", "2016-06", "2016-07"]
    mui_months = months_of(MUI)
    for month, point in series.items():
        assert point["total"] == mui_months.get(month, 0)  # Cà Mau's papers only, not the whole archive
        assert point["share"] == pytest.approx(point["count"] / point["total"] if point["total"] else 0, abs=1e-6)
    assert series["2016-05"] == {"period": "2016-05", "count": 0, "total": 0, "share": 0}
    assert sum(p["count"] for p in body["series"]) == total(site, "UBND", province="Cà Mau")


def test_attention_spans_the_dates_asked_for_at_any_interval(site: FlaskClient) -> None:
    args = {"q": "HĐND", "date_from": "2015-12-01", "date_to": "2016-08-31"}
    months = [p["period"] for p in site.get("/api/v1/attention", query_string=args).json["series"]]
    assert months[0] == "2015-12" and months[-1] == "2016-08" and len(months) == 9
    weeks = site.get("/api/v1/attention", query_string={**args, "interval": "week"}).json["series"]
    assert weeks[0]["period"] == "2015-11-30" and all(p["total"] >= p["count"] for p in weeks)  # Mondays
    years = site.get("/api/v1/attention", query_string={"interval": "year"}).json["series"]
    assert years == [{"period": "2016", "count": len(PRESS) - 1, "total": len(PRESS) - 1, "share": 1.0}]


def test_attention_csv_and_svg(site: FlaskClient) -> None:
    response = site.get("/api/v1/attention", query_string={"q": "UBND", "province": "Cà Mau", "format": "csv"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert re.search(
        r'filename="newsarchive-attention-ubnd-\d{4}-\d{2}-\d{2}\.csv"', response.headers["Content-Disposition"]
    )
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["period", "count", "total", "share"]
    assert ["2016-05", "0", "0", "0.000000"] in rows and len(rows) == 8
    svg = site.get("/api/v1/attention", query_string={"q": "UBND", "format": "svg", "measure": "share"})
    assert svg.mimetype == "image/svg+xml" and svg.get_data(as_text=True).count('<rect class="bar"') == 7


def test_bad_interval_is_a_400(site: FlaskClient) -> None:
    response = site.get("/api/v1/attention?interval=decade")
    assert response.status_code == 400 and "interval" in response.json["error"]
    assert site.get("/?interval=decade").status_code == 400


# -- abbreviations ---------------------------------------------------------------------------------
def test_abbreviations_and_expansions_give_equal_totals(site: FlaskClient) -> None:
    councils = total(site, "UBND")
    assert councils > 0 and councils == total(site, "Ủy ban nhân dân") == total(site, "uỷ ban nhân dân")
    assert councils == sum(1 for a in PRESS if re.search(r"UBND|[UỦ][yỷ]y? ban nhân dân", a.body))
    assemblies = total(site, "HĐND")
    assert assemblies > 0 and assemblies == total(site, "Hội đồng nhân dân") == total(site, "HDND")
    assert assemblies == sum(1 for a in PRESS if re.search(r"HĐND|HDND|Hội đồng nhân dân", a.body))


# -- compare ---------------------------------------------------------------------------------------
def test_compare_api_and_csv(site: FlaskClient) -> None:
    args = [("q", "UBND"), ("q", "HĐND"), ("q", "tôm sú"), ("province", "Cà Mau")]
    body = site.get("/api/v1/compare", query_string=args).json
    assert [q["q"] for q in body["queries"]] == ["UBND", "HĐND", "tôm sú"]
    for q in body["queries"]:
        assert q["total"] == total(site, q["q"], province="Cà Mau")
        assert [p["period"] for p in q["series"]] == [p["period"] for p in body["queries"][0]["series"]]
    response = site.get("/api/v1/compare", query_string=[*args, ("format", "csv")])
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["period", "UBND", "HĐND", "tôm sú", "total"]
    assert sum(int(r[1]) for r in rows[1:]) == body["queries"][0]["total"]
    assert "compare-ubnd-vs-hdnd-vs-tom-su" in response.headers["Content-Disposition"]
    assert site.get("/api/v1/compare", query_string=[("q", str(i)) for i in range(6)]).status_code == 400
    assert site.get("/api/v1/compare").status_code == 400


def test_compare_page_draws_one_line_per_query_and_links_each_search(site: FlaskClient) -> None:
    html = site.get("/compare", query_string=[("q", "UBND"), ("q", "HĐND"), ("measure", "share")]).get_data(
        as_text=True
    )
    assert html.count('<polyline class="series"') == 2
    assert 'href="/?q=UBND"' in html and 'href="/?q=H%C4%90ND"' in html
    assert site.get("/compare").status_code == 200  # the empty form


# -- citations and provenance ----------------------------------------------------------------------
def test_five_citation_styles(site: FlaskClient) -> None:
    article = MUI[1]  # has an author
    for style, kind in (("apa", "text/plain"), ("chicago", "text/plain"), ("bibtex", "application/x-bibtex"),
                        ("ris", "application/x-research-info-systems"),
                        ("csl-json", "application/vnd.citationstyles.csl+json")):  # fmt: skip
        response = site.get(f"/api/v1/articles/{article.id}/cite", query_string={"style": style})
        text = response.get_data(as_text=True)
        assert response.status_code == 200 and response.mimetype == kind, style
        assert article.url in text and f"/article/{article.id}/archived" in text, style
        assert ("2026" in text) and ("2016" in text), style  # capture and publication
    item = json.loads(site.get(f"/api/v1/articles/{article.id}/cite?style=csl-json").get_data(as_text=True))[0]
    assert item["accessed"] == {"date-parts": [[2026, 11, 20]]} and item["issued"] == {"date-parts": [[2016, 1, 7]]}
    assert site.get(f"/api/v1/articles/{article.id}/cite?style=mla").status_code == 400
    assert site.get("/api/v1/articles/nope/cite").status_code == 404


def test_article_page_shows_capture_warc_record_and_cite_box(site: FlaskClient) -> None:
    html = site.get(f"/article/{MUI[0].id}").get_data(as_text=True)
    assert "2026-11-20 03:00 UTC" in html and re.search(r'class="warc-record">&lt;urn:uuid:[0-9a-f-]+&gt;', html)
    assert 'id="cite"' in html and 'data-citation="apa"' in html and 'data-style="bibtex"' in html
    assert f'class="permalink" href="http://localhost/article/{MUI[0].id}/archived"' in html


def test_archived_copy_shows_archived_images_and_placeholders(site: FlaskClient) -> None:
    html = site.get(f"/article/{MUI[0].id}/archived").get_data(as_text=True)
    assert 'src="data:image/png;base64,' in html  # the image the crawl kept
    assert "[Ảnh không được lưu] Quảng cáo" in html and "cdn.muidat.example" not in html
    assert "2026-11-20 03:00 UTC" in html and "urn:uuid:" in html


# -- coverage --------------------------------------------------------------------------------------
def test_papers_add_up_to_the_archive_and_flag_the_gap_and_the_drop(site: FlaskClient) -> None:
    papers = {p["name"]: p for p in site.get("/api/v1/papers").json}
    assert sum(p["articles"] for p in papers.values()) == total(site, "") == len(PRESS)
    mui = papers["Báo Mũi Đất"]
    assert (mui["id"], mui["province"], mui["first_published"], mui["last_published"]) == (
        "bao-mui-dat", "Cà Mau", "2016-01-02", "2016-07-22")  # fmt: skip
    assert mui["months"]["2016-05"] == 0 and len(mui["months"]) == 7
    assert [(a["month"], a["kind"]) for a in mui["alerts"]] == [("2016-05", "gap"), ("2016-06", "drop")]
    assert papers["Báo Đồng Bằng"]["undated"] == 1 and papers["Báo Đồng Bằng"]["alerts"] == []
    page = site.get("/papers/bao-mui-dat").get_data(as_text=True)
    assert page.count('class="alert"') == 2 and "2016-05" in page
    assert "Báo Đồng Bằng" in site.get("/papers").get_data(as_text=True)
    assert site.get("/papers/khong-co").status_code == 404
    assert "Bạc Liêu" in site.get("/provinces").get_data(as_text=True)
    assert 'href="/topic/' in site.get("/topics").get_data(as_text=True)


# -- exports ---------------------------------------------------------------------------------------
def test_exports_carry_permalink_archived_url_and_capture(site: FlaskClient) -> None:
    response = site.get("/api/v1/export", query_string={"q": "HĐND", "format": "csv"})
    assert re.search(
        r'filename="newsarchive-export-hdnd-\d{4}-\d{2}-\d{2}\.csv"', response.headers["Content-Disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == total(site, "HĐND")
    for row in rows:
        assert row["permalink"] == f"http://localhost/article/{row['id']}"
        assert row["archived_url"] == f"http://localhost/article/{row['id']}/archived"
        assert row["captured_at"].startswith("2026-11-20T")
    lines = site.get("/api/v1/export", query_string={"format": "jsonl"}).get_data(as_text=True).splitlines()
    first = json.loads(lines[0])
    assert {"permalink", "archived_url", "captured_at", "topic_labels"} <= set(first)
    assert len(first["topic_labels"]) == len(first["topics"])


# -- search page -----------------------------------------------------------------------------------
def test_search_page_interval_chooser_zero_filled_table_and_downloads(site: FlaskClient) -> None:
    html = site.get("/", query_string={"q": "UBND", "province": "Cà Mau", "interval": "month"}).get_data(as_text=True)
    assert '<strong aria-current="true">tháng</strong>' in html and 'data-interval="week"' in html
    assert "<tr><td>2016-05</td><td>0</td><td>0</td><td>0,0%</td></tr>" in html
    assert "format=csv" in html and "format=svg" in html and 'data-png="chart-count"' in html


def test_facets_more_copies_and_previous_next(site: FlaskClient) -> None:
    html = site.get("/", query_string={"facet_size": "1"}).get_data(as_text=True)
    assert "facet_size=50#facet-paper" in html
    copy = PRESS[-1]
    page = site.get("/", query_string={"q": "Đầm Dơi", "paper": "Báo Đồng Bằng"}).get_data(as_text=True)
    assert f'href="/article/{copy.id}"' in page
    assert re.search(r'Cũng đăng trên\s*<a href="/article/' + PRESS[1].id + '">Báo Mũi Đất</a>', page)
    middle = site.get("/", query_string={"size": "3", "page": "2", "sort": "oldest"}).get_data(as_text=True)
    assert 'rel="prev"' in middle and 'rel="next"' in middle
