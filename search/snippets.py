"""HTML-safe snippets: the article text escaped, only the <mark> tags are markup. Shared by all backends.

In Python (SQLite): the window of WINDOW_WORDS words holding the most query words. The text is split once
by the C regex engine; only distinct words are looked up (cached forms) and only the chosen window's words
get offsets, so a hit costs little more than one pass of the regex over its text.

On a search engine's highlighter (Elasticsearch): the engine returns one passage of about SNIPPET_CHARS
characters of `highlight_text`, the text between a start and an end sentinel, its matches between two
other private-use markers; `fragment_snippet` turns that into the same markup (… where the text was cut).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice
from typing import Any

from markupsafe import Markup, escape

from search.query import Word
from vntext.tokens import surfaces, word_forms, word_matches

WINDOW_WORDS = 40
SNIPPET_CHARS = 200  # the highlighter's passage: about WINDOW_WORDS words of Vietnamese news text
TEXT_START, TEXT_END, MARK_START, MARK_END = "\ue000", "\ue001", "\ue002", "\ue003"  # private use: never text
_MARKERS_TEXT = TEXT_START + TEXT_END + MARK_START + MARK_END
_MARKERS = str.maketrans(dict.fromkeys(_MARKERS_TEXT, " "))


def hit_text(doc: dict[str, Any]) -> str:
    """The text a hit's snippet is taken from: its lead and body."""
    return "\n".join(part for part in (doc.get("lead"), doc.get("body")) if part)


def hit_snippet(doc: dict[str, Any], words: list[Word]) -> Markup:
    """The snippet of a search hit, from its lead and body."""
    return snippet(hit_text(doc), words)


def highlight_text(text: str) -> str:
    """`text` as a highlighter gets it: between the sentinels, any marker character in it made a space."""
    if any(marker in text for marker in _MARKERS_TEXT):  # rare: skip the slow per-character translate otherwise
        text = text.translate(_MARKERS)
    return f"{TEXT_START}{text}{TEXT_END}"


def fragment_snippet(fragment: str) -> Markup:
    """The snippet of a highlighter's passage of `highlight_text`: text escaped, matches in <mark>, … at a cut."""
    head, tail = fragment.startswith(TEXT_START), fragment.endswith(TEXT_END)
    fragment = fragment.strip(TEXT_START + TEXT_END)
    if not fragment.strip():
        return Markup("")
    pieces = fragment.replace(MARK_END, MARK_START).split(MARK_START)
    body = "".join(f"<mark>{escape(piece)}</mark>" if i % 2 else escape(piece) for i, piece in enumerate(pieces))
    return Markup(("" if head else "… ") + body + ("" if tail else " …")).strip()


def _hit_positions(written: list[str], words: list[Word]) -> list[int]:
    """Positions of the words that match a query word (exact form for accented query words, folded otherwise)."""
    exact = {w.form for w in words if w.exact}
    folded = {w.form for w in words if not w.exact and not w.prefix}
    prefixes = tuple(w.form for w in words if w.prefix)
    matching = set()
    for word in set(written):
        word_exact, word_folded = word_forms(word)
        if word_exact in exact or word_folded in folded or (prefixes and word_folded.startswith(prefixes)):
            matching.add(word)
    return [i for i, word in enumerate(written) if word in matching] if matching else []


def _best_window(hits: list[int], window: int) -> int:
    """First word of the earliest window with the most hits (the text's start when there is none)."""
    best, best_count = 0, 1 if hits and hits[0] == 0 else 0
    for j, position in enumerate(hits):
        count = j + 1 - bisect_right(hits, position - window)  # hits in (position - window, position]
        if count > best_count:
            best_count, best = count, max(0, position - window + 1)
    return best


def snippet(text: str, words: list[Word], window: int = WINDOW_WORDS) -> Markup:
    """The passage of `text` with the most query words, those words wrapped in <mark>."""
    written = surfaces(text)
    if not written:
        return Markup("")
    hits = _hit_positions(written, words)
    best = _best_window(hits, window)
    chosen = list(islice(word_matches(text), best, best + window))
    start = chosen[0].start() if best else 0
    end = len(text) if best + window >= len(written) else chosen[-1].end()
    parts: list[str] = ["… " if start else ""]
    cursor = start
    for position in hits[bisect_right(hits, best - 1) :]:
        if position >= best + window:
            break
        match = chosen[position - best]
        parts.append(escape(text[cursor : match.start()]))
        parts.append(Markup("<mark>%s</mark>") % match.group(0))
        cursor = match.end()
    parts.append(escape(text[cursor:end]))
    parts.append(" …" if end < len(text) else "")
    return Markup(Markup("").join(parts).strip())
