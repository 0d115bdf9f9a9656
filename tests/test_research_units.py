"""Units of the research features: periods, attention baseline, coverage alerts, citations."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from search.model import PaperCoverage, QueryError, SearchRequest
from search.periods import period_key, period_range
from webapp.attention import baseline
from webapp.cite import STYLES, citable, cite
from webapp.coverage import alerts, filled_months, paper_id, paper_json


def test_periods_name_days_weeks_months_years() -> None:
    day = date(2016, 1, 3)  # a Sunday: its ISO week began on Monday 28 December 2015
    assert [period_key(day, i) for i in ("day", "week", "month", "year")] == [
        "2016-01-03",
        "2015-12-28",
        "2016-01",
        "2016",
    ]
    assert period_range(date(2015, 11, 20), date(2016, 2, 1), "month") == ["2015-11", "2015-12", "2016-01", "2016-02"]
    assert period_range(date(2016, 1, 3), date(2016, 1, 12), "week") == ["2015-12-28", "2016-01-04", "2016-01-11"]
    assert period_range(date(2016, 12, 31), date(2017, 1, 1), "day") == ["2016-12-31", "2017-01-01"]


def test_the_denominator_keeps_papers_provinces_years_and_dates_only() -> None:
    request = SearchRequest(
        q="UBND",
        filters={"paper": ["A"], "province": ["Cà Mau"], "year": ["2017"], "topics": ["t"], "officials": ["o"]},
        date_from=date(2017, 1, 1),
        hide_copies=True,
    )
    base = baseline(request)
    assert base.q == "" and base.filters == {"paper": ["A"], "province": ["Cà Mau"], "year": ["2017"]}
    assert base.date_from == date(2017, 1, 1) and base.hide_copies


def test_coverage_fills_gaps_and_flags_months_far_below_the_trailing_median() -> None:
    months = {"2017-01": 30, "2017-02": 28, "2017-03": 33, "2017-04": 31, "2017-06": 5, "2017-07": 29}
    filled = filled_months(months)
    assert list(filled) == ["2017-01", "2017-02", "2017-03", "2017-04", "2017-05", "2017-06", "2017-07"]
    flagged = [(a.month, a.kind) for a in alerts(filled)]
    assert flagged == [("2017-05", "gap"), ("2017-06", "drop")]
    assert alerts({"2017-01": 2, "2017-02": 0, "2017-03": 1, "2017-04": 0}) == []  # too quiet to judge
    paper = PaperCoverage("Báo Đất Mũi", 160, {"Cà Mau": 160}, date(2017, 1, 2), date(2017, 7, 30), months)
    entry = paper_json(paper)
    assert (entry["id"], entry["province"], entry["undated"]) == ("bao-dat-mui", "Cà Mau", 4)
    assert paper_id("Báo Bạc Liêu") == "bao-bac-lieu"


DOC = {
    "id": "abc123",
    "title": "Cà Mau đẩy mạnh cải cách hành chính",
    "paper": "Báo Cà Mau",
    "author": "Minh Anh",
    "url": "https://baocamau.vn/ca-mau-day-manh-cai-cach-hanh-chinh-a123.html",
    "published": "2017-06-12T08:30:00+07:00",
}


def _citation(style: str, **changes: object) -> str:
    c = citable({**DOC, **changes}, datetime(2026, 11, 30, 3, 0, tzinfo=UTC), "http://x/article/abc123",
                "http://x/article/abc123/archived")  # fmt: skip
    return cite(c, style)


def test_five_citation_styles_carry_url_dates_and_archived_copy() -> None:
    for style in STYLES:
        text = _citation(style)
        assert DOC["url"] in text and "http://x/article/abc123/archived" in text, style
    assert _citation("apa") == (
        "Minh Anh. (2017, June 12). Cà Mau đẩy mạnh cải cách hành chính. Báo Cà Mau. "
        "https://baocamau.vn/ca-mau-day-manh-cai-cach-hanh-chinh-a123.html "
        "Archived November 30, 2026 at http://x/article/abc123/archived"
    )
    assert _citation("chicago").startswith(
        'Minh Anh. "Cà Mau đẩy mạnh cải cách hành chính." Báo Cà Mau, June 12, 2017.'
    )
    assert "  date = {2017-06-12}" in _citation("bibtex") and "urldate = {2026-11-30}" in _citation("bibtex")
    assert "TY  - NEWS\r\n" in _citation("ris") and "DA  - 2017/06/12\r\n" in _citation("ris")
    item = json.loads(_citation("csl-json"))[0]
    assert item["type"] == "article-newspaper" and item["issued"] == {"date-parts": [[2017, 6, 12]]}
    assert item["accessed"] == {"date-parts": [[2026, 11, 30]]}


def test_citations_without_author_or_date_and_bibtex_escaping() -> None:
    assert _citation("apa", author="", published=None).startswith("Cà Mau đẩy mạnh cải cách hành chính. (n.d.).")
    assert r"title = {50\% \& more}" in _citation("bibtex", title="50% & more")
    with pytest.raises(QueryError):
        _citation("mla")
