"""Where the tantivy backend keeps its index: generations of the index, the live one named in a file.

`<data_dir>/tantivy/` holds one directory per build (`gen-<time>-<pid>`), the file `CURRENT` naming the
live one (replaced atomically by a rebuild that finished) and `meta.sqlite3` (official profiles and the
indexer's state, which every generation shares). A reader looks at `CURRENT` on every call, so it moves to
a finished rebuild at once; a rebuild that dies leaves its directory behind, deleted by the next one.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from archive.locks import process_alive
from search.model import BackendUnavailable

CURRENT = "CURRENT"
_META_SCHEMA = """
CREATE TABLE IF NOT EXISTS officials (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def new_generation(root: Path) -> Path:
    """A fresh, empty generation directory, named after this process (`gen-<time>-<pid>`)."""
    path = root / f"gen-{time.time_ns()}-{os.getpid()}"
    path.mkdir(parents=True)
    return path


def live_generation(root: Path) -> Path:
    """The generation `CURRENT` names; BackendUnavailable when there is none or it cannot be read."""
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise BackendUnavailable(f"the search index {root} cannot be read: {exc}") from exc
    if not name.startswith("gen-") or "/" in name:
        raise BackendUnavailable(f"the search index {root} names no index: {name[:80]!r}")
    return root / name


def make_live(root: Path, generation: Path) -> Path | None:
    """Name `generation` in `CURRENT` (one atomic rename); the generation it replaced, if any."""
    try:
        before: Path | None = live_generation(root)
    except BackendUnavailable:
        before = None
    pending = root / f"{CURRENT}.{os.getpid()}"
    pending.write_text(generation.name, encoding="utf-8")
    with pending.open("rb") as written:
        os.fsync(written.fileno())
    os.replace(pending, root / CURRENT)
    return before if before != generation else None


def ensure_live(root: Path, create: Callable[[Path], object]) -> None:
    """Make an empty first generation (made by `create`) live unless there is one; one process at a time
    (an flock), so web workers starting together agree on it."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".create.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / CURRENT).exists():
            generation = new_generation(root)
            create(generation)
            make_live(root, generation)


def drop_dead_generations(root: Path) -> None:
    """Delete the generations no longer live whose builder is gone (never a running rebuild's, nor the live one)."""
    try:
        live: Path | None = live_generation(root)
    except BackendUnavailable:
        live = None
    for path in root.glob("gen-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if path != live and pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


class MetaStore:
    """Official profiles and indexer state in a small SQLite file beside the index."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _db(self, action: str) -> Iterator[sqlite3.Connection]:
        try:
            with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                db.executescript(_META_SCHEMA)
                yield db
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"the search index cannot {action}: {exc}") from exc

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        with self._db("write the official profiles") as db:
            db.execute("DELETE FROM officials")
            rows = [(p["id"], json.dumps(p, ensure_ascii=False)) for p in profiles]
            db.executemany("INSERT INTO officials VALUES (?,?)", rows)

    def officials(self) -> list[dict[str, Any]]:
        with self._db("read the official profiles") as db:
            return [json.loads(row[0]) for row in db.execute("SELECT data FROM officials ORDER BY id")]

    def get_state(self, key: str) -> str | None:
        with self._db("read the indexer state") as db:
            row = db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._db("write the indexer state") as db:
            db.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (key, value))
