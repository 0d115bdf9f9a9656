"""Link classification on an unknown news site: article, section (listing) or other.

`classify_link` is the single URL-level decision of the crawler. "other" means never fetched: off-site,
static files, login, search, print, share and comment views, a page parameter on an article. Every other
same-site link is fetched; the URL kind only orders and bounds the crawl ("article" links skip the
listing trap bounds), and the fetched page is classified by its content (crawler.pages).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

LinkKind = Literal["article", "section", "other"]

EDITION_PREFIXES = ("www", "wwww", "www2", "m", "mobile", "amp", "e", "en", "lite", "beta")
_SKIP_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|mp[34]|m4a|avi|mov|wmv|flv|swf"
    r"|css|js|json|xml|rss|atom|txt|exe|apk)$",
    re.I,
)
_SKIP_PATH = re.compile(
    r"/(?:tim-kiem|timkiem|search|s|dang-nhap|dang-ky|login|logout|register|signin|wp-admin|wp-login\.php"
    r"|print|in-bai|ban-in|inbai|share|sharer|binh-luan|comment|comments|feed|rss|cgi-bin|ajax|api)(?:/|$|\.)",
    re.I,
)
_SKIP_QUERY = {"print", "replytocom", "share", "output", "format", "keyword", "q", "s", "search", "tukhoa"}
_SKIP_VALUES = {"print", "printer", "inbai", "in-bai", "search", "timkiem", "tim-kiem", "login", "dangnhap", "comment"}
_TAG_PATH = re.compile(r"/(?:tag|tags|tu-khoa|tukhoa|chu-de|chude|topic|topics|keyword|keywords|label)(?:/|$)", re.I)
_TAG_LAST = re.compile(r"(?:-tag\d*|-ptag|tag\d+|\.tag)(?:\.\w{2,5})?$", re.I)
_PAGE_KEYS = {"page", "trang", "pageindex", "pagenum", "pageno", "currentpage", "paged", "start", "pg", "p"}
_PAGE_PATH = re.compile(
    r"(?:/(?:page|trang|p)[-/]?\d+/?|/trang-?\d+\.\w{2,5}|-p\d{1,3}\.\w{2,5}|/trang\d+\.\w{2,5})$", re.I
)
_ID_KEYS = re.compile(
    r"^(?:id|nid|newsid|newid|news_?id|item_?id|article_?id|post_?id|content_?id|doc_?id|ddocname|mabb"
    r"|idbaiviet|baiviet|bai|tc|tin|cid_news)$",
    re.I,
)
_NOT_ID_KEYS = re.compile(
    r"^(?:page\w*|trang|p|pg|size|pagesize|cat\w*|cm\w*|cn|gd|lang|language|l|lv|ma?cm\w*|d)$", re.I
)
_SCRIPT = re.compile(r"(?:^/?$|\.(?:php|aspx?|jsp|cfm|nsf)$|/index\.\w+$)", re.I)
_DETAIL = re.compile(
    r"(?:^|[/_.-])(?:chi-tiet|chitiet|detail|details|detailnews|view|viewer|article|bai-viet|baiviet)(?:[/_.-]|$)", re.I
)
_LAST_ID = re.compile(r"(?:^|[-_./a-z])\d{3,}[a-z]?$|^\d{4,}-", re.I)
_HEX_ID = re.compile(r"-[0-9a-f]{6,}$", re.I)
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/[01]?\d(?:/[0-3]?\d)?/[^/]*[a-z][^/]*", re.I)
_EXT = re.compile(r"\.[a-z][a-z0-9]{1,4}$", re.I)


def site_key(netloc: str) -> str:
    """A host without the edition prefixes one paper serves under: 'www.', 'm.', 'amp.', 'e.', 'en.'."""
    host = netloc.lower().rstrip(".")
    parts = host.split(".")
    while len(parts) > 2 and parts[0] in EDITION_PREFIXES:
        parts = parts[1:]
    return ".".join(parts)


def same_site(netloc: str, home_netloc: str, hosts: Collection[str] = ()) -> bool:
    """Whether a host belongs to the paper whose home is on home_netloc (or is one of its listed hosts)."""
    netloc = netloc.lower()
    return netloc in hosts or site_key(netloc) == site_key(home_netloc)


def classify_link(url: str, home_netloc: str, article_pattern: str = "", *, hosts: Collection[str] = ()) -> LinkKind:
    """What a link on a news site points to, from its URL alone (a site's article_pattern wins)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not same_site(parts.netloc, home_netloc, hosts):
        return "other"
    if article_pattern and re.search(article_pattern, url):
        return "article"
    path = unquote(parts.path or "/")
    query = parse_qsl(parts.query, keep_blank_values=True)
    keys = {k.lower() for k, _ in query}
    if _SKIP_EXT.search(path) or _SKIP_PATH.search(path) or keys & _SKIP_QUERY:
        return "other"
    if any(value.lower() in _SKIP_VALUES for _, value in query):
        return "other"  # '?act=print&id=12', '?view=search': print and search views of a script
    if _TAG_PATH.search(path) or _TAG_LAST.search(path.rstrip("/")) or "/lists/" in path.lower():
        return "section"
    unpaged = _PAGE_PATH.sub("", path) or "/"  # a page number is not an article id
    article = _article_signal(unpaged, [(k, v) for k, v in query if k.lower() not in _PAGE_KEYS - {"p"}])
    paged = bool(_PAGE_PATH.search(path)) or bool(keys & (_PAGE_KEYS - {"p"})) or ("p" in keys and not article)
    if article and keys and all(k in _PAGE_KEYS - {"p"} for k in keys) and not _PAGE_PATH.search(path):
        return "other"  # a further page or comment page of an article, not a new article
    if paged:
        return "section"
    return "article" if article else "section"


_FEED_HREF = re.compile(r"(?:\.rss|\.atom|/rss(?:\.xml)?/?|/feed/?|/rss/[^/]*\.xml)$", re.I)


def is_feed(url: str) -> bool:
    """Whether a link points to an RSS or Atom feed ('/rss/trang-chu.rss', '/feed/', '/rss/tin-moi.xml')."""
    return bool(_FEED_HREF.search(urlsplit(url).path))


def is_pagination(url: str) -> bool:
    """Whether a URL is a further page of a listing ('/trang-2.html', '?page=3', '/p/4', '?PageIndex=5')."""
    parts = urlsplit(url)
    path = unquote(parts.path or "/")
    keys = {k.lower() for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(_PAGE_PATH.search(path) or keys & (_PAGE_KEYS - {"p"}) or ("p" in keys and not _SCRIPT.search(path)))


def _article_signal(path: str, query: list[tuple[str, str]]) -> bool:
    """Whether a URL looks like one article: an id in the path or query, a date path with a slug, a long slug."""
    for key, value in query:
        digits = sum(c.isdigit() for c in value)
        if key.lower() == "p" and value.isdigit() and _SCRIPT.search(path):
            return True  # WordPress ?p=123 on the site root
        if _ID_KEYS.match(key) and digits >= 2:
            return True
        if digits >= 4 and value.isalnum() and not _NOT_ID_KEYS.match(key) and _SCRIPT.search(path):
            return True
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    if len(segments) > 1 and _EXT.sub("", segments[-1]).lower() in ("index", "default"):
        segments = segments[:-1]  # '/slug-a123/index.htm'
    last = _EXT.sub("", segments[-1])
    if _LAST_ID.search(last) or _HEX_ID.search(last) or _DATE_PATH.search(path):
        return True
    if any(s.isdigit() and len(s) >= 4 and not _is_year(s) for s in segments[:-1]):
        return True  # '/tin-tuc/200/88763/slug', '/News/18841/1/slug.html'
    if query and _DETAIL.search(path):
        return True
    return last.count("-") >= 4


def _is_year(segment: str) -> bool:
    return len(segment) == 4 and segment[:2] in ("19", "20")
