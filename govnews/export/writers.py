"""Table writers, one per format, fed a batch of rows at a time; nothing holds the whole table.

CSV and JSON Lines write to any text stream (a file, or a buffer the API drains as it streams); XLSX (openpyxl's
write-only mode) and Parquet (one row group per batch) write to a path. :func:`atomic_path` makes a file appear only
once it is complete.
"""

from __future__ import annotations

import csv
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Protocol

from govnews.export.columns import Column
from govnews.records import VN_TZ

XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header
XLSX_MAX_CELL = 32_767
LIST_SEPARATOR = "; "


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"
    jsonl = "jsonl"

    @property
    def streams(self) -> bool:
        """Whether the format can be written to a text stream as it goes (else it needs a file)."""
        return self in (ExportFormat.csv, ExportFormat.jsonl)

    @property
    def media_type(self) -> str:
        return {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                "parquet": "application/vnd.apache.parquet",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[self.value]


class TableWriter(Protocol):
    def write(self, rows: Sequence[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


def _text(value: Any, kind: str) -> Any:
    """A value as CSV and XLSX show it: lists joined, datetimes in ISO 8601."""
    if value is None:
        return None
    if kind == "list":
        return LIST_SEPARATOR.join(value)
    if kind == "datetime":
        return value.isoformat()
    return value


class CsvWriter:
    """RFC 4180 CSV in UTF-8; ``bom`` adds the byte-order mark Excel needs to read UTF-8."""

    def __init__(self, stream: IO[str], columns: Sequence[Column], *, bom: bool = False) -> None:
        self.columns = columns
        if bom:
            stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow([c.name for c in columns])

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        spec = [(c.name, c.type) for c in self.columns]
        self.writer.writerows([_text(row.get(name), kind) for name, kind in spec] for row in rows)

    def close(self) -> None:
        pass


class JsonlWriter:
    """One JSON object per line, lists as arrays, datetimes in ISO 8601."""

    def __init__(self, stream: IO[str], columns: Sequence[Column]) -> None:
        self.stream = stream
        self.columns = columns

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        spec = [(c.name, "datetime" if c.type == "datetime" else "") for c in self.columns]
        self.stream.writelines(
            json.dumps({name: _text(row.get(name), kind) for name, kind in spec}, ensure_ascii=False) + "\n"
            for row in rows)

    def close(self) -> None:
        pass


class XlsxWriter:
    """A typed sheet (numbers as numbers, times as Excel dates), header frozen and filterable."""

    def __init__(self, path: Path, columns: Sequence[Column], sheet: str) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font

        self.path, self.columns, self.rows = path, columns, 0
        self.illegal = ILLEGAL_CHARACTERS_RE
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(sheet[:31])
        self.sheet.freeze_panes = "A2"  # written before the rows in write-only mode, so set now
        header = [WriteOnlyCell(self.sheet, value=column.name) for column in columns]
        for cell in header:
            cell.font = Font(bold=True)
        self.sheet.append(header)

    def _cell(self, value: Any, kind: str) -> Any:
        if value is None:
            return None
        if kind == "datetime":
            return value.astimezone(VN_TZ).replace(tzinfo=None)  # Excel has no zones
        if kind in ("string", "list"):
            text = self.illegal.sub("", _text(value, kind))
            return text[:XLSX_MAX_CELL]
        return value

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        self.rows += len(rows)
        if self.rows > XLSX_MAX_ROWS:
            raise ValueError(f"{self.rows:,} rows do not fit in one Excel sheet ({XLSX_MAX_ROWS:,} at most); "
                             "export to csv or parquet, or narrow the selection with filters")
        spec = [(c.name, c.type) for c in self.columns]
        for row in rows:
            self.sheet.append([self._cell(row.get(name), kind) for name, kind in spec])

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows + 1}"
        self.book.save(self.path)


def arrow_schema(columns: Sequence[Column]) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "datetime": pa.timestamp("us", tz=VN_TZ.key), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type]) for c in columns])


class ParquetWriter:
    """Parquet with a typed schema (zoned timestamps, lists of strings), one row group per batch."""

    def __init__(self, path: Path, columns: Sequence[Column]) -> None:
        import pyarrow.parquet as pq

        self.columns = columns
        self.schema = arrow_schema(columns)
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        import pyarrow as pa

        if not rows:
            return
        arrays = [pa.array([row.get(c.name) for row in rows], type=field.type)
                  for c, field in zip(self.columns, self.schema, strict=True)]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def open_writer(format: ExportFormat, target: Path | IO[str], columns: Sequence[Column], *, table: str,
                bom: bool = False) -> TableWriter:
    """The writer of ``format``: text formats take a stream, the others a path."""
    if format is ExportFormat.csv:
        assert not isinstance(target, Path)
        return CsvWriter(target, columns, bom=bom)
    if format is ExportFormat.jsonl:
        assert not isinstance(target, Path)
        return JsonlWriter(target, columns)
    assert isinstance(target, Path)
    if format is ExportFormat.xlsx:
        return XlsxWriter(target, columns, sheet=table)
    return ParquetWriter(target, columns)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed onto it on success and removed on any failure.

    Raises:
        OSError: the folder does not exist or is not writable (raised before anything is written).
    """
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    temp.touch(exist_ok=False)  # fails now, naming the folder, if it cannot be written; permissions follow umask
    try:
        yield temp
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise

