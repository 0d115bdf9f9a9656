"""Dates as Vietnamese pages write them: 'Thứ Hai, 12/06/2017 - 08:30', '12-6-2017', 'ngày 12 tháng 6 năm 2017'."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_TIME = r"(?P<h>[01]?\d|2[0-3])\s*[:hg]\s*(?P<mi>[0-5]\d)(?:\s*:\s*[0-5]\d)?\s*(?P<ampm>[AaPp][Mm])?"
_NUMERIC = r"(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
_WORDS = r"(?:ngày\s+)?(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:,|năm)\s*(?P<y>(?:19|20)\d\d)"
_ISO = r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"

# A date, optionally preceded or followed by a time ("08:30 | 12/06/2017", "12/06/2017 - 08:30 (GMT+7)").
_PATTERNS = [
    re.compile(
        rf"(?:{_TIME.replace('P<', 'P<t1')}\s*(?:[|,\-–]|ngày)?\s*)?{date}"
        rf"(?:\s*(?:[|,\-–]|lúc)?\s*{_TIME})?",
        re.IGNORECASE,
    )
    for date in (_NUMERIC, _WORDS, _ISO)
]


def _group(match: re.Match[str], *names: str) -> str | None:
    for name in names:
        value = match.groupdict().get(name)
        if value:
            return value
    return None


def _build(match: re.Match[str]) -> datetime | None:
    try:
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
        hour = int(_group(match, "h", "t1h") or 0)
        minute = int(_group(match, "mi", "t1mi") or 0)
        ampm = (_group(match, "ampm", "t1ampm") or "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)
    except ValueError:
        return None


def find_dates(text: str) -> list[datetime]:
    """All valid dates in a text, in order of appearance, as Vietnam-time datetimes."""
    found: list[tuple[int, datetime]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            value = _build(match)
            if value:
                found.append((span[0], value))
                taken.append(span)
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def parse_date(text: str) -> datetime | None:
    """The first date in a text (see find_dates), or None."""
    dates = find_dates(text)
    return dates[0] if dates else None
