"""Load the sample press corpus: paper metadata (paper.json) and articles (articles.txt) per paper.

articles.txt holds one block per article. A block starts with a line ``### <id>``, then ``key: value``
header lines (section, published, author, title, optional modified/byline/comment/slug), a blank line,
and paragraphs separated by blank lines: the first is the lead (sapo), the rest the body. A line
``[ảnh] file.jpg | caption`` is a figure placed between body paragraphs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

CONTENT = Path(__file__).with_name("content")
SEED_FILE = CONTENT / "datmui" / "baiviet-datmui-2017-cai-cach-hanh-chinh.txt"
SEED_CAPTION = "Phó Bí thư Thường trực Tỉnh ủy Phạm Bạch Đằng phát biểu tại cuộc họp."
PAPER_ORDER = ("datmui", "baclieu", "thachhan")
HARD_PAPER = "phusa"  # served only by SamplePress(hard=True): no sitemap, no feed, faults

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[“\"(]?[A-ZÀ-ỸĐÐ0-9])")
_ABBREVIATIONS = ("TP.", "Tp.", "TS.", "ThS.", "BS.", "PGS.", "GS.", "KS.", "P.", "Q.")


@dataclass(frozen=True)
class Figure:
    """An image with its caption."""

    file: str
    caption: str


@dataclass
class Article:
    """One article: metadata, lead and body blocks (paragraph strings or Figures)."""

    paper: str
    id: str
    section: str
    title: str
    published: datetime
    modified: datetime
    author: str | None
    lead: str
    blocks: list[str | Figure]
    byline: str = ""
    comment: tuple[str, str] | None = None
    slug: str = ""
    fault: str = ""  # hard paper only: how the page is served wrong (see hard.py)

    @property
    def paragraphs(self) -> list[str]:
        return [b for b in self.blocks if isinstance(b, str)]

    @property
    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]


@dataclass
class Paper:
    """A newspaper site: its metadata from paper.json and its articles, newest first."""

    id: str
    name: str
    province: str
    meta: dict
    articles: list[Article] = field(default_factory=list)

    @property
    def sections(self) -> dict[str, str]:
        """Section slug → display name, in menu order."""
        return dict(self.meta["sections"])

    def by_section(self, section: str) -> list[Article]:
        return [a for a in self.articles if a.section == section]


def slugify(text: str) -> str:
    """ASCII URL slug: 'Cà Mau đón bão' → 'ca-mau-don-bao'."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences at . ! ? … followed by a capitalised word ('TP. Cà Mau' is kept)."""
    out: list[str] = []
    for part in _SENTENCE_END.split(paragraph.strip()):
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + part
        elif part:
            out.append(part)
    return out


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.strip().replace(" ", "T") + ("" if "+" in value else "+07:00"))


def _parse_block(paper: str, block: str) -> Article:
    head, _, text = block.partition("\n\n")
    lines = head.strip().splitlines()
    meta = dict(line.split(":", 1) for line in lines[1:])
    meta = {k.strip(): v.strip() for k, v in meta.items()}
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text.strip()) if c.strip()]
    blocks: list[str | Figure] = []
    for chunk in chunks[1:]:
        for line in chunk.splitlines() if chunk.startswith("[ảnh]") else [chunk]:
            if line.startswith("[ảnh]"):
                file, _, caption = line.removeprefix("[ảnh]").partition("|")
                blocks.append(Figure(file.strip(), caption.strip()))
            else:
                blocks.append(" ".join(line.split()))
    published = _parse_time(meta["published"])
    comment = meta.get("comment")
    return Article(
        paper=paper,
        id=lines[0].removeprefix("###").strip(),
        section=meta["section"],
        title=meta["title"],
        published=published,
        modified=_parse_time(meta["modified"]) if "modified" in meta else published + timedelta(hours=2),
        author=meta.get("author") or None,
        lead=" ".join(chunks[0].split()),
        blocks=blocks,
        byline=meta.get("byline", "Bài, ảnh:" if any(b for b in blocks if isinstance(b, Figure)) else ""),
        comment=tuple(p.strip() for p in comment.split("|", 1)) if comment else None,  # type: ignore[arg-type]
        slug=meta.get("slug") or slugify(meta["title"]),
        fault=meta.get("fault", ""),
    )


def load_seed() -> tuple[Article, list[str]]:
    """The real seed article (paper A) and its masthead lines (the text after 'Ý kiến bạn đọc')."""
    raw = SEED_FILE.read_text(encoding="utf-8")
    text, _, tail = raw.partition("\nÝ kiến bạn đọc")
    lines = [" ".join(line.split()) for line in text.strip().splitlines() if line.strip()]
    title, lead, rest = lines[0], lines[1], lines[2:]
    blocks: list[str | Figure] = [
        Figure("pho-bi-thu-thuong-truc-pham-bach-dang.jpg", p) if p == SEED_CAPTION else p for p in rest
    ]
    masthead = [line.strip().removeprefix("•").strip() for line in tail.splitlines()]
    masthead = [line for line in masthead if line]
    published = datetime.fromisoformat("2017-06-12T08:30:00+07:00")
    seed = Article(
        paper="datmui",
        id="20475",
        section="xay-dung-dang",
        title=title,
        published=published,
        modified=published + timedelta(hours=1, minutes=12),
        author=None,
        lead=lead,
        blocks=blocks,
        slug=slugify(title),
    )
    return seed, masthead


def _load_paper(pid: str) -> Paper:
    meta = json.loads((CONTENT / pid / "paper.json").read_text(encoding="utf-8"))
    paper = Paper(pid, meta["name"], meta["province"], meta)
    raw = (CONTENT / pid / "articles.txt").read_text(encoding="utf-8")
    paper.articles = [_parse_block(pid, "###" + b) for b in raw.split("\n###")[1:]]
    return paper


@cache
def load_hard_paper() -> Paper:
    """The hard paper (Báo Phù Sa): every article carries a serving fault."""
    paper = _load_paper(HARD_PAPER)
    paper.articles.sort(key=lambda a: a.published, reverse=True)
    return paper


@cache
def load_papers() -> tuple[Paper, ...]:
    """The three original papers with their articles (newest first), read from the content folder once."""
    papers = []
    for pid in PAPER_ORDER:
        paper = _load_paper(pid)
        if pid == "datmui":
            seed, masthead = load_seed()
            paper.articles.append(seed)
            paper.meta["masthead"] = masthead
        paper.articles.sort(key=lambda a: a.published, reverse=True)
        papers.append(paper)
    return tuple(papers)
