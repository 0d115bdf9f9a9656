"""Index terms: every backend indexes the words the shared Vietnamese text code produces."""

from __future__ import annotations

from vntext import words


def exact_and_folded_terms(text: str) -> tuple[str, str]:
    """The words of a text, exact and folded, as two position-aligned strings ('Hoà Đảng' → 'hòa đảng', 'hoa dang')."""
    pairs = words(text)
    return " ".join(exact for exact, _ in pairs), " ".join(folded for _, folded in pairs)


def folded_exact_terms(text: str) -> str:
    """Each word as one 'folded_exact' token ('Đảng' → 'dang_đảng'), for engines that cannot stack tokens."""
    return " ".join(f"{folded}_{exact}" for exact, folded in words(text))


def folded_half(terms: str) -> str:
    """The folded words of folded_exact_terms' output, position for position ('dang_đảng' → 'dang')."""
    return " ".join(term.partition("_")[0] for term in terms.split(" ")) if terms else ""
