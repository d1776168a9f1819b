"""Reading and writing article records; re-ingesting an article updates it in place.

Each :meth:`Store.upsert` call is one transaction: an article, its mentions and topics are replaced
together or not at all, so a failure in the middle of a batch never leaves half an article behind.
"""

from __future__ import annotations

import copy
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Row, create_engine, delete, event, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from govnews.errors import ServiceError
from govnews.records import ArticleRecord, Entity, Topic
from govnews.store.schema import ArticleRow, EntityRow, MentionRow, TopicRow

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the API) do not block the writer (ingest)
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """The SQL store of articles, mentions, canonical entities and topics."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` through Alembic."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot migrate the store at {self.engine.url!r}: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -----------------------------------------------------------------------------------

    def upsert(self, records: Iterable[ArticleRecord]) -> int:
        """Insert or replace articles (with their mentions and topics) in one transaction."""
        records = list(records)
        if not records:
            return 0
        now = datetime.now().astimezone()
        try:
            with Session(self.engine) as session, session.begin():
                for record in records:
                    self._upsert_one(session, record, now)
        except SQLAlchemyError as exc:
            raise ServiceError(f"store write failed ({len(records)} articles rolled back): {exc}") from exc
        return len(records)

    def _upsert_one(self, session: Session, record: ArticleRecord, now: datetime) -> None:
        row = session.get(ArticleRow, record.id)
        if row is None:
            row = ArticleRow(id=record.id, created_at=now)
            session.add(row)
        else:
            session.execute(delete(MentionRow).where(MentionRow.article_id == record.id))
            session.execute(delete(TopicRow).where(TopicRow.article_id == record.id))
            session.expire(row, ["mentions", "topics"])
        for name in ("url", "site", "province", "province_current", "title", "published_at", "author", "text",
                     "language", "fetched_at", "content_hash"):
            setattr(row, name, getattr(record, name))
        row.models = dict(record.models)
        row.updated_at = now
        seen = record.published_at or record.fetched_at
        for entity in record.entities:
            if entity.entity_id:
                self._touch_entity(session, entity, seen)
        session.add_all(
            MentionRow(article_id=record.id, entity_id=e.entity_id, type=e.type, text=e.text, start=e.start,
                       end=e.end, attrs=dict(e.attrs))
            for e in record.entities
        )
        topic_model = record.models.get("topics", "")
        session.add_all(TopicRow(article_id=record.id, label=t.label, score=float(t.score), model=topic_model)
                        for t in record.topics)

    @staticmethod
    def _touch_entity(session: Session, entity: Entity, seen: datetime) -> None:
        """Create or update the canonical entity: first/last seen, and what its mentions say over time."""
        assert entity.entity_id
        row = session.get(EntityRow, entity.entity_id)
        if row is None:
            canonical = entity.attrs.get("canonical") or entity.attrs.get("name") or entity.text
            row = EntityRow(id=entity.entity_id, type=entity.type, canonical=canonical, attrs={},
                            first_seen=seen, last_seen=seen)
            session.add(row)  # autoflush makes it visible to the next get() of the same id
        if row.first_seen is None or seen < row.first_seen:
            row.first_seen = seen
        if row.last_seen is None or seen > row.last_seen:
            row.last_seen = seen
        if entity.type == "official" and row.type == "person":
            row.type = "official"  # a person once seen in office is an official
        row.attrs = _merge_attrs(copy.deepcopy(row.attrs or {}), entity, seen)  # a new value, so it is saved
        row.name_key = entity_name_key(row.canonical, row.attrs)

    def delete(self, article_id: str) -> bool:
        with Session(self.engine) as session, session.begin():
            row = session.get(ArticleRow, article_id)
            if row is None:
                return False
            session.delete(row)
        return True

    # -- reading -----------------------------------------------------------------------------------

    def get(self, article_id: str) -> ArticleRecord | None:
        with Session(self.engine) as session:
            row = session.get(ArticleRow, article_id, options=[selectinload(ArticleRow.mentions),
                                                                selectinload(ArticleRow.topics)])
            return None if row is None else _to_record(row)

    def fingerprints(self, ids: Iterable[str]) -> dict[str, tuple[str, dict[str, str]]]:
        """Content hash and model versions of each stored article among ``ids`` (to skip unchanged ones)."""
        ids = list(ids)
        with Session(self.engine) as session:
            rows = session.execute(
                select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.models).where(ArticleRow.id.in_(ids)))
            return {row_id: (digest, dict(models or {})) for row_id, digest, models in rows}

    def iter_articles(self, batch_size: int = 200) -> Iterator[ArticleRecord]:
        """Every stored article, in id order, loaded a batch at a time."""
        last = ""
        while True:
            with Session(self.engine) as session:
                rows = session.scalars(
                    select(ArticleRow).where(ArticleRow.id > last).order_by(ArticleRow.id).limit(batch_size)
                    .options(selectinload(ArticleRow.mentions), selectinload(ArticleRow.topics))
                ).all()
                records = [_to_record(r) for r in rows]
            if not records:
                return
            yield from records
            last = records[-1].id

    # -- reading in bulk, for exports: plain rows, one query per chunk of articles ------------------

    def article_ids(self, after: str = "", limit: int = 500) -> list[str]:
        """The next ``limit`` article ids after ``after``, in id order (keyset pages: no long-lived cursor)."""
        with self.engine.connect() as connection:
            return list(connection.scalars(
                select(ArticleRow.id).where(ArticleRow.id > after).order_by(ArticleRow.id).limit(limit)))

    def article_rows(self, ids: Sequence[str]) -> list[Row[Any]]:
        """Metadata and text of the articles ``ids``, in id order."""
        columns = [ArticleRow.id, ArticleRow.url, ArticleRow.site, ArticleRow.province, ArticleRow.province_current,
                   ArticleRow.title, ArticleRow.published_at, ArticleRow.author, ArticleRow.language, ArticleRow.text]
        with self.engine.connect() as connection:
            return connection.execute(select(*columns).where(ArticleRow.id.in_(ids)).order_by(ArticleRow.id)).all()

    def topic_labels(self, ids: Sequence[str]) -> dict[str, list[str]]:
        labels: dict[str, list[str]] = {}
        with self.engine.connect() as connection:
            for article, label in connection.execute(
                    select(TopicRow.article_id, TopicRow.label).where(TopicRow.article_id.in_(ids))
                    .order_by(TopicRow.article_id, TopicRow.score.desc())):
                labels.setdefault(article, []).append(label)
        return labels

    def mention_counts(self, ids: Sequence[str]) -> dict[str, int]:
        with self.engine.connect() as connection:
            return dict(connection.execute(select(MentionRow.article_id, func.count())
                                           .where(MentionRow.article_id.in_(ids)).group_by(MentionRow.article_id)).all())

    def mention_rows(self, ids: Sequence[str], types: Sequence[str] | None = None) -> list[Row[Any]]:
        """Mentions in the articles ``ids`` (of ``types``), with their entity's canonical name, in text order."""
        query = (select(MentionRow.id, MentionRow.article_id, MentionRow.type, MentionRow.text,
                        MentionRow.start.label("start"), MentionRow.end.label("end"), MentionRow.attrs,
                        MentionRow.entity_id, EntityRow.canonical)
                 .outerjoin(EntityRow, EntityRow.id == MentionRow.entity_id)
                 .where(MentionRow.article_id.in_(ids))
                 .order_by(MentionRow.article_id, MentionRow.start, MentionRow.id))
        if types:
            query = query.where(MentionRow.type.in_(types))
        with self.engine.connect() as connection:
            return connection.execute(query).all()

    def count(self) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def summary(self) -> dict[str, Any]:
        """Counts a person wants after a run: articles, mentions by type, canonical entities, topics."""
        with Session(self.engine) as session:
            mentions = dict(session.execute(select(MentionRow.type, func.count()).group_by(MentionRow.type)).all())
            entities = dict(session.execute(select(EntityRow.type, func.count()).group_by(EntityRow.type)).all())
            topics = dict(session.execute(select(TopicRow.label, func.count()).group_by(TopicRow.label)).all())
        return {
            "articles": self.count(),
            "mentions_by_type": dict(Counter(mentions).most_common()),
            "entities_by_type": dict(Counter(entities).most_common()),
            "topics": dict(Counter(topics).most_common()),
        }


def _merge_attrs(attrs: dict[str, Any], entity: Entity, seen: datetime) -> dict[str, Any]:
    """Positions held (officials), spellings seen (everyone), each with the period they were seen in."""
    stamp = seen.isoformat()

    def touch(key: str, value: dict[str, Any]) -> None:
        items = attrs.setdefault(key, [])
        for item in items:
            if all(item.get(k) == v for k, v in value.items()):
                item["first_seen"] = min(item["first_seen"], stamp)
                item["last_seen"] = max(item["last_seen"], stamp)
                item["mentions"] = item.get("mentions", 0) + 1
                return
        items.append({**value, "first_seen": stamp, "last_seen": stamp, "mentions": 1})

    if entity.type == "official" and entity.attrs.get("title"):
        touch("titles", {"title": entity.attrs["title"], "organization": entity.attrs.get("organization")})
    touch("spellings", {"text": entity.text})
    for key in ("province", "province_current", "kind", "level", "successor", "doc_type", "number", "issuer"):
        if entity.attrs.get(key):
            attrs[key] = entity.attrs[key]
    return attrs


def entity_name_key(canonical: str, attrs: dict[str, Any]) -> str:
    """``|canonical|spelling|…|`` folded (``đ``→``d``, no diacritics), abbreviations also expanded
    (``Sở TT&TT`` → ``sở thông tin và truyền thông``), so a LIKE finds a name however it is typed."""
    from pipeline.gazetteer import default_gazetteer, loose_key

    expand = default_gazetteer().expand
    names = [canonical, *(s.get("text", "") for s in attrs.get("spellings", []))]
    keys = dict.fromkeys(k for name in names for k in (loose_key(name), loose_key(expand(name))) if k)
    return "|" + "|".join(k.replace("|", " ") for k in keys) + "|"


def _to_record(row: ArticleRow) -> ArticleRecord:
    return ArticleRecord(
        id=row.id, url=row.url, site=row.site, title=row.title, text=row.text, language=row.language,
        fetched_at=row.fetched_at, content_hash=row.content_hash, province=row.province,
        province_current=row.province_current, published_at=row.published_at, author=row.author,
        entities=[Entity(m.type, m.text, m.start, m.end, dict(m.attrs or {}), m.entity_id) for m in row.mentions],
        topics=[Topic(t.label, t.score) for t in row.topics],
        models=dict(row.models or {}),
    )
