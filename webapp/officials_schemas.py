"""What the officials API answers, as pydantic models (response schemas of the OpenAPI document)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_DAY = {"format": "date"}


class Evidence(BaseModel):
    id: str = Field(description="Article id (/api/v1/articles/{id}).")
    published: str | None = Field(json_schema_extra=_DAY)
    title: str = Field(description="The title as this article printed it.")


class TitleSeen(BaseModel):
    title: str
    first_seen: str | None = Field(json_schema_extra=_DAY)
    last_seen: str | None = Field(json_schema_extra=_DAY)


class TitleSpan(TitleSeen):
    articles: list[str] = Field(description="Ids of the articles giving the title, oldest first.")
    evidence: list[Evidence]


class OfficialSummary(BaseModel):
    id: str
    name: str
    province: str = Field(description="Province, or 'Trung ương' for a national official.")
    national: bool
    main_title: str
    article_count: int
    first_seen: str | None = Field(json_schema_extra=_DAY)
    last_seen: str | None = Field(json_schema_extra=_DAY)
    titles: list[TitleSeen]


class Holder(OfficialSummary):
    held: TitleSpan = Field(description="The span of the asked title, with the articles that show it.")


class OfficialEntry(OfficialSummary):
    held: TitleSpan | None = Field(None, description="With `date`: the span of `title`, with its evidence.")


class WhoHeld(BaseModel):
    holders: list[Holder] = Field(description="Who held the title then, most recently seen first.")
    before: list[Holder] = Field(description="With no holder: the nearest known holders before, latest first.")
    after: list[Holder] = Field(description="With no holder: the nearest known holders after, earliest first.")


class TitleSuggestions(BaseModel):
    titles: list[str] = Field(description="Known titles as most often printed, most held first.")


class Quote(BaseModel):
    text: str
    kind: str = Field(description="direct | indirect")
    article_id: str
    published: str | None = Field(json_schema_extra=_DAY)
    sentence: str = ""


class CoMention(BaseModel):
    id: str
    name: str
    count: int = Field(description="Articles naming both.")


class TopicCount(BaseModel):
    slug: str
    count: int


class OfficialProfile(BaseModel):
    """One official's profile (more fields may be present)."""

    model_config = ConfigDict(extra="allow")

    id: str
    name: str
    province: str
    national: bool
    main_title: str
    titles: list[TitleSpan]
    mentions_by_month: dict[str, int]
    co_mentions: list[CoMention]
    topics: list[TopicCount]
    quotes: list[Quote] = Field(description="Newest first.")
    aliases: list[str]
    article_count: int
    first_seen: str | None = Field(json_schema_extra=_DAY)
    last_seen: str | None = Field(json_schema_extra=_DAY)
