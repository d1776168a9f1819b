"""Where a site lists its articles besides its pages' links: robots.txt ``Sitemap:`` lines, sitemaps and
sitemap indexes (news sitemaps included), RSS and Atom feeds, and the feed links pages advertise."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from scrapy.selector import Selector
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed sitemap
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/xml")
_FEED_LINKS = "//head/link[@rel='alternate' and ({})]/@href".format(
    " or ".join(f"contains(@type,'{t}')" for t in FEED_TYPES))


def robots_sitemaps(robots_txt: bytes, base_url: str) -> list[str]:
    """Sitemap URLs a robots.txt names."""
    return list(sitemap_urls_from_robots(robots_txt, base_url=base_url))


def sitemap_entries(body: bytes, max_bytes: int = MAX_SITEMAP_BYTES) -> tuple[str, list[str]]:
    """(``"sitemapindex"`` or ``"urlset"``, the ``<loc>`` URLs) of a sitemap, gzipped or not;
    ``("", [])`` if it is not one."""
    if body[:2] == b"\x1f\x8b":  # sitemap.xml.gz
        body = gunzip(body, max_size=max_bytes)
    try:
        sitemap = Sitemap(body)
    except (etree.XMLSyntaxError, ValueError, OSError):
        return "", []
    return sitemap.type, [entry["loc"] for entry in sitemap if entry.get("loc")]


def feed_links(body: bytes) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed."""
    selector = Selector(text=body.decode("utf-8", errors="replace"), type="xml")
    selector.remove_namespaces()
    links = selector.xpath("//item/link/text() | //entry/link[not(@rel) or @rel='alternate']/@href").getall()
    return [link.strip() for link in links if link.strip()]


def advertised_feeds(page: Selector) -> Iterator[str]:
    """Feed URLs a page declares in ``<link rel="alternate">``."""
    yield from page.xpath(_FEED_LINKS).getall()


def looks_like_feed(body: bytes) -> bool:
    head = body[:500].lstrip().lower()
    return bool(re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head))
