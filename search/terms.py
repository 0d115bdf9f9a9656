"""Index terms: every backend indexes the words the shared Vietnamese text code produces."""

from __future__ import annotations

from vntext import repair, word_forms, words
from vntext.tokens import surfaces

MAX_CACHED = 100_000  # pieces of text per form cache; emptied when full


class _FormCache(dict[str, str]):
    """The words of a piece of text without spaces ('Hoà,', '12.500'), in one search form (0: exact, 1: folded),
    space-separated: vntext.words of the piece, computed on first sight.

    A dict, so that a text's pieces map to their forms in C (`map(cache.__getitem__, pieces)`).
    """

    def __init__(self, which: int) -> None:
        super().__init__()
        self.which = which

    def __missing__(self, piece: str) -> str:
        if len(self) >= MAX_CACHED:
            self.clear()
        form = self[piece] = " ".join([word_forms(word)[self.which] for word in surfaces(piece)])
        return form

    def cache_clear(self) -> None:
        self.clear()


_exact, _folded = _FormCache(0), _FormCache(1)


def exact_and_folded_terms(text: str) -> tuple[str, str]:
    """The words of a text, exact and folded, as two position-aligned strings ('Hoà Đảng' → 'hòa đảng', 'hoa dang').

    The words of vntext.words, piece by piece: no word holds a space, so the text split at its spaces (one
    fast walk) gives the same words in the same order; a piece of punctuation alone gives none (dropped).
    """
    pieces = repair(text).split()
    exact = " ".join(filter(None, map(_exact.__getitem__, pieces)))
    return exact, " ".join(filter(None, map(_folded.__getitem__, pieces)))


def folded_exact_terms(text: str) -> str:
    """Each word as one 'folded_exact' token ('Đảng' → 'dang_đảng'), for engines that cannot stack tokens."""
    return " ".join(f"{folded}_{exact}" for exact, folded in words(text))


def folded_half(terms: str) -> str:
    """The folded words of folded_exact_terms' output, position for position ('dang_đảng' → 'dang')."""
    return " ".join(term.partition("_")[0] for term in terms.split(" ")) if terms else ""
