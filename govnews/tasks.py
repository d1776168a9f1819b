"""User-level tasks shared by the CLI and the demo: they wire the stages together and show progress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crawlers.files import read_path
from govnews.config import Settings
from govnews.errors import ConfigError
from govnews.records import ArticleRecord
from govnews.store import Store
from pipeline.batch import BatchReport, ingest
from pipeline.process import ArticleProcessor
from search.backend import open_backend


def ingest_path(settings: Settings, path: Path, console: Console, *, force: bool = False) -> BatchReport:
    """Read raw articles from ``path`` and run them through the pipeline into the store and the index.

    Raises:
        ServiceError: the store or the index failed; batches stored before the failure are kept.
    """
    items = list(read_path(path, settings.max_page_bytes))
    store = Store(settings.store_url())
    index = open_backend(settings)
    processor = ArticleProcessor(settings)
    try:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("ingest", total=len(items))
            report = ingest(items, processor, store, index, batch_size=settings.batch_size, force=force,
                            on_item=lambda: progress.advance(task))
    finally:
        index.close()
        store.close()
    console.print(f"ingest: {report.stored} stored, {report.unchanged} unchanged, {report.failed} failed "
                  f"(store {settings.store_url()}, index {index.name})", highlight=False)
    return report


def reindex_all(settings: Settings, console: Console, source: str = "store") -> int:
    """Rebuild the search index from the store (or, on Elasticsearch, from the current index when only the
    mapping changed); searches keep answering from the old index until the new one is complete."""
    store = Store(settings.store_url())
    backend = open_backend(settings)
    try:
        if source == "index":
            if backend.name != "elasticsearch":
                raise ConfigError("reindex --source index copies one Elasticsearch index into a new one; "
                                  "the embedded index is rebuilt from the store")
            count = backend.rebuild(None)  # type: ignore[arg-type]
        else:
            with Progress(TextColumn("[bold]reindex"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=console, transient=True) as progress:
                task = progress.add_task("reindex", total=store.count())

                def records() -> Iterator[ArticleRecord]:
                    for record in store.iter_articles():
                        yield record
                        progress.advance(task)

                count = backend.rebuild(records())
    finally:
        backend.close()
        store.close()
    console.print(f"reindex: {count} articles indexed ({backend.name}, from the {source})")
    return count
