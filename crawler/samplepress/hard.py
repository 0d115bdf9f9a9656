"""Báo Phù Sa, the hard paper: no sitemap, no feed, old table markup, and the faults of real sites.

Each article's `fault` says how it is served: `cp1258-meta-utf8` (windows-1258 bytes, meta says utf-8),
`utf8-meta-cp1258` (the reverse), `cp1258` (honest windows-1258), `bom` (UTF-8 with BOM), `truncated`
(the page stops after the body), `slow` (1.5 s), `flaky` (503 twice, then 200), `redirect` (listed under
an old URL: 301 then 302 to the article). The home page also links a permanent 500, a redirect loop, a
soft 404 and an endless calendar (each day links the next, plus a query-string variant).
"""

from __future__ import annotations

import threading
import unicodedata
from collections import Counter
from datetime import date, timedelta
from urllib.parse import urlsplit

from .content import Article, Paper
from .site import ENV, Response, Site

SLOW_SECONDS = 1.5
FLAKY_FAILURES = 2
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
TRAP_LINKS = (
    ("/bai-viet/loi-may-chu-99001.htm", "Bài lỗi máy chủ"),
    ("/bai-viet/vong-lap-99002.htm", "Bài chuyển hướng vòng tròn"),
    ("/bai-viet/bai-da-go-99003.htm", "Bài đã gỡ"),
)


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese text as windows-1258: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out.append(base + tones)
    return "".join(out).encode("cp1258", errors="xmlcharrefreplace")


class HardSite(Site):
    """The hard paper: routes faults first, then answers like any sample paper."""

    def __init__(self, paper: Paper, base_url: str) -> None:
        super().__init__(paper, base_url)
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.moved = {f"/cu/{a.id}.htm": a for a in paper.articles if a.fault == "redirect"}

    @property
    def sitemaps(self) -> list[str]:
        return []

    @property
    def feeds(self) -> list[str]:
        return []

    @property
    def registry_sections(self) -> list[str]:
        return []  # discovery only through the home page

    @property
    def trap_links(self) -> tuple[tuple[str, str], ...]:
        return TRAP_LINKS

    def listed_path(self, a: Article) -> str:
        """The URL listings link an article under (an old, redirecting one for the `redirect` fault)."""
        return f"/cu/{a.id}.htm" if a.fault == "redirect" else self.article_path(a)

    def sitemap(self, path: str) -> bytes | None:
        return None

    def robots(self) -> bytes:
        return b"User-agent: *\nDisallow: /tim-kiem\n"

    def route(self, target: str) -> Response:
        path = urlsplit(target).path
        if path == self.meta["rss"]:
            return self.not_found()
        if path in self.moved:
            return self._redirect(301, f"/chuyen/{self.moved[path].id}")
        if path.startswith("/chuyen/"):
            moved = self.moved.get(f"/cu/{path.removeprefix('/chuyen/')}.htm")
            return self._redirect(302, self.article_path(moved)) if moved else self.not_found()
        if path == TRAP_LINKS[0][0]:
            return Response(500, "text/html; charset=utf-8", b"<h1>500 Internal Server Error</h1>")
        if path == TRAP_LINKS[1][0]:
            return self._redirect(302, "/chuyen/vong-lap")
        if path == "/chuyen/vong-lap":
            return self._redirect(302, TRAP_LINKS[1][0])
        if path == TRAP_LINKS[2][0]:
            return Response(200, "text/html; charset=utf-8", self._render("soft404.html"))
        if path.startswith("/lich/") and path.endswith(".htm"):
            return self._calendar(path.removeprefix("/lich/").removesuffix(".htm"))
        if path in self.by_path and self.by_path[path].fault:
            return self._faulty(self.by_path[path], path)
        return super().route(target)

    def _redirect(self, status: int, location: str) -> Response:
        return Response(status, "text/html; charset=utf-8", b"", headers={"Location": self.url(location)})

    def _calendar(self, day: str) -> Response:
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return self.not_found()
        html = self._render("calendar.html", day=when, prev=when - timedelta(days=1), next=when + timedelta(days=1))
        return Response(200, "text/html; charset=utf-8", html)

    def _article_html(self, a: Article, charset: str = "utf-8") -> str:
        tpl = ENV.get_template("phusa/article.html")
        return tpl.render(
            site=self,
            paper=self.paper,
            meta=self.meta,
            a=a,
            related=self.related(a),
            comment=self.comment(a),
            charset=charset,
        )

    def _faulty(self, a: Article, path: str) -> Response:
        with self._lock:
            self.hits[path] += 1
            hits = self.hits[path]
        html = self._article_html(a, "windows-1258" if a.fault in ("utf8-meta-cp1258", "cp1258") else "utf-8")
        utf8 = html.encode("utf-8")
        match a.fault:
            case "cp1258-meta-utf8":
                return Response(200, "text/html", to_cp1258(html), a.modified)
            case "utf8-meta-cp1258":
                return Response(200, "text/html", utf8, a.modified)
            case "cp1258":
                return Response(200, "text/html; charset=windows-1258", to_cp1258(html), a.modified)
            case "bom":
                return Response(200, "text/html; charset=utf-8", b"\xef\xbb\xbf" + utf8, a.modified)
            case "truncated":
                cut = utf8[: utf8.index(b"<!-- het-bai -->")]
                return Response(200, "text/html; charset=utf-8", cut, a.modified)
            case "slow":
                return Response(200, "text/html; charset=utf-8", utf8, a.modified, delay=SLOW_SECONDS)
            case "flaky" if hits <= FLAKY_FAILURES:
                return Response(503, "text/html; charset=utf-8", b"<h1>503 Service Unavailable</h1>")
        return Response(200, "text/html; charset=utf-8", utf8, a.modified)
