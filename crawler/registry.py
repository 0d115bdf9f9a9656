"""The site registry: which papers to crawl and where their feeds, sitemaps and sections are."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(slots=True)
class Paper:
    """One newspaper site. Only `home` is required; discovery finds the rest."""

    id: str
    name: str
    home: str
    province: str = ""
    former_province: str = ""
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    verified: bool = True

    @property
    def netloc(self) -> str:
        return urlsplit(self.home).netloc.lower()


def paper_from_url(url: str) -> Paper:
    """A paper known only by a start URL (`newsarchive crawl --url`)."""
    netloc = urlsplit(url).netloc.lower()
    return Paper(id=netloc.replace(":", "-"), name=netloc, home=url)


def load_registry(path: Path) -> list[Paper]:
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
