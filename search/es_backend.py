"""The Elasticsearch backend: versioned indices behind aliases, facets counted under the other filters.

The shared vntext code writes every text twice, word for word: `*_exact` (canonical tone placement,
lower case) and `*_folded` (no diacritics); Elasticsearch only splits on spaces, so both backends fold
alike and no analysis plugin is needed. A word typed with diacritics is looked up in `*_exact`, one
typed without in `*_folded`; a phrase mixing both is a span query across the two position-aligned
fields (field_masking_span).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, helpers
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch import TransportError as EsTransportError

from archive.article import VIETNAM_TZ
from search.backend import SearchBackend
from search.document import facet_values, searchable_text, similarity_words
from search.model import (
    FACETS,
    BackendUnavailable,
    FacetValue,
    Hit,
    IndexReport,
    QueryError,
    SearchRequest,
    SearchResult,
)
from search.query import Clause, ParsedQuery, Word, parse_query
from search.snippets import hit_snippet
from search.terms import exact_and_folded_terms

KEY_SEP = "\u001f"  # joins a facet value and its label in one keyword ("id␟name")
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
REQUEST_TIMEOUT_S, CLIENT_RETRIES = 60, 3  # per request to the node; retries on timeouts and lost connections
SCAN_PAGE, SCROLL_KEEPALIVE = 1000, "2m"  # documents per scroll page; how long the node keeps a scroll open
MAX_MONTHS = 2400  # month buckets of the histogram: two centuries

SETTINGS = {"number_of_shards": 1}
_TERMS = {"type": "text", "analyzer": "whitespace"}
_TEXT_FIELDS = ("title_exact", "title_folded", "content_exact", "content_folded")
ARTICLE_MAPPINGS = {
    "dynamic": False,
    "_source": {"excludes": [*_TEXT_FIELDS, "official_ids", "official_keys", "topic_keys"]},
    "properties": {
        "id": {"type": "keyword"},
        "url": {"type": "keyword", "index": False},
        **{name: _TERMS for name in _TEXT_FIELDS},
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
    },
}
OFFICIAL_MAPPINGS = {"dynamic": False, "properties": {"id": {"type": "keyword"}, "name": {"type": "keyword"}}}


def phrase_query(field: str, words: Sequence[Word], boost: float = 1.0) -> dict:
    """Words in order on `<field>_exact` / `<field>_folded`: a term, a phrase, or a span across both."""
    kinds = {w.exact for w in words}
    if len(kinds) == 1:
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
    return {"span_near": {"clauses": spans, "slop": 0, "in_order": True, "boost": boost}}


def _clause_query(clause: Clause) -> dict:
    return {
        "bool": {
            "should": [phrase_query("title", clause.words, TITLE_BOOST), phrase_query("content", clause.words)],
            "minimum_should_match": 1,
        }
    }


def text_query(parsed: ParsedQuery) -> dict:
    """The query DSL of parsed query text (match_all when there is no positive clause)."""
    must = [
        {"bool": {"should": [_clause_query(c) for c in group], "minimum_should_match": 1}} for group in parsed.groups
    ] or [{"match_all": {}}]
    query: dict[str, Any] = {"must": must}
    if parsed.excluded:
        query["must_not"] = [_clause_query(c) for c in parsed.excluded]
    if phrase := parsed.plain_words():
        query["should"] = [phrase_query("content", phrase, PHRASE_BOOST)]
    return {"bool": query}


def facet_filters(request: SearchRequest, skip: str | None = None) -> list[dict]:
    """Term filters of the active facets (OR within one facet), leaving one facet out."""
    return [
        {"terms": {_FILTER_FIELD[facet]: values}}
        for facet, values in request.filters.items()
        if values and facet != skip
    ]


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


def search_body(request: SearchRequest, parsed: ParsedQuery) -> dict:
    """The whole search request: query, post_filter for facets, one filtered aggregation per facet."""
    body: dict[str, Any] = {
        "query": {"bool": {"must": [text_query(parsed)], "filter": scope_filters(request)}},
        "post_filter": {"bool": {"filter": facet_filters(request)}},
        "sort": sort_order(request, parsed),
        "from": request.offset,
        "size": request.size,
        "track_total_hits": True,
        "aggs": {},
    }
    if request.with_facets:
        for facet in FACETS:
            body["aggs"][facet] = {
                "filter": {"bool": {"filter": facet_filters(request, skip=facet)}},
                "aggs": {
                    "values": {
                        "terms": {
                            "field": _KEY_FIELD[facet],
                            "size": request.facet_size,
                            "order": [{"_count": "desc"}, {"_key": "asc"}],
                        }
                    }
                },
            }
    if request.with_months:
        body["aggs"]["months"] = {
            "filter": {"bool": {"filter": facet_filters(request)}},
            "aggs": {"values": {"terms": {"field": "month", "size": MAX_MONTHS}}},
        }
    return body


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
        "official_ids": [v for v, _ in values["officials"]],
        "official_keys": [f"{v}{KEY_SEP}{label}" for v, label in values["officials"]],
        "topic_keys": [f"{v}{KEY_SEP}{label}" for v, label in values["topics"]],
    }


def _facet_value(facet: str, key: str, count: int) -> FacetValue:
    if facet in ("officials", "topics"):
        value, _, label = key.partition(KEY_SEP)
        return FacetValue(value, label or value, count)
    return FacetValue(key, key, count)


class ElasticsearchBackend(SearchBackend):
    """Articles behind the alias `<prefix>-articles`, profiles behind `<prefix>-officials`."""

    name = "elasticsearch"

    def __init__(self, url: str, prefix: str = "newsarchive", client: Elasticsearch | None = None) -> None:
        self.client = client or Elasticsearch(
            url, request_timeout=REQUEST_TIMEOUT_S, retry_on_timeout=True, max_retries=CLIENT_RETRIES
        )
        self.articles_alias = f"{prefix}-articles"
        self.officials_alias = f"{prefix}-officials"
        self.state_index = f"{prefix}-state"
        self._ready = False

    def close(self) -> None:
        self.client.close()

    # -- indices ---------------------------------------------------------------------------------
    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (EsConnectionError, EsTransportError) as exc:
            raise BackendUnavailable(f"Elasticsearch is not answering: {exc}") from exc

    def _new_index(self, alias: str, mappings: dict, settings: dict | None = None) -> str:
        name = f"{alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"
        self.client.indices.create(index=name, settings={**SETTINGS, **(settings or {})}, mappings=mappings)
        return name

    def _ensure(self) -> None:
        if self._ready:
            return
        for alias, mappings in ((self.articles_alias, ARTICLE_MAPPINGS), (self.officials_alias, OFFICIAL_MAPPINGS)):
            if not self._call(self.client.indices.exists_alias, name=alias):
                index = self._new_index(alias, mappings)
                self.client.indices.put_alias(index=index, name=alias)
        self._ready = True

    def _swap(self, alias: str, new_index: str) -> None:
        """Point the alias at new_index in one atomic step, then drop the indices it pointed at before."""
        old = (
            list(self.client.indices.get_alias(name=alias).keys())
            if self.client.indices.exists_alias(name=alias)
            else []
        )
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def _drop_orphans(self, alias: str) -> None:
        """Delete indices of rebuilds that died before their swap."""
        live = (
            set(self.client.indices.get_alias(name=alias).keys())
            if self.client.indices.exists_alias(name=alias)
            else set()
        )
        for index in self.client.indices.get(index=f"{alias}-*", expand_wildcards="open,closed").body:
            if index not in live:
                self.client.indices.delete(index=index, ignore_unavailable=True)

    def _bulk(self, index: str, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Bulk-load docs: this thread builds the documents while a sender thread has a request in flight.

        The caller's iterable is consumed here, in the calling thread, as before; `streaming_bulk` (chunks,
        retries with backoff on 429, every failed document reported) runs in the sender. An exception on
        either side stops both and is raised here.
        """
        report = IndexReport()
        pending: queue.Queue[Any] = queue.Queue(maxsize=2 * BULK_CHUNK)  # about two requests' worth ahead
        end, abort = object(), object()
        sender_error: list[BaseException] = []

        def actions() -> Iterator[dict[str, Any]]:
            while (action := pending.get()) is not end:
                if action is abort:
                    raise RuntimeError("bulk load aborted")
                yield action

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
                    raise_on_exception=False,
                ):
                    if ok:
                        report.indexed += 1
                    else:
                        info = item.get("index", item)
                        report.failed.append((str(info.get("_id", "?")), str(info.get("error", info))))
            except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
                sender_error.append(exc)
                while pending.get() is not end:  # never leave the producer blocked on a full queue
                    pass

        sender = threading.Thread(target=send, name=f"bulk-{index}", daemon=True)
        sender.start()
        try:
            for doc in docs:
                if sender_error:
                    break
                pending.put({"_index": index, "_id": doc["id"], "_source": es_document(doc)})
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
        index = self._call(
            self._new_index, self.articles_alias, ARTICLE_MAPPINGS, {"refresh_interval": "-1", "number_of_replicas": 0}
        )
        report = self._call(self._bulk, index, docs)
        self._call(self.client.indices.put_settings, index=index, settings={"refresh_interval": None})
        self._call(self.client.indices.refresh, index=index)
        self._call(self._swap, self.articles_alias, index)
        return report

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        self._ensure()
        self._call(self._drop_orphans, self.officials_alias)
        index = self._call(self._new_index, self.officials_alias, OFFICIAL_MAPPINGS)
        actions = ({"_index": index, "_id": p["id"], "_source": p} for p in profiles)
        self._call(helpers.bulk, self.client, actions, chunk_size=BULK_CHUNK, max_retries=5, refresh=True)
        self._call(self._swap, self.officials_alias, index)

    def set_state(self, key: str, value: str) -> None:
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
        except (EsConnectionError, EsTransportError) as exc:
            raise BackendUnavailable(f"Elasticsearch stopped answering: {exc}") from exc

    def iter_docs(self) -> Iterator[dict[str, Any]]:
        return self._scan({"query": {"match_all": {}}}, preserve_order=False)

    def officials(self) -> list[dict[str, Any]]:
        self._ensure()
        hits = helpers.scan(self.client, index=self.officials_alias, query={"query": {"match_all": {}}}, size=SCAN_PAGE)
        return sorted((hit["_source"] for hit in self._call(list, hits)), key=lambda p: p["id"])

    def search(self, request: SearchRequest) -> SearchResult:
        request.validate()
        parsed = parse_query(request.q)
        self._ensure()
        try:
            response = self._call(self.client.search, index=self.articles_alias, **search_body(request, parsed))
        except BadRequestError as exc:
            raise QueryError(f"the search engine refused this query: {exc.message}") from exc
        except ApiError as exc:
            raise BackendUnavailable(f"Elasticsearch error: {exc}") from exc
        words = parsed.positive_words()
        hits = [Hit(h["_source"], hit_snippet(h["_source"], words)) for h in response["hits"]["hits"]]
        result = SearchResult(total=response["hits"]["total"]["value"], hits=hits, warnings=list(parsed.warnings))
        aggs = response.get("aggregations", {})
        for facet in FACETS:
            if facet in aggs:
                result.facets[facet] = [
                    _facet_value(facet, b["key"], b["doc_count"]) for b in aggs[facet]["values"]["buckets"]
                ]
        if "months" in aggs:
            result.months = dict(sorted((b["key"], b["doc_count"]) for b in aggs["months"]["values"]["buckets"]))
        return result

    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        parsed = parse_query(request.q)
        query = {"bool": {"must": [text_query(parsed)], "filter": [*scope_filters(request), *facet_filters(request)]}}
        return self._scan({"query": query, "sort": sort_order(request, parsed)}, preserve_order=True)

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
