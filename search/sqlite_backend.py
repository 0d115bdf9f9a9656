"""The embedded backend: SQLite FTS5 in one file under the data dir, no server needed.

FTS5 cannot stack two tokens at one position, so each word is indexed as one 'folded_exact' token
('Đảng' → 'dang_đảng'): a word typed with diacritics matches the whole token, a word typed without
matches the prefix 'dang_', and phrases of both kinds still work.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from archive.article import VIETNAM_TZ
from search.backend import SearchBackend
from search.document import facet_values, searchable_text, similarity_words
from search.model import (
    FACETS,
    BackendUnavailable,
    FacetValue,
    Hit,
    IndexReport,
    PaperCoverage,
    QueryError,
    SearchRequest,
    SearchResult,
)
from search.periods import INTERVALS, Interval
from search.query import Clause, ParsedQuery, Word, parse_query
from search.snippets import hit_snippet
from search.terms import folded_exact_terms
from vntext import fold

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, published_ts REAL, month TEXT, data TEXT NOT NULL,
    is_copy INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS docs_published ON docs(published_ts);
CREATE TABLE IF NOT EXISTS facets (rowid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
                                   label TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facets_value ON facets(facet, value);
CREATE INDEX IF NOT EXISTS facets_rowid_facet ON facets(rowid, facet);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, content, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
CREATE TABLE IF NOT EXISTS officials (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_TITLE_WEIGHT, _CONTENT_WEIGHT = 3.0, 1.0
_LOCAL = "d.published_ts + 25200, 'unixepoch'"  # Vietnam time: UTC+7, no daylight saving since 1975
_PERIOD_SQL = {
    "day": f"strftime('%Y-%m-%d', {_LOCAL})",
    "week": f"date({_LOCAL}, '-6 days', 'weekday 1')",  # the Monday of the ISO week
    "month": f"strftime('%Y-%m', {_LOCAL})",
    "year": f"strftime('%Y', {_LOCAL})",
}


def _word(word: Word) -> str:
    if word.prefix:
        return f'"{word.form}" *'
    return f'"{fold(word.form)}_{word.form}"' if word.exact else f'"{word.form}_" *'


def _clause(clause: Clause) -> str:
    if clause.slop is not None:  # FTS5 counts the tokens between the first and the last word, inner ones too
        expression = f"NEAR({' '.join(_word(w) for w in clause.words)}, {clause.slop + len(clause.words) - 2})"
    else:
        expression = " + ".join(_word(w) for w in clause.words)
    return f"title : ({expression})" if clause.title else expression


def _local_day(timestamp: float | None) -> date | None:
    return datetime.fromtimestamp(timestamp, VIETNAM_TZ).date() if timestamp is not None else None


def match_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression of the positive clauses."""
    return " AND ".join("(" + " OR ".join(_clause(c) for c in group) + ")" for group in parsed.groups)


@dataclass(frozen=True, slots=True)
class _Matches:
    """The temporary tables of one search and their sizes: `base`, and the rows each facet filter selects."""

    sizes: dict[str | None, tuple[str, int]]  # facet (None for base) → (table, rows)

    def rows(self, skip: str | None = None) -> str:
        """A FROM clause over `base` narrowed by every facet filter but `skip`'s, as `b`, smallest table first.

        CROSS JOIN fixes that order: SQLite has no statistics on temporary tables and would otherwise
        scan a whole facet.
        """
        tables = sorted((rows, table) for facet, (table, rows) in self.sizes.items() if facet != skip or not facet)
        first, *rest = (table for _, table in tables)
        return " ".join([f"{first} b", *(f"CROSS JOIN {t} ON {t}.rowid = b.rowid" for t in rest)])


class SqliteBackend(SearchBackend):
    """Search index in `<data_dir>/search.sqlite3`; a rebuild writes a new file and renames it over."""

    name = "sqlite"

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "search.sqlite3"
        data_dir.mkdir(parents=True, exist_ok=True)
        with closing(self._connect(self.path)) as db:
            db.executescript(_SCHEMA)
            if "is_copy" not in {row[1] for row in db.execute("PRAGMA table_info(docs)")}:  # index from 0.1.0
                db.execute("ALTER TABLE docs ADD COLUMN is_copy INTEGER NOT NULL DEFAULT 0")

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(path, timeout=30)
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"cannot open the search index {path}: {exc}") from exc
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def close(self) -> None:
        """Nothing to release: every call opens and closes its own connection."""

    # -- writing ---------------------------------------------------------------------------------
    def _write(self, db: sqlite3.Connection, docs: Iterable[dict[str, Any]]) -> IndexReport:
        report = IndexReport()
        for doc in docs:
            try:
                published = datetime.fromisoformat(doc["published"]).timestamp() if doc.get("published") else None
                old = db.execute("SELECT rowid FROM docs WHERE id=?", (doc["id"],)).fetchone()
                if old:
                    db.execute("DELETE FROM fts WHERE rowid=?", old)
                    db.execute("DELETE FROM facets WHERE rowid=?", old)
                    db.execute("DELETE FROM docs WHERE rowid=?", old)
                cur = db.execute(
                    "INSERT INTO docs (id, published_ts, month, data, is_copy) VALUES (?,?,?,?,?)",
                    (
                        doc["id"],
                        published,
                        doc.get("month"),
                        json.dumps(doc, ensure_ascii=False),
                        bool(doc.get("is_copy")),
                    ),
                )
                rowid = cur.lastrowid
                title, content = searchable_text(doc)
                db.execute(
                    "INSERT INTO fts (rowid, title, content) VALUES (?,?,?)",
                    (rowid, folded_exact_terms(title), folded_exact_terms(content)),
                )
                db.executemany(
                    "INSERT INTO facets VALUES (?,?,?,?)",
                    [
                        (rowid, facet, value, label)
                        for facet, pairs in facet_values(doc).items()
                        for value, label in pairs
                    ],
                )
                report.indexed += 1
            except (KeyError, TypeError, ValueError, sqlite3.Error) as exc:
                report.failed.append((str(doc.get("id", "?")), f"{type(exc).__name__}: {exc}"))
        return report

    def index(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        with closing(self._connect(self.path)) as db, db:
            return self._write(db, docs)

    def rebuild(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        for orphan in self.path.parent.glob(f"{self.path.name}.rebuild-*"):  # left by a rebuild that died
            orphan.unlink(missing_ok=True)
        fresh = self.path.with_name(f"{self.path.name}.rebuild-{os.getpid()}")
        with closing(self._connect(fresh)) as db:
            db.executescript(_SCHEMA)
            with closing(self._connect(self.path)) as old:
                db.executemany("INSERT INTO state VALUES (?,?)", old.execute("SELECT key, value FROM state"))
                db.executemany("INSERT INTO officials VALUES (?,?)", old.execute("SELECT id, data FROM officials"))
            with db:
                report = self._write(db, docs)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("PRAGMA journal_mode=DELETE")
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        os.replace(fresh, self.path)
        return report

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        with closing(self._connect(self.path)) as db, db:
            db.execute("DELETE FROM officials")
            db.executemany(
                "INSERT INTO officials VALUES (?,?)", [(p["id"], json.dumps(p, ensure_ascii=False)) for p in profiles]
            )

    def set_state(self, key: str, value: str) -> None:
        with closing(self._connect(self.path)) as db, db:
            db.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (key, value))

    # -- reading ---------------------------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        with closing(self._connect(self.path)) as db:
            row = db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def officials(self) -> list[dict[str, Any]]:
        with closing(self._connect(self.path)) as db:
            return [json.loads(row[0]) for row in db.execute("SELECT data FROM officials ORDER BY id")]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        with closing(self._connect(self.path)) as db:
            row = db.execute("SELECT data FROM docs WHERE id=?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def iter_docs(self) -> Iterator[dict[str, Any]]:
        with closing(self._connect(self.path)) as db:
            for (data,) in db.execute("SELECT data FROM docs ORDER BY rowid"):
                yield json.loads(data)

    def _materialize(self, db: sqlite3.Connection, request: SearchRequest, parsed: ParsedQuery) -> _Matches:
        """Evaluate the query once into temporary tables: `base` (text, dates, copies), one per facet filter."""
        clauses, params = ["1"], []
        if parsed.groups:
            clauses.append("d.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(match_expression(parsed))
        for clause in parsed.excluded:
            clauses.append("d.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
            params.append(_clause(clause))
        if request.hide_copies:
            clauses.append("d.is_copy = 0")
        if request.date_from:
            clauses.append("d.published_ts >= ?")
            params.append(datetime.combine(request.date_from, time.min, VIETNAM_TZ).timestamp())
        if request.date_to:
            clauses.append("d.published_ts < ?")
            params.append(datetime.combine(request.date_to + timedelta(days=1), time.min, VIETNAM_TZ).timestamp())
        db.execute("CREATE TEMP TABLE base (rowid INTEGER PRIMARY KEY)")
        inserted = db.execute(f"INSERT INTO base SELECT d.rowid FROM docs d WHERE {' AND '.join(clauses)}", params)
        sizes: dict[str | None, tuple[str, int]] = {None: ("base", inserted.rowcount)}
        for number, (facet, values) in enumerate(sorted((f, v) for f, v in request.filters.items() if v)):
            table = f"sel{number}"
            db.execute(f"CREATE TEMP TABLE {table} (rowid INTEGER PRIMARY KEY)")
            every = facet == "officials" and request.all_officials  # AND: rows naming each value
            inserted = db.execute(
                f"INSERT OR IGNORE INTO {table} SELECT f.rowid FROM facets f JOIN base b ON b.rowid = f.rowid "
                f"WHERE f.facet = ? AND f.value IN ({','.join('?' * len(values))})"
                + (" GROUP BY f.rowid HAVING COUNT(DISTINCT f.value) = ?" if every else ""),
                [facet, *values, *([len(set(values))] if every else [])],
            )
            sizes[facet] = (table, inserted.rowcount)
        return _Matches(sizes)

    def search(self, request: SearchRequest) -> SearchResult:
        request.validate()
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                return self._search(db, request, parsed)
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc

    def _ordered_rows(
        self,
        db: sqlite3.Connection,
        request: SearchRequest,
        parsed: ParsedQuery,
        matches: _Matches,
        limit: int,
        offset: int,
    ) -> sqlite3.Cursor:
        """Matching documents in the requested order (relevance puts whole-phrase matches first)."""
        if request.sort == "relevance" and parsed.groups:
            phrase = parsed.plain_words()
            bonus = "d.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)" if phrase else "0"
            return db.execute(
                f"SELECT d.data, {bonus} AS bonus, bm25(fts, {_TITLE_WEIGHT}, {_CONTENT_WEIGHT}) AS score "
                "FROM fts JOIN docs d ON d.rowid = fts.rowid "
                f"WHERE fts MATCH ? AND d.rowid IN (SELECT b.rowid FROM {matches.rows()}) "
                "ORDER BY bonus DESC, score, d.published_ts DESC, d.id LIMIT ? OFFSET ?",
                [*([_clause(Clause(tuple(phrase)))] if phrase else []), match_expression(parsed), limit, offset],
            )
        direction = "ASC" if request.sort == "oldest" else "DESC"
        return db.execute(
            f"SELECT d.data FROM {matches.rows()} CROSS JOIN docs d ON d.rowid = b.rowid "
            f"ORDER BY d.published_ts IS NULL, d.published_ts {direction}, d.id LIMIT ? OFFSET ?",
            [limit, offset],
        )

    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                matches = self._materialize(db, request, parsed)
                for row in self._ordered_rows(db, request, parsed, matches, -1, 0):
                    yield json.loads(row[0])
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc

    def _search(self, db: sqlite3.Connection, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        matches = self._materialize(db, request, parsed)
        total = db.execute(f"SELECT COUNT(*) FROM {matches.rows()}").fetchone()[0]
        rows = self._ordered_rows(db, request, parsed, matches, request.size, request.offset).fetchall()
        words = parsed.positive_words()
        hits = [Hit(doc, hit_snippet(doc, words)) for doc in (json.loads(row[0]) for row in rows)]
        result = SearchResult(total=total, hits=hits, warnings=list(parsed.warnings))
        if request.with_facets:
            for facet in FACETS:  # each counted under the other facets' filters, not its own (AND: its own too)
                skip = None if facet == "officials" and request.all_officials else facet
                result.facets[facet] = [
                    FacetValue(*row)
                    for row in db.execute(
                        f"SELECT f.value, MIN(f.label), COUNT(*) AS n FROM {matches.rows(skip=skip)} "
                        "CROSS JOIN facets f ON f.rowid = b.rowid AND f.facet = ? "
                        "GROUP BY f.value ORDER BY n DESC, f.value LIMIT ?",
                        [facet, request.facet_size],
                    )
                ]
        if request.with_months:
            result.months = dict(
                db.execute(
                    f"SELECT d.month, COUNT(*) FROM {matches.rows()} CROSS JOIN docs d ON d.rowid = b.rowid "
                    "WHERE d.month IS NOT NULL GROUP BY d.month ORDER BY d.month"
                )
            )
        return result

    def histogram(self, request: SearchRequest, interval: Interval) -> dict[str, int]:
        request.validate()
        if interval not in INTERVALS:
            raise QueryError("{name} phải là một trong {values}", name="interval", values=", ".join(INTERVALS))
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                matches = self._materialize(db, request, parsed)
                rows = db.execute(
                    f"SELECT {_PERIOD_SQL[interval]} AS period, COUNT(*) FROM {matches.rows()} "
                    "CROSS JOIN docs d ON d.rowid = b.rowid WHERE d.published_ts IS NOT NULL "
                    "GROUP BY period ORDER BY period"
                )
                return dict(rows.fetchall())
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc

    def coverage(self) -> list[PaperCoverage]:
        with closing(self._connect(self.path)) as db:
            papers: dict[str, PaperCoverage] = {}
            for paper, n, first, last in db.execute(
                "SELECT f.value, COUNT(*), MIN(d.published_ts), MAX(d.published_ts) FROM facets f "
                "JOIN docs d ON d.rowid = f.rowid WHERE f.facet = 'paper' GROUP BY f.value ORDER BY f.value"
            ):
                papers[paper] = PaperCoverage(paper, n, {}, _local_day(first), _local_day(last), {})
            for paper, province, n in db.execute(
                "SELECT f.value, p.value, COUNT(*) FROM facets f JOIN facets p ON p.rowid = f.rowid "
                "AND p.facet = 'province' WHERE f.facet = 'paper' GROUP BY f.value, p.value ORDER BY 3 DESC, 2"
            ):
                papers[paper].provinces[province] = n
            for paper, month, n in db.execute(
                "SELECT f.value, d.month, COUNT(*) FROM facets f JOIN docs d ON d.rowid = f.rowid "
                "WHERE f.facet = 'paper' AND d.month IS NOT NULL GROUP BY f.value, d.month ORDER BY 2"
            ):
                papers[paper].months[month] = n
        return list(papers.values())

    def more_like_this(self, doc_id: str, size: int = 5) -> list[dict[str, Any]]:
        doc = self.get(doc_id)
        if doc is None:
            return []
        words = similarity_words(doc)
        if not words:
            return []
        expression = " OR ".join(_word(w) for w in words)
        with closing(self._connect(self.path)) as db:
            rows = db.execute(
                f"SELECT d.data FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? AND d.id != ? "
                f"ORDER BY bm25(fts, {_TITLE_WEIGHT}, {_CONTENT_WEIGHT}) LIMIT ?",
                (expression, doc_id, size),
            )
            return [json.loads(row[0]) for row in rows]
