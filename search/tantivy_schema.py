"""The tantivy index's fields and the tantivy document of a stored search document.

Every word is indexed twice, as two consecutive terms: its folded form ('dang') at position 2i and its
exact form marked by EXACT_MARK ('=đảng') at 2i + 1, in `title` and in `content` (title, lead and body).
The shared vntext code makes the words; tantivy only splits them on spaces (WORDS_TOKENIZER). A word typed
without diacritics is a folded term, one typed with them a marked exact one, so a phrase mixing both is one
phrase query with explicit offsets (tantivy_query); a prefix is a regex over the folded terms alone.
`pairs` holds every two consecutive words of `content` as one term of their folded forms ('dang+vien'),
without positions: plain words are also ranked as a phrase by their pairs, and a phrase is looked for only
in the articles holding its pairs, far fewer than those holding its (common) words.
`sample` is the article's slot (search.sampling).
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from itertools import pairwise
from typing import Any

import tantivy

from archive.article import VIETNAM_TZ
from search.document import facet_values, searchable_text
from search.model import facet_key
from search.periods import INTERVALS, period_key
from search.sampling import sample_slot
from vntext import words

EXACT_MARK = "="  # starts every exact term; never the first character of a word (vntext words are \w runs)
PAIR_SEP = "+"  # joins the two words of a pair term; never inside a word
ID_BITS = 29  # low bits of a sort key: the start of the id, so equal dates are ordered by id
_SECONDS_BITS = 33  # seconds from EARLIEST, clamped: 1900 to 2172 (the high bits of a sort key)
EARLIEST = int(datetime(1900, 1, 1, tzinfo=VIETNAM_TZ).timestamp())
_UNDATED = 2**_SECONDS_BITS - 1  # after every dated article, in either order
FACET_FILTER_FIELD = {"officials": "official_ids", "topics": "topics", "province": "province", "paper": "paper",
                      "year": "year"}  # fmt: skip
FACET_KEY_FIELD = {"officials": "official_keys", "topics": "topic_keys", "province": "province", "paper": "paper",
                   "year": "year"}  # fmt: skip
PERIOD_FIELD = {interval: f"period_{interval}" for interval in INTERVALS}
WORDS_TOKENIZER = "vn_words"


def register_tokenizer(index: tantivy.Index) -> None:
    """Every opened index needs it: the text fields' terms are split on spaces, nothing else."""
    index.register_tokenizer(WORDS_TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())


def build_schema() -> tantivy.Schema:
    """id and the stored document; the two text fields; filter, facet, period and sort columns."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", stored=True)
    builder.add_bytes_field("data", stored=True, indexed=False)
    for name in ("title", "content"):
        builder.add_text_field(name, tokenizer_name=WORDS_TOKENIZER, index_option="position")
    builder.add_text_field("pairs", tokenizer_name=WORDS_TOKENIZER, index_option="freq")
    for name in ("official_ids", "topics"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    for name in ("official_keys", "topic_keys", "month", *PERIOD_FIELD.values()):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("province", "paper", "year"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_integer_field("published", indexed=True, fast=True)  # seconds since the epoch
    builder.add_integer_field("newest", fast=True)  # sort_key: ascending is newest first
    builder.add_integer_field("oldest", fast=True)  # sort_key: ascending is oldest first
    builder.add_boolean_field("is_copy", indexed=True)
    builder.add_integer_field("sample", indexed=True, fast=True)
    return builder.build()


def missing_fields(schema: tantivy.Schema) -> list[str]:
    """The fields of the current schema that an index opened from disk lacks (made by an older version)."""
    missing = []
    for name, probe in (("pairs", ""), ("sample", 0)):
        try:
            tantivy.Query.term_query(schema, name, probe)
        except ValueError:
            missing.append(name)
    return missing


def indexed_terms(forms: list[tuple[str, str]]) -> str:
    """The folded and the marked exact form of every (exact, folded) word, one after the other ('dang =đảng')."""
    return " ".join(f"{folded} {EXACT_MARK}{exact}" for exact, folded in forms)


def pair_term(first: str, second: str) -> str:
    """The term of two consecutive words' folded forms."""
    return f"{first}{PAIR_SEP}{second}"


def indexed_pairs(forms: list[tuple[str, str]]) -> str:
    """The pair term of every two consecutive (exact, folded) words."""
    return " ".join(pair_term(f1, f2) for (_, f1), (_, f2) in pairwise(forms))


def id_bits(doc_id: str) -> int:
    """The first ID_BITS bits of an id's UTF-8 bytes: ordered as the ids are (equal when they start alike)."""
    return int.from_bytes(doc_id.encode()[:4].ljust(4, b"\0"), "big") >> (32 - ID_BITS)


def sort_key(seconds: int | None, doc_id: str, newest: bool) -> int:
    """Ascending order of articles newest (or oldest) first, undated last, then by the start of the id."""
    if seconds is None:
        slot = _UNDATED
    else:
        offset = min(max(seconds - EARLIEST, 0), _UNDATED - 1)
        slot = _UNDATED - 1 - offset if newest else offset
    return slot << ID_BITS | id_bits(doc_id)


def _add_dates(out: tantivy.Document, doc_id: str, published: str | None) -> None:
    moment = datetime.fromisoformat(published) if published else None
    seconds = math.floor(moment.timestamp()) if moment else None
    out.add_integer("newest", sort_key(seconds, doc_id, newest=True))
    out.add_integer("oldest", sort_key(seconds, doc_id, newest=False))
    if moment is None:
        return
    out.add_integer("published", seconds)
    day = moment.astimezone(VIETNAM_TZ).date()
    for interval, name in PERIOD_FIELD.items():
        out.add_text(name, period_key(day, interval))


def tantivy_document(doc: dict[str, Any]) -> tantivy.Document:
    """The tantivy document of a stored search document (one that passed `document_problem`)."""
    out = tantivy.Document()
    out.add_text("id", doc["id"])
    out.add_bytes("data", json.dumps(doc, ensure_ascii=False).encode())
    title, content = searchable_text(doc)
    out.add_text("title", indexed_terms(words(title)))
    forms = words(content)
    out.add_text("content", indexed_terms(forms))
    out.add_text("pairs", indexed_pairs(forms))
    out.add_integer("sample", sample_slot(doc["id"]))
    for facet, pairs in facet_values(doc).items():
        for value, label in pairs:
            out.add_text(FACET_FILTER_FIELD[facet], value)
            if FACET_KEY_FIELD[facet] != FACET_FILTER_FIELD[facet]:
                out.add_text(FACET_KEY_FIELD[facet], facet_key(value, label))
    if doc.get("month"):
        out.add_text("month", doc["month"])
    _add_dates(out, doc["id"], doc.get("published"))
    out.add_boolean("is_copy", bool(doc.get("is_copy")))
    return out


def stored(document: tantivy.Document) -> dict[str, Any]:
    """The stored search document of a fetched tantivy document."""
    return json.loads(bytes(document.get_first("data")))
