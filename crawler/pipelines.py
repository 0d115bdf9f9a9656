"""The archive pipeline: every fetched page and article lands in the archive of record first."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import PageItem


class ArchivePipeline:
    """Stores raw responses in WARC files and upserts articles by canonical URL (in the spider's archive)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        spider = self.crawler.spider
        archive = spider.archive  # type: ignore[union-attr]
        assert self.crawler.stats is not None
        with archive.transaction():  # the page and its article together or neither (a full disk, say)
            record = archive.store_page(item.response)
            changed = item.article is not None and archive.upsert(item.article, page_url=record.url)
        if item.article is not None:
            self.crawler.stats.inc_value("newsarchive/articles_changed" if changed else "newsarchive/articles_same")
        if item.frontier_url:
            spider.archived(item.frontier_url)  # type: ignore[union-attr]
        return item
