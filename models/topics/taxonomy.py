"""The topic ids of the contract (``shared/spec/extraction.md``), read from ``taxonomy.csv``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def topic_ids() -> tuple[str, ...]:
    with resources.files("models.topics").joinpath("taxonomy.csv").open(encoding="utf-8") as handle:
        return tuple(row["id"] for row in csv.DictReader(handle))
