"""The news spider: discovers pages through robots.txt sitemaps, feeds and links, and decides what each
fetched page is from the page itself (crawler.pages), never from its URL alone.

A paper is a set of hosts (www., bare, m., amp., aliases, hosts it redirects to) sharing one download
slot. Every response lands in the archive: 2xx with their page here, redirects and error pages through
ArchiveNonSuccessMiddleware. Pages already archived are skipped when their sitemap lastmod is older than
our copy, and otherwise asked for conditionally (If-None-Match / If-Modified-Since). The frontier
(archive.frontier) makes a killed crawl resume without refetching what it already fetched.

The images of each extracted article (its own, as the extractor lists them, on any host: papers serve
them from static or CDN hosts) are fetched in the paper's download slot, at most NEWSARCHIVE_MAX_IMAGES
per article and NEWSARCHIVE_IMAGE_MAXSIZE bytes each, archived as fetched and never parsed as pages. An
image the archive already holds, or that an earlier crawl found too large, is never requested again.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any, Self
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DownloadCancelledError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure

from archive.article import Article, article_id, normalize_url, to_vietnam_time
from archive.frontier import Frontier
from archive.store import Archive
from crawler.encoding import decode_html, redecoded
from crawler.extract import ExtractionError, extract_article
from crawler.items import PageItem
from crawler.links import classify_link, is_feed, is_pagination, same_site
from crawler.middlewares import raw_response
from crawler.pages import MIN_PAGE_TEXT, PageSignals, classify_page, fingerprint, parse, resembles, site_name
from crawler.progress import count
from crawler.registry import Paper, name_from_site
from crawler.sitemaps import iter_sitemap
from crawler.traps import TrapGuard
from newsarchive.config import settings
from vntext.dates import find_dates

MIN_BODY_CHARS = 200
_FEED_LINKS = "//link[@rel='alternate'][@type='application/rss+xml' or @type='application/atom+xml']/@href"
FINISHED = ("finished", "max_articles", "closespider_itemcount", "closespider_pagecount", "closespider_timeout")


class NewsSpider(scrapy.Spider):
    """Crawls one or more papers; every article page becomes a PageItem with its extracted Article."""

    name = "news"

    def __init__(
        self,
        papers: list[Paper],
        archive: Archive,
        max_articles: int | None = None,
        frontier: Frontier | None = None,
        since: date | None = None,
        until: date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.papers = {paper.netloc: paper for paper in papers}
        self.site_hosts = {site: paper.hosts for site, paper in self.papers.items()}
        self.archive, self.frontier = archive, frontier
        self.max_articles, self.since, self.until = max_articles, since, until
        self.articles = 0
        self.unchanged: set[str] = set()  # archived URLs whose sitemap lastmod says they did not change
        self.started = datetime.now(UTC)
        self.notfound: dict[str, frozenset[str]] = {}  # site → fingerprint of its own "not found" page
        self.bodies: dict[str, dict[str, str]] = defaultdict(dict)  # site → body sha256 → first URL
        self.listings: set[str] = set()  # normalized URLs of pages found to be listings
        self.canonicals: dict[str, tuple[str, str]] = {}  # canonical → (page URL, content hash) this crawl
        self.deferred: dict[str, list[tuple[str, str, dict]]] = {}  # site → seeds waiting for its home page
        self.guard: TrapGuard  # set by from_crawler, from the settings
        self.max_hops = 2
        self.crawl_images, self.max_images, self.image_maxsize = True, 20, 5 * 1024 * 1024
        self._halves: dict[str, set[str]] = {}  # frontier URL → which of "callback", "archived" happened
        # One bound method per callback, kept alive: Scrapy caches its per-callback source check (an
        # inspect.getsource and ast.parse) in a weak-keyed cache, which a fresh bound method per request misses.
        self._callbacks: dict[str, Any] = {}
        self._on_error = self.on_error

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.guard = TrapGuard.from_settings(crawler.settings)
        spider.max_hops = crawler.settings.getint("NEWSARCHIVE_MAX_OTHER_HOPS")
        spider.crawl_images = crawler.settings.getbool("NEWSARCHIVE_CRAWL_IMAGES", settings().crawl_images)
        spider.max_images = crawler.settings.getint("NEWSARCHIVE_MAX_IMAGES")
        spider.image_maxsize = crawler.settings.getint("NEWSARCHIVE_IMAGE_MAXSIZE")
        return spider

    @property
    def stats(self) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats

    # -- requests ------------------------------------------------------------------------------
    def _request(
        self, url: str, callback: str, site: str, *, force: bool = False, priority: int = 0, **meta: Any
    ) -> Iterator[scrapy.Request]:
        """A request, recorded in the frontier first; nothing when this crawl already has the URL."""
        headers = meta.pop("headers", None)
        kept = {k: v for k, v in meta.items() if k in ("hops", "kind", "optional", "home", "image")}
        if self.frontier is not None and not self.frontier.add(url, site, callback, kept) and not force:
            return
        meta = {"paper": site, "download_slot": site, "frontier_url": url, **meta}
        if callback == "parse_sitemap":
            meta["download_maxsize"] = self.crawler.settings.getint("NEWSARCHIVE_SITEMAP_MAXSIZE")
        elif callback == "parse_image":
            meta["download_maxsize"] = self.image_maxsize
        yield scrapy.Request(
            url,
            self._callbacks.setdefault(callback, getattr(self, callback)),
            errback=self._on_error,
            meta=meta,
            headers=headers,
            priority=priority,
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for site, paper in self.papers.items():
            root = _site_root(paper.home)
            probe = f"{root}newsarchive-probe-{secrets.token_hex(6)}.html"  # the site's own "not found" page
            for request in self._request(probe, "parse_notfound", site, force=True, priority=30, optional=True):
                yield request
            if paper.from_url and self.frontier is not None and self.frontier.is_done(paper.home):
                self._name_from_archive(paper)
            seeds = [(root + "robots.txt", "parse_robots", {"optional": True, "priority": 10})]
            seeds += [(url, "parse_sitemap", {"priority": 5}) for url in paper.sitemaps]
            seeds += [(url, "parse_feed", {"priority": 5}) for url in paper.feeds]
            seeds += [(url, "parse_page", {"kind": "section"}) for url in paper.sections]
            home = list(self._request(paper.home, "parse_page", site, home=True, priority=20))
            if paper.from_url and home:  # nothing else until the home page has named the paper
                self.deferred[site] = seeds
                seeds = []
            for request in home + [r for url, cb, meta in seeds for r in self._request(url, cb, site, **meta)]:
                yield request
        if self.frontier is not None:
            for entry in self.frontier.pending():
                if entry.site in self.papers and not self.frontier.is_done(entry.url):
                    for request in self._request(entry.url, entry.callback, entry.site, force=True, **entry.meta):
                        yield request

    def _release(self, site: str) -> Iterator[scrapy.Request]:
        """The seeds held back until the home page of a paper known by URL was fetched."""
        for url, callback, meta in self.deferred.pop(site, []):
            yield from self._request(url, callback, site, **meta)

    def _item(self, response: Response, article: Article | None = None) -> PageItem:
        """The response (with its article) for the archive pipeline, which reports it archived (`archived`)."""
        return PageItem(raw_response(response), article, response.meta.get("frontier_url", response.url))

    def _done(self, response_or_request: Any, *halves: str) -> None:
        """The callback is over: every request it led to is in the frontier (default half, `callback`)."""
        url = response_or_request.meta.get("frontier_url", response_or_request.url)
        self._settle(url, *(halves or ("callback",)))

    def archived(self, frontier_url: str) -> None:
        """Called by the pipeline once a response is stored (its half, `archived`)."""
        self._settle(frontier_url, "archived")

    def _settle(self, url: str, *halves: str) -> None:
        """A URL is done in the frontier once its response is archived and its callback has recorded
        every request it led to, whichever comes last (Scrapy runs item pipelines concurrently with the
        callback's iteration, so a kill between the two would otherwise lose the page or its links)."""
        if self.frontier is None:
            return
        settled = self._halves.setdefault(url, set())
        settled.update(halves)
        if settled >= {"callback", "archived"}:
            del self._halves[url]
            self.frontier.done(url)

    def _follow(
        self, response: Response, url: str, lastmod: datetime | None = None, hops: int = 0
    ) -> Iterator[scrapy.Request]:
        site = response.meta["paper"]
        paper = self.papers[site]
        url = urldefrag(url)[0]
        kind = classify_link(url, paper.netloc, paper.article_pattern, hosts=self.site_hosts[site])
        if kind == "other" or url in self.unchanged:
            return
        headers: dict[str, str] = {}
        if kind == "article" and (state := self.archive.page_state(url)) is not None:
            if state.is_article and lastmod and lastmod <= state.last_fetched:
                self.unchanged.add(url)
                if state.last_fetched < self.started:  # not merely fetched earlier in this crawl
                    self.stats.inc_value("newsarchive/skipped_unchanged")
                return
            if state.etag:
                headers["If-None-Match"] = state.etag
            if state.last_modified:
                headers["If-Modified-Since"] = state.last_modified
        if bound := self.guard.allow(site, url, kind):
            self.stats.inc_value(f"newsarchive/trap_bounded/{bound}")
            return
        meta: dict[str, Any] = {"hops": hops, "kind": kind}
        if headers:
            meta |= {"handle_httpstatus_list": [304], "headers": headers}
        yield from self._request(url, "parse_page", site, priority=1 if kind == "article" else 0, **meta)

    def on_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        """A request that failed for good (after retries): counted per site unless it was a guess."""
        request = failure.request  # type: ignore[attr-defined]
        self._done(request, "callback", "archived")  # a non-2xx answer was archived by the middleware
        if request.meta.get("home"):
            yield from self._release(request.meta["paper"])
        if request.meta.get("optional"):
            self.logger.debug("optional %s failed: %s", request.url, failure.value)
            return
        if request.meta.get("image"):
            self._image_failed(request, failure)
            return
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.stats.inc_value("newsarchive/not_found")
        count(self.stats, request.meta["paper"], "errors")
        self.stats.inc_value("newsarchive/errors")
        self.logger.warning("failed %s: %s", request.url, failure.getErrorMessage())

    # -- discovery -----------------------------------------------------------------------------
    def parse_notfound(self, response: Response) -> Iterator[PageItem]:
        """The answer to a URL that cannot exist: a 200 here is the site's soft "not found" template."""
        yield self._item(response)
        page = redecoded(response)
        tree = parse(page.text, page.url) if page is not None else None
        if tree is not None:
            self.notfound[response.meta["paper"]] = fingerprint(tree)
        self._done(response)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        yield self._item(response)
        site = response.meta["paper"]
        listed = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not listed and not self.papers[site].sitemaps:
            yield from self._request(_site_root(response.url) + "sitemap.xml", "parse_sitemap", site, optional=True)
        for url in listed:
            yield from self._request(url, "parse_sitemap", site, priority=5)
        self._done(response)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        """A sitemap index, a urlset or a Google News sitemap, read as a stream."""
        yield self._item(response)
        site = response.meta["paper"]
        try:
            for entry in iter_sitemap(response.body):
                url = response.urljoin(entry.loc)
                if entry.is_sitemap:
                    yield from self._request(url, "parse_sitemap", site, priority=5)
                    continue
                self.stats.inc_value("newsarchive/sitemap_urls")
                if self.since and entry.lastmod and entry.lastmod.date() < self.since:
                    self.stats.inc_value("newsarchive/outside_window")
                    continue
                yield from self._follow(response, url, entry.lastmod)
        except ValueError as exc:
            self.logger.warning("not a sitemap: %s (%s)", response.url, exc)
        self._done(response)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        """RSS 2.0 or Atom."""
        yield self._item(response)
        selector = scrapy.Selector(response, type="xml")
        selector.remove_namespaces()
        for url in selector.xpath("//item/link/text() | //entry/link/@href").getall():
            yield from self._follow(response, response.urljoin(url.strip()))
        self._done(response)

    # -- pages ---------------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[scrapy.Request | PageItem]:
        """Any HTML page: archived, classified by its content, extracted when it is an article, and its
        links followed (through pages that are neither articles nor listings only a few hops deep)."""
        site = response.meta["paper"]
        if response.status == 304:
            self.archive.touch_page(response.url)
            self.stats.inc_value("newsarchive/not_modified")
            self._done(response, "callback", "archived")
            return
        self._note_host(site, response.url)
        page = redecoded(response)
        tree = parse(page.text, page.url) if page is not None else None
        if page is None or tree is None:
            yield self._item(response)
            self._done(response)
            return
        count(self.stats, site, "pages")
        paper = self.papers[site]
        if response.meta.get("home"):
            if paper.from_url:
                name_from_site(paper, site_name(tree))
            yield from self._release(site)
        hrefs = [page.urljoin(h) for h in tree.xpath("//a/@href")]
        paginated = any(is_pagination(h) and same_site(urlsplit(h).netloc, paper.netloc) for h in hrefs)
        # classify_page drops the scripts and styles of the tree it gets: a tree of its own, so that `tree`
        # stays the page as served for the not-found fingerprint and the listing's dates
        kind, signals = classify_page(parse(page.text, page.url), paginated)  # type: ignore[arg-type]
        if kind != "other" and self._soft_404(site, response, tree, signals):
            kind = "other"
        article = self._article(page, paper, site) if kind == "article" else None
        if kind == "listing":
            self.listings.add(normalize_url(response.url))
        yield self._item(response, article)
        if article is not None:
            yield from self._images(article, site)
        hops = 0 if kind in ("article", "listing") else response.meta.get("hops", 0) + 1
        if hops <= self.max_hops and not (kind == "listing" and self._older_than_window(tree)):
            if response.meta.get("home") and not paper.feeds:
                feeds = [page.urljoin(h) for h in tree.xpath(_FEED_LINKS)]
                feeds += [h for h in hrefs if is_feed(h)]
                for url in dict.fromkeys(feeds):
                    if same_site(urlsplit(url).netloc, paper.netloc, self.site_hosts[site]):
                        yield from self._request(url, "parse_feed", site, priority=5)
            for href in hrefs:
                yield from self._follow(response, href, hops=hops)
        self._done(response)

    def _note_host(self, site: str, url: str) -> None:
        """A redirect to another domain: the paper moved there; its links there are the paper's too."""
        host = urlsplit(url).netloc.lower()
        if host and host not in self.site_hosts[site]:
            self.site_hosts[site] = self.site_hosts[site] | {host}
            self.stats.inc_value("newsarchive/redirected_hosts")
            self.logger.info("%s now also serves from %s", site, host)

    def _soft_404(self, site: str, response: Response, tree: Any, signals: PageSignals) -> bool:
        """A 200 that is not a page: a stub, the site's own not-found template, or a body served for
        unrelated URLs too."""
        reason = ""
        if signals.visible_text < MIN_PAGE_TEXT and signals.headline_links == 0:
            reason = "tiny"
        elif site in self.notfound and resembles(fingerprint(tree), self.notfound[site]):
            reason = "template"
        else:
            sha = hashlib.sha256(response.body).hexdigest()
            if self.bodies[site].setdefault(sha, response.url) != response.url:
                reason = "same_body"
        if reason:
            self.stats.inc_value(f"newsarchive/soft_404/{reason}")
        return bool(reason)

    def _older_than_window(self, tree: Any) -> bool:
        """A listing whose newest dated item is older than --since: its further pages are older still."""
        if self.since is None:
            return False
        dates = [
            d.date()
            for a in tree.iter("a")
            if len(a.text_content().strip()) >= 20 and a.getparent() is not None
            for d in find_dates(a.getparent().text_content()[:400])
        ]
        if dates and max(dates) < self.since:
            self.stats.inc_value("newsarchive/window_stop")
            return True
        return False

    # -- articles ------------------------------------------------------------------------------
    def _article(self, page: Any, paper: Paper, site: str) -> Article | None:
        """The page's article, or None (counted as failed with its reason) when extraction gives none."""
        try:
            article = extract_article(
                page.text, page.url, paper=paper.name, province=paper.province, fetched_at=datetime.now(UTC)
            )
            article.province = paper.province_on(article.published_at)
            article.paper = paper.name_on(article.published_at)
        except Exception as exc:  # noqa: BLE001 - whatever extraction raises, the raw page is kept
            reason = "not_an_article" if isinstance(exc, ExtractionError) else type(exc).__name__
            self.stats.inc_value(f"newsarchive/failed/{reason}")
            self.stats.inc_value("newsarchive/failed")
            count(self.stats, site, "failed")
            self.logger.info("no article from %s: %s", page.url, exc)
            return None
        if len(article.body) < MIN_BODY_CHARS:
            self.stats.inc_value("newsarchive/failed/short_body")
            return None
        if not self._in_window(article):
            self.stats.inc_value("newsarchive/outside_window")
            return None
        article.canonical_url = self._canonical(article, paper, site)
        claimed = self.canonicals.get(normalize_url(article.canonical_url))
        if claimed and claimed[0] != normalize_url(article.url) and claimed[1] == article.content_hash:
            self.stats.inc_value("newsarchive/same_article_other_url")  # a second address of one article
            return None
        article.url = article.canonical_url  # the article's own address, whichever of its addresses was fetched
        if self._same_article_elsewhere(article):
            self.stats.inc_value("newsarchive/same_article_other_url")
            return None
        if self.max_articles and self.articles >= self.max_articles:
            raise CloseSpider("max_articles")
        self.articles += 1
        count(self.stats, site, "articles")
        return article

    # -- images --------------------------------------------------------------------------------
    def _images(self, article: Article, site: str) -> Iterator[scrapy.Request]:
        """Requests for the article's own images not archived yet, at most max_images of them."""
        if not self.crawl_images:
            return
        urls = dict.fromkeys(urldefrag(image.src)[0] for image in article.images)
        for url in [u for u in urls if urlsplit(u).scheme in ("http", "https")][: self.max_images]:
            record = self.archive.page(url)
            if record is not None and record.status < 500:  # fetched by an earlier crawl (5xx: try again)
                self.stats.inc_value("newsarchive/images_archived_before")
                continue
            if self.frontier is not None and self.frontier.oversized(url, self.image_maxsize):
                self.stats.inc_value("newsarchive/images_too_large")
                continue
            yield from self._request(url, "parse_image", site, priority=2, image=True)

    def parse_image(self, response: Response) -> Iterator[PageItem]:
        """An article's image: archived as fetched, never classified or extracted as a page."""
        yield self._item(response)
        kind = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        if kind.startswith("image/"):
            count(self.stats, response.meta["paper"], "images")
            self.stats.inc_value("newsarchive/images")
        else:
            self.stats.inc_value("newsarchive/images_not_image")
        self._done(response)

    def _image_failed(self, request: scrapy.Request, failure: Failure) -> None:
        """An image that could not be archived: cut off for its size (remembered, never asked for again)
        or failed; neither is an error of the paper's pages."""
        if failure.check(DownloadCancelledError, CancelledError):
            self.stats.inc_value("newsarchive/images_too_large")
            if self.frontier is not None:
                self.frontier.remember_oversized(request.url, request.meta["download_maxsize"] + 1)
            self.logger.info("image over %d bytes not archived: %s", request.meta["download_maxsize"], request.url)
            return
        self.stats.inc_value("newsarchive/images_failed")
        self.logger.info("image failed %s: %s", request.url, failure.getErrorMessage())

    def _in_window(self, article: Article) -> bool:
        if article.published_at is None or (self.since is None and self.until is None):
            return True
        day = to_vietnam_time(article.published_at).date()
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    def _canonical(self, article: Article, paper: Paper, site: str) -> str:
        """The canonical URL the article is archived under: rel=canonical / og:url only when it stays on the
        paper's hosts, is not the home or a listing, and no other article with other content claims it."""
        page, canonical = normalize_url(article.url), normalize_url(article.canonical_url)
        if canonical == page:
            self._rekey_earlier_claim(canonical, page, article.content_hash)
            self.canonicals[canonical] = (page, article.content_hash)
            return article.canonical_url
        parts = urlsplit(canonical)
        claimed = self.canonicals.get(canonical)
        row = self.archive.db.execute(
            "SELECT page_url, content_hash FROM articles WHERE canonical_url=?", (canonical,)
        ).fetchone()
        lying = (
            not same_site(parts.netloc, paper.netloc, self.site_hosts[site])
            or (parts.path in ("", "/") and not parts.query)
            or canonical in (normalize_url(paper.home), *self.listings)
            or (claimed is not None and claimed[0] != page and claimed[1] != article.content_hash)
            or (row is not None and row[0] != page and row[1] != article.content_hash)
        )
        if lying:
            self.stats.inc_value("newsarchive/canonical_untrusted")
            return article.url
        self.canonicals.setdefault(canonical, (page, article.content_hash))
        return article.canonical_url

    def _same_article_elsewhere(self, article: Article) -> bool:
        """The same title, lead and body already archived for this paper under another URL (a print or
        mobile view, a copy at a second address): one article, kept once."""
        canonical = normalize_url(article.canonical_url)
        rows = self.archive.db.execute(
            "SELECT canonical_url, json_extract(data, '$.paper') FROM articles WHERE content_hash=?",
            (article.content_hash,),
        ).fetchall()
        return any(url != canonical and paper == article.paper for url, paper in rows)

    def _rekey_earlier_claim(self, canonical: str, page: str, content_hash: str) -> None:
        """An article archived earlier in this crawl under a canonical that turns out to be this page's own
        URL moves to its own page URL, so a lying canonical never merges two articles."""
        claimed = self.canonicals.get(canonical)
        if claimed is None or claimed[0] == page or claimed[1] == content_hash:
            return
        stored = self.archive.get(article_id(canonical))
        if stored is not None:
            stored.canonical_url = claimed[0]
            self.archive.upsert(stored, page_url=claimed[0])
            self.stats.inc_value("newsarchive/canonical_untrusted")

    def _name_from_archive(self, paper: Paper) -> None:
        """On a resumed crawl, the name of a paper known by URL comes from its archived home page."""
        raw = self.archive.raw(paper.home)
        if raw is None:
            return
        content_type = next((v for k, v in raw.headers if k.lower() == "content-type"), "")
        if (tree := parse(decode_html(raw.body, content_type), paper.home)) is not None:
            name_from_site(paper, site_name(tree))

    def closed(self, reason: str) -> None:
        """A crawl that ended normally clears the frontier; a killed or interrupted one leaves it to resume."""
        if self.frontier is not None and reason in FINISHED:
            self.frontier.clear()


def _site_root(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/"
