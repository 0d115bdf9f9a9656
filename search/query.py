"""The query language, parsed once for every backend.

Words must all match (ranked); "quoted phrases"; "words near each other"~5 (within 5 other words, in any
order); a trailing * for a word prefix (`cách*`, matched without diacritics); title:word and
title:"a phrase" (in the title only); -exclusion; OR between two clauses. A word typed with diacritics
matches that word in either tone placement only (Đảng ≠ đang); a word typed without them matches every
accented form (dang → Đảng, đang, Đằng). A known abbreviation matches its expansion and back (UBND ⇔ Ủy ban
nhân dân, the list in vntext.abbreviations), the expansion as a phrase. Malformed or unsupported input
(AND, NEAR(…), other field:s, parentheses) is searched as well as it can be, with a warning, never an
exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.model import Message
from vntext import has_diacritics, tokenize
from vntext.abbreviations import LONGEST_EXPANSION, abbreviations_of, query_expansion

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
MAX_SLOP = 50
_LEXEME = re.compile(
    r'(?P<neg>-?)(?P<field>title:)?"(?P<phrase>[^"]*)(?P<close>"?)(?:~(?P<slop>\d{1,6}))?|(?P<word>\S+)'
)
TITLE = "title:"
_FIELD = re.compile(r"^\w+:")
_WARNINGS = {
    "and": Message("AND không cần viết: mọi từ đều phải có trong bài."),
    "near": Message('NEAR(…) không được hỗ trợ; hãy viết "từ một từ hai"~5 để tìm các từ gần nhau.'),
    "field": Message("Chỉ hỗ trợ trường title:; đã tìm như từ thường."),
    "paren": Message("Dấu ngoặc đơn không nhóm được từ; đã bỏ qua."),
}


@dataclass(frozen=True, slots=True)
class Word:
    """A query word as searched: `form` is the folded word, or the canonical accented one if `exact`;
    `prefix`: every word starting with the folded form."""

    form: str
    exact: bool
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """One word, or several that must stand together in order (a phrase), or near each other (`slop`)."""

    words: tuple[Word, ...]
    slop: int | None = None
    title: bool = False  # only in the title (title:word, title:"a phrase")


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
        if any(g[0].words[0].prefix or g[0].title for g in self.groups):
            return None
        return [g[0].words[0] for g in self.groups]


def _listed(text: str) -> Clause | None:
    """A clause from the abbreviation list: every word exact, as written there ('ban' is not 'bàn')."""
    words = tuple(Word(t.exact, True) for t in tokenize(text))
    return Clause(words) if words else None


def _clause(text: str, slop: int | None = None, prefix: bool = False, title: bool = False) -> Clause | None:
    words = tuple(Word(t.exact, True) if has_diacritics(t.exact) else Word(t.folded, False) for t in tokenize(text))
    if not words:
        return None
    if prefix and len(words) == 1:
        return Clause((Word(tokenize(text)[0].folded, False, prefix=True),), title=title)
    return Clause(words, slop if slop is not None and len(words) > 1 else None, title)


def _warn(parsed: ParsedQuery, kind: str) -> None:
    if _WARNINGS[kind] not in parsed.warnings:
        parsed.warnings.append(_WARNINGS[kind])


def _unsupported(parsed: ParsedQuery, raw: str) -> str | None:
    """The word to search for a raw query word, warning about syntax we do not support (None: skip it)."""
    if raw == "AND":
        _warn(parsed, "and")
        return None
    if raw.upper().startswith("NEAR("):
        _warn(parsed, "near")
        raw = raw[5:]
    if _FIELD.match(raw) and not raw.endswith(":") and not raw.startswith(TITLE):
        _warn(parsed, "field")
        raw = raw.split(":", 1)[1]
    if "(" in raw or ")" in raw:
        _warn(parsed, "paren")
        raw = raw.replace("(", " ").replace(")", " ")
    return raw


def _with_abbreviations(group: list[Clause], words: tuple[str, ...]) -> list[Clause]:
    """The group plus every abbreviation of the expansion whose folded words are `words`."""
    extra = [c for a in abbreviations_of(words) if (c := _listed(a)) is not None]
    forms = {tuple(w.form for w in c.words) for c in group}  # a word typed bare already finds the listed one
    return group + [c for c in extra if tuple(w.form for w in c.words) not in forms]


def _expand(parsed: ParsedQuery, plain: dict[int, str]) -> None:
    """Abbreviations typed ('UBND') also match their expansion, expansions (quoted or not) their abbreviations.

    `plain` maps the index of each group that is one bare typed word to that word as typed.
    """
    groups, out, i = parsed.groups, [], 0
    while i < len(groups):
        run = 0
        if i in plain:
            while i + run in plain and run < LONGEST_EXPANSION:
                run += 1
        for length in range(run, 1, -1):  # the longest run of bare words that spells an expansion
            words = tuple(w.form if not w.exact else _fold(w.form) for g in groups[i : i + length] for w in g[0].words)
            if abbreviations_of(words):
                phrase = Clause(tuple(g[0].words[0] for g in groups[i : i + length]))
                out.append(_with_abbreviations([phrase], words))
                i += length
                break
        else:
            group = groups[i]
            expansion = query_expansion(plain[i]) if i in plain else None
            if expansion and (clause := _listed(expansion)) is not None:
                group = _with_abbreviations([*group, clause], tuple(_fold(w.form) for w in clause.words))
            elif len(group) == 1 and group[0].slop is None and not group[0].title:
                group = _with_abbreviations(group, tuple(_fold(w.form) for w in group[0].words))
            out.append(group)
            i += 1
    parsed.groups = out


def _fold(form: str) -> str:
    return tokenize(form)[0].folded if form else form


def parse_query(text: str) -> ParsedQuery:
    """Parse user input into clauses; never raises."""
    parsed = ParsedQuery()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.warnings.append(Message("Câu truy vấn quá dài, chỉ dùng {n} ký tự đầu.", n=MAX_QUERY_CHARS))
    pending_or = last_positive = False
    plain: dict[int, str] = {}
    for match in _LEXEME.finditer(text):
        negative, slop, prefix, title = bool(match["neg"]), None, False, bool(match["field"])
        if match["word"] is not None:
            raw = match["word"]
            if raw == "OR":
                pending_or = last_positive
                continue
            negative = raw.startswith("-") and len(raw) > 1
            raw = _unsupported(parsed, raw[1:] if negative else raw)
            if raw is None:
                continue
            if raw.startswith(TITLE):
                raw, title = raw[len(TITLE) :], True
            prefix = raw.endswith("*") and len(raw.rstrip("*")) > 0
        else:
            raw = match["phrase"]
            if not match["close"]:
                parsed.warnings.append(Message("Thiếu dấu ngoặc kép đóng; đã tìm cụm từ đến hết câu."))
            slop = min(int(match["slop"]), MAX_SLOP) if match["slop"] else None
        clause = _clause(raw, slop, prefix, title)
        if clause is None:
            continue
        if negative:
            parsed.excluded.append(clause)
        elif pending_or:
            parsed.groups[-1].append(clause)
            plain.pop(len(parsed.groups) - 1, None)
        else:
            parsed.groups.append([clause])
            if match["word"] is not None and len(clause.words) == 1 and not prefix and not title:
                plain[len(parsed.groups) - 1] = raw
        pending_or, last_positive = False, not negative
        if sum(len(g) for g in parsed.groups) + len(parsed.excluded) >= MAX_CLAUSES:
            parsed.warnings.append(Message("Chỉ dùng {n} từ đầu tiên của câu truy vấn.", n=MAX_CLAUSES))
            break
    _expand(parsed, plain)
    if parsed.excluded and not parsed.groups:
        parsed.warnings.append(Message("Chỉ có từ loại trừ: tìm trong toàn bộ kho trừ các từ đó."))
    return parsed
