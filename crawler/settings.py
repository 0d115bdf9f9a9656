"""Scrapy settings for the newsarchive crawler: polite by default.

Each site is its own download slot (see NewsSpider), so the per-domain limits below hold per site.
"""

from newsarchive.config import settings as _environment

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

CONTACT_URL = _environment().contact_url
USER_AGENT = f"newsarchive/0.1 (+{CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
CONCURRENT_ITEMS = 16  # Scrapy's 100 starts 100 asyncio tasks per response; the archive pipeline is synchronous
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry, doubled for each further one
RETRY_BACKOFF_MAX = 60.0
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 0  # pagination is followed to its end; traps and NEWSARCHIVE_MAX_OTHER_HOPS bound the crawl
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.RetryBackoffMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,  # Scrapy's, each waiting request checked (see there)
    "crawler.middlewares.ArchiveNonSuccessMiddleware": 605,  # before redirect (600) and retry (550)
}
EXTENSIONS = {"crawler.progress.Progress": 500}
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = _environment().log_level
TELNETCONSOLE_ENABLED = False

# HTTP cache for development (`newsarchive crawl --http-cache`): every response kept under DATA_DIR/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.DummyPolicy"
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 408, 429]

# Crawl-trap bounds, per site and per crawl (see crawler.traps).
NEWSARCHIVE_SITE_BUDGET = 200_000  # requests
NEWSARCHIVE_MAX_PER_SHAPE = 1_000  # listing URLs of one shape ('/chuyen-muc/#.htm?page')
NEWSARCHIVE_MAX_CALENDAR_PAGES = 60  # listing URLs carrying a date
NEWSARCHIVE_MAX_QUERY_PARAMS = 2  # listing URLs with more query parameters are not followed
NEWSARCHIVE_MAX_OTHER_HOPS = 2  # links are followed this many pages deep through pages neither article nor listing
NEWSARCHIVE_SITEMAP_MAXSIZE = 256 * 1024 * 1024  # bytes: sitemaps may be far larger than pages
NEWSARCHIVE_MAX_IMAGES = 20  # images fetched per article (on/off: NEWSARCHIVE_CRAWL_IMAGES, newsarchive.config)
NEWSARCHIVE_IMAGE_MAXSIZE = 5 * 1024 * 1024  # bytes: a larger image is cut off, not archived (the article is)
NEWSARCHIVE_PROGRESS_INTERVAL = 10.0  # seconds between progress tables on stderr; 0: summary only; -1: off

# `--fast`: for a press on loopback only (tests, benchmarks): no delay, no throttling.
LOOPBACK_FAST = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_BACKOFF_BASE": 0.2,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
}
