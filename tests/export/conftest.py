"""A store and index built from govnews's own demo articles by the real pipeline, for the export tests."""

from __future__ import annotations

import pytest

from govnews.records import RawArticle
from tests.conftest import ingested


def demo_url(article: dict) -> str:  # type: ignore[type-arg]
    return f"https://demo.govnews.vn/tin-tuc/{article['slug']}.html"


def raw_articles(articles: list[dict]) -> list[RawArticle]:  # type: ignore[type-arg]
    return [RawArticle(url=demo_url(a), title=a["title"], text="\n".join([a["lead"], *a["body"]]),
                       published=a["published"], author=a.get("author"), site="demo.govnews.vn") for a in articles]


@pytest.fixture(scope="session")
def export_env(tmp_path_factory, processor_factory, demo_articles):
    with ingested(tmp_path_factory.mktemp("export"), processor_factory, raw_articles(demo_articles)) as env:
        yield env
