"""The FastAPI app served by uvicorn on loopback, queried over real HTTP."""

from __future__ import annotations

import pytest

from tests.conftest import served_api


@pytest.fixture(scope="module")
def api(search_env):
    with served_api(search_env[0]) as client:
        yield client


def test_health_reports_counts(api):
    body = api.get("/health").json()
    assert body == {"status": "ok", "version": body["version"], "backend": "embedded", "articles_stored": 4,
                    "articles_indexed": 4}


def test_search_returns_hits_highlights_and_facets(api):
    response = api.get("/search", params={"q": "chuyen doi so", "size": 5})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2
    top = body["hits"][0]
    assert top["title"] == "Thừa Thiên Huế đẩy mạnh chuyển đổi số"
    assert top["site"] == "thuathienhue.gov.vn" and top["province_current"] == "Huế"
    assert top["published_at"] == "2023-04-10T08:00:00+07:00"
    assert any("<em>chuyển đổi số</em>" in h for h in top["highlights"])
    assert {f["value"] for f in body["facets"]["site"]} == {"thuathienhue.gov.vn", "binhduong.gov.vn"}


def test_search_filters_by_province_and_dates(api):
    body = api.get("/search", params={"province": "Thành phố Hồ Chí Minh"}).json()
    assert [h["title"] for h in body["hits"]] == ["Bình Dương phát triển đô thị thông minh"]
    body = api.get("/search", params={"date_from": "2024-01-01"}).json()
    assert {h["title"] for h in body["hits"]} == {"Đà Nẵng thu hút đầu tư vào khu công nghệ cao",
                                                  "Huế tổ chức lễ hội đường phố dịp cuối năm"}


def test_bad_queries_are_400_with_a_message(api):
    response = api.get("/search", params={"q": '"chuyen doi'})
    assert response.status_code == 400 and "unbalanced quote" in response.json()["detail"]
    response = api.get("/search", params={"date_from": "2024-02-01", "date_to": "2024-01-01"})
    assert response.status_code == 400 and "after date_to" in response.json()["detail"]
    assert api.get("/search", params={"size": 1000}).status_code == 422


def test_article_has_entities_and_topics(api):
    hit = api.get("/search", params={"q": "Nguyễn Xuân Sơn"}).json()["hits"][0]
    article = api.get(f"/articles/{hit['id']}").json()
    assert article["url"] == "https://thuathienhue.gov.vn/tin/1"
    assert article["author"] == "Minh Châu"
    document = f"{article['title']}\n{article['text']}"
    official = next(e for e in article["entities"] if e["type"] == "official")
    assert official["name"] == "Nguyễn Xuân Sơn" and official["title"] == "Giám đốc"
    assert official["organization"] == "Sở Thông tin và Truyền thông"
    assert len(official["entity_id"]) == 16
    for entity in article["entities"]:
        assert document[entity["start"] : entity["end"]] == entity["text"]
    assert "digital_transformation" in [t["label"] for t in article["topics"]]
    assert api.get("/articles/doesnotexist").status_code == 404


def test_openapi_documents_the_routes(api):
    spec = api.get("/openapi.json").json()
    assert {"/search", "/articles/{article_id}", "/health"} <= set(spec["paths"])
    assert spec["paths"]["/search"]["get"]["operationId"] == "search-search"
    assert api.get("/docs").status_code == 200


def test_serve_with_two_worker_processes_answers_from_the_same_index(search_env):
    import httpx

    from search.bench import serve
    from search.elastic.node import free_port

    settings = search_env[0]
    port = free_port()
    server = serve({"GOVNEWS_DATA_DIR": str(settings.data_dir), "GOVNEWS_SEARCH_BACKEND": "embedded"}, port, workers=2)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            assert client.get("/health").json()["articles_indexed"] == 4
            totals = {client.get("/search", params={"q": "chuyen doi so"}).json()["total"] for _ in range(8)}
            assert totals == {2}
    finally:
        server.terminate()
        server.wait(timeout=30)
