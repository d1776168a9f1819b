"""Exporting one table: select articles → build rows → write them in batches (a file, or text for the API)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from govnews.export.columns import columns
from govnews.export.source import Selection
from govnews.export.tables import table_rows
from govnews.export.writers import ExportFormat, TableWriter, atomic_path, open_writer
from govnews.store import Store

BATCH_ROWS = 5000


@dataclass(frozen=True, slots=True)
class ExportResult:
    table: str
    rows: int
    path: Path
    size: int  # bytes


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Lists of ``BATCH_ROWS`` rows (``itertools.batched`` needs Python 3.12)."""
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH_ROWS)):
        yield batch


def _pump(rows: Iterable[dict[str, Any]], writer: TableWriter) -> int:
    count = 0
    try:
        for batch in _batches(rows):
            writer.write(batch)
            count += len(batch)
    except BaseException:
        with suppress(Exception):
            writer.close()  # releases the format's own temporary files; the output is discarded anyway
        raise
    writer.close()
    return count


def export_file(store: Store, selection: Selection, table: str, format: ExportFormat, path: Path, *,
                bom: bool = False, on_chunk: Callable[[int], None] | None = None) -> ExportResult:
    """Write ``table`` for the selected articles to ``path``, which appears only once complete.

    Raises:
        OSError: ``path`` cannot be written; nothing is left behind.
        ValueError: the rows do not fit the format (more than an Excel sheet holds).
    """
    rows = table_rows(table, store, selection, on_chunk)
    with atomic_path(path) as temp:
        if format.streams:
            with temp.open("w", encoding="utf-8", newline="") as stream:
                count = _pump(rows, open_writer(format, stream, columns(table), table=table, bom=bom))
        else:
            count = _pump(rows, open_writer(format, temp, columns(table), table=table))
    return ExportResult(table, count, path, path.stat().st_size)


def export_text(store: Store, selection: Selection, table: str, format: ExportFormat, *,
                bom: bool = False) -> Iterator[str]:
    """``table`` as CSV or JSON Lines text, a batch of rows at a time (for a streaming HTTP response)."""
    buffer = io.StringIO()
    writer = open_writer(format, buffer, columns(table), table=table, bom=bom)
    yield buffer.getvalue()  # the header (and BOM), even when no row follows
    for batch in _batches(table_rows(table, store, selection)):
        buffer.seek(0)
        buffer.truncate()
        writer.write(batch)
        yield buffer.getvalue()
