"""The exported tables' columns, read from ``columns.csv``: one source for writers, schemas and the data dictionary.

In the data file, table ``*`` marks provenance columns every table carries and ``~`` those every table built from
mentions carries (all but ``articles``). ``python -m govnews.export.columns`` prints ``docs/data-dictionary.md``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

TYPES = {
    "string": "text",
    "int": "64-bit integer",
    "float": "64-bit float",
    "datetime": "timestamp with zone (Asia/Ho_Chi_Minh)",
    "list": "list of text (CSV and XLSX: joined with \"; \")",
}
TABLES = ("officials", "official_titles", "agencies", "organizations", "locations", "figures", "targets",
          "documents", "mentions", "articles")
TABLE_NOTES = {
    "officials": "One row per canonical person seen in office in the selected articles.",
    "official_titles": "The long format of `officials`: one row per person × title (with its organisation) × "
                       "period seen.",
    "agencies": "One row per canonical state body (ministries, departments, people's committees, party bodies).",
    "organizations": "One row per canonical organisation that is not a state body.",
    "locations": "One row per canonical place.",
    "figures": "One row per figure (a number with its unit) mentioned.",
    "targets": "One row per goal clause (a target with its deadline, value and owner).",
    "documents": "One row per canonical legal or policy document cited.",
    "mentions": "One row per mention of any type: the raw material of every other table.",
    "articles": "One row per selected article.",
}
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


def render_dictionary() -> str:
    """``docs/data-dictionary.md``, generated so that it cannot drift from what the writers write."""
    lines = [
        "# Data dictionary of `govnews export`",
        "",
        "Generated from `govnews/export/columns.csv` by `python -m govnews.export.columns`; do not edit by hand.",
        "",
        "Every table carries provenance: `article_id`, `url` and `published_at` of the article a row comes from and,",
        "for tables built from mentions, the `start`/`end` offsets of the mention in the article's title + newline +",
        "text and the `sentence` around it. Entity tables (one row per canonical entity) give the provenance of the",
        "entity's earliest mention in the selection. Filters select articles; tables are built from the mentions",
        "in the selected articles only, so counts and first/last seen dates are those of the selection.",
        "",
        "Types: " + "; ".join(f"`{name}` {meaning}" for name, meaning in TYPES.items()) + ". Empty cells "
        "(CSV), blank cells (XLSX), `null` (JSON Lines, Parquet) mean unknown.",
    ]
    for table in TABLES:
        lines += ["", f"## {table}", "", TABLE_NOTES[table], "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in columns(table)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_dictionary(), end="")
