"""The archived copy of a page as fetched, made inert: no script, no frame, no request leaving the page."""

from __future__ import annotations

from email.message import Message
from pathlib import Path

import lxml.etree
import lxml.html
from lxml_html_clean import Cleaner
from markupsafe import Markup, escape

from archive.store import Archive
from archive.warc import RawResponse
from webapp.i18n import _

# Sent with every archived copy: nothing may load, run, submit or frame it from elsewhere.
ARCHIVE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'; sandbox"
)
_URL_ATTRS = ("src", "srcset", "href", "action", "poster", "background", "data", "formaction", "xlink:href", "ping")
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
_CLEANER = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=False,
    links=True,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=True,
    kill_tags=["base", "noscript", "template"],
)


def raw_page(data_dir: Path, article_id: str) -> RawResponse | None:
    """The response the article was extracted from, read from the archive's WARC files (read-only)."""
    if not (data_dir / "archive.sqlite3").exists():
        return None
    with Archive(data_dir, readonly=True) as archive:
        url = archive.page_url_of(article_id)
        return archive.raw(url) if url else None


def _charset(headers: list[tuple[str, str]]) -> str | None:
    message = Message()
    for name, value in headers:
        if name.lower() == "content-type":
            message["content-type"] = value
    return message.get_content_charset()


def _decode(response: RawResponse) -> str:
    charset = _charset(response.headers) or "utf-8"
    try:
        return response.body.decode(charset, errors="replace")
    except LookupError:
        return response.body.decode("utf-8", errors="replace")


def sanitize(response: RawResponse, banner: str) -> str:
    """The page as a standalone inert document: active content removed, every outside URL dropped.

    Links keep their text and show their old target as a tooltip; images keep their alt text.
    """
    text = _decode(response)
    if not text.strip():
        return f"<!doctype html><meta charset=utf-8>{banner}"
    try:
        parsed = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return f"<!doctype html><meta charset=utf-8>{banner}<pre>{escape(text)}</pre>"
    doc = _CLEANER.clean_html(parsed)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        target = element.get("href")
        for attr in _URL_ATTRS:
            element.attrib.pop(attr, None)
        if target and not target.startswith("#") and element.tag == "a":
            element.set("title", target)
    head = doc.find("head")
    if head is not None:
        head.insert(0, lxml.html.fragment_fromstring('<meta charset="utf-8">'))
    body = doc.find("body")
    (doc if body is None else body).insert(0, lxml.html.fragment_fromstring(banner))
    return "<!doctype html>\n" + lxml.html.tostring(doc, encoding="unicode")


def banner_html(article_url: str, fetched_url: str, status: int) -> str:
    """The notice shown above an archived copy, in the page's language."""
    notice = escape(
        _("Bản lưu trữ của trang {url} (HTTP {status}) như khi thu thập; đã gỡ bỏ script và mọi liên kết ra ngoài.")
    ).format(url=Markup("<code>{}</code>").format(fetched_url), status=status)
    return (
        '<div style="background:#fff4e5;border:2px solid #f0a020;padding:8px;font:14px sans-serif">'
        f'{notice} <a href="{escape(article_url)}">{escape(_("Về bài báo"))}</a>'
        "</div>"
    )
