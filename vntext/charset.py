"""Decode HTML whose declared charset may lie: valid UTF-8 wins, then the declaration, then windows-1258."""

from __future__ import annotations

import codecs
import re

from vntext.normalize import repair

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
FALLBACK = "cp1258"  # Vietnamese Windows code page: what old pages that are not UTF-8 use


def declared_charset(body: bytes, content_type: str = "") -> str:
    """The charset a page claims: Content-Type header first, then a <meta> tag in its head."""
    if match := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE):
        return match.group(1).lower()
    if match := _META_CHARSET.search(body[:4096]):
        return match.group(1).decode("ascii").lower()
    return ""


def _decodes(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str = "") -> str:
    """Page text, repaired (vntext.repair): a BOM decides; bytes that are valid UTF-8 are UTF-8 whatever
    the page claims; otherwise the declared charset if the bytes fit it, else windows-1258."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return repair(body.decode(encoding, errors="replace"))
    declared = declared_charset(body, content_type)
    text = _decodes(body, "utf-8")
    if text is None and _known(declared) and codecs.lookup(declared).name != "utf-8":
        text = _decodes(body, declared)
    if text is None:
        text = body.decode(FALLBACK, errors="replace")
    return repair(text)


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True
