"""Places: provinces (old and post-2025 names), countries and regions from the gazetteer, and
districts or communes introduced by an administrative word (``huyện Phú Vang``).

The span is the proper name without the administrative word (``tỉnh Hải Dương`` → ``Hải Dương``),
except ``TP. Hồ Chí Minh``, whose prefix keeps it apart from the person it is named after.
"""

from __future__ import annotations

import re

from govnews.records import Entity
from pipeline.gazetteer import Gazetteer
from pipeline.lexical import ADMIN_WORDS, Coverage, PhraseIndex, Word, scan

MAX_PLACE_WORDS = 5
MAX_LOCAL_NAME_WORDS = 3
LOWER_LEVELS: dict[str, str | None] = {
    "huyện": "district", "quận": "district", "thị xã": "district", "thành phố": "district", "TP": "district",
    "Tp": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune",
    # below a commune the contract has no level: "ấp Mỏ Ó", "thôn Đông", "khu phố 3"
    "ấp": None, "thôn": None, "khu phố": None, "tổ dân phố": None}
# Capitalised at a sentence's or a heading's start: "Quận 1, quận 3 …", "Xã Tân Phú …".
_ADMIN_ANY_CASE = PhraseIndex([*ADMIN_WORDS, *LOWER_LEVELS], fold_case=True)
# "Nậm Đét (Lào Cai):", "cảng Nam Du (Kiên Hải)": a name followed by the province or district it lies in.
_PLACE_IN_BRACKETS = re.compile(r" \(([^()\n]{2,30})\)")


def known_place_at(words: list[Word], i: int, text: str, gaz: Gazetteer, levels: tuple[str, ...] = (),
                   province: str | None = None) -> int:
    """Length in words of the longest gazetteer place starting at word ``i`` (0 if none).

    Regions may start in lowercase (``miền Trung``, ``đồng bằng sông Cửu Long``); districts count only
    when they belong to ``province`` (the article's), since many district names are also common words.
    """
    if i >= len(words) or not words[i].is_word or not gaz.may_start_place(words[i].text):
        return 0
    for n in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
        last = words[i + n - 1]
        if not last.is_word:
            continue
        name = text[words[i].start : last.end]
        place = gaz.place(name)
        if place is None and province and (not levels or "district" in levels):
            place = gaz.district(name, province)
        if place is None or (levels and place.level not in levels):
            continue
        if words[i].is_capitalized or place.level == "region":
            return n
    return 0


def province_in(span: str, gaz: Gazetteer) -> str | None:
    """The province named inside ``span`` (``UBND tỉnh Hải Dương`` → ``Hải Dương``), if any."""
    words = scan(span)
    for i in range(len(words)):
        n = known_place_at(words, i, span, gaz, levels=("province", "district"))
        if n:
            place = gaz.place(span[words[i].start : words[i + n - 1].end])
            if place and place.province:
                return place.province.name
    return None


def find_places(text: str, gaz: Gazetteer, taken: list[tuple[int, int]], province: str | None = None) -> list[Entity]:
    words = scan(text)
    inside = Coverage(taken)
    found: list[Entity] = []
    i = 0
    while i < len(words):
        if inside(words[i]):
            i += 1
            continue
        found_admin = _ADMIN_ANY_CASE.match(words, i, text)
        admin = found_admin[1] if found_admin else 0
        start = i + admin
        n = known_place_at(words, start, text, gaz, province=province)
        if n:
            first, last = words[start], words[start + n - 1]
            name = text[first.start : last.end]
            place = gaz.place(name) or gaz.district(name, province)
            assert place is not None
            span_start = first.start
            if place.canonical == "Thành phố Hồ Chí Minh" and admin:
                span_start = words[i].start  # "TP. Hồ Chí Minh" keeps its prefix
            level = place.level
            if admin and place.level == "province" and words[i].text.lower() in ("huyện", "quận", "xã", "phường"):
                i = start + n  # a district named like a province is still a district; skip rather than guess
                continue
            attrs: dict[str, object] = {"canonical": place.canonical, "level": level}
            if place.province is not None:
                attrs["province_current"] = place.province.current  # the 34-province map of 2025
            found.append(Entity("location", text[span_start : last.end], span_start, last.end, attrs))
            i = start + n
            continue
        lower_level = " ".join(w.text for w in words[i:start])
        lower_level = lower_level if lower_level in ("TP", "Tp") else lower_level.lower()
        if admin and lower_level in LOWER_LEVELS and lower_level not in ("TP", "Tp"):
            m = start
            while (m < len(words) and m - start < MAX_LOCAL_NAME_WORDS and words[m].is_capitalized
                   and words[m].is_word and not words[m].is_abbreviation and not inside(words[m])
                   and text[words[m - 1].end : words[m].start] == " "):  # up to a person named after it
                m += 1
            if m == start and start < len(words) and words[start].text.isdigit():
                m = start + 1  # "Quận 1", "phường 3": numbered units keep their admin word
                start = i
            if m > start:
                first, last = words[start], words[m - 1]
                level = LOWER_LEVELS[lower_level]
                found.append(Entity("location", text[first.start : last.end], first.start, last.end,
                                    {"canonical": text[first.start : last.end], "level": level}))
                i = m
                continue
        n = _named_before_its_province(words, i, text, gaz, province)
        if n:
            first, last = words[i], words[i + n - 1]
            found.append(Entity("location", text[first.start : last.end], first.start, last.end,
                                {"canonical": text[first.start : last.end], "level": None}))
            i += n
            continue
        i += 1
    return found


def _named_before_its_province(words: list[Word], i: int, text: str, gaz: Gazetteer, province: str | None) -> int:
    """Length in words of a capitalised name at ``i`` written right before its province or district in brackets
    (``Nậm Đét (Lào Cai)``), or 0. A personal name (a surname first) is not a place."""
    if not (words[i].is_capitalized and words[i].is_word) or words[i].is_abbreviation or words[i].text in gaz.surnames:
        return 0
    if i and words[i - 1].is_capitalized and text[words[i - 1].end : words[i].start] == " ":
        return 0  # inside a longer capitalised name
    m = i
    while (m < len(words) and m - i < MAX_LOCAL_NAME_WORDS and words[m].is_capitalized and words[m].is_word
           and not words[m].is_abbreviation and (m == i or text[words[m - 1].end : words[m].start] == " ")):
        m += 1
    bracket = _PLACE_IN_BRACKETS.match(text, words[m - 1].end)
    if m - i < 2 or bracket is None or gaz.place(text[words[i].start : words[m - 1].end]) is not None:
        return 0
    inside = scan(bracket.group(1))
    named = known_place_at(inside, 0, bracket.group(1), gaz, province=province)
    return m - i if named and named == len(inside) else 0

