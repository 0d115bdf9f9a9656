"""Calendar periods of a date histogram (day, ISO week, month, year), named alike by every backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from archive.article import VIETNAM_TZ

Interval = Literal["day", "week", "month", "year"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month", "year")
MAX_PERIODS = 5000  # zero-filled periods at most in one series (about 14 years of days)


def local_day(seconds: float | None) -> date | None:
    """The day in Vietnam of a moment in seconds since the epoch (None: undated)."""
    return datetime.fromtimestamp(seconds, VIETNAM_TZ).date() if seconds is not None else None


def period_key(day: date, interval: Interval) -> str:
    """The period a day falls in: '2016-01-05' (day), the Monday '2016-01-04' (week), '2016-01', '2016'."""
    if interval == "day":
        return day.isoformat()
    if interval == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if interval == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def period_start(key: str) -> date:
    """The first day of a period named by period_key."""
    parts = [int(p) for p in key.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _next(day: date, interval: Interval) -> date:
    if interval == "day":
        return day + timedelta(days=1)
    if interval == "week":
        return day + timedelta(days=7)
    if interval == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def period_range(first: date, last: date, interval: Interval) -> list[str]:
    """Every period from the one holding `first` to the one holding `last`, at most MAX_PERIODS."""
    keys: list[str] = []
    day = period_start(period_key(first, interval))
    while day <= last and len(keys) < MAX_PERIODS:
        keys.append(period_key(day, interval))
        day = _next(day, interval)
    return keys
