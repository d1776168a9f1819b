"""Runs a crawl in this process (Scrapy's reactor runs once per process: callers that need more
than one crawl, like ``govnews demo``, start ``govnews crawl`` as a child process)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings as ScrapySettings

from crawlers import settings as default_settings
from crawlers.spiders.news import NewsSpider


def crawl(start_urls: list[str], output: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Crawl from ``start_urls``, writing raw articles to ``output`` as JSON Lines; returns crawl stats."""
    settings = ScrapySettings()
    settings.setmodule(default_settings, priority="project")
    settings.set("FEEDS", {str(output): {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
                 priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=False)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, start_urls=start_urls)
    process.start()
    return dict(crawler.stats.get_stats()) if crawler.stats else {}
