"""Crawling: a Scrapy project that discovers articles on news sites and hands them to the archive."""
