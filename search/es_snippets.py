"""Snippets from Elasticsearch's own highlighter, with the contract of the Python ones (search.snippets).

The hit's text (lead and body, as stored, between the sentinels of `highlight_text`) is the `snippet` field:
stored outside `_source`, split by the standard analyzer into its words in lower case, offsets in the
postings (the unified highlighter then reads them instead of analysing the text again). Its terms are
the words as written, so each query word is looked up under every spelling it matches: an accented word
under both tone placements ('hòa', 'hoà'), a plain one as a regular expression over the letters that
fold to each of its letters ('dang' → [dđ…][aàá…]ng), a prefix the same followed by anything.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from search.query import Word
from search.snippets import MARK_END, MARK_START, SNIPPET_CHARS, fragment_snippet
from vntext.normalize import fold_sources, placements

FIELD = "snippet"
MAPPING = {"type": "text", "analyzer": "standard", "index_options": "offsets", "norms": False, "store": True}
MAX_REGEXP = 1000  # characters: Elasticsearch's index.max_regex_length (a longer one fails the whole search)


def folded_pattern(form: str, prefix: bool = False) -> str:
    """A Lucene regular expression of every lower-case spelling that folds to `form`, a query word's folded form
    (letters and digits only, nothing to escape), then anything for a `prefix`."""
    sources = fold_sources()
    pattern = "".join(f"[{letter}{sources[letter]}]" if letter in sources else letter for letter in form)
    return pattern + (".*" if prefix else "")


def _highlight_query(words: list[Word]) -> dict[str, Any]:
    """The query words on the snippet field, each on its own (as the Python snippets mark them)."""
    should: list[dict[str, Any]] = []
    for word in dict.fromkeys(words):
        if word.exact:
            should.append({"terms": {FIELD: placements(word.form)}})
            continue
        pattern = folded_pattern(word.form, word.prefix)
        if len(pattern) <= MAX_REGEXP:
            should.append({"regexp": {FIELD: {"value": pattern, "flags": "NONE"}}})
        else:  # a word no text has: only its own spelling marked
            should.append({"term": {FIELD: word.form}})
    return {"bool": {"should": should}} if should else {"match_none": {}}


def highlight(words: list[Word]) -> dict[str, Any]:
    """The `highlight` of a search: one passage of about SNIPPET_CHARS characters a hit, its query words marked."""
    field = {
        "type": "unified",
        "number_of_fragments": 1,
        "fragment_size": SNIPPET_CHARS,
        "no_match_size": SNIPPET_CHARS,
        "highlight_query": _highlight_query(words),
    }
    return {"pre_tags": [MARK_START], "post_tags": [MARK_END], "fields": {FIELD: field}}


def hit_snippet(hit: dict[str, Any]) -> Markup:
    """The snippet of one hit of the response (empty when it has no text)."""
    return fragment_snippet(hit.get("highlight", {}).get(FIELD, [""])[0])
