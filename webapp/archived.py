"""The archived copy of a page as fetched, made inert: no script, no frame, no request leaving the page."""

from __future__ import annotations

from collections.abc import Callable

import lxml.etree
import lxml.html
from lxml_html_clean import Cleaner
from markupsafe import Markup, escape

from archive.warc import RawResponse
from vntext.charset import decode_html
from webapp.i18n import _
from webapp.provenance import Provenance

# Sent with every archived copy: nothing may load, run, submit or frame it from elsewhere.
ARCHIVE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'; sandbox"
)
_URL_ATTRS = ("src", "srcset", "href", "action", "poster", "background", "data", "formaction", "xlink:href", "ping")
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_REMOVED = ("scripts", "javascript", "comments", "style", "links", "meta", "processing_instructions", "embedded")
_REMOVED += ("frames", "forms", "annoying_tags", "safe_attrs_only")  # lxml_html_clean Cleaner flags, all on
_KEPT = ("inline_style", "page_structure", "remove_unknown_tags")  # and these off
_CLEANER = Cleaner(
    **dict.fromkeys(_REMOVED, True), **dict.fromkeys(_KEPT, False), kill_tags=["base", "noscript", "template"]
)


def _decode(response: RawResponse) -> str:
    content_type = next((value for name, value in response.headers if name.lower() == "content-type"), "")
    return decode_html(response.body, content_type)


_IMAGE_SOURCES = ("src", "data-src", "data-original", "data-lazy-src")
_IMAGE_MARK = "newsarchive-image-"
ImageSource = Callable[[str], str | None]  # an image's address as written → a data: URI if archived


def _mark_images(doc: lxml.html.HtmlElement, images: ImageSource | None) -> list[str | None]:
    """Before cleaning: each image's archived copy (a data: URI) or None, the image tagged with its index."""
    found: list[str | None] = []
    for n, img in enumerate(doc.iter("img")):
        srcset = (img.get("srcset") or "").split(",")[0].split()
        sources = [img.get(a) for a in _IMAGE_SOURCES] + (srcset[:1] or [None])
        found.append(next((uri for s in sources if s and images and (uri := images(s))), None))
        img.set("id", f"{_IMAGE_MARK}{n}")
    return found


def _place_images(doc: lxml.html.HtmlElement, archived: list[str | None]) -> None:
    """After cleaning: archived images inline, the others as a visible placeholder with their alt text."""
    missing = _("Ảnh không được lưu")
    for img in list(doc.iter("img")):
        mark = img.attrib.pop("id", "")
        index = int(mark.removeprefix(_IMAGE_MARK)) if mark.startswith(_IMAGE_MARK) else -1
        if 0 <= index < len(archived) and archived[index]:
            img.set("src", archived[index])  # type: ignore[arg-type]
            continue
        placeholder = lxml.html.Element("span", {"class": "newsarchive-missing-image", "style": _PLACEHOLDER})
        placeholder.text = f"[{missing}] {img.get('alt') or ''}".strip()
        placeholder.tail = img.tail
        img.getparent().replace(img, placeholder)


_PLACEHOLDER = "display:inline-block;border:1px dashed #999;padding:4px 8px;color:#555;font:12px sans-serif"


def sanitize(response: RawResponse, banner: str, images: ImageSource | None = None) -> str:
    """The page as a standalone inert document: active content removed, every outside URL dropped.

    Links keep their text and show their old target as a tooltip; images the crawl archived are shown
    inline (`images` gives their data: URIs), the others become a placeholder with their alt text.
    """
    text = _decode(response)
    if not text.strip():
        return f"<!doctype html><meta charset=utf-8>{banner}"
    try:
        parsed = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return f"<!doctype html><meta charset=utf-8>{banner}<pre>{escape(text)}</pre>"
    archived = _mark_images(parsed, images)
    doc = _CLEANER.clean_html(parsed)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        target = element.get("href")
        for attr in _URL_ATTRS:
            element.attrib.pop(attr, None)
        if target and not target.startswith("#") and element.tag == "a":
            element.set("title", target)
    _place_images(doc, archived)
    head = doc.find("head")
    if head is not None:
        head.insert(0, lxml.html.fragment_fromstring('<meta charset="utf-8">'))
    body = doc.find("body")
    (doc if body is None else body).insert(0, lxml.html.fragment_fromstring(banner))
    return "<!doctype html>\n" + lxml.html.tostring(doc, encoding="unicode")


def banner_html(article_url: str, fetched_url: str, status: int, record: Provenance | None = None) -> str:
    """The notice shown above an archived copy, in the page's language: what, when captured, which record."""
    notice = escape(
        _("Bản lưu trữ của trang {url} (HTTP {status}) như khi thu thập; đã gỡ bỏ script và mọi liên kết ra ngoài.")
    ).format(url=Markup("<code>{}</code>").format(fetched_url), status=status)
    where = ""
    if record is not None:
        when = record.captured_at.strftime("%Y-%m-%d %H:%M UTC") if record.captured_at else "?"
        where = escape(_("Thu thập lúc {when}; bản ghi WARC {record} trong {file}, vị trí {offset}.")).format(
            when=Markup('<time class="captured">{}</time>').format(when),
            record=Markup("<code>{}</code>").format(record.record_id or "?"),
            file=Markup("<code>{}</code>").format(record.warc_file),
            offset=record.warc_offset,
        )
    return (
        '<div style="background:#fff4e5;border:2px solid #f0a020;padding:8px;font:14px sans-serif">'
        f'{notice} {where} <a href="{escape(article_url)}">{escape(_("Về bài báo"))}</a>'
        "</div>"
    )
