"""The embedded tantivy backend: an index directory under the data dir, no server, counts done by the engine.

tantivy (Rust, through its Python bindings) matches, ranks (BM25, title weighted) and counts: the facets
(each under the other filters) and the date histogram are its aggregations over fast fields, so a search
costs little more with a hundred thousand matches than with ten. The words are the shared vntext ones
(search/tantivy_schema.py), the queries search/tantivy_query.py's, the snippets search/snippets.py's.
Generations of the index and the live one: search/tantivy_store.py.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Order, Query

from search.backend import SearchBackend
from search.document import document_problem, searchable_text, similarity_words
from search.model import (
    FACETS,
    BackendUnavailable,
    FacetValue,
    Hit,
    IndexReport,
    PaperCoverage,
    SearchRequest,
    SearchResult,
    hit_document,
)
from search.periods import Interval, local_day
from search.proximity import near
from search.query import Clause, ParsedQuery, parse_query
from search.sampling import SAMPLE_SLOTS, sample_size, scaled
from search.snippets import hit_snippet
from search.tantivy_query import (
    all_of,
    clause_query,
    key_filter,
    needs_check,
    proximity_candidates,
    sample_filter,
    scope_filters,
    selection_filters,
    text_query,
)
from search.tantivy_schema import (
    FACET_KEY_FIELD,
    PERIOD_FIELD,
    build_schema,
    missing_fields,
    register_tokenizer,
    stored,
    tantivy_document,
)
from search.tantivy_store import (
    MetaStore,
    drop_dead_generations,
    ensure_live,
    live_generation,
    make_live,
    new_generation,
)

WRITER_HEAP = 128_000_000  # bytes an incremental load's writer buffers before it flushes a segment
REBUILD_HEAP = 1_000_000_000  # a rebuild's: fewer, larger segments (tantivy merges only 8 of a size at once)
WRITER_WAIT_S = 30.0  # how long a write waits for another process's writer to finish
ALL_VALUES = 100_000  # buckets asked of a terms aggregation that must return every value
MAX_PAPERS = 10_000
_COUNT = {"value_count": {"field": "newest"}}  # every article has one sort key: the number of matches
_FETCH_CHUNK = 500  # stored documents fetched at a time when iterating over every match
_ENGINE_ERRORS = (ValueError, OSError, RuntimeError)  # what the bindings raise for a damaged or missing index


def _open(generation: Path) -> tantivy.Index:
    """The index of one generation, ready to search; BackendUnavailable when it is missing or damaged."""
    if not (generation / "meta.json").is_file():
        raise BackendUnavailable(f"the search index {generation} is missing")
    try:
        index = tantivy.Index.open(str(generation))
    except _ENGINE_ERRORS as exc:
        raise BackendUnavailable(f"cannot open the search index {generation}: {exc}") from exc
    register_tokenizer(index)
    if missing := missing_fields(index.schema):
        raise BackendUnavailable(
            f"the search index {generation} was made by an older newsarchive (it has no {', '.join(missing)}): "
            "rebuild it with `newsarchive index --rebuild`"
        )
    return index


def _create(generation: Path) -> tantivy.Index:
    index = tantivy.Index(build_schema(), str(generation))
    register_tokenizer(index)
    return index


@contextmanager
def _engine(action: str) -> Iterator[None]:
    """Turn an engine error (a file gone, a damaged segment) into BackendUnavailable."""
    try:
        yield
    except _ENGINE_ERRORS as exc:
        raise BackendUnavailable(f"the search index cannot {action}: {exc}") from exc


def _writer(index: tantivy.Index, heap: int = WRITER_HEAP) -> tantivy.IndexWriter:
    """The index's writer, waiting up to WRITER_WAIT_S for another process's to be released."""
    deadline = time.monotonic() + WRITER_WAIT_S
    while True:
        try:
            return index.writer(heap, min(2, os.cpu_count() or 1))
        except ValueError as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise BackendUnavailable(f"the search index cannot be written: {exc}") from exc
            time.sleep(0.1)


def _load(writer: tantivy.IndexWriter, docs: Iterable[dict[str, Any]]) -> IndexReport:
    """Add every good document (replacing any with its id) and commit; refused ones are reported.

    An engine error stops the load: nothing of it is committed.
    """
    report = IndexReport()
    try:
        for doc in docs:
            if problem := document_problem(doc):
                report.failed.append((str(doc.get("id") or "?") if isinstance(doc, dict) else "?", problem))
                continue
            try:
                document = tantivy_document(doc)
            except (ValueError, TypeError, OverflowError) as exc:
                report.failed.append((doc["id"], f"{type(exc).__name__}: {exc}"))
                continue
            writer.delete_documents_by_term("id", doc["id"])
            writer.add_document(document)
            report.indexed += 1
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()  # also releases the writer's lock
    return report


def _by_id(searcher: tantivy.Searcher, hits: list[tuple[Any, Any]]) -> list[Any]:
    """The addresses of (key, address) pairs sorted by key, those of one key ordered by id."""
    ordered: list[Any] = []
    for _, run in groupby(hits, key=itemgetter(0)):
        tied = list(run)
        if len(tied) > 1:
            tied.sort(key=lambda hit: searcher.doc(hit[1]).get_first("id"))
        ordered += [address for _, address in tied]
    return ordered


def _resolved(searcher: tantivy.Searcher, schema: tantivy.Schema, parsed: ParsedQuery) -> dict[Clause, Query]:
    """The query of each clause of three or more words near each other: the ids of the candidates whose
    stored text search.proximity accepts."""
    resolved: dict[Clause, Query] = {}
    for clause in [c for group in parsed.groups for c in group] + parsed.excluded:
        if not needs_check(clause) or clause in resolved:
            continue
        candidates = proximity_candidates(schema, clause)
        with _engine("search"):
            count = searcher.search(candidates, 1, count=True).count
            docs = (
                [stored(searcher.doc(a)) for _, a in searcher.search(candidates, count, count=False).hits]
                if count
                else []
            )
        ids = [
            d["id"]
            for d in docs
            if near(d.get("title", "") if clause.title else searchable_text(d)[1], clause.words, clause.slop)
        ]
        resolved[clause] = Query.term_set_query(schema, "id", ids)
    return resolved


def _terms(field: str, size: int = ALL_VALUES) -> dict[str, Any]:
    return {"terms": {"field": field, "size": size, "segment_size": ALL_VALUES}}


def _top(facet: str, buckets: list[dict[str, Any]], size: int, slots: int = SAMPLE_SLOTS) -> list[FacetValue]:
    """The `size` values most frequent, ties by value (counts made on `slots` slots, scaled)."""
    ordered = sorted(buckets, key=lambda b: (-b["doc_count"], b["key"]))[:size]
    return [FacetValue.from_key(facet, b["key"], scaled(b["doc_count"], slots)) for b in ordered]


def _periods(buckets: list[dict[str, Any]], slots: int = SAMPLE_SLOTS) -> dict[str, int]:
    ordered = sorted(buckets, key=lambda b: b["key"])
    return {b["key"]: scaled(b["doc_count"], slots) for b in ordered if b["doc_count"]}


class TantivyBackend(SearchBackend):
    """Search index in `<data_dir>/tantivy/`; a rebuild writes a new generation and names it live."""

    name = "tantivy"

    def __init__(self, data_dir: Path) -> None:
        """Create an empty index if there is none; one that cannot be made now is logged, and every call
        then raises BackendUnavailable (the web app still starts, and answers 503)."""
        self.root = data_dir / "tantivy"
        self.meta = MetaStore(self.root / "meta.sqlite3")
        self._lock = threading.Lock()
        self._opened: tuple[Path, tantivy.Index] | None = None
        try:
            ensure_live(self.root, _create)
        except _ENGINE_ERRORS as exc:
            logging.getLogger(__name__).warning("cannot create the search index %s: %s", self.root, exc)

    def close(self) -> None:
        """Forget the opened index (its files are released once no searcher holds them)."""
        with self._lock:
            self._opened = None

    def _index(self) -> tantivy.Index:
        """The live generation's index, opened once per generation, reloaded to its last commit."""
        generation = live_generation(self.root)
        with self._lock:
            if self._opened is None or self._opened[0] != generation:
                self._opened = (generation, _open(generation))
            index = self._opened[1]
        with _engine("be read"):
            index.reload()
        return index

    def _searcher(self) -> tantivy.Searcher:
        return self._index().searcher()

    # -- writing ---------------------------------------------------------------------------------
    def index(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        index = self._index()
        with _engine("be written"):
            return _load(_writer(index), docs)

    def rebuild(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Load a new generation, then name it live in one rename; a rebuild that dies leaves the live one."""
        with _engine("be rebuilt"):
            drop_dead_generations(self.root)
            generation = new_generation(self.root)
        try:
            with _engine("be rebuilt"):
                report = _load(_writer(_create(generation), REBUILD_HEAP), docs)
            replaced = make_live(self.root, generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        if replaced is not None:
            shutil.rmtree(replaced, ignore_errors=True)
        return report

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        self.meta.put_officials(profiles)

    def set_state(self, key: str, value: str) -> None:
        self.meta.set_state(key, value)

    # -- reading ---------------------------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        return self.meta.get_state(key)

    def officials(self) -> list[dict[str, Any]]:
        return self.meta.officials()

    def get(self, doc_id: str) -> dict[str, Any] | None:
        index = self._index()
        searcher = index.searcher()
        with _engine("read a document"):
            hits = searcher.search(Query.term_query(index.schema, "id", doc_id), 1, count=False).hits
            return stored(searcher.doc(hits[0][1])) if hits else None

    def iter_docs(self) -> Iterator[dict[str, Any]]:
        return self._stream(self._searcher(), Query.all_query(), None)

    @staticmethod
    def _stream(searcher: tantivy.Searcher, query: Query, addresses: list[Any] | None) -> Iterator[dict[str, Any]]:
        """The stored documents of `addresses` in that order (None: every match of `query`)."""
        with _engine("read the documents"):
            if addresses is None:
                count = searcher.search(query, 1, count=True).count
                addresses = [a for _, a in searcher.search(query, count, count=False).hits] if count else []
            for start in range(0, len(addresses), _FETCH_CHUNK):
                yield from (stored(searcher.doc(a)) for a in addresses[start : start + _FETCH_CHUNK])

    @staticmethod
    def _ordered(
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        query: Query,
        request: SearchRequest,
        parsed: ParsedQuery,
        stop: int,
    ) -> tuple[list[Any], int]:
        """The first `stop` matches in the requested order: relevance (then newest), or newest or oldest (the
        sort keys of tantivy_schema); then by id. And the number of matches (counted in the same pass)."""
        if request.sort == "relevance" and parsed.groups:
            found = searcher.search(query, stop, count=True)
            newest = searcher.fast_field_values("newest", [a for _, a in found.hits])
            ranked = sorted(((-score, key), a) for (score, a), key in zip(found.hits, newest, strict=True))
            return _by_id(searcher, ranked), found.count
        field = "oldest" if request.sort == "oldest" else "newest"
        found = searcher.search(query, stop + 1, count=True, order_by_field=field, order=Order.Asc)
        hits = found.hits
        if len(hits) > stop and hits[stop][0] == hits[stop - 1][0]:  # articles of the last key left out: get them
            last = hits[stop - 1][0]
            tied = all_of(query, [key_filter(schema, field, last)])
            rest = searcher.search(tied, searcher.search(tied, 1, count=True).count, count=False).hits
            hits = [h for h in hits if h[0] != last] + [(last, address) for _, address in rest]
        return _by_id(searcher, hits)[:stop], found.count

    def search(self, request: SearchRequest) -> SearchResult:
        request.validate()
        parsed = parse_query(request.q)
        index = self._index()
        searcher, schema = index.searcher(), index.schema
        text, scope = text_query(schema, parsed, _resolved(searcher, schema, parsed)), scope_filters(schema, request)
        selections = selection_filters(schema, request)
        matches = all_of(text, scope + [q for qs in selections.values() for q in qs])
        with _engine("search"):
            addresses, total = self._ordered(searcher, schema, matches, request, parsed, request.offset + request.size)
            docs = [stored(searcher.doc(a)) for a in addresses[request.offset :]]
            result = SearchResult(total=total, hits=[], warnings=list(parsed.warnings))
            self._counts(searcher, schema, result, request, text, scope, selections)
        words = parsed.positive_words()
        result.hits = [Hit(hit_document(doc), hit_snippet(doc, words)) for doc in docs]
        return result

    @staticmethod
    def _counts(
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        result: SearchResult,
        request: SearchRequest,
        text: Query,
        scope: list[Query],
        selections: dict[str, list[Query]],
    ) -> None:
        """The facets and periods of a search whose total is counted: one aggregation (scoring nothing) per
        distinct set of filters they are counted under (SearchRequest.count_sets), each on the sample of
        search.sampling when the request allows estimates and that set's matches are many."""
        plans: dict[tuple[str, ...], dict[str, Any]] = {}
        for name, used in request.count_sets().items():
            field = PERIOD_FIELD[request.periods] if name == "periods" else FACET_KEY_FIELD[name]
            plans.setdefault(used, {})[name] = _terms(field)
        for used, aggs in plans.items():
            query = all_of(text, scope + [q for f in used for q in selections[f]])
            size = TantivyBackend._size(searcher, query, used, selections, result.total, request.estimate_above)
            slots = sample_size(size, request.estimate_above)
            if slots < SAMPLE_SLOTS:
                query = all_of(query, [sample_filter(schema, slots, searcher.num_docs * slots < size * SAMPLE_SLOTS)])
                result.estimated |= set(aggs)
                if used == tuple(selections):
                    aggs["sampled"] = _COUNT
            for name, agg in searcher.aggregate(query, aggs).items():
                if name == "sampled":
                    result.estimated_on = int(agg["value"])
                elif name == "periods":
                    result.periods = _periods(agg["buckets"], slots)
                else:
                    result.facets[name] = _top(name, agg["buckets"], request.facet_size, slots)
        result.facets = {facet: result.facets[facet] for facet in FACETS if facet in result.facets}

    @staticmethod
    def _size(
        searcher: tantivy.Searcher,
        query: Query,
        used: tuple[str, ...],
        selections: dict[str, list[Query]],
        total: int,
        estimate_above: int | None,
    ) -> int:
        """How many articles a set of counts is made on: the total under every filter, else counted here
        (without scoring) when the request allows estimates (0 when it does not: the count is exact anyway)."""
        if used == tuple(selections):
            return total
        if estimate_above is None:
            return 0
        return int(searcher.aggregate(query, {"n": _COUNT})["n"]["value"])

    def _matching(self, request: SearchRequest) -> tuple[tantivy.Searcher, tantivy.Schema, Query, ParsedQuery]:
        """The searcher, schema and query of everything a request matches (query, filters, dates, copies)."""
        parsed = parse_query(request.q)
        index = self._index()
        schema = index.schema
        selections = selection_filters(schema, request)
        filters = scope_filters(schema, request) + [q for qs in selections.values() for q in qs]
        searcher = index.searcher()
        return (
            searcher,
            schema,
            all_of(text_query(schema, parsed, _resolved(searcher, schema, parsed)), filters),
            parsed,
        )

    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        searcher, schema, query, parsed = self._matching(request)
        with _engine("search"):
            count = searcher.search(query, 1, count=True).count
            addresses = self._ordered(searcher, schema, query, request, parsed, count)[0] if count else []
        return self._stream(searcher, query, addresses)

    def histogram(self, request: SearchRequest, interval: Interval) -> dict[str, int]:
        replace(request, periods=interval).validate()
        searcher, _, query, _ = self._matching(request)
        with _engine("count the periods"):
            return _periods(
                searcher.aggregate(query, {"periods": _terms(PERIOD_FIELD[interval])})["periods"]["buckets"]
            )

    def coverage(self) -> list[PaperCoverage]:
        aggs = {
            "papers": {
                **_terms("paper", MAX_PAPERS),
                "aggs": {
                    "provinces": _terms("province"),
                    "first": {"min": {"field": "published"}},
                    "last": {"max": {"field": "published"}},
                    "months": _terms("month"),
                },
            }
        }
        searcher = self._searcher()
        with _engine("count the papers"):
            buckets = searcher.aggregate(Query.all_query(), aggs)["papers"]["buckets"]
        return [
            PaperCoverage.from_bucket(
                b, local_day(b["first"]["value"]), local_day(b["last"]["value"]), _periods(b["months"]["buckets"])
            )
            for b in sorted(buckets, key=lambda b: b["key"])
        ]

    def more_like_this(self, doc_id: str, size: int = 5) -> list[dict[str, Any]]:
        doc = self.get(doc_id)
        words = similarity_words(doc) if doc else []
        if not words:
            return []
        index = self._index()
        schema, searcher = index.schema, index.searcher()
        parts = [(Occur.Should, clause_query(schema, Clause((w,)))) for w in words]
        query = Query.boolean_query([*parts, (Occur.MustNot, Query.term_query(schema, "id", doc_id))])
        with _engine("find similar documents"):
            return [stored(searcher.doc(a)) for _, a in searcher.search(query, size, count=False).hits]
