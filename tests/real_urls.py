"""The real addresses of tests/data/real_urls.tsv, and how crawler.links scores on them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.links import classify_link

REAL_URLS = Path(__file__).with_name("data") / "real_urls.tsv"
_REGISTRY_PREFIXES = ("www", "wwww", "m", "mobile", "amp", "e", "lite", "beta")


@dataclass(frozen=True)
class RealUrl:
    kind: str  # article | listing
    scope: str  # provincial | national
    split: str  # tune | heldout
    url: str

    @property
    def home_netloc(self) -> str:
        """The outlet's home host as a registry lists it: the bare domain, without 'www.', 'm.', 'amp.'."""
        parts = urlsplit(self.url).netloc.lower().split(".")
        while len(parts) > 2 and parts[0] in _REGISTRY_PREFIXES:
            parts = parts[1:]
        return ".".join(parts)


def real_urls(split: str | None = None) -> list[RealUrl]:
    lines = [line for line in REAL_URLS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = [RealUrl(*line.split("\t")) for line in lines[1:] if line.strip()]
    return [r for r in rows if split is None or r.split == split]


def score(rows: list[RealUrl]) -> dict[str, float | int]:
    """Shares of article URLs followed / recognised as articles, and of listing URLs followed."""
    kinds = Counter((r.kind, classify_link(r.url, r.home_netloc)) for r in rows)
    articles = sum(v for (k, _), v in kinds.items() if k == "article")
    listings = sum(v for (k, _), v in kinds.items() if k == "listing")
    return {
        "articles": articles,
        "listings": listings,
        "article_followed": 1 - kinds[("article", "other")] / articles,
        "article_recognised": kinds[("article", "article")] / articles,
        "listing_followed": 1 - kinds[("listing", "other")] / listings,
        "listing_recognised": kinds[("listing", "section")] / listings,
    }
