"""Each table exported from a store built from the demo articles, checked against the articles' own annotations
(``expect`` in govnews/demo/articles.jsonl), facts read off the article texts, and the stored mentions."""

from __future__ import annotations

import re
from datetime import date

import pytest

from govnews.export.columns import TABLES, columns
from govnews.export.source import select_articles
from govnews.export.tables import table_rows
from search.query import SearchQuery
from tests.export.conftest import demo_url

HUE = "hue-day-manh-chuyen-doi-so-2024"


def rows(export_env, table: str, query: SearchQuery | None = None) -> list[dict]:
    _, store, backend = export_env
    return list(table_rows(table, store, select_articles(store, query, backend)))


@pytest.fixture(scope="module")
def docs(export_env) -> dict[str, str]:
    """Each stored article's document, read through the store's record API (not the export's queries)."""
    store = export_env[1]
    return {r.id: f"{r.title}\n{r.text}" for r in store.iter_articles()}


def article_id_of(export_env, slug: str) -> str:
    from govnews.urls import article_id

    return article_id(f"https://demo.govnews.vn/tin-tuc/{slug}.html")


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_its_columns_and_traceable_rows(export_env, docs, table):
    exported = rows(export_env, table)
    assert exported, table
    names = [c.name for c in columns(table)]
    for row in exported:
        assert set(row) == set(names)
        assert row["article_id"] in docs and row["url"].startswith("https://demo.govnews.vn/tin-tuc/")
        if table == "articles":
            continue
        doc = docs[row["article_id"]]
        assert 0 <= row["start"] < row["end"] <= len(doc)
        assert row["sentence"] in doc  # the sentence is a real span of the article
        assert doc[row["start"]:row["end"]] in row["sentence"]  # and holds the mention


def test_mentions_are_exactly_the_stored_mentions(export_env, docs):
    store = export_env[1]
    stored = {(r.id, e.type, e.start, e.end, e.text) for r in store.iter_articles() for e in r.entities}
    exported = rows(export_env, "mentions")
    assert {(m["article_id"], m["type"], m["start"], m["end"], m["text"]) for m in exported} == stored
    assert len(exported) == len(stored)
    assert all(docs[m["article_id"]][m["start"]:m["end"]] == m["text"] for m in exported)


def test_officials_match_the_annotated_officials(export_env, demo_articles):
    officials = {row["name"]: row for row in rows(export_env, "officials")}
    expected = {name for a in demo_articles for name in a["expect"]["officials"]}
    found = expected & officials.keys()
    assert len(found) / len(expected) >= 0.85, sorted(expected - found)
    # Read off the Huế article: "TS. Lê Quang Minh, Giám đốc Sở Thông tin và Truyền thông" and later "Ông Minh".
    minh = officials["Lê Quang Minh"]
    assert minh["titles"] == ["Giám đốc, Sở Thông tin và Truyền thông (2024-03-14 – 2024-03-14)"]
    assert minh["organizations"] == ["Sở Thông tin và Truyền thông"]
    assert (minh["mentions"], minh["articles"], minh["provinces"]) == (2, 1, ["Thừa Thiên Huế"])
    assert minh["first_seen"].date() == date(2024, 3, 14) and minh["url"] == demo_url({"slug": HUE})
    assert minh["sentence"].startswith("TS. Lê Quang Minh, Giám đốc Sở Thông tin và Truyền thông, cho biết")


def test_official_titles_give_one_row_per_person_and_title(export_env):
    long = rows(export_env, "official_titles")
    wide = {row["entity_id"]: row for row in rows(export_env, "officials")}
    assert {row["entity_id"] for row in long} == wide.keys()
    for entity_id, person in wide.items():
        assert len([r for r in long if r["entity_id"] == entity_id]) == len(person["titles"])
    phuong = [r for r in long if r["name"] == "Nguyễn Văn Phương"]
    assert [(r["title"], r["organization"]) for r in phuong] == [("Chủ tịch", "UBND tỉnh")]


def test_figures_carry_value_unit_and_their_sentence(export_env):
    hue = article_id_of(export_env, HUE)
    figures = [f for f in rows(export_env, "figures") if f["article_id"] == hue]
    by_text = {f["text"]: f for f in figures}
    # "... giải quyết trực tuyến toàn trình trên địa bàn tỉnh đạt 68,4%." in the report of 2023
    share = by_text["68,4%"]
    assert (share["value"], share["unit"], share["year"]) == (68.4, "%", 2023)
    assert share["province"] == "Thừa Thiên Huế"
    assert share["agency"] == "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"  # "Theo báo cáo của Sở TT&TT"
    assert share["sentence"].startswith("Theo báo cáo của Sở TT&TT, năm 2023") and share["sentence"].endswith("68,4%.")
    installs = by_text["hơn 1,1 triệu lượt cài đặt"]  # a classifier takes the next word: "lượt cài đặt"
    assert (installs["value"], installs["unit"], installs["qualifier"]) == (1_100_000, "lượt cài đặt", "more_than")


def test_targets_carry_deadline_value_and_owner(export_env):
    hue = article_id_of(export_env, HUE)
    targets = [t for t in rows(export_env, "targets") if t["article_id"] == hue]
    # "năm 2024 Thừa Thiên Huế phấn đấu ... ít nhất 80% hồ sơ thủ tục hành chính được số hóa kết quả giải quyết"
    records = [t for t in targets if "80% hồ sơ thủ tục hành chính" in t["clause"]]
    assert len(records) == 1
    target = records[0]
    assert (target["deadline"], target["value"], target["unit"], target["owner"]) == (2024, 80, "%", "Thừa Thiên Huế")
    assert target["sentence"].startswith("Theo Kế hoạch số 85/KH-UBND ngày 12/3/2024")


def test_documents_match_the_annotated_documents(export_env, demo_articles):
    documents = rows(export_env, "documents")
    numbers = {d["number"]: d for d in documents}
    for article in demo_articles:
        for cited in article["expect"]["documents"]:
            number = re.search(r"\d+/[\w/-]+|\d+-[A-Z]+/[A-Z]+", cited).group(0)
            assert number in numbers, cited
            day = re.search(r"ngày (\d+)/(\d+)/(\d{4})", cited)
            if day:
                assert numbers[number]["date"] == date(*map(int, reversed(day.groups()))).isoformat(), cited


@pytest.mark.parametrize(("table", "key"), [("agencies", "agencies"), ("locations", "locations")])
def test_entity_tables_match_the_annotations(export_env, demo_articles, table, key):
    exported = rows(export_env, table)
    spellings = {s for row in exported for s in [row["name"], *row["spellings"]]}
    expected = {name for a in demo_articles for name in a["expect"][key]}
    assert len(expected & spellings) / len(expected) >= 0.85, sorted(expected - spellings)
    assert len({row["entity_id"] for row in exported}) == len(exported)  # one row per canonical entity
    agency = {row["name"]: row for row in exported}.get("Bộ Chính trị")
    if table == "agencies":  # named in four demo articles
        assert agency is not None and agency["articles"] == 4 and agency["kind"] == "party"


def test_articles_table_lists_every_article(export_env, demo_articles):
    articles = rows(export_env, "articles")
    assert sorted(a["title"] for a in articles) == sorted(a["title"] for a in demo_articles)
    hue = next(a for a in articles if a["url"] == demo_url({"slug": HUE}))
    assert hue["province"] == "Thừa Thiên Huế" and hue["province_current"] == "Huế"
    assert hue["topics"][0] == "digital_transformation" and hue["mentions"] > 20


def test_filters_select_articles_as_search_does(export_env, demo_articles):
    hue = article_id_of(export_env, HUE)
    assert {r["article_id"] for r in rows(export_env, "mentions", SearchQuery(province="Huế"))} == {hue}
    dated = rows(export_env, "articles", SearchQuery(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)))
    expected = {a["title"] for a in demo_articles if a["published"].startswith("2024")}
    assert {a["title"] for a in dated} == expected and expected
    phuong = rows(export_env, "officials", SearchQuery(entity="Nguyễn Văn Phương"))
    assert "Nguyễn Văn Phương" in {o["name"] for o in phuong} and {o["article_id"] for o in phuong} == {hue}
    assert rows(export_env, "figures", SearchQuery(q="kitakyushu", province="Huế")) == []


def test_data_dictionary_documents_every_column():
    from pathlib import Path

    from govnews.export.dictionary import render_dictionary

    text = (Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert text == render_dictionary(), "regenerate: python -m govnews.export.dictionary > docs/data-dictionary.md"
    for table in TABLES:
        section = text.split(f"## {table}\n", 1)[1].split("\n## ", 1)[0]
        assert [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")] == \
            [c.name for c in columns(table)]


def test_postgresql_store_exports_the_same_tables(export_env, postgres_url, processor_factory, demo_articles):
    from sqlalchemy import text

    from govnews.config import Settings
    from govnews.store import Store
    from pipeline.batch import ingest
    from tests.export.conftest import raw_articles

    settings = Settings(database_url=postgres_url, elasticsearch_url=None)
    store = Store(settings.store_url())
    with store.engine.begin() as connection:  # one server per session: start from empty tables
        connection.execute(text("TRUNCATE articles, mentions, entities, article_topics"))
    try:
        assert ingest(raw_articles(demo_articles), processor_factory(settings), store, None).stored == 14
        for table in ("mentions", "officials", "figures"):
            from_pg = list(table_rows(table, store, select_articles(store, None)))
            from_sqlite = rows(export_env, table)
            drop = {"mention_id"}
            assert [{k: v for k, v in r.items() if k not in drop} for r in from_pg] == \
                [{k: v for k, v in r.items() if k not in drop} for r in from_sqlite], table
    finally:
        store.close()
