"""Live progress of a crawl on stderr: a compact per-site table every N seconds and a summary at the end."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

SITE_KEY = "newsarchive/site/{site}/{counter}"
COUNTERS = ("pages", "articles", "images", "failed", "errors")


def count(stats: StatsCollector, site: str, counter: str) -> None:
    """Add one to a per-site counter (pages, articles, images, failed extractions or errors)."""
    stats.inc_value(SITE_KEY.format(site=site, counter=counter))


def site_table(stats: dict, elapsed: float) -> list[str]:
    """Lines of the per-site table: pages, articles, images, failed extractions, errors and pages per second."""
    sites = sorted({key.split("/")[2] for key in stats if key.startswith("newsarchive/site/")})
    rows = [f"  {'site':32} {'pages':>7} {'articles':>8} {'images':>6} {'failed':>6} {'errors':>6} {'pages/s':>7}"]
    totals = dict.fromkeys(COUNTERS, 0)
    for site in sites:
        values = {c: stats.get(SITE_KEY.format(site=site, counter=c), 0) for c in COUNTERS}
        totals = {c: totals[c] + values[c] for c in COUNTERS}
        rate = values["pages"] / elapsed if elapsed else 0.0
        cells = _cells(values)
        rows.append(f"  {site[:32]:32} {cells} {rate:7.1f}")
    rate = totals["pages"] / elapsed if elapsed else 0.0
    cells = _cells(totals)
    rows.append(f"  {'all':32} {cells} {rate:7.1f}")
    return rows


def _cells(values: dict) -> str:
    return (
        f"{values['pages']:7d} {values['articles']:8d} {values['images']:6d} {values['failed']:6d} "
        f"{values['errors']:6d}"
    )


class Progress:
    """Prints the table every NEWSARCHIVE_PROGRESS_INTERVAL seconds (0 turns the live table off)."""

    def __init__(self, crawler: Crawler, interval: float, out: TextIO = sys.stderr) -> None:
        self.crawler, self.interval, self.out = crawler, interval, out
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.report)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        interval = crawler.settings.getfloat("NEWSARCHIVE_PROGRESS_INTERVAL")
        if interval < 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self.loop.start(self.interval, now=False)

    def report(self, title: str = "crawl") -> None:
        assert self.crawler.stats is not None
        elapsed = time.monotonic() - self.started
        print(f"[{title} {int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}]", file=self.out)
        print("\n".join(site_table(self.crawler.stats.get_stats(), elapsed)), file=self.out, flush=True)

    def closed(self, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        self.report(f"crawl {reason}")
