"""FTS5 MATCH expressions of a parsed query, on the embedded index's two full-text tables.

`fts` indexes each word as one 'folded_exact' token ('Đảng' → 'dang_đảng'): a word typed with diacritics
matches the whole token, a word typed without matches the prefix 'dang_'. `fts_folded` indexes the folded
half alone ('dang'), position for position, with the same tokenizer: a query whose words are all typed
without diacritics (and are not prefixes) is one term per word there instead of a prefix expanding to every
accented form, and finds the same documents with the same bm25 scores (same hits per phrase, same lengths).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from search.query import Clause, Word
from vntext import fold

TABLES = ("fts", "fts_folded")
TITLE_WEIGHT, CONTENT_WEIGHT = 3.0, 1.0


def table_for(clauses: Iterable[Clause]) -> str:
    """`fts_folded` when every word of the clauses is plain (no diacritics typed, no prefix), else `fts`."""
    plain = all(not w.exact and not w.prefix for clause in clauses for w in clause.words)
    return "fts_folded" if plain else "fts"


def _word(word: Word, table: str) -> str:
    if table == "fts_folded":
        return f'"{word.form}"'
    if word.prefix:
        return f'"{word.form}" *'
    return f'"{fold(word.form)}_{word.form}"' if word.exact else f'"{word.form}_" *'


def clause_expression(clause: Clause, table: str) -> str:
    """One clause (a word, a phrase, a proximity group, perhaps limited to the title) on `table`."""
    words = [_word(w, table) for w in clause.words]
    if clause.slop is not None:  # FTS5 counts the tokens between the first and the last word, inner ones too
        expression = f"NEAR({' '.join(words)}, {clause.slop + len(clause.words) - 2})"
    else:
        expression = " + ".join(words)
    return f"title : ({expression})" if clause.title else expression


def groups_expression(groups: Sequence[Sequence[Clause]], table: str) -> str:
    """Every group must match (AND), any clause of a group (OR)."""
    return " AND ".join("(" + " OR ".join(clause_expression(c, table) for c in group) + ")" for group in groups)


def ranked_sql(table: str) -> str:
    """The masked matches of ?1 in relevance order: bm25 (title weighted), then the newest-first rank.

    ?2 is the mask (one byte a rowid: SQLite scores only the rows it lets through), ?3 each rowid's rank
    as four big-endian bytes (blobs compare bytewise, so as the numbers), ?4 how many (-1: all); SQLite's
    sorter keeps only that many, so no score reaches Python.
    """
    return (
        f"SELECT rowid FROM {table} WHERE {table} MATCH ?1 AND substr(?2, rowid + 1, 1) = x'01' "
        f"ORDER BY bm25({table}, {TITLE_WEIGHT}, {CONTENT_WEIGHT}), substr(?3, 4 * rowid + 1, 4) LIMIT ?4"
    )
