"""The crawler's memory in the store: what each URL held when last fetched, and the record of crawl runs.

A scheduled run is claimed by inserting its (job, fire time) row; the unique constraint makes a second
claim of the same fire time fail, so a restarted or duplicated scheduler never runs it twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from govnews.errors import ServiceError
from govnews.records import VN_TZ
from govnews.store.repository import Store
from govnews.store.schema import CrawledPageRow, CrawlRunRow


@dataclass(slots=True)
class PageState:
    id: str
    url: str
    site: str
    content_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    minhash: list[int] | None = None
    duplicate_of: str | None = None


@dataclass(slots=True)
class CrawlRun:
    id: int
    job: str
    scheduled_for: datetime | None
    started_at: datetime
    ended_at: datetime | None
    status: str
    pages: int
    new_articles: int
    errors: int
    message: str | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("scheduled_for", "started_at", "ended_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


class CrawlStateStore:
    """Seen pages and crawl runs, in the same SQL store as the articles."""

    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    def pages(self, sites: Iterable[str]) -> dict[str, PageState]:
        """Every page seen on ``sites``, by page id."""
        try:
            with Session(self.engine) as session:
                rows = session.scalars(select(CrawledPageRow).where(CrawledPageRow.site.in_(list(sites)))).all()
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot read the crawl state: {exc}") from exc
        return {r.id: PageState(r.id, r.url, r.site, r.content_hash, r.etag, r.last_modified, r.minhash,
                                r.duplicate_of) for r in rows}

    def save_pages(self, pages: Iterable[PageState]) -> int:
        """Insert or update pages in one transaction."""
        now = datetime.now(VN_TZ)
        count = 0
        try:
            with Session(self.engine) as session, session.begin():
                for page in pages:
                    row = session.get(CrawledPageRow, page.id)
                    if row is None:
                        row = CrawledPageRow(id=page.id, url=page.url, site=page.site, first_seen=now)
                        session.add(row)
                    row.url, row.site, row.last_seen = page.url, page.site, now
                    for key in ("content_hash", "etag", "last_modified", "minhash", "duplicate_of"):
                        if (value := getattr(page, key)) is not None:
                            setattr(row, key, value)
                    count += 1
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot save the crawl state ({count} pages rolled back): {exc}") from exc
        return count

    def start_run(self, job: str, scheduled_for: datetime | None = None) -> int | None:
        """Record a run as started; ``None`` when this job's run at ``scheduled_for`` was already claimed."""
        row = CrawlRunRow(job=job, scheduled_for=scheduled_for, started_at=datetime.now(VN_TZ), status="running",
                          pages=0, new_articles=0, errors=0)
        try:
            with Session(self.engine) as session, session.begin():
                session.add(row)
                session.flush()
                return row.id
        except IntegrityError:
            return None
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot record the crawl run: {exc}") from exc

    def finish_run(self, run_id: int, status: str, pages: int, new_articles: int, errors: int,
                   message: str | None = None) -> None:
        try:
            with Session(self.engine) as session, session.begin():
                row = session.get(CrawlRunRow, run_id)
                if row is None:
                    return
                row.ended_at, row.status, row.message = datetime.now(VN_TZ), status, message
                row.pages, row.new_articles, row.errors = pages, new_articles, errors
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot record the end of crawl run {run_id}: {exc}") from exc

    def runs(self, job: str | None = None, limit: int = 50) -> list[CrawlRun]:
        """The latest runs, newest first."""
        query = select(CrawlRunRow).order_by(CrawlRunRow.started_at.desc(), CrawlRunRow.id.desc()).limit(limit)
        if job:
            query = query.where(CrawlRunRow.job == job)
        try:
            with Session(self.engine) as session:
                return [_run(row) for row in session.scalars(query)]
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot read the crawl runs: {exc}") from exc

    def last_scheduled(self, job: str) -> datetime | None:
        """The latest fire time claimed for ``job``."""
        query = select(CrawlRunRow.scheduled_for).where(CrawlRunRow.job == job,
                                                        CrawlRunRow.scheduled_for.is_not(None))
        try:
            with Session(self.engine) as session:
                times = list(session.scalars(query))
        except SQLAlchemyError as exc:
            raise ServiceError(f"cannot read the crawl runs: {exc}") from exc
        return max(times) if times else None


def _run(row: Any) -> CrawlRun:
    return CrawlRun(row.id, row.job, row.scheduled_for, row.started_at, row.ended_at, row.status, row.pages,
                    row.new_articles, row.errors, row.message)
