"""The site registry: which papers to crawl and where their feeds, sitemaps and sections are.

`crawler/papers.json` is the bundled registry of Vietnam's provincial papers. Per-site overrides are
registry fields (`article_pattern`), never code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from archive.article import VIETNAM_TZ

BUNDLED_REGISTRY = Path(__file__).with_name("papers.json")
PROVINCE_MERGER = datetime(2025, 7, 1, tzinfo=VIETNAM_TZ)  # 63 provinces became 34


@dataclass(slots=True)
class Paper:
    """One newspaper site. Only `home` is required; discovery finds the rest."""

    id: str
    name: str
    home: str
    province: str = ""  # after the 2025 merger into 34 provinces
    former_province: str = ""  # before it (the same when the province was not merged)
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    article_pattern: str = ""  # regex: links it matches are articles, whatever the URL heuristics say
    verified: bool = True  # False: taken from public listings, not checked against the live site

    @property
    def netloc(self) -> str:
        return urlsplit(self.home).netloc.lower()

    def province_on(self, published: datetime | None) -> str:
        """The paper's province when an article appeared: the former one before the 2025 merger."""
        if self.former_province and published is not None and published < PROVINCE_MERGER:
            return self.former_province
        return self.province


def paper_from_url(url: str) -> Paper:
    """A paper known only by a start URL (`newsarchive crawl --url`)."""
    netloc = urlsplit(url).netloc.lower()
    return Paper(id=netloc.replace(":", "-"), name=netloc, home=url)


def load_registry(path: Path = BUNDLED_REGISTRY) -> list[Paper]:
    """Read a registry JSON file: {"papers": [{"id", "name", "home", ...}]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read the site registry {path}: {exc}") from exc
    fields = set(Paper.__dataclass_fields__)
    papers = []
    for entry in data.get("papers", []):
        missing = {"id", "name", "home"} - entry.keys()
        if missing:
            raise ValueError(f"{path}: paper {entry.get('id', '?')} lacks {sorted(missing)}")
        papers.append(Paper(**{k: v for k, v in entry.items() if k in fields}))
    return papers


def select_papers(papers: list[Paper], ids: list[str]) -> list[Paper]:
    """The papers with the given ids, in that order; ValueError names any unknown id."""
    by_id = {paper.id: paper for paper in papers}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValueError(f"unknown paper id(s): {', '.join(unknown)}")
    return [by_id[i] for i in ids]
