"""Dates as Vietnamese pages write them, and Vietnam's time zone (the one home of both).

Forms read: 'Thứ Hai, 12/06/2017 - 08:30', '08:30 | 12/06/2017', '24/12/2012, 03:04 AM (GMT+7)',
'Cập nhật: 14-3-2023 9:15', '12-6-2017', 'ngày 12 tháng 6 năm 2017', '2017-06-12T08:30', a two-digit year
beside a time ('24/12/12 11:05 tối'), and the Vietnamese parts of the day after a 12-hour time (sáng, trưa,
chiều, tối, đêm; SA/CH as AM/PM).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_DAYPART = r"[AaPp]\.?[Mm]\.?|SA|CH|sáng|trưa|chiều|tối|đêm"
_TIME = rf"(?P<h>[01]?\d|2[0-3])\s*(?:[:hg]|giờ)\s*(?P<mi>[0-5]\d)(?:\s*:\s*[0-5]\d)?(?:\s*(?P<ampm>{_DAYPART})\b)?"
_NUMERIC = r"(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
_SHORT_YEAR = r"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>\d\d)(?!\d)"
_WORDS = r"(?:ngày\s+)?(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)\s*(?:,|năm)\s*(?P<y>(?:19|20)\d\d)"
_ISO = r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
_BEFORE = rf"(?:{_TIME.replace('P<', 'P<t1')}\s*(?:[|,\-–]|ngày)?\s*)"
_AFTER = rf"(?:\s*(?:[|,\-–]|lúc|T)?\s*{_TIME})"

# A date, optionally preceded or followed by a time; a two-digit year only with a time after it.
_PATTERNS = [
    *(re.compile(rf"{_BEFORE}?{date}{_AFTER}?", re.IGNORECASE) for date in (_NUMERIC, _WORDS, _ISO)),
    re.compile(rf"{_SHORT_YEAR}{_AFTER}", re.IGNORECASE),
]
_EVENING = {"pm", "p.m.", "ch", "chiều", "tối"}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its value (Vietnam time), whether a time was written, and where it is."""

    value: datetime
    has_time: bool
    start: int
    end: int


def _group(match: re.Match[str], *names: str) -> str | None:
    for name in names:
        value = match.groupdict().get(name)
        if value:
            return value
    return None


def _hour(hour: int, daypart: str) -> int:
    """A 12-hour clock reading made 24-hour by its part of the day ('11:05 tối' → 23)."""
    daypart = daypart.lower()
    if daypart in _EVENING or (daypart == "trưa" and hour < 6) or (daypart == "đêm" and 6 <= hour < 12):
        return hour + 12 if hour < 12 else hour
    if daypart in ("am", "a.m.", "sa", "đêm") and hour == 12:
        return 0
    return hour


def _build(match: re.Match[str], month_first: bool = False) -> DateMatch | None:
    try:
        day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
        if month_first and "tháng" not in match[0] and not match[0].lstrip().startswith(match["y"]):
            day, month = month, day
        if year < 100:
            year += 2000 if year < 70 else 1900
        hour = _group(match, "h", "t1h")
        minute = int(_group(match, "mi", "t1mi") or 0)
        hour24 = _hour(int(hour or 0), _group(match, "ampm", "t1ampm") or "")
        value = datetime(year, month, day, hour24, minute, tzinfo=VIETNAM_TZ)
    except ValueError:
        return None
    return DateMatch(value, hour is not None, *match.span())


def date_matches(text: str, month_first: bool = False) -> list[DateMatch]:
    """All valid dates in a text, in order of appearance (overlapping readings: the first pattern wins).

    month_first reads numeric dates as month-day-year, the US order of English labels ("Published on
    03-08-2011" is 8 March)."""
    found: list[DateMatch] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            if value := _build(match, month_first):
                found.append(value)
    return sorted(found, key=lambda f: f.start)


def find_dates(text: str) -> list[datetime]:
    """All valid dates in a text, in order of appearance, as Vietnam-time datetimes."""
    return [f.value for f in date_matches(text)]


def parse_date(text: str) -> datetime | None:
    """The first date in a text (see find_dates), or None."""
    dates = find_dates(text)
    return dates[0] if dates else None
