"""The search backend interface, and the choice between embedded and Elasticsearch by settings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from govnews.config import Settings
from govnews.errors import ConfigError
from govnews.records import ArticleRecord
from search.query import AggregateQuery, AggregateResponse, SearchQuery, SearchResponse


@runtime_checkable
class SearchBackend(Protocol):
    name: str

    def index(self, records: Sequence[ArticleRecord]) -> int:
        """Add or replace articles (idempotent on article id); returns how many were indexed."""
        ...

    def delete(self, ids: Sequence[str]) -> int: ...

    def search(self, query: SearchQuery) -> SearchResponse: ...

    def aggregate(self, request: AggregateQuery) -> AggregateResponse: ...

    def rebuild(self, records: Iterable[ArticleRecord]) -> int:
        """Replace the whole index by ``records`` while searches go on."""
        ...

    def match_ids(self, query: SearchQuery, after: str = "", limit: int = 500) -> list[str]:
        """Ids of every matching article after ``after``, in id order, ``limit`` at most (for exports)."""
        ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def open_backend(settings: Settings) -> SearchBackend:
    name = settings.backend_name()
    if name == "embedded":
        from search.embedded import EmbeddedBackend

        return EmbeddedBackend(settings.index_path())
    if not settings.elasticsearch_url:
        raise ConfigError("GOVNEWS_SEARCH_BACKEND=elasticsearch needs ELASTICSEARCH_URL (`govnews es start` runs "
                          "a local node and prints it)")
    from search.elastic.backend import ElasticsearchBackend

    return ElasticsearchBackend(settings)
