"""Sitemaps read as a stream: sitemap indexes, urlsets and Google News sitemaps, gzipped or not.

A sitemap of 100,000+ URLs is parsed element by element (lxml iterparse, each entry cleared once read),
so memory stays flat whatever its size.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # bytes a gzipped sitemap may inflate to


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One <sitemap> (a child sitemap of an index) or <url> entry."""

    is_sitemap: bool
    loc: str
    lastmod: datetime | None


def _lastmod(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _inflate(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    out, size = [], 0
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        while chunk := fh.read(1 << 20):
            size += len(chunk)
            if size > MAX_UNCOMPRESSED:
                raise ValueError("gzipped sitemap inflates past the size limit")
            out.append(chunk)
    return b"".join(out)


def iter_sitemap(body: bytes) -> Iterator[SitemapEntry]:
    """The entries of a sitemap body, in document order; ValueError when it is not a sitemap."""
    try:
        data = _inflate(body)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"unreadable gzip: {exc}") from exc
    events = etree.iterparse(io.BytesIO(data), events=("end",), recover=True, resolve_entities=False, huge_tree=True)
    seen_root = False
    try:
        for _, element in events:
            tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if tag in ("url", "sitemap"):
                seen_root = True
                loc = lastmod = None
                for child in element:
                    name = etree.QName(child).localname if isinstance(child.tag, str) else ""
                    if name == "loc":
                        loc = (child.text or "").strip()
                    elif name == "lastmod":
                        lastmod = child.text
                if loc:
                    yield SitemapEntry(tag == "sitemap", loc, _lastmod(lastmod))
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
            elif tag in ("urlset", "sitemapindex"):
                seen_root = True
    except etree.XMLSyntaxError as exc:
        if not seen_root:
            raise ValueError(f"not a sitemap: {exc}") from exc
    if not seen_root:
        raise ValueError("not a sitemap: no <urlset> or <sitemapindex>")
