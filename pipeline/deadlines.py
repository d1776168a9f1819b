"""Deadlines of goals: the year a horizon phrase sets (``đến năm 2030``, ``giai đoạn 2021-2025``,
``trước năm 2021`` → 2020, ``trong năm 2025``, ``tầm nhìn đến 2050``).

The horizon words and how each is read are in ``data/target_horizons.csv``. A goal takes the horizon of its
own clause, else the nearest one before it in its sentence, else one after it, else the horizon of a dated
plan stated in one of the two sentences before it (that plan's own period, not its longer-term vision), else
the horizon of the plan that governs its paragraph, list or section (:mod:`pipeline.governing`), else the year it is
to start (``từ ngày 1/7/2026``). Horizons that name no year (``năm nay``, ``cuối năm``, ``trong quý III``,
``năm tới``; ``data/target_relative_horizons.csv``) are read against the year of publication.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from pipeline.gazetteer import alternatives, read_csv, read_lines

_YEAR = r"(?:19|20)\d{2}"
# A period's end: "giai đoạn 2021-2025", "2026 - 2030", "nhiệm kỳ 2020–2025".
_PERIOD = re.compile(rf"(?<![\w/])(?:(?:giai đoạn|thời kỳ|nhiệm kỳ)\s+)?{_YEAR}\s?[-–—]\s?(?P<year>{_YEAR})(?![\w/])",
                     re.IGNORECASE)
# A year as written after a horizon word: "năm 2030", "hết năm 2025", "2030", "31/12/2025", "quý IV/2025",
# "tháng 8-2026", "30.6.2026".
_WHEN = (rf"(?:(?:hết|cuối|giữa|đầu)\s+)?(?:(?:năm|ngày)\s+)?"
         rf"(?P<date>(?:\d{{1,2}}[/.-])?\d{{1,2}}[/.-]|(?:quý|tháng)\s+\w+[/-])?(?P<year>{_YEAR})(?![\w/]|[.,]\d)")
_RANGE_START = re.compile(r"(?<!\w)từ\s+(?:ngày\s+)?\d{1,2}(?:[/.-]\d{1,2})?\s+$", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"(?<![\w/])năm\s+(?P<year>{_YEAR})(?![\w/]|[.,]\d)", re.IGNORECASE)
_PAST = re.compile(r"(?<!\w)(?:đã|vừa)(?!\w)", re.IGNORECASE)
# Horizons that date a plan (its own period), as opposed to a vision or a bare year.
PLAN_KINDS = ("until", "before", "period")
# … and those that may date the goals stated after them: also a plan's own year ("Kế hoạch năm 2021").
DATED_PLAN_KINDS = (*PLAN_KINDS, "plan")


@dataclass(frozen=True, slots=True)
class Horizon:
    year: int  # the deadline the phrase sets
    kind: str  # until | before | within | vision | period | from | plan ("kế hoạch năm 2021") | year ("năm 2024")
    start: int
    end: int
    month: int | None = None  # the month it falls in, when written ("tháng 5/2026", "30/6/2026", "quý II/2026")

    def passed(self, published: tuple[int, int | None] | None) -> bool:
        """Over when the article was published (year, month): "Đến tháng 5/2026" in July 2026 reports a result."""
        if published is None:
            return False
        year, month = published
        return self.year < year or (self.year == year and None not in (self.month, month) and self.month < month)


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {r["phrase"]: r["kind"] for r in read_csv("target_horizons.csv")}
    return re.compile(rf"(?<!\w)(?P<phrase>{alternatives(kinds)})\s+{_WHEN}", re.IGNORECASE), kinds


@cache
def _plan_before() -> re.Pattern[str]:
    """A plan noun a few words before a bare year: "Kế hoạch (chuyển đổi số) năm 2021" is that plan's year."""
    nouns = alternatives(read_lines("target_plan_nouns.txt"))
    return re.compile(rf"(?<!\w)(?:{nouns})(?:\s+[^\s,;:.()]+){{0,5}}?\s+$", re.IGNORECASE)


@cache
def _relative() -> tuple[re.Pattern[str], dict[str, int], re.Pattern[str]]:
    offsets = {r["phrase"].lower(): int(r["offset"]) for r in read_csv("target_relative_horizons.csv")}
    # Not when a year follows ("cuối năm 2025", "quý III/2025": read from the year), nor "năm học", "năm sau đó".
    pattern = re.compile(rf"(?<!\w)(?:{alternatives(offsets)})(?!\w)"
                         rf"(?!\s*[/-]?\s*(?:năm\s+)?{_YEAR}|\s+(?:học|đó|ấy|qua|trước|ngoái))", re.IGNORECASE)
    plural = re.compile(rf"(?<!\w)(?:{alternatives(read_lines('target_plural_quantifiers.txt'))}|\d+)\s+$",
                        re.IGNORECASE)
    return pattern, offsets, plural


def relative_horizons(text: str, start: int, end: int, year: int | None) -> list[Horizon]:
    """Horizons without a year (``năm nay``, ``cuối năm``, ``trong quý III``, ``năm tới``) as years counted from
    ``year``, the year of publication; none when it is unknown. Kind ``current``."""
    if year is None:
        return []
    pattern, offsets, plural = _relative()
    found = []
    for m in pattern.finditer(text, start, end):
        offset = offsets[m.group(0).lower()]
        if offset and plural.search(text, max(0, m.start() - 12), m.start()):
            continue  # "những năm tới": several years
        found.append(Horizon(year + offset, "current", m.start(), m.end()))
    return found


_HEADER_DATE = re.compile(rf"(?<!\d)(?:(?P<iso>{_YEAR})-(?P<month>\d{{2}})(?:-\d{{2}})?"
                          rf"|\d{{1,2}}[/.-](?P<dmonth>\d{{1,2}})[/.-](?P<dmy>{_YEAR}))(?!\d)")
HEADER_CHARS = 200  # how far into a text its dateline may be ("Thứ Tư, 25/01/2017 06:15", a feed's "2025-06")


def publication_year(text: str, published: datetime | None) -> int | None:
    """The year an article was published: ``published``, else the full date of its dateline at the top."""
    when = publication_date(text, published)
    return when[0] if when else None


def publication_date(text: str, published: datetime | None) -> tuple[int, int | None] | None:
    """(year, month) an article was published: ``published``, else the full date of its dateline at the top."""
    if published is not None:
        return published.year, published.month
    m = _HEADER_DATE.search(text, 0, HEADER_CHARS)
    if m is None:
        return None
    return int(m.group("iso") or m.group("dmy")), int(m.group("month") or m.group("dmonth"))


_ROMAN_QUARTERS = {"i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _month(date: str | None) -> int | None:
    """The month of a horizon's date part: "30/6/" → 6, "tháng 5/" → 5, "quý II/" → 6 (its last month)."""
    if not date:
        return None
    words = date.lower().rstrip("/-.").replace(".", "/").replace("-", "/").split()
    if words[0] == "quý":
        return _ROMAN_QUARTERS.get(words[-1])
    number = words[-1].split("/")[-1]
    return int(number) if number.isdigit() and 1 <= int(number) <= 12 else None


def horizons(text: str, start: int = 0, end: int | None = None) -> list[Horizon]:
    """The horizon phrases in ``text[start:end]``, in order; years that are only compared with are left out."""
    end = len(text) if end is None else end
    pattern, kinds = _phrases()
    found: list[Horizon] = []
    taken: list[tuple[int, int]] = []
    for m in _PERIOD.finditer(text, start, end):
        before = text[max(0, m.start() - 8) : m.start()].lower()
        if not re.search(r"(?:từ|so với)\s*$", before):
            found.append(Horizon(int(m.group("year")), "period", m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in pattern.finditer(text, start, end):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        kind = kinds[m.group("phrase").lower()]
        taken.append((m.start(), m.end()))
        if kind == "start" or (kind == "until" and _RANGE_START.search(text, max(0, m.start() - 20), m.start())):
            continue  # "từ ngày 18 đến 25.4.2026": the dates of an event, not a deadline
        year = int(m.group("year"))
        if kind == "before" and not m.group("date"):
            year -= 1  # "trước năm 2021": by the end of 2020
        found.append(Horizon(year, kind, m.start(), m.end(), _month(m.group("date"))))
    for m in _BARE_YEAR.finditer(text, start, end):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            kind = "plan" if _plan_before().search(text, max(0, m.start() - 60), m.start()) else "year"
            found.append(Horizon(int(m.group("year")), kind, m.start(), m.end()))
    return sorted(found, key=lambda h: h.start)


def clause_deadline(text: str, clause: tuple[int, int], sentence: tuple[int, int],
                    earlier: list[tuple[int, int]], year: int | None = None,
                    governing: Callable[[], int | None] | None = None) -> int | None:
    """The deadline of the goal clause ``text[clause]`` inside ``text[sentence]``; ``earlier`` are the
    sentences before it that may state its plan (the two before it), nearest last; ``year`` the year of
    publication; ``governing`` the horizon of the plan over its paragraph, list or section, asked for last."""
    def dated(start: int, end: int) -> list[Horizon]:
        return sorted(horizons(text, start, end) + relative_horizons(text, start, end, year), key=lambda h: h.start)

    inside = [h for h in dated(*clause) if h.kind != "from"]
    if inside:
        return max(h.year for h in inside)
    before = [h for h in dated(sentence[0], clause[0])  # not a past year: "Năm 2023, tỉnh đã …; …"
              if h.kind != "from" and (h.kind not in ("year", "current") or not _PAST.search(text, h.end, clause[0]))]
    if before:
        return before[-1].year
    after = [h for h in dated(clause[1], sentence[1]) if h.kind != "from"]
    if after:
        return after[0].year
    for span in reversed(earlier):
        plan = [h for h in horizons(text, *span) if h.kind in DATED_PLAN_KINDS]
        if plan:
            return plan[0].year
    scheduled = [h for h in horizons(text, *sentence) if h.kind == "from"]  # "… triển khai từ ngày 1/7/2026"
    if scheduled:
        return scheduled[0].year
    return governing() if governing is not None else None
