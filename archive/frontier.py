"""The crawl frontier, kept on disk beside the archive so that a killed crawl resumes where it stopped.

Every URL a crawl schedules is written here (pending) before it is requested and marked done once its
response was archived. A crawl that ends normally clears the frontier; a crawl that finds one left over
(the last run was killed) resumes: it requests only the pending URLs and never refetches the listings,
sitemaps and feeds the interrupted run already fetched.

It also remembers, across crawls, the images found too large to archive (their fetch was cut off), so
that no later crawl downloads them again while the size limit stays below their size.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS frontier (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    callback TEXT NOT NULL,
    meta TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS oversized (
    url TEXT PRIMARY KEY,
    size INTEGER NOT NULL
);
"""
FILE_NAME = "frontier.sqlite3"


@dataclass(frozen=True, slots=True)
class Entry:
    """A URL still to fetch: which site, which spider callback, the request meta worth keeping."""

    url: str
    site: str
    callback: str
    meta: dict


class Frontier:
    """Pending and done URLs of the current (or interrupted) crawl, in `<data dir>/frontier.sqlite3`."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(data_dir / FILE_NAME, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        rows = self.db.execute("SELECT url, done FROM frontier").fetchall()
        self.known = {url for url, _ in rows}
        self.finished = {url for url, done in rows if done}
        self.resuming = bool(rows)

    def add(self, url: str, site: str, callback: str, meta: dict) -> bool:
        """Record a URL about to be requested; False when this crawl already knows it."""
        if url in self.known:
            return False
        self.known.add(url)
        self.db.execute(
            "INSERT OR IGNORE INTO frontier (url, site, callback, meta) VALUES (?,?,?,?)",
            (url, site, callback, json.dumps(meta, ensure_ascii=False)),
        )
        return True

    def done(self, url: str) -> None:
        """Mark a URL fetched and archived (or failed for good)."""
        if url not in self.finished:
            self.finished.add(url)
            self.db.execute("UPDATE frontier SET done=1 WHERE url=?", (url,))

    def is_done(self, url: str) -> bool:
        return url in self.finished

    def pending(self) -> Iterator[Entry]:
        """The URLs an interrupted crawl had scheduled but not finished, in the order it found them."""
        rows = self.db.execute("SELECT url, site, callback, meta FROM frontier WHERE done=0 ORDER BY rowid")
        for url, site, callback, meta in rows.fetchall():
            yield Entry(url, site, callback, json.loads(meta))

    def oversized(self, url: str, limit: int) -> bool:
        """Whether an earlier crawl found this URL larger than `limit` bytes (kept across crawls)."""
        row = self.db.execute("SELECT size FROM oversized WHERE url=?", (url,)).fetchone()
        return row is not None and row[0] > limit

    def remember_oversized(self, url: str, size: int) -> None:
        """Record that a URL's body is at least `size` bytes, over the limit it was fetched with."""
        self.db.execute("INSERT OR REPLACE INTO oversized (url, size) VALUES (?,?)", (url, size))

    def clear(self) -> None:
        """Forget the crawl's URLs: it ended normally (the oversized images stay remembered)."""
        self.db.execute("DELETE FROM frontier")
        self.known.clear()
        self.finished.clear()
        self.resuming = False

    def close(self) -> None:
        self.db.close()
