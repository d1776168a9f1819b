"""A store and index built from govnews's own demo articles by the real pipeline, for the export tests."""

from __future__ import annotations

import pytest

from govnews.config import Settings
from govnews.records import RawArticle
from govnews.store import Store
from pipeline.batch import ingest
from search.embedded import EmbeddedBackend


def demo_url(article: dict) -> str:  # type: ignore[type-arg]
    return f"https://demo.govnews.vn/tin-tuc/{article['slug']}.html"


def raw_articles(articles: list[dict]) -> list[RawArticle]:  # type: ignore[type-arg]
    return [RawArticle(url=demo_url(a), title=a["title"], text="\n".join([a["lead"], *a["body"]]),
                       published=a["published"], author=a.get("author"), site="demo.govnews.vn") for a in articles]


@pytest.fixture(scope="session")
def export_env(tmp_path_factory, processor_factory, demo_articles):
    settings = Settings(data_dir=tmp_path_factory.mktemp("export"), database_url=None, elasticsearch_url=None)
    store = Store(settings.store_url())
    backend = EmbeddedBackend(settings.index_path())
    report = ingest(raw_articles(demo_articles), processor_factory(settings), store, backend)
    assert report.stored == len(demo_articles) and not report.errors
    yield settings, store, backend
    backend.close()
    store.close()
