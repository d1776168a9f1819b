"""Vietnamese number parsing: ``.`` groups thousands, ``,`` marks decimals, words scale.

Ambiguous spellings (``1.2.3.4``, ``1,234.5``, ``,,5``) are refused (``None``) rather than guessed.
"""

from __future__ import annotations

import re

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "nghìn tỷ": 1e12, "ngàn tỷ": 1e12,
          "nghìn tỉ": 1e12, "ngàn tỉ": 1e12}

# 327.000 | 6,5 | 1.234.567,89 | 12 — grouped thousands must be groups of exactly three digits.
_VN_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
# Beyond 15 significant digits a float no longer holds the number exactly: such a number is refused, not rounded.
MAX_DIGITS = 15


def parse_number(text: str) -> float | None:
    """Value of a Vietnamese-formatted number, or ``None`` when it is malformed or ambiguous."""
    text = text.strip()
    if not _VN_NUMBER.match(text):
        return None
    integer, _, decimal = text.partition(",")
    if len((integer.replace(".", "") + decimal).lstrip("0")) > MAX_DIGITS:
        return None
    value = float(integer.replace(".", "") + ("." + decimal if decimal else ""))
    return value


def as_number(value: float) -> int | float:
    """Integers stay integers in JSON (327000, not 327000.0), and a scale's binary rounding is undone
    (541,32 tỷ is 541320000000, not 541320000000.00006): no figure has more than MAX_DIGITS digits."""
    value = float(f"{value:.{MAX_DIGITS}g}")
    return int(value) if value.is_integer() and abs(value) < 2**63 else value


# "140,000 m2", "2,000 người": commas grouping zeros are English thousands; no Vietnamese writer gives a decimal
# ",000". Other English groupings ("2,653") stay ambiguous: a Vietnamese decimal or an English thousand.
_ROUND_ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,000)+")


def parse_figure_number(text: str) -> float | None:
    """:func:`parse_number`, and round English thousands read as what they unambiguously are."""
    if _ROUND_ENGLISH_THOUSANDS.fullmatch(text.strip()):
        return float(text.strip().replace(",", ""))
    return parse_number(text)


def english_thousands(text: str) -> bool:
    """Whether ``text`` groups thousands with commas the English way (read by :func:`parse_figure_number`)."""
    return _ROUND_ENGLISH_THOUSANDS.fullmatch(text.strip()) is not None
