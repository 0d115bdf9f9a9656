"""Word tokens with their two search forms: exact (canonical tones, lower case) and folded."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vntext.normalize import canonical, fold

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: where it stands in the original and its search forms."""

    start: int
    end: int
    exact: str  # canonical tone placement, lower case: 'hòa'
    folded: str  # no diacritics, đ → d: 'hoa'


def tokenize(text: str) -> list[Token]:
    """Split text into words; offsets refer to `text` as given (NFC input keeps them exact)."""
    tokens = []
    for m in _WORD.finditer(text):
        exact = canonical(m.group(0)).lower()
        tokens.append(Token(m.start(), m.end(), exact, fold(exact)))
    return tokens
