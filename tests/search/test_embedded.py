"""The embedded backend: Vietnamese-aware full text, filters, facets and highlights."""

from datetime import date

import pytest

from search.query import QuerySyntaxError, SearchQuery

HUE_DIGITAL = "Thừa Thiên Huế đẩy mạnh chuyển đổi số"
HUE_FESTIVAL = "Huế tổ chức lễ hội đường phố dịp cuối năm"


def titles(response):
    return [hit.title for hit in response.hits]


def test_query_without_diacritics_finds_accented_text(backend):
    accented = backend.search(SearchQuery(q="chuyển đổi số"))
    folded = backend.search(SearchQuery(q="chuyen doi so"))
    expected = {"Thừa Thiên Huế đẩy mạnh chuyển đổi số", "Bình Dương phát triển đô thị thông minh"}
    assert set(titles(accented)) == set(titles(folded)) == expected
    assert titles(folded)[0] == "Thừa Thiên Huế đẩy mạnh chuyển đổi số"  # in the title: ranked first


def test_d_stroke_folds_to_d(backend):
    assert titles(backend.search(SearchQuery(q="da nang"))) == ["Đà Nẵng thu hút đầu tư vào khu công nghệ cao"]
    assert titles(backend.search(SearchQuery(q="DAU TU"))) == ["Đà Nẵng thu hút đầu tư vào khu công nghệ cao"]


def test_exact_diacritics_rank_above_folded_matches(backend):
    # Folded, "dữ" (dữ liệu), "du" (du khách) and "dự" (dự án) are one word; only "dữ" matches exactly.
    exact_docs = {"Thừa Thiên Huế đẩy mạnh chuyển đổi số", "Bình Dương phát triển đô thị thông minh"}
    festival = "Huế tổ chức lễ hội đường phố dịp cuối năm"
    accented = titles(backend.search(SearchQuery(q="dữ")))
    assert set(accented) == exact_docs | {festival, "Đà Nẵng thu hút đầu tư vào khu công nghệ cao"}
    assert set(accented[:2]) == exact_docs
    assert titles(backend.search(SearchQuery(q="du")))[0] == festival  # "du khách" twice, no "dữ" preference


def test_phrase_query_needs_adjacent_words(backend):
    assert titles(backend.search(SearchQuery(q='"do thi thong minh"'))) == ["Bình Dương phát triển đô thị thông minh"]
    assert backend.search(SearchQuery(q='"thong minh do thi"')).total == 0


def test_highlights_mark_the_original_accented_words(backend):
    hit = backend.search(SearchQuery(q="le hoi")).hits[0]
    assert hit.title == "Huế tổ chức lễ hội đường phố dịp cuối năm"
    assert any("<em>lễ hội</em>" in fragment for fragment in hit.highlights)


def test_filters_by_site_topic_and_date(backend):
    response = backend.search(SearchQuery(site="thuathienhue.gov.vn"))
    assert set(titles(response)) == {HUE_DIGITAL, HUE_FESTIVAL}
    assert titles(response)[0] == "Huế tổ chức lễ hội đường phố dịp cuối năm"  # no query: newest first
    response = backend.search(SearchQuery(date_from=date(2024, 1, 1), date_to=date(2024, 9, 2)))
    assert titles(response) == ["Đà Nẵng thu hút đầu tư vào khu công nghệ cao"]
    response = backend.search(SearchQuery(topic="digital_transformation"))
    assert "Thừa Thiên Huế đẩy mạnh chuyển đổi số" in titles(response)
    assert "Huế tổ chức lễ hội đường phố dịp cuối năm" not in titles(response)


def test_province_filter_by_todays_name_finds_merged_provinces(backend):
    # Bình Dương joined Thành phố Hồ Chí Minh on 1 July 2025; Thừa Thiên Huế became Huế city.
    hcm = backend.search(SearchQuery(province="TP.HCM"))
    assert titles(hcm) == ["Bình Dương phát triển đô thị thông minh"]
    assert titles(backend.search(SearchQuery(province="binh duong"))) == ["Bình Dương phát triển đô thị thông minh"]
    hue = backend.search(SearchQuery(province="Huế"))
    assert set(titles(hue)) == {HUE_DIGITAL, HUE_FESTIVAL}


def test_entity_filter_by_name_and_facets(backend):
    response = backend.search(SearchQuery(entity="Nguyễn Xuân Sơn"))
    assert titles(response) == ["Thừa Thiên Huế đẩy mạnh chuyển đổi số"]
    facets = backend.search(SearchQuery()).facets
    assert {f.value: f.count for f in facets["site"]} == {"thuathienhue.gov.vn": 2, "danang.gov.vn": 1,
                                                          "binhduong.gov.vn": 1}
    assert {f.value: f.count for f in facets["province"]}["Huế"] == 2
    assert {f.value for f in facets["entity_type"]} >= {"official", "agency", "location"}


def test_pagination_and_reindex_are_idempotent(backend, search_env):
    first = backend.search(SearchQuery(size=2, page=1))
    second = backend.search(SearchQuery(size=2, page=2))
    assert first.total == second.total == 4
    assert not set(titles(first)) & set(titles(second))
    store = search_env[1]
    backend.index(list(store.iter_articles()))  # re-index everything: no duplicates
    assert backend.count() == 4 and backend.search(SearchQuery()).total == 4


def test_query_syntax_errors_are_reported(backend):
    with pytest.raises(QuerySyntaxError, match="unbalanced quote"):
        backend.search(SearchQuery(q='"chuyen doi'))
    with pytest.raises(QuerySyntaxError, match="nothing searchable"):
        backend.search(SearchQuery(q="!!! ???"))
    with pytest.raises(ValueError, match="after date_to"):
        SearchQuery(date_from="2024-02-01", date_to="2024-01-01")


def test_an_index_of_an_older_schema_is_emptied_not_misread(tmp_path, caplog):
    import sqlite3

    from search.embedded import EmbeddedBackend

    path = tmp_path / "search.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
        db.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT)")
        db.execute("INSERT INTO docs VALUES (1, 'old')")
    with caplog.at_level("WARNING"):
        backend = EmbeddedBackend(path)
    assert backend.count() == 0
    assert "govnews reindex" in caplog.text
    backend.close()


def test_an_article_given_twice_in_one_batch_is_indexed_once_as_its_last_version(tmp_path, search_env):
    from collections import Counter
    from dataclasses import replace

    from search.document import build_document
    from search.embedded import EmbeddedBackend

    documents = [build_document(record) for record in search_env[1].iter_articles()]
    changed = replace(documents[0], title="Bản tin cập nhật", title_exact="Bản tin cập nhật",
                      title_folded="ban tin cap nhat", topics=[("health", 0.9), ("environment", 0.8)])
    backend = EmbeddedBackend(tmp_path / "search.sqlite")
    backend.index_documents([*documents, changed])
    assert backend.count() == len(documents)
    assert titles(backend.search(SearchQuery(q="ban tin cap nhat"))) == ["Bản tin cập nhật"]
    # Topic and entity-type facets (bit masks) count what the documents carry.
    expected = Counter(label for doc in [changed, *documents[1:]] for label, _ in doc.topics)
    facets = backend.search(SearchQuery()).facets
    assert {f.value: f.count for f in facets["topic"]} == dict(expected)
    types = Counter(t for doc in [changed, *documents[1:]] for t in doc.entity_types)
    assert {f.value: f.count for f in facets["entity_type"]} == dict(types)
    backend.close()
