"""Numbers written in words (``hai mươi lăm``, ``ba trăm linh năm``, ``hai nghìn``), read by the grammar of
Vietnamese number words in ``data/spelled_numbers.csv``. A run of number words that breaks that grammar gets no
value: a count read wrong is worse than a count left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pipeline.gazetteer import alternatives, read_csv


@cache
def _words() -> dict[str, tuple[int, str]]:
    return {row["word"]: (int(row["value"]), row["role"]) for row in read_csv("spelled_numbers.csv")}


@cache
def _other_meaning() -> frozenset[str]:
    return frozenset(row["word"] for row in read_csv("spelled_numbers.csv") if row["other_meaning"])


@cache
def spelled_run() -> re.Pattern[str]:
    """Two or more number words in a row, opening with a digit or ``mười`` (possibly capitalised: it may open a
    sentence)."""
    words = _words()
    openers = [w for w, (_, role) in words.items() if role in ("digit", "ten")]
    first = alternatives([*openers, *(w.capitalize() for w in openers)])
    return re.compile(rf"(?<!\w)(?:{first})(?:\s+(?:{alternatives(words)}))+(?!\w)")


def number_runs(text: str) -> Iterator[tuple[int, int, int | None]]:
    """Start, end and value (``None``: not one well-formed number) of each run of number words. A run that
    opens with a word of another meaning and does not parse is read without that word (``năm hai dự án``:
    the year, then two projects); what is left of one word is not a run."""
    pattern = spelled_run()
    position = 0
    while (m := pattern.search(text, position)) is not None:
        value = parse_spelled(m.group(0))
        first = m.group(0).split()[0]
        if value is None and first.lower() in _other_meaning():
            position = m.start() + len(first)
            continue
        yield m.start(), m.end(), value
        position = m.end()


def parse_spelled(text: str) -> int | None:
    """Value of a run of number words, or ``None`` when the run is not one well-formed number."""
    table = _words()
    total, group, digit, previous, largest = 0, 0, None, "", 0
    for word in text.lower().split():
        if word not in table:
            return None
        value, role = table[word]
        if role in ("digit", "after_tens"):
            if digit is not None or (role == "after_tens" and previous not in ("mươi", "mười")):
                return None  # "hai ba", "lăm" alone
            digit = value
        elif role == "tens":  # "hai mươi": the digit before counts tens
            if digit is None or digit < 2 or group % 100:
                return None
            group, digit = group + digit * 10, None
        elif role == "ten":
            if digit is not None or group % 100:
                return None
            group += 10
        elif role == "hundred":
            if digit is None or group:
                return None
            group, digit = digit * 100, None
        elif role == "zero_tens":
            if previous != "trăm":
                return None
        else:  # a scale: "hai nghìn", "ba trăm nghìn", "năm nghìn tỷ"
            amount = group + (digit or 0)
            if not amount and not total:
                return None
            total = (total + amount) * value if value > largest else total + amount * value
            largest, group, digit = max(largest, value), 0, None
        previous = word
    if previous in ("linh", "lẻ"):
        return None
    return total + group + (digit or 0)
