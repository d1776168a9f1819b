"""Downloader middlewares of the crawl.

Conditional requests: an article fetched before is asked for with ``If-None-Match`` /
``If-Modified-Since``, and a ``304 Not Modified`` ends there, so a scheduled re-crawl downloads only what
is new or changed. List pages are always fetched in full: they are where new articles appear.

Retries with backoff: Scrapy's retry middleware retries at once; a portal answering 5xx or timing out is
usually overloaded, so each retry waits twice as long as the one before (without blocking other requests).
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawlers.memory import CrawlMemory, memory_of
from govnews.urls import article_id


class ConditionalRequestMiddleware:
    def __init__(self, memory: CrawlMemory, stats: Any) -> None:
        self.memory = memory
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestMiddleware:
        return cls(memory_of(crawler), crawler.stats)

    def process_request(self, request: Request, spider: Any = None) -> None:
        if not self.memory.enabled:
            return None
        self.memory.load()
        page = self.memory.pages.get(article_id(request.url))
        if page is None or page.content_hash is None:
            return None
        if page.etag:
            request.headers.setdefault(b"If-None-Match", page.etag.encode("latin-1"))
        if page.last_modified:
            request.headers.setdefault(b"If-Modified-Since", page.last_modified.encode("latin-1"))
        return None

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if not self.memory.enabled:
            return response
        if response.status == 304:
            self.stats.inc_value("govnews/not_modified")
            raise IgnoreRequest(f"not modified: {request.url}")
        if response.status == 200 and (b"ETag" in response.headers or b"Last-Modified" in response.headers):
            self.memory.validators[article_id(request.url)] = (
                response.headers.get(b"ETag", b"").decode("latin-1") or None,
                response.headers.get(b"Last-Modified", b"").decode("latin-1") or None)
        return response




class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, each one ``RETRY_BACKOFF_BASE × 2ⁿ⁻¹`` seconds later (at most ``RETRY_BACKOFF_MAX``)."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 0.5)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)

    async def _wait(self, result: Any) -> Any:
        if isinstance(result, Request):
            attempt = int(result.meta.get("retry_times", 1))
            await asyncio.sleep(min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1)))
        return result

    async def process_response(self, request: Request, response: Response, spider: Any = None) -> Any:  # type: ignore[override]
        return await self._wait(super().process_response(request, response))

    async def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> Any:  # type: ignore[override]
        return await self._wait(super().process_exception(request, exception))
