"""Run a crawl in this process with the project's settings, then assign duplicate clusters; return its stats."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.defer import deferred_from_coro

from archive.duplicates import assign_clusters
from archive.frontier import Frontier
from archive.store import Archive, ArchiveWriteError
from crawler import settings as default_settings
from crawler.registry import Paper
from crawler.spiders.news import NewsSpider


def crawl_settings(
    data_dir: Path, *, fast: bool = False, http_cache: bool = False, overrides: dict[str, Any] | None = None
) -> Settings:
    """The project settings, with --fast (loopback only), --http-cache and explicit overrides applied."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWSARCHIVE_DATA_DIR", str(data_dir), priority="project")
    if fast:
        settings.update(default_settings.LOOPBACK_FAST, priority="cmdline")
    if http_cache:
        settings.set("HTTPCACHE_ENABLED", True, priority="cmdline")
        settings.set("HTTPCACHE_DIR", str(data_dir / "httpcache"), priority="cmdline")
    settings.update(overrides or {}, priority="cmdline")
    return settings


def _stop_when_the_archive_fails(crawler: Crawler) -> None:
    """Close the spider on the first item the archive could not store: fetching on would lose pages."""

    def item_error(failure: Any, **_: Any) -> None:
        if isinstance(failure.value, ArchiveWriteError) and crawler.engine is not None:
            deferred_from_coro(crawler.engine.close_spider_async(reason="archive_write_error"))

    crawler.signals.connect(item_error, signal=signals.item_error, weak=False)


def crawl(
    papers: list[Paper],
    data_dir: Path,
    *,
    max_articles: int | None = None,
    since: date | None = None,
    until: date | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Crawl the papers into the archive under data_dir; blocks until done. A crawl killed midway resumes
    from its frontier on the next call. Options: see crawl_settings."""
    process = CrawlerProcess(crawl_settings(data_dir, **options))
    with Archive(data_dir) as archive:  # the writer's lock first: the frontier is the crawl's too
        frontier = Frontier(data_dir)
        crawler = process.create_crawler(NewsSpider)
        resumed = frontier.resuming
        _stop_when_the_archive_fails(crawler)
        process.crawl(
            crawler, papers=papers, archive=archive, max_articles=max_articles, frontier=frontier,
            since=since, until=until,
        )  # fmt: skip
        process.start()
        frontier.close()
        if archive.write_error:  # disk full or the like: what was archived is whole, the rest was not fetched
            raise archive.write_error
        stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
        stats["newsarchive/resumed"] = resumed
        stats["newsarchive/duplicate_clusters"] = assign_clusters(archive)
        stats["newsarchive/warc_repaired_bytes"] = archive.warc.repaired_bytes
    return stats
