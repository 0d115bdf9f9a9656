"""Generic article extraction: structured metadata first, the body through trafilatura.

Order of trust for each field: JSON-LD NewsArticle, then OpenGraph/meta tags, then the visible page
(breadcrumb, date line, sapo). The body never holds page chrome: comment boxes, related news, footers.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urljoin

import trafilatura
from lxml import html as lxml_html

from archive.article import Article, Image, to_vietnam_time
from vntext import repair, tidy
from vntext.dates import parse_date

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
_LEAD_XPATH = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' sapo ') or "
    "contains(@class, 'sapo') or contains(@class, 'lead') or contains(@class, 'summary') "
    "or contains(@class, 'description') or contains(@class, 'tom-tat') or contains(@class, 'tomtat')]"
    "[normalize-space()]"
)
_CHROME_CLASSES = (
    "contains(@class, 'comment') or contains(@class, 'related') or contains(@class, 'footer') "
    "or contains(@class, 'lien-quan') or contains(@class, 'lienquan') or contains(@class, 'binhluan')"
)
_PAGE_TEXT_XPATH = (
    f"//body//text()[normalize-space()][not(ancestor::*[{_CHROME_CLASSES} or self::footer "
    "or self::nav or self::aside or self::script or self::style or self::a])]"
)
_BREADCRUMB_XPATH = (
    "//*[contains(@class, 'breadcrumb') or contains(@class, 'duongdan') or contains(@class, 'duong-dan') "
    "or @aria-label='breadcrumb' "
    "or @itemtype='https://schema.org/BreadcrumbList' "
    "or @itemtype='http://schema.org/BreadcrumbList']"
)
_AUTHOR_XPATH = (
    "//*[@itemprop='author' or @rel='author' or contains(@class, 'author') or contains(@class, 'tacgia') "
    f"or contains(@class, 'tac-gia')][normalize-space()][not(ancestor::*[{_CHROME_CLASSES}])]"
)
_CHROME_XPATH = f"//*[{_CHROME_CLASSES} or self::footer or self::nav or self::aside or @id='footer']"
_BYLINE = re.compile(
    r"^\s*(?:bài(?:\s*(?:,|và)\s*ảnh)?|ảnh|tin(?:\s*,\s*ảnh)?|theo)\s*:\s*(?P<who>.{2,80})$", re.IGNORECASE
)
_AUTHOR_LINE = re.compile(r"^[A-ZÀ-Ỹ][A-ZÀ-ỸĐ .\-]{2,60}$")
_CHROME_TEXT = re.compile(
    r"^(Ý kiến bạn đọc|Tin liên quan|Tin khác|Bình luận|Gửi bình luận|Tổng biên tập)", re.IGNORECASE
)


_SOFT_404 = re.compile(
    r"\b404\b|không tìm thấy|không tồn tại|đã bị (?:gỡ|xóa|xoá)|page not found|not found", re.IGNORECASE
)


class ExtractionError(ValueError):
    """The page holds no article (no title or no body, or a 'not found' page answered with 200)."""


def _jsonld_article(tree: lxml_html.HtmlElement) -> dict:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        candidates = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in candidates:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & _ARTICLE_TYPES:
                return item
    return {}


def _meta(tree: lxml_html.HtmlElement, *names: str) -> str:
    for name in names:
        values = tree.xpath(f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content")
        for value in values:
            if value.strip():
                return tidy(value)
    return ""


def _iso_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return to_vietnam_time(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return parse_date(value)


def _ld_text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return tidy(str(value or ""))


def _visible_date(tree: lxml_html.HtmlElement) -> datetime | None:
    """The first date written in the page outside related news, comments and footers."""
    for value in tree.xpath("//*[@itemprop='datePublished']/@datetime | //time/@datetime"):
        if found := _iso_date(value):
            return found
    for text in tree.xpath(_PAGE_TEXT_XPATH):
        if len(text) < 120 and (found := parse_date(text)):
            return found
    return None


def _ld_person(value: object) -> str:
    """The author of JSON-LD metadata when it is a person (papers often name themselves as author)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict) and value.get("@type") not in (None, "Person"):
        return ""
    return _ld_text(value)


def _visible_author(tree: lxml_html.HtmlElement) -> str:
    for element in tree.xpath(_AUTHOR_XPATH):
        text = tidy(element.text_content())
        if 1 < len(text) <= 60:
            return text
    return ""


def _breadcrumb_section(tree: lxml_html.HtmlElement) -> str:
    for crumbs in tree.xpath(_BREADCRUMB_XPATH):
        items = [tidy(a.text_content()) for a in crumbs.xpath(".//a | .//li[not(.//a)]")]
        items = [i for i in items if i and i.lower() not in ("trang chủ", "home")]
        if items:
            return items[-1] if len(items) == 1 else items[0]
    return ""


def _lead(tree: lxml_html.HtmlElement) -> str:
    for element in tree.xpath(_LEAD_XPATH):
        if element.tag in ("meta", "script", "style") or element.xpath("ancestor::*[contains(@class,'related')]"):
            continue
        text = tidy(element.text_content())
        if len(text) > 30:
            return text
    return ""


def _images(tree: lxml_html.HtmlElement, base_url: str) -> list[Image]:
    images = []
    for figure in tree.xpath("//figure[.//img]"):
        if figure.xpath("ancestor::*[contains(@class,'related') or contains(@class,'footer') or self::footer]"):
            continue
        src = figure.xpath(".//img/@src")[0]
        caption = tidy(" ".join(figure.xpath(".//figcaption//text()")) or (figure.xpath(".//img/@alt") or [""])[0])
        images.append(Image(urljoin(base_url, src), caption))
    return images


def _strip_chrome(tree: lxml_html.HtmlElement) -> None:
    """Remove comment boxes, related news, navigation, footers and captions; unwrap layout tables."""
    for element in tree.xpath(_CHROME_XPATH):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.getparent().remove(element)
    for element in tree.xpath("//figcaption"):
        element.getparent().remove(element)
    for table in tree.xpath("//table[.//p or .//div or .//h1 or .//table]"):  # layout tables hold the page
        for element in table.xpath(
            "descendant-or-self::*[self::table or self::tbody or self::thead or self::tr or self::td or self::th]"
        ):
            element.tag = "div"


def _clean_body(text: str, lead: str, title: str) -> tuple[str, str]:
    """Drop the repeated title and lead, chrome lines and a trailing byline; return (body, byline)."""
    paragraphs = [tidy(p) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p and p not in (tidy(title), tidy(lead))]
    byline = ""
    for i, paragraph in enumerate(paragraphs):
        if _CHROME_TEXT.match(paragraph):
            paragraphs = paragraphs[:i]
            break
    while paragraphs:
        match = _BYLINE.match(paragraphs[-1])
        if match:
            byline = byline or match["who"].strip()
        elif not byline and _AUTHOR_LINE.match(paragraphs[-1]) and len(paragraphs) > 1:
            byline = paragraphs[-1]
        else:
            break
        paragraphs.pop()
    if paragraphs and (match := _BYLINE.match(paragraphs[0])):
        byline = byline or match["who"].strip()
        paragraphs.pop(0)
    return "\n\n".join(paragraphs), byline


def extract_article(
    html: str, url: str, *, paper: str = "", province: str = "", fetched_at: datetime | None = None
) -> Article:
    """Extract a clean article from a page's HTML; raises ExtractionError if it holds none."""
    html = repair(html)
    try:
        tree = lxml_html.fromstring(html, base_url=url)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise ExtractionError(f"unparseable HTML at {url}: {exc}") from exc
    ld = _jsonld_article(tree)
    canonical = (tree.xpath("//link[@rel='canonical']/@href") or [""])[0] or _meta(tree, "og:url") or url
    title = (
        _ld_text(ld.get("headline"))
        or _meta(tree, "og:title")
        or tidy((tree.xpath("//h1") or tree.xpath("//title") or [lxml_html.fromstring("<p></p>")])[0].text_content())
    )
    lead = _lead(tree) or _ld_text(ld.get("description")) or _meta(tree, "og:description", "description")
    published = (
        _iso_date(_ld_text(ld.get("datePublished")))
        or _iso_date(_meta(tree, "article:published_time", "datePublished", "pubdate"))
        or _visible_date(tree)
    )
    updated = _iso_date(_ld_text(ld.get("dateModified"))) or _iso_date(_meta(tree, "article:modified_time"))
    section = _ld_text(ld.get("articleSection")) or _meta(tree, "article:section") or _breadcrumb_section(tree)
    images = _images(tree, url)
    if not images and (og_image := _meta(tree, "og:image")):
        images = [Image(urljoin(url, og_image), "")]
    author = _ld_person(ld.get("author")) or _meta(tree, "author", "article:author") or _visible_author(tree)
    _strip_chrome(tree)
    text = (
        trafilatura.extract(  # takes the parsed tree as it is: no second serialization and parse
            tree,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
        )
        or ""
    )
    body, byline = _clean_body(text, lead, title)
    if not title or not body:
        raise ExtractionError(f"no article at {url}: title={bool(title)} body={bool(body)}")
    if _SOFT_404.search(title):
        raise ExtractionError(f"soft 404 at {url}: {title!r}")
    author = author or byline
    return Article(
        url=url,
        canonical_url=urljoin(url, canonical),
        paper=paper,
        province=province,
        title=title,
        lead=lead,
        body=body,
        section=section,
        published_at=published,
        updated_at=updated,
        author=author,
        images=images,
        fetched_at=fetched_at,
    )
