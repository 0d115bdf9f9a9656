"""The Elasticsearch backend: versioned indices behind aliases, facets counted under the other filters.

The shared vntext code writes every text twice, word for word: `*_exact` (canonical tone placement,
lower case) and `*_folded` (no diacritics); Elasticsearch only splits on spaces, so both backends fold
alike and no analysis plugin is needed. A word typed with diacritics is looked up in `*_exact`, one
typed without in `*_folded`; a phrase mixing both is a span query across the two position-aligned
fields (field_masking_span).
"""

from __future__ import annotations

import os
import queue
import socket
import threading
import time as clock
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, helpers
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import TransportError as EsTransportError
from elasticsearch.helpers import ScanError
from elasticsearch.serializer import OrjsonSerializer

from archive.article import VIETNAM_TZ
from archive.locks import process_alive
from search import es_snippets
from search.backend import SearchBackend
from search.document import document_problem, facet_values, searchable_text, similarity_words
from search.model import (
    HIT_TEXT,
    BackendUnavailable,
    FacetValue,
    Hit,
    IndexReport,
    PaperCoverage,
    QueryError,
    SearchRequest,
    SearchResult,
    facet_key,
    hit_document,
)
from search.periods import Interval, local_day
from search.query import Clause, ParsedQuery, Word, parse_query
from search.sampling import SAMPLE_SLOTS, sample_size, sample_slot, scaled
from search.snippets import highlight_text, hit_snippet, hit_text
from search.terms import exact_and_folded_terms
from vntext import repair

_FILTER_FIELD = {
    "officials": "official_ids",
    "topics": "topics",
    "province": "province",
    "paper": "paper",
    "year": "year",
}
_KEY_FIELD = {
    "officials": "official_keys",
    "topics": "topic_keys",
    "province": "province",
    "paper": "paper",
    "year": "year",
}
TITLE_BOOST, PHRASE_BOOST = 3.0, 50.0
BULK_CHUNK = 500
ORPHAN_AGE = 24 * 3600  # seconds after which an unswapped index of another host counts as abandoned
FIELD_RECHECK_S = 60.0  # how often a backend whose index lacks a newer field (snippets, sample) looks again
GREEN_WAIT = "60s"  # how long a rebuild waits for its replicas before it swaps anyway
REQUEST_TIMEOUT_S, CLIENT_RETRIES = 60, 3  # per request to the node; retries on timeouts and lost connections
SCAN_PAGE, SCROLL_KEEPALIVE = 1000, "2m"  # documents per scroll page; how long the node keeps a scroll open

SETTINGS = {"number_of_shards": 1}
_UNAVAILABLE = (EsConnectionError, EsTransportError, ScanError)
_DOCUMENT_STATUSES = (400, 409)  # bulk item errors of the document itself; any other stops the load


def replica_settings(replicas: str) -> dict[str, Any]:
    """Index settings for a replica count ("1") or an auto-expanding range ("0-1": one copy more once a
    second node is there, so a single node stays green)."""
    if "-" in replicas:
        return {"auto_expand_replicas": replicas}
    return {"auto_expand_replicas": False, "number_of_replicas": int(replicas)}


def _builder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _abandoned(meta: dict[str, Any], created_ms: int) -> bool:
    """Whether an index no alias points at was left by a run that is gone (never a running rebuild's)."""
    host, _, pid = str(meta.get("builder", "")).rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return not process_alive(int(pid))
    return clock.time() - created_ms / 1000 > ORPHAN_AGE


_TERMS = {"type": "text", "analyzer": "whitespace"}
_TEXT_FIELDS = ("title_exact", "title_folded", "content_exact", "content_folded")
ARTICLE_MAPPINGS = {
    "dynamic": False,
    "_source": {"excludes": [*_TEXT_FIELDS, es_snippets.FIELD, "official_ids", "official_keys", "topic_keys"]},
    "properties": {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "index": False},
        **{name: _TERMS for name in _TEXT_FIELDS},
        **{name: {**_TERMS, "index_phrases": True} for name in ("content_exact", "content_folded")},
        es_snippets.FIELD: es_snippets.MAPPING,
        "published": {"type": "date"},
        "year": {"type": "keyword"},
        "month": {"type": "keyword"},
        "paper": {"type": "keyword"},
        "province": {"type": "keyword"},
        "section": {"type": "keyword"},
        "topics": {"type": "keyword"},
        "topic_keys": {"type": "keyword"},
        "official_ids": {"type": "keyword"},
        "official_keys": {"type": "keyword"},
        "cluster_id": {"type": "keyword"},
        "is_copy": {"type": "boolean"},
        "sample": {"type": "integer"},
    },
}
OFFICIAL_MAPPINGS = {"dynamic": False, "properties": {"id": {"type": "keyword"}, "name": {"type": "keyword"}}}


def phrase_query(field: str, words: Sequence[Word], boost: float = 1.0, slop: int | None = None) -> dict:
    """Words in order on `<field>_exact` / `<field>_folded`: a term, a prefix, a phrase, or a span across both;
    with `slop`, the words in any order with at most that many others between them."""
    if len(words) == 1 and words[0].prefix:
        return {"prefix": {f"{field}_folded": {"value": words[0].form, "boost": boost}}}
    kinds = {w.exact for w in words}
    if len(kinds) == 1 and slop is None:
        target = f"{field}_exact" if words[0].exact else f"{field}_folded"
        text = " ".join(w.form for w in words)
        if len(words) == 1:
            return {"term": {target: {"value": text, "boost": boost}}}
        return {"match_phrase": {target: {"query": text, "boost": boost}}}
    exact_field = f"{field}_exact"
    spans = [
        {"span_term": {exact_field: w.form}}
        if w.exact
        else {"span_field_masking": {"query": {"span_term": {f"{field}_folded": w.form}}, "field": exact_field}}
        for w in words
    ]
    if slop is not None:
        return {"span_near": {"clauses": spans, "slop": slop, "in_order": False, "boost": boost}}
    return {"span_near": {"clauses": spans, "slop": 0, "in_order": True, "boost": boost}}


def _clause_query(clause: Clause) -> dict:
    if clause.title:
        return phrase_query("title", clause.words, TITLE_BOOST, clause.slop)
    return {
        "bool": {
            "should": [
                phrase_query("title", clause.words, TITLE_BOOST, clause.slop),
                phrase_query("content", clause.words, slop=clause.slop),
            ],
            "minimum_should_match": 1,
        }
    }


def text_query(parsed: ParsedQuery) -> dict:
    """The query DSL of parsed query text (match_all when there is no positive clause). A group of one clause
    must be in the whole text, which holds the title: its title match only adds to the score (the same
    matches and scores as either field, one field's cost to find them)."""
    must: list[dict] = []
    should: list[dict] = []
    for group in parsed.groups:
        if len(group) > 1 or group[0].title:
            must.append({"bool": {"should": [_clause_query(c) for c in group], "minimum_should_match": 1}})
        else:
            must.append(phrase_query("content", group[0].words, slop=group[0].slop))
            should.append(phrase_query("title", group[0].words, TITLE_BOOST, group[0].slop))
    query: dict[str, Any] = {"must": must or [{"match_all": {}}]}
    if parsed.excluded:
        query["must_not"] = [
            phrase_query("title" if c.title else "content", c.words, slop=c.slop) for c in parsed.excluded
        ]
    if phrase := parsed.plain_words():
        should.append(phrase_query("content", phrase, PHRASE_BOOST))
    if should:
        query["should"] = should
    return {"bool": query}


def facet_filters(request: SearchRequest, used: Iterable[str] | None = None) -> list[dict]:
    """Term filters of the active facets (OR within one facet; officials with official_op=and: each one
    required), or of those in `used` (SearchRequest.count_sets)."""
    filters: list[dict] = []
    for facet, values in request.filters.items():
        if not values or (used is not None and facet not in used):
            continue
        if facet == "officials" and request.all_officials:
            filters += [{"term": {_FILTER_FIELD[facet]: value}} for value in values]
        else:
            filters.append({"terms": {_FILTER_FIELD[facet]: values}})
    return filters


def scope_filters(request: SearchRequest) -> list[dict]:
    """Filters every count of a request obeys: the published-date range (whole days in Vietnam time), copies."""
    filters: list[dict] = [{"term": {"is_copy": False}}] if request.hide_copies else []
    bounds = {}
    if request.date_from:
        bounds["gte"] = datetime.combine(request.date_from, time.min, VIETNAM_TZ).isoformat()
    if request.date_to:
        bounds["lt"] = datetime.combine(request.date_to + timedelta(days=1), time.min, VIETNAM_TZ).isoformat()
    return filters + ([{"range": {"published": bounds}}] if bounds else [])


def sort_order(request: SearchRequest, parsed: ParsedQuery) -> list[dict]:
    """Relevance (then newest), newest or oldest; undated articles last; ties broken by id."""
    if request.sort == "relevance" and parsed.groups:
        return [{"_score": "desc"}, {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    direction = "asc" if request.sort == "oldest" else "desc"
    return [{"published": {"order": direction, "missing": "_last"}}, {"id": "asc"}]


def search_body(request: SearchRequest, parsed: ParsedQuery, stored_snippets: bool = True) -> dict:
    """The whole search request: query, post_filter for facets, one filtered aggregation per facet (unless the
    request allows estimates: then it counts the matches of each set the counts are made under, `set_sizes`,
    and counts_body counts them).

    With `stored_snippets` the node makes the snippets (es_snippets) and the hits come without their text;
    without (an index made before the snippet field) the hits bring their text for the Python snippets.
    """
    body: dict[str, Any] = {
        "query": {"bool": {"must": [text_query(parsed)], "filter": scope_filters(request)}},
        "post_filter": {"bool": {"filter": facet_filters(request)}},
        "sort": sort_order(request, parsed),
        "from": request.offset,
        "size": request.size,
        "track_total_hits": True,
        "aggs": count_aggs(request) if request.estimate_above is None else set_size_aggs(request),
    }
    if stored_snippets:
        body["_source"] = {"excludes": list(HIT_TEXT)}
        body["highlight"] = es_snippets.highlight(parsed.positive_words())
    return body


Slots = Mapping[tuple[str, ...], int]  # sample slots of each set of facets counts are made under


def _sample(slots: int) -> list[dict]:
    return [{"range": {"sample": {"lt": slots}}}] if slots < SAMPLE_SLOTS else []


def _under(request: SearchRequest, used: tuple[str, ...], slots: Slots | None) -> dict:
    """The filter of a count made under the facets `used`, on its sample when that is smaller than the one the
    whole request is narrowed to (counts_body: the largest)."""
    sample = _sample(slots[used]) if slots and slots[used] < max(slots.values()) else []
    return {"bool": {"filter": facet_filters(request, used) + sample}}


def count_aggs(request: SearchRequest, slots: Slots | None = None) -> dict:
    """One aggregation per facet and one of the periods, each under its filters (SearchRequest.count_sets), on
    the sample slots of its set (None: every article)."""
    aggs: dict[str, Any] = {}
    for name, used in request.count_sets().items():
        if name == "periods":
            values: dict[str, Any] = {"date_histogram": date_histogram(request.periods)}
        else:
            order = [{"_count": "desc"}, {"_key": "asc"}]
            values = {"terms": {"field": _KEY_FIELD[name], "size": request.facet_size, "order": order}}
        aggs[name] = {"filter": _under(request, used, slots), "aggs": {"values": values}}
    return aggs


def _partial_sets(request: SearchRequest) -> list[tuple[str, ...]]:
    """The sets counts are made under that leave out some active filter (their sizes are not the total)."""
    return sorted(set(request.count_sets().values()) - {request.active_facets()})


def set_size_aggs(request: SearchRequest) -> dict:
    """How many articles each partial set matches: `set_<i>` in _partial_sets' order."""
    return {f"set_{i}": {"filter": _under(request, used, None)} for i, used in enumerate(_partial_sets(request))}


def set_sizes(request: SearchRequest, total: int, aggs: Mapping[str, Any]) -> dict[tuple[str, ...], int]:
    """The matches of every set counts are made under, from set_size_aggs' answer and the total."""
    sizes = {used: aggs[f"set_{i}"]["doc_count"] for i, used in enumerate(_partial_sets(request))}
    return sizes | {request.active_facets(): total}


def counts_body(request: SearchRequest, parsed: ParsedQuery, slots: Slots) -> dict:
    """The facets and periods alone, each counted on its set's first sample slots (search.sampling); `sampled`
    is how many of the matches those are when the whole matches are sampled."""
    query = {"bool": {"filter": [text_query(parsed), *scope_filters(request), *_sample(max(slots.values()))]}}
    aggs = count_aggs(request, slots)
    if slots[request.active_facets()] < SAMPLE_SLOTS:
        aggs["sampled"] = {"filter": _under(request, request.active_facets(), slots)}
    return {"query": query, "size": 0, "track_total_hits": False, "aggs": aggs}


_PERIOD_FORMAT = {"day": "yyyy-MM-dd", "week": "yyyy-MM-dd", "month": "yyyy-MM", "year": "yyyy"}
VIETNAM_OFFSET = "+07:00"  # no daylight saving since 1975
MAX_PAPERS = 10_000


def date_histogram(interval: Interval) -> dict:
    """Articles per period of their publication date in Vietnam time, empty periods left out."""
    return {
        "field": "published",
        "calendar_interval": interval,
        "time_zone": VIETNAM_OFFSET,
        "format": _PERIOD_FORMAT[interval],
        "min_doc_count": 1,
    }


def histogram_body(request: SearchRequest, parsed: ParsedQuery, interval: Interval) -> dict:
    """A date histogram of the matching documents alone."""
    query = {"bool": {"must": [text_query(parsed)], "filter": [*scope_filters(request), *facet_filters(request)]}}
    aggs = {"periods": {"date_histogram": date_histogram(interval)}}
    return {"query": query, "size": 0, "track_total_hits": False, "aggs": aggs}


def _period_counts(buckets: list[dict[str, Any]], slots: int = SAMPLE_SLOTS) -> dict[str, int]:
    return {b["key_as_string"]: scaled(b["doc_count"], slots) for b in buckets if b["doc_count"]}


def _read_counts(result: SearchResult, request: SearchRequest, aggs: dict[str, Any], slots: Slots | None) -> None:
    """The facets and periods of count_aggs' answer, each counted on its set's sample slots (None: all)."""
    for name, used in request.count_sets().items():
        if name not in aggs:
            continue
        on = slots[used] if slots else SAMPLE_SLOTS
        buckets = aggs[name]["values"]["buckets"]
        if name == "periods":
            result.periods = _period_counts(buckets, on)
        else:
            result.facets[name] = [FacetValue.from_key(name, b["key"], scaled(b["doc_count"], on)) for b in buckets]
        if on < SAMPLE_SLOTS:
            result.estimated |= {name}
    if "sampled" in aggs:
        result.estimated_on = aggs["sampled"]["doc_count"]


COVERAGE_BODY = {
    "size": 0,
    "aggs": {
        "papers": {
            "terms": {"field": "paper", "size": MAX_PAPERS, "order": {"_key": "asc"}},
            "aggs": {
                "provinces": {"terms": {"field": "province", "size": 100}},
                "first": {"min": {"field": "published"}},
                "last": {"max": {"field": "published"}},
                "months": {"terms": {"field": "month", "size": 2400, "order": {"_key": "asc"}}},
            },
        }
    },
}


def es_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The stored document plus the fields Elasticsearch indexes."""
    title, content = searchable_text(doc)
    values = facet_values(doc)
    title_exact, title_folded = exact_and_folded_terms(title)
    content_exact, content_folded = exact_and_folded_terms(content)
    return {
        **doc,
        "title_exact": title_exact,
        "title_folded": title_folded,
        "content_exact": content_exact,
        "content_folded": content_folded,
        es_snippets.FIELD: highlight_text(repair(hit_text(doc))),
        "official_ids": [v for v, _ in values["officials"]],
        "official_keys": [facet_key(v, label) for v, label in values["officials"]],
        "topic_keys": [facet_key(v, label) for v, label in values["topics"]],
        "sample": sample_slot(doc["id"]),
    }


def _seconds(millis: float | None) -> float | None:
    return millis / 1000 if millis is not None else None


def _record(report: IndexReport, ok: bool, item: dict[str, Any]) -> None:
    """Count one bulk item: written, refused for itself (reported), or refused by the cluster (raised)."""
    if ok:
        report.indexed += 1
        return
    info = item.get("index", item)
    if int(info.get("status", 400)) not in _DOCUMENT_STATUSES:  # a write block, a lost shard: not the document
        raise BackendUnavailable(f"Elasticsearch could not store {info.get('_id')}: {info}")
    report.failed.append((str(info.get("_id", "?")), str(info.get("error", info))))


class ElasticsearchBackend(SearchBackend):
    """Articles behind the alias `<prefix>-articles`, profiles behind `<prefix>-officials`."""

    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        prefix: str = "newsarchive",
        client: Elasticsearch | None = None,
        *,
        request_timeout: float = REQUEST_TIMEOUT_S,
        max_retries: int = CLIENT_RETRIES,
        retry_on_timeout: bool = True,
        replicas: str = "0-1",
    ) -> None:
        """`url` may list several nodes, comma-separated; the client moves to another when one is down.

        The indexer keeps the long default timeout with retries; the web app passes a short timeout, one
        retry (on another node) for a refused connection and none for a timeout.
        """
        hosts = [part.strip() for part in url.split(",") if part.strip()]
        self.client = client or Elasticsearch(
            hosts,
            request_timeout=request_timeout,
            retry_on_timeout=retry_on_timeout,
            max_retries=max_retries,
            serializer=OrjsonSerializer(),  # a search page's responses decoded in a fifth of the stdlib's time
        )
        self.replicas = replica_settings(replicas)
        self.articles_alias = f"{prefix}-articles"
        self.officials_alias = f"{prefix}-officials"
        self.state_index = f"{prefix}-state"
        self._ready = False
        self._fields_seen: set[str] = set()  # newer fields the index behind the alias was found with
        self._fields_checked = -FIELD_RECHECK_S

    def close(self) -> None:
        self.client.close()

    # -- indices ---------------------------------------------------------------------------------
    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one client call; an unreachable node, a timeout or a server-side failure is BackendUnavailable.

        NotFoundError and BadRequestError pass through: the caller knows what they mean.
        """
        try:
            return fn(*args, **kwargs)
        except (NotFoundError, BadRequestError):
            raise
        except _UNAVAILABLE as exc:
            raise BackendUnavailable(f"Elasticsearch is not answering: {exc}") from exc
        except ApiError as exc:
            raise BackendUnavailable(f"Elasticsearch error: {exc}") from exc

    def _create(self, name: str, mappings: dict, settings: dict, aliases: dict | None = None) -> bool:
        """Create an index (with its aliases in the same request); False if it exists already."""
        try:
            self._call(
                self.client.indices.create,
                index=name,
                settings={**SETTINGS, **settings},
                mappings={**mappings, "_meta": {"builder": _builder()}},
                aliases=aliases,
            )
        except BadRequestError as exc:
            if exc.error == "resource_already_exists_exception":
                return False
            raise BackendUnavailable(f"Elasticsearch refused to create {name}: {exc.message}") from exc
        return True

    def _new_index(self, alias: str, mappings: dict, settings: dict | None = None) -> str:
        name = f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        self._create(name, mappings, {**self.replicas, **(settings or {})})
        return name

    def _ensure(self) -> None:
        """Make the indices a fresh cluster lacks; idempotent under races (fixed names, alias in the create)."""
        if self._ready:
            return
        for alias, mappings in ((self.articles_alias, ARTICLE_MAPPINGS), (self.officials_alias, OFFICIAL_MAPPINGS)):
            if not self._call(self.client.indices.exists_alias, name=alias):
                first = f"{alias}-initial"
                if not self._create(first, mappings, self.replicas, aliases={alias: {}}):
                    self._call(self.client.indices.put_alias, index=first, name=alias)  # another run made it
        self._create(self.state_index, {"dynamic": True}, self.replicas)
        self._ready = True

    def _swap(self, alias: str, new_index: str) -> None:
        """Point the alias at new_index in one atomic step, then drop the indices it pointed at before."""
        old = (
            list(self.client.indices.get_alias(name=alias).keys())
            if self.client.indices.exists_alias(name=alias)
            else []
        )
        actions = [{"remove": {"index": index, "alias": alias}} for index in old if index != new_index]
        actions.append({"add": {"index": new_index, "alias": alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            if index != new_index:
                self.client.indices.delete(index=index, ignore_unavailable=True)

    def _drop_orphans(self, alias: str) -> None:
        """Delete indices of rebuilds that died before their swap; a running rebuild's index is left alone."""
        live = (
            set(self.client.indices.get_alias(name=alias).keys())
            if self.client.indices.exists_alias(name=alias)
            else set()
        )
        found = self.client.indices.get(index=f"{alias}-*", expand_wildcards="open,closed").body
        for index, info in found.items():
            meta = info.get("mappings", {}).get("_meta", {})
            created = int(info.get("settings", {}).get("index", {}).get("creation_date", 0))
            if index not in live and _abandoned(meta, created):
                self.client.indices.delete(index=index, ignore_unavailable=True)

    def _restore_replicas(self, index: str) -> None:
        """Give a freshly loaded index its configured replicas and refresh interval, and wait for the copies."""
        self._call(self.client.indices.put_settings, index=index, settings={"refresh_interval": None, **self.replicas})
        self._call(self.client.indices.refresh, index=index)
        self._call(self.client.cluster.health, index=index, wait_for_status="green", timeout=GREEN_WAIT)

    def _bulk(self, index: str, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Bulk-load docs: this thread builds the documents while a sender thread has a request in flight.

        The caller's iterable is consumed here, in the calling thread, as before; `streaming_bulk` (chunks,
        retries with backoff on 429, every failed document reported) runs in the sender. Each document is
        JSON-encoded here too, by the client's own serializer (the bytes the sender would make), so the
        sender only frames the next request: the node is not kept waiting while its body is encoded. An
        exception on either side stops both and is raised here.
        """
        report = IndexReport()
        encode = self.client.transport.serializers.get_serializer("application/json").dumps
        pending: queue.Queue[Any] = queue.Queue(maxsize=2 * BULK_CHUNK)  # about two requests' worth ahead
        end, abort = object(), object()
        sender_error: list[BaseException] = []

        ended = threading.Event()  # the sender took `end`: the producer is done, nothing left to drain

        def actions() -> Iterator[dict[str, Any]]:
            while (action := pending.get()) is not end:
                if action is abort:
                    raise RuntimeError("bulk load aborted")
                yield action
            ended.set()

        def send() -> None:
            try:
                for ok, item in helpers.streaming_bulk(
                    self.client,
                    actions(),
                    chunk_size=BULK_CHUNK,
                    max_retries=5,
                    initial_backoff=1,
                    max_backoff=60,
                    raise_on_error=False,
                    raise_on_exception=True,  # a node down or a timeout stops the load
                ):
                    _record(report, ok, item)
            except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
                sender_error.append(exc)
                while not ended.is_set() and pending.get() is not end:  # never leave the producer blocked
                    pass

        sender = threading.Thread(target=send, name=f"bulk-{index}", daemon=True)
        sender.start()
        try:
            for doc in docs:
                if sender_error:
                    break
                if problem := document_problem(doc):  # the same refusal as the SQLite backend
                    report.failed.append((str(doc.get("id") or "?") if isinstance(doc, dict) else "?", problem))
                    continue
                pending.put({"_index": index, "_id": doc["id"], "_source": encode(es_document(doc))})
        except BaseException:
            pending.put(abort)
            pending.put(end)
            sender.join()
            raise
        pending.put(end)
        sender.join()
        if sender_error:
            raise sender_error[0]
        return report

    # -- writing ---------------------------------------------------------------------------------
    def index(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        self._ensure()
        report = self._call(self._bulk, self.articles_alias, docs)
        self._call(self.client.indices.refresh, index=self.articles_alias)
        return report

    def rebuild(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        self._ensure()
        self._call(self._drop_orphans, self.articles_alias)
        loading = {"refresh_interval": "-1", "auto_expand_replicas": False, "number_of_replicas": 0}
        index = self._new_index(self.articles_alias, ARTICLE_MAPPINGS, loading)
        report = self._call(self._bulk, index, docs)
        self._restore_replicas(index)
        self._call(self._swap, self.articles_alias, index)
        return report

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        self._ensure()
        self._call(self._drop_orphans, self.officials_alias)
        index = self._new_index(self.officials_alias, OFFICIAL_MAPPINGS)
        actions = ({"_index": index, "_id": p["id"], "_source": p} for p in profiles)
        self._call(helpers.bulk, self.client, actions, chunk_size=BULK_CHUNK, max_retries=5, refresh=True)
        self._call(self._swap, self.officials_alias, index)

    def set_state(self, key: str, value: str) -> None:
        self._ensure()
        self._call(self.client.index, index=self.state_index, id=key, document={"value": value}, refresh=True)

    # -- reading ---------------------------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        try:
            return self._call(self.client.get, index=self.state_index, id=key)["_source"]["value"]
        except NotFoundError:
            return None

    def get(self, doc_id: str) -> dict[str, Any] | None:
        self._ensure()
        try:
            return self._call(self.client.get, index=self.articles_alias, id=doc_id)["_source"]
        except NotFoundError:
            return None

    def _scan(self, body: dict[str, Any], preserve_order: bool) -> Iterator[dict[str, Any]]:
        """Every matching stored document, through a scroll; a node lost midway raises BackendUnavailable."""
        self._ensure()
        try:
            for hit in helpers.scan(
                self.client,
                index=self.articles_alias,
                query=body,
                size=SCAN_PAGE,
                preserve_order=preserve_order,
                scroll=SCROLL_KEEPALIVE,
            ):
                yield hit["_source"]
        except (*_UNAVAILABLE, ApiError) as exc:
            raise BackendUnavailable(f"Elasticsearch stopped answering: {exc}") from exc

    def iter_docs(self) -> Iterator[dict[str, Any]]:
        return self._scan({"query": {"match_all": {}}}, preserve_order=False)

    def officials(self) -> list[dict[str, Any]]:
        self._ensure()
        hits = helpers.scan(self.client, index=self.officials_alias, query={"query": {"match_all": {}}}, size=SCAN_PAGE)
        return sorted((hit["_source"] for hit in self._call(list, hits)), key=lambda p: p["id"])

    def _has_field(self, name: str) -> bool:
        """Whether the index behind the alias has a field that older ones lack (the snippet field, `sample`).

        Once seen it stays (a rebuild only ever adds it); until then the mapping is looked up again every
        FIELD_RECHECK_S, so a web worker notices a rebuild made by another process.
        """
        now = clock.monotonic()
        if name not in self._fields_seen and now - self._fields_checked >= FIELD_RECHECK_S:
            self._fields_checked = now
            mappings = self._call(self.client.indices.get_mapping, index=self.articles_alias)
            fields = [m["mappings"].get("properties", {}) for m in mappings.body.values()]
            self._fields_seen |= {f for f in (es_snippets.FIELD, "sample") if fields and all(f in m for m in fields)}
        return name in self._fields_seen

    def search(self, request: SearchRequest) -> SearchResult:
        request.validate()
        parsed = parse_query(request.q)
        self._ensure()
        stored = self._has_field(es_snippets.FIELD)
        try:
            response = self._call(
                self.client.search,
                index=self.articles_alias,
                allow_partial_search_results=False,  # a lost shard is an error, never a silently short count
                **search_body(request, parsed, stored),
            )
        except BadRequestError as exc:
            raise QueryError(f"the search engine refused this query: {exc.message}") from exc
        if stored:
            hits = [Hit(h["_source"], es_snippets.hit_snippet(h)) for h in response["hits"]["hits"]]
        else:
            words = parsed.positive_words()
            hits = [Hit(hit_document(h["_source"]), hit_snippet(h["_source"], words)) for h in response["hits"]["hits"]]
        result = SearchResult(total=response["hits"]["total"]["value"], hits=hits, warnings=list(parsed.warnings))
        if request.estimate_above is None:
            _read_counts(result, request, response.get("aggregations", {}), None)
        elif request.count_sets():
            sizes = set_sizes(request, result.total, response.get("aggregations", {}))
            self._estimated_counts(result, request, parsed, sizes)
        return result

    def _estimated_counts(
        self, result: SearchResult, request: SearchRequest, parsed: ParsedQuery, sizes: Mapping[tuple[str, ...], int]
    ) -> None:
        """The facets and periods of a request that allows estimates, each on a sample if its set's matches are
        many (and the index has the sample field)."""
        sampled = self._has_field("sample")
        slots = {used: sample_size(n, request.estimate_above) if sampled else SAMPLE_SLOTS for used, n in sizes.items()}
        _read_counts(result, request, self._aggregate(counts_body(request, parsed, slots)), slots)

    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        parsed = parse_query(request.q)
        query = {"bool": {"must": [text_query(parsed)], "filter": [*scope_filters(request), *facet_filters(request)]}}
        return self._scan({"query": query, "sort": sort_order(request, parsed)}, preserve_order=True)

    def _aggregate(self, body: dict[str, Any]) -> dict[str, Any]:
        self._ensure()
        try:
            response = self._call(
                self.client.search, index=self.articles_alias, allow_partial_search_results=False, **body
            )
            return response["aggregations"]
        except BadRequestError as exc:
            raise QueryError(f"the search engine refused this query: {exc.message}") from exc
        except ApiError as exc:
            raise BackendUnavailable(f"Elasticsearch error: {exc}") from exc

    def histogram(self, request: SearchRequest, interval: Interval) -> dict[str, int]:
        replace(request, periods=interval).validate()
        aggs = self._aggregate(histogram_body(request, parse_query(request.q), interval))
        return _period_counts(aggs["periods"]["buckets"])

    def coverage(self) -> list[PaperCoverage]:
        return [
            PaperCoverage.from_bucket(
                b,
                local_day(_seconds(b["first"]["value"])),
                local_day(_seconds(b["last"]["value"])),
                {m["key"]: m["doc_count"] for m in b["months"]["buckets"]},
            )
            for b in self._aggregate(COVERAGE_BODY)["papers"]["buckets"]
        ]

    def more_like_this(self, doc_id: str, size: int = 5) -> list[dict[str, Any]]:
        doc = self.get(doc_id)
        words = similarity_words(doc) if doc else []
        if not words:
            return []
        query = {
            "bool": {
                "should": [phrase_query("content", [w]) for w in words],
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": [doc_id]}}],
            }
        }
        response = self._call(self.client.search, index=self.articles_alias, query=query, size=size)
        return [hit["_source"] for hit in response["hits"]["hits"]]
