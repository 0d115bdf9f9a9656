"""What Elasticsearch indexes of an article (search.es_backend.es_document) stays what the plain definition
gives: every word's exact and folded form from vntext.tokenize of the repaired text, the snippet field's
text, the facet keys. The fast path (one walk of the text, forms looked up in C) must never change a value."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

import pytest

from bench.generate import generate
from search import es_snippets, terms
from search.document import facet_values, searchable_text
from search.es_backend import es_document
from search.model import KEY_SEP
from search.snippets import TEXT_END, TEXT_START, hit_text
from vntext import repair, tokenize

TRICKY = [
    "",
    "   ",
    "Hoà Đảng thuỷ khoẻ gíam đốc, HOÀ BÌNH; quý Huỳnh",
    unicodedata.normalize("NFD", "Tổ hoà giải xã Hoà Bình") + " \u00d0ảng \u00f0oàn \u0189ội",
    "snake_case a_b 12.500 km², 3/2/2024 — “trích dẫn” ΑΒΓ İstanbul ß",
    "dấu riêng \ue000 \ue001 \ue002 \ue003 giữa chữ",
]


def plain_terms(text: str) -> tuple[str, str]:
    tokens = tokenize(repair(text))
    return " ".join(t.exact for t in tokens), " ".join(t.folded for t in tokens)


def plain_document(doc: dict[str, Any]) -> dict[str, Any]:
    """es_document as the mapping defines it, computed the slow, obvious way."""
    title, content = searchable_text(doc)
    values = facet_values(doc)
    text = repair(hit_text(doc))
    for marker in (TEXT_START, TEXT_END, es_snippets.MARK_START, es_snippets.MARK_END):
        text = text.replace(marker, " ")
    return {
        **doc,
        **dict(zip(("title_exact", "title_folded"), plain_terms(title), strict=True)),
        **dict(zip(("content_exact", "content_folded"), plain_terms(content), strict=True)),
        es_snippets.FIELD: f"{TEXT_START}{text}{TEXT_END}",
        "official_ids": [v for v, _ in values["officials"]],
        "official_keys": [f"{v}{KEY_SEP}{label}" for v, label in values["officials"]],
        "topic_keys": [f"{v}{KEY_SEP}{label}" for v, label in values["topics"]],
        "sample": int(hashlib.blake2b(doc["id"].encode(), digest_size=8).hexdigest(), 16) % 1024,
    }


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    docs = list(generate(300, seed=7))
    for i, text in enumerate(TRICKY):
        docs.append({"id": f"tricky{i}", "url": f"http://127.0.0.1/{i}", "title": text, "lead": text, "body": text})
    return docs


def test_es_document_is_the_plain_definition(corpus: list[dict[str, Any]]) -> None:
    for doc in corpus:
        assert es_document(doc) == plain_document(doc), doc["id"]


def test_terms_are_right_with_the_form_caches_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache that fills up is emptied and refilled, never left holding a wrong or stale form."""
    monkeypatch.setattr(terms, "MAX_CACHED", 3)
    terms._exact.cache_clear()
    terms._folded.cache_clear()
    for text in [*TRICKY, *TRICKY[::-1]]:
        assert terms.exact_and_folded_terms(text) == plain_terms(text)
        assert len(terms._exact) <= 3 and len(terms._folded) <= 3
