"""Snippets from Elasticsearch's highlighter (search.es_snippets) on the real node: every spelling of a query
word marked and no other, the text's NFD or look-alike letters shown composed, a long text cut to one passage
with … where it was cut. The contract shared with SQLite is in test_search_contract."""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch

from search.es_backend import ARTICLE_MAPPINGS, ElasticsearchBackend
from search.es_snippets import folded_pattern
from search.model import SearchRequest
from search.snippets import SNIPPET_CHARS
from vntext import canonical, fold
from vntext.normalize import placements

pytestmark = pytest.mark.elasticsearch
ES_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
SPELLINGS = "Đảng ĐẢNG đang Đằng dáng dâng dạng; dưng đăng. Hoà hòa HOÀ hoàn; thuỷ Thủy thuy"
FILLER = " ".join(f"Câu số {n} kể chuyện mùa màng ở xã bên sông." for n in range(40))


def article(doc_id: str, body: str, lead: str = "") -> dict:
    return {"id": doc_id, "url": f"http://127.0.0.1/{doc_id}", "title": doc_id, "lead": lead, "body": body}


@pytest.fixture(scope="module")
def backend() -> Iterator[ElasticsearchBackend]:
    backend = ElasticsearchBackend(ES_URL, prefix=f"snippets-{uuid.uuid4().hex[:8]}")
    docs = [
        article("spellings", SPELLINGS),
        article("nfd", unicodedata.normalize("NFD", "Tổ hoà giải xã Hoà Bình") + " \u00d0ảng bộ."),
        article("long", f"{FILLER} Giữa bài có chữ Đảng một lần. {FILLER}", lead="Mở đầu."),
        article("head", f"Đảng bộ mở đầu bài. {FILLER}"),
        article("empty", ""),
    ]
    assert backend.rebuild(docs).indexed == len(docs)
    yield backend
    backend.client.indices.delete(index=f"{backend.articles_alias.rsplit('-', 1)[0]}-*", ignore_unavailable=True)
    backend.close()


def marked(backend: ElasticsearchBackend, q: str, doc_id: str) -> tuple[str, list[str]]:
    hit = next(h for h in backend.search(SearchRequest(q=q, size=100)).hits if h.doc["id"] == doc_id)
    return str(hit.snippet), re.findall(r"<mark>(.*?)</mark>", str(hit.snippet))


def test_every_spelling_of_a_word_is_marked_and_no_other(backend: ElasticsearchBackend) -> None:
    assert marked(backend, "dang", "spellings")[1] == ["Đảng", "ĐẢNG", "đang", "Đằng", "dáng", "dâng", "dạng", "đăng"]
    assert marked(backend, "đảng", "spellings")[1] == ["Đảng", "ĐẢNG"]
    assert marked(backend, "hòa", "spellings")[1] == ["Hoà", "hòa", "HOÀ"]
    assert marked(backend, "thủy", "spellings")[1] == ["thuỷ", "Thủy"]
    assert marked(backend, "thuy", "spellings")[1] == ["thuỷ", "Thủy", "thuy"]
    assert marked(backend, "hoa*", "spellings")[1] == ["Hoà", "hòa", "HOÀ", "hoàn"]


def test_text_in_nfd_or_with_look_alike_letters_is_shown_composed(backend: ElasticsearchBackend) -> None:
    snippet, marks = marked(backend, "hòa đảng", "nfd")
    assert snippet == "Tổ <mark>hoà</mark> giải xã <mark>Hoà</mark> Bình <mark>Đảng</mark> bộ."
    assert marks == ["hoà", "Hoà", "Đảng"]


def test_a_long_text_is_cut_to_one_passage(backend: ElasticsearchBackend) -> None:
    snippet, marks = marked(backend, "Đảng", "long")
    assert snippet.startswith("… ") and snippet.endswith(" …") and marks == ["Đảng"]
    assert len(re.sub(r"</?mark>", "", snippet)) <= SNIPPET_CHARS + 4
    head, marks = marked(backend, "Đảng", "head")
    assert head.startswith("<mark>Đảng</mark> bộ mở đầu bài.") and head.endswith(" …") and marks == ["Đảng"]
    start, _ = marked(backend, "", "long")
    assert start.startswith("Mở đầu.\nCâu số 0") and start.endswith(" …")
    assert marked(backend, "", "empty") == ("", [])


def test_spelling_rules_agree_with_vntext() -> None:
    for word in ("hòa", "khỏe", "thủy", "quý", "hoàn", "đảng", "tuyển", "ò"):
        assert all(canonical(spelling) == word for spelling in placements(word)), word
    words = re.findall(r"\w+", SPELLINGS.lower() + " " + FILLER.lower())
    for form in {fold(w) for w in words}:
        pattern = re.compile(folded_pattern(form))
        assert {w for w in words if pattern.fullmatch(w)} == {w for w in words if fold(w) == form}, form


def test_an_index_made_before_the_snippet_field_still_gets_snippets_until_rebuilt() -> None:
    """An index of an earlier version (no `snippet` field) gets the Python snippets; a rebuild moves it over."""
    prefix = f"snippets-old-{uuid.uuid4().hex[:8]}"
    fields = {name: field for name, field in ARTICLE_MAPPINGS["properties"].items() if name != "snippet"}
    old = {**ARTICLE_MAPPINGS, "properties": fields}
    client = Elasticsearch(ES_URL)
    client.indices.create(index=f"{prefix}-articles-initial", mappings=old, aliases={f"{prefix}-articles": {}})
    backend = ElasticsearchBackend(ES_URL, prefix=prefix)
    try:
        docs = [article("a", "Chi bộ họp bàn công tác Đảng ở thôn.", lead="Mở đầu.")]
        assert backend.index(docs).indexed == 1
        hit = backend.search(SearchRequest(q="dang")).hits[0]
        assert "<mark>Đảng</mark>" in str(hit.snippet) and "body" not in hit.doc
        assert backend.rebuild(docs).indexed == 1
        fresh = ElasticsearchBackend(ES_URL, prefix=prefix)  # a worker started after the rebuild
        assert fresh._has_field("snippet")
        assert "<mark>Đảng</mark>" in str(fresh.search(SearchRequest(q="dang")).hits[0].snippet)
        fresh.close()
    finally:
        client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)
        client.close()
        backend.close()
