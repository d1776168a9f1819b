"""The ingest orchestrator: raw articles → records → store → index, in batches.

Reads like a table of contents on purpose; each step lives in its own module. Bad articles are
reported and skipped; a failing store or index stops the run with the batches before it kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from govnews.errors import InputError
from govnews.records import ArticleRecord, RawArticle, content_hash
from pipeline.process import ArticleProcessor, prepared

if TYPE_CHECKING:
    from govnews.store import Store
    from search.backend import SearchBackend

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    stored: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def ingest(items: Iterable[RawArticle | InputError], processor: ArticleProcessor, store: Store,
           index: SearchBackend | None, *, batch_size: int = 32, force: bool = False,
           on_item: Callable[[], None] | None = None) -> BatchReport:
    """Process and store every item; ``InputError`` items (from readers) are reported like bad articles."""
    report = BatchReport()
    batch: list[ArticleRecord] = []

    def flush() -> None:
        if batch:
            store.upsert(batch)
            if index is not None:
                index.index(batch)
            report.stored += len(batch)
            batch.clear()

    for chunk in _chunks(items, batch_size):
        # Check, clean and fingerprint the whole chunk first: one store query per chunk, not per article.
        ready: list[tuple[RawArticle, tuple[str, str, str]]] = []
        for item in chunk:
            try:
                if isinstance(item, InputError):
                    raise item
                ready.append((item, prepared(item, processor.settings)))
            except InputError as exc:
                _skip(report, exc, on_item)
        stored = {} if force else store.fingerprints([parts[0] for _, parts in ready])
        for raw, parts in ready:
            try:
                if stored.get(parts[0]) == (content_hash(parts[1], parts[2]), processor.extractor.models):
                    report.unchanged += 1  # same text, same models: re-processing would change nothing
                else:
                    batch.append(processor.process(raw, parts))
            except InputError as exc:
                _skip(report, exc, None)
            if on_item:
                on_item()
        flush()
    return report


def _skip(report: BatchReport, error: InputError, on_item: Callable[[], None] | None) -> None:
    report.errors.append(str(error))
    log.warning("skipped %s", error)
    if on_item:
        on_item()


def _chunks(items: Iterable[RawArticle | InputError], size: int) -> Iterator[list[RawArticle | InputError]]:
    chunk: list[RawArticle | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
