"""The generic news spider: from a start URL, find every article of the site and nothing else.

Links come from the pages themselves (menus, category lists, pagination), from the sitemaps named in
robots.txt (or ``/sitemap.xml``), and from the RSS/Atom feeds pages advertise. Every URL is canonicalised
before it is requested, so tracking parameters, print views and session ids never make a second copy.
Pages are recognised as articles by what they contain (``og:type=article``, or a dated body long enough
to be one on a page that is not mostly links and teaser headings), not by URL patterns, so a new portal
needs no profile; a profile (``crawlers/profiles``) adds start URLs, sitemaps and selectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload
from scrapy.http import Response
from scrapy.linkextractors import IGNORED_EXTENSIONS

from crawlers.article import parse_article
from crawlers.discovery import advertised_feeds, feed_links, looks_like_feed, robots_sitemaps, sitemap_entries
from crawlers.profiles import Profile, profile_for
from govnews.records import VN_TZ, RawArticle
from govnews.urls import canonical_url, site_of

MIN_ARTICLE_CHARS = 400  # a page with a date but a shorter body is a list page or a stub
WANTED_TYPES = ("html", "xml", "rss", "atom")  # anything else (PDF, images, Office files) is not downloaded
# Links to files are not followed at all (Scrapy's list of non-page extensions), checked on the path only.
_SKIPPED_FILE = re.compile(r"\.(?:" + "|".join(re.escape(e) for e in IGNORED_EXTENSIONS) + r")(?:[?#]|$)",
                           re.IGNORECASE)


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, start_urls: str | list[str] = "", profiles: list[Profile] | None = None,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        urls = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls)
        self.profiles = {p.name: p for p in profiles or []}
        self.start_urls = [u.strip() for u in urls if u.strip()]
        self.start_urls += [u for p in self.profiles.values() for u in p.start_urls]
        self.sites = sorted({site_of(u) for u in self.start_urls})
        self.seen: set[str] = set()  # canonical URLs requested
        self.links_seen: set[str] = set()  # absolute links met on pages, before canonicalisation
        self.failed_starts: dict[str, str] = {}  # start URL → why it could not be fetched

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_headers, signal=signals.headers_received)
        return spider

    def on_headers(self, headers: Any, body_length: int, request: scrapy.Request, spider: scrapy.Spider) -> None:
        """Stop downloading a response that is not a page, a sitemap or a feed as soon as its headers say so."""
        content_type = headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if request.url.endswith("/robots.txt"):  # text/plain, read by Scrapy's robots.txt middleware and by us
            return
        if getattr(request.callback, "__name__", "") in ("parse_sitemap", "parse_feed"):
            return  # sitemaps come gzipped (application/x-gzip), feeds as text/plain
        if content_type and not any(t in content_type for t in WANTED_TYPES):
            self.crawler.stats.inc_value("govnews/skipped_not_html")
            raise StopDownload(fail=False)

    async def start(self) -> Any:
        for url in self.start_urls:
            yield scrapy.Request(canonical_url(url), callback=self.parse, errback=self.start_failed,
                                 meta={"start_url": url})
            yield scrapy.Request(urljoin(url, "/robots.txt"), callback=self.parse_robots, errback=self.no_robots,
                                 meta={"dont_obey_robotstxt": True}, dont_filter=True)
        for profile in self.profiles.values():
            for sitemap in profile.sitemaps:
                yield self.request(sitemap, self.parse_sitemap)

    def start_failed(self, failure: Any) -> None:
        url = failure.request.meta.get("start_url", failure.request.url)
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else str(failure.value).rstrip(".")
        self.failed_starts[url] = reason
        self.logger.error("start URL %s: %s", url, reason)

    def request(self, url: str, callback: Any) -> scrapy.Request:
        return scrapy.Request(canonical_url(url), callback=callback)

    # -- discovery ----------------------------------------------------------------------------------

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        sitemaps = robots_sitemaps(response.body, response.url) or [urljoin(response.url, "/sitemap.xml")]
        for url in sitemaps:
            if self.on_site(url):
                yield self.request(url, self.parse_sitemap)

    def no_robots(self, failure: Any) -> Iterator[scrapy.Request]:
        """No robots.txt (an HTTP error): try the conventional sitemap; an unreachable host is reported once."""
        if getattr(failure.value, "response", None) is not None:
            yield self.request(urljoin(failure.request.url, "/sitemap.xml"), self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        kind, urls = sitemap_entries(response.body)
        for url in urls:
            if kind == "sitemapindex":
                if self.on_site(url):
                    yield self.request(url, self.parse_sitemap)
            else:
                yield from self.follow(url)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        for url in feed_links(response.body):
            yield from self.follow(urljoin(response.url, url))

    def follow(self, url: str) -> Iterator[scrapy.Request]:
        url = canonical_url(url)
        if self.on_site(url) and url not in self.seen:
            self.seen.add(url)
            yield scrapy.Request(url, callback=self.parse)

    # -- pages --------------------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        if not hasattr(response, "text"):
            if looks_like_feed(response.body):
                yield from self.parse_feed(response)
            return
        self.seen.add(canonical_url(response.url))
        article = self.article(response)
        if article is not None:
            yield article
        for feed in advertised_feeds(response.selector):
            feed_url = canonical_url(response.urljoin(feed))
            if self.on_site(feed_url) and feed_url not in self.seen:
                self.seen.add(feed_url)
                yield scrapy.Request(feed_url, callback=self.parse_feed)
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href.strip())
            if url in self.links_seen:  # menus repeat on every page: canonicalise each link once
                continue
            self.links_seen.add(url)
            if url.startswith(("http://", "https://")) and not _SKIPPED_FILE.search(url):
                yield from self.follow(url)

    def on_site(self, url: str) -> bool:
        site = site_of(url)
        host, _, port = site.partition(":")
        for allowed in self.sites:
            allowed_host, _, allowed_port = allowed.partition(":")
            if port == allowed_port and (host == allowed_host or host.endswith("." + allowed_host)):
                return True
        return False

    def article(self, response: Response) -> RawArticle | None:
        profile = profile_for(response.url, self.profiles)
        raw = parse_article(response.text, response.url, profile, reject_lists=True)
        if raw is None:
            return None
        og_type = response.xpath("//meta[@property='og:type']/@content").get("")
        if og_type != "article" and (raw.published is None or len(raw.text) < MIN_ARTICLE_CHARS):
            return None
        raw.url = canonical_url(response.url)
        raw.site = site_of(response.url)
        raw.fetched_at = datetime.now(VN_TZ).isoformat(timespec="seconds")
        return raw
