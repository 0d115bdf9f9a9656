"""Progress of long work (indexing, exports) on stderr: documents done, rate and time left.

A tqdm bar on a terminal; elsewhere (logs, CI, pipes) a plain line every INTERVAL seconds and one at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

from tqdm import tqdm

T = TypeVar("T")
INTERVAL = 5.0  # seconds between plain progress lines when stderr is not a terminal


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_line(label: str, done: int, total: int | None, elapsed: float) -> str:
    """'index: 12,000/100,000 documents (12%), 1,234/s, 1:11 left' (no total: count and rate only)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if not total:
        return f"{label}: {done:,} documents, {rate:,.0f}/s, {_duration(elapsed)} elapsed"
    left = (total - done) / rate if rate else 0.0
    return f"{label}: {done:,}/{total:,} documents ({done / total:.0%}), {rate:,.0f}/s, {_duration(left)} left"


def _lines(items: Iterable[T], label: str, total: int | None, stream: IO[str], interval: float) -> Iterator[T]:
    start = last = time.monotonic()
    done = 0
    for item in items:
        yield item
        done += 1
        now = time.monotonic()
        if now - last >= interval:
            print(progress_line(label, done, total, now - start), file=stream, flush=True)
            last = now
    print(progress_line(label, done, total, time.monotonic() - start) + " (done)", file=stream, flush=True)


def track(
    items: Iterable[T], label: str, total: int | None = None, stream: IO[str] | None = None, interval: float = INTERVAL
) -> Iterator[T]:
    """Yield `items` unchanged while showing how far through them the caller is."""
    stream = stream or sys.stderr
    if stream.isatty():
        with tqdm(items, desc=label, total=total, unit=" docs", file=stream, mininterval=0.5) as bar:
            yield from bar
    else:
        yield from _lines(items, label, total, stream, interval)
