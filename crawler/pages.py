"""What a fetched page is, decided from the page: an article, a listing, or something else.

An article has structure saying so (NewsArticle/Article JSON-LD, `og:type=article`, or a headline with a
publication date) *and* a main text block that is not a list of headlines (templates that say
`og:type=article` on every page are common). A listing links to many article-like pages. Also here: the
site's name as the site writes it, and fingerprints that recognise a site's own "not found" page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from lxml import html as lxml_html

from vntext.punctuation import DASH_CHARS

PageKind = Literal["article", "listing", "other"]

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "blogposting", "liveblogposting", "backgroundnewsarticle", "reviewnewsarticle",
}  # fmt: skip
MIN_ARTICLE_TEXT = 250  # characters of paragraph text in the main block (the extractor keeps bodies of 200+)
MIN_PAGE_TEXT = 200  # below this much visible text a 200 page is a stub or an error page
HEADLINE_CHARS = 20  # link text this long reads like a headline
_DATE = re.compile(r"\b[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d")
_PRESS_WORDS = re.compile(r"\b(?:báo|thời báo|tạp chí|đài|truyền hình|phát thanh|cổng thông tin|tin tức)\b", re.I)
_TITLE_SEPARATORS = re.compile(rf"\s+[-|{DASH_CHARS}:»]+\s+|\s*\|\s*")
_WORD = re.compile(r"\w+")
_CHROME = re.compile(r"\b(?:footer|header|nav|aside|menu|sidebar|copyright|bottom)\b|^(?:footer|header|nav|aside)\b")


def _marks(element: lxml_html.HtmlElement) -> str:
    return f"{element.tag} {element.get('class', '')} {element.get('id', '')}".lower()


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What classify_page looked at (kept for probe output and logs)."""

    ld_article: bool
    og_article: bool
    headline: bool
    dated: bool
    main_text: int  # characters in the largest block of paragraphs
    main_links: int  # headline-like links inside that block
    headline_links: int  # headline-like links on the whole page
    visible_text: int


def parse(text: str, url: str) -> lxml_html.HtmlElement | None:
    """The page as an lxml tree, or None when it is not HTML."""
    try:
        return lxml_html.fromstring(text, base_url=url)
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _ld_types(tree: lxml_html.HtmlElement) -> set[str]:
    types: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("@type")
            for value in kind if isinstance(kind, list) else [kind]:
                if isinstance(value, str):
                    types.add(value.lower())
            walk(node.get("@graph"))

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except ValueError:
            continue
    return types


def _meta(tree: lxml_html.HtmlElement, name: str) -> str:
    values = tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    return values[0].strip() if values else ""


def _headline_links(element: lxml_html.HtmlElement) -> int:
    return sum(1 for a in element.iter("a") if len(a.text_content().strip()) >= HEADLINE_CHARS)


def _chrome(element: lxml_html.HtmlElement) -> bool:
    """Inside the page's header, footer, navigation or sidebar."""
    return any(_CHROME.search(_marks(node)) for node in element.iterancestors())


def _main_block(tree: lxml_html.HtmlElement) -> tuple[int, int]:
    """(characters, headline links) of the element outside the page chrome whose direct paragraphs hold
    the most text."""
    best, best_element = 0, None
    parents = {p.getparent() for p in tree.iter("p") if p.getparent() is not None}
    for parent in (p for p in parents if not _chrome(p) and not _CHROME.search(_marks(p))):
        chars = sum(len(p.text_content().strip()) for p in parent if p.tag == "p")
        if chars > best:
            best, best_element = chars, parent
    return best, (_headline_links(best_element) if best_element is not None else 0)


def signals(tree: lxml_html.HtmlElement) -> PageSignals:
    """The evidence classify_page weighs."""
    for junk in tree.xpath("//script|//style|//noscript"):
        if junk.get("type") != "application/ld+json":
            junk.drop_tree()
    h1 = [h.text_content().strip() for h in tree.iter("h1")]
    dated = bool(
        _meta(tree, "article:published_time")
        or tree.xpath("//*[@itemprop='datePublished'] | //time[@datetime]")
        or _DATE.search(" ".join(tree.xpath("//body//text()"))[:20000])
    )
    main_text, main_links = _main_block(tree)
    body = tree.find("body")
    visible = len(" ".join((body if body is not None else tree).text_content().split()))
    return PageSignals(
        ld_article=bool(_ld_types(tree) & ARTICLE_TYPES),
        og_article=_meta(tree, "og:type").lower() == "article",
        headline=any(len(t) >= 10 for t in h1),
        dated=dated,
        main_text=main_text,
        main_links=main_links,
        headline_links=_headline_links(tree),
        visible_text=visible,
    )


def classify_page(tree: lxml_html.HtmlElement, paginated: bool = False) -> tuple[PageKind, PageSignals]:
    """Article, listing or other, from the page's structure and text (see the module docstring).
    paginated: the page links further pages of itself (a listing even when it holds few items)."""
    s = signals(tree)
    structured = s.ld_article or s.og_article or (s.headline and s.dated)
    if structured and s.main_text >= MIN_ARTICLE_TEXT and s.main_links < 3:
        return "article", s
    if s.headline_links >= 4 or (paginated and s.headline_links >= 1):
        return "listing", s
    return "other", s


def site_name(tree: lxml_html.HtmlElement) -> str:
    """The paper's name as its home page writes it: og:site_name, the masthead logo, the <title>."""
    if name := _meta(tree, "og:site_name"):
        return name
    for alt in tree.xpath("//a[@href='/' or @href='./' or contains(@href,'index') or @href='']//img/@alt"):
        if _PRESS_WORDS.search(alt):
            return " ".join(alt.split())
    title = " ".join(" ".join(tree.xpath("//title//text()")).split())
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    named = [p for p in parts if _PRESS_WORDS.search(p)]
    return (named or parts or [""])[0]


def fingerprint(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """Word 3-shingles of a page's visible text (to recognise the site's own 'not found' page)."""
    words = _WORD.findall(" ".join(tree.xpath("//body//text()")).lower())
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(0, len(words) - 2)))


def resembles(a: frozenset[str], b: frozenset[str], threshold: float = 0.85) -> bool:
    """Whether two fingerprints are near-identical (Jaccard similarity)."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold
