"""Item pipelines of the crawl, in order: skip articles whose content has not changed since the last
crawl (incremental crawling), then link near-duplicate copies of a story to the copy seen first.

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

    def close_spider(self, spider: Any = None) -> None:
        self.memory.flush()

    def process_item(self, item: RawArticle, spider: Any = None) -> RawArticle:
        page_id = article_id(item.url)
        digest = content_hash(item.title, item.text)
        known = self.memory.pages.get(page_id)
        etag, last_modified = self.memory.validators.get(page_id, (None, None))
        if known is not None and known.content_hash == digest:
            self.stats.inc_value("govnews/unchanged")
            raise DropItem(f"unchanged since the last crawl: {item.url}", log_level="DEBUG")
        self.stats.inc_value("govnews/changed" if known is not None and known.content_hash else "govnews/new")
        self.memory.update(page_id, item.url, item.site or site_of(item.url), content_hash=digest, etag=etag,
                           last_modified=last_modified)
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
        if self.memory.enabled:
            self.memory.update(article_id(item.url), item.url, item.site or site_of(item.url),
                               minhash=[int(v) for v in minhash.hashvalues], duplicate_of=item.duplicate_of)
        return item
