"""The generic news spider: from a start URL, follow the site's own links and collect every article.

Pages are recognised as articles by what they contain (``og:type=article``, or a dated body long enough
to be one on a page that is not mostly links and teaser headings), not by URL patterns, so a new portal
needs no profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.selector import Selector

from crawlers.article import parse_article
from govnews.records import VN_TZ, RawArticle
from govnews.urls import canonical_url, site_of

MIN_ARTICLE_CHARS = 400  # a page with a date but a shorter body is a list page or a stub
MAX_LINK_DENSITY = 0.25  # list pages are a third links; articles (with menus and related boxes) far less
MAX_LINKED_HEADINGS = 2  # teaser lists put a linked heading on every item


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, start_urls: str | list[str] = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        urls = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls)
        self.start_urls = [u.strip() for u in urls if u.strip()]
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls})
        # Filtered by host here: LinkExtractor's allow_domains does not match IP hosts with a port.
        self.links = LinkExtractor(deny_extensions=IGNORED_EXTENSIONS, canonicalize=False, unique=True)
        self.seen: set[str] = set()

    async def start(self) -> Any:
        for url in self.start_urls:
            yield scrapy.Request(canonical_url(url), callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if not _is_html(response):
            return
        article = self.article(response)
        if article is not None:
            yield article
        for link in self.links.extract_links(response):
            url = canonical_url(link.url)
            if self.on_site(url) and url not in self.seen:
                self.seen.add(url)
                yield response.follow(url, callback=self.parse)

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def article(self, response: Response) -> RawArticle | None:
        raw = parse_article(response.text, response.url)
        if raw is None:
            return None
        og_type = response.xpath("//meta[@property='og:type']/@content").get("")
        if og_type != "article" and (raw.published is None or len(raw.text) < MIN_ARTICLE_CHARS
                                     or _looks_like_list(response.selector)):
            return None
        raw.url = canonical_url(response.url)
        raw.site = site_of(response.url)
        raw.fetched_at = datetime.now(VN_TZ).isoformat(timespec="seconds")
        return raw


def _looks_like_list(page: Selector) -> bool:
    text = " ".join(" ".join(page.xpath("//body//text()").getall()).split())
    links = " ".join(" ".join(page.xpath("//body//a//text()").getall()).split())
    linked_headings = len(page.xpath("//*[self::h2 or self::h3 or self::h4][.//a]"))
    return linked_headings > MAX_LINKED_HEADINGS or len(links) > MAX_LINK_DENSITY * max(len(text), 1)


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    return "html" in content_type and hasattr(response, "text")
