"""One HTML page → one raw article: title, publication date and time, author, lead, body paragraphs and
image captions (kept apart from the body).

trafilatura finds the body and drops boilerplate. The fields it gets wrong on Vietnamese portals are read
from the page itself: the title from the page's one ``<h1>``; the publication time from the page's
metadata (``article:published_time``, JSON-LD ``datePublished``) and then from the first Vietnamese date
line *after the title* (portals show today's date in their header and dates in related-news boxes);
the byline from a short right-aligned or ``author``-classed line. A site profile's selectors, when
given, come before all of these.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from crawlers.profiles import Profile
from govnews.records import RawArticle
from pipeline.dates import parse_published
from pipeline.normalize import clean_text

MIN_BODY_CHARS = 200  # less than this is a list page, a stub or an error page, not an article
MIN_PARAGRAPHS = 2  # an article body has several paragraphs; a teaser has one
MAX_BYLINE_CHARS = 80  # a byline is a name or an agency, not a sentence
MAX_LINK_DENSITY = 0.25  # list pages are a third links; articles (with menus and related boxes) far less
MAX_LINKED_HEADINGS = 2  # teaser lists put a linked heading on every item
DATE_SEARCH_CHARS = 1500  # the date line sits near the title, not at the bottom of the page
_HINTS = tomllib.loads((resources.files("crawlers") / "page_hints.toml").read_text(encoding="utf-8"))
_META_DATES: list[str] = _HINTS["meta_dates"]
# "Thứ Tư, 25/01/2017 06:15", "Cập nhật: 22-11-2026 14:05", "13:45 | 22/11/2026", "ngày 27/6/2024".
_DATE_LINE = re.compile(r"(?:\d{1,2}:\d{2}\D{1,5})?\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}"
                        r"(?:\D{1,4}\d{1,2}[:hg]\d{2})?")
_CLASS = "translate(concat(@class,' ',@id),'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"


def _class_xpath(fragments: list[str], having: str = "@class or @id", extra: str = "") -> str:
    tests = " or ".join(f"contains({_CLASS},'{fragment}')" for fragment in fragments)
    return f"//*[{having}][{tests}{extra}]"


_LEAD_XPATH = _class_xpath(_HINTS["lead_classes"])
_BYLINE_XPATH = _class_xpath(_HINTS["byline_classes"], "@class or @id or @align or @style",
                             " or @align='right' or contains(@style,'right')")
_CAPTION_XPATH = "//figcaption | " + _class_xpath(_HINTS["caption_classes"])
_TEXT_NODES = "//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
_SITE_SEPARATORS: list[str] = _HINTS["site_separators"]
_BYLINE_PREFIX = re.compile(r"^(?:" + "|".join(map(re.escape, _HINTS["byline_prefixes"])) + r")\s*:?\s*",
                            re.IGNORECASE)


@dataclass(slots=True)
class _Page:
    """The parsed page and the flattened text the date and byline searches run over."""

    tree: lxml_html.HtmlElement
    text: str


def parse_article(html: str, url: str, profile: Profile | None = None, *,
                  reject_lists: bool = False) -> RawArticle | None:
    """The article on ``html``, or ``None`` when the page holds no article.

    With ``reject_lists`` (the spider), a page with no article body of its own that looks like a list
    of teasers is refused before trafilatura runs on it: crawls meet far more list pages than articles.
    """
    try:
        page = _parse(html)
    except (ValueError, ParserError):
        return None
    selectors = profile.selectors if profile else {}
    captions = _unique(clean_text(_text(el)) for el in page.tree.xpath(_CAPTION_XPATH))
    paragraphs = _profile_body(page.tree, selectors.get("body"), selectors.get("remove", []))
    if paragraphs is None:
        paragraphs = _paragraph_container(page.tree)
    doc = None
    if paragraphs is None and reject_lists and not _declared_article(page.tree) and looks_like_list(page):
        return None
    if paragraphs is None:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, include_formatting=False)
        if doc is None or doc.body is None:
            return None
        paragraphs = [p for p in (clean_text(_text(el)) for el in _blocks(doc.body)) if p]
    title = _title(page.tree, selectors.get("title"), doc.title if doc else _head_title(page.tree))
    caption_set = set(captions)
    paragraphs = [p for p in paragraphs if p != title and p not in caption_set]
    author = _byline(page, title, selectors.get("author")) or _clean_author(doc.author if doc else None)
    if paragraphs and author and _same_byline(paragraphs[-1], author):
        paragraphs = paragraphs[:-1]
    lead = _lead(page.tree, selectors.get("lead"))
    if lead and lead not in paragraphs:
        paragraphs.insert(0, lead)
    text = clean_text("\n".join(paragraphs))
    if len(text) < MIN_BODY_CHARS:
        return None
    published = _published(page, title, selectors.get("date"), doc.date if doc else None)
    return RawArticle(url=url, title=title, text=text, published=published, author=author, site=None,
                      lead=lead, captions=captions or None)


def _parse(html: str) -> _Page:
    tree = lxml_html.fromstring(html)
    # NFC and single spaces are all the date and title searches need (clean_text on a whole page is slow).
    text = unicodedata.normalize("NFC", " ".join(" ".join(tree.xpath(_TEXT_NODES)).split()))
    return _Page(tree, text)


def looks_like_list(page: _Page) -> bool:
    """Teaser lists put a linked heading on every item, and their text is mostly link text."""
    links = sum(len(" ".join(t.split())) for t in page.tree.xpath("//body//a//text()"))
    linked_headings = len(page.tree.xpath("//*[self::h2 or self::h3 or self::h4][.//a]"))
    return linked_headings > MAX_LINKED_HEADINGS or links > MAX_LINK_DENSITY * max(len(page.text), 1)


def _declared_article(tree) -> bool:  # type: ignore[no-untyped-def]
    return "article" in tree.xpath("//meta[@property='og:type']/@content")


def _profile_body(tree, selector: str | None, remove: list[str]) -> list[str] | None:  # type: ignore[no-untyped-def]
    if not selector:
        return None
    nodes = tree.cssselect(selector)
    if not nodes:
        return None
    for css in remove:
        for junk in nodes[0].cssselect(css):
            junk.drop_tree()
    blocks = nodes[0].xpath(".//p | .//h2 | .//h3 | .//li | .//tr[not(.//tr)]")
    return [p for p in (clean_text(_text(el)) for el in blocks) if p] or None


def _paragraph_container(tree) -> list[str] | None:  # type: ignore[no-untyped-def]
    """The paragraphs of the element whose own ``<p>`` children hold the most prose (not link text).

    On old table-layout portals trafilatura keeps whole layout tables; the article body is nearly always
    one element with several ``<p>`` children, while list pages give each teaser its own container.
    """
    best, best_score = None, 0
    for parent in {p.getparent() for p in tree.xpath("//body//p") if p.getparent() is not None}:
        score, count = 0, 0
        for child in parent.iterchildren("p"):
            text = _text(child)
            linked = sum(len(_text(a)) for a in child.iter("a"))
            if len(text) >= 40 and linked < 0.3 * len(text):
                score, count = score + len(text), count + 1
        if count >= MIN_PARAGRAPHS and score > best_score:
            best, best_score = parent, score
    if best is None or best_score < MIN_BODY_CHARS:
        return None
    blocks = best.xpath("./p | ./h2 | ./h3 | ./h4 | ./blockquote | ./ul/li | ./div[not(.//p)] | ./div//p")
    return [p for p in (clean_text(_text(el)) for el in blocks) if p] or None


def _title(tree, selector: str | None, fallback: str | None) -> str:  # type: ignore[no-untyped-def]
    candidates = tree.cssselect(selector) if selector else tree.xpath("//body//h1")
    for node in candidates:
        text = " ".join(clean_text(_text(node)).split())
        if len(text) >= 10:
            return text
    return " ".join(clean_text(fallback or "").split())


def _head_title(tree) -> str | None:  # type: ignore[no-untyped-def]
    """og:title or <title>, without the site name portals append after a separator."""
    values = tree.xpath("//meta[@property='og:title']/@content") or tree.xpath("//title/text()")
    if not values:
        return None
    title = " ".join(clean_text(str(values[0])).split())
    head, separator, _site = max((title.rpartition(s) for s in _SITE_SEPARATORS), key=lambda parts: len(parts[0]))
    return head if separator and len(head) >= 10 else title


def _lead(tree, selector: str | None) -> str | None:  # type: ignore[no-untyped-def]
    nodes = tree.cssselect(selector) if selector else tree.xpath(_LEAD_XPATH)
    for node in nodes:
        if node.tag in ("meta", "head", "html", "body"):
            continue
        text = " ".join(clean_text(_text(node)).split())
        if 40 <= len(text) <= 1000 and not node.xpath(".//a"):
            return text
    return None


def _byline(page: _Page, title: str, selector: str | None) -> str | None:
    nodes = page.tree.cssselect(selector) if selector else page.tree.xpath(_BYLINE_XPATH)
    for node in nodes:
        if node.tag in ("meta", "table", "body", "html") or node.xpath(".//a[@href]"):
            continue
        author = _clean_author(_text(node))
        if author and len(author) <= MAX_BYLINE_CHARS and not author.endswith((".", ":")) and author != title:
            return author
    return None


def _clean_author(author: str | None) -> str | None:
    if not author:
        return None
    author = _BYLINE_PREFIX.sub("", " ".join(clean_text(author).split()))
    return author or None


def _same_byline(paragraph: str, author: str) -> bool:
    return _BYLINE_PREFIX.sub("", paragraph).strip(" ()") == author


def _published(page: _Page, title: str, selector: str | None, fallback_day: str | None) -> str | None:
    if selector:
        for node in page.tree.cssselect(selector):
            if (match := _DATE_LINE.search(clean_text(_text(node)))) and (parsed := parse_published(match.group(0))):
                return parsed.isoformat()
    for xpath in _META_DATES:
        for value in page.tree.xpath(xpath):
            if parsed := parse_published(str(value)):
                return parsed.isoformat()
    for script in page.tree.xpath("//script[@type='application/ld+json']/text()"):
        if (value := _json_ld_date(script)) and (parsed := parse_published(value)):
            return parsed.isoformat()
    start = page.text.find(title) + len(title) if title and title in page.text else 0
    for match in _DATE_LINE.finditer(page.text, start, start + DATE_SEARCH_CHARS):
        if parsed := parse_published(match.group(0)):
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


def _blocks(body):  # type: ignore[no-untyped-def]
    for element in body:
        if element.tag in ("list", "table"):
            yield from (child for child in element.iter("item", "row"))
        else:
            yield element


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join("".join(element.itertext()).split())


def _unique(items: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
