"""Words with their two search forms: exact (canonical tones, lower case) and folded (no diacritics)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from vntext.normalize import canonical, fold, repair

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: where it stands in the original and its search forms."""

    start: int
    end: int
    exact: str  # canonical tone placement, lower case: 'hòa'
    folded: str  # no diacritics, đ → d: 'hoa'


@lru_cache(maxsize=262_144)
def word_forms(word: str) -> tuple[str, str]:
    """(exact, folded) of one word: 'Hoà' → ('hòa', 'hoa'). Cached: a language has few distinct words."""
    exact = canonical(word).lower()
    return exact, fold(exact)


def tokenize(text: str) -> list[Token]:
    """Split text into words; offsets refer to `text` as given (NFC input keeps them exact)."""
    return [Token(m.start(), m.end(), *word_forms(m.group(0))) for m in _WORD.finditer(text)]


def surfaces(text: str) -> list[str]:
    """The words of a text as written, in order (what `tokenize` splits, without building tokens)."""
    return _WORD.findall(text)


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The words of a text as regex matches (their offsets), in order, lazily."""
    return _WORD.finditer(text)


def words(text: str) -> list[tuple[str, str]]:
    """(exact, folded) of every word of a text, in order, without offsets (the fast path for indexing)."""
    return [word_forms(word) for word in _WORD.findall(repair(text))]
