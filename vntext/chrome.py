"""Page chrome of Vietnamese news sites: the lines that start comment boxes, related news and footers.

One list for everything that cuts an article's text at its chrome (extraction, enrichment).
"""

from __future__ import annotations

import re

# Headings that open what follows an article: reader comments, related and other news, the masthead.
CHROME_MARKERS = (
    "Ý kiến bạn đọc",
    "Bình luận",
    "Gửi bình luận",
    "Viết bình luận",
    "Tin liên quan",
    "Tin khác",
    "Tin cùng chuyên mục",
    "Bài liên quan",
    "Các tin khác",
    "Tổng biên tập",
)
# A line that starts with a marker ("Bình luận (3)", "Tin liên quan:"), as extraction cuts the body.
CHROME_LINE = re.compile(r"^(?:" + "|".join(re.escape(m) for m in CHROME_MARKERS) + ")", re.IGNORECASE)
# The first chrome line inside a longer text (a marker at the start of a line), where enrichment cuts.
CHROME_IN_TEXT = re.compile(r"\n[ \t]*(?:Ý kiến bạn đọc|Bình luận \(\d+\))")


def cut_at_chrome(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the first one that opens page chrome."""
    for i, paragraph in enumerate(paragraphs):
        if CHROME_LINE.match(paragraph):
            return paragraphs[:i]
    return paragraphs


def cut_text_at_chrome(text: str) -> str:
    """A plain text up to its first chrome line ("Ý kiến bạn đọc", "Bình luận (3)" at a line start)."""
    match = CHROME_IN_TEXT.search(text)
    return text[: match.start()] if match else text
