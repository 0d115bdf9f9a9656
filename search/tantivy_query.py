"""tantivy queries of a parsed query and of a request's filters, on the fields of search/tantivy_schema.py.

A clause is a term, a regex over the folded terms (a prefix), or a phrase of folded and marked exact terms
at their offsets (word j of a phrase: 2j, or 2j + 1 for an exact term; in the whole text, first narrowed to
the articles holding each of its pair terms); words near each other in any order
of two words are both orders as a phrase with twice the slop (tantivy counts the positions skipped between
the first and the last term; a skipped word is two). Three or more near each other are resolved by the
backend beforehand (`proximity_candidates`, then search.proximity on the stored text): tantivy's sloppy
phrase of three terms misses matches. Each clause is looked up in the title (weighted) and the whole text;
plain words also score as a phrase (their pairs); filters score nothing, so they never change the relevance order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta
from itertools import pairwise

from tantivy import FieldType, Occur, Query, Schema

from archive.article import VIETNAM_TZ
from search.model import SearchRequest
from search.query import Clause, ParsedQuery, Word
from search.tantivy_schema import EXACT_MARK, FACET_FILTER_FIELD, pair_term
from vntext import fold

TITLE_BOOST, PHRASE_BOOST = 3.0, 50.0


def _term(word: Word) -> str:
    return EXACT_MARK + word.form if word.exact else word.form


def _phrase(schema: Schema, field: str, words: Sequence[Word], slop: int = 0) -> Query:
    """Words in this order, at most `slop` other words between the first and the last."""
    terms = [(2 * j + w.exact, _term(w)) for j, w in enumerate(words)]
    return Query.phrase_query(schema, field, terms, 2 * slop)


def _field_query(schema: Schema, field: str, clause: Clause) -> Query:
    """One clause on one text field."""
    words = clause.words
    if len(words) == 1 and words[0].prefix:
        return Query.regex_query(schema, field, re.escape(words[0].form) + ".*")
    if len(words) == 1:
        return Query.term_query(schema, field, _term(words[0]), index_option="freq")
    if clause.slop is None and field == "content":
        return _content_phrase(schema, words)
    if clause.slop is None:
        return _phrase(schema, field, words)
    return _either_order(schema, field, words[0], words[1], clause.slop)


def _either_order(schema: Schema, field: str, first: Word, second: Word, slop: int) -> Query:
    orders = [_phrase(schema, field, (first, second), slop), _phrase(schema, field, (second, first), slop)]
    return Query.boolean_query([(Occur.Should, q) for q in orders])


def needs_check(clause: Clause) -> bool:
    """Whether a clause is three or more words near each other (resolved by the backend)."""
    return clause.slop is not None and len(clause.words) > 2


def proximity_candidates(schema: Schema, clause: Clause) -> Query:
    """A superset of the matches of a `needs_check` clause: its first word near each other one, in the
    field it is looked up in (the whole text holds the title too)."""
    field, words, reach = "title" if clause.title else "content", clause.words, clause.slop + len(clause.words) - 2
    return Query.boolean_query([(Occur.Must, _either_order(schema, field, words[0], w, reach)) for w in words[1:]])


Resolved = Mapping[Clause, Query]


def clause_query(schema: Schema, clause: Clause, resolved: Resolved | None = None) -> Query:
    """A clause in the title (weighted), or anywhere unless it is limited to the title; `resolved` has the
    queries of the `needs_check` clauses."""
    if resolved is not None and clause in resolved:
        return resolved[clause]
    title = Query.boost_query(_field_query(schema, "title", clause), TITLE_BOOST)
    if clause.title:
        return title
    return Query.boolean_query([(Occur.Should, title), (Occur.Should, _field_query(schema, "content", clause))])


def _pair_terms(schema: Schema, words: Sequence[Word]) -> list[Query]:
    """The pair term of every two consecutive words (their folded forms: a word's is indexed at its place)."""
    forms = [fold(w.form) if w.exact else w.form for w in words]
    return [Query.term_query(schema, "pairs", pair_term(a, b), index_option="freq") for a, b in pairwise(forms)]


def _content_phrase(schema: Schema, words: Sequence[Word]) -> Query:
    """Two or more words in this order in the whole text: the term of their pair (two typed without
    diacritics), or their phrase among the articles holding every pair (pairs are rare: few articles to read
    the positions of)."""
    pairs = _pair_terms(schema, words)
    if len(pairs) == 1 and not any(w.exact for w in words):
        return pairs[0]
    narrowed = [(Occur.Must, _filter(q)) for q in pairs]
    return Query.boolean_query([(Occur.Must, _phrase(schema, "content", words)), *narrowed])


def _as_phrase(schema: Schema, words: Sequence[Word]) -> Query:
    """Plain words as a phrase, to rank them: every pair of them in the text."""
    pairs = _pair_terms(schema, words)
    return pairs[0] if len(pairs) == 1 else Query.boolean_query([(Occur.Must, q) for q in pairs])


def _any(queries: Sequence[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Query.boolean_query([(Occur.Should, q) for q in queries])


def _group(schema: Schema, group: Sequence[Clause], resolved: Resolved | None) -> list[tuple[Occur, Query]]:
    """One group of a query: any of its clauses. A single clause must be in the whole text, which holds the
    title: its title match only adds to the score (the same matches and scores as either field, one field's
    cost to find them)."""
    clause = group[0]
    if len(group) > 1 or clause.title or (resolved is not None and clause in resolved):
        return [(Occur.Must, _any([clause_query(schema, c, resolved) for c in group]))]
    title = Query.boost_query(_field_query(schema, "title", clause), TITLE_BOOST)
    return [(Occur.Must, _field_query(schema, "content", clause)), (Occur.Should, title)]


def _excluded(schema: Schema, clause: Clause, resolved: Resolved | None) -> Query:
    """What an excluded clause leaves out: found in its field (the whole text holds the title)."""
    if resolved is not None and clause in resolved:
        return resolved[clause]
    return _field_query(schema, "title" if clause.title else "content", clause)


def text_query(schema: Schema, parsed: ParsedQuery, resolved: Resolved | None = None) -> Query:
    """Every group (any of its clauses), none of the excluded; plain words also score as a phrase."""
    parts = [part for group in parsed.groups for part in _group(schema, group, resolved)]
    if not parts:
        parts.append((Occur.Must, Query.all_query()))
    parts += [(Occur.MustNot, _excluded(schema, c, resolved)) for c in parsed.excluded]
    if phrase := parsed.plain_words():
        parts.append((Occur.Should, Query.boost_query(_as_phrase(schema, phrase), PHRASE_BOOST)))
    return parts[0][1] if len(parts) == 1 else Query.boolean_query(parts)


def _filter(query: Query) -> Query:
    return Query.const_score_query(query, 0.0)


def scope_filters(schema: Schema, request: SearchRequest) -> list[Query]:
    """Filters every count obeys: the published range (whole days in Vietnam time), copies hidden."""
    filters = [Query.term_query(schema, "is_copy", False)] if request.hide_copies else []
    if request.date_from or request.date_to:
        low = datetime.combine(request.date_from, time.min, VIETNAM_TZ).timestamp() if request.date_from else None
        high = None
        if request.date_to:
            high = datetime.combine(request.date_to + timedelta(days=1), time.min, VIETNAM_TZ).timestamp()
        filters.append(
            Query.range_query(
                schema,
                "published",
                FieldType.Integer,
                int(low) if low is not None else None,
                int(high) if high is not None else None,
                include_upper=high is None,
            )
        )
    return [_filter(f) for f in filters]


def selection_filters(schema: Schema, request: SearchRequest) -> dict[str, list[Query]]:
    """The filter of each active facet (any of its values; officials with official_op=and: every one)."""
    selections: dict[str, list[Query]] = {}
    for facet, values in sorted(request.filters.items()):
        if not values:
            continue
        field = FACET_FILTER_FIELD[facet]
        if facet == "officials" and request.all_officials:
            selections[facet] = [_filter(Query.term_query(schema, field, v, index_option="basic")) for v in values]
        else:
            selections[facet] = [_filter(Query.term_set_query(schema, field, list(values)))]
    return selections


def all_of(text: Query, filters: Sequence[Query]) -> Query:
    """The text query narrowed by every filter."""
    if not filters:
        return text
    return Query.boolean_query([(Occur.Must, text), *((Occur.Must, f) for f in filters)])


def key_filter(schema: Schema, field: str, key: int) -> Query:
    """The articles whose sort key `field` is `key`."""
    return _filter(Query.range_query(schema, field, FieldType.Integer, key, key))


def sample_filter(schema: Schema, slots: int, leading: bool = False) -> Query:
    """The articles of the first `slots` sample slots (search.sampling). `leading`: as the union of the slots'
    postings, worth it when the sample holds fewer articles than the query it narrows (the sample then leads
    the intersection); otherwise a range on the fast field, checked on the query's matches."""
    if leading:
        return _filter(Query.term_set_query(schema, "sample", list(range(slots))))
    return _filter(Query.range_query(schema, "sample", FieldType.Integer, 0, slots - 1))
