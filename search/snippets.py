"""HTML-safe snippets: the article text escaped, only the <mark> tags are markup. Shared by all backends."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from search.query import Word
from vntext import tokenize

WINDOW_WORDS = 40


def hit_snippet(doc: dict[str, Any], words: list[Word]) -> Markup:
    """The snippet of a search hit, from its lead and body."""
    return snippet("\n".join(part for part in (doc.get("lead"), doc.get("body")) if part), words)


def snippet(text: str, words: list[Word], window: int = WINDOW_WORDS) -> Markup:
    """The passage of `text` with the most query words, those words wrapped in <mark>."""
    tokens = tokenize(text)
    if not tokens:
        return Markup("")
    exact = {w.form for w in words if w.exact}
    folded = {w.form for w in words if not w.exact and not w.prefix}
    prefixes = tuple(w.form for w in words if w.prefix)
    hits = [t.exact in exact or t.folded in folded or bool(prefixes and t.folded.startswith(prefixes)) for t in tokens]
    best, best_count, count = 0, -1, 0
    for i in range(len(tokens)):
        count += hits[i]
        if i >= window:
            count -= hits[i - window]
        if count > best_count:
            best_count, best = count, max(0, i - window + 1)
    chosen = tokens[best : best + window]
    start = chosen[0].start if best else 0
    end = len(text) if best + window >= len(tokens) else chosen[-1].end
    parts: list[str] = ["… " if start else ""]
    cursor = start
    for token, hit in zip(chosen, hits[best : best + window], strict=True):
        if hit:
            parts.append(escape(text[cursor : token.start]))
            parts.append(Markup("<mark>%s</mark>") % text[token.start : token.end])
            cursor = token.end
    parts.append(escape(text[cursor:end]))
    parts.append(" …" if end < len(text) else "")
    return Markup(Markup("").join(parts).strip())
