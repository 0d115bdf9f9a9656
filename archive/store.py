"""The archive of record: fetched pages (pointing into WARC files) and extracted articles, in SQLite.

Articles are upserted by canonical URL. Every change gets a new sequence number, so the indexer can
load only what changed since its last run. Unchanged content changes nothing. Each article belongs to a
duplicate cluster (see archive.duplicates); a changed cluster id also gets a new sequence number.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from archive.article import Article, article_id, normalize_url
from archive.locks import RunLock, archive_lock
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
CREATE INDEX IF NOT EXISTS articles_page ON articles(page_url);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signatures (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    signature BLOB NOT NULL
);
"""
_MIGRATIONS = {"cluster_id": "ALTER TABLE articles ADD COLUMN cluster_id TEXT"}


class ArchiveWriteError(OSError):
    """The archive could not be written (disk full, file too large, database error): the run must stop."""


@dataclass(frozen=True, slots=True)
class PageState:
    """What a crawl needs to know of a URL before fetching it again."""

    last_fetched: datetime
    etag: str | None
    last_modified: str | None
    is_article: bool


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
    """SQLite archive of record under a data directory, with raw responses in `warc/`.

    A writer (the default) holds the archive's lock (archive.locks) from open to close: only it may repair
    or append WARC files; a second writer gets LockHeld (after `lock_wait` seconds). A reader
    (`readonly=True`: the web app, exports, the indexer) takes no lock, opens the database read-only and
    never touches the WARC files, so it can read while a crawl writes.
    """

    def __init__(self, data_dir: Path, *, readonly: bool = False, lock_wait: float = 0.0) -> None:
        self.path = data_dir / "archive.sqlite3"
        self.readonly = readonly
        self.write_error: ArchiveWriteError | None = None  # the first write that failed, if any
        self._lock: RunLock | None = None
        if readonly:
            if not self.path.is_file():
                raise FileNotFoundError(f"no archive in {data_dir} (run `newsarchive crawl` first)")
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            self.warc = WarcStore(data_dir / "warc", readonly=True)
            return
        data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = archive_lock(data_dir, lock_wait).acquire()
        try:
            self._open_writer(data_dir)
        except BaseException:
            self._lock.release()
            raise

    def _open_writer(self, data_dir: Path) -> None:
        """Open (or create) the database for writing and the WARC store, which repairs a killed run's file."""
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._migrate()
        self.warc = WarcStore(data_dir / "warc")

    def _migrate(self) -> None:
        """Add the columns that archives made by older versions lack."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        for column, statement in _MIGRATIONS.items():
            if column not in columns:
                self.db.execute(statement)

    def close(self) -> None:
        """Close the WARC writer and the database, then release the writer's lock."""
        try:
            self.warc.close()
            self.db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Roll back and raise ArchiveWriteError (kept in `write_error`) when a write fails."""
        try:
            yield
        except (OSError, sqlite3.OperationalError) as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            error = ArchiveWriteError(
                f"cannot {what} in the archive {self.path.parent}: {exc} (disk full?); what was archived before "
                "is kept whole: make room and run again"
            )
            self.write_error = self.write_error or error
            raise error from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes that stand or fall together (a page and the article extracted from it).

        Without it, a page stored whose article then failed (disk full) would look fetched, and the next
        crawl's conditional request would never bring its article back.
        """
        if self.db.in_transaction:
            yield
            return
        with self._writing("begin a transaction"):
            self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        with self._writing("commit"):
            self.db.execute("COMMIT")

    # -- raw pages -------------------------------------------------------------------------------
    def store_page(self, response: RawResponse, fetched_at: datetime | None = None) -> PageRecord:
        """Keep a fetched response; a body identical to the stored one is not written again."""
        fetched_at = fetched_at or datetime.now(UTC)
        url = normalize_url(response.url)
        sha = hashlib.sha256(response.body).hexdigest()
        known = self.page(url)
        headers = {k.lower(): v for k, v in response.headers}
        now = fetched_at.isoformat()
        with self._writing(f"store {url}"):
            if known and known.sha256 == sha and known.status == response.status:
                self.db.execute("UPDATE pages SET last_fetched=? WHERE url=?", (now, url))
                return known
            pointer = self.warc.write(response, fetched_at)
            self._insert_page(url, response.status, sha, pointer, headers, now)
        return self.page(url)  # type: ignore[return-value]

    def _insert_page(
        self, url: str, status: int, sha: str, pointer: WarcPointer, headers: dict[str, str], now: str
    ) -> None:
        self.db.execute(
            """INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(url) DO UPDATE SET status=excluded.status, sha256=excluded.sha256,
               warc_file=excluded.warc_file, warc_offset=excluded.warc_offset,
               warc_length=excluded.warc_length, etag=excluded.etag,
               last_modified=excluded.last_modified, last_fetched=excluded.last_fetched""",
            (
                url,
                status,
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

    def page_state(self, url: str) -> PageState | None:
        """Freshness of a fetched URL (for conditional requests), None if never fetched."""
        row = self.db.execute(
            "SELECT p.last_fetched, p.etag, p.last_modified, "
            "EXISTS(SELECT 1 FROM articles a WHERE a.page_url = p.url) FROM pages p WHERE p.url=?",
            (normalize_url(url),),
        ).fetchone()
        if row is None:
            return None
        return PageState(datetime.fromisoformat(row[0]), row[1], row[2], bool(row[3]))

    def touch_page(self, url: str, fetched_at: datetime | None = None) -> None:
        """Record that a URL was checked and had not changed (HTTP 304)."""
        now = (fetched_at or datetime.now(UTC)).isoformat()
        with self._writing(f"update {url}"):
            self.db.execute("UPDATE pages SET last_fetched=? WHERE url=?", (now, normalize_url(url)))

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
        with self._writing(f"store the article {canonical}"):
            self._insert_article(article, canonical, page_url)
        return True

    def _insert_article(self, article: Article, canonical: str, page_url: str | None) -> None:
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

    def count(self, since_seq: int = 0) -> int:
        """Number of archived articles (changed after a sequence number)."""
        return int(self.db.execute("SELECT COUNT(*) FROM articles WHERE seq > ?", (since_seq,)).fetchone()[0])

    # -- duplicate clusters ------------------------------------------------------------------------
    def cluster_of(self, article_id_: str) -> str:
        """The cluster id of an article (its own id until clusters are assigned); KeyError if unknown."""
        row = self.db.execute("SELECT COALESCE(cluster_id, id) FROM articles WHERE id=?", (article_id_,)).fetchone()
        if row is None:
            raise KeyError(article_id_)
        return str(row[0])

    def cluster_keys(self) -> list[tuple[str, str, str | None]]:
        """(id, content hash, published_at) of every article."""
        return self.db.execute("SELECT id, content_hash, published_at FROM articles").fetchall()

    def set_clusters(self, clusters: dict[str, str]) -> int:
        """Store article id → cluster id; a changed (not first) assignment gets a new sequence number."""
        changed = 0
        with self._writing("store duplicate clusters"):
            self.db.execute("BEGIN")
            changed = self._update_clusters(clusters)
            self.db.execute("COMMIT")
        return changed

    def _update_clusters(self, clusters: dict[str, str]) -> int:
        changed = 0
        for article_id_, cluster in clusters.items():
            row = self.db.execute("SELECT cluster_id FROM articles WHERE id=?", (article_id_,)).fetchone()
            if row is None or row[0] == cluster:
                continue
            if row[0] is None:
                self.db.execute("UPDATE articles SET cluster_id=? WHERE id=?", (cluster, article_id_))
            else:
                seq = self._next_seq()
                self.db.execute("UPDATE articles SET cluster_id=?, seq=? WHERE id=?", (cluster, seq, article_id_))
            changed += 1
        return changed

    def signatures(self) -> dict[str, tuple[str, bytes]]:
        """Stored near-duplicate signatures: article id → (content hash it was computed from, bytes)."""
        rows = self.db.execute("SELECT id, content_hash, signature FROM signatures").fetchall()
        return {row[0]: (row[1], bytes(row[2])) for row in rows}

    def save_signatures(self, signatures: dict[str, tuple[str, bytes]]) -> None:
        """Store signatures computed for articles (article id → (content hash, bytes))."""
        with self._writing("store near-duplicate signatures"):
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT OR REPLACE INTO signatures VALUES (?,?,?)",
                [(id_, content_hash, sig) for id_, (content_hash, sig) in signatures.items()],
            )
            self.db.execute("COMMIT")

    def last_seq(self) -> int:
        """The newest sequence number (0 for an empty archive)."""
        return int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
