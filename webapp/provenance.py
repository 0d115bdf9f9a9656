"""Where an article's archived copy came from: the WARC record, its capture date, the images the crawl kept.

Read-only: the archive's SQLite file is opened with mode=ro and WARC records are read by pointer, so a
reader never repairs, locks or writes anything a running crawl owns.
"""

from __future__ import annotations

import base64
import io
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from flask import url_for
from warcio.archiveiterator import ArchiveIterator

from archive.article import normalize_url
from archive.warc import RawResponse

MAX_INLINE_IMAGE = 2 * 1024 * 1024  # bytes: larger archived images are shown as placeholders
HEADER_BYTES = 8192  # enough of a gzipped record to read its WARC headers


@dataclass(frozen=True, slots=True)
class Provenance:
    """The WARC record an article was extracted from."""

    fetched_url: str
    status: int
    captured_at: datetime | None  # WARC-Date of the record (UTC)
    record_id: str | None  # WARC-Record-ID, e.g. <urn:uuid:...>
    warc_file: str
    warc_offset: int
    warc_length: int
    last_checked: datetime  # the last time the crawler found the page unchanged or fetched it


def _record(path: Path, offset: int, length: int, head_only: bool = False) -> tuple[dict[str, str], RawResponse]:
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(min(length, HEADER_BYTES) if head_only else length)
    record = next(iter(ArchiveIterator(io.BytesIO(data))))
    headers = dict(record.rec_headers.headers)
    if head_only:
        return headers, RawResponse(headers.get("WARC-Target-URI", ""), 0, [], b"")
    http = record.http_headers
    body = record.content_stream().read()
    return headers, RawResponse(headers.get("WARC-Target-URI", ""), int(http.get_statuscode() or 0), http.headers, body)


def _utc(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


class ArchiveReader:
    """Read-only access to the archive of record under a data dir (a no-op reader when there is none)."""

    def __init__(self, data_dir: Path) -> None:
        self.warc_dir = data_dir / "warc"
        path = data_dir / "archive.sqlite3"
        self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) if path.exists() else None

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()

    def _page(self, url: str) -> tuple | None:
        if self.db is None:
            return None
        return self.db.execute(
            "SELECT url, status, warc_file, warc_offset, warc_length, last_fetched FROM pages WHERE url=?", (url,)
        ).fetchone()

    def _page_of(self, article_id: str) -> tuple | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT page_url FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._page(row[0]) if row else None

    def provenance(self, article_id: str) -> Provenance | None:
        """The WARC record of an article's page, None when the archive does not hold it."""
        row = self._page_of(article_id)
        if row is None:
            return None
        url, status, file, offset, length, last = row
        try:
            headers, _ = _record(self.warc_dir / file, offset, length, head_only=True)
        except (OSError, StopIteration, ValueError):
            headers = {}
        captured = _utc(headers.get("WARC-Date"))
        record_id = headers.get("WARC-Record-ID")
        return Provenance(url, status, captured, record_id, file, offset, length, _utc(last) or captured)  # type: ignore[arg-type]

    def raw(self, article_id: str) -> RawResponse | None:
        """The response an article was extracted from."""
        row = self._page_of(article_id)
        if row is None:
            return None
        try:
            return _record(self.warc_dir / row[2], row[3], row[4])[1]
        except (OSError, StopIteration, ValueError):
            return None

    def image_data_uri(self, page_url: str, src: str) -> str | None:
        """An image of the page as a data: URI when the crawl archived it (status 200, an image type)."""
        if not src or src.startswith("data:"):
            return None
        row = self._page(normalize_url(urljoin(page_url, src)))
        if row is None or row[1] != 200 or row[4] > MAX_INLINE_IMAGE * 2:
            return None
        try:
            response = _record(self.warc_dir / row[2], row[3], row[4])[1]
        except (OSError, StopIteration, ValueError):
            return None
        kind = next((v for k, v in response.headers if k.lower() == "content-type"), "").split(";")[0].strip()
        if not kind.startswith("image/") or kind == "image/svg+xml" or len(response.body) > MAX_INLINE_IMAGE:
            return None
        return f"data:{kind};base64,{base64.b64encode(response.body).decode('ascii')}"


def provenance(data_dir: Path, article_id: str) -> Provenance | None:
    """The WARC record of one article (see ArchiveReader.provenance)."""
    with ArchiveReader(data_dir) as reader:
        return reader.provenance(article_id)


def with_provenance(docs: Iterable[dict[str, Any]], data_dir: Path) -> Iterator[dict[str, Any]]:
    """Documents with `permalink`, `archived_url` (absolute, this site) and `captured_at` (ISO, UTC) added.

    Call inside a request (the URLs are built with url_for); the archive is read once per export.
    """
    with ArchiveReader(data_dir) as reader:
        for doc in docs:
            record = reader.provenance(doc["id"])
            yield {
                **doc,
                "permalink": url_for("articles.article_page", doc_id=doc["id"], _external=True),
                "archived_url": url_for("articles.archived_copy", doc_id=doc["id"], _external=True),
                "captured_at": record.captured_at.isoformat() if record and record.captured_at else None,
            }
