"""The crawl state in a real SQLite and a real PostgreSQL store: pages remembered, runs claimed once."""

from __future__ import annotations

from datetime import datetime

import pytest

from govnews.records import VN_TZ
from govnews.store import Store
from govnews.store.crawl_state import CrawlStateStore, PageState


@pytest.fixture(params=["sqlite", "postgresql"])
def state(request, tmp_path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'store.sqlite'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres_url").replace("postgresql://", "postgresql+psycopg://", 1)
    store = Store(url)
    yield CrawlStateStore(store)
    if request.param == "postgresql":
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM crawl_runs; DELETE FROM crawled_pages")
    store.close()


def test_a_fire_time_is_claimed_once(state):
    fire = datetime(2026, 11, 23, 6, 0, tzinfo=VN_TZ)
    first = state.start_run("hatinh", fire)
    assert first is not None
    assert state.start_run("hatinh", fire) is None  # a restarted or second scheduler
    assert state.start_run("quangninh", fire) is not None
    assert state.start_run("hatinh", None) is not None and state.start_run("hatinh", None) is not None  # ad hoc
    state.finish_run(first, "ok", 40, 7, 0)
    assert state.last_scheduled("hatinh") == fire
    run = next(r for r in state.runs("hatinh") if r.id == first)
    assert (run.status, run.pages, run.new_articles, run.errors) == ("ok", 40, 7, 0)
    assert run.scheduled_for == fire and run.ended_at is not None


def test_pages_are_remembered_and_updated(state):
    state.save_pages([PageState("a1", "https://so.gov.vn/tin/1", "so.gov.vn", "h1", '"e1"', None, [1, 2, 3])])
    state.save_pages([PageState("a1", "https://so.gov.vn/tin/1", "so.gov.vn", "h2", None, "Mon, 23 Nov 2026")])
    page = state.pages(["so.gov.vn"])["a1"]
    assert (page.content_hash, page.etag, page.last_modified, page.minhash) == ("h2", '"e1"', "Mon, 23 Nov 2026",
                                                                                [1, 2, 3])
    assert state.pages(["other.gov.vn"]) == {}
