"""The news spider: discovers articles through robots.txt sitemaps, RSS/Atom feeds and section pages.

Every site is its own download slot (host:port), so the per-domain politeness limits hold per site.
Pages already archived are skipped when their sitemap lastmod is older than our copy, and otherwise
asked for conditionally (If-None-Match / If-Modified-Since); a 304 only refreshes the archive's record.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Self

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from archive.store import Archive
from archive.warc import RawResponse
from crawler.encoding import redecoded
from crawler.extract import ExtractionError, extract_article
from crawler.items import PageItem
from crawler.links import classify_link
from crawler.progress import count
from crawler.registry import Paper
from crawler.traps import TrapGuard

MIN_BODY_CHARS = 200
_FEED_LINKS = "//link[@rel='alternate'][@type='application/rss+xml' or @type='application/atom+xml']/@href"


def raw_response(response: Response) -> RawResponse:
    """The response as the archive keeps it."""
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, values in response.headers.items() for v in values]
    return RawResponse(response.url, response.status, headers, response.body)


def _lastmod(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class NewsSpider(scrapy.Spider):
    """Crawls one or more papers; every article page becomes a PageItem with its extracted Article."""

    name = "news"

    def __init__(self, papers: list[Paper], archive: Archive, max_articles: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.papers = {paper.netloc: paper for paper in papers}
        self.archive = archive
        self.max_articles = max_articles
        self.articles = 0
        self.unchanged: set[str] = set()  # archived URLs whose sitemap lastmod says they did not change
        self.started = datetime.now(UTC)
        self.guard: TrapGuard  # set by from_crawler, from the settings

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.guard = TrapGuard.from_settings(crawler.settings)
        return spider

    # -- requests ------------------------------------------------------------------------------
    def _request(self, url: str, callback: Any, site: str, optional: bool = False, **kwargs: Any) -> scrapy.Request:
        meta = {"paper": site, "download_slot": site, "optional": optional, **kwargs.pop("meta", {})}
        return scrapy.Request(url, callback, errback=self.on_error, meta=meta, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site, paper in self.papers.items():
            root = _site_root(paper.home)
            yield self._request(root + "robots.txt", self.parse_robots, site, optional=True)
            for url in paper.sitemaps:
                yield self._request(url, self.parse_sitemap, site)
            for url in paper.feeds:
                yield self._request(url, self.parse_feed, site)
            yield self._request(paper.home, self.parse_listing, site, meta={"home": True})
            for url in paper.sections:
                yield self._request(url, self.parse_listing, site)

    def _follow(self, response: Response, url: str, lastmod: datetime | None = None) -> Iterator[scrapy.Request]:
        site = response.meta["paper"]
        paper = self.papers[site]
        kind = classify_link(url, site, paper.article_pattern)
        if kind == "other" or url in self.unchanged:
            return
        stats = self.crawler.stats
        assert stats is not None
        headers: dict[str, str] = {}
        if kind == "article" and (state := self.archive.page_state(url)) is not None:
            if state.is_article and lastmod and lastmod <= state.last_fetched:
                self.unchanged.add(url)
                if state.last_fetched < self.started:  # not merely fetched earlier in this crawl
                    stats.inc_value("newsarchive/skipped_unchanged")
                return
            if state.etag:
                headers["If-None-Match"] = state.etag
            if state.last_modified:
                headers["If-Modified-Since"] = state.last_modified
        if bound := self.guard.allow(site, url, kind):
            stats.inc_value(f"newsarchive/trap_bounded/{bound}")
            return
        if kind == "article":
            meta = {"handle_httpstatus_list": [304]} if headers else {}
            yield self._request(url, self.parse_article, site, headers=headers, meta=meta)
        else:
            yield self._request(url, self.parse_listing, site)

    def on_error(self, failure: Failure) -> None:
        """A request that failed for good (after retries): counted per site unless it was a guess."""
        request = failure.request  # type: ignore[attr-defined]
        if request.meta.get("optional"):
            self.logger.debug("optional %s failed: %s", request.url, failure.value)
            return
        assert self.crawler.stats is not None
        count(self.crawler.stats, request.meta["paper"], "errors")
        self.crawler.stats.inc_value("newsarchive/errors")
        self.logger.warning("failed %s: %s", request.url, failure.getErrorMessage())

    # -- discovery -----------------------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        site = response.meta["paper"]
        listed = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not listed and not self.papers[site].sitemaps:
            listed = [_site_root(response.url) + "sitemap.xml"]  # the conventional place, a guess
            yield self._request(listed[0], self.parse_sitemap, site, optional=True)
            return
        for url in listed:
            yield self._request(url, self.parse_sitemap, site)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """A sitemap index, a urlset or a Google News sitemap."""
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # noqa: BLE001 - lxml raises several types on non-XML bodies
            self.logger.warning("not a sitemap: %s", response.url)
            return
        site = response.meta["paper"]
        for entry in sitemap:
            url = response.urljoin(entry["loc"])
            if sitemap.type == "sitemapindex":
                yield self._request(url, self.parse_sitemap, site)
            else:
                yield from self._follow(response, url, _lastmod(entry.get("lastmod")))

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """RSS 2.0 or Atom."""
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for url in selector.xpath("//item/link/text() | //entry/link/@href").getall():
            yield from self._follow(response, response.urljoin(url.strip()))

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        """Home and section pages: archived raw, their links followed; the home page also names feeds."""
        page = redecoded(response)
        if page is None:
            return
        assert self.crawler.stats is not None
        count(self.crawler.stats, response.meta["paper"], "pages")
        yield PageItem(raw_response(response))
        if response.meta.get("home") and not self.papers[response.meta["paper"]].feeds:
            for href in page.xpath(_FEED_LINKS).getall():
                yield self._request(page.urljoin(href), self.parse_feed, response.meta["paper"])
        for href in page.css("a::attr(href)").getall():
            yield from self._follow(response, page.urljoin(href))

    # -- articles ------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        site = response.meta["paper"]
        stats = self.crawler.stats
        assert stats is not None
        if response.status == 304:
            self.archive.touch_page(response.url)
            stats.inc_value("newsarchive/not_modified")
            return
        page = redecoded(response)
        if page is None:
            return
        count(stats, site, "pages")
        paper = self.papers[site]
        try:
            article = extract_article(
                page.text, page.url, paper=paper.name, province=paper.province, fetched_at=datetime.now(UTC)
            )
            article.province = paper.province_on(article.published_at)
        except ExtractionError as exc:
            self.logger.info("%s", exc)
            article = None
        if article and len(article.body) < MIN_BODY_CHARS:
            article = None
        if article:
            if self.max_articles and self.articles >= self.max_articles:
                raise CloseSpider("max_articles")
            self.articles += 1
            count(stats, site, "articles")
        yield PageItem(raw_response(response), article)
        for href in page.css("a::attr(href)").getall():
            yield from self._follow(response, page.urljoin(href))


def _site_root(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/"
