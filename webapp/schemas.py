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
