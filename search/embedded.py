"""The embedded search backend: SQLite FTS5 in one file, no server.

Every document is indexed twice: with diacritics (tone placement unified) and folded by
:func:`pipeline.normalize.fold` (``đ``→``d``, which SQLite's ``remove_diacritics`` does not do).
A query matches the folded columns, so ``chuyen doi so`` finds ``chuyển đổi số``; matches in the exact
columns score on top, so accented queries rank accented matches first.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from pathlib import Path

from govnews.errors import ServiceError
from govnews.records import VN_TZ, ArticleRecord
from pipeline.gazetteer import loose_key
from pipeline.normalize import fold, unify_tones
from search.highlight import END_MARK, START_MARK, fragments, marked_spans
from search.query import FacetValue, Hit, QuerySyntaxError, SearchQuery, SearchResponse

SCHEMA_VERSION = "1"
# bm25 weights of title_exact, body_exact, title_folded, body_folded: titles and exact spellings count more.
BM25_WEIGHTS = (6.0, 2.0, 3.0, 1.0)
FACET_LIMIT = 20
_QUERY_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_TERM_CHARS = re.compile(r"[^\w&'-]+")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, title TEXT, body TEXT, site TEXT,
    province TEXT, province_current TEXT, province_key TEXT, province_current_key TEXT,
    published_at TEXT, published_ts INTEGER);
CREATE INDEX IF NOT EXISTS docs_site ON docs(site);
CREATE INDEX IF NOT EXISTS docs_published ON docs(published_ts);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title_exact, body_exact, title_folded, body_folded, tokenize = "unicode61 remove_diacritics 0");
CREATE TABLE IF NOT EXISTS doc_topics (rowid INTEGER, label TEXT, score REAL);
CREATE INDEX IF NOT EXISTS doc_topics_rowid ON doc_topics(rowid);
CREATE INDEX IF NOT EXISTS doc_topics_label ON doc_topics(label);
CREATE TABLE IF NOT EXISTS doc_entities (rowid INTEGER, entity_id TEXT, type TEXT, name_key TEXT);
CREATE INDEX IF NOT EXISTS doc_entities_rowid ON doc_entities(rowid);
CREATE INDEX IF NOT EXISTS doc_entities_id ON doc_entities(entity_id);
CREATE INDEX IF NOT EXISTS doc_entities_name ON doc_entities(name_key);
"""


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connect() as db:
            db.executescript(SCHEMA)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def _connect(self) -> sqlite3.Connection:
        """One connection per thread (the API serves requests from a thread pool)."""
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
            except sqlite3.Error as exc:
                raise ServiceError(f"cannot open the search index {self.path}: {exc}") from exc
            self._local.db = db
        return db

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # -- indexing ----------------------------------------------------------------------------------

    def index(self, records: Sequence[ArticleRecord]) -> int:
        db = self._connect()
        try:
            with db:
                for record in records:
                    self._delete_one(db, record.id)
                    rowid = db.execute(
                        "INSERT INTO docs (id, url, title, body, site, province, province_current, province_key,"
                        " province_current_key, published_at, published_ts) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (record.id, record.url, record.title, record.text, record.site, record.province,
                         record.province_current, loose_key(record.province or ""),
                         loose_key(record.province_current or ""),
                         record.published_at.isoformat() if record.published_at else None,
                         int(record.published_at.timestamp()) if record.published_at else None),
                    ).lastrowid
                    db.execute("INSERT INTO fts (rowid, title_exact, body_exact, title_folded, body_folded)"
                               " VALUES (?,?,?,?,?)",
                               (rowid, unify_tones(record.title), unify_tones(record.text), fold(record.title),
                                fold(record.text)))
                    db.executemany("INSERT INTO doc_topics VALUES (?,?,?)",
                                   [(rowid, t.label, t.score) for t in record.topics])
                    entities = {(e.entity_id, e.type, loose_key(_entity_name(e))) for e in record.entities
                                if e.entity_id}
                    db.executemany("INSERT INTO doc_entities VALUES (?,?,?,?)",
                                   [(rowid, *entity) for entity in sorted(entities)])
        except sqlite3.Error as exc:
            raise ServiceError(f"search index write failed ({len(records)} articles rolled back): {exc}") from exc
        return len(records)

    @staticmethod
    def _delete_one(db: sqlite3.Connection, article_id: str) -> bool:
        row = db.execute("SELECT rowid FROM docs WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return False
        for table in ("fts", "doc_topics", "doc_entities", "docs"):
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", row)
        return True

    def delete(self, ids: Sequence[str]) -> int:
        db = self._connect()
        with db:
            return sum(self._delete_one(db, i) for i in ids)

    def count(self) -> int:
        return self._connect().execute("SELECT count(*) FROM docs").fetchone()[0]

    # -- searching ---------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResponse:
        db = self._connect()
        match, source, condition, params = _selection(query)
        score = f"-bm25(fts, {', '.join(map(str, BM25_WEIGHTS))})" if match else "0.0"
        try:
            total = db.execute(f"SELECT count(*) FROM {source} WHERE {condition}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT d.rowid, d.id, d.url, d.title, d.site, d.province, d.province_current, d.published_at,"
                f" {score} AS score FROM {source} WHERE {condition}"
                f" ORDER BY score DESC, d.published_ts DESC, d.id LIMIT ? OFFSET ?",
                [*params, query.size, (query.page - 1) * query.size],
            ).fetchall()
            facets = self._facets(db, source, condition, params)
            highlights = self._highlights(db, match, [r[0] for r in rows]) if match else {}
            topics = self._topics(db, [r[0] for r in rows])
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {query.q!r}: {exc}") from exc
        hits = [
            Hit(id=r[1], url=r[2], title=r[3], site=r[4], province=r[5], province_current=r[6],
                published_at=datetime.fromisoformat(r[7]) if r[7] else None, score=round(r[8], 4),
                highlights=highlights.get(r[0], []), topics=topics.get(r[0], []))
            for r in rows
        ]
        return SearchResponse(total=total, page=query.page, size=query.size, hits=hits, facets=facets)

    def match_ids(self, query: SearchQuery, after: str = "", limit: int = 500) -> list[str]:
        """Ids of every article the query matches (not one page of hits), after ``after`` in id order."""
        _, source, condition, params = _selection(query)
        try:
            rows = self._connect().execute(
                f"SELECT d.id FROM {source} WHERE {condition} AND d.id > ? ORDER BY d.id LIMIT ?",
                [*params, after, limit]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {query.q!r}: {exc}") from exc
        return [row[0] for row in rows]

    @staticmethod
    def _facets(db: sqlite3.Connection, source: str, condition: str,
                params: list[object]) -> dict[str, list[FacetValue]]:
        matched = f"SELECT d.rowid FROM {source} WHERE {condition}"
        queries = {
            "site": f"SELECT site, count(*) c FROM docs WHERE rowid IN ({matched}) GROUP BY site",
            "province": f"SELECT province_current, count(*) c FROM docs WHERE rowid IN ({matched})"
                        " AND province_current IS NOT NULL GROUP BY province_current",
            "topic": f"SELECT label, count(*) c FROM doc_topics WHERE rowid IN ({matched}) GROUP BY label",
            "entity_type": f"SELECT type, count(DISTINCT rowid) c FROM doc_entities WHERE rowid IN ({matched})"
                           " GROUP BY type",
        }
        return {
            name: [FacetValue(value=v, count=c) for v, c in
                   db.execute(f"{sql} ORDER BY c DESC, 1 LIMIT {FACET_LIMIT}", params).fetchall()]
            for name, sql in queries.items()
        }

    @staticmethod
    def _highlights(db: sqlite3.Connection, match: str, rowids: list[int]) -> dict[int, list[str]]:
        if not rowids:
            return {}
        marks = f"'{START_MARK}', '{END_MARK}'"
        rows = db.execute(
            f"SELECT fts.rowid, highlight(fts, 2, {marks}), highlight(fts, 3, {marks}), d.title, d.body"
            f" FROM fts JOIN docs d ON d.rowid = fts.rowid"
            f" WHERE fts MATCH ? AND fts.rowid IN ({','.join('?' * len(rowids))})",
            [match, *rowids],
        ).fetchall()
        result = {}
        for rowid, title_marked, body_marked, title, body in rows:
            found = fragments(body, marked_spans(body_marked)) or fragments(title, marked_spans(title_marked))
            result[rowid] = found
        return result

    @staticmethod
    def _topics(db: sqlite3.Connection, rowids: list[int]) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        if rowids:
            for rowid, label in db.execute(
                    f"SELECT rowid, label FROM doc_topics WHERE rowid IN ({','.join('?' * len(rowids))})"
                    " ORDER BY score DESC", rowids):
                result.setdefault(rowid, []).append(label)
        return result


def _entity_name(entity) -> str:  # type: ignore[no-untyped-def]
    return str(entity.attrs.get("name") or entity.attrs.get("canonical") or entity.text)


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _match_expression(q: str) -> str:
    """FTS5 expression: every word or phrase must match folded text; exact spellings and the whole
    query as a phrase add to the score."""
    if q.count('"') % 2:
        raise QuerySyntaxError(f"unbalanced quote in query {q!r}")
    parts: list[str] = []
    for phrase, word in _QUERY_TOKENS.findall(q):
        term = " ".join(_TERM_CHARS.sub(" ", phrase or word).split())
        if term:
            parts.append(term)
    if not parts:
        raise QuerySyntaxError(f"nothing searchable in query {q!r}")
    folded = " AND ".join(_literal(fold(p)) for p in parts)
    exact = " AND ".join(_literal(unify_tones(p)) for p in parts)
    expression = f"({{title_folded body_folded}} : ({folded})) OR ({{title_exact body_exact}} : ({exact}))"
    if len(parts) > 1:
        expression += f" OR ({{title_folded body_folded}} : {_literal(fold(' '.join(parts)))})"
    return expression


def _selection(query: SearchQuery) -> tuple[str | None, str, str, list[object]]:
    """The FTS expression (if any), the FROM clause, the WHERE condition and its parameters of ``query``."""
    match = _match_expression(query.q) if query.q.strip() else None
    where, params = _filters(query)
    if not match:
        return None, "docs d", " AND ".join(where) or "1", params
    return match, "fts JOIN docs d ON d.rowid = fts.rowid", " AND ".join(["fts MATCH ?", *where]), [match, *params]


def _filters(query: SearchQuery) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.site:
        where.append("d.site = ?")
        params.append(query.site.lower().removeprefix("www."))
    if query.province:
        where.append("(d.province_key = ? OR d.province_current_key = ?)")
        params += [loose_key(query.province)] * 2
    if query.topic:
        where.append("EXISTS (SELECT 1 FROM doc_topics t WHERE t.rowid = d.rowid AND t.label = ?)")
        params.append(query.topic)
    if query.entity:
        where.append("EXISTS (SELECT 1 FROM doc_entities e WHERE e.rowid = d.rowid"
                     " AND (e.entity_id = ? OR e.name_key = ?))")
        params += [query.entity, loose_key(query.entity)]
    if query.entity_type:
        where.append("EXISTS (SELECT 1 FROM doc_entities e WHERE e.rowid = d.rowid AND e.type = ?)")
        params.append(query.entity_type)
    if query.date_from:
        where.append("d.published_ts >= ?")
        params.append(int(datetime.combine(query.date_from, time(), VN_TZ).timestamp()))
    if query.date_to:
        where.append("d.published_ts < ?")
        params.append(int(datetime.combine(query.date_to + timedelta(days=1), time(), VN_TZ).timestamp()))
    return where, params
