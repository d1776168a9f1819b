"""The data dictionary of the exported tables (``docs/data-dictionary.md``), generated from ``columns.csv``."""

from __future__ import annotations

from govnews.export.columns import TABLES, TYPES, columns

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


def render_dictionary() -> str:
    """``docs/data-dictionary.md``, generated so that it cannot drift from what the writers write."""
    lines = [
        "# Data dictionary of `govnews export`",
        "",
        "Generated from `govnews/export/columns.csv` by `python -m govnews.export.dictionary`; do not edit by hand.",
        "",
        "Every table carries provenance: `article_id`, `url` and `published_at` of the article a row comes from and,",
        "for tables built from mentions, the `start`/`end` offsets of the mention in the article's title + newline +",
        "text and the `sentence` around it. Entity tables (one row per canonical entity) give the provenance of the",
        "entity's earliest mention in the selection. Filters select articles; tables are built from the mentions",
        "in the selected articles only, so counts and first/last seen dates are those of the selection.",
        "",
        "Types (empty cells in CSV, blank cells in XLSX and `null` in JSON Lines and Parquet mean unknown):",
        "",
        *(f"- `{name}`: {meaning}" for name, meaning in TYPES.items()),
    ]
    for table in TABLES:
        lines += ["", f"## {table}", "", TABLE_NOTES[table], "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.type} | {c.description} |" for c in columns(table)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_dictionary(), end="")
