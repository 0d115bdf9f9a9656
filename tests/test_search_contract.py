"""The search contract: one suite, exact expectations, run against every backend.

The Elasticsearch runs hit the real node that `make test` starts (ELASTICSEARCH_URL).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from search.backend import SearchBackend
from search.es_backend import ElasticsearchBackend
from search.model import BackendUnavailable, QueryError, SearchRequest
from search.periods import INTERVALS, Interval
from search.sqlite_backend import SqliteBackend
from search.tantivy_backend import TantivyBackend

ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")


def doc(
    doc_id: str,
    title: str,
    body: str,
    *,
    paper: str = "Báo Đất Mũi",
    province: str = "Cà Mau",
    published: str | None = "2017-06-12T08:30:00+07:00",
    officials: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    copy_of: str | None = None,
) -> dict:
    return {
        "id": doc_id,
        "url": f"http://127.0.0.1/{doc_id}.html",
        "title": title,
        "lead": "",
        "body": body,
        "paper": paper,
        "province": province,
        "section": "",
        "author": "",
        "published": published,
        "year": published[:4] if published else None,
        "month": published[:7] if published else None,
        "officials": [{"id": o.lower().replace(" ", "-"), "name": o, "titles": []} for o in officials],
        "topics": list(topics),
        "topic_names": [t.upper() for t in topics],
        "images": [],
        "cluster_id": copy_of or doc_id,
        "is_copy": copy_of is not None,
    }


CORPUS = [
    doc(
        "party",
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Đảng bộ tỉnh tổng kết công tác xây dựng Đảng năm 2016.",
        published="2017-01-10T08:00:00+07:00",
        officials=("Phạm Bạch Đằng",),
        topics=("xay-dung-dang",),
    ),
    doc(
        "ongoing",
        "Nông dân đang thu hoạch lúa",
        "Bà con xã Tân Lộc đang thu hoạch lúa hè thu.",
        paper="Báo Bạc Liêu",
        province="Bạc Liêu",
        published="2018-08-02T07:00:00+07:00",
        topics=("nong-nghiep-thuy-san",),
    ),
    doc(
        "named",
        "Tiếp xúc cử tri",
        "Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch Đằng tiếp xúc cử tri.",
        published="2017-06-12T08:30:00+07:00",
        officials=("Phạm Bạch Đằng", "Trần Văn Hiện"),
        topics=("chinh-quyen",),
    ),
    doc(
        "reform",
        "Cải cách hành chính trong Đảng",
        "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin.",
        published="2017-06-20T09:00:00+07:00",
        officials=("Trần Văn Hiện",),
        topics=("cai-cach-hanh-chinh", "xay-dung-dang"),
    ),
    doc(
        "scattered",
        "Hành chính công",
        "Cải tạo kênh; cách làm mới của trung tâm hành chính công tỉnh, chính sách.",
        paper="Báo Thạch Hãn",
        province="Quảng Trị",
        published="2019-03-05T10:00:00+07:00",
        topics=("cai-cach-hanh-chinh",),
    ),
    doc(
        "newstyle",
        "Hoà giải ở cơ sở",
        "Tổ hoà giải xã Hoà Bình; công trình thuỷ lợi.",
        paper="Báo Bạc Liêu",
        province="Bạc Liêu",
        published="2016-11-30T15:00:00+07:00",
        topics=("noi-chinh-phap-luat",),
    ),
    doc(
        "oldstyle",
        "Hòa Bình xây nông thôn mới",
        "Huyện Hòa Bình nâng cấp thủy lợi nội đồng.",
        paper="Báo Bạc Liêu",
        province="Bạc Liêu",
        published="2018-12-01T06:00:00+07:00",
        topics=("nong-nghiep-thuy-san",),
        copy_of="newstyle",  # as if Báo Bạc Liêu had republished the story (duplicate clusters)
    ),
    doc(
        "markup",
        "Cảnh giác <script>alert(1)</script> lừa đảo",
        "Thủ đoạn <b>lừa đảo</b> qua mạng & điện thoại.",
        paper="Báo Thạch Hãn",
        province="Quảng Trị",
        published=None,
    ),
]


def _es_backend() -> Iterator[SearchBackend]:
    backend = ElasticsearchBackend(ES_URL, prefix=f"contract-{uuid.uuid4().hex[:8]}")
    try:
        backend.client.cluster.health()
    except Exception as exc:  # noqa: BLE001 - any failure here means the node is not there
        pytest.fail(f"Elasticsearch is not answering at {ES_URL} (make test starts it): {exc}")
    yield backend
    backend.client.indices.delete(index=f"{backend.articles_alias.rsplit('-', 1)[0]}-*", ignore_unavailable=True)
    backend.close()


EMBEDDED = {"sqlite": SqliteBackend, "tantivy": TantivyBackend}


@pytest.fixture(
    scope="module", params=["sqlite", "tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]
)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchBackend]:
    if request.param in EMBEDDED:
        yield EMBEDDED[request.param](tmp_path_factory.mktemp(request.param))
        return
    yield from _es_backend()


@pytest.fixture(scope="module")
def loaded(backend: SearchBackend) -> SearchBackend:
    report = backend.rebuild(CORPUS)
    assert report.indexed == len(CORPUS) and not report.failed
    return backend


def ids(backend: SearchBackend, q: str = "", **kwargs: object) -> set[str]:
    return {hit.doc["id"] for hit in backend.search(SearchRequest(q=q, size=100, **kwargs)).hits}


def ordered(backend: SearchBackend, q: str = "", **kwargs: object) -> list[str]:
    return [hit.doc["id"] for hit in backend.search(SearchRequest(q=q, size=100, **kwargs)).hits]


# -- Vietnamese matching ---------------------------------------------------------------------------
def test_accented_word_matches_only_that_word(loaded: SearchBackend) -> None:
    assert ids(loaded, "Đảng") == {"party", "reform"}
    assert ids(loaded, "đang") == {"ongoing"}
    assert ids(loaded, "Đằng") == {"named"}


def test_plain_word_matches_every_accented_form(loaded: SearchBackend) -> None:
    assert ids(loaded, "dang") == {"party", "ongoing", "named", "reform"}


def test_tone_placement_does_not_matter(loaded: SearchBackend) -> None:
    assert ids(loaded, "hoà") == ids(loaded, "hòa") == {"newstyle", "oldstyle"}
    assert ids(loaded, "thuỷ lợi") == ids(loaded, "thủy lợi") == {"newstyle", "oldstyle"}


def test_mixed_query_and_mixed_phrase(loaded: SearchBackend) -> None:
    assert ids(loaded, "cach hanh chính") == {"reform", "scattered"}
    assert ids(loaded, '"cach hanh chính"') == {"reform"}
    # a known expansion (CCHC) is searched as the name it is, quoted or not
    assert ids(loaded, "cải cach hanh chính") == ids(loaded, '"cải cach hanh chính"') == {"reform"}
    assert ids(loaded, '"Hoa Bình"') == {"newstyle", "oldstyle"}


def test_all_words_must_match(loaded: SearchBackend) -> None:
    assert ids(loaded, "lúa Tân Lộc") == {"ongoing"}
    assert ids(loaded, "lúa Đảng") == set()


def test_phrase_exclusion_or(loaded: SearchBackend) -> None:
    assert ids(loaded, '"cải cách hành chính"') == {"reform"}
    assert ids(loaded, "dang -Đảng") == {"ongoing", "named"}
    assert ids(loaded, "lúa OR thủy") == {"ongoing", "newstyle", "oldstyle"}
    assert ids(loaded, "-dang") == {"scattered", "newstyle", "oldstyle", "markup"}


def test_title_field(loaded: SearchBackend) -> None:
    assert ids(loaded, "title:dang") == {"party", "ongoing", "reform"}  # 'named' has Đằng in its body only
    assert ids(loaded, 'title:"thu hoạch"') == {"ongoing"}
    assert ids(loaded, "dang -title:Đảng") == {"ongoing", "named"}


def test_phrase_match_ranks_above_scattered_words(loaded: SearchBackend) -> None:
    assert ordered(loaded, "cách hành chính") == ["reform", "scattered"]


# -- facets and filters ----------------------------------------------------------------------------
def facet(backend: SearchBackend, name: str, **kwargs: object) -> dict[str, int]:
    result = backend.search(SearchRequest(**kwargs))
    return {v.value: v.count for v in result.facets[name]}


def test_facets_count_everything_without_filters(loaded: SearchBackend) -> None:
    assert facet(loaded, "province") == {"Cà Mau": 3, "Bạc Liêu": 3, "Quảng Trị": 2}
    assert facet(loaded, "year") == {"2016": 1, "2017": 3, "2018": 2, "2019": 1}
    assert facet(loaded, "officials") == {"phạm-bạch-đằng": 2, "trần-văn-hiện": 2}
    labels = {v.value: v.label for v in loaded.search(SearchRequest()).facets["officials"]}
    assert labels == {"phạm-bạch-đằng": "Phạm Bạch Đằng", "trần-văn-hiện": "Trần Văn Hiện"}


def test_a_facet_is_counted_under_the_other_filters_but_not_its_own(loaded: SearchBackend) -> None:
    filters = {"province": ["Bạc Liêu"], "topics": ["nong-nghiep-thuy-san"]}
    assert facet(loaded, "province", filters=filters) == {"Bạc Liêu": 2}
    assert facet(loaded, "topics", filters=filters) == {"nong-nghiep-thuy-san": 2, "noi-chinh-phap-luat": 1}
    result = loaded.search(SearchRequest(filters=filters))
    assert result.total == 2


def test_or_within_a_facet_and_across_facets(loaded: SearchBackend) -> None:
    assert ids(loaded, filters={"province": ["Bạc Liêu", "Quảng Trị"]}) == {
        "ongoing",
        "newstyle",
        "oldstyle",
        "scattered",
        "markup",
    }
    assert ids(loaded, filters={"province": ["Cà Mau"], "officials": ["trần-văn-hiện"]}) == {"named", "reform"}
    assert ids(loaded, filters={"province": ["Cà Mau"], "year": ["2016"]}) == set()


def test_officials_together_with_official_op_and(loaded: SearchBackend) -> None:
    both = ["phạm-bạch-đằng", "trần-văn-hiện"]
    assert ids(loaded, filters={"officials": both}) == {"party", "named", "reform"}  # default: any of them
    assert ids(loaded, filters={"officials": both}, official_op="and") == {"named"}  # only their shared article
    assert ids(loaded, filters={"officials": both[:1]}, official_op="and") == {"party", "named"}
    assert ids(loaded, filters={"officials": [*both, "nobody"]}, official_op="and") == set()
    assert ids(loaded, filters={"officials": both, "year": ["2018"]}, official_op="and") == set()
    # with AND the officials facet narrows: who else appears in every article naming them all
    assert facet(loaded, "officials", filters={"officials": both[:1]}, official_op="and") == {
        "phạm-bạch-đằng": 2, "trần-văn-hiện": 1,
    }  # fmt: skip
    result = loaded.search(SearchRequest(filters={"officials": both}, official_op="and", periods="month"))
    assert (result.total, result.periods) == (1, {"2017-06": 1})
    streamed = [d["id"] for d in loaded.iter_matching(SearchRequest(filters={"officials": both}, official_op="and"))]
    assert streamed == ["named"]
    with pytest.raises(QueryError):
        loaded.search(SearchRequest(official_op="xor"))  # type: ignore[arg-type]


def test_facet_size_is_honoured(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest(facet_size=2))
    assert [v.value for v in result.facets["year"]] == ["2017", "2018"]
    assert len(loaded.search(SearchRequest(facet_size=500)).facets["topics"]) == 5


def test_date_range_is_inclusive_whole_days(loaded: SearchBackend) -> None:
    got = ids(loaded, date_from=date(2017, 6, 12), date_to=date(2017, 6, 20))
    assert got == {"named", "reform"}
    assert ids(loaded, date_from=date(2019, 1, 1)) == {"scattered"}


def test_months_of_the_result_set(loaded: SearchBackend) -> None:
    result = loaded.search(SearchRequest(q="dang", periods="month"))
    assert result.periods == {"2017-01": 1, "2017-06": 2, "2018-08": 1}


# -- order, pages, snippets, bad input -------------------------------------------------------------
def test_sort_newest_and_oldest_with_undated_last(loaded: SearchBackend) -> None:
    assert ordered(loaded, sort="newest") == [
        "scattered",
        "oldstyle",
        "ongoing",
        "reform",
        "named",
        "party",
        "newstyle",
        "markup",
    ]
    assert ordered(loaded, sort="oldest") == [
        "newstyle",
        "party",
        "named",
        "reform",
        "ongoing",
        "oldstyle",
        "scattered",
        "markup",
    ]


def test_pagination_and_depth_cap(loaded: SearchBackend) -> None:
    pages = [[h.doc["id"] for h in loaded.search(SearchRequest(sort="newest", page=p, size=3)).hits] for p in (1, 2, 3)]
    assert pages == [["scattered", "oldstyle", "ongoing"], ["reform", "named", "party"], ["newstyle", "markup"]]
    assert loaded.search(SearchRequest(sort="newest", page=3, size=3)).total == 8
    with pytest.raises(QueryError):
        loaded.search(SearchRequest(page=1000, size=100))
    with pytest.raises(QueryError):
        loaded.search(SearchRequest(size=0))


def test_snippets_escape_text_and_mark_matches(loaded: SearchBackend) -> None:
    hit = loaded.search(SearchRequest(q="lừa đảo")).hits[0]
    assert str(hit.snippet) == (
        "Thủ đoạn &lt;b&gt;<mark>lừa</mark> <mark>đảo</mark>&lt;/b&gt; qua mạng &amp; điện thoại."
    )
    assert ids(loaded, "<script>alert(1)</script>") == {"markup"}


def snippet_of(backend: SearchBackend, q: str, doc_id: str) -> str:
    return next(str(h.snippet) for h in backend.search(SearchRequest(q=q, size=100)).hits if h.doc["id"] == doc_id)


def test_snippets_mark_every_spelling_a_query_word_matches(loaded: SearchBackend) -> None:
    newstyle = "Tổ <mark>hoà</mark> giải xã <mark>Hoà</mark> Bình; công trình thuỷ lợi."
    assert snippet_of(loaded, "hòa", "newstyle") == snippet_of(loaded, "Hoà", "newstyle") == newstyle
    assert snippet_of(loaded, "hoà", "oldstyle") == "Huyện <mark>Hòa</mark> Bình nâng cấp thủy lợi nội đồng."
    party = "<mark>Đảng</mark> bộ tỉnh tổng kết công tác xây dựng <mark>Đảng</mark> năm 2016."
    assert snippet_of(loaded, "dang", "party") == snippet_of(loaded, "Đảng", "party") == party
    named = "Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch <mark>Đằng</mark> tiếp xúc cử tri."
    assert snippet_of(loaded, "dang", "named") == named
    reform = "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin."
    assert snippet_of(loaded, "Đảng", "reform") == reform  # found in its title: the text's start, nothing marked


def test_snippets_of_phrases_prefixes_and_exclusions(loaded: SearchBackend) -> None:
    ongoing = "Bà con xã Tân Lộc đang <mark>thu</mark> <mark>hoạch</mark> <mark>lúa</mark> hè <mark>thu</mark>."
    assert snippet_of(loaded, '"thu hoạch lúa"', "ongoing") == ongoing
    reform = "Đẩy mạnh cải <mark>cách</mark> hành chính, ứng dụng công nghệ thông tin."
    assert snippet_of(loaded, "cách*", "reform") == reform
    assert snippet_of(loaded, "dang -Đảng", "ongoing") == "Bà con xã Tân Lộc <mark>đang</mark> thu hoạch lúa hè thu."
    only_lua = "Bà con xã Tân Lộc đang thu hoạch <mark>lúa</mark> hè thu."
    assert snippet_of(loaded, "lúa -Đảng -thuỷ", "ongoing") == only_lua


def test_hits_carry_their_document_without_its_text(loaded: SearchBackend) -> None:
    hit = loaded.search(SearchRequest(q="lúa")).hits[0]
    assert hit.doc["id"] == "ongoing" and hit.doc["title"] == "Nông dân đang thu hoạch lúa"
    assert not {"lead", "body"} & set(hit.doc)
    assert loaded.get("ongoing")["body"] == "Bà con xã Tân Lộc đang thu hoạch lúa hè thu."


@pytest.mark.parametrize("q", ['"cải cách', "-", "OR", "OR OR -", "x" * 10_000, '"""', '-""', "(Đảng", "*", "AND"])
def test_malformed_queries_never_raise(loaded: SearchBackend, q: str) -> None:
    result = loaded.search(SearchRequest(q=q))
    assert result.total >= 0


def test_documents_round_trip_and_more_like_this(loaded: SearchBackend) -> None:
    assert loaded.get("reform")["title"] == "Cải cách hành chính trong Đảng"
    assert loaded.get("missing") is None
    assert {d["id"] for d in loaded.iter_docs()} == {d["id"] for d in CORPUS}
    similar = [d["id"] for d in loaded.more_like_this("reform")]
    assert similar and "reform" not in similar and similar[0] in {"party", "scattered"}


def test_incremental_update_replaces_by_id(loaded: SearchBackend) -> None:
    changed = {**CORPUS[1], "title": "Nông dân đang xuống giống vụ mới"}
    assert loaded.index([changed]).indexed == 1
    assert ids(loaded, "xuống giống") == {"ongoing"}
    assert loaded.search(SearchRequest()).total == len(CORPUS)
    loaded.index([CORPUS[1]])


def test_failed_documents_are_reported(loaded: SearchBackend) -> None:
    broken = {**CORPUS[0], "id": "broken", "published": "not a date"}
    report = loaded.index([broken])
    assert report.indexed == 0 and [doc_id for doc_id, _ in report.failed] == ["broken"]
    assert loaded.get("broken") is None


# Documents both backends must refuse, with the same reason, while the good ones of the load go in.
BAD_DOCUMENTS = [
    ({**CORPUS[0], "id": ""}, "?", "id is missing"),
    ({**CORPUS[0], "id": "bad-date", "published": "12/06/2017"}, "bad-date", "published is not an ISO date-time"),
    ({**CORPUS[0], "id": "naive-date", "published": "2017-06-12T08:30:00"}, "naive-date", "published has no time zone"),
    ({**CORPUS[0], "id": "title-number", "title": 42}, "title-number", "title must be a string, not int"),
    ({**CORPUS[0], "id": "copy-word", "is_copy": "yes"}, "copy-word", "is_copy must be true or false"),
    ({**CORPUS[0], "id": "huge-paper", "paper": "Báo " * 1000}, "huge-paper", "paper is longer than 2000 characters"),
    ({**CORPUS[0], "id": "bad-official", "officials": [{"id": 7}]}, "bad-official", "officials must be a list"),
    ({**CORPUS[0], "id": "bad-topics", "topics": "y-te"}, "bad-topics", "topics must be a list of strings"),
]


def test_the_same_bad_documents_fail_the_same_way(loaded: SearchBackend) -> None:
    good = {**CORPUS[0], "id": "good-neighbour", "title": "Một bài tốt giữa các bài hỏng"}
    load = [bad for bad, _, _ in BAD_DOCUMENTS[:4]] + [good] + [bad for bad, _, _ in BAD_DOCUMENTS[4:]]
    report = loaded.index(load)
    assert report.indexed == 1
    assert [doc_id for doc_id, _ in report.failed] == [doc_id for _, doc_id, _ in BAD_DOCUMENTS]
    for (_, reason), (_, _, expected) in zip(report.failed, BAD_DOCUMENTS, strict=True):
        assert reason.startswith(expected), reason
    assert loaded.get("good-neighbour")["title"] == good["title"]
    for _, doc_id, _ in BAD_DOCUMENTS:
        assert loaded.get(doc_id) is None
    assert loaded.search(SearchRequest()).total == len(CORPUS) + 1
    assert ids(loaded, "hỏng") == {"good-neighbour"}
    assert loaded.rebuild(CORPUS).indexed == len(CORPUS)  # back to the corpus the other tests expect


def test_state_and_officials_are_kept(loaded: SearchBackend) -> None:
    loaded.set_state("archive_seq", "42")
    loaded.put_officials([{"id": "b", "name": "B"}, {"id": "a", "name": "A"}])
    assert loaded.get_state("archive_seq") == "42"
    assert [p["id"] for p in loaded.officials()] == ["a", "b"]


def test_a_backend_that_is_down_says_so(tmp_path: Path) -> None:
    down = ElasticsearchBackend("http://127.0.0.1:9", prefix="down")
    with pytest.raises(BackendUnavailable):
        down.search(SearchRequest(q="Đảng"))


def test_iter_matching_streams_the_whole_result_set_in_order(loaded: SearchBackend) -> None:
    everything = [d["id"] for d in loaded.iter_matching(SearchRequest(sort="newest"))]
    assert everything == ordered(loaded, sort="newest")
    matching = [d["id"] for d in loaded.iter_matching(SearchRequest(q="cách hành chính"))]
    assert matching == ["reform", "scattered"]
    filtered = {d["id"] for d in loaded.iter_matching(SearchRequest(q="dang", filters={"province": ["Bạc Liêu"]}))}
    assert filtered == {"ongoing"}


def test_copies_can_be_hidden_from_hits_counts_and_facets(loaded: SearchBackend) -> None:
    assert ids(loaded, "hoà", hide_copies=True) == {"newstyle"}
    result = loaded.search(SearchRequest(hide_copies=True, periods="month"))
    assert result.total == len(CORPUS) - 1
    assert {v.value: v.count for v in result.facets["province"]} == {"Cà Mau": 3, "Bạc Liêu": 2, "Quảng Trị": 2}
    assert "2018-12" not in result.periods
    assert "oldstyle" not in {d["id"] for d in loaded.iter_matching(SearchRequest(hide_copies=True))}


# -- date histograms and coverage ------------------------------------------------------------------
@pytest.mark.parametrize("interval", INTERVALS)
def test_the_periods_of_a_search_are_its_histogram(loaded: SearchBackend, interval: Interval) -> None:
    for request in (
        SearchRequest(q="dang", periods=interval),
        SearchRequest(periods=interval, hide_copies=True, filters={"province": ["Cà Mau", "Quảng Trị"]}),
        SearchRequest(q="hoà", periods=interval, date_from=date(2016, 1, 1), date_to=date(2018, 12, 31), page=2,
                      size=1),
    ):  # fmt: skip
        assert loaded.search(request).periods == loaded.histogram(request, interval) != {}
    with pytest.raises(QueryError):
        loaded.search(SearchRequest(periods="decade"))  # type: ignore[arg-type]


def test_histogram_periods_are_days_in_vietnam_time(loaded: SearchBackend) -> None:
    everything = SearchRequest()
    # oldstyle: 06:00 on 1 December in Vietnam is still 30 November in UTC
    assert loaded.histogram(everything, "day") == {
        "2016-11-30": 1,
        "2017-01-10": 1,
        "2017-06-12": 1,
        "2017-06-20": 1,
        "2018-08-02": 1,
        "2018-12-01": 1,
        "2019-03-05": 1,
    }
    weeks = loaded.histogram(everything, "week")  # keyed by the Monday of the ISO week
    assert weeks == {
        "2016-11-28": 1,
        "2017-01-09": 1,
        "2017-06-12": 1,
        "2017-06-19": 1,
        "2018-07-30": 1,
        "2018-11-26": 1,
        "2019-03-04": 1,
    }
    assert loaded.histogram(everything, "year") == {"2016": 1, "2017": 3, "2018": 2, "2019": 1}


def test_histogram_obeys_query_filters_dates_and_copies(loaded: SearchBackend) -> None:
    request = SearchRequest(filters={"province": ["Bạc Liêu"]}, date_from=date(2017, 1, 1))
    assert loaded.histogram(request, "year") == {"2018": 2}
    assert loaded.histogram(SearchRequest(q="hoà", hide_copies=True), "year") == {"2016": 1}
    assert loaded.histogram(SearchRequest(q="Đảng", filters={"topics": ["cai-cach-hanh-chinh"]}), "month") == {
        "2017-06": 1
    }
    with pytest.raises(QueryError):
        loaded.histogram(SearchRequest(), "decade")  # type: ignore[arg-type]


def test_coverage_counts_every_article_per_paper(loaded: SearchBackend) -> None:
    papers = {p.paper: p for p in loaded.coverage()}
    assert list(papers) == sorted(papers)
    assert sum(p.articles for p in papers.values()) == len(CORPUS)
    bac_lieu = papers["Báo Bạc Liêu"]
    assert (bac_lieu.articles, bac_lieu.provinces) == (3, {"Bạc Liêu": 3})
    assert (bac_lieu.first_published, bac_lieu.last_published) == (date(2016, 11, 30), date(2018, 12, 1))
    assert bac_lieu.months == {"2016-11": 1, "2018-08": 1, "2018-12": 1}
    thach_han = papers["Báo Thạch Hãn"]  # one undated article: counted, but in no month
    assert (thach_han.articles, thach_han.months, thach_han.last_published) == (2, {"2019-03": 1}, date(2019, 3, 5))


# -- abbreviations, proximity, prefixes (a second corpus) ------------------------------------------
ABBREVIATED = [
    doc("ub-abbr", "UBND tỉnh họp phiên thường kỳ", "UBND tỉnh nghe báo cáo kinh tế tháng 5."),
    doc("ub-full", "Ủy ban nhân dân huyện ban hành kế hoạch", "Kế hoạch phòng chống hạn mặn."),
    doc("ub-newtone", "Xã Khánh Hưng", "Uỷ ban nhân dân xã Khánh Hưng tiếp dân định kỳ."),
    doc("scattered-words", "Ban chỉ đạo", "Ủy viên ban chấp hành; nhân dân trong xã hưởng ứng."),
    doc("hd-abbr", "HĐND tỉnh khai mạc kỳ họp thứ năm", "Đại biểu thảo luận ở tổ."),
    doc("hd-full", "Kỳ họp Hội đồng nhân dân thành phố", "Chất vấn về đất đai."),
    doc("hd-plain", "HDND huyện giám sát", "Đoàn giám sát của HDND huyện làm việc với xã."),
    doc("reform-abbr", "Đẩy mạnh CCHC", "Bộ phận một cửa giải quyết hồ sơ trực tuyến."),
    doc("reform-full", "Cải cách hành chính ở cấp xã", "Người dân nộp hồ sơ trực tuyến."),
    doc("harvest", "Mùa lúa", "Nông dân thu hoạch xong vụ lúa hè thu."),
]


@pytest.fixture(scope="module")
def abbreviated(request: pytest.FixtureRequest, backend: SearchBackend, tmp_path_factory: pytest.TempPathFactory):
    if backend.name in EMBEDDED:
        other: SearchBackend = EMBEDDED[backend.name](tmp_path_factory.mktemp(f"{backend.name}-abbr"))
        other.rebuild(ABBREVIATED)
        yield other
        return
    for es in _es_backend():
        es.rebuild(ABBREVIATED)
        yield es


def test_an_abbreviation_and_its_expansion_find_the_same_articles(abbreviated: SearchBackend) -> None:
    councils = {"ub-abbr", "ub-full", "ub-newtone"}
    assert ids(abbreviated, "UBND") == ids(abbreviated, "Ủy ban nhân dân") == councils
    assert ids(abbreviated, "ubnd") == ids(abbreviated, "uy ban nhan dan") == ids(abbreviated, '"Uỷ ban nhân dân"')
    total = abbreviated.search(SearchRequest(q="UBND")).total
    assert total == abbreviated.search(SearchRequest(q="Ủy ban nhân dân")).total == 3
    assert ids(abbreviated, "HĐND") == ids(abbreviated, "Hội đồng nhân dân") == {"hd-abbr", "hd-full", "hd-plain"}
    assert ids(abbreviated, "CCHC") == ids(abbreviated, "cải cách hành chính") == {"reform-abbr", "reform-full"}
    assert ids(abbreviated, "UBND huyện") == {"ub-full"}


def test_proximity_and_prefix(abbreviated: SearchBackend) -> None:
    assert ids(abbreviated, '"thu hoạch lúa"') == set()
    assert ids(abbreviated, '"thu hoạch lúa"~2') == {"harvest"}
    assert ids(abbreviated, '"lúa thu hoạch"~2') == {"harvest"}  # in any order
    assert ids(abbreviated, '"thu hoạch lúa"~1') == set()
    assert ids(abbreviated, "Khán*") == {"ub-newtone"}
    assert ids(abbreviated, "truc*") == {"reform-abbr", "reform-full"}
