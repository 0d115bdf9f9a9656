"""Crawl-trap bounds per site: a URL budget, a cap per URL shape, calendar pages and query strings."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from scrapy.settings import BaseSettings

_DIGITS = re.compile(r"\d+")
_CALENDAR = re.compile(
    r"(?:(?:19|20)\d\d[-/_.]\d{1,2}[-/_.]\d{1,2}|\d{1,2}[-/_.]\d{1,2}[-/_.](?:19|20)\d\d"
    r"|[?&](?:ngay|date|day|d|thang|month|nam|year)=)",
    re.IGNORECASE,
)


def url_shape(url: str) -> str:
    """A URL with digit runs collapsed and query values dropped: '/lich/#-#-#.htm?trang'."""
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return _DIGITS.sub("#", parts.path) + ("?" + "&".join(keys) if keys else "")


_PORTAL_STATE = re.compile(r"^(?:p_p_(?:lifecycle|state|mode|col_id|col_pos|col_count)|_\d+_struts_action)$")


_ROUTE_KEYS = {"mod", "module", "act", "action", "op", "option", "view", "task", "controller", "nv", "do", "lang"}


def query_params(query: str) -> int:
    """Query parameters that can vary a page. The routing parameters of a script CMS (`mod=news`,
    `act=list`, `option=com_content`) and portal state parameters (Liferay's p_p_*) do not count."""
    return sum(
        1
        for key, _ in parse_qsl(query, keep_blank_values=True)
        if not _PORTAL_STATE.match(key) and key.lower() not in _ROUTE_KEYS
    )


class TrapGuard:
    """Decides whether a discovered URL of a site may still be fetched.

    The site budget counts fetches: each distinct URL once, however often it is linked. Listings also
    count against the per-shape cap, the calendar cap and the query-parameter limit, so endless calendars
    and query-string variants stay bounded.
    """

    def __init__(self, budget: int, per_shape: int, calendar: int, query_params: int) -> None:
        self.budget, self.per_shape, self.calendar, self.query_params = budget, per_shape, calendar, query_params
        self.urls: Counter[str] = Counter()
        self.shapes: Counter[tuple[str, str]] = Counter()
        self.calendars: Counter[str] = Counter()
        self.allowed: set[str] = set()  # URLs already let through (links repeat on every page)

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> TrapGuard:
        return cls(
            settings.getint("NEWSARCHIVE_SITE_BUDGET"),
            settings.getint("NEWSARCHIVE_MAX_PER_SHAPE"),
            settings.getint("NEWSARCHIVE_MAX_CALENDAR_PAGES"),
            settings.getint("NEWSARCHIVE_MAX_QUERY_PARAMS"),
        )

    def allow(self, site: str, url: str, kind: str) -> str:
        """'' when the URL may be fetched, else the name of the bound it would break."""
        if url in self.allowed:
            return ""
        if self.urls[site] >= self.budget:
            return "budget"
        if kind != "article":
            parts = urlsplit(url)
            if query_params(parts.query) > self.query_params:
                return "query"
            shape = (site, url_shape(url))
            if self.shapes[shape] >= self.per_shape:
                return "shape"
            is_calendar = bool(_CALENDAR.search(parts.path) or _CALENDAR.search("?" + parts.query))
            if is_calendar and self.calendars[site] >= self.calendar:
                return "calendar"
            self.shapes[shape] += 1
            self.calendars[site] += is_calendar
        self.allowed.add(url)
        self.urls[site] += 1
        return ""
