"""Citations of an archived article in five styles, each with the original URL, the publication and
capture dates and a permalink to the archived copy."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from search.model import QueryError

STYLES = {  # style → content type of its text
    "apa": "text/plain; charset=utf-8",
    "chicago": "text/plain; charset=utf-8",
    "bibtex": "application/x-bibtex; charset=utf-8",
    "ris": "application/x-research-info-systems; charset=utf-8",
    "csl-json": "application/vnd.citationstyles.csl+json; charset=utf-8",
}
EXTENSIONS = {"apa": "txt", "chicago": "txt", "bibtex": "bib", "ris": "ris", "csl-json": "json"}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_BIBTEX_SPECIAL = re.compile(r"([{}%&#_$\\])")


@dataclass(frozen=True, slots=True)
class Citable:
    """What a citation says of an article."""

    id: str
    title: str
    paper: str
    author: str
    url: str  # the original address
    published: date | None
    captured: date | None  # when the crawl archived the page
    permalink: str  # the article page here
    archived_url: str  # the archived copy here


def citable(doc: dict[str, Any], captured: datetime | None, permalink: str, archived_url: str) -> Citable:
    """A Citable from a search document and its capture time."""
    published = datetime.fromisoformat(doc["published"]).date() if doc.get("published") else None
    return Citable(
        doc["id"],
        (doc.get("title") or "").strip(),
        doc.get("paper") or "",
        (doc.get("author") or "").strip(),
        doc.get("url") or "",
        published,
        captured.date() if captured else None,
        permalink,
        archived_url,
    )


def _long(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def apa(c: Citable) -> str:
    """APA 7, newspaper article online; Vietnamese names are not inverted."""
    when = f"({c.published.year}, {_MONTHS[c.published.month - 1]} {c.published.day})" if c.published else "(n.d.)"
    head = f"{c.author}. {when}. {c.title}." if c.author else f"{c.title}. {when}."
    archived = f" Archived {_long(c.captured)} at {c.archived_url}" if c.captured else f" Archived at {c.archived_url}"
    return f"{head} {c.paper}. {c.url}{archived}"


def chicago(c: Citable) -> str:
    """Chicago 17, bibliography entry for a newspaper article online."""
    head = f'{c.author}. "{c.title}."' if c.author else f'"{c.title}."'
    when = f", {_long(c.published)}" if c.published else ""
    archived = (
        f" Archived {_long(c.captured)}, at {c.archived_url}." if c.captured else f" Archived at {c.archived_url}."
    )
    return f"{head} {c.paper}{when}. {c.url}.{archived}"


def _bib(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", value)


def bibtex(c: Citable) -> str:
    """biblatex @article with entrysubtype newspaper (UTF-8, for biber)."""
    fields = [
        ("entrysubtype", "newspaper"),
        ("title", c.title),
        ("author", c.author),
        ("journaltitle", c.paper),
        ("date", c.published.isoformat() if c.published else ""),
        ("url", c.url),
        ("urldate", c.captured.isoformat() if c.captured else ""),
        ("note", f"Archived copy: {c.archived_url}"),
    ]
    body = ",\n".join(f"  {name} = {{{value if name == 'url' else _bib(value)}}}" for name, value in fields if value)
    return f"@article{{newsarchive-{c.id},\n{body}\n}}\n"


def ris(c: Citable) -> str:
    """RIS, type NEWS."""
    lines = [("TY", "NEWS"), ("TI", c.title), ("AU", c.author), ("T2", c.paper)]
    if c.published:
        lines += [("PY", str(c.published.year)), ("DA", c.published.strftime("%Y/%m/%d"))]
    lines += [("UR", c.url), ("L2", c.archived_url)]
    if c.captured:
        lines.append(("Y2", c.captured.strftime("%Y/%m/%d")))
    lines += [("N1", f"Archived copy: {c.archived_url} (permalink {c.permalink})"), ("ID", c.id), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


def _parts(day: date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_json(c: Citable) -> str:
    """CSL-JSON (one item in a list), type article-newspaper."""
    item: dict[str, Any] = {
        "id": f"newsarchive-{c.id}",
        "type": "article-newspaper",
        "title": c.title,
        "container-title": c.paper,
        "URL": c.url,
        "archive": "newsarchive",
        "archive_location": c.archived_url,
        "note": f"Permalink: {c.permalink}",
    }
    if c.author:
        item["author"] = [{"literal": c.author}]
    if c.published:
        item["issued"] = _parts(c.published)
    if c.captured:
        item["accessed"] = _parts(c.captured)
    return json.dumps([item], ensure_ascii=False, indent=2)


_FORMATTERS = {"apa": apa, "chicago": chicago, "bibtex": bibtex, "ris": ris, "csl-json": csl_json}


def cite(c: Citable, style: str) -> str:
    """The citation in one of STYLES; QueryError for any other style."""
    if style not in _FORMATTERS:
        raise QueryError("{name} phải là một trong {values}", name="style", values=", ".join(STYLES))
    return _FORMATTERS[style](c)
