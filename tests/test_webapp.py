"""The HTML pages over the indexed sample press, through the Flask test client."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient

from webapp.attention_figures import rendered_figures
from webapp.charts import month_range
from webapp.state import toggle_url

SEED_TITLE = "Thực hiện hiệu quả hơn cải cách hành chính trong Đảng"
SEED_OFFICIAL = "pham-bach-dang--ca-mau"


@pytest.fixture(scope="module")
def seed_id(app: Flask) -> str:
    hits = app.test_client().get("/api/v1/search", query_string={"q": f'"{SEED_TITLE}"'}).json["hits"]
    return next(h["id"] for h in hits if h["title"] == SEED_TITLE)


def text(response) -> str:  # noqa: ANN001 - a test response
    return response.get_data(as_text=True)


def result_titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/article/[^"]+">([^<]+)</a></h3>', html)


@pytest.mark.parametrize("q", ["cải cách hành chính", "cai cach hanh chinh"])
def test_search_page_lists_seed_article_with_or_without_diacritics(client: FlaskClient, q: str) -> None:
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 200
    assert SEED_TITLE in result_titles(text(response))
    assert "<mark>" in text(response)


def test_search_page_shows_total_facets_chart_and_exports(client: FlaskClient) -> None:
    html = text(client.get("/"))
    assert re.search(r"<strong>64</strong> bài báo", html)
    for panel in ("officials", "topics", "province", "paper", "year"):
        assert f'id="facet-{panel}"' in html
    assert "Cà Mau" in html and "Bạc Liêu" in html and "Quảng Trị" in html
    assert '<svg class="chart"' in html
    assert "/api/v1/export?format=csv" in html and "/feed.atom" in html
    assert "tối đa 50.000 bài" in html


def attention_table(html: str) -> list[tuple[str, ...]]:
    body = re.search(r'<table class="attention-table">.*?<tbody>(.*?)</tbody>', html, re.S)[1]
    return re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td>([^<]+)</td></tr>", body)


def test_attention_figures_follow_the_counts_and_the_language(client: FlaskClient) -> None:
    rendered_figures.cache_clear()
    first = text(client.get("/", query_string={"q": "Đảng", "interval": "year"}))
    rows = attention_table(first)
    assert rows and sum(int(count) for _, count, _, _ in rows) == int(re.search(r"<strong>(\d+)</strong>", first)[1])
    assert all(0 < int(count) <= int(total) for _, count, total, _ in rows if count != "0")
    assert all(re.fullmatch(r"\d+,\d%", share) for *_, share in rows)  # Vietnamese decimal comma
    newest = text(client.get("/", query_string={"q": "Đảng", "interval": "year", "sort": "newest"}))
    assert attention_table(newest) == rows and rendered_figures.cache_info().hits == 1  # same counts, figures kept
    english = text(client.get("/", query_string={"q": "Đảng", "interval": "year", "lang": "en"}))
    assert [share for *_, share in attention_table(english)] == [share.replace(",", ".") for *_, share in rows]
    assert 'aria-label="Matching articles' in english and 'aria-label="Số bài khớp' in first
    other = text(client.get("/", query_string={"q": "lúa", "interval": "year"}))
    assert attention_table(other) != rows and rendered_figures.cache_info().misses == 3


def test_facet_links_select_several_values_and_chips_remove_them(client: FlaskClient) -> None:
    html = text(client.get("/", query_string=[("province", "Cà Mau"), ("province", "Bạc Liêu")]))
    cm = int(re.search(r"<strong>(\d+)</strong> bài báo", text(client.get("/?province=Cà Mau")))[1])
    bl = int(re.search(r"<strong>(\d+)</strong> bài báo", text(client.get("/?province=Bạc Liêu")))[1])
    assert re.search(rf"<strong>{cm + bl}</strong> bài báo", html)
    assert html.count('aria-checked="true"') == 2
    assert "Tỉnh: Cà Mau" in html and "Xóa tất cả bộ lọc" in html
    # the chip for Cà Mau links to the same search without it
    chip = re.search(r'<a class="chip" href="([^"]+)" aria-label="Bỏ lọc Tỉnh: Cà Mau"', html)[1]
    assert "B%E1%BA%A1c+Li%C3%AAu" in chip and "C%C3%A0+Mau" not in chip


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        ("province", "Cà Mau", [("q", "a b"), ("province", "Bạc Liêu"), ("sort", "oldest")]),  # removed in place
        (
            "province",
            "Huế",
            [("q", "a b"), *[("province", v) for v in ("Cà Mau", "Bạc Liêu", "Huế")], ("sort", "oldest")],
        ),
        (
            "year",
            "2020",
            [("q", "a b"), ("province", "Cà Mau"), ("province", "Bạc Liêu"), ("sort", "oldest"), ("year", "2020")],
        ),
    ],
)
def test_a_facet_link_changes_one_value_and_keeps_the_rest_of_the_state(
    app: Flask, param: str, value: str, expected: list[tuple[str, str]]
) -> None:
    state = [("q", "a b"), ("province", "Cà Mau"), ("page", "3"), ("sort", "oldest"), ("province", "Bạc Liêu")]
    with app.test_request_context("/", query_string=[*state, ("lang", "en"), ("province", "Cà Mau")]):
        assert toggle_url(param, value) == "/?lang=en&" + urlencode(expected)  # page 1, the language kept


def test_filters_survive_a_new_query_and_sort_and_pages_are_urls(client: FlaskClient) -> None:
    html = text(client.get("/", query_string={"paper": "Báo Thạch Hãn", "sort": "oldest", "size": "5"}))
    assert '<input type="hidden" name="paper" value="Báo Thạch Hãn">' in html
    assert '<option value="oldest" selected>' in html
    assert 'aria-current="page">1</span>' in html
    second = re.search(r'href="(/\?[^"]*page=2)"', html)[1].replace("&amp;", "&")
    page2 = text(client.get(second))
    assert 'aria-current="page">2</span>' in page2
    assert set(result_titles(page2)).isdisjoint(result_titles(html))


def test_attention_table_shares_are_of_the_selected_papers(client: FlaskClient) -> None:
    html = text(client.get("/", query_string={"q": "cai cach hanh chinh", "paper": "Báo ảnh Đất Mũi"}))
    rows = re.findall(r"<tr><td>(\d{4}-\d{2})</td><td>(\d+)</td><td>(\d+)</td><td>([\d,]+)%</td></tr>", html)
    assert rows
    for _month, count, published, share in rows:
        assert int(count) <= int(published)
        expected = 100 * int(count) / int(published) if int(published) else 0.0
        assert float(share.replace(",", ".")) == pytest.approx(expected, abs=0.05)
    months = [m for m, *_ in rows]  # zero-filled: every month from the first match to the last
    assert months == month_range(months[0], months[-1])


def test_article_page_links_officials_topics_original_and_archive(client: FlaskClient, seed_id: str) -> None:
    html = text(client.get(f"/article/{seed_id}"))
    assert f"<h1>{SEED_TITLE}</h1>" in html
    assert f'href="/officials/{SEED_OFFICIAL}"' in html
    assert 'href="/topic/cai-cach-hanh-chinh"' in html
    assert f'href="/article/{seed_id}/archived"' in html
    assert "Bài tương tự" in html


def test_archived_copy_is_inert_under_a_strict_policy(client: FlaskClient, seed_id: str) -> None:
    response = client.get(f"/article/{seed_id}/archived")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp
    html = text(response)
    assert SEED_TITLE in html
    assert "<script" not in html.lower()
    assert not re.search(r"""\s(src|href)=["']?https?:""", html)


def test_unknown_article_and_page_are_404(client: FlaskClient) -> None:
    assert client.get("/article/nope").status_code == 404
    assert client.get("/article/nope/archived").status_code == 404
    assert client.get("/no/such/page").status_code == 404


def test_official_directory_is_by_given_name_with_filters(client: FlaskClient) -> None:
    html = text(client.get("/officials"))
    assert 'id="letter-Đ"' in html
    section = html.split('id="letter-Đ"')[1].split("</section>")[0]
    assert "Phạm Bạch Đằng" in section
    narrowed = text(client.get("/officials", query_string={"q": "pham bach", "province": "Cà Mau"}))
    assert f'href="/officials/{SEED_OFFICIAL}"' in narrowed and "<strong>1</strong> quan chức" in narrowed
    by_title = text(client.get("/officials", query_string={"title": "Chủ tịch Ủy ban nhân dân tỉnh"}))
    assert "Trần Quốc Thịnh" in by_title and f'href="/officials/{SEED_OFFICIAL}"' not in by_title


def test_profile_page_has_titles_chart_co_mentions_and_its_articles(client: FlaskClient) -> None:
    html = text(client.get(f"/officials/{SEED_OFFICIAL}"))
    assert "<h1>Phạm Bạch Đằng</h1>" in html
    assert "Phó Bí thư Thường trực Tỉnh ủy" in html
    assert html.count('<svg class="chart"') >= 2  # mentions, and the attention chart of its articles
    assert re.search(r'href="/officials/[a-z-]+--ca-mau">', html.split("Thường được nhắc cùng")[1])
    assert SEED_TITLE in result_titles(html)
    assert 'id="facet-officials"' not in html  # the page itself is the official filter
    assert f"official={SEED_OFFICIAL}" in html  # exports of this page keep the filter
    assert client.get("/officials/nobody--nowhere").status_code == 404


def test_who_held_a_title_in_a_year(client: FlaskClient) -> None:
    html = text(
        client.get(
            "/officials/who-held", query_string={"title": "Chủ tịch UBND tỉnh", "province": "Quảng Trị", "date": "2017"}
        )
    )
    assert "Trần Quốc Thịnh" in html
    assert client.get("/officials/who-held", query_string={"title": "x", "date": "June"}).status_code == 400


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/topic/cai-cach-hanh-chinh", "Cải cách hành chính"),
        ("/province/Cà Mau", "Cà Mau"),
        ("/paper/Báo Thạch Hãn", "Báo Thạch Hãn"),
    ],
)
def test_overview_pages_are_prefiltered_searches(client: FlaskClient, path: str, heading: str) -> None:
    html = text(client.get(path))
    assert f"<h1>{heading}</h1>" in html
    assert "Quan chức được nhắc nhiều nhất" in html
    assert '<svg class="chart"' in html
    total = int(re.search(r"<strong>(\d+)</strong> bài báo", html)[1])
    assert 0 < total < 64


def test_unknown_overviews_are_404(client: FlaskClient) -> None:
    for path in ("/topic/khong-co", "/province/Atlantis", "/paper/Không Có"):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"cải cách'},
        {"q": "x" * 10_000},
        {"q": "<script>alert(1)</script>"},
        {"q": "-"},
        {"q": "OR OR"},
        {"page": "99999999"},
        {"page": "-3"},
        {"page": "1e9"},
        {"size": "100000"},
        {"facet_size": "0"},
        {"sort": "random"},
        {"date_from": "2019-01-01", "date_to": "2016-01-01"},
        {"date_from": "yesterday"},
        {"official": "<img src=x onerror=alert(1)>"},
    ],
)
def test_bad_input_gets_a_page_or_400_never_500_or_markup(client: FlaskClient, params: dict[str, str]) -> None:
    response = client.get("/", query_string=params)
    assert response.status_code in (200, 400, 414)  # 414: a URL longer than webapp.requests.MAX_URL_CHARS
    html = text(response)
    assert "<script>alert" not in html and "<img src=x" not in html
    if response.status_code == 400:
        assert "Yêu cầu không hợp lệ" in html
    if response.status_code == 414:
        assert "Địa chỉ quá dài" in html


def test_long_and_unbalanced_queries_warn(client: FlaskClient) -> None:
    assert "Thiếu dấu ngoặc kép đóng" in text(client.get("/", query_string={"q": '"cải cách'}))
    assert "Câu truy vấn quá dài" in text(client.get("/", query_string={"q": "x " * 750}))


def test_pages_are_served_with_a_content_security_policy(client: FlaskClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert 'class="skip" href="#main"' in text(response)
    assert client.get("/static/app.js").status_code == 200


def test_a_republished_story_can_be_shown_once(client: FlaskClient) -> None:
    query = {"q": '"ứng phó" "bão số 16" Tembin'}
    both = result_titles(text(client.get("/", query_string=query)))
    assert sorted(both) == [
        "Các tỉnh ven biển Tây Nam Bộ khẩn trương ứng phó bão số 16",
        "Các tỉnh ven biển Tây Nam Bộ khẩn trương ứng phó với bão số 16",
    ]
    once = result_titles(text(client.get("/", query_string={**query, "hide_copies": "1"})))
    assert once == ["Các tỉnh ven biển Tây Nam Bộ khẩn trương ứng phó bão số 16"]  # the earlier one, in Cà Mau
    assert client.get("/", query_string={**query, "hide_copies": "maybe"}).status_code == 400


def test_unknown_filter_values_get_a_notice_and_near_misses_are_corrected(client: FlaskClient) -> None:
    exact = text(client.get("/", query_string={"province": "Cà Mau"}))
    total = re.search(r"<strong>(\d+)</strong> bài báo", exact)[1]
    near = text(client.get("/", query_string={"province": "ca  mau", "lang": "en"}))
    assert "No province “ca mau”; “Cà Mau” was used." in near
    assert f"<strong>{total}</strong> articles" in near
    assert "province=ca" not in near and "province=C%C3%A0+Mau" in near  # links carry the corrected value
    unknown = text(client.get("/", query_string={"province": "Atlantis"}))
    assert "Không có province “Atlantis” trong kho lưu trữ" in unknown and "<strong>0</strong> bài báo" in unknown
