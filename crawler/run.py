"""Run a crawl in this process with the project's settings, then assign duplicate clusters; return its stats."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.duplicates import assign_clusters
from archive.frontier import Frontier
from archive.store import Archive
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
    frontier = Frontier(data_dir)
    with Archive(data_dir) as archive:
        crawler = process.create_crawler(NewsSpider)
        resumed = frontier.resuming
        process.crawl(
            crawler, papers=papers, archive=archive, max_articles=max_articles, frontier=frontier,
            since=since, until=until,
        )  # fmt: skip
        process.start()
        frontier.close()
        stats = dict(crawler.stats.get_stats()) if crawler.stats else {}
        stats["newsarchive/resumed"] = resumed
        stats["newsarchive/duplicate_clusters"] = assign_clusters(archive)
        stats["newsarchive/warc_repaired_bytes"] = archive.warc.repaired_bytes
    return stats
