"""The ingest orchestrator: raw articles → records → store → index, in batches.

Reads like a table of contents on purpose; each step lives in its own module. Bad articles are
reported and skipped; a failing store or index stops the run with the batches before it kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
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

    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            if not force and _unchanged(item, processor, store):
                report.unchanged += 1
                continue
            batch.append(processor.process(item))
        except InputError as exc:
            report.errors.append(str(exc))
            log.warning("skipped %s", exc)
        finally:
            if on_item:
                on_item()
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def _unchanged(raw: RawArticle, processor: ArticleProcessor, store: Store) -> bool:
    """Same text and same models as stored: re-processing would change nothing."""
    record_id, title, text = prepared(raw, processor.settings)
    stored = store.fingerprints([record_id]).get(record_id)
    return stored == (content_hash(title, text), processor.extractor.models)
