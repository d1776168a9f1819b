"""Figures: money, percentages, ranks and counts, with Vietnamese number formats resolved.

``327.000 tỷ đồng`` → 327 000 000 000 000 VND; ``6,5%`` → 6.5 %; ``thứ 2/63`` → rank 2;
``hơn 7.300 doanh nghiệp`` → 7300 ``doanh nghiệp`` (more_than). Numbers that are part of dates,
document numbers or names are left alone, and malformed numbers are never given a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from govnews.records import Entity
from pipeline.gazetteer import read_csv
from pipeline.numbers import SCALES, as_number, parse_number

_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_YEAR_IN_SENTENCE = re.compile(r"(?:năm|Năm) ((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")

NounAfter = Callable[[int], tuple[int, str] | None]
_RANK_LIST = re.compile(r"(?:,\s*|\s+và\s+)(?P<rank>\d{1,3})(?![\w/%.,]\d*)")
_FRACTION = re.compile(r"(?<!\w)(?:(?P<qual>khoảng|gần|hơn|chiếm|trên) )(?P<n>\d{1,2})/(?P<d>[2-9]|10)(?![\w/])")
_SCORE = re.compile(r"(?<![\w.,])0,\d{3,}(?!\w|[.,]\d)")
_ORDINAL_NOT_RANK = re.compile(r"(?:lần|kỳ họp|phiên|khóa|khoá|đợt|Đại hội)\s*$", re.IGNORECASE)
# Spelled-out counts ("hai huyện", "ba nhóm chỉ tiêu"); "một" (also "a") and "năm" (also "year") are left out.
SPELLED = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_SPELLED_WORDS = "|".join([*SPELLED, *(w.capitalize() for w in SPELLED)])
SPELLED_NUMBER = re.compile(rf"(?<!\w)(?P<num>{_SPELLED_WORDS}) (?=\w)")


class FigureFinder:
    """Finds figures; the unit and qualifier tables come from ``pipeline/data``."""

    @cached_property
    def _units(self) -> dict[str, tuple[str, float]]:
        return {r["spelling"]: (r["unit"], float(r["factor"])) for r in read_csv("units.csv")}

    @cached_property
    def _qualifiers(self) -> dict[str, str]:
        return {r["word"]: r["qualifier"] for r in read_csv("qualifiers.csv")}

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        quals = "|".join(sorted(map(re.escape, self._qualifiers), key=len, reverse=True))
        units = "|".join(sorted(map(re.escape, self._units), key=len, reverse=True))
        return re.compile(
            rf"(?<![\w.,/-])(?:(?P<qual>{quals}) )?(?P<num>{_NUM})(?:\s?[-–]\s?(?P<num2>{_NUM}))?"
            rf"(?:(?P<pct>\s?%)|(?:\s?(?P<unit>{units}))(?![\w²³])|(?: (?P<scale>{_SCALE}))(?![\w]))?"
            rf"(?![\w/]|[.,]\d)"
        )

    def find(self, text: str, taken: list[tuple[int, int]], noun_after: NounAfter | None = None) -> list[Entity]:
        found: list[Entity] = []
        for m in re.finditer(r"(?<!\w)(?:xếp |đứng )?(?P<word>thứ|top|Top) (?P<rank>\d+)(?:/(?P<of>\d+))?(?![\w/])",
                             text):
            start = m.start("word")
            if _ORDINAL_NOT_RANK.search(text[max(0, start - 12) : start]):
                taken = [*taken, (start, m.end())]  # "lần thứ 18", "kỳ họp thứ 10": which session, not a rank
                continue
            if not _overlaps(start, m.end(), taken):
                found.append(self._entity(text, start, m.end(), int(m.group("rank")), "rank", None))
                taken = [*taken, (start, m.end())]
                # A list of ranks: "xếp thứ 22, 10, 10 và 37" is four ranks.
                for more in _RANK_LIST.finditer(text, m.end()):
                    if more.start() != taken[-1][1]:
                        break
                    number = more.group("rank")
                    found.append(self._entity(text, more.start("rank"), more.end("rank"), int(number), "rank", None))
                    taken = [*taken, (more.start(), more.end())]
        for m in self._pattern.finditer(text):
            if _overlaps(m.start("num"), m.end(), taken):
                continue
            value = parse_number(m.group("num"))
            if value is None:
                continue  # malformed or ambiguous (1.2.3.4, 1,234.5): no value rather than a wrong one
            start = m.start("qual") if m.group("qual") else m.start("num")
            qualifier = self._qualifiers.get(m.group("qual") or "")
            end, unit = m.end(), None
            if m.group("pct"):
                unit = "%"
            elif m.group("unit"):
                unit, factor = self._units[m.group("unit")]
                value *= factor
            else:
                if m.group("scale"):
                    value *= SCALES[m.group("scale")]
                noun = noun_after(m.end()) if noun_after else None
                if noun is None:
                    continue  # a bare number is not a figure we can name
                end, unit = noun
                if _is_year(m.group("num"), unit):
                    continue
            extra = {"upper": as_number(parse_number(m.group("num2")) or 0)} if m.group("num2") else {}
            found.append(self._entity(text, start, end, value, unit, qualifier, **extra))
            taken = [*taken, (start, end)]
        for m in _FRACTION.finditer(text):  # "khoảng 1/3 doanh nghiệp"
            if not _overlaps(m.start(), m.end(), taken):
                start = m.start() if m.group("qual") != "chiếm" else m.start("n")
                qualifier = self._qualifiers.get(m.group("qual"))
                found.append(self._entity(text, start, m.end(), int(m.group("n")) / int(m.group("d")), "fraction",
                                          qualifier))
                taken = [*taken, (start, m.end())]
        for m in _SCORE.finditer(text):  # an index score: "giá trị 0,4843"
            if not _overlaps(m.start(), m.end(), taken):
                found.append(self._entity(text, m.start(), m.end(), parse_number(m.group(0)) or 0.0, "score", None))
                taken = [*taken, (m.start(), m.end())]
        for m in SPELLED_NUMBER.finditer(text):
            noun = noun_after(m.end("num")) if noun_after else None
            if noun is None or _overlaps(m.start(), noun[0], taken):
                continue
            found.append(self._entity(text, m.start(), noun[0], SPELLED[m.group("num").lower()], noun[1], None))
            taken = [*taken, (m.start(), noun[0])]
        found.sort(key=lambda e: e.start)
        return found

    @staticmethod
    def _entity(text: str, start: int, end: int, value: float, unit: str, qualifier: str | None,
                **extra: object) -> Entity:
        sentence_start = max(_last_match_end(_SENTENCE_END, text[:start]), 0)
        sentence_end = _SENTENCE_END.search(text, end)
        sentence = text[sentence_start : sentence_end.start() if sentence_end else len(text)]
        year = _YEAR_IN_SENTENCE.search(sentence)
        attrs = {"value": as_number(value), "unit": unit, "qualifier": qualifier, "measure": None,
                 "year": int(year.group(1)) if year else None, **extra}
        return Entity("figure", text[start:end], start, end, attrs)


def _last_match_end(pattern: re.Pattern[str], text: str) -> int:
    last = -1
    for last_match in pattern.finditer(text):
        last = last_match.end()
    return last


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _is_year(number: str, unit: str) -> bool:
    return len(number) == 4 and number.startswith(("19", "20")) and unit in ("năm", "tháng")
