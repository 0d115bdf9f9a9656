"""What goes into the search index and what comes out of a search: the same for every backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from markupsafe import Markup

from search.periods import INTERVALS, Interval

FACETS = ("officials", "topics", "province", "paper", "year")
LABELLED_FACETS = ("officials", "topics")  # counted as facet_key(value, label): an id and its name
KEY_SEP = "\u001f"  # joins a facet value and its label in one term ("id␟name")
Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")
MAX_SIZE = 100
MAX_DEPTH = 10_000  # page * size never reaches past this many hits
MAX_FACET_SIZE = 1000
HIT_TEXT = ("lead", "body")  # left out of a hit's document: a result shows its snippet (`get` has the text)


class Message(str):
    """A message for the user: its text (Vietnamese, the gettext msgid) filled in with `values`.

    It is a plain string everywhere (JSON, logs); the web app translates it from `template` and `values`.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> Message:
        message = super().__new__(cls, template.format(**values) if values else template)
        message.template, message.values = template, values
        return message


class QueryError(ValueError):
    """A request the backends cannot answer as asked (bad parameter); `message` is for the user."""

    def __init__(self, template: str, **values: Any) -> None:
        self.message = Message(template, **values)
        super().__init__(self.message)


class BackendUnavailable(RuntimeError):
    """The search backend cannot be reached."""


@dataclass(slots=True)
class SearchRequest:
    """A search: query text, facet filters (OR within a facet, AND across), dates, order, page."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    page: int = 1
    size: int = 20
    facet_size: int = 20
    with_facets: bool = True
    periods: Interval | None = None  # also count the matches per day, week, month or year (Vietnam time)
    hide_copies: bool = False  # leave out republished copies: one article per duplicate cluster
    official_op: Literal["or", "and"] = "or"  # several officials: any of them (or), all together (and)
    estimate_above: int | None = None  # more matches than this: facets and periods estimated (search.sampling)

    @property
    def all_officials(self) -> bool:
        """Articles must name every filtered official (the officials facet then narrows as values are added)."""
        return self.official_op == "and" and len(self.filters.get("officials", [])) > 0

    def active_facets(self) -> tuple[str, ...]:
        """The facets with a filter value, sorted."""
        return tuple(sorted(f for f, values in self.filters.items() if values))

    def count_sets(self) -> dict[str, tuple[str, ...]]:
        """What each count of the request is made under: the active facets whose filters it obeys. A facet
        counts under the other facets' filters (officials with official_op=and: its own too), the periods
        ("periods") under all of them; only the counts the request asks for."""
        active = self.active_facets()
        sets = {
            facet: tuple(f for f in active if f != facet or (facet == "officials" and self.all_officials))
            for facet in (FACETS if self.with_facets else ())
        }
        return sets | ({"periods": active} if self.periods else {})

    def validate(self) -> None:
        """Raise QueryError on parameters no backend should try."""
        unknown = set(self.filters) - set(FACETS)
        if unknown:
            raise QueryError("Bộ lọc không có: {names}", names=", ".join(sorted(unknown)))
        if self.sort not in SORTS:
            raise QueryError("{name} phải là một trong {values}", name="sort", values=", ".join(SORTS))
        if self.official_op not in ("or", "and"):
            raise QueryError("{name} phải là một trong {values}", name="official_op", values="or, and")
        if not 1 <= self.size <= MAX_SIZE:
            raise QueryError("{name} phải từ {low} đến {high}", name="size", low=1, high=MAX_SIZE)
        if self.page < 1 or self.page * self.size > MAX_DEPTH:
            raise QueryError("page phải từ 1 đến {high} với size {size}", high=MAX_DEPTH // self.size, size=self.size)
        if not 1 <= self.facet_size <= MAX_FACET_SIZE:
            raise QueryError("{name} phải từ {low} đến {high}", name="facet_size", low=1, high=MAX_FACET_SIZE)
        if self.periods is not None and self.periods not in INTERVALS:
            raise QueryError("{name} phải là một trong {values}", name="interval", values=", ".join(INTERVALS))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("date_from ({start}) sau date_to ({end})", start=self.date_from, end=self.date_to)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


@dataclass(slots=True)
class FacetValue:
    value: str
    label: str
    count: int

    @classmethod
    def from_key(cls, facet: str, key: str, count: int) -> FacetValue:
        """A facet value from an engine's facet key: officials and topics are stored as facet_key's
        'value␟label', the others as their value."""
        if facet in LABELLED_FACETS:
            value, _, label = key.partition(KEY_SEP)
            return cls(value, label or value, count)
        return cls(key, key, count)


def facet_key(value: str, label: str) -> str:
    """The one term an engine counts for a labelled facet value (officials, topics): value and label joined."""
    return f"{value}{KEY_SEP}{label}"


@dataclass(slots=True)
class Hit:
    """One matching article: its stored document without its text (HIT_TEXT) and an HTML-safe snippet."""

    doc: dict[str, Any]
    snippet: Markup


def hit_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The document a hit carries: the stored one without its text (HIT_TEXT)."""
    return {key: value for key, value in doc.items() if key not in HIT_TEXT}


@dataclass(slots=True)
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    periods: dict[str, int] = field(default_factory=dict)  # period key → matching articles (request.periods)
    warnings: list[str] = field(default_factory=list)
    estimated_on: int | None = None  # the periods' and whole matches' sample size when they are estimated
    estimated: frozenset[str] = frozenset()  # the facets (and "periods") whose counts are estimates


@dataclass(slots=True)
class PaperCoverage:
    """What the index holds of one paper: articles, by province, first and last publication day, by month."""

    paper: str
    articles: int
    provinces: dict[str, int]  # province → articles (a paper of a merged province has two)
    first_published: date | None  # in Vietnam time
    last_published: date | None
    months: dict[str, int]  # "YYYY-MM" → articles (undated articles are counted in `articles` only)

    @classmethod
    def from_bucket(
        cls, bucket: dict[str, Any], first: date | None, last: date | None, months: dict[str, int]
    ) -> PaperCoverage:
        """One paper from a terms-aggregation bucket (Elasticsearch's and tantivy's shape) with a `provinces`
        sub-aggregation, most articles first; the dates and months already read by the engine's rules."""
        provinces = sorted(bucket["provinces"]["buckets"], key=lambda b: (-b["doc_count"], b["key"]))
        by_province = {b["key"]: b["doc_count"] for b in provinces}
        return cls(bucket["key"], bucket["doc_count"], by_province, first, last, months)


@dataclass(slots=True)
class IndexReport:
    """What a load did: documents written and every document that failed, with the reason."""

    indexed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
