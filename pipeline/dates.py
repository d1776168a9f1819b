"""Dates: publication dates of pages (``parse_published``) and date mentions in text (``find_dates``).

Mention values are ISO 8601 and only as precise as the text: ``13/3`` → ``--03-13``; when the article's
publication date is known the implicit year is resolved into ``resolved`` (``2024-03-13``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache

from govnews.records import VN_TZ, Entity
from pipeline.gazetteer import alternatives, read_lines

_FULL = re.compile(r"(?<![\w/])(?:ngày )?(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?![\w/])")
_WORDS_FULL = re.compile(r"(?<!\w)ngày (\d{1,2}) tháng (\d{1,2})(?: năm ((?:19|20)\d{2}))?(?!\w)")
_DAY_RANGE = re.compile(r"(?<![\w/])(?:ngày )?(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?![\w/])")
_DAY_MONTH = re.compile(r"(?<![\w/,.-])(?:[Nn]gày )?(\d{1,2})(?P<sep>[/.-])(\d{1,2})(?![\w/]|[.,-]\d)")
_MONTH_YEAR = re.compile(r"(?<!\w)[Tt]háng (\d{1,2})(?:/| năm )((?:19|20)\d{2})(?![\w/])")
_PERIOD = re.compile(
    r"(?<!\w)(?:giai đoạn |thời kỳ |niên khóa |nhiệm kỳ )?((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})(?!\w)")
_YEAR = re.compile(r"(?<!\w)[Nn]ăm ((?:19|20)\d{2})(?![\w/])")
_HORIZON_YEAR = re.compile(r"(?<=\b(?:đến|tới) )((?:19|20)\d{2})(?![\w/])|(?<=tầm nhìn )((?:19|20)\d{2})(?![\w/])")
_MONTH = re.compile(r"(?<!\w)[Tt]háng (\d{1,2})(?![\d/]|[.,-]\d)(?! năm)")
_QUARTER = re.compile(r"(?<!\w)[Qq]uý (I{1,3}|IV|[1-4])(?:(?:/| năm )((?:19|20)\d{2}))?(?![\w/])")
QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Words that make a bare "13/3" a date rather than a fraction or a rank.
_DAY_CUES = ("ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "đến", "tới", "và", "(")


def find_dates(text: str, published: datetime | None = None,
               taken: list[tuple[int, int]] | None = None) -> list[Entity]:
    taken = list(taken or [])
    found: list[Entity] = []

    def add(start: int, end: int, value: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        attrs: dict[str, object] = {"value": value}
        resolved = _resolve(value, published)
        if resolved and resolved != value:
            attrs["resolved"] = resolved
        found.append(Entity("date", text[start:end], start, end, attrs))
        taken.append((start, end))

    for m in _FULL.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}")
    for m in _WORDS_FULL.finditer(text):
        d, mo = int(m.group(1)), int(m.group(2))
        y = int(m.group(3)) if m.group(3) else None
        if _valid(y or 2000, mo, d):
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}")
    for m in _DAY_RANGE.finditer(text):
        d1, d2, mo = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(2000, mo, d1) and _valid(2000, mo, d2) and d1 < d2 and _cued(text, m):
            add(m.start(), m.end(), f"--{mo:02d}-{d1:02d}/--{mo:02d}-{d2:02d}")
    for m in _DAY_MONTH.finditer(text):
        d, mo = int(m.group(1)), int(m.group(3))
        # "13/3" needs a cue ("ngày", "sáng", "từ") unless written with a slash; "3.3" and "9-4" always do.
        if _valid(2000, mo, d) and _cued(text, m) and not _share(text, m):
            add(m.start(), m.end(), f"--{mo:02d}-{d:02d}")
    for m in _QUARTER.finditer(text):
        q = QUARTERS[m.group(1)]
        first, last = 3 * q - 2, 3 * q
        year = f"{m.group(2)}-" if m.group(2) else "--"
        add(m.start(), m.end(), f"{year}{first:02d}/{year}{last:02d}")
    for m in _MONTH_YEAR.finditer(text):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            add(m.start(), m.end(), f"{y:04d}-{mo:02d}")
    for m in _PERIOD.finditer(text):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if y1 < y2:
            add(m.start(), m.end(), f"{y1}/{y2}")
    for m in _YEAR.finditer(text):
        add(m.start(), m.end(), m.group(1))
    for m in _HORIZON_YEAR.finditer(text):  # "tầm nhìn đến 2050"
        add(m.start(), m.end(), m.group(0))
    for m in _MONTH.finditer(text):
        mo = int(m.group(1))
        if 1 <= mo <= 12:
            add(m.start(), m.end(), f"--{mo:02d}")
    found.sort(key=lambda e: e.start)
    return found


def _cued(text: str, match: re.Match[str]) -> bool:
    if match.group(0).lower().startswith("ngày"):
        return True
    before = text[max(0, match.start() - 8) : match.start()].strip().lower()
    return before.endswith(_DAY_CUES)


@cache
def _share_after() -> re.Pattern[str]:
    return re.compile(rf" (?:{alternatives(read_lines('fraction_partitives.txt'))})(?!\w)")


def _share(text: str, match: re.Match[str]) -> bool:
    """``và 1/4 diện tích``: a share of a whole, not the first of April."""
    return match.group("sep") == "/" and not match.group(0).lower().startswith("ngày") and bool(
        _share_after().match(text, match.end()))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve(value: str, published: datetime | None) -> str | None:
    """``--03-13`` → ``2024-03-13`` using the publication date (a date far after it is last year's)."""
    if published is None or not value.startswith("--") or "/" in value:
        return None
    if len(value) == 4:  # "--12": a month of the publication year
        return f"{published.year:04d}{value[1:]}"
    month, day = int(value[2:4]), int(value[5:7])
    year = published.year
    if not _valid(year, month, day):
        return None
    if date(year, month, day) > published.date() + timedelta(days=31):
        year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- publication dates of pages ------------------------------------------------------------------------

_PUB_NUMERIC = re.compile(
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})(?:\D{1,4}?(?P<H>\d{1,2})[:hg](?P<M>\d{2}))?")
_PUB_TIME_FIRST = re.compile(
    r"(?P<H>\d{1,2})[:hg](?P<M>\d{2})\D{1,5}?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})")
_PUB_WORDS = re.compile(r"ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})")


def parse_published(value: str | None) -> datetime | None:
    """A publication date as pages and feeds write it, in Asia/Ho_Chi_Minh when no zone is given.

    Accepts ISO 8601 (``2024-03-14T08:30:00+07:00``) and Vietnamese page formats:
    ``Thứ Tư, 25/01/2017 06:15``, ``Cập nhật: 22-11-2026 14:05``, ``13:45 | 22/11/2026``,
    ``ngày 27/6/2024``, ``ngày 27 tháng 6 năm 2024``.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed.replace(tzinfo=VN_TZ) if parsed.tzinfo is None else parsed
    for pattern in (_PUB_TIME_FIRST, _PUB_NUMERIC, _PUB_WORDS):
        m = pattern.search(value)
        if not m:
            continue
        parts = m.groupdict()
        try:
            return datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), int(parts.get("H") or 0),
                            int(parts.get("M") or 0), tzinfo=VN_TZ)
        except ValueError:
            continue
    return None
