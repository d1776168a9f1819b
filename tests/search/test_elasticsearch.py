"""The Elasticsearch backend against a real node, and parity with the embedded engine on one corpus."""

from __future__ import annotations

from datetime import date

import pytest

from govnews.config import Settings
from govnews.errors import ServiceError
from search.backend import open_backend
from search.document import SearchDocument
from search.elastic.backend import ElasticsearchBackend
from search.query import AggregateQuery, QuerySyntaxError, SearchQuery
from tests.conftest import ingested, served_api
from tests.export.conftest import raw_articles
from tests.search.conftest import CORPUS

FILTERS = [
    {"site": "thuathienhue.gov.vn"},
    {"province": "Huế"},  # today's name: finds Thừa Thiên Huế articles
    {"province": "Thành phố Hồ Chí Minh"},  # finds Bình Dương (merged in 2025)
    {"province": "Bắc Ninh"},
    {"topic": "digital_transformation"},
    {"entity_type": "document"},
    {"entity": "Đà Nẵng"},
    {"date_from": date(2023, 1, 1), "date_to": date(2024, 12, 31)},
    {"q": "chuyen doi so", "province": "Huế"},
    {"q": "UBND", "topic": "digital_transformation"},
]
RANKED = ["chuyển đổi số", "chuyen doi so", "Huế", "hue", "UBND", "đầu tư", "dau tu", '"đô thị thông minh"',
          "khởi nghiệp đổi mới sáng tạo", "ha noi", "da nang", "doanh nghiệp", "KH&CN", "cao tốc", "nông sản"]


@pytest.fixture(scope="module")
def both(tmp_path_factory, processor_factory, demo_articles, elasticsearch_url):
    raws = [*raw_articles(demo_articles), *CORPUS]
    with ingested(tmp_path_factory.mktemp("parity"), processor_factory, raws) as (settings, store, embedded):
        es_settings = settings.model_copy(update={"elasticsearch_url": elasticsearch_url,
                                                  "elasticsearch_index": "parity"})
        elastic = ElasticsearchBackend(es_settings)
        elastic.rebuild(store.iter_articles())
        yield settings, es_settings, store, embedded, elastic
        elastic.close()


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_filters_select_the_same_articles_and_facets(both, filters):
    _, _, _, embedded, elastic = both
    query = SearchQuery(**filters, size=100)
    a, b = embedded.search(query), elastic.search(query)
    assert a.total == b.total and a.total > 0
    assert {h.id for h in a.hits} == {h.id for h in b.hits}
    assert a.facets == b.facets


@pytest.mark.parametrize("q", RANKED)
def test_ranked_queries_agree_in_the_top_ten(both, q):
    _, _, _, embedded, elastic = both
    a, b = embedded.search(SearchQuery(q=q)), elastic.search(SearchQuery(q=q))
    assert a.total == b.total and a.total > 0, q
    top_a, top_b = [h.id for h in a.hits], [h.id for h in b.hits]
    assert len(set(top_a) & set(top_b)) / len(top_a) >= 0.8, (top_a, top_b)  # the parity bar
    highlights_b = {h.id: h.highlights for h in b.hits}
    for hit in a.hits:  # both mark the same words of the accented text
        if hit.id in highlights_b:
            assert hit.highlights == highlights_b[hit.id]


def test_diacritic_free_query_finds_accented_text_and_highlights_it(both):
    _, _, _, _, elastic = both
    response = elastic.search(SearchQuery(q="khoi nghiep"))
    assert response.total >= 1
    assert any("<em>khởi nghiệp</em>" in h for hit in response.hits for h in hit.highlights)
    assert "Đà Nẵng" in response.hits[0].title


def test_exact_spelling_ranks_above_folded_match(both):
    """``số`` (number) and ``sở`` (department) fold alike; the accented query prefers its own word."""
    _, _, _, _, elastic = both
    exact = elastic.search(SearchQuery(q="sở", size=50))
    folded = {h.id: h.score for h in elastic.search(SearchQuery(q="so", size=50)).hits}
    assert exact.total == len(folded)
    assert exact.hits[0].score > folded[exact.hits[0].id]


def test_aggregations_agree(both):
    _, _, _, embedded, elastic = both
    for request in (AggregateQuery(search=SearchQuery()),
                    AggregateQuery(search=SearchQuery(q="chuyen doi so"), interval="year"),
                    AggregateQuery(search=SearchQuery(), interval="day", top_entity_type="official", size=5)):
        a, b = embedded.aggregate(request), elastic.aggregate(request)
        assert a == b
    yearly = elastic.aggregate(AggregateQuery(search=SearchQuery(), interval="year"))
    assert sum(b.count for b in yearly.histogram) == yearly.total == 18
    assert [b.key for b in yearly.histogram] == sorted(b.key for b in yearly.histogram)
    officials = elastic.aggregate(AggregateQuery(search=SearchQuery(), top_entity_type="official")).entities
    assert officials and all(e.type == "official" for e in officials)


def test_cursor_walks_every_article_once_in_order(both):
    _, _, _, embedded, elastic = both
    for backend in (embedded, elastic):
        full = [h.id for h in backend.search(SearchQuery(q="", size=100)).hits]
        walked, cursor = [], None
        while True:
            page = backend.search(SearchQuery(q="", size=4, cursor=cursor))
            walked += [h.id for h in page.hits]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert walked == full and len(walked) == 18


def test_pages_past_ten_thousand_by_cursor(tmp_path, elasticsearch_url):
    """10,050 small articles: numbered pages stop at 10,000, the cursor reads to the end."""
    settings = Settings(data_dir=tmp_path, database_url=None, elasticsearch_url=elasticsearch_url,
                        elasticsearch_index="deep")
    elastic = ElasticsearchBackend(settings)
    docs = [SearchDocument(id=f"a{i:05d}", url=f"https://x.gov.vn/{i}", site="x.gov.vn", title=f"Tin {i}",
                           body="Tin ngắn", province=None, province_current=None, published_at=None,
                           title_exact=f"Tin {i}", body_exact="Tin ngắn", title_folded=f"tin {i}",
                           body_folded="tin ngan", words=f"tin {i} tin ngan") for i in range(10_050)]
    assert elastic.index_documents(docs) == 10_050
    elastic.refresh()
    with pytest.raises(ValueError, match="past result 10,000"):
        SearchQuery(q="", page=101, size=100)
    seen, cursor, pages = set(), None, 0
    while True:
        page = elastic.search(SearchQuery(q="ngan", size=100, cursor=cursor))
        seen.update(h.id for h in page.hits)
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 10_050 and pages == 101
    assert elastic.count() == 10_050
    elastic.index_documents(docs[:10])  # idempotent on article id
    elastic.refresh()
    assert elastic.count() == 10_050
    elastic.client.indices.delete(index=elastic.current_index())
    elastic.close()


def test_rebuild_swaps_the_alias_and_keeps_every_article(both):
    _, es_settings, store, _, _ = both
    elastic = ElasticsearchBackend(es_settings.model_copy(update={"elasticsearch_index": "swap"}))
    elastic.rebuild(store.iter_articles())
    before = elastic.current_index()
    assert elastic.rebuild(None) == 18  # scan + bulk from the current index
    after = elastic.current_index()
    assert after != before and not elastic.client.indices.exists(index=before)
    assert elastic.count() == 18
    assert elastic.search(SearchQuery(q="chuyen doi so")).total >= 2
    elastic.client.indices.delete(index=after)
    elastic.close()


def test_query_errors_are_400_on_elasticsearch(both):
    _, es_settings, _, _, elastic = both
    with pytest.raises(QuerySyntaxError):
        elastic.search(SearchQuery(q='"unbalanced'))
    with served_api(es_settings) as api:
        assert api.get("/health").json()["backend"] == "elasticsearch"
        bad = api.get("/search", params={"q": '"unbalanced'})
        assert bad.status_code == 400 and "unbalanced" in bad.json()["detail"]
        assert api.get("/search", params={"cursor": "not-a-cursor"}).status_code == 400
        found = api.get("/search", params={"q": "chuyen doi so", "province": "Huế"}).json()
        assert found["total"] >= 1 and all(h["province_current"] == "Huế" for h in found["hits"])
        charted = api.get("/aggregate", params={"q": "chuyen doi so", "interval": "year"}).json()
        assert charted["total"] >= found["total"]  # the same words without the province filter
        assert sum(b["count"] for b in charted["histogram"]) == charted["total"]


def test_unreachable_elasticsearch_is_a_clear_service_error(tmp_path):
    settings = Settings(data_dir=tmp_path, database_url=None, elasticsearch_url="http://127.0.0.1:9")
    with pytest.raises(ServiceError, match="not reachable"):
        open_backend(settings)


def test_es_status_of_a_node_that_is_not_running_exits_1(tmp_path):
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", "from govnews.cli import main; main()", "es", "status", "--name",
                             "never-started"], capture_output=True, text=True,
                            env={**os.environ, "GOVNEWS_ES_HOME": str(tmp_path)})
    assert result.returncode == 1 and "never-started: not running" in result.stderr


@pytest.mark.parametrize("q", ["dân số", "hạ tầng"])
def test_a_thin_result_is_filled_by_the_syllables_anywhere_after_the_word_itself(both, demo_articles, q):
    """Few articles have the word as a word: both engines then match its syllables anywhere, word first."""
    import re

    from search.terms import tokens

    texts = {raw.url: " ".join(tokens(f"{raw.title}\n{raw.text}")) for raw in [*raw_articles(demo_articles), *CORPUS]}
    word = " ".join(tokens(q))
    _, _, _, embedded, elastic = both
    ranked = []
    for backend in (embedded, elastic):
        response = backend.search(SearchQuery(q=q, size=100))
        as_word = [f" {word} " in f" {texts[h.url]} " for h in response.hits]
        assert all(re.search(rf"\b{s}\b", texts[h.url]) for h in response.hits for s in word.split())
        assert 0 < sum(as_word) < len(as_word) == response.total  # both kinds present
        assert as_word == sorted(as_word, reverse=True)  # every article with the word comes first
        assert all(h.score < 1000 for h in response.hits)  # the tier is not part of the reported score
        ranked.append([h.id for h in response.hits])
    assert set(ranked[0]) == set(ranked[1])
    # Filters and exports select the same articles as the hits.
    assert sorted(embedded.match_ids(SearchQuery(q=q))) == sorted(ranked[0])
    assert sorted(elastic.match_ids(SearchQuery(q=q))) == sorted(ranked[0])
