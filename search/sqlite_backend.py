"""The embedded backend: SQLite FTS5 in one file under the data dir, no server needed.

FTS5 cannot stack two tokens at one position, so each word is indexed as one 'folded_exact' token
('Đảng' → 'dang_đảng'): a word typed with diacritics matches the whole token, a word typed without
matches the prefix 'dang_', and phrases of both kinds still work. A second, contentless table holds the
folded words alone, for queries typed without diacritics (search/fts_match.py).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from archive.article import VIETNAM_TZ
from archive.locks import process_alive
from search.backend import SearchBackend
from search.columns import EPOCH_KEY, ColumnCache, Columns
from search.document import document_problem, facet_values, searchable_text, similarity_words
from search.fts_match import (
    CONTENT_WEIGHT,
    TABLES,
    TITLE_WEIGHT,
    clause_expression,
    groups_expression,
    ranked_sql,
    table_for,
)
from search.model import (
    FACETS,
    BackendUnavailable,
    Hit,
    IndexReport,
    PaperCoverage,
    SearchRequest,
    SearchResult,
    hit_document,
)
from search.periods import Interval, local_day
from search.query import Clause, ParsedQuery, parse_query
from search.snippets import hit_snippet
from search.terms import folded_exact_terms, folded_half

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
CREATE VIRTUAL TABLE IF NOT EXISTS fts_folded USING fts5(
    title, content, content = '', tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
CREATE TABLE IF NOT EXISTS officials (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Errors one document causes (a constraint, a value SQLite cannot bind): that document fails, the load goes on.
_DOCUMENT_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


@contextmanager
def _unavailable(action: str) -> Iterator[None]:
    """Turn a database error (locked, full, corrupt, missing table) into BackendUnavailable."""
    try:
        yield
    except sqlite3.Error as exc:
        raise BackendUnavailable(f"the search index cannot {action}: {exc}") from exc


def _doc_id(doc: Any) -> str:
    return str(doc.get("id") or "?") if isinstance(doc, dict) else "?"


_RANKED = {table: ranked_sql(table) for table in TABLES}
_FOLDED_DELETE = "INSERT INTO fts_folded (fts_folded, rowid, title, content) VALUES ('delete', ?, ?, ?)"
_FETCH_CHUNK = 500  # stored documents read per query when iterating over every match
_LOCAL_OFFSET_S = int(VIETNAM_TZ.utcoffset(datetime(2000, 1, 1)).total_seconds())  # fixed since 1975


def _periods(published: np.ndarray, interval: Interval) -> dict[str, int]:
    """Dated timestamps counted per period in Vietnam time ('2016-01-05', the Monday of a week, '2016-01', '2016')."""
    seconds = published[~np.isnan(published)].astype(np.int64) + _LOCAL_OFFSET_S
    days = seconds.astype("datetime64[s]").astype("datetime64[D]")
    if interval == "week":  # 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays
        days = days - ((days.astype(np.int64) + 3) % 7).astype("timedelta64[D]")
    unit = {"day": "D", "week": "D", "month": "M", "year": "Y"}[interval]
    periods, counts = np.unique(days.astype(f"datetime64[{unit}]"), return_counts=True)
    return {str(period): int(count) for period, count in zip(periods, counts, strict=True)}


class SqliteBackend(SearchBackend):
    """Search index in `<data_dir>/search.sqlite3`; a rebuild writes a new file and renames it over."""

    name = "sqlite"

    def __init__(self, data_dir: Path) -> None:
        """Create the schema if needed; a file that cannot be opened now (locked, damaged) is logged, and
        every call then raises BackendUnavailable (the web app still starts, and answers 503)."""
        self.path = data_dir / "search.sqlite3"
        self._columns = ColumnCache(self.path)
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            with closing(self._connect(self.path)) as db, _unavailable("create its tables"):
                db.executescript(_SCHEMA)
                if "is_copy" not in {row[1] for row in db.execute("PRAGMA table_info(docs)")}:  # index from 0.1.0
                    db.execute("ALTER TABLE docs ADD COLUMN is_copy INTEGER NOT NULL DEFAULT 0")
                self._fill_folded(db)
        except BackendUnavailable as exc:
            logging.getLogger(__name__).warning("%s", exc)

    def _fill_folded(self, db: sqlite3.Connection) -> None:
        """An index written before `fts_folded` existed gets it filled once, from the words `fts` holds."""

        def unfilled() -> bool:
            (filled,) = db.execute("SELECT EXISTS (SELECT 1 FROM fts_folded_docsize)").fetchone()
            return not filled and db.execute("SELECT EXISTS (SELECT 1 FROM fts_docsize)").fetchone()[0]

        if not unfilled():  # the usual case: no write lock taken
            return
        logging.getLogger(__name__).info("filling the folded full-text table of %s", self.path)
        db.isolation_level = None
        db.execute("BEGIN IMMEDIATE")
        try:
            if unfilled():  # another process may have filled it meanwhile
                stored = db.execute("SELECT rowid, title, content FROM fts")
                rows = ((rowid, folded_half(title), folded_half(content)) for rowid, title, content in stored)
                db.executemany("INSERT INTO fts_folded (rowid, title, content) VALUES (?,?,?)", rows)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"cannot open the search index {path}: {exc}") from exc
        return db

    def close(self) -> None:
        """Nothing to release: every call opens and closes its own connection."""

    # -- writing ---------------------------------------------------------------------------------
    @staticmethod
    def _write_one(db: sqlite3.Connection, doc: dict[str, Any]) -> None:
        """The docs, full-text and facet rows of one document (replacing the old ones), inside a savepoint."""
        published = datetime.fromisoformat(doc["published"]).timestamp() if doc.get("published") else None
        title, content = searchable_text(doc)
        facets = [(facet, value, label) for facet, pairs in facet_values(doc).items() for value, label in pairs]
        old = db.execute("SELECT rowid FROM docs WHERE id=?", (doc["id"],)).fetchone()
        (top,) = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM docs").fetchone()  # a new rowid above every other
        if old:  # a contentless table forgets a row given the very words it indexed
            stored = db.execute("SELECT title, content FROM fts WHERE rowid=?", old).fetchone()
            db.execute(_FOLDED_DELETE, (*old, *map(folded_half, stored)))
            db.execute("DELETE FROM fts WHERE rowid=?", old)
            db.execute("DELETE FROM facets WHERE rowid=?", old)
            db.execute("DELETE FROM docs WHERE rowid=?", old)
        rowid, data = top + 1, json.dumps(doc, ensure_ascii=False)
        db.execute(
            "INSERT INTO docs (rowid, id, published_ts, month, data, is_copy) VALUES (?,?,?,?,?,?)",
            (rowid, doc["id"], published, doc.get("month"), data, bool(doc.get("is_copy"))),
        )
        terms = (folded_exact_terms(title), folded_exact_terms(content))
        db.execute("INSERT INTO fts (rowid, title, content) VALUES (?,?,?)", (rowid, *terms))
        db.execute("INSERT INTO fts_folded (rowid, title, content) VALUES (?,?,?)", (rowid, *map(folded_half, terms)))
        db.executemany("INSERT INTO facets VALUES (?,?,?,?)", [(rowid, *row) for row in facets])

    def _write(self, db: sqlite3.Connection, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Write each document whole or not at all (one savepoint each); a database error stops the load.

        A document that is refused (document_problem) or breaks a constraint is reported and skipped;
        locked, full, read-only or corrupt databases raise BackendUnavailable.
        """
        report = IndexReport()
        for doc in docs:
            if problem := document_problem(doc):
                report.failed.append((_doc_id(doc), problem))
                continue
            db.execute("SAVEPOINT doc")
            try:
                self._write_one(db, doc)
            except _DOCUMENT_ERRORS as exc:
                db.execute("ROLLBACK TO doc")
                db.execute("RELEASE doc")
                report.failed.append((_doc_id(doc), f"{type(exc).__name__}: {exc}"))
                continue
            db.execute("RELEASE doc")
            report.indexed += 1
        return report

    def _load(self, db: sqlite3.Connection, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """One transaction around _write: committed whole, or rolled back on any error (which is raised)."""
        db.isolation_level = None  # explicit BEGIN / SAVEPOINT / COMMIT
        try:
            db.execute("BEGIN IMMEDIATE")
            report = self._write(db, docs)
            db.execute("COMMIT")
            return report
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise BackendUnavailable(f"the search index {self.path} cannot be written: {exc}") from exc
            raise

    def index(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        with closing(self._connect(self.path)) as db:
            return self._load(db, docs)

    def rebuild(self, docs: Iterable[dict[str, Any]]) -> IndexReport:
        """Load a fresh file, then copy it into the live file in one transaction (SQLite's backup).

        Readers of the live file see the old index or the new one, never a mix, and no file a reader has
        open (nor its -wal/-shm) is unlinked or renamed. A rebuild that dies leaves the live file as it was.
        """
        self._drop_dead_rebuilds()
        fresh = self.path.with_name(f"{self.path.name}.rebuild-{os.getpid()}")
        fresh.unlink(missing_ok=True)
        try:
            with closing(sqlite3.connect(fresh, timeout=30)) as db:
                db.execute("PRAGMA journal_mode=MEMORY")  # savepoints need a journal; durability comes below
                db.execute("PRAGMA synchronous=OFF")
                db.executescript(_SCHEMA)
                with closing(self._connect(self.path)) as old:
                    db.executemany("INSERT INTO state VALUES (?,?)", old.execute("SELECT key, value FROM state"))
                    db.executemany("INSERT INTO officials VALUES (?,?)", old.execute("SELECT id, data FROM officials"))
                db.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (EPOCH_KEY, uuid.uuid4().hex))
                db.commit()
                report = self._load(db, docs)
                with closing(self._connect(self.path)) as live:
                    db.backup(live)
        except sqlite3.Error as exc:
            raise BackendUnavailable(f"the search index {self.path} cannot be rebuilt: {exc}") from exc
        finally:
            fresh.unlink(missing_ok=True)
        return report

    def _drop_dead_rebuilds(self) -> None:
        """Delete the files of rebuilds whose process is gone (never a running one's)."""
        for orphan in self.path.parent.glob(f"{self.path.name}.rebuild-*"):
            pid = orphan.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not process_alive(int(pid)):
                orphan.unlink(missing_ok=True)

    def put_officials(self, profiles: list[dict[str, Any]]) -> None:
        with closing(self._connect(self.path)) as db, _unavailable("write the official profiles"), db:
            db.execute("DELETE FROM officials")
            db.executemany(
                "INSERT INTO officials VALUES (?,?)", [(p["id"], json.dumps(p, ensure_ascii=False)) for p in profiles]
            )

    def set_state(self, key: str, value: str) -> None:
        with closing(self._connect(self.path)) as db, _unavailable("write the indexer state"), db:
            db.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (key, value))

    # -- reading ---------------------------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        with closing(self._connect(self.path)) as db, _unavailable("read the indexer state"):
            row = db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def officials(self) -> list[dict[str, Any]]:
        with closing(self._connect(self.path)) as db, _unavailable("read the official profiles"):
            return [json.loads(row[0]) for row in db.execute("SELECT data FROM officials ORDER BY id")]

    def get(self, doc_id: str) -> dict[str, Any] | None:
        with closing(self._connect(self.path)) as db, _unavailable("read a document"):
            row = db.execute("SELECT data FROM docs WHERE id=?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def iter_docs(self) -> Iterator[dict[str, Any]]:
        with closing(self._connect(self.path)) as db, _unavailable("read the documents"):
            for (data,) in db.execute("SELECT data FROM docs ORDER BY rowid"):
                yield json.loads(data)

    @staticmethod
    def _rows(db: sqlite3.Connection, table: str, expression: str) -> np.ndarray:
        """Rowids an FTS5 expression matches on `table`."""
        sql = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?"
        (joined,) = db.execute(sql, (expression,)).fetchone()
        return np.fromstring(joined or "", dtype=np.int64, sep=",")

    def _matched(self, db: sqlite3.Connection, parsed: ParsedQuery) -> np.ndarray | None:
        """Rowids of the documents the positive clauses match (None: no text query)."""
        if not parsed.groups:
            return None
        table = table_for(c for group in parsed.groups for c in group)
        return self._rows(db, table, groups_expression(parsed.groups, table))

    def _scope(
        self,
        db: sqlite3.Connection,
        request: SearchRequest,
        parsed: ParsedQuery,
        cols: Columns,
        text: np.ndarray | None,
    ) -> np.ndarray:
        """Mask of the documents the text, the dates and the copies setting let through (every count obeys it)."""
        base = cols.present.copy()
        if text is not None:
            matched = np.zeros(cols.size, dtype=bool)
            matched[text] = True
            base &= matched
        for clause in parsed.excluded:
            table = table_for([clause])
            base[self._rows(db, table, clause_expression(clause, table))] = False
        if request.hide_copies:
            base &= ~cols.is_copy
        with np.errstate(invalid="ignore"):  # undated documents (NaN) fall outside every date range
            if request.date_from:
                base &= cols.published >= datetime.combine(request.date_from, time.min, VIETNAM_TZ).timestamp()
            if request.date_to:
                day_after = datetime.combine(request.date_to + timedelta(days=1), time.min, VIETNAM_TZ)
                base &= cols.published < day_after.timestamp()
        return base

    def _ranked(
        self, db: sqlite3.Connection, parsed: ParsedQuery, cols: Columns, mask: np.ndarray, stop: int | None
    ) -> np.ndarray:
        """Rowids of the masked matches by relevance, the first `stop` (None: all).

        Whole-phrase matches first, then bm25 (title weighted), newest, id. SQLite scores only the masked
        rows and keeps the best `stop` in its sorter: no score reaches Python.
        """
        tiers = [mask]
        if phrase := parsed.plain_words():
            whole = Clause(tuple(phrase))
            bonus = np.zeros(cols.size, dtype=bool)
            bonus[self._rows(db, table_for([whole]), clause_expression(whole, table_for([whole])))] = True
            tiers = [mask & bonus, mask & ~bonus]
        table = table_for(c for group in parsed.groups for c in group)
        expression = groups_expression(parsed.groups, table)
        found: list[np.ndarray] = []
        left = -1 if stop is None else stop  # SQLite's LIMIT -1: no limit
        for tier in tiers:
            if left == 0:
                break
            if not tier.any():
                continue
            args = (expression, tier.view(np.uint8).tobytes(), cols.newest_bytes, left)
            rows = np.array(db.execute(_RANKED[table], args).fetchall(), dtype=np.int64).reshape(-1)
            found.append(rows)
            left = -1 if stop is None else left - len(rows)
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def _ordered(
        self,
        db: sqlite3.Connection,
        request: SearchRequest,
        parsed: ParsedQuery,
        cols: Columns,
        mask: np.ndarray,
        stop: int | None,
    ) -> np.ndarray:
        """The first `stop` masked rowids (None: all) in the requested order: relevance, or by date then id."""
        if request.sort == "relevance" and parsed.groups:
            return self._ranked(db, parsed, cols, mask, stop)
        return cols.in_order(mask, oldest=request.sort == "oldest", stop=stop)

    @staticmethod
    def _docs(db: sqlite3.Connection, rowids: np.ndarray) -> list[dict[str, Any]]:
        """The stored documents of rowids, in that order."""
        ids = [int(r) for r in rowids]
        found = dict(db.execute(f"SELECT rowid, data FROM docs WHERE rowid IN ({','.join('?' * len(ids))})", ids))
        return [json.loads(found[r]) for r in ids]

    def search(self, request: SearchRequest) -> SearchResult:
        request.validate()
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                return self._search(db, request, parsed)
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc

    def _masks(
        self,
        db: sqlite3.Connection,
        request: SearchRequest,
        parsed: ParsedQuery,
        cols: Columns,
        text: np.ndarray | None,
    ) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
        """(scope, each active facet filter's selection, the matches: scope and every selection)."""
        base = self._scope(db, request, parsed, cols, text)
        selections = {f: self._selection(cols, request, f, v) for f, v in sorted(request.filters.items()) if v}
        matches = base.copy()
        for selection in selections.values():
            matches &= selection
        return base, selections, matches

    @staticmethod
    def _selection(cols: Columns, request: SearchRequest, facet: str, values: list[str]) -> np.ndarray:
        """Documents with any of the values; with official_op=and, officials: documents naming every one."""
        if facet == "officials" and request.all_officials:
            every = np.ones(cols.size, dtype=bool)
            for value in values:
                every &= cols.facets[facet].selecting([value], cols.size)
            return every
        return cols.facets[facet].selecting(values, cols.size)

    def iter_matching(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                cols = self._columns.get(db)
                matches = self._masks(db, request, parsed, cols, self._matched(db, parsed))[2]
                rows = self._ordered(db, request, parsed, cols, matches, None)
                for start in range(0, len(rows), _FETCH_CHUNK):
                    yield from self._docs(db, rows[start : start + _FETCH_CHUNK])
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc

    def _search(self, db: sqlite3.Connection, request: SearchRequest, parsed: ParsedQuery) -> SearchResult:
        cols = self._columns.get(db)
        base, selections, matches = self._masks(db, request, parsed, cols, self._matched(db, parsed))
        rows = self._ordered(db, request, parsed, cols, matches, request.offset + request.size)
        words = parsed.positive_words()
        docs = self._docs(db, rows[request.offset :][: request.size])
        hits = [Hit(hit_document(doc), hit_snippet(doc, words)) for doc in docs]
        result = SearchResult(total=int(matches.sum()), hits=hits, warnings=list(parsed.warnings))
        if request.with_facets:
            for facet in FACETS:  # each counted under the other facets' filters, not its own (AND: its own too)
                mask = base.copy()
                for other, selection in selections.items():
                    if other != facet or (facet == "officials" and request.all_officials):
                        mask &= selection
                result.facets[facet] = cols.facets[facet].top(mask, request.facet_size)
        if request.periods:
            result.periods = _periods(cols.published[matches], request.periods)
        return result

    def histogram(self, request: SearchRequest, interval: Interval) -> dict[str, int]:
        replace(request, periods=interval).validate()
        parsed = parse_query(request.q)
        with closing(self._connect(self.path)) as db:
            try:
                cols = self._columns.get(db)
                matches = self._masks(db, request, parsed, cols, self._matched(db, parsed))[2]
            except sqlite3.OperationalError as exc:
                raise BackendUnavailable(f"search index error: {exc}") from exc
        return _periods(cols.published[matches], interval)

    def coverage(self) -> list[PaperCoverage]:
        with closing(self._connect(self.path)) as db, _unavailable("count the papers"):
            papers: dict[str, PaperCoverage] = {}
            for paper, n, first, last in db.execute(
                "SELECT f.value, COUNT(*), MIN(d.published_ts), MAX(d.published_ts) FROM facets f "
                "JOIN docs d ON d.rowid = f.rowid WHERE f.facet = 'paper' GROUP BY f.value ORDER BY f.value"
            ):
                papers[paper] = PaperCoverage(paper, n, {}, local_day(first), local_day(last), {})
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
        expression = " OR ".join(clause_expression(Clause((w,)), "fts") for w in words)
        with closing(self._connect(self.path)) as db, _unavailable("find similar documents"):
            rows = db.execute(
                f"SELECT d.data FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? AND d.id != ? "
                f"ORDER BY bm25(fts, {TITLE_WEIGHT}, {CONTENT_WEIGHT}) LIMIT ?",
                (expression, doc_id, size),
            )
            return [json.loads(row[0]) for row in rows]
