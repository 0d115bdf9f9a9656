"""Request parameters, defined once: pydantic models validate every request and describe it in the OpenAPI document.

A model's fields are the query-string parameters; `parse(Model, request.args)` gives a validated instance or
raises QueryError with a message of the catalogue (`webapp/messages.py`). Every text value is normalised
as documents are (`vntext.tidy`: look-alike letters repaired, NFC, spaces collapsed), so decomposed (NFD)
input finds what composed input finds; integers are ASCII digits only; dates lie within MIN_DATE..MAX_DATE;
repeated values are de-duplicated and capped. docs/webapp.md tells how to add a parameter or an endpoint.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, TypeVar, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError
from werkzeug.datastructures import MultiDict

from search.model import FACETS, MAX_FACET_SIZE, MAX_SIZE, QueryError, SearchRequest
from vntext import tidy
from webapp import messages
from webapp.backend import estimate_above

# query-string parameter → facet it filters on
FILTER_PARAMS = {"official": "officials", "topic": "topics", "province": "province", "paper": "paper", "year": "year"}
PARAM_OF_FACET = {facet: param for param, facet in FILTER_PARAMS.items()}
MAX_INT_DIGITS = 9
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2099, 12, 31)  # publication dates a search may name
MAX_VALUES_PER_FILTER = 20  # distinct values of one filter (official=…&official=…)
MAX_FILTER_VALUES = 50  # distinct filter values of one request, all filters together
MAX_VALUE_CHARS = 200  # one filter value (names, slugs, years)
MAX_TEXT_CHARS = 2000  # a free-text parameter (q is cut further, with a warning, by the query parser)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_INT = re.compile(rf"[0-9]{{1,{MAX_INT_DIGITS}}}")


def normalise(text: str) -> str:
    """One normalisation for every text input: control characters dropped, then `vntext.tidy`."""
    return tidy(_CONTROL.sub("", text))


def _text(value: Any) -> str:
    return normalise(str(value))[:MAX_TEXT_CHARS]


def _int(value: Any) -> Any:
    """ASCII digits only ('²', '٣', '--1', '1e3', ' 1' are refused); the range is checked by the field."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raw = str(value).strip()
    if not _ASCII_INT.fullmatch(raw):
        raise PydanticCustomError("whole_number", messages.NOT_AN_INTEGER, {"value": raw[:20]})
    return int(raw)


def _flag(value: Any) -> bool:
    raw = str(value).strip().lower()
    if raw in ("0", "false"):
        return False
    if raw in ("1", "true", "on"):
        return True
    raise PydanticCustomError("flag", messages.NOT_A_FLAG, {"value": raw[:20]})


def _date(value: Any) -> date:
    raw = str(value).strip()
    try:
        day = date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise PydanticCustomError("day", messages.NOT_A_DATE, {"value": raw[:20]})
    if not MIN_DATE <= day <= MAX_DATE:
        raise PydanticCustomError(
            "day_range", messages.DATE_OUT_OF_RANGE, {"value": raw, "low": MIN_DATE, "high": MAX_DATE}
        )
    return day


def _values(value: Any) -> list[str]:
    """Repeated values: normalised, empty ones dropped, duplicates removed (first kept), at most the cap."""
    seen: dict[str, None] = {}
    for item in value if isinstance(value, list) else [value]:
        text = normalise(str(item))
        if len(text) > MAX_VALUE_CHARS:
            raise PydanticCustomError("value_length", messages.VALUE_TOO_LONG, {"high": MAX_VALUE_CHARS})
        if text:
            seen[text] = None
    if len(seen) > MAX_VALUES_PER_FILTER:
        raise PydanticCustomError("too_many", messages.TOO_MANY_VALUES, {"high": MAX_VALUES_PER_FILTER})
    return list(seen)


Text = Annotated[str, BeforeValidator(_text)]
Int = Annotated[int, BeforeValidator(_int)]
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "integer", "enum": [0, 1]})]
Day = Annotated[
    date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "description": f"{MIN_DATE} to {MAX_DATE}."}),
]
Values = Annotated[list[str], BeforeValidator(_values)]


class Params(BaseModel):
    """Base of every parameter model: unknown parameters are ignored, values are checked as typed."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    lang: str = Field("", description="en: messages (and pages) in English; anything else: Vietnamese.")


class FilterParams(Params):
    """Query text, facet filters and dates: what every search, export, feed and count takes."""

    q: Text = Field("", description='Words (all must match), "phrases", -exclusion, OR. Diacritics optional.')
    official: Values = Field([], description="Official id, e.g. pham-bach-dang--ca-mau. Repeat for several (OR).")
    topic: Values = Field([], description="Topic slug, e.g. cai-cach-hanh-chinh. Repeat for several (OR).")
    province: Values = Field([], description="Province name, e.g. Cà Mau. Repeat for several (OR).")
    paper: Values = Field([], description="Newspaper name. Repeat for several (OR).")
    year: Values = Field([], description="Publication year, e.g. 2017. Repeat for several (OR).")
    date_from: Day | None = Field(None, description="First publication day (Vietnam time).")
    date_to: Day | None = Field(None, description="Last publication day (Vietnam time).")
    sort: Literal["relevance", "newest", "oldest"] = Field("relevance", description="Order of the hits.")
    hide_copies: Flag = Field(False, description="1: one article per republished story.")
    official_op: Literal["or", "and"] = Field(
        "or", description="With several `official`: or = articles naming any of them, and = naming all of them."
    )

    def filters(self, fixed: dict[str, str] | None = None) -> dict[str, list[str]]:
        """Facet → values; `fixed` is the filter the page itself stands for (e.g. a topic page)."""
        chosen = {facet: list(getattr(self, param)) for param, facet in FILTER_PARAMS.items()}
        for facet, value in (fixed or {}).items():
            chosen[facet] = [value]
        if sum(len(v) for v in chosen.values()) > MAX_FILTER_VALUES:
            raise QueryError(messages.TOO_MANY_FILTERS, high=MAX_FILTER_VALUES)
        return {k: v for k, v in chosen.items() if v and k in FACETS}

    def search_request(self, fixed: dict[str, str] | None = None, **extra: Any) -> SearchRequest:
        """The validated SearchRequest of these parameters (page and size from `extra` or the model)."""
        request = SearchRequest(
            q=self.q,
            filters=self.filters(fixed),
            date_from=self.date_from,
            date_to=self.date_to,
            sort=self.sort,
            hide_copies=self.hide_copies,
            official_op=self.official_op,
            **extra,
        )
        request.validate()
        return request


class SearchParams(FilterParams):
    """A page of hits: the search page, the API's /search, feeds."""

    page: Int = Field(1, ge=1, description="Result page; page × size stays within 10,000.")
    size: Int = Field(20, ge=1, le=MAX_SIZE, description="Hits per page.")
    facet_size: Int = Field(20, ge=1, le=MAX_FACET_SIZE, description="Values per facet.")
    exact: Flag = Field(
        False,
        description="1: count the facets of a search matching very many articles exactly (slower). Without it, "
        "a search matching more than NEWSARCHIVE_FACET_ESTIMATE_ABOVE articles (20,000 by default) estimates its "
        "facet counts on a fixed sample and says so in `facets_estimated_on`; total and hits are always exact.",
    )

    def search_request(
        self, fixed: dict[str, str] | None = None, estimate_above: int | None = None, **extra: Any
    ) -> SearchRequest:
        """`estimate_above`: the app's limit (webapp.backend.estimate_above), unless the caller asked `exact`."""
        sizes = {"page": self.page, "size": self.size, "facet_size": self.facet_size, **extra}
        return super().search_request(fixed, estimate_above=None if self.exact else estimate_above, **sizes)


class ExportParams(FilterParams):
    """The whole result set of a search as a file."""

    format: Literal["csv", "jsonl"] = Field("csv", description="csv (UTF-8 with BOM) or jsonl.")


class AttentionParams(FilterParams):
    """Attention over time: the search filters plus the width of a period and the answer's format."""

    interval: Literal["day", "week", "month", "year"] = Field(
        "month", description="Width of one period (weeks start on Monday; Vietnam time)."
    )
    format: Literal["json", "csv", "svg"] = Field("json", description="json, csv (UTF-8 with BOM) or svg (a chart).")
    measure: Literal["count", "share"] = Field("count", description="What csv columns and the svg chart show.")


class CompareParams(AttentionParams):
    """Several queries (q=…&q=…, at most 5) under the same filters."""

    q: Values = Field(..., min_length=1, max_length=5, description="A query (repeat for up to 5).")  # type: ignore[assignment]

    def search_request(self, fixed: dict[str, str] | None = None, **extra: Any) -> SearchRequest:
        """The filters' request without a query (compare() sets each query in turn)."""
        request = SearchRequest(
            filters=self.filters(fixed),
            date_from=self.date_from,
            date_to=self.date_to,
            hide_copies=self.hide_copies,
            **extra,
        )
        request.validate()
        return request


class CiteParams(Params):
    """A citation style."""

    style: Literal["apa", "chicago", "bibtex", "ris", "csl-json"] = Field("apa", description="Citation style.")
    download: Flag = Field(False, description="1: as a file to save (Content-Disposition: attachment).")


class OfficialsParams(Params):
    """The officials directory and the API's /officials: by name, province, title and date."""

    q: Text = Field("", description="Name or part of it, diacritics optional.")
    province: Text = Field("", description="Province name.")
    title: Text = Field("", description="Title, e.g. Chủ tịch UBND tỉnh (abbreviations ok).")
    date: Text = Field(
        "",
        description="A day (2017-06-12) or a year (2017): who held `title` then (title required).",
        json_schema_extra={"pattern": r"^\d{4}(-\d{2}-\d{2})?$"},
    )


M = TypeVar("M", bound=Params)


def _is_list(model: type[Params], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return get_origin(annotation) is list or annotation is list


def raw_values(model: type[Params], args: MultiDict) -> dict[str, Any]:
    """The query string as the model's input: lists for repeated fields, empty values left to the defaults."""
    data: dict[str, Any] = {}
    for name in model.model_fields:
        if _is_list(model, name):
            if values := [v for v in args.getlist(name) if v]:
                data[name] = values
        elif (value := args.get(name, "")).strip():
            data[name] = value
    return data


def parse(model: type[M], args: MultiDict, **overrides: Any) -> M:
    """A validated model of these request arguments; QueryError (one message of the catalogue) otherwise."""
    try:
        return model.model_validate({**raw_values(model, args), **overrides})
    except ValidationError as exc:
        raise messages.query_error(exc) from None


def search_request(
    args: MultiDict, *, size: int = 20, facet_size: int = 20, fixed: dict[str, str] | None = None
) -> SearchRequest:
    """The SearchRequest of a search page or API call (`fixed`: the filter the page itself stands for)."""
    params = parse(SearchParams, args)
    defaults = {k: v for k, v in (("size", size), ("facet_size", facet_size)) if not args.get(k, "").strip()}
    return params.model_copy(update=defaults).search_request(fixed, estimate_above())
