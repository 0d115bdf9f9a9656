"""Index terms: every backend indexes the words the shared Vietnamese text code produces."""

from __future__ import annotations

import re
from functools import lru_cache

from vntext import canonical, fold

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=200_000)
def _folded(word: str) -> str:
    return fold(word)


def exact_words(text: str) -> list[str]:
    """The words of a text in canonical tone placement and lower case ('Hoà Bình' → ['hòa', 'bình'])."""
    return _WORD.findall(canonical(text).lower())


def folded_terms(words: list[str]) -> str:
    """The folded form of each word, joined by spaces ('đảng hòa' → 'dang hoa'), position for position."""
    return " ".join(_folded(w) for w in words)


def folded_exact_terms(text: str) -> str:
    """Each word as one 'folded_exact' token ('Đảng' → 'dang_đảng'), for engines that cannot stack tokens."""
    return " ".join(f"{_folded(w)}_{w}" for w in exact_words(text))
