"""Link classification on an unknown news site: article, section (listing) or other."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

LinkKind = Literal["article", "section", "other"]

_SKIP_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|rar|mp[34]|avi|css|js|ico|xml|rss)$", re.I)
_SKIP_PATH = re.compile(r"/(?:tim-kiem|search|dang-nhap|login|lien-he|contact|rss|tag|tags|print|in-bai)(?:/|$)", re.I)
_PAGINATION = re.compile(r"(?:[?&](?:page|p|trang)=\d+|/(?:page|trang)[-/]?\d+/?$)", re.I)
_ARTICLE_ID = re.compile(r"(?:\d{4,}|-[a-z]*\d{3,})(?:\.html?|\.aspx|\.htm|/)?$", re.I)
_ARTICLE_EXT = re.compile(r"\.(?:html?|aspx|php)$", re.I)


def classify_link(url: str, home_netloc: str, article_pattern: str = "") -> LinkKind:
    """Guess what a link on a news site points to, from its URL alone (a site's article_pattern wins)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != home_netloc:
        return "other"
    if article_pattern and re.search(article_pattern, url):
        return "article"
    path = parts.path or "/"
    if _SKIP_EXT.search(path) or _SKIP_PATH.search(path):
        return "other"
    if _PAGINATION.search(path + ("?" + parts.query if parts.query else "")):
        return "section"
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    if _ARTICLE_ID.search(path) or (_ARTICLE_EXT.search(last) and last.count("-") >= 3) or last.count("-") >= 5:
        return "article"
    if len(segments) <= 2 and not parts.query:
        return "section"
    return "other"
