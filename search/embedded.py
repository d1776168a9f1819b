"""The embedded search backend: SQLite FTS5 in one file, no server.

Every document is indexed twice: with diacritics (tone placement unified) and folded by
:func:`pipeline.normalize.fold` (``đ``→``d``, which SQLite's ``remove_diacritics`` does not do).
A query matches the folded columns, so ``chuyen doi so`` finds ``chuyển đổi số``; matches in the exact
columns score on top, so accented queries rank accented matches first.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from govnews.errors import ServiceError
from govnews.records import VN_TZ, ArticleRecord
from pipeline.gazetteer import loose_key
from search.document import SearchDocument, build_document
from search.highlight import highlight
from search.query import (
    AggregateQuery,
    AggregateResponse,
    Bucket,
    EntityCount,
    FacetValue,
    Hit,
    QuerySyntaxError,
    SearchQuery,
    SearchResponse,
    decode_cursor,
    encode_cursor,
)
from search.terms import FIELD_WEIGHTS, LOOSEN_BELOW, ParsedQuery, parse_query

log = logging.getLogger(__name__)

SCHEMA_VERSION = "4"
BM25_WEIGHTS = tuple(FIELD_WEIGHTS.values())  # in the order of the fts columns
FACET_LIMIT = 20
NO_DATE = -(2**62)  # sorts undated articles after dated ones, as Elasticsearch's missing: _last does
PERIOD_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}
UTC_OFFSET_SECONDS = 7 * 3600  # periods are Vietnamese calendar days (Asia/Ho_Chi_Minh has no DST)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, site TEXT, province_current TEXT, province_key TEXT,
    province_current_key TEXT, published_ts INTEGER, topic_mask INTEGER NOT NULL, type_mask INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS doc_text (
    rowid INTEGER PRIMARY KEY, url TEXT, title TEXT, body TEXT, province TEXT, published_at TEXT);
CREATE TABLE IF NOT EXISTS facet_bits (kind TEXT, value TEXT, bit INTEGER, PRIMARY KEY (kind, value)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS docs_site ON docs(site);
CREATE INDEX IF NOT EXISTS docs_published ON docs(published_ts);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title_exact, body_exact, title_folded, body_folded, words,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
CREATE TABLE IF NOT EXISTS doc_topics (rowid INTEGER, label TEXT, score REAL);
CREATE INDEX IF NOT EXISTS doc_topics_rowid ON doc_topics(rowid);
CREATE INDEX IF NOT EXISTS doc_topics_label ON doc_topics(label);
CREATE TABLE IF NOT EXISTS doc_entities (rowid INTEGER, entity_id TEXT, type TEXT, name TEXT, name_key TEXT);
CREATE INDEX IF NOT EXISTS doc_entities_rowid ON doc_entities(rowid);
CREATE INDEX IF NOT EXISTS doc_entities_id ON doc_entities(entity_id);
CREATE INDEX IF NOT EXISTS doc_entities_name ON doc_entities(name_key);
CREATE TABLE IF NOT EXISTS doc_entity_types (rowid INTEGER, type TEXT, PRIMARY KEY (rowid, type)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_entity_types_type ON doc_entity_types(type);
"""
TABLES = ("docs", "doc_text", "fts", "doc_topics", "doc_entities", "doc_entity_types")
ALL_TABLES = (*TABLES, "facet_bits")
CACHE_KIB = -65536  # 64 MiB page cache per connection (negative: KiB)
MMAP_BYTES = 1 << 30  # reads through the OS page cache, without copying
MASK_BITS = 62  # values per kind a facet mask holds (topics and entity types are far fewer)


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        db = self._connect()
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            found = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found and found[0] != SCHEMA_VERSION:
                # An index is derived data: rebuilt from the store, never migrated in place.
                log.warning("search index %s has schema %s, this version uses %s: emptied; run `govnews reindex`",
                            path, found[0], SCHEMA_VERSION)
                for table in ALL_TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
            db.executescript(SCHEMA)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def _connect(self) -> sqlite3.Connection:
        """One connection per thread (the API serves requests from a thread pool)."""
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                # Pages are allocated as used: a reader touches little, a bulk load keeps the index's
                # segments in memory while FTS5 merges them.
                db.execute(f"PRAGMA cache_size={CACHE_KIB}")
                db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
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
        return self.index_documents([build_document(r) for r in records])

    def index_documents(self, documents: Sequence[SearchDocument]) -> int:
        """Add or replace pre-processed documents in one transaction (all or none); of one id given twice,
        the last wins."""
        documents = list({doc.id: doc for doc in documents}.values())
        db = self._connect()
        try:
            with db:
                for article_id in self._known_ids(db, [doc.id for doc in documents]):
                    self._delete_one(db, article_id)
                bits = _FacetBits(db)
                first = db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM docs").fetchone()[0]
                numbered = list(enumerate(documents, first))  # rowids given here: one executemany per table
                db.executemany(
                    "INSERT INTO docs (rowid, id, site, province_current, province_key, province_current_key,"
                    " published_ts, topic_mask, type_mask) VALUES (?,?,?,?,?,?,?,?,?)",
                    [(rowid, doc.id, doc.site, doc.province_current, doc.province_key, doc.province_current_key,
                      int(doc.published_at.timestamp()) if doc.published_at else None,
                      bits.mask("topic", [label for label, _ in doc.topics]),
                      bits.mask("entity_type", doc.entity_types)) for rowid, doc in numbered])
                db.executemany("INSERT INTO doc_text VALUES (?,?,?,?,?,?)",
                               [(rowid, doc.url, doc.title, doc.body, doc.province,
                                 doc.published_at.isoformat() if doc.published_at else None)
                                for rowid, doc in numbered])
                db.executemany("INSERT INTO fts (rowid, title_exact, body_exact, title_folded, body_folded, words)"
                               " VALUES (?,?,?,?,?,?)",
                               [(rowid, doc.title_exact, doc.body_exact, doc.title_folded, doc.body_folded,
                                 doc.words) for rowid, doc in numbered])
                db.executemany("INSERT INTO doc_topics VALUES (?,?,?)",
                               [(rowid, label, score) for rowid, doc in numbered for label, score in doc.topics])
                db.executemany("INSERT INTO doc_entities VALUES (?,?,?,?,?)",
                               [(rowid, e.id, e.type, e.name, e.name_key) for rowid, doc in numbered
                                for e in doc.entities])
                db.executemany("INSERT INTO doc_entity_types VALUES (?,?)",
                               [(rowid, t) for rowid, doc in numbered for t in doc.entity_types])
        except sqlite3.Error as exc:
            raise ServiceError(f"search index write failed ({len(documents)} articles rolled back): {exc}") from exc
        return len(documents)

    @staticmethod
    def _known_ids(db: sqlite3.Connection, ids: list[str]) -> set[str]:
        """Which of ``ids`` are indexed already (one query per batch, not one per article)."""
        known: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            known.update(row[0] for row in db.execute(
                f"SELECT id FROM docs WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return known

    @staticmethod
    def _delete_one(db: sqlite3.Connection, article_id: str) -> bool:
        row = db.execute("SELECT rowid FROM docs WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return False
        for table in TABLES:
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", row)
        return True

    def delete(self, ids: Sequence[str]) -> int:
        db = self._connect()
        with db:
            return sum(self._delete_one(db, i) for i in ids)

    def rebuild(self, records: Iterable[ArticleRecord], batch_size: int = 200) -> int:
        """Re-index every record, then drop articles no longer in ``records``; searches go on meanwhile."""
        seen: set[str] = set()
        count, batch = 0, []
        for record in records:
            batch.append(record)
            seen.add(record.id)
            if len(batch) >= batch_size:
                count += self.index(batch)
                batch.clear()
        count += self.index(batch)
        stale = [i for (i,) in self._connect().execute("SELECT id FROM docs") if i not in seen]
        self.delete(stale)
        return count

    def count(self) -> int:
        return self._connect().execute("SELECT count(*) FROM docs").fetchone()[0]

    # -- searching ---------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResponse:
        """One pass over the full-text index: the matches, their scores and their facet values go to a
        per-connection temporary table, from which the total, the page and the facets are read (each of them
        re-running the MATCH would cost a full-text evaluation apiece, and reading the facet values from the
        tables a lookup per match)."""
        db = self._connect()
        score = "0.0"
        after, params, offset = "1", [], (query.page - 1) * query.size
        if query.cursor:
            last_tier, last_score, last_ts, last_id = decode_cursor(query.cursor, 4)
            after = ("(h.tier < ? OR (h.tier = ? AND (h.score < ? OR (h.score = ? AND (h.ts < ? OR (h.ts = ?"
                     " AND h.id > ?))))))")
            params = [last_tier, last_tier, last_score, last_score, last_ts, last_ts, last_id]
            offset = 0
        try:
            with db:
                selection, first = self._plan(db, query)
                if selection.match:
                    score = f"-bm25(fts, {', '.join(map(str, BM25_WEIGHTS))})"
                db.execute("CREATE TEMP TABLE IF NOT EXISTS hits (rowid INTEGER PRIMARY KEY, tier INTEGER, score REAL,"
                           " ts INTEGER, id TEXT, site TEXT, province_current TEXT, topic_mask INTEGER,"
                           " type_mask INTEGER)")
                db.execute("DELETE FROM temp.hits")
                db.execute(f"INSERT INTO temp.hits SELECT d.rowid, 0, {score}, COALESCE(d.published_ts, {NO_DATE}),"
                           " d.id, d.site, d.province_current, d.topic_mask, d.type_mask"
                           f" FROM {selection.source} WHERE {selection.condition}", selection.params)
                if first:
                    db.execute("UPDATE temp.hits SET tier = 1 WHERE rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)",
                               [first])
                total = db.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
                rows = db.execute(
                    "SELECT h.rowid, h.id, t.url, t.title, h.site, t.province, h.province_current, t.published_at,"
                    f" h.score, h.ts, t.body, h.tier FROM temp.hits h JOIN doc_text t ON t.rowid = h.rowid"
                    f" WHERE {after} ORDER BY h.tier DESC, h.score DESC, h.ts DESC, h.id LIMIT ? OFFSET ?",
                    [*params, query.size + 1, offset]).fetchall()
                more, rows = len(rows) > query.size, rows[:query.size]  # one row more: is there a next page
                facets = self._facets(db)
                topics = self._topics(db, [r[0] for r in rows])
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {query.q!r}: {exc}") from exc
        hits = [
            Hit(id=r[1], url=r[2], title=r[3], site=r[4], province=r[5], province_current=r[6],
                published_at=datetime.fromisoformat(r[7]) if r[7] else None, score=round(r[8], 4),
                highlights=highlight(r[3], r[10], selection.parsed) if selection.parsed else [],
                topics=topics.get(r[0], []))
            for r in rows
        ]
        next_cursor = encode_cursor([rows[-1][11], rows[-1][8], rows[-1][9], rows[-1][1]]) if rows and more else None
        return SearchResponse(total=total, page=query.page, size=query.size, hits=hits, facets=facets,
                              next_cursor=next_cursor)

    @staticmethod
    def _plan(db: sqlite3.Connection, query: SearchQuery) -> tuple[_Selection, str | None]:
        """What to run: the query, or its loosened form (:meth:`ParsedQuery.loosened`) when the query itself
        matches fewer than ``LOOSEN_BELOW`` articles; then also the expression whose matches rank first."""
        strict = _selection(query)
        loose = strict.parsed.loosened() if strict.parsed else None
        if strict.parsed is None or loose is None:
            return strict, None
        required = _selection(query, strict.parsed, ranked=False)
        found = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {required.source} WHERE {required.condition}"
                           " LIMIT ?)", [*required.params, LOOSEN_BELOW]).fetchone()[0]
        if found >= LOOSEN_BELOW:
            return strict, None
        return _selection(query, loose), _required(strict.parsed)

    def match_ids(self, query: SearchQuery, after: str = "", limit: int = 500) -> list[str]:
        """Ids of every article the query matches (not one page of hits), after ``after`` in id order."""
        db = self._connect()
        try:
            selection = self._plan(db, query)[0]
            rows = db.execute(
                f"SELECT d.id FROM {selection.source} WHERE {selection.condition} AND d.id > ? ORDER BY d.id LIMIT ?",
                [*selection.params, after, limit]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {query.q!r}: {exc}") from exc
        return [row[0] for row in rows]

    def aggregate(self, request: AggregateQuery) -> AggregateResponse:
        db = self._connect()
        try:
            selection = self._plan(db, request.search)[0]
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {request.search.q!r}: {exc}") from exc
        matched = f"SELECT d.rowid FROM {selection.source} WHERE {selection.condition}"
        period_format = PERIOD_FORMATS[request.interval.value]
        period = f"strftime('{period_format}', published_ts + {UTC_OFFSET_SECONDS}, 'unixepoch')"
        type_filter, type_params = ("AND type = ?", [request.top_entity_type]) if request.top_entity_type else ("", [])
        try:
            total = db.execute(f"SELECT count(*) FROM ({matched})", selection.params).fetchone()[0]
            histogram = db.execute(
                f"SELECT {period} p, count(*) FROM docs WHERE rowid IN ({matched})"
                " AND published_ts IS NOT NULL GROUP BY p ORDER BY p", selection.params).fetchall()
            entities = db.execute(
                f"SELECT entity_id, min(type), min(name), count(DISTINCT rowid) c FROM doc_entities"
                f" WHERE rowid IN ({matched}) {type_filter} GROUP BY entity_id ORDER BY c DESC, entity_id LIMIT ?",
                [*selection.params, *type_params, request.size]).fetchall()
            topics = db.execute(
                f"SELECT label, count(*) c FROM doc_topics WHERE rowid IN ({matched}) GROUP BY label"
                " ORDER BY c DESC, label LIMIT ?", [*selection.params, request.size]).fetchall()
        except sqlite3.OperationalError as exc:
            raise QuerySyntaxError(f"cannot search for {request.search.q!r}: {exc}") from exc
        return AggregateResponse(
            total=total, interval=request.interval,
            histogram=[Bucket(key=k, count=c) for k, c in histogram],
            entities=[EntityCount(id=i, type=t, name=n, count=c) for i, t, n, c in entities],
            topics=[FacetValue(value=v, count=c) for v, c in topics],
        )

    @staticmethod
    def _facets(db: sqlite3.Connection) -> dict[str, list[FacetValue]]:
        """Counts by site, today's province, topic and entity type of the matches in ``temp.hits``; topics and
        entity types are bit masks, grouped by mask (a few hundred combinations) and counted per bit here."""
        facets = {}
        for name, column, condition in (("site", "site", ""),
                                        ("province", "province_current", " WHERE province_current IS NOT NULL")):
            facets[name] = [FacetValue(value=v, count=c) for v, c in db.execute(
                f"SELECT {column}, count(*) c FROM temp.hits{condition} GROUP BY {column}"
                f" ORDER BY c DESC, 1 LIMIT {FACET_LIMIT}")]
        values = _FacetBits(db).values
        for name, column in (("topic", "topic_mask"), ("entity_type", "type_mask")):
            counts: dict[str, int] = {}
            for mask, count in db.execute(f"SELECT {column}, count(*) FROM temp.hits WHERE {column} != 0"
                                          f" GROUP BY {column}"):
                for bit, value in values.get(name, {}).items():
                    if mask >> bit & 1:
                        counts[value] = counts.get(value, 0) + count
            ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_LIMIT]
            facets[name] = [FacetValue(value=v, count=c) for v, c in ordered]
        return facets

    @staticmethod
    def _topics(db: sqlite3.Connection, rowids: list[int]) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        if rowids:
            for rowid, label in db.execute(
                    f"SELECT rowid, label FROM doc_topics WHERE rowid IN ({','.join('?' * len(rowids))})"
                    " ORDER BY score DESC", rowids):
                result.setdefault(rowid, []).append(label)
        return result


class _FacetBits:
    """Which bit of a facet mask stands for which topic or entity type: assigned on first sight, stored in
    the index, so masks stay meaningful across writes."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.bits: dict[str, dict[str, int]] = {}
        for kind, value, bit in db.execute("SELECT kind, value, bit FROM facet_bits"):
            self.bits.setdefault(kind, {})[value] = bit

    @property
    def values(self) -> dict[str, dict[int, str]]:
        return {kind: {bit: value for value, bit in bits.items()} for kind, bits in self.bits.items()}

    def mask(self, kind: str, values: Iterable[str]) -> int:
        bits = self.bits.setdefault(kind, {})
        mask = 0
        for value in values:
            if value not in bits:
                if len(bits) >= MASK_BITS:
                    raise ServiceError(f"more than {MASK_BITS} distinct {kind} values: the {kind} facet cannot count "
                                       f"{value!r}")
                bits[value] = len(bits)
                self.db.execute("INSERT INTO facet_bits VALUES (?,?,?)", (kind, value, bits[value]))
            mask |= 1 << bits[value]
        return mask


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _required(parsed: ParsedQuery) -> str:
    """Every unit of the query, folded, in any of its spellings: what an article must contain to match."""
    units = " AND ".join("(" + " OR ".join(_literal(a) for a in unit.alternatives) + ")" for unit in parsed.units)
    return "{title_folded body_folded} : (" + units + ")"


def _ranking(parsed: ParsedQuery) -> str:
    """The expression bm25 scores: the required units, exact spellings as typed, the whole query as a
    phrase and segmented-word joins (FTS5 scores every phrase of the expression that a row contains)."""
    expression = _required(parsed)
    expression += " OR ({title_exact body_exact} : (" + " AND ".join(_literal(u.exact) for u in parsed.units) + "))"
    if len(parsed.parts) > 1:
        expression += f" OR ({{title_folded body_folded}} : {_literal(' '.join(parsed.folded))})"
    joins = parsed.joins()
    if joins:
        expression += " OR ({words} : (" + " OR ".join(_literal(j) for j in joins) + "))"
    return expression


@dataclass(frozen=True, slots=True)
class _Selection:
    match: str | None  # the FTS5 expression, if the query has text
    parsed: ParsedQuery | None
    source: str
    condition: str
    params: list[object]


def _selection(query: SearchQuery, parsed: ParsedQuery | None = None, ranked: bool = True) -> _Selection:
    """The FTS expression (if any), the FROM clause, the WHERE condition and its parameters of ``query``
    (its text parsed as ``parsed`` if given); ``ranked=False`` leaves out the expressions only bm25 needs."""
    where, params = _filters(query)
    if not query.q.strip():
        return _Selection(None, None, "docs d", " AND ".join(where) or "1", params)
    parsed = parsed or parse_query(query.q)
    # "required AND (required OR boosts)": joins alone never make a match, and bm25 counts the required
    # phrases twice (Elasticsearch boosts its required clause by 2 to match). An IN (subquery) would say the
    # same thing a thousand times slower.
    expression = f"({_required(parsed)}) AND ({_ranking(parsed)})" if ranked else _required(parsed)
    return _Selection(expression, parsed, "fts JOIN docs d ON d.rowid = fts.rowid",
                      " AND ".join(["fts MATCH ?", *where]), [expression, *params])


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
        where.append("EXISTS (SELECT 1 FROM doc_entity_types e WHERE e.rowid = d.rowid AND e.type = ?)")
        params.append(query.entity_type)
    if query.date_from:
        where.append("d.published_ts >= ?")
        params.append(int(datetime.combine(query.date_from, time(), VN_TZ).timestamp()))
    if query.date_to:
        where.append("d.published_ts < ?")
        params.append(int(datetime.combine(query.date_to + timedelta(days=1), time(), VN_TZ).timestamp()))
    return where, params
