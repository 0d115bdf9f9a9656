"""The site registry: which papers to crawl, their hosts, and where their feeds, sitemaps and sections are.

`crawler/papers.json` is the bundled registry of Vietnam's provincial press (see docs/crawler.md for the
2025 map). Per-site overrides are registry fields (`article_pattern`, `aliases`), never code.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from archive.article import VIETNAM_TZ
from crawler.links import EDITION_PREFIXES, site_key

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
    aliases: list[str] = field(default_factory=list)  # the paper's other hosts (second domains, old domains)
    kind: str = "paper"  # paper | radio-tv | merged (a 2025 'Báo và Phát thanh, Truyền hình <tỉnh>')
    former_name: str = ""  # the name it published under before `merged_on`
    merged_into: str = ""  # id of the paper it became part of
    merged_on: str = ""  # ISO date the merger took effect
    checked: str = ""  # how the entry was checked, e.g. 'stored pages, 2026-12'; '' = from public listings only
    verified: bool = True  # False: taken from public listings, not checked against the live site
    from_url: bool = False  # known only by a start URL: name and province come from the site

    @property
    def netloc(self) -> str:
        return urlsplit(self.home).netloc.lower()

    @property
    def hosts(self) -> set[str]:
        """Every host the paper serves under: home, bare domain, www./m./amp./e./en. editions, aliases."""
        base = site_key(self.netloc)
        hosts = {self.netloc, base, *(f"{prefix}.{base}" for prefix in EDITION_PREFIXES)}
        for alias in self.aliases:
            alias_host = urlsplit(alias if "//" in alias else f"//{alias}").netloc.lower()
            alias_base = site_key(alias_host)
            hosts |= {alias_host, alias_base, *(f"{prefix}.{alias_base}" for prefix in EDITION_PREFIXES)}
        return hosts

    def province_on(self, published: datetime | None) -> str:
        """The paper's province when an article appeared: the former one before the 2025 merger."""
        if self.former_province and published is not None and published < PROVINCE_MERGER:
            return self.former_province
        return self.province

    def name_on(self, published: datetime | None) -> str:
        """The paper's name when an article appeared: the former name before its merger date."""
        if not (self.former_name and self.merged_on and published is not None):
            return self.name
        before = published.astimezone(VIETNAM_TZ).date() < date.fromisoformat(self.merged_on)
        return self.former_name if before else self.name


def paper_from_url(url: str, known: list[Paper] | None = None) -> Paper:
    """A paper known by a start URL (`newsarchive crawl --url`): the registry's entry when one of its hosts
    matches, else a paper named after the host until its home page gives the name (see name_from_site)."""
    netloc = urlsplit(url).netloc.lower()
    for paper in known or []:
        if netloc in paper.hosts:
            return paper
    return Paper(id=netloc.replace(":", "-"), name=netloc, home=url, from_url=True)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@cache
def _provinces() -> dict[str, tuple[str, str]]:
    """Province name (folded) → (province after the 2025 merger, province before it), from the registry."""
    names: dict[str, tuple[str, str]] = {}
    for paper in load_registry():
        if paper.former_province:
            names.setdefault(_fold(paper.former_province), (paper.province, paper.former_province))
        if paper.province:
            names.setdefault(_fold(paper.province), (paper.province, paper.province))
    return names


def name_from_site(paper: Paper, name: str) -> None:
    """Give a paper known by URL the name its site writes, and the province that name says ('Báo Phú Yên')."""
    name = " ".join(name.split())
    if not name:
        return
    paper.name = name
    folded = f" {_fold(name)} "
    matches = [key for key in _provinces() if f" {key} " in folded]
    if matches:
        paper.province, paper.former_province = _provinces()[max(matches, key=len)]


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
