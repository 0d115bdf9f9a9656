"""The archive pipeline: every fetched page and article lands in the archive of record first."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import Crawler

from archive.store import Archive
from crawler.items import PageItem


class ArchivePipeline:
    """Stores raw responses in WARC files and upserts articles by canonical URL."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.data_dir = Path(crawler.settings.get("NEWSARCHIVE_DATA_DIR", "data"))
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.archive = Archive(self.data_dir)

    def close_spider(self) -> None:
        if self.archive:
            self.archive.close()

    def process_item(self, item: PageItem) -> PageItem:
        assert self.archive is not None and self.crawler.stats is not None
        record = self.archive.store_page(item.response)
        if item.article is not None:
            changed = self.archive.upsert(item.article, page_url=record.url)
            self.crawler.stats.inc_value("newsarchive/articles_changed" if changed else "newsarchive/articles_same")
        return item
