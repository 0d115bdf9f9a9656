"""One writer at a time: an exclusive lock file per data dir (the archive) and per search index.

The locks are `flock` locks (filelock): the kernel drops them when their process dies, even by SIGKILL,
so a crashed run never leaves a stale lock behind. The holder writes who it is into the lock file, so
a second run can say whom it is waiting for. Readers (the web app, exports) never take these locks.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

ARCHIVE_LOCK = "archive.lock"


class LockHeld(RuntimeError):
    """Another run holds the lock (the message names it)."""


def process_alive(pid: int) -> bool:
    """Whether a process of this host still runs (a run's leftovers are only removed once it is gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _describe_self() -> str:
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return f"pid {os.getpid()} on {socket.gethostname()} since {started}: {' '.join(sys.argv)[:200]}"


def _write_owner(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, _describe_self().encode("utf-8", "replace"), 0)


class RunLock:
    """An exclusive lock on `path` for one writer run; `wait` seconds to wait for another holder (0: fail at once)."""

    def __init__(self, path: Path, what: str, wait: float = 0.0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.what, self.wait = path, what, wait
        # One lock object per path and process (is_singleton): nested holders in one process share it, counted.
        self._lock = FileLock(
            path, thread_local=False, is_singleton=True, preserve_lock_file=True, on_acquired=_write_owner
        )

    def holder(self) -> str:
        """Who holds (or last held) the lock, as the holder wrote it."""
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").strip() or "another run"
        except OSError:
            return "another run"

    def acquire(self) -> RunLock:
        """Take the lock, or raise LockHeld naming the run that holds it."""
        try:
            self._lock.acquire(timeout=0, blocking=False)
            return self
        except Timeout:
            if self.wait <= 0:
                raise LockHeld(
                    f"{self.what} is locked by another run ({self.holder()}); wait for it to finish, "
                    "or set NEWSARCHIVE_LOCK_WAIT to wait that many seconds"
                ) from None
        print(f"newsarchive: waiting up to {self.wait:g} s for {self.what}, held by {self.holder()}", file=sys.stderr)
        try:
            self._lock.acquire(timeout=self.wait)
        except Timeout:
            raise LockHeld(f"{self.what} is still locked after {self.wait:g} s by {self.holder()}") from None
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


def archive_lock(data_dir: Path, wait: float = 0.0) -> RunLock:
    """The lock of the archive of record under data_dir (crawls, cluster assignment, anything that writes it)."""
    return RunLock(data_dir / ARCHIVE_LOCK, f"the archive in {data_dir}", wait)


def index_lock(data_dir: Path, index_name: str, wait: float = 0.0) -> RunLock:
    """The lock of one search index (incremental runs and rebuilds of it exclude each other)."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in index_name)
    return RunLock(data_dir / "locks" / f"index-{safe}.lock", f"the search index {index_name}", wait)
