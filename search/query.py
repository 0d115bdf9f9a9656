"""The query language, parsed once for every backend.

Words must all match (ranked); "quoted phrases"; -exclusion; OR between two clauses. A word typed with
diacritics matches that word in either tone placement only (Đảng ≠ đang); a word typed without them
matches every accented form (dang → Đảng, đang, Đằng). Malformed input is searched as well as it can be,
with a warning, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.model import Message
from vntext import has_diacritics, tokenize

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
_LEXEME = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)(?P<close>"?)|(?P<word>\S+)')


@dataclass(frozen=True, slots=True)
class Word:
    """A query word as searched: `form` is the folded word, or the canonical accented one if `exact`."""

    form: str
    exact: bool


@dataclass(frozen=True, slots=True)
class Clause:
    """One word, or several that must stand together in order (a phrase)."""

    words: tuple[Word, ...]


@dataclass(slots=True)
class ParsedQuery:
    """Clauses to match (AND of OR-groups), clauses to exclude, and what was fixed on the way."""

    groups: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups

    def positive_words(self) -> list[Word]:
        """Every word the results are matched on (for highlighting)."""
        return [w for group in self.groups for clause in group for w in clause.words]

    def plain_words(self) -> list[Word] | None:
        """The words of a query made only of two or more single words (to boost them as a phrase)."""
        if self.excluded or len(self.groups) < 2 or any(len(g) != 1 or len(g[0].words) != 1 for g in self.groups):
            return None
        return [g[0].words[0] for g in self.groups]


def _clause(text: str) -> Clause | None:
    words = tuple(Word(t.exact, True) if has_diacritics(t.exact) else Word(t.folded, False) for t in tokenize(text))
    return Clause(words) if words else None


def parse_query(text: str) -> ParsedQuery:
    """Parse user input into clauses; never raises."""
    parsed = ParsedQuery()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.warnings.append(Message("Câu truy vấn quá dài, chỉ dùng {n} ký tự đầu.", n=MAX_QUERY_CHARS))
    pending_or = last_positive = False
    for match in _LEXEME.finditer(text):
        negative = bool(match["neg"])
        if match["word"] is not None:
            raw = match["word"]
            if raw == "OR":
                pending_or = last_positive
                continue
            negative = raw.startswith("-") and len(raw) > 1
            raw = raw[1:] if negative else raw
        else:
            raw = match["phrase"]
            if not match["close"]:
                parsed.warnings.append(Message("Thiếu dấu ngoặc kép đóng; đã tìm cụm từ đến hết câu."))
        clause = _clause(raw)
        if clause is None:
            continue
        if negative:
            parsed.excluded.append(clause)
        elif pending_or:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        pending_or, last_positive = False, not negative
        if sum(len(g) for g in parsed.groups) + len(parsed.excluded) >= MAX_CLAUSES:
            parsed.warnings.append(Message("Chỉ dùng {n} từ đầu tiên của câu truy vấn.", n=MAX_CLAUSES))
            break
    if parsed.excluded and not parsed.groups:
        parsed.warnings.append(Message("Chỉ có từ loại trừ: tìm trong toàn bộ kho trừ các từ đó."))
    return parsed
