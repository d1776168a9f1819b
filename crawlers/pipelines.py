"""Item pipelines of the crawl, in order (``ITEM_PIPELINES`` in ``crawlers/settings.py``):

1. skip articles whose content has not changed since the last crawl (incremental crawling);
2. link near-duplicate copies of a story to the copy seen first;
3. write the article to the JSON Lines output, flushed at once (``crawlers/output.py``);
4. only then remember it in the crawl state, so a crawl killed between 3 and 4 re-emits the article on
   resume (and the output drops the repeat) instead of losing it.

See https://docs.scrapy.org/en/latest/topics/item-pipeline.html for the contract.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from crawlers.memory import CrawlMemory, memory_of
from crawlers.near_duplicates import signature
from govnews.records import RawArticle, content_hash
from govnews.urls import article_id, site_of


class IncrementalPipeline:
    """Drops an article whose title and text hash to what the store saw last time; counts new and changed."""

    def __init__(self, memory: CrawlMemory, stats: Any) -> None:
        self.memory = memory
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> IncrementalPipeline:
        return cls(memory_of(crawler), crawler.stats)

    def open_spider(self, spider: Any = None) -> None:
        self.memory.load()

    def process_item(self, item: RawArticle, spider: Any = None) -> RawArticle:
        known = self.memory.pages.get(article_id(item.url))
        if known is not None and known.content_hash == content_hash(item.title, item.text):
            self.stats.inc_value("govnews/unchanged")
            raise DropItem(f"unchanged since the last crawl: {item.url}", log_level="DEBUG")
        self.stats.inc_value("govnews/changed" if known is not None and known.content_hash else "govnews/new")
        return item


class NearDuplicatePipeline:
    """Sets ``duplicate_of`` on a story whose body nearly equals one seen before (this crawl or earlier)."""

    def __init__(self, memory: CrawlMemory, stats: Any) -> None:
        self.memory = memory
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> NearDuplicatePipeline:
        return cls(memory_of(crawler), crawler.stats)

    def process_item(self, item: RawArticle, spider: Any = None) -> RawArticle:
        minhash = signature(item.text)
        original = self.memory.index.closest(item.url, minhash)
        if original is not None:
            item.duplicate_of = original
            self.stats.inc_value("govnews/near_duplicates")
        else:
            self.memory.index.add(item.url, minhash)
        return item


class RememberPipeline:
    """Records the written article in the crawl state: content hash, HTTP validators, MinHash, link."""

    def __init__(self, memory: CrawlMemory) -> None:
        self.memory = memory

    @classmethod
    def from_crawler(cls, crawler: Any) -> RememberPipeline:
        return cls(memory_of(crawler))

    def close_spider(self, spider: Any = None) -> None:
        self.memory.flush()

    def process_item(self, item: RawArticle, spider: Any = None) -> RawArticle:
        if not self.memory.enabled:
            return item
        page_id = article_id(item.url)
        etag, last_modified = self.memory.validators.get(page_id, (None, None))
        minhash = self.memory.index.signatures.get(item.url)
        self.memory.update(page_id, item.url, item.site or site_of(item.url),
                           content_hash=content_hash(item.title, item.text), etag=etag, last_modified=last_modified,
                           minhash=[int(v) for v in minhash.hashvalues] if minhash is not None else None,
                           duplicate_of=item.duplicate_of)
        return item
