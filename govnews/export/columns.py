"""The exported tables' columns, read from ``columns.csv``: one source for writers, schemas and the data dictionary.

In the data file, table ``*`` marks provenance columns every table carries and ``~`` those every table built from
mentions carries (all but ``articles``). ``govnews.export.dictionary`` renders the data dictionary from it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

TYPES = {
    "string": "text (Parquet string)",
    "int": "whole number (Parquet int64, XLSX number)",
    "float": "number (Parquet double, XLSX number)",
    "datetime": "time with zone Asia/Ho_Chi_Minh (Parquet timestamp[us, tz], XLSX date-time in local time, "
                "CSV and JSON ISO 8601)",
    "list": "list of text (Parquet list<string>, JSON array; CSV and XLSX joined with \"; \")",
}
TABLES = ("officials", "official_titles", "agencies", "organizations", "locations", "figures", "targets",
          "documents", "mentions", "articles")
SHARED = "*"
SPAN = "~"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    description: str


@cache
def _rows() -> tuple[dict[str, str], ...]:
    text = (resources.files("govnews.export") / "columns.csv").read_text(encoding="utf-8")
    rows = tuple(csv.DictReader(io.StringIO(text)))
    unknown = {r["type"] for r in rows} - TYPES.keys()
    if unknown:
        raise ValueError(f"columns.csv: unknown column types {sorted(unknown)}")
    return rows


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` in output order: its own, then provenance (for ``articles``, provenance first)."""
    if table not in TABLES:
        raise KeyError(table)

    def of(scope: str) -> list[Column]:
        return [Column(r["column"], r["type"], r["description"]) for r in _rows() if r["table"] == scope]

    if table == "articles":
        return (*of(SHARED), *of(table))
    return (*of(table), *of(SHARED), *of(SPAN))

