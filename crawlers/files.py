"""Raw articles from files: JSON Lines (one article per line) or a folder of HTML and text files.

Each bad input (a line that is not JSON, a file that is not UTF-8, a page with no article) is yielded
as an :class:`~govnews.errors.InputError` in its place, so the batch reports it and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from crawlers.article import parse_article
from govnews.errors import InputError
from govnews.records import RawArticle

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_path(path: Path, max_bytes: int) -> Iterator[RawArticle | InputError]:
    """Articles from a ``.jsonl`` file, a single HTML/text file, or every such file under a folder."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in (".jsonl", ".ndjson"):
                yield from read_jsonl(child, max_bytes)
            elif child.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES:
                yield read_file(child, max_bytes)
        return
    if not path.exists():
        yield InputError(str(path), "no such file or folder")
    elif path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        yield from read_jsonl(path, max_bytes)
    else:
        yield read_file(path, max_bytes)


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawArticle | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                data = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield InputError(source, "line is not UTF-8 text")
                continue
            except ValueError as exc:
                yield InputError(source, f"malformed JSON ({exc.msg} at column {exc.colno})")
                continue
            yield from_json(data, source, max_bytes)


def from_json(data: object, source: str, max_bytes: int) -> RawArticle | InputError:
    if not isinstance(data, dict):
        return InputError(source, "expected a JSON object with url, title and text")
    for key in ("url", "title", "text", "html", "published", "site", "author"):
        if data.get(key) is not None and not isinstance(data[key], str):
            return InputError(source, f"field {key!r} must be a string")
    if not data.get("url"):
        return InputError(source, "missing 'url'")
    if not data.get("text") and data.get("html"):
        html = data["html"]
        if len(html.encode("utf-8")) > max_bytes:
            return InputError(source, f"html is {len(html.encode('utf-8')) / 1e6:.1f} MB, over the "
                                      f"{max_bytes / 1e6:.0f} MB limit")
        parsed = parse_article(html, data["url"])
        if parsed is None:
            return InputError(source, "no article found in the HTML")
        data = {**parsed.to_dict(), **{k: v for k, v in data.items() if v and k != "html"}}
    return RawArticle.from_dict(data, source=source)


def read_file(path: Path, max_bytes: int) -> RawArticle | InputError:
    """An HTML page (URL from its canonical link, else file://) or a text file whose first line is the title."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return InputError(source, "not UTF-8 text")
    except OSError as exc:
        return InputError(source, f"cannot read: {exc.strerror}")
    if "\x00" in content:
        return InputError(source, "binary file, not text")
    url = path.resolve().as_uri()
    if path.suffix.lower() in HTML_SUFFIXES:
        parsed = parse_article(content, _canonical_link(content) or url)
        if parsed is None:
            return InputError(source, "no article found in the HTML")
        parsed.source = source
        return parsed
    title, _, text = content.lstrip("\ufeff").partition("\n")
    return RawArticle(url=url, title=title.strip(), text=text, source=source)


def _canonical_link(html: str) -> str | None:
    from lxml import html as lxml_html

    try:
        links = lxml_html.fromstring(html).xpath("//link[@rel='canonical']/@href")
    except (ValueError, lxml_html.etree.ParserError):
        return None
    return str(links[0]) if links and "://" in str(links[0]) else None
