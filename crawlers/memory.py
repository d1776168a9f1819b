"""What one crawl knows from earlier crawls, shared by the conditional-request middleware and the item
pipelines of that crawl: the seen-page state from the store, the HTTP validators of pages fetched now,
and the near-duplicate index. Pages are written back every ``FLUSH_EVERY`` articles and at the end, so
a crawl killed mid-way loses at most that many updates (the articles themselves are in the output)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crawlers.near_duplicates import NearDuplicateIndex
from govnews.store import Store
from govnews.store.crawl_state import CrawlStateStore, PageState

FLUSH_EVERY = 100


class CrawlMemory:
    def __init__(self, state_url: str | None, threshold: float, sites: Callable[[], list[str]]) -> None:
        self.state_url = state_url
        self.sites = sites  # the crawl's sites, known once the spider exists
        self.threshold = threshold
        self.index = NearDuplicateIndex(threshold)
        self.pages: dict[str, PageState] = {}
        self.dirty: dict[str, PageState] = {}
        self.validators: dict[str, tuple[str | None, str | None]] = {}  # page id → (ETag, Last-Modified) seen now
        self._store: CrawlStateStore | None = None
        self._loaded = False

    @property
    def enabled(self) -> bool:
        """Whether earlier crawls are remembered (a store is configured for incremental crawling)."""
        return self.state_url is not None

    def load(self) -> None:
        """Read the pages of the crawl's sites from the store, once."""
        if self._loaded:
            return
        self._loaded = True
        if self.state_url is None:
            return
        self._store = CrawlStateStore(Store(self.state_url))
        self.pages = self._store.pages(self.sites())
        for page in self.pages.values():
            if page.minhash and not page.duplicate_of:
                self.index.add_values(page.url, page.minhash)

    def update(self, page_id: str, url: str, site: str, **fields: Any) -> PageState:
        page = self.pages.get(page_id) or PageState(page_id, url, site)
        for key, value in fields.items():
            setattr(page, key, value)
        self.pages[page_id] = page
        self.dirty[page_id] = page
        if len(self.dirty) >= FLUSH_EVERY:
            self.flush()
        return page

    def flush(self) -> None:
        if self._store is not None and self.dirty:
            self._store.save_pages(list(self.dirty.values()))
        self.dirty.clear()


def memory_of(crawler: Any) -> CrawlMemory:
    """The crawl's one memory, created on first use and kept on the crawler (not in a module global)."""
    memory = getattr(crawler, "govnews_memory", None)
    if memory is None:
        memory = CrawlMemory(crawler.settings.get("GOVNEWS_STATE_URL"),
                             crawler.settings.getfloat("GOVNEWS_NEAR_DUPLICATE_THRESHOLD", 0.7),
                             lambda: list(getattr(crawler.spider, "sites", [])))
        crawler.govnews_memory = memory
    return memory
