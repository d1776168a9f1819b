"""Runs a crawl in this process (Scrapy's reactor runs once per process: callers that need more
than one crawl, like ``govnews demo`` and ``govnews schedule``, start ``govnews crawl`` as a child process)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings as ScrapySettings

from crawlers import settings as default_settings
from crawlers.profiles import Profile
from crawlers.spiders.news import NewsSpider


@dataclass
class CrawlResult:
    stats: dict[str, Any]
    failed_starts: dict[str, str] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return int(self.stats.get("response_received_count", 0))

    @property
    def articles(self) -> int:
        return int(self.stats.get("item_scraped_count", 0))

    @property
    def errors(self) -> int:
        return int(self.stats.get("log_count/ERROR", 0))


def crawl(start_urls: list[str], output: Path, overrides: dict[str, Any] | None = None,
          profiles: list[Profile] | None = None, append: bool = False) -> CrawlResult:
    """Crawl from ``start_urls`` and ``profiles``, writing raw articles to ``output`` as JSON Lines."""
    settings = ScrapySettings()
    settings.setmodule(default_settings, priority="project")
    settings.set("GOVNEWS_OUTPUT", str(output), priority="cmdline")
    settings.set("GOVNEWS_OUTPUT_APPEND", append, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the CLI's handler prints the logs
    process = CrawlerProcess(settings)
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL", "INFO"))
    # An unreachable host's robots.txt is logged with a full traceback; the start URL's own failure is
    # reported in one line by the spider, so the traceback says nothing more.
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, start_urls=start_urls, profiles=profiles or [])
    process.start()
    spider = crawler.spider
    return CrawlResult(dict(crawler.stats.get_stats()) if crawler.stats else {},
                       dict(getattr(spider, "failed_starts", {})))
