"""Downloader middleware: exponential backoff before each retry of a failed request."""

from __future__ import annotations

import asyncio

from scrapy import Request
from scrapy.crawler import Crawler


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
