"""What an export reads: the selected articles, a chunk at a time, and their mentions with the sentence around each.

Filters are the search filters (:class:`~search.query.SearchQuery`) and select articles through the search index,
exactly as ``/search`` does; with no filter every stored article is read straight from the store. Nothing holds a
cursor open between chunks, so a consumer may pause (a slow HTTP client) without pinning the database.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from govnews.store import Store
from pipeline.segment import split_sentences
from search.backend import SearchBackend
from search.query import SearchQuery

CHUNK_ARTICLES = 200
FILTERS = ("q", "site", "province", "topic", "entity", "entity_type", "date_from", "date_to")


@dataclass(slots=True)
class Selection:
    """The articles an export reads: how many, and a way to page through their ids in id order."""

    total: int
    page: Callable[[str, int], list[str]]

    def chunks(self, size: int = CHUNK_ARTICLES) -> Iterator[list[str]]:
        after = ""
        while ids := self.page(after, size):
            yield ids
            after = ids[-1]


def is_filtered(query: SearchQuery | None) -> bool:
    return query is not None and any(getattr(query, name) for name in FILTERS)


def select_articles(store: Store, query: SearchQuery | None, index: SearchBackend | None = None) -> Selection:
    """Every stored article, or (when ``query`` filters) those the search index matches.

    Raises:
        QuerySyntaxError: the query text cannot be searched.
    """
    if not is_filtered(query):
        return Selection(store.count(), store.article_ids)
    assert query is not None and index is not None, "a filtered export needs the search index"
    total = index.search(query.model_copy(update={"page": 1, "size": 1})).total
    return Selection(total, partial(index.match_ids, query))


class Article:
    """An article's metadata and document (``title + "\\n" + text``), split into sentences on first need."""

    __slots__ = ("id", "url", "site", "province", "province_current", "published_at", "doc", "_starts", "_spans")

    def __init__(self, row: Any) -> None:
        self.id: str = row.id
        self.url: str = row.url
        self.site: str = row.site
        self.province: str | None = row.province
        self.province_current: str | None = row.province_current
        self.published_at: datetime | None = row.published_at
        self.doc: str = f"{row.title}\n{row.text}"
        self._starts: list[int] | None = None
        self._spans: list[tuple[int, int]] = []

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence(s) holding ``start:end`` (a clause may run across a sentence break)."""
        if self._starts is None:
            self._spans = [(s.start, s.end) for s in split_sentences(self.doc)]
            self._starts = [s for s, _ in self._spans]
        first = bisect_right(self._starts, start) - 1
        last = bisect_right(self._starts, max(start, end - 1)) - 1
        if first < 0:
            return start, end
        return self._spans[first][0], max(end, self._spans[last][1])

    def sentence(self, start: int, end: int) -> str:
        s, e = self.sentence_span(start, end)
        return self.doc[s:e]


def iter_mentions(store: Store, selection: Selection, types: Sequence[str] | None = None,
                  on_chunk: Callable[[int], None] | None = None) -> Iterator[tuple[Any, Article]]:
    """``(mention row, its article)`` for every mention (of ``types``) in the selection, article by article."""
    for ids in selection.chunks():
        articles = {row.id: Article(row) for row in store.article_rows(ids)}
        for mention in store.mention_rows(ids, types):
            yield mention, articles[mention.article_id]
        if on_chunk:
            on_chunk(len(ids))
