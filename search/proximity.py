"""Words near each other in any order, checked on a text: for the engines whose own check falls short.

tantivy 0.27's sloppy phrase query misses some documents of three or more terms (measured against SQLite
FTS5 NEAR on the same corpus); its two-term one agrees. The tantivy backend finds candidates with it and
keeps those this module accepts.
"""

from __future__ import annotations

from collections.abc import Sequence

from search.query import Word
from vntext import words


def _matches(word: Word, exact: str, folded: str) -> bool:
    return exact == word.form if word.exact else folded == word.form


def near(text: str, query: Sequence[Word], slop: int) -> bool:
    """Whether every query word occurs in `text` within a span holding at most `slop` other words."""
    hits = sorted(
        (position, i)
        for position, (exact, folded) in enumerate(words(text))
        for i, word in enumerate(query)
        if _matches(word, exact, folded)
    )
    seen: dict[int, int] = {}  # query word → count in the window
    start = 0
    for position, i in hits:
        seen[i] = seen.get(i, 0) + 1
        while len(seen) == len(query):
            first, j = hits[start]
            if position - first + 1 - len(query) <= slop:
                return True
            seen[j] -= 1
            if not seen[j]:
                del seen[j]
            start += 1
    return False
