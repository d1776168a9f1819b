"""The store against real databases: SQLite by default, PostgreSQL through DATABASE_URL."""

from datetime import datetime

import pytest
from sqlalchemy import inspect, text

from govnews.records import VN_TZ, ArticleRecord, Entity, Topic, content_hash
from govnews.store import Store


def make_record(article_id: str = "a1", title: str = "Tiêu đề", body: str = "Nội dung bài viết",
                published: datetime | None = None) -> ArticleRecord:
    return ArticleRecord(
        id=article_id, url=f"https://so.gov.vn/{article_id}", site="so.gov.vn", title=title, text=body,
        language="vi", fetched_at=datetime(2024, 3, 14, 9, 0, tzinfo=VN_TZ), content_hash=content_hash(title, body),
        province="Bình Dương", province_current="Thành phố Hồ Chí Minh",
        published_at=published or datetime(2024, 3, 14, 8, 30, tzinfo=VN_TZ), author="Minh Châu",
        entities=[Entity("agency", "Sở KH&CN", 4, 12, {"canonical": "Sở Khoa học và Công nghệ"}, "ag1"),
                  Entity("figure", "6,5%", 20, 24, {"value": 6.5, "unit": "%"})],
        topics=[Topic("digital_transformation", 0.9)], models={"topics": "m1"},
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}" if request.param == "sqlite" else \
        request.getfixturevalue("postgres_url").replace("postgresql://", "postgresql+psycopg://")
    store = Store(url)
    if request.param == "postgresql":  # one server per session: start each test from empty tables
        with store.engine.begin() as conn:
            conn.execute(text("TRUNCATE articles, mentions, entities, article_topics"))
    yield store
    store.close()


def test_store_migrates_schema_with_alembic(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "entities", "mentions", "article_topics", "crawled_pages", "crawl_runs",
            "alembic_version"} <= tables
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"


def test_store_round_trips_a_record_with_timezone(store):
    store.upsert([make_record()])
    record = store.get("a1")
    assert record.title == "Tiêu đề" and record.province_current == "Thành phố Hồ Chí Minh"
    assert record.published_at == datetime(2024, 3, 14, 8, 30, tzinfo=VN_TZ)
    assert str(record.published_at.tzinfo) == "Asia/Ho_Chi_Minh"
    assert [(e.type, e.text, e.start, e.end, e.entity_id) for e in record.entities] == [
        ("agency", "Sở KH&CN", 4, 12, "ag1"), ("figure", "6,5%", 20, 24, None)]
    assert record.entities[1].attrs == {"value": 6.5, "unit": "%"}
    assert [(t.label, t.score) for t in record.topics] == [("digital_transformation", 0.9)]


def test_reingesting_updates_without_duplicates(store):
    store.upsert([make_record()])
    changed = make_record(title="Tiêu đề mới")
    changed.entities = changed.entities[:1]
    store.upsert([changed])
    assert store.count() == 1
    record = store.get("a1")
    assert record.title == "Tiêu đề mới"
    assert len(record.entities) == 1
    summary = store.summary()
    assert summary["mentions_by_type"] == {"agency": 1}
    assert summary["entities_by_type"] == {"agency": 1}


def test_canonical_entity_tracks_first_and_last_seen(store):
    store.upsert([make_record("a1", published=datetime(2023, 1, 5, tzinfo=VN_TZ)),
                  make_record("a2", published=datetime(2025, 7, 9, tzinfo=VN_TZ))])
    with store.engine.connect() as conn:
        first, last, count = conn.execute(text(
            "SELECT first_seen, last_seen, (SELECT count(*) FROM mentions WHERE entity_id = 'ag1') "
            "FROM entities WHERE id = 'ag1'")).one()
    assert count == 2
    assert str(first).startswith("2023-01-04") and str(last).startswith("2025-07-08")  # stored in UTC


def test_failed_batch_leaves_stored_articles_intact(store):
    store.upsert([make_record("a1")])
    broken = make_record("a2")
    broken.entities.append(Entity("agency", "x", 0, 1, {}, "missing-entity-id"))
    broken.entities[-1].entity_id = None
    broken.title = None  # violates NOT NULL: the whole batch must roll back
    from govnews.errors import ServiceError

    with pytest.raises(ServiceError):
        store.upsert([make_record("a3"), broken])
    assert store.count() == 1 and store.get("a1").title == "Tiêu đề"
    assert store.get("a3") is None


def test_fingerprints_tell_unchanged_articles(store):
    record = make_record()
    store.upsert([record])
    assert store.fingerprints(["a1", "zz"]) == {"a1": (record.content_hash, {"topics": "m1"})}


def test_canonical_official_keeps_every_title_held_over_time(store):
    def article(article_id, published, title, organization):
        record = make_record(article_id, published=published)
        record.entities = [Entity("official", "Nguyễn Văn An", 0, 13, {"name": "Nguyễn Văn An", "title": title,
                                                                        "organization": organization}, "p1")]
        return record

    store.upsert([article("a1", datetime(2019, 5, 1, tzinfo=VN_TZ), "Giám đốc", "Sở Tài chính"),
                  article("a2", datetime(2021, 3, 2, tzinfo=VN_TZ), "Phó Chủ tịch", "UBND tỉnh"),
                  article("a3", datetime(2022, 8, 9, tzinfo=VN_TZ), "Phó Chủ tịch", "UBND tỉnh")])
    with store.engine.connect() as conn:
        attrs = conn.execute(text("SELECT attrs FROM entities WHERE id = 'p1'")).scalar()
    attrs = attrs if isinstance(attrs, dict) else __import__("json").loads(attrs)
    titles = {(t["title"], t["first_seen"][:4], t["last_seen"][:4], t["mentions"]) for t in attrs["titles"]}
    assert titles == {("Giám đốc", "2019", "2019", 1), ("Phó Chủ tịch", "2021", "2022", 2)}
