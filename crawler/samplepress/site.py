"""Render one paper's website (HTML pages, robots, sitemaps, RSS) from its content and templates."""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .content import Article, Paper, sentences

PER_PAGE = 5
RSS_ITEMS = 15
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.policies["json.dumps_kwargs"] = {"ensure_ascii": False}
ENV.filters["dmy"] = lambda d: d.strftime("%d/%m/%Y")
ENV.filters["hm"] = lambda d: d.strftime("%H:%M")
ENV.filters["iso"] = lambda d: d.isoformat()
ENV.filters["rfc822"] = format_datetime
ENV.filters["weekday"] = lambda d: WEEKDAYS[d.weekday()]


def _png(rgb: tuple[int, int, int], width: int = 64, height: int = 40) -> bytes:
    """A tiny solid-colour PNG so that image URLs resolve to real images."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location
    delay: float = 0.0  # seconds to wait before answering (slow pages)


class Site:
    """One paper served at base_url (e.g. 'http://127.0.0.1:8101'); route() answers a request path."""

    def __init__(self, paper: Paper, base_url: str) -> None:
        self.paper, self.base = paper, base_url.rstrip("/")
        self.meta = paper.meta
        self.by_path = {self.article_path(a): a for a in paper.articles}
        self.image_paths = {self.image_path(a, f.file): a for a in paper.articles for f in a.figures} | {
            self.meta["logo"]: None
        }
        self.section_paths: dict[str, tuple[str, int | None]] = {}
        for section in paper.sections:
            self.section_paths[self.section_path(section)] = (section, None)
            if "?" not in self.meta["page_url"]:
                pages = math.ceil(len(paper.by_section(section)) / PER_PAGE)
                self.section_paths |= {self.section_path(section, n): (section, n) for n in range(2, pages + 1)}

    # ---- URLs ---------------------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.base + path

    def article_path(self, a: Article) -> str:
        return self.meta["article_url"].format(section=a.section, slug=a.slug, id=a.id)

    def image_path(self, a: Article, file: str) -> str:
        d = a.published
        return self.meta["image_url"].format(yyyy=d.year, mm=f"{d.month:02}", dd=f"{d.day:02}", file=file)

    def section_path(self, section: str, page: int = 1) -> str:
        key = "section_url" if page == 1 else "page_url"
        return self.meta[key].format(section=section, page=page)

    @property
    def sitemaps(self) -> list[str]:
        return [self.url("/sitemap.xml")]

    @property
    def feeds(self) -> list[str]:
        return [self.url(self.meta["rss"])]

    @property
    def registry_sections(self) -> list[str]:
        """Section URLs the crawler's registry lists for this paper."""
        return [self.url(self.section_path(sec)) for sec in self.paper.sections]

    # ---- ground truth -------------------------------------------------------------------------------
    def expected(self, a: Article) -> dict:
        """The ground truth for one article, as the crawler should extract it."""
        body = a.paragraphs
        return {
            "id": a.id,
            "url": self.url(self.article_path(a)),
            "path": self.article_path(a),
            "paper": self.paper.id,
            "paper_name": self.paper.name,
            "province": self.paper.province,
            "section": self.paper.sections[a.section],
            "title": a.title,
            "lead": a.lead,
            "published": a.published.isoformat(),
            "modified": a.modified.isoformat(),
            "author": a.author,
            "body_first": sentences(body[0])[0],
            "body_last": sentences(body[-1])[-1],
            "body": "\n\n".join(body),
            "images": [{"src": self.url(self.image_path(a, f.file)), "caption": f.caption} for f in a.figures],
        }

    def jsonld(self, a: Article) -> dict:
        """schema.org NewsArticle metadata (used by papers whose template embeds JSON-LD)."""
        author = (
            {"@type": "Person", "name": a.author} if a.author else {"@type": "Organization", "name": self.paper.name}
        )
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": self.url(self.article_path(a))},
            "headline": a.title,
            "description": a.lead,
            "image": [self.url(self.image_path(a, f.file)) for f in a.figures] or [self.url(self.meta["logo"])],
            "datePublished": a.published.isoformat(),
            "dateModified": a.modified.isoformat(),
            "author": author,
            "articleSection": self.paper.sections[a.section],
            "publisher": {
                "@type": "Organization",
                "name": self.paper.name,
                "logo": {"@type": "ImageObject", "url": self.url(self.meta["logo"])},
            },
        }

    # ---- pages --------------------------------------------------------------------------------------
    def _render(self, template: str, **ctx: object) -> bytes:
        tpl = ENV.get_template(f"{self.paper.id}/{template}")
        return tpl.render(site=self, paper=self.paper, meta=self.meta, **ctx).encode("utf-8")

    def related(self, a: Article, n: int = 4) -> list[Article]:
        """Nearest-in-time other articles of the same section ('Tin liên quan')."""
        others = [o for o in self.paper.by_section(a.section) if o is not a]
        return sorted(others, key=lambda o: abs((o.published - a.published).total_seconds()))[:n]

    def comment(self, a: Article) -> tuple[str, str]:
        if a.comment:
            return a.comment
        pool = self.meta["comments"]
        return tuple(pool[int(a.id) % len(pool)])  # type: ignore[return-value]

    def listing(self, section: str | None, page: int) -> Response:
        items = self.paper.by_section(section) if section else self.paper.articles
        pages = max(1, math.ceil(len(items) / PER_PAGE))
        if page < 1 or page > pages:
            return self.not_found()
        chunk = items[(page - 1) * PER_PAGE : page * PER_PAGE]
        links = [(n, self.section_path(section, n) if section else f"/?page={n}") for n in range(1, pages + 1)]
        html = self._render("listing.html", section=section, items=chunk, page=page, pages=pages, links=links)
        return Response(200, "text/html; charset=utf-8", html)

    def home(self) -> Response:
        latest = self.paper.articles[:6]
        blocks = [(s, name, self.paper.by_section(s)[:3]) for s, name in self.paper.sections.items()]
        return Response(200, "text/html; charset=utf-8", self._render("home.html", latest=latest, blocks=blocks))

    def not_found(self) -> Response:
        return Response(404, "text/html; charset=utf-8", self._render("404.html"))

    def robots(self) -> bytes:
        lines = ["User-agent: *", *(f"Disallow: {p}" for p in self.meta["disallow"]), ""]
        lines += [f"Sitemap: {s}" for s in self.sitemaps]
        return ("\n".join(lines) + "\n").encode()

    def route(self, target: str) -> Response:
        """Answer a GET for target (path plus optional query)."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        try:
            page = int(query.get("page", ["1"])[0])
        except ValueError:
            return self.not_found()
        if path == "/robots.txt":
            return Response(200, "text/plain; charset=utf-8", self.robots())
        if path in ("/", "/index.html"):
            return self.home() if page == 1 else self.listing(None, page)
        if path in self.by_path:
            a = self.by_path[path]
            html = self._render("article.html", a=a, related=self.related(a), comment=self.comment(a))
            return Response(200, "text/html; charset=utf-8", html, a.modified)
        if path in self.image_paths:
            return Response(200, "image/png", _png(self.meta["image_rgb"]))
        if path == self.meta["rss"]:
            xml = ENV.get_template("rss.xml").render(site=self, items=self.paper.articles[:RSS_ITEMS])
            return Response(200, "application/rss+xml; charset=utf-8", xml.encode())
        if path == self.meta["search_path"]:
            return Response(200, "text/html; charset=utf-8", self._render("404.html", search=True))
        sitemap = self.sitemap(path)
        if sitemap is not None:
            return Response(200, "application/xml; charset=utf-8", sitemap)
        if path in self.section_paths:
            section, fixed = self.section_paths[path]
            return self.listing(section, fixed or page)
        return self.not_found()

    # ---- sitemaps -----------------------------------------------------------------------------------
    def sitemap(self, path: str) -> bytes | None:
        """The sitemap at path: a flat urlset, or (sitemap_index papers) an index, yearly and news maps."""
        arts = self.paper.articles
        if not self.meta.get("sitemap_index"):
            if path != "/sitemap.xml":
                return None
            return ENV.get_template("sitemap.xml").render(site=self, items=arts).encode()
        years = sorted({a.published.year for a in arts}, reverse=True)
        children = {f"/sitemaps/articles-{y}.xml": [a for a in arts if a.published.year == y] for y in years}
        children["/sitemaps/news.xml"] = arts[:20]
        if path == "/sitemap.xml":
            maps = [(self.url(p), max(a.modified for a in items)) for p, items in children.items()]
            return ENV.get_template("sitemap_index.xml").render(maps=maps).encode()
        if path == "/sitemaps/news.xml":
            return ENV.get_template("news_sitemap.xml").render(site=self, items=children[path]).encode()
        if path in children:
            return ENV.get_template("sitemap.xml").render(site=self, items=children[path]).encode()
        return None
