"""The crawl's JSON Lines output, one article per line, each line flushed as it is written.

Scrapy's feed exports buffer their file, so a crawl killed with SIGKILL loses the articles still in the
buffer, while its job folder already counts their pages as done. Here every line reaches the operating
system at once; when a crawl resumes into the same file (``append``), a torn last line is cut off and
articles already in the file are not written again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import DropItem

from govnews.records import RawArticle

FIELDS = ("url", "title", "published", "author", "text", "site", "lead", "captions", "duplicate_of", "fetched_at")


class JsonLinesOutputPipeline:
    def __init__(self, path: Path | None, append: bool, stats: Any) -> None:
        self.path = path
        self.append = append
        self.stats = stats
        self.written: set[str] = set()
        self.handle: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> JsonLinesOutputPipeline:
        path = crawler.settings.get("GOVNEWS_OUTPUT")
        return cls(Path(path) if path else None, crawler.settings.getbool("GOVNEWS_OUTPUT_APPEND"), crawler.stats)

    def open_spider(self, spider: Any = None) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.append and self.path.exists():
            self.written = _urls_in(self.path)
        self.handle = self.path.open("a" if self.append else "w", encoding="utf-8")

    def close_spider(self, spider: Any = None) -> None:
        if self.handle is not None:
            self.handle.close()

    def process_item(self, item: RawArticle, spider: Any = None) -> RawArticle:
        if self.handle is None:
            return item
        if item.url in self.written:
            self.stats.inc_value("govnews/already_in_output")
            raise DropItem(f"already in {self.path}: {item.url}", log_level="DEBUG")
        data = item.to_dict()
        line = json.dumps({k: data[k] for k in FIELDS if data.get(k) is not None}, ensure_ascii=False)
        self.handle.write(line + "\n")
        self.handle.flush()
        self.written.add(item.url)
        return item


def _urls_in(path: Path) -> set[str]:
    """URLs already written; a last line torn by a kill is removed first."""
    content = path.read_bytes()
    if content and not content.endswith(b"\n"):
        content = content[: content.rfind(b"\n") + 1]
        path.write_bytes(content)
    urls = set()
    for line in content.decode("utf-8", errors="replace").splitlines():
        try:
            urls.add(json.loads(line)["url"])
        except (ValueError, KeyError, TypeError):
            continue
    return urls
