"""Property tests (Hypothesis) of the query parser and the request-parameter parsers, and of the pages.

Whatever the input: the parser never raises and its warnings are catalogue messages; the parameter models
either validate or raise QueryError with a catalogue message; integers are accepted only as ASCII digits and
dates only within the bounds; NFD input parses as NFC input does; pages answer 200 or a 4xx page in the
language asked for, never a 5xx. Bounded: at most EXAMPLES examples per test.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from search.model import Message, QueryError
from search.query import MAX_CLAUSES, parse_query
from tests.test_api_fuzz import CATALOGUE
from webapp.params import (
    MAX_DATE,
    MIN_DATE,
    ExportParams,
    OfficialsParams,
    SearchParams,
    normalise,
    parse,
)
from webapp.requests import MAX_URL_CHARS

EXAMPLES = 150
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None)
PAGE_EXAMPLES = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MSGIDS = {m.id for m in read_po(CATALOGUE.open("rb")) if m.id and isinstance(m.id, str)}
TITLES_EN = {"Bad request", "Not found", "URL too long", "Too many requests", "Search is temporarily unavailable"}
TITLES_VI = {"Yêu cầu không hợp lệ", "Không tìm thấy", "Địa chỉ quá dài", "Quá nhiều yêu cầu"}

# Text as people and attackers type it: Vietnamese letters (composed and decomposed), query syntax, digits of
# other scripts, full-width forms, control characters, anything else.
VIETNAMESE = "aăâeêioôơuưyđĐáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
SYNTAX = ' "-*():~^OR AND NEAR title:'
ODD = "²³¹٣۳०０１＝＋－＠\u200b\u00a0\ufeff\x00\x1f\x7f\t\n\r%&?#/\\<>'"
texts = st.one_of(
    st.text(alphabet=VIETNAMESE + SYNTAX + ODD + "0123456789", max_size=60),
    st.text(max_size=40),
    st.text(alphabet=VIETNAMESE + " ", max_size=40).map(lambda t: unicodedata.normalize("NFD", t)),
)
PARAM_NAMES = ["q", "official", "topic", "province", "paper", "year", "date_from", "date_to", "sort", "page"]
PARAM_NAMES += ["size", "facet_size", "hide_copies", "format", "lang", "title", "date", "x", "interval", "measure"]
query_strings = st.lists(st.tuples(st.sampled_from(PARAM_NAMES), texts), max_size=8)


def assert_catalogued(message: str) -> None:
    assert isinstance(message, Message), f"not a catalogue Message: {message!r}"
    assert message.template in MSGIDS, f"not in the catalogue: {message.template!r}"


@FAST
@given(texts)
def test_the_query_parser_never_raises_and_warns_from_the_catalogue(text: str) -> None:
    parsed = parse_query(text)
    assert sum(len(g) for g in parsed.groups) + len(parsed.excluded) <= MAX_CLAUSES
    for warning in parsed.warnings:
        assert_catalogued(warning)


@FAST
@given(st.text(alphabet=VIETNAMESE + ' "-', max_size=50))
def test_decomposed_text_parses_as_composed_text(text: str) -> None:
    composed = parse_query(normalise(unicodedata.normalize("NFC", text)))
    decomposed = parse_query(normalise(unicodedata.normalize("NFD", text)))
    assert composed.groups == decomposed.groups and composed.excluded == decomposed.excluded


@FAST
@given(query_strings)
def test_parameter_models_validate_or_raise_a_catalogue_error(pairs: list[tuple[str, str]]) -> None:
    args = MultiDict([(k, normalise(v)) for k, v in pairs])
    for model in (SearchParams, ExportParams, OfficialsParams):
        try:
            params = parse(model, args)
            if hasattr(params, "search_request"):
                params.search_request()
        except QueryError as exc:
            assert_catalogued(exc.message)


@FAST
@given(st.text(max_size=12))
@example("1\x1f")  # str.strip() takes the separator controls as spaces, int() does not
@example("0\x1f")
def test_integers_are_ascii_digits_only(raw: str) -> None:
    try:
        page = parse(SearchParams, MultiDict([("page", raw)])).page
    except QueryError:
        assert not re.fullmatch(r"\s*[0-9]{1,9}\s*", raw) or int(raw.strip()) < 1
        return
    assert raw.strip() == "" or (re.fullmatch(r"[0-9]{1,9}", raw.strip()) and page == int(raw.strip()))


@FAST
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_dates_are_bounded(day: date) -> None:
    try:
        parsed = parse(SearchParams, MultiDict([("date_to", day.isoformat())])).date_to
    except QueryError as exc:
        assert not MIN_DATE <= day <= MAX_DATE and "date_to" in exc.message
        return
    assert MIN_DATE <= day <= MAX_DATE and parsed == day


@PAGE_EXAMPLES
@given(
    path=st.sampled_from(
        ["/", "/officials", "/officials/who-held", "/feed.atom", "/topic/giao-duc", "/compare", "/papers", "/topics"]
    ),
    pairs=query_strings,
    english=st.booleans(),
)
def test_pages_answer_200_or_a_4xx_page_in_the_language_asked(
    client: FlaskClient, path: str, pairs: list[tuple[str, str]], english: bool
) -> None:
    query = [(k, v) for k, v in pairs if k != "lang"] + ([("lang", "en")] if english else [])
    response = client.get(path, query_string=query)
    assert response.status_code < 500
    if response.status_code >= 400:
        html = response.get_data(as_text=True)
        title = re.search(r"<h1>(.*?)</h1>", html)[1]
        assert f'<html lang="{"en" if english else "vi"}">' in html
        assert title in (TITLES_EN if english else TITLES_VI), title
        assert response.status_code in (400, 404, 414) and len(response.request.url) < MAX_URL_CHARS * 12


@pytest.mark.parametrize("value", ["--1", "²", "٣", "1e3", "0x10", "+1", "-1", "1_000", "1.0", "Ⅻ", "１"])
def test_odd_integers_are_refused_with_a_message(client: FlaskClient, value: str) -> None:
    response = client.get("/api/v1/search", query_string={"page": value})
    assert response.status_code == 400 and "page" in response.json["error"]
