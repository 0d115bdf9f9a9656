"""What the API answers, as pydantic models: the response schemas of the OpenAPI document.

The views build plain dicts (webapp/api.py); these models describe them, and the schemathesis suite
(tests/test_api_fuzz.py) checks every answer against them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from search.model import FACETS


class Error(BaseModel):
    error: str = Field(description="What was wrong, in the language asked for (?lang=en), else Vietnamese.")


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class Hit(BaseModel):
    id: str
    url: str
    title: str
    paper: str
    province: str
    published: str | None = Field(json_schema_extra={"format": "date-time"})
    snippet: str = Field(description="HTML: escaped text, matched words in <mark>.")
    officials: list[str] = Field(description="Names.")
    topics: list[str] = Field(description="Topic slugs.")


class SearchResult(BaseModel):
    model_config = ConfigDict(json_schema_extra={"properties": {"facets": {"propertyNames": {"enum": list(FACETS)}}}})

    total: int = Field(ge=0)
    page: int = Field(ge=1)
    size: int = Field(ge=1)
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = Field(description="Facet (" + ", ".join(FACETS) + ") → counted values.")
    facets_estimated_on: int | None = Field(
        None,
        description="Set when the counts over the whole matches are estimates: how many sampled matching articles "
        "they were counted on (a fixed sample, the same on every call; exact=1 counts them all). Null: exact.",
    )
    facets_estimated: list[str] = Field(
        default_factory=list,
        description="The facets whose counts are estimates: each facet is counted under the other facets' filters, "
        "on the fixed sample when those match many articles, so a narrow search can still estimate a facet.",
    )
    warnings: list[str] = Field(description="What was changed in the request to answer it (cut query, unknown values).")


class ArticleOfficial(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    titles: list[str] = []


class Image(BaseModel):
    model_config = ConfigDict(extra="allow")

    src: str
    caption: str | None = None


class Article(BaseModel):
    """The stored document (more fields may be present)."""

    model_config = ConfigDict(extra="allow")

    id: str
    url: str
    canonical_url: str | None = None
    paper: str
    province: str
    section: str | None = None
    title: str
    lead: str | None = None
    body: str | None = None
    author: str | None = None
    published: str | None = Field(json_schema_extra={"format": "date-time"})
    year: str | None = None
    month: str | None = None
    officials: list[ArticleOfficial]
    topics: list[str]
    topic_names: list[str] = []
    images: list[Image] = []


# The officials' answers: webapp/officials_schemas.py


class Period(BaseModel):
    period: str = Field(description="2016-01-05 (day), 2016-01-04 (the Monday of a week), 2016-01, 2016.")
    count: int = Field(ge=0, description="Articles matching the search.")
    total: int = Field(ge=0, description="Every article of the selected papers, provinces and years.")
    share: float = Field(ge=0, le=1, description="count / total (0 when total is 0).")


class Attention(BaseModel):
    interval: str
    series: list[Period] = Field(description="Every period from date_from (or the first match) to date_to (or last).")


class ComparedQuery(BaseModel):
    q: str
    total: int = Field(ge=0)
    series: list[Period]


class Comparison(BaseModel):
    interval: str
    queries: list[ComparedQuery]


class CoverageAlert(BaseModel):
    month: str
    count: int = Field(ge=0)
    trailing_median: float
    kind: str = Field(description="gap (nothing archived) or drop (far below the trailing median).")


class PaperCoverage(BaseModel):
    id: str
    name: str
    province: str | None = Field(description="The province most of its articles are filed under.")
    provinces: dict[str, int]
    articles: int = Field(ge=0)
    undated: int = Field(ge=0)
    first_published: str | None = Field(json_schema_extra={"format": "date"})
    last_published: str | None = Field(json_schema_extra={"format": "date"})
    months: dict[str, int] = Field(description="YYYY-MM → articles, every month from the first to the last.")
    alerts: list[CoverageAlert]
