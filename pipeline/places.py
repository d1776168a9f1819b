"""Places: provinces (old and post-2025 names), countries and regions from the gazetteer, and
districts or communes introduced by an administrative word (``huyện Phú Vang``).

The span is the proper name without the administrative word (``tỉnh Hải Dương`` → ``Hải Dương``),
except ``TP. Hồ Chí Minh``, whose prefix keeps it apart from the person it is named after.
"""

from __future__ import annotations

from govnews.records import Entity
from pipeline.gazetteer import Gazetteer
from pipeline.lexical import Word, admin_word_at, scan

MAX_PLACE_WORDS = 5
MAX_LOCAL_NAME_WORDS = 3
LOWER_LEVELS = {"huyện": "district", "quận": "district", "thị xã": "district", "thành phố": "district",
                "TP": "district", "Tp": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune"}


def known_place_at(words: list[Word], i: int, text: str, gaz: Gazetteer, levels: tuple[str, ...] = ()) -> int:
    """Length in words of the longest gazetteer place starting at word ``i`` (0 if none)."""
    if i >= len(words) or not words[i].is_capitalized:
        return 0
    for n in range(min(MAX_PLACE_WORDS, len(words) - i), 0, -1):
        last = words[i + n - 1]
        place = gaz.place(text[words[i].start : last.end])
        if place and (not levels or place.level in levels) and last.is_word:
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


def find_places(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[Entity]:
    words = scan(text)
    found: list[Entity] = []
    i = 0
    while i < len(words):
        if _inside(words[i], taken):
            i += 1
            continue
        admin = admin_word_at(words, i, text)
        start = i + admin
        n = known_place_at(words, start, text, gaz)
        if n:
            first, last = words[start], words[start + n - 1]
            place = gaz.place(text[first.start : last.end])
            assert place is not None
            span_start = first.start
            if place.canonical == "Thành phố Hồ Chí Minh" and admin:
                span_start = words[i].start  # "TP. Hồ Chí Minh" keeps its prefix
            level = place.level
            if admin and place.level == "province" and words[i].text in ("huyện", "quận", "xã", "phường"):
                i = start + n  # a district named like a province is still a district; skip rather than guess
                continue
            found.append(Entity("location", text[span_start : last.end], span_start, last.end,
                                {"canonical": place.canonical, "level": level}))
            i = start + n
            continue
        lower_level = " ".join(w.text for w in words[i:start])
        if admin and lower_level in LOWER_LEVELS and lower_level not in ("TP", "Tp"):
            m = start
            while (m < len(words) and m - start < MAX_LOCAL_NAME_WORDS and words[m].is_capitalized
                   and words[m].is_word and not words[m].is_abbreviation
                   and text[words[m - 1].end : words[m].start] == " "):
                m += 1
            if m > start:
                first, last = words[start], words[m - 1]
                level = LOWER_LEVELS[lower_level]
                found.append(Entity("location", text[first.start : last.end], first.start, last.end,
                                    {"canonical": text[first.start : last.end], "level": level}))
                i = m
                continue
        i += 1
    return found


def _inside(word: Word, taken: list[tuple[int, int]]) -> bool:
    return any(s <= word.start < e for s, e in taken)
