"""`newsarchive probe URL`: what discovery finds on a site, for a user about to add it to the registry.

robots.txt, sitemaps (URL count, newest lastmod), feeds, sections with their pagination, and a sample of
article URLs with the title, date, author and body length extracted from each. Bounded (at most
MAX_REQUESTS requests) and polite (robots.txt obeyed, the crawler's delays unless --fast). Nothing is
written to the archive.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler import settings as default_settings
from crawler.encoding import redecoded
from crawler.extract import extract_article
from crawler.links import classify_link, is_feed, is_pagination
from crawler.pages import classify_page, parse, site_name
from crawler.sitemaps import iter_sitemap

MAX_REQUESTS = 40
MAX_SITEMAPS = 6
MAX_SECTIONS = 8
SAMPLE_ARTICLES = 10
_FEED_LINKS = "//link[@rel='alternate'][@type='application/rss+xml' or @type='application/atom+xml']/@href"


@dataclass
class SitemapReport:
    url: str
    kind: str = ""  # index | urlset | error
    urls: int = 0
    newest_lastmod: str = ""
    children: int = 0


@dataclass
class SectionReport:
    url: str
    page_kind: str = ""
    article_links: int = 0
    next_pages: list[str] = field(default_factory=list)


@dataclass
class ArticleReport:
    url: str
    title: str = ""
    published: str = ""
    author: str = ""
    body_chars: int = 0
    error: str = ""


@dataclass
class ProbeReport:
    """Everything the probe found, JSON-able through asdict."""

    url: str
    name: str = ""
    robots_status: int = 0
    robots_sitemaps: list[str] = field(default_factory=list)
    sitemaps: list[SitemapReport] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sections: list[SectionReport] = field(default_factory=list)
    articles: list[ArticleReport] = field(default_factory=list)
    requests: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ProbeSpider(scrapy.Spider):
    """Fetches robots.txt, sitemaps, the home page, a few sections and a sample of articles."""

    name = "probe"
    custom_settings = {"CLOSESPIDER_PAGECOUNT": MAX_REQUESTS, "DEPTH_LIMIT": 3}

    def __init__(self, report: ProbeReport, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.report = report
        self.home = urlsplit(report.url).netloc.lower()
        self.sitemaps_asked = 0
        self.sections_asked: list[str] = []
        self.articles_asked: list[str] = []

    def _request(self, url: str, callback: Any, **kwargs: Any) -> scrapy.Request:
        self.report.requests += 1
        return scrapy.Request(url, callback, errback=self.on_error, meta={"download_slot": self.home}, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        root = f"{urlsplit(self.report.url).scheme}://{self.home}/"
        yield self._request(root + "robots.txt", self.parse_robots, priority=20)
        yield self._request(self.report.url, self.parse_home, priority=10)

    def on_error(self, failure: Any) -> None:
        request = failure.request
        if request.callback == self.parse_robots:
            response = getattr(failure.value, "response", None)
            self.report.robots_status = response.status if response is not None else 0
            yield from self._sitemap(f"{request.url.rsplit('/', 1)[0]}/sitemap.xml")
        elif request.callback == self.parse_sitemap:
            response = getattr(failure.value, "response", None)
            kind = f"HTTP {response.status}" if response is not None else "error"
            self.report.sitemaps.append(SitemapReport(request.url, kind=kind))
        elif request.callback == self.parse_article:
            self.report.articles.append(ArticleReport(request.url, error=failure.getErrorMessage()))

    def _sitemap(self, url: str) -> Iterator[scrapy.Request]:
        if self.sitemaps_asked < MAX_SITEMAPS:
            self.sitemaps_asked += 1
            yield self._request(url, self.parse_sitemap, priority=5)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        self.report.robots_status = response.status
        self.report.robots_sitemaps = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        for url in self.report.robots_sitemaps or [response.urljoin("/sitemap.xml")]:
            yield from self._sitemap(url)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        found = SitemapReport(response.url)
        newest = None
        try:
            for entry in iter_sitemap(response.body):
                if entry.is_sitemap:
                    found.kind, found.children = "index", found.children + 1
                    yield from self._sitemap(response.urljoin(entry.loc))
                    continue
                found.kind, found.urls = "urlset", found.urls + 1
                newest = max(newest, entry.lastmod) if newest and entry.lastmod else (entry.lastmod or newest)
                yield from self._article(response.urljoin(entry.loc))
        except ValueError as exc:
            found.kind = f"error: {exc}"
        found.newest_lastmod = newest.isoformat() if newest else ""
        self.report.sitemaps.append(found)

    def _article(self, url: str) -> Iterator[scrapy.Request]:
        if url in self.articles_asked or len(self.articles_asked) >= SAMPLE_ARTICLES:
            return
        if classify_link(url, self.home) == "article":
            self.articles_asked.append(url)
            yield self._request(url, self.parse_article, priority=1)

    def parse_home(self, response: Response) -> Iterator[scrapy.Request]:
        page = redecoded(response)
        tree = parse(page.text, page.url) if page is not None else None
        if page is None or tree is None:
            return
        self.report.name = site_name(tree)
        links = list(dict.fromkeys(page.urljoin(h).split("#")[0] for h in page.css("a::attr(href)").getall()))
        declared = [page.urljoin(href) for href in page.xpath(_FEED_LINKS).getall()]
        self.report.feeds = list(dict.fromkeys(declared + [url for url in links if is_feed(url)]))
        for url in links:
            kind = classify_link(url, self.home)
            wanted = kind == "section" and len(self.sections_asked) < MAX_SECTIONS and not is_pagination(url)
            parts = urlsplit(url)
            if wanted and (parts.path.strip("/") or parts.query) and url.rstrip("/") != response.url.rstrip("/"):
                self.sections_asked.append(url)
                yield self._request(url, self.parse_section, priority=3)
        for url in links:
            yield from self._article(url)

    def parse_section(self, response: Response) -> Iterator[scrapy.Request]:
        page = redecoded(response)
        tree = parse(page.text, page.url) if page is not None else None
        if page is None or tree is None:
            return
        links = list(dict.fromkeys(page.urljoin(h).split("#")[0] for h in page.css("a::attr(href)").getall()))
        paginated = any(is_pagination(url) for url in links)
        found = SectionReport(response.url, page_kind=classify_page(tree, paginated)[0])
        found.article_links = sum(1 for url in links if classify_link(url, self.home) == "article")
        found.next_pages = [url for url in links if is_pagination(url) and classify_link(url, self.home) != "other"]
        self.report.sections.append(found)
        for url in links:
            yield from self._article(url)

    def parse_article(self, response: Response) -> None:
        page = redecoded(response)
        found = ArticleReport(response.url)
        try:
            article = extract_article(page.text if page is not None else "", response.url)
            found.title, found.author, found.body_chars = article.title, article.author, len(article.body)
            found.published = article.published_at.isoformat() if article.published_at else ""
        except Exception as exc:  # noqa: BLE001 - a probe reports any failure and goes on
            found.error = f"{type(exc).__name__}: {exc}"
        self.report.articles.append(found)


def probe(url: str, *, fast: bool = False) -> ProbeReport:
    """Probe one site (blocks until done; one probe per process, like a crawl)."""
    settings = scrapy.settings.Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("EXTENSIONS", {}, priority="cmdline")
    settings.set("LOG_LEVEL", "ERROR", priority="cmdline")
    settings.set("RETRY_TIMES", 1, priority="cmdline")
    if fast:
        settings.update(default_settings.LOOPBACK_FAST, priority="cmdline")
    report = ProbeReport(url)
    process = CrawlerProcess(settings)
    process.crawl(ProbeSpider, report=report)
    process.start()
    report.sections.sort(key=lambda s: s.url)
    report.articles.sort(key=lambda a: a.url)
    return report


def render(report: ProbeReport) -> str:
    """The report as readable text tables."""
    lines = [f"site      {report.url}", f"name      {report.name or '?'}"]
    sitemaps = ", ".join(report.robots_sitemaps) or "none listed"
    lines += [f"robots    HTTP {report.robots_status or '-'}; sitemaps: {sitemaps}", "", "sitemaps"]
    lines += [
        f"  {s.kind:8} {s.urls:7d} URLs  newest {s.newest_lastmod or '-':25}  {s.url}"
        + (f"  ({s.children} child sitemaps)" if s.children else "")
        for s in report.sitemaps
    ] or ["  none"]
    lines += ["", "feeds"] + ([f"  {f}" for f in report.feeds] or ["  none"])
    lines += ["", f"sections ({len(report.sections)})", f"  {'page':8} {'articles':>8} {'next pages':>10}  url"]
    lines += [f"  {s.page_kind:8} {s.article_links:8d} {len(s.next_pages):10d}  {s.url}" for s in report.sections]
    lines += ["", f"sample articles ({len(report.articles)})", f"  {'published':25} {'body':>6} {'author':20} title"]
    for a in report.articles:
        if a.error:
            lines.append(f"  {'FAILED':25} {'':6} {'':20} {a.error[:70]}  {a.url}")
        else:
            lines.append(f"  {a.published or '-':25} {a.body_chars:6d} {a.author[:20]:20} {a.title[:70]}")
            lines.append(f"  {'':25} {'':6} {'':20} {a.url}")
    lines += ["", f"{report.requests} requests"]
    return "\n".join(lines)
