"""Tables of the store. Changes here go with a migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from govnews.records import VN_TZ


class AwareDateTime(TypeDecorator[datetime]):
    """Stores UTC, returns Asia/Ho_Chi_Minh: SQLite keeps no zone, so the zone is fixed here for both."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=VN_TZ)
        return value.astimezone(UTC).replace(tzinfo=None) if dialect.name == "sqlite" else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(VN_TZ)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON}


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(String(255), index=True)
    province: Mapped[str | None] = mapped_column(String(100), index=True)
    province_current: Mapped[str | None] = mapped_column(String(100), index=True)
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), index=True)
    author: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    fetched_at: Mapped[datetime] = mapped_column(AwareDateTime())
    content_hash: Mapped[str] = mapped_column(String(64))
    models: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())

    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="MentionRow.start"
    )
    topics: Mapped[list[TopicRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="TopicRow.score.desc()"
    )


class EntityRow(Base):
    """A canonical entity: one row per official, agency, place or document, however often mentioned."""

    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    canonical: Mapped[str] = mapped_column(Text)
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    first_seen: Mapped[datetime | None] = mapped_column(AwareDateTime())
    last_seen: Mapped[datetime | None] = mapped_column(AwareDateTime())
    # Every name it goes by (canonical first, spellings seen, abbreviations expanded), folded, as "|a|b|":
    # SQL can then match what people type (no diacritics, any tone placement) with LIKE on any database.
    name_key: Mapped[str | None] = mapped_column(Text)


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)
    attrs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    article: Mapped[ArticleRow] = relationship(back_populates="mentions")


class TopicRow(Base):
    __tablename__ = "article_topics"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    label: Mapped[str] = mapped_column(String(40), primary_key=True)
    score: Mapped[float] = mapped_column(Float)
    model: Mapped[str] = mapped_column(String(80))

    article: Mapped[ArticleRow] = relationship(back_populates="topics")


Index("ix_article_topics_label", TopicRow.label)


class CrawledPageRow(Base):
    """What the crawler last saw at a URL: content hash, HTTP validators and near-duplicate signature."""

    __tablename__ = "crawled_pages"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # article_id(url)
    url: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(String(255), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(String(255))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    minhash: Mapped[list[int] | None] = mapped_column(JSON)
    duplicate_of: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(AwareDateTime())
    last_seen: Mapped[datetime] = mapped_column(AwareDateTime())


class CrawlRunRow(Base):
    """One crawl: when, what it fetched and found. A scheduled run is unique per job and fire time."""

    __tablename__ = "crawl_runs"
    __table_args__ = (UniqueConstraint("job", "scheduled_for", name="uq_crawl_runs_job_scheduled_for"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job: Mapped[str] = mapped_column(String(200), index=True)
    scheduled_for: Mapped[datetime | None] = mapped_column(AwareDateTime())
    started_at: Mapped[datetime] = mapped_column(AwareDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    status: Mapped[str] = mapped_column(String(20))  # running, ok, partial, failed
    pages: Mapped[int] = mapped_column(Integer, default=0)
    new_articles: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
