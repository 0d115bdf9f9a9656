"""The news spider: discovers articles through robots.txt sitemaps, RSS/Atom feeds and section pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from archive.warc import RawResponse
from crawler.extract import ExtractionError, extract_article
from crawler.items import PageItem
from crawler.links import classify_link
from crawler.registry import Paper

MIN_BODY_CHARS = 200


def raw_response(response: Response) -> RawResponse:
    """The response as the archive keeps it."""
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, values in response.headers.items() for v in values]
    return RawResponse(response.url, response.status, headers, response.body)


class NewsSpider(scrapy.Spider):
    """Crawls one or more papers; every article page becomes a PageItem with its extracted Article."""

    name = "news"

    def __init__(self, papers: list[Paper], max_articles: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.papers = {paper.netloc: paper for paper in papers}
        self.max_articles = max_articles
        self.articles = 0

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for paper in self.papers.values():
            meta = {"paper": paper.netloc}
            yield scrapy.Request(_site_root(paper.home) + "robots.txt", self.parse_robots, meta=meta)
            for url in paper.sitemaps:
                yield scrapy.Request(url, self.parse_sitemap, meta=meta)
            for url in paper.feeds:
                yield scrapy.Request(url, self.parse_feed, meta=meta)
            for url in [paper.home, *paper.sections]:
                yield scrapy.Request(url, self.parse_listing, meta=meta)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield scrapy.Request(url, self.parse_sitemap, meta={"paper": response.meta["paper"]})

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # noqa: BLE001 - lxml raises several types on non-XML bodies
            self.logger.warning("not a sitemap: %s", response.url)
            return
        for entry in sitemap:
            url = response.urljoin(entry["loc"])
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, self.parse_sitemap, meta={"paper": response.meta["paper"]})
            else:
                yield from self._follow(response, url)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for url in selector.xpath("//item/link/text() | //entry/link/@href").getall():
            yield from self._follow(response, response.urljoin(url.strip()))

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        if not isinstance(response, TextResponse):
            return
        yield PageItem(raw_response(response))
        for href in response.css("a::attr(href)").getall():
            yield from self._follow(response, response.urljoin(href))

    def parse_article(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        if not isinstance(response, TextResponse):
            return
        paper = self.papers[response.meta["paper"]]
        try:
            article = extract_article(
                response.text, response.url, paper=paper.name, province=paper.province, fetched_at=datetime.now(UTC)
            )
        except ExtractionError as exc:
            self.logger.info("%s", exc)
            article = None
        if article and len(article.body) < MIN_BODY_CHARS:
            article = None
        if article:
            if self.max_articles and self.articles >= self.max_articles:
                raise CloseSpider("max_articles")
            self.articles += 1
        yield PageItem(raw_response(response), article)
        for href in response.css("a::attr(href)").getall():
            yield from self._follow(response, response.urljoin(href))

    def _follow(self, response: Response, url: str) -> Iterator[scrapy.Request]:
        paper = response.meta["paper"]
        kind = classify_link(url, paper)
        if kind == "article":
            yield scrapy.Request(url, self.parse_article, meta={"paper": paper})
        elif kind == "section":
            yield scrapy.Request(url, self.parse_listing, meta={"paper": paper})


def _site_root(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/"
