"""One HTML page → one raw article: title, publication date and time, author, body paragraphs.

trafilatura finds the body and drops boilerplate; the publication time is read from the page's own
metadata first (``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``) and
then from Vietnamese date lines, because trafilatura keeps only the day.
"""

from __future__ import annotations

import json
import re

import trafilatura
from lxml import html as lxml_html

from govnews.records import RawArticle
from pipeline.dates import parse_published
from pipeline.normalize import clean_text

MIN_BODY_CHARS = 200  # less than this is a list page, a stub or an error page, not an article
_META_DATES = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publishdate']/@content",
    "//meta[@property='og:published_time']/@content",
    "//time[@datetime]/@datetime",
)
_DATE_LINE = re.compile(r"(?:\d{1,2}:\d{2}\D{1,5})?\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?:\D{1,4}\d{1,2}[:hg]\d{2})?")


def parse_article(html: str, url: str) -> RawArticle | None:
    """The article on ``html``, or ``None`` when the page holds no article."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_images=False)
    if doc is None or doc.body is None:
        return None
    paragraphs = [p for p in (clean_text(_text(el)) for el in _blocks(doc.body)) if p]
    title = " ".join(clean_text(doc.title or "").split())
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = clean_text("\n".join(paragraphs))
    if len(text) < MIN_BODY_CHARS:
        return None
    tree = lxml_html.fromstring(html)
    published = _published(tree, doc.date)
    return RawArticle(url=url, title=title, text=text, published=published,
                      author=_author(doc.author), site=None)


def _blocks(body):  # type: ignore[no-untyped-def]
    for element in body:
        if element.tag in ("list", "table"):
            yield from (child for child in element.iter("item", "row"))
        else:
            yield element


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join("".join(element.itertext()).split())


def _author(author: str | None) -> str | None:
    if not author:
        return None
    author = " ".join(clean_text(author).split())
    author = re.sub(r"^(?:Tác giả|Bài và ảnh|Theo)\s*:?\s*", "", author.strip(), flags=re.IGNORECASE)
    return author or None


def _published(tree, fallback_day: str | None) -> str | None:  # type: ignore[no-untyped-def]
    for xpath in _META_DATES:
        for value in tree.xpath(xpath):
            parsed = parse_published(str(value))
            if parsed is not None:
                return parsed.isoformat()
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        value = _json_ld_date(script)
        if value and (parsed := parse_published(value)):
            return parsed.isoformat()
    # A visible date line: "Thứ Tư, 25/01/2017 06:15", "Cập nhật: 22-11-2026 14:05", "13:45 | 22/11/2026".
    for node in tree.xpath("//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'meta')]"):
        match = _DATE_LINE.search(" ".join(node.itertext()))
        if match and (parsed := parse_published(match.group(0))):
            return parsed.isoformat()
    parsed = parse_published(fallback_day)
    return parsed.isoformat() if parsed else None


def _json_ld_date(script: str) -> str | None:
    try:
        data = json.loads(script)
    except ValueError:
        return None
    for item in data if isinstance(data, list) else [data]:
        if isinstance(item, dict):
            for graph_item in item.get("@graph", [item]):
                if isinstance(graph_item, dict) and graph_item.get("datePublished"):
                    return str(graph_item["datePublished"])
    return None
