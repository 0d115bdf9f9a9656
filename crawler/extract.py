"""Generic article extraction: the page's structure and metadata for the fields, trafilatura for the body.

- Title: the page heading that the metadata title starts with (a logo or site-name ``<h1>`` never is);
  without one, JSON-LD ``headline``, then ``og:title``/``<title>`` with their site suffix removed.
- Date: the date-time printed next to that heading (dates of related news, comments, the top bar and the
  footer are far from it); metadata fills a missing time and is the fallback. ``updated_at`` from
  ``dateModified`` or a printed "Cập nhật" date.
- Author: a person named by JSON-LD, meta tags, an author element or the byline at either end of the body;
  never the site, the CMS vendor or a photo credit.
- Body: trafilatura on the tree without comment nodes or page chrome, tables kept; the sapo as the lead.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Extractor

from archive.article import Article, Image, to_vietnam_time
from vntext import fold, repair, tidy
from vntext.chrome import cut_at_chrome
from vntext.dates import DateMatch, date_matches
from vntext.punctuation import DASH_CHARS

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
_BLOCK_TAGS = {"p", "div", "td", "li", "section", "article", "blockquote", "h4", "h5", "h6"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_BLOCKS = "self::nav or self::footer or self::aside or self::header or self::ul or self::ol or self::a"
_LEAD_CLASS = re.compile(r"(?:^|[-_])(?:sapo|lead|summary|description|tom-?tat|chapeau|standfirst|intro)(?:$|[-_])")
_LEAD_NOT = re.compile(r"leader|leading|mislead|lead(?:er)?board|menu|nav")
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:comments?|binh-?luan|related|relate|lien-?quan|footer|tin-?khac|tinkhac|other-news)(?:$|[\s_-])"
)
_BREADCRUMB_XPATH = (
    "//*[contains(@class, 'breadcrumb') or contains(@class, 'duongdan') or contains(@class, 'duong-dan') "
    "or @aria-label='breadcrumb' "
    "or @itemtype='https://schema.org/BreadcrumbList' "
    "or @itemtype='http://schema.org/BreadcrumbList']"
)
_AUTHOR_XPATH = (
    "//*[@itemprop='author' or @rel='author' or contains(translate(@class, 'AUTHOR', 'author'), 'author') "
    "or contains(@class, 'tacgia') or contains(@class, 'tac-gia')][normalize-space()]"
)
_CREDIT = re.compile(
    r"^\s*(?:(?:bài|tin|nội dung)(?:\s*(?:,|và|-|&)\s*ảnh)?|theo|nguồn|thực hiện)\s*[:.]?\s*(?P<who>.{2,80})$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(r"^\s*\(?(?:ảnh|photo|video|đồ họa|clip)\s*:", re.IGNORECASE)
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha())
_NAME_WORD = rf"(?:[{_UPPER}]\.)+|[{_UPPER}][\w'’]*\.?"
_NAME = rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,4}}"
_BYLINE = re.compile(rf"^(?:{_NAME})(?:\s*[-,&]\s*(?:{_NAME})){{0,2}}(?:\s*(?:\([^()]{{2,30}}\)|/\S{{2,30}}))?$")
_SOURCE_SUFFIX = re.compile(r"\s*/\s*[\w.-]+\.(?:vn|com|net|org)$", re.IGNORECASE)  # "X/Vcamp.vn": X's source
_INITIAL_END = re.compile(rf"(?:^|[\s.])[{_UPPER}]\.$")
_VENDORS = re.compile(r"\.(?:vn|com|net|org)\b|corp|channelvn|công nghệ|công ty|ban biên tập|tòa soạn", re.I)
_SITE_SEPARATORS = re.compile(rf"\s+(?:[-|{DASH_CHARS}:·»]|::)\s*|\s*\|\s*")
_MAYBE_DATE = re.compile(r"\d\s*[/.:hg-]\s*\d|\d\s+tháng|\d\s*giờ|[AaPp]\.?[Mm]\b")  # cheap test before the parser
_ENGLISH_LABEL = re.compile(r"^\s*(?:published|posted|updated)(?:\s+on)?\b", re.IGNORECASE)
_UPDATE = re.compile(r"cập nhật|updated?", re.IGNORECASE)
# A "not found" headline makes a soft 404 only on an undated page: a dated article may well be headlined
# "Vẫn không tìm thấy ngư dân mất tích" or "Mở rộng Quốc lộ 404" (the crawler also decides from the page).
_NOT_FOUND_TITLE = re.compile(
    r"^(?:404\b|không tìm thấy (?:trang|bài)|trang không tồn tại|page not found|not found)", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


_LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src")  # where lazy-loading scripts keep the picture


_TRAFILATURA = Extractor(comments=False, tables=True, images=False)
_TRAFILATURA_FAST = Extractor(comments=False, tables=True, images=False, fast=True)  # no fallback extractors


class ExtractionError(ValueError):
    """The page holds no article (no title or no body, or a 'not found' page answered with 200)."""


def _parse(html: str, url: str) -> lxml_html.HtmlElement:
    """The page's tree, without comment nodes or processing instructions (their tails kept)."""
    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", repair(html)), base_url=url)
    except (ValueError, etree.ParserError) as exc:
        raise ExtractionError(f"unparseable HTML at {url}: {exc}") from exc
    etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)
    return tree


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
                return tidy(html_lib.unescape(value))
    return ""


def _ld_text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return tidy(str(value or ""))


def _key(text: str) -> str:
    """Text compared loosely: folded, lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", fold(text).lower())


# ---- title ------------------------------------------------------------------------------------------
def _site_names(tree: lxml_html.HtmlElement, ld: dict, url: str) -> set[str]:
    """Loose keys of the names the site goes by: og:site_name, the JSON-LD publisher, its host name."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    names = {_meta(tree, "og:site_name", "application-name"), _ld_text(ld.get("publisher"))}
    keys = {_key(n) for n in names if n} | {_key(host.split(".")[0])} if host else {_key(n) for n in names if n}
    return {k for k in keys if k}


def _strip_site(title: str, sites: set[str]) -> str:
    """A metadata title without its site or SEO suffix ('Tiêu đề - Báo X', 'Tiêu đề | Mục | Site')."""
    parts = _SITE_SEPARATORS.split(title)
    while len(parts) > 1:
        last = parts[-1]
        if any(s in _key(last) or _key(last) in s for s in sites) or len(last) < 0.6 * len(" ".join(parts[:-1])):
            parts.pop()
        else:
            break
    return tidy(parts[0]) if len(parts) == 1 else title


def _headline(tree: lxml_html.HtmlElement, ld: dict, sites: set[str]) -> tuple[str, etree._Element | None]:
    """(title, heading element): the heading the metadata titles start with, else the cleaned metadata."""
    titles = [_ld_text(ld.get("headline")), _meta(tree, "og:title", "twitter:title")]
    titles += [tidy(html_lib.unescape(t.text_content())) for t in tree.xpath("//title")[:1]]
    keys = [_key(t) for t in titles if t]
    best: tuple[tuple[bool, int], str, etree._Element | None] = ((False, 0), "", None)
    for heading in tree.xpath("//h1 | //h2 | //h3 | //*[@itemprop='headline']"):
        text = tidy(heading.text_content())
        key = _key(text)
        if len(key) < 8 or key in sites:
            continue
        prefix = any(k.startswith(key) for k in keys)  # 'Title - Site'; else 'Site - Title' (most of it)
        if (prefix or any(key in k and 2 * len(key) >= len(k) for k in keys)) and (prefix, len(key)) > best[0]:
            best = ((prefix, len(key)), text, heading)
    if best[2] is not None:
        return best[1], best[2]
    h1s = [(tidy(h.text_content()), h) for h in tree.xpath("//h1")]
    h1s = [(text, h) for text, h in h1s if len(_key(text)) >= 8 and _key(text) not in sites]
    if len(h1s) == 1:  # the page's one headline, though its <title> says something else
        return h1s[0]
    title = titles[0] or _strip_site(titles[1] or (titles[2] if len(titles) > 2 else ""), sites)
    return title or (h1s[0][0] if h1s else ""), None


# ---- dates ------------------------------------------------------------------------------------------
def _iso_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return to_vietnam_time(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        matches = date_matches(value)
        return matches[0].value if matches else None


def _text_nodes(tree: lxml_html.HtmlElement) -> list[tuple[str, etree._Element]]:
    """Every visible text of the body in reading order, with the element it belongs to."""
    nodes = []
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.text.strip() and element.tag not in _SKIP_TAGS:
            nodes.append((element.text.strip(), element))
        if element.tail and element.tail.strip() and element.getparent() is not None:
            nodes.append((element.tail.strip(), element.getparent()))
    return nodes


class _Reading:
    """The visible texts of a page in reading order, and where an element's text starts among them."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self.nodes = _text_nodes(tree)
        self._first: dict[etree._Element, int] = {}
        for i, (_, element) in enumerate(self.nodes):
            self._first.setdefault(element, i)

    def position(self, element: etree._Element | None) -> int | None:
        """Index of the first text of element (or of its first descendant with text)."""
        for el in () if element is None else element.iter():
            if (i := self._first.get(el)) is not None:
                return i
        return None


def _date_at(nodes: list[tuple[str, etree._Element]], i: int) -> tuple[DateMatch, bool] | None:
    """The date line starting in text node i (joined with the next two short texts: date and time
    may sit in separate elements), and whether it is an update time ("Cập nhật")."""
    text = nodes[i][0]
    if len(text) > 120:
        return None
    joined = " ".join(t for t, _ in nodes[i : i + 3] if len(t) <= 60) if len(text) <= 60 else text
    line = joined if joined.startswith(text) else text
    month_first = bool(_ENGLISH_LABEL.search(line))
    for match in date_matches(line, month_first=month_first):
        if match.start < len(text) and len(text) - (min(match.end, len(text)) - match.start) <= 70:
            before = text[: match.start] or (nodes[i - 1][0] if i else "")
            return match, bool(_UPDATE.search(before[-40:]))
    return None


def _region(element: etree._Element) -> etree._Element:
    """The headline's article block: its grandparent, or its parent when that is the page's body."""
    ancestors = [e for e in element.iterancestors() if e.tag not in ("body", "html")][:2]
    return ancestors[-1] if ancestors else element


def _inside(element: etree._Element, region: etree._Element) -> bool:
    return element is region or any(e is region for e in element.iterancestors())


def _printed_date(reading: _Reading, at: int | None) -> tuple[DateMatch | None, ...]:
    """(published, updated) as printed nearest the headline (text `at`): up to 40 texts after it, not
    beyond the start of the body (the second long text), or 12 before it inside the headline's block (not the
    top bar's date of today); nearer first, after before before."""
    if at is None:
        return None, None
    nodes = reading.nodes
    end, long_texts = at, 0
    while end < min(len(nodes), at + 40) and long_texts < 2:  # up to the body (after a long sapo)
        long_texts += len(nodes[end][0]) >= 120
        end += 1
    region = _region(nodes[at][1])
    window = [i for i in range(max(0, at - 12), end) if i >= at or _inside(nodes[i][1], region)]
    order = sorted(window, key=lambda i: (i - at) if i >= at else 3 * (at - i))
    found = []
    for i in order:
        if _MAYBE_DATE.search(nodes[i][0]) and (date := _date_at(nodes, i)):
            found.append(date)
            if len(found) == 3:
                break
    if not found:
        return None, None
    published = found[0][0]  # the nearest, even when printed as "Cập nhật" (then it is the only one)
    updated = next((m for m, update in found[1:3] if update and m.value > published.value), None)
    return published, updated


def _dates(tree: lxml_html.HtmlElement, ld: dict, reading: _Reading, at: int | None) -> tuple[datetime | None, ...]:
    """(published, updated): the printed date wins; metadata fills its time (same day) or stands in for it."""
    meta = (
        _iso_date(_ld_text(ld.get("datePublished")))
        or _iso_date(_meta(tree, "article:published_time", "datePublished", "pubdate", "og:published_time"))
        or next(filter(None, map(_iso_date, tree.xpath("//*[@itemprop='datePublished']/@datetime"))), None)
    )
    modified = _iso_date(_ld_text(ld.get("dateModified"))) or _iso_date(_meta(tree, "article:modified_time"))
    printed, printed_update = _printed_date(reading, at)
    published = meta
    if printed and (
        not (meta and meta.date() == printed.value.date())
        or (printed.has_time and (meta.hour, meta.minute) != (printed.value.hour, printed.value.minute))
    ):
        published = printed.value
    if not modified and printed_update and printed_update.value != published:
        modified = printed_update.value
    return published, modified


# ---- author -----------------------------------------------------------------------------------------
def _person(name: str, sites: set[str]) -> str:
    """A credit as a person's name ("Theo X" → X), or "" for a site, a CMS vendor, a handle or a photo credit."""
    name = tidy(name).strip(" ,:;-–")
    if _PHOTO_CREDIT.match(name):
        return ""
    if match := _CREDIT.match(name):
        name = match["who"].strip(" ,:;-–")
    name = _SOURCE_SUFFIX.sub("", name)
    if name.endswith(".") and not _INITIAL_END.search(name):
        name = name[:-1]
    key = _key(name)
    if not key or len(name) > 60 or _VENDORS.search(name) or not name[0].isupper():
        return ""
    if any(key == s or (len(key) > 3 and key in s) or (len(s) > 3 and s in key) for s in sites):
        return ""
    return name


def _ld_person(value: object) -> str:
    """The author of JSON-LD metadata when it is a person (papers often name themselves as author)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict) and value.get("@type") not in (None, "Person"):
        return ""
    return _ld_text(value)


def _visible_author(tree: lxml_html.HtmlElement, sites: set[str]) -> str:
    for element in tree.xpath(_AUTHOR_XPATH):
        if element.tag in ("meta", "link") or _in_chrome(element):
            continue
        if name := _person(element.text_content(), sites):
            return name
    return ""


def _in_chrome(element: etree._Element) -> bool:
    """Whether element or an ancestor is classed as page chrome (comments, related news, footer)."""
    return any(_CHROME_CLASS.search((el.get("class") or "").lower()) for el in (element, *element.iterancestors()))


def _byline(paragraph: str, sites: set[str], *, bare: bool) -> str:
    """The person a body line credits ("Bài, ảnh: X", "Theo X", a bare name line when bare=True)."""
    if _PHOTO_CREDIT.match(paragraph) or len(paragraph) > 80:
        return ""
    if _CREDIT.match(paragraph) or (bare and _BYLINE.match(paragraph)):
        return _person(paragraph, sites)
    return ""


# ---- lead, images, body -----------------------------------------------------------------------------
def _lead(tree: lxml_html.HtmlElement, reading: _Reading, at: int | None) -> str:
    """The sapo: an element classed as one (a whole class token: 'sapo', 'detail-lead', 'tom-tat'...),
    not navigation (no nav/list/link ancestors, few links), printed soon after the headline (text `at`),
    not a teaser cut short with an ellipsis."""
    for element in tree.xpath("//*[@class][normalize-space()] | //*[@itemprop='description'][normalize-space()]"):
        classes = (element.get("class") or "").lower().split()
        if element.get("itemprop") != "description" and not any(
            _LEAD_CLASS.search(c) and not _LEAD_NOT.search(c) for c in classes
        ):
            continue
        if element.tag in _SKIP_TAGS or element.xpath(f"ancestor-or-self::*[{_BLOCKS}] | .//script"):
            continue
        position = reading.position(element)
        if position is None or (at is not None and not at < position <= at + 30):
            continue
        text = tidy(element.text_content())
        links = sum(len(tidy(a.text_content())) for a in element.iter("a"))
        if (
            30 < len(text) <= 1500
            and links < 0.3 * len(text)
            and not text.endswith(("…", "..."))
            and not _in_chrome(element)
        ):
            return text
    return ""


def _images(tree: lxml_html.HtmlElement, base_url: str) -> list[Image]:
    images = []
    for figure in tree.xpath("//figure[.//img]"):
        if figure.xpath("ancestor::*[contains(@class,'related') or contains(@class,'footer') or self::footer]"):
            continue
        img = figure.xpath(".//img")[0]
        if not (src := _image_source(img)):
            continue
        caption = tidy(" ".join(figure.xpath(".//figcaption//text()")) or img.get("alt") or "")
        images.append(Image(urljoin(base_url, src), caption))
    return images


def _image_source(img: etree._Element) -> str:
    """The address of the picture itself: a lazy-loading attribute first (its `src` is then a placeholder,
    often a data: URI), then `src`, then the first `srcset` candidate; never a data: URI."""
    srcset = (img.get("srcset") or "").split(",")[0].split()
    candidates = [img.get(a) for a in _LAZY_SOURCES] + [img.get("src")] + srcset[:1]
    return next((c.strip() for c in candidates if c and c.strip() and not c.strip().startswith("data:")), "")


def _strip_chrome(tree: lxml_html.HtmlElement, keep: etree._Element | None) -> None:
    """Remove comment boxes, related news, navigation, footers and captions (never what holds the
    headline `keep`); unwrap layout tables (tables of data stay tables)."""
    kept = set() if keep is None else {keep, *keep.iterancestors()}
    doomed = tree.xpath("//footer | //nav | //aside | //figcaption | //*[@id='footer']")
    doomed += [e for e in tree.xpath("//*[@class]") if _CHROME_CLASS.search(e.get("class").lower())]
    around = list(keep.iterancestors())[2:3] if keep is not None else []  # the headline's article region
    for div in around[0].iter("div") if around and around[0].tag != "body" else ():
        if not div.get("class") and _is_text_block(div):
            div.tag = "p"  # old CMSs write paragraphs as <div>text</div>: trafilatura skips those
    for element in doomed:
        if element not in kept and element.tag not in ("html", "body") and element.getparent() is not None:
            element.drop_tree()
    for table in tree.xpath("//table[.//p or .//div or .//h1 or .//table]"):  # layout tables hold the page
        for element in table.xpath(
            "descendant-or-self::*[self::table or self::tbody or self::thead or self::tr or self::td or self::th]"
        ):
            element.tag = "div"


def _is_text_block(element: etree._Element) -> bool:
    """A <div> written as a paragraph: 80+ characters of its own text, no block inside, <p> after it (no
    class: classed divs of that size are teasers and boxes)."""
    own = len((element.text or "").strip()) + sum(len((child.tail or "").strip()) for child in element)
    if own < 80 or any(child.tag in _BLOCK_TAGS or child.tag in ("ul", "ol", "table") for child in element):
        return False
    return any(sibling.tag == "p" for sibling in element.itersiblings())  # among paragraphs of a text


def _clean_body(text: str, drop: tuple[str, ...], sites: set[str]) -> tuple[str, str]:
    """Drop the repeated title and sapo, the chrome after the article and the bylines at its ends;
    return (body, byline)."""
    drop = tuple(tidy(d) for d in drop if d)
    paragraphs = cut_at_chrome([p for p in map(tidy, text.split("\n")) if p and p not in drop])
    credits: list[str] = []
    while len(paragraphs) > 1:
        photo = bool(_PHOTO_CREDIT.match(paragraphs[-1]))
        found = "" if photo else _byline(paragraphs[-1], sites, bare=True)
        if not (photo or found):
            break
        line = paragraphs.pop()
        credits.insert(0, line if found else "")
    if len(paragraphs) > 1 and _byline(paragraphs[0], sites, bare=False):
        credits.insert(0, paragraphs.pop(0))
    return "\n\n".join(paragraphs), _best_credit([c for c in credits if c], sites)


def _best_credit(lines: list[str], sites: set[str]) -> str:
    """The person among credit lines: the first that names one (the source comes after the author)."""
    return next((name for line in lines if (name := _person(line, sites))), "")


def _byline_after(reading: _Reading, at: int | None, body: str, sites: set[str]) -> str:
    """A credit printed as its own short line right after a paragraph of the body (trafilatura drops
    right-aligned bylines): the first line of the first such group of lines."""
    groups: list[list[str]] = []
    since_body = 99
    for text, element in reading.nodes[at or 0 :]:
        text = tidy(text)
        if len(text) >= 20 and text in body:
            since_body = 0
            continue
        since_body += 1
        if since_body > 3 or len(text) > 60:
            continue
        block = next((e for e in (element, *element.iterancestors()) if e.tag in _BLOCK_TAGS), element)
        line = tidy(block.text_content())
        if len(line) <= 80 and _byline(line, sites, bare=True):
            if since_body == 1 or not groups:
                groups.append([])
            groups[-1].append(line)
    return _best_credit(groups[0], sites) if groups else ""


def _mostly_links(tree: lxml_html.HtmlElement, body: str) -> bool:
    """Whether 80% of the body's text is lines that are link texts of the page (a listing, not an article)."""
    links = {tidy(a.text_content()) for a in tree.iter("a")}
    lines = body.split("\n\n")
    return sum(len(line) for line in lines if line in links) >= 0.8 * len(body)


def _body_text(tree: lxml_html.HtmlElement, url: str, reading: _Reading, at: int | None) -> str:
    """trafilatura's text of the tree as it is (no second serialization and parse): its fast mode when
    the text starts soon after the headline (text `at`), else with its fallback extractors compared."""
    text = trafilatura.extract(tree, url=url, options=_TRAFILATURA_FAST) or ""
    first = tidy(text.split("\n", 1)[0])
    if at is not None and first:
        nodes = reading.nodes[at : at + 60]
        if any(len(t) >= 20 and tidy(t) in first for t, _ in nodes):
            return text
    return trafilatura.extract(tree, url=url, options=_TRAFILATURA) or ""


def _breadcrumb_section(tree: lxml_html.HtmlElement) -> str:
    for crumbs in tree.xpath(_BREADCRUMB_XPATH):
        items = [tidy(a.text_content()) for a in crumbs.xpath(".//a | .//li[not(.//a)]")]
        items = [i for i in items if i and i.lower() not in ("trang chủ", "home")]
        if items:
            return items[-1] if len(items) == 1 else items[0]
    return ""


def _article(html: str, url: str, paper: str, province: str, fetched_at: datetime | None) -> Article:
    tree = _parse(html, url)
    ld = _jsonld_article(tree)
    sites = _site_names(tree, ld, url)
    canonical = (tree.xpath("//link[@rel='canonical']/@href") or [""])[0] or _meta(tree, "og:url") or url
    title, heading = _headline(tree, ld, sites)
    reading = _Reading(tree)
    at = reading.position(heading)
    sapo = _lead(tree, reading, at)
    lead = sapo or _ld_text(ld.get("description")) or _meta(tree, "og:description", "description")
    published, updated = _dates(tree, ld, reading, at)
    section = _ld_text(ld.get("articleSection")) or _meta(tree, "article:section") or _breadcrumb_section(tree)
    images = _images(tree, url)
    if not images and (og_image := _meta(tree, "og:image")):
        images = [Image(urljoin(url, og_image), "")]
    author = (
        _person(_ld_person(ld.get("author")), sites)
        or _person(_meta(tree, "author", "article:author"), sites)
        or _visible_author(tree, sites)
    )
    _strip_chrome(tree, heading)
    body, byline = _clean_body(_body_text(tree, url, reading, at), (title, sapo), sites)
    author = author or byline or (_byline_after(reading, at, body, sites) if body else "")
    if not title or not body:
        raise ExtractionError(f"no article at {url}: title={bool(title)} body={bool(body)}")
    if _mostly_links(tree, body):
        raise ExtractionError(f"no article at {url}: its text is links (a listing or a menu)")
    if published is None and _NOT_FOUND_TITLE.match(title):
        raise ExtractionError(f"soft 404 at {url}: {title!r}, no publication date")
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


def extract_article(
    html: str, url: str, *, paper: str = "", province: str = "", fetched_at: datetime | None = None
) -> Article:
    """Extract a clean article from a page's HTML; raises ExtractionError (with the reason) if it holds
    none, whatever the HTML: an unforeseen failure is reported as ExtractionError too."""
    try:
        return _article(html, url, paper, province, fetched_at)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - no page may stop a crawl; the reason travels with the error
        raise ExtractionError(f"extraction failed at {url}: {type(exc).__name__}: {exc}") from exc
