"""The archive of record: fetched pages (pointing into WARC files) and extracted articles, in SQLite.

Articles are upserted by canonical URL. Every change gets a new sequence number, so the indexer can
load only what changed since its last run. Unchanged content changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from archive.article import Article, article_id, normalize_url
from archive.warc import RawResponse, WarcPointer, WarcStore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    warc_file TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    warc_length INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    first_fetched TEXT NOT NULL,
    last_fetched TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    canonical_url TEXT NOT NULL UNIQUE,
    page_url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT,
    data TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class PageRecord:
    """What the archive knows of a fetched URL."""

    url: str
    status: int
    sha256: str
    pointer: WarcPointer
    etag: str | None
    last_modified: str | None
    last_fetched: str


class Archive:
    """SQLite archive of record under a data directory, with raw responses in `warc/`."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "archive.sqlite3"
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.warc = WarcStore(data_dir / "warc")

    def close(self) -> None:
        """Close the WARC writer and the database."""
        self.warc.close()
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- raw pages -------------------------------------------------------------------------------
    def store_page(self, response: RawResponse, fetched_at: datetime | None = None) -> PageRecord:
        """Keep a fetched response; a body identical to the stored one is not written again."""
        fetched_at = fetched_at or datetime.now(UTC)
        url = normalize_url(response.url)
        sha = hashlib.sha256(response.body).hexdigest()
        known = self.page(url)
        headers = {k.lower(): v for k, v in response.headers}
        now = fetched_at.isoformat()
        if known and known.sha256 == sha and known.status == response.status:
            self.db.execute("UPDATE pages SET last_fetched=? WHERE url=?", (now, url))
            return known
        pointer = self.warc.write(response, fetched_at)
        self.db.execute(
            """INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(url) DO UPDATE SET status=excluded.status, sha256=excluded.sha256,
               warc_file=excluded.warc_file, warc_offset=excluded.warc_offset,
               warc_length=excluded.warc_length, etag=excluded.etag,
               last_modified=excluded.last_modified, last_fetched=excluded.last_fetched""",
            (
                url,
                response.status,
                sha,
                pointer.file,
                pointer.offset,
                pointer.length,
                headers.get("etag"),
                headers.get("last-modified"),
                now,
                now,
            ),
        )
        return self.page(url)  # type: ignore[return-value]

    def page(self, url: str) -> PageRecord | None:
        """The stored record of a URL, if it was fetched."""
        row = self.db.execute(
            "SELECT url,status,sha256,warc_file,warc_offset,warc_length,etag,last_modified,last_fetched "
            "FROM pages WHERE url=?",
            (normalize_url(url),),
        ).fetchone()
        if row is None:
            return None
        return PageRecord(row[0], row[1], row[2], WarcPointer(row[3], row[4], row[5]), row[6], row[7], row[8])

    def raw(self, url: str) -> RawResponse | None:
        """The raw response of a fetched URL, read from its WARC record."""
        record = self.page(url)
        return self.warc.read(record.pointer) if record else None

    # -- articles --------------------------------------------------------------------------------
    def upsert(self, article: Article, page_url: str | None = None) -> bool:
        """Insert or update an article by canonical URL; True when something changed."""
        canonical = normalize_url(article.canonical_url)
        row = self.db.execute("SELECT content_hash, data FROM articles WHERE canonical_url=?", (canonical,)).fetchone()
        if row and row[0] == article.content_hash:
            old = json.loads(row[1])
            if all(old.get(k) == v for k, v in article.to_dict().items() if k != "fetched_at"):
                return False
        seq = self._next_seq()
        self.db.execute(
            """INSERT INTO articles (id, canonical_url, page_url, content_hash, published_at, data, seq)
               VALUES (?,?,?,?,?,?,?)
               ON CONFLICT(canonical_url) DO UPDATE SET page_url=excluded.page_url,
               content_hash=excluded.content_hash, published_at=excluded.published_at,
               data=excluded.data, seq=excluded.seq""",
            (
                article_id(canonical),
                canonical,
                normalize_url(page_url or article.url),
                article.content_hash,
                article.published_at.isoformat() if article.published_at else None,
                json.dumps(article.to_dict(), ensure_ascii=False),
                seq,
            ),
        )
        return True

    def _next_seq(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()
        return int(row[0])

    def get(self, article_id_: str) -> Article | None:
        """An article by id."""
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id_,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def page_url_of(self, article_id_: str) -> str | None:
        """The URL of the page an article was extracted from (to find its raw copy)."""
        row = self.db.execute("SELECT page_url FROM articles WHERE id=?", (article_id_,)).fetchone()
        return row[0] if row else None

    def articles(self, since_seq: int = 0, batch: int = 500) -> Iterator[tuple[int, Article]]:
        """Articles changed after a sequence number, in sequence order, with their sequence."""
        last = since_seq
        while True:
            rows = self.db.execute(
                "SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for seq, data in rows:
                yield seq, Article.from_dict(json.loads(data))
            last = rows[-1][0]

    def count(self) -> int:
        """Number of archived articles."""
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def last_seq(self) -> int:
        """The newest sequence number (0 for an empty archive)."""
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
