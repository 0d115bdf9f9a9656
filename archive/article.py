"""The article model: one record shape from the crawler through the archive to the index."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from vntext.dates import VIETNAM_TZ

__all__ = ["VIETNAM_TZ", "Article", "Image", "article_id", "normalize_url", "to_vietnam_time"]
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "zarsrc")


@dataclass(slots=True)
class Image:
    """An image of an article with its caption (figcaption or alt text)."""

    src: str
    caption: str = ""


@dataclass(slots=True)
class Article:
    """A clean article as extracted from one fetched page."""

    url: str
    canonical_url: str
    paper: str
    province: str
    title: str
    body: str
    lead: str = ""
    section: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    author: str = ""
    images: list[Image] = field(default_factory=list)
    language: str = "vi"
    fetched_at: datetime | None = None

    @property
    def id(self) -> str:
        """Stable id: a hash of the normalized canonical URL."""
        return article_id(self.canonical_url)

    @property
    def content_hash(self) -> str:
        """Hash of what a reader sees (title, lead, body): equal hashes mean the same content."""
        text = "\n".join((self.title, self.lead, self.body))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict with ISO dates and the derived id and content hash."""
        data = asdict(self)
        for name in ("published_at", "updated_at", "fetched_at"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        data["id"] = self.id
        data["content_hash"] = self.content_hash
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of to_dict (derived keys are ignored)."""
        values = {k: v for k, v in data.items() if k not in ("id", "content_hash")}
        for name in ("published_at", "updated_at", "fetched_at"):
            if values.get(name):
                values[name] = datetime.fromisoformat(values[name])
        values["images"] = [Image(**img) for img in values.get("images") or []]
        return cls(**values)


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, drop fragments, tracking parameters and a trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PARAMS)
        )
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def article_id(url: str) -> str:
    """Id of an article: the first 20 hex digits of the SHA-1 of its normalized URL."""
    return hashlib.sha1(normalize_url(url).encode("utf-8")).hexdigest()[:20]


def to_vietnam_time(value: datetime) -> datetime:
    """Make a datetime timezone-aware in Vietnam time (naive values are taken as Vietnam local time)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=VIETNAM_TZ)
    return value.astimezone(VIETNAM_TZ)
