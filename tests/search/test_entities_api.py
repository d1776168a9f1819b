"""``/entities`` on the real app over the demo store built by the real pipeline (the export tests' store), and
``govnews entities`` printing the same JSON; the same answers from a PostgreSQL store."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations

import pytest
from fastapi.testclient import TestClient

from search.api.app import create_app
from search.entities import EntityQuery, search_entities
from tests.conftest import run_cli
from tests.export.conftest import export_env  # noqa: F401  (the session's demo store, shared with the export tests)


@pytest.fixture(scope="module")
def client(export_env):  # noqa: F811
    with TestClient(create_app(export_env[0])) as client:
        yield client


@pytest.fixture(scope="module")
def store(export_env):  # noqa: F811
    return export_env[1]


@pytest.fixture(scope="module")
def shared_articles(store) -> Counter[tuple[str, str]]:
    """How many stored articles each pair of entities shares, counted from the articles themselves."""
    pairs: Counter[tuple[str, str]] = Counter()
    for record in store.iter_articles():
        ids = sorted({e.entity_id for e in record.entities if e.entity_id})
        pairs.update(combinations(ids, 2))
    return pairs


def entities(client, **params) -> dict:  # type: ignore[type-arg]
    response = client.get("/entities", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def names(body: dict) -> list[str]:  # type: ignore[type-arg]
    return [item["name"] for item in body["items"]]


@pytest.mark.parametrize(("q", "name", "type"), [
    ("nguyen van phuong", "Nguyễn Văn Phương", "official"),  # no diacritics
    ("ubnd tinh thua thien hue", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "agency"),  # abbreviation, no diacritics
    ("Ủy ban nhân dân tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hóa", "agency"),  # old tone placement
    ("UBND tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Lâm Đồng", "agency"),  # a spelling seen
    ("Sở KH&CN", "Sở Khoa học và Công nghệ thành phố Đà Nẵng", "agency"),
    ("85/KH-UBND", "Kế hoạch 85/KH-UBND", "document"),
])
def test_name_queries_find_the_accented_entity_first(client, q, name, type):
    body = entities(client, q=q)
    assert body["items"][0]["name"] == name and body["items"][0]["type"] == type
    assert body["total"] == len(body["items"]) >= 1


def test_items_carry_key_attributes_and_counts(client, store):
    official = entities(client, q="nguyen van phuong")["items"][0]
    assert official["attributes"] == {"titles": [{"title": "Chủ tịch", "organization": "UBND tỉnh"}]}
    assert official["articles"] == 1 and official["first_seen"] == "2024-03-14T08:30:00+07:00"
    agency = entities(client, q="Sở Kế hoạch và Đầu tư tỉnh Bình Dương")["items"][0]
    assert agency["attributes"] == {"kind": "government", "province": "Bình Dương",
                                    "successor": "Sở Tài chính tỉnh Thành phố Hồ Chí Minh"}
    assert agency["aliases"] == ["Sở KH&ĐT"]
    document = entities(client, q="85/KH-UBND")["items"][0]
    assert document["attributes"] == {"doc_type": "Kế hoạch", "number": "85/KH-UBND",
                                      "issuer": "Ủy ban nhân dân tỉnh Thừa Thiên Huế"}  # "… của UBND tỉnh"
    everything = entities(client, size=100)
    assert everything["total"] == sum(store.summary()["entities_by_type"].values())
    counts = [(i["articles"], i["mentions"]) for i in everything["items"]]
    assert counts == sorted(counts, reverse=True)  # without a name, the most cited first


def test_exact_name_ranks_above_longer_names_containing_it(client):
    body = entities(client, q="da nang")
    assert body["items"][0]["name"] == "Đà Nẵng" and body["items"][0]["type"] == "location"
    assert "Ủy ban nhân dân thành phố Đà Nẵng" in names(body)


def test_type_filter(client, store):
    body = entities(client, type="official", size=100)
    assert body["total"] == store.summary()["entities_by_type"]["official"] == len(body["items"])
    assert {i["type"] for i in body["items"]} == {"official"}
    assert all(i["attributes"]["titles"] for i in body["items"])


def test_post_2025_province_finds_entities_of_the_merged_old_province(client):
    hue = entities(client, province="Huế", size=100)
    assert {"Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế",
            "Nguyễn Văn Phương", "Kế hoạch 85/KH-UBND"} <= set(names(hue))
    assert "Bộ Thông tin và Truyền thông" not in names(hue)  # a ministry is national, wherever it is mentioned
    assert entities(client, province="thua thien hue", size=100)["items"] == hue["items"]
    da_nang = entities(client, province="Đà Nẵng", type="agency", size=100)
    assert {"Ủy ban nhân dân tỉnh Quảng Nam", "Ủy ban nhân dân thành phố Đà Nẵng"} <= set(names(da_nang))
    assert {i["attributes"]["province"] for i in da_nang["items"]} == {"Quảng Nam", "Đà Nẵng"}
    quang_nam = entities(client, province="Quảng Nam", type="agency", size=100)  # the old name: only its own
    assert {i["attributes"]["province"] for i in quang_nam["items"]} == {"Quảng Nam"}
    hcm = entities(client, province="TP.HCM", type="location")
    assert "Bình Dương" in names(hcm)


def test_mentions_point_at_the_entity_in_the_stored_article(client, store):
    item = entities(client, q="ubnd tinh thua thien hue")["items"][0]
    body = client.get(f"/entities/{item['id']}").json()
    assert body["name"] == item["name"] and body["attrs"]["province"] == "Thừa Thiên Huế"
    assert {s["text"] for s in body["attrs"]["spellings"]} == {"UBND tỉnh Thừa Thiên Huế", "UBND tỉnh"}
    mentions = body["mentions"]
    assert mentions["total"] == item["mentions"] == len(mentions["items"]) == 3
    for mention in mentions["items"]:
        article = store.get(mention["article_id"])
        document = f"{article.title}\n{article.text}"
        assert document[mention["start"]:mention["end"]] == mention["text"]
        assert mention["text"] in {item["name"], *item["aliases"]}
        assert mention["text"] in mention["sentence"] and mention["sentence"] in document
        assert mention["url"] == article.url and mention["title"] == article.title
    second = client.get(f"/entities/{item['id']}", params={"mentions_size": 1, "mentions_page": 2}).json()
    assert second["mentions"]["items"] == mentions["items"][1:2]


def test_cooccurring_entities_really_share_articles(client, shared_articles):
    item = entities(client, q="nguyen van phuong")["items"][0]
    body = client.get(f"/entities/{item['id']}", params={"cooccurring_size": 100}).json()
    cooccurring = body["cooccurring"]
    assert "Ủy ban nhân dân tỉnh Thừa Thiên Huế" in {c["name"] for c in cooccurring}
    expected = {pair: n for pair, n in shared_articles.items() if item["id"] in pair}
    assert {tuple(sorted((item["id"], c["id"]))): c["articles"] for c in cooccurring} == expected
    agencies = client.get(f"/entities/{item['id']}", params={"cooccurring_type": "agency"}).json()["cooccurring"]
    assert agencies and agencies == [c for c in cooccurring if c["type"] == "agency"][:10]


@pytest.mark.parametrize(("path", "params", "status", "detail"), [
    ("/entities/doesnotexist", {}, 404, "no entity with id 'doesnotexist'"),
    ("/entities", {"size": 1000}, 400, "size: Input should be less than or equal to 100"),
    ("/entities", {"page": 0}, 400, "page: Input should be greater than or equal to 1"),
    ("/entities", {"type": "politician"}, 400, "unknown entity type 'politician'; one of: official, person"),
    ("/entities/e28b603b39b21cce", {"mentions_size": 0}, 400, "mentions_size: Input should be greater than"),
    ("/entities/e28b603b39b21cce", {"cooccurring_type": "figure"}, 400, "unknown entity type 'figure'"),
])
def test_bad_requests_get_a_message(client, path, params, status, detail):
    response = client.get(path, params=params)
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_openapi_documents_the_entity_routes(client):
    spec = client.get("/openapi.json").json()
    assert spec["paths"]["/entities"]["get"]["operationId"] == "entities-list_entities"
    assert spec["paths"]["/entities/{entity_id}"]["get"]["operationId"] == "entities-read_entity"
    fields = spec["components"]["schemas"]["EntityItem"]["properties"]
    assert "Articles mentioning it" in fields["articles"]["description"]


def test_cli_prints_what_the_api_returns(client, export_env):  # noqa: F811
    data_dir = str(export_env[0].data_dir)
    result = run_cli("--data-dir", data_dir, "entities", "ubnd", "--province", "Huế", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == entities(client, q="ubnd", province="Huế")
    table = run_cli("--data-dir", data_dir, "entities", "nguyen van phuong")
    assert table.returncode == 0 and "Nguyễn Văn Phương" in table.stdout and "Chủ tịch, UBND tỉnh" in table.stdout
    bad = run_cli("--data-dir", data_dir, "entities", "--size", "500")
    assert bad.returncode == 2
    assert "error: size: Input should be less than or equal to 100" in bad.stderr


def test_postgresql_store_gives_the_same_answers(export_env, postgres_url, processor_factory,  # noqa: F811
                                                 demo_articles):
    from sqlalchemy import text

    from govnews.config import Settings
    from govnews.store import Store
    from pipeline.batch import ingest
    from search.entities import DetailQuery, read_entity
    from tests.export.conftest import raw_articles

    settings = Settings(database_url=postgres_url, elasticsearch_url=None)
    pg = Store(settings.store_url())
    with pg.engine.begin() as connection:  # one server per session: start from empty tables
        connection.execute(text("TRUNCATE articles, mentions, entities, article_topics"))
    try:
        assert ingest(raw_articles(demo_articles), processor_factory(settings), pg, None).stored == 14
        sqlite = export_env[1]
        for query in (EntityQuery(size=100), EntityQuery(q="ubnd"), EntityQuery(q="nguyen van phuong"),
                      EntityQuery(province="Huế"), EntityQuery(province="Đà Nẵng", type="agency"),
                      EntityQuery(q="Sở KH&CN", page=1, size=1)):
            assert search_entities(pg, query) == search_entities(sqlite, query), query
        first = search_entities(sqlite, EntityQuery(q="ubnd tinh thua thien hue")).items[0].id
        query = DetailQuery(cooccurring_size=100)
        assert read_entity(pg, first, query) == read_entity(sqlite, first, query)
    finally:
        pg.close()
