"""Run a crawl in this process with the project's settings and return its stats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.registry import Paper
from crawler.spiders.news import NewsSpider


def crawl(
    papers: list[Paper], data_dir: Path, *, max_articles: int | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Crawl the papers into the archive under data_dir; blocks until done."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWSARCHIVE_DATA_DIR", str(data_dir), priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, papers=papers, max_articles=max_articles)
    process.start()
    return dict(crawler.stats.get_stats()) if crawler.stats else {}
