"""Downloader middlewares: backoff before retries, every non-2xx response into the archive, robots.txt obeyed
by every request (also those that arrive while a host's robots.txt is being fetched)."""

from __future__ import annotations

import asyncio
import zlib
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from archive.warc import RawResponse


class RetryBackoffMiddleware:
    """Waits RETRY_BACKOFF_BASE * 2**(n-1) seconds (at most RETRY_BACKOFF_MAX) before the n-th retry."""

    def __init__(self, base: float, ceiling: float) -> None:
        self.base, self.ceiling = base, ceiling

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        return cls(crawler.settings.getfloat("RETRY_BACKOFF_BASE"), crawler.settings.getfloat("RETRY_BACKOFF_MAX"))

    async def process_request(self, request: Request) -> None:
        retries = request.meta.get("retry_times", 0)
        if retries and self.base > 0:
            await asyncio.sleep(min(self.ceiling, self.base * 2 ** (retries - 1)))


def raw_response(response: Response, body: bytes | None = None) -> RawResponse:
    """The response as the archive keeps it."""
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, values in response.headers.items() for v in values]
    return RawResponse(response.url, response.status, headers, response.body if body is None else body)


def _decoded_body(response: Response) -> bytes:
    """The body without its Content-Encoding (gzip, deflate), as the archive stores bodies."""
    encoding = response.headers.get("Content-Encoding", b"").decode("latin-1").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            return zlib.decompress(response.body, zlib.MAX_WBITS | 32)
        except zlib.error:
            try:
                return zlib.decompress(response.body, -zlib.MAX_WBITS)
            except zlib.error:
                return response.body
    return response.body


class ArchiveNonSuccessMiddleware:
    """Archives redirects, error pages and responses about to be retried before Scrapy consumes them.

    Placed before the redirect and retry middlewares (priority 605), so 3xx, 4xx and 5xx responses reach
    the WARC files too; 2xx responses are archived by the spider with the page they belong to. A 304
    only refreshes the archive's record (done by the spider).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveNonSuccessMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        archive = getattr(self.crawler.spider, "archive", None)
        if archive is not None and response.status >= 300 and response.status != 304:
            archive.store_page(raw_response(response, _decoded_body(response)))
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newsarchive/archived_non_2xx")
        return response


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's, but every request waiting for a host's robots.txt is checked against it.

    Scrapy 2.19 has the waiters await the one shared Deferred (`maybe_deferred_to_future`), whose callback
    returns None: only the first waiter gets the parser, the others get None and go through unchecked
    (seen here: an image of a static host fetched under `Disallow`, one crawl in five). Once the
    Deferred has fired the host's entry holds the parser, so a waiter that got None reads it there.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            settled = self._parsers.get(urlparse_cached(request).netloc)
            parser = None if isinstance(settled, Deferred) else settled
        return parser
