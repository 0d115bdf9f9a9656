"""What the spider hands to the pipelines: a fetched page and, when it is one, its article."""

from __future__ import annotations

from dataclasses import dataclass

from archive.article import Article
from archive.warc import RawResponse


@dataclass(slots=True)
class PageItem:
    """A fetched response, with the article extracted from it if the page is an article."""

    response: RawResponse
    article: Article | None = None
    frontier_url: str = ""  # the URL the crawl requested (before redirects): done in the frontier once stored
