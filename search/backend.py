"""The search interface both backends implement (opening one is `search.factory.open_backend`)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from search.model import IndexReport, PaperCoverage, SearchRequest, SearchResult
from search.periods import Interval


class SearchBackend(ABC):
    """What the indexer writes to and the web app reads from."""

    name: str

    @abstractmethod
    def index(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Add or replace documents by id in the live index."""

    @abstractmethod
    def rebuild(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Build a fresh index from docs and switch to it atomically; on failure the old one stays live."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResult:
        """Run a search; raises QueryError for bad parameters, BackendUnavailable when down."""

    @abstractmethod
    def histogram(self, request: SearchRequest, interval: Interval) -> dict[str, int]:
        """Matching documents per period (search.periods.period_key in Vietnam time), sorted; empty and
        undated periods left out. Obeys the query and every filter; ignores page, size and sort."""

    @abstractmethod
    def coverage(self) -> list[PaperCoverage]:
        """Every paper in the index with its article counts, sorted by paper name."""

    @abstractmethod
    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        """Every document matching a search (query, filters, dates) in its sort order, with no page cap."""

    @abstractmethod
    def get(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document by id."""

    @abstractmethod
    def iter_docs(self) -> Iterator[dict[str, Any]]:
        """Every stored document (for profiles and exports of the whole index)."""

    @abstractmethod
    def more_like_this(self, doc_id: str, size: int = 5) -> list[dict[str, Any]]:
        """Documents most similar to one document."""

    @abstractmethod
    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        """Replace the stored official profiles."""

    @abstractmethod
    def officials(self) -> list[dict[str, Any]]:
        """Every stored official profile."""

    @abstractmethod
    def get_state(self, key: str) -> str | None:
        """Indexer bookkeeping (e.g. the last archive sequence indexed)."""

    @abstractmethod
    def set_state(self, key: str, value: str) -> None:
        """Store indexer bookkeeping."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""
