"""The plan that governs a goal stated without a horizon: its deadline is that plan's horizon.

Articles name a plan with its period once ("Kế hoạch … giai đoạn 2021-2025", "Nghị quyết … nhiệm kỳ 2020-2025",
"Mục tiêu đến năm 2030") and list its goals in the sentences, bullet lines or paragraphs that follow. A goal
line is governed, nearest first, by a dated plan or a year it is set for ("Năm 2025, …", "Trong năm 2025, …")
named earlier in its own paragraph or in the paragraph that introduces the list it belongs to (the line ending
with ``:`` above its items), or by a dated plan in the heading of its section. A horizon names a plan when a
plan noun comes shortly before it or its sentence reports nothing past; one that had passed when the article
was published ("Kế hoạch năm 2023 đã hoàn thành" in 2024) governs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline.deadlines import DATED_PLAN_KINDS, horizons
from pipeline.gazetteer import alternatives, read_lines

BULLET = re.compile(r"^\s*(?:[-–+•*●]|[a-zđ]\)|\d{1,2}[.)])\s+")
MAX_HEADING_WORDS = 20  # a line this short without closing punctuation is a heading ("Mục tiêu đến năm 2030")
PLAN_NOUN_CHARS = 80  # how far before its horizon a plan noun may name the plan ("Kế hoạch … giai đoạn 2021-2025")
# In its own paragraph or list a goal also takes a year it is set for ("Năm 2025, …", "Trong năm 2025, …").
_PARAGRAPH_KINDS = (*DATED_PLAN_KINDS, "within", "year")
_PAST = re.compile(r"(?<!\w)(?:đã|vừa|từng)(?!\w)", re.IGNORECASE)


@cache
def _plan_noun() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives(read_lines('target_plan_nouns.txt'))})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    item: bool  # a list item: a bullet, or a line after one ending with ":" or ";"
    heading: bool


class PlanScope:
    """Governing plan horizons of one text, whose sentences are ``sentences`` (start, end)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], year: int | None = None) -> None:
        self.text = text
        self.sentences = sentences
        self.year = year  # of publication

    @cached_property
    def _lines(self) -> list[_Line]:
        lines: list[_Line] = []
        for m in re.finditer(r"[^\n]+", self.text):
            line = m.group(0).strip()
            if not line:
                continue
            previous = self.text[lines[-1].start : lines[-1].end].rstrip() if lines else ""
            item = bool(BULLET.match(line)) or previous.endswith((":", ";")) or (
                bool(lines) and lines[-1].item and previous.endswith((",", ".")) and line[:1].islower())
            heading = (not item and len(line.split()) <= MAX_HEADING_WORDS and not line.endswith(
                (".", ";", ":", ",", "!", "?", "…")))
            lines.append(_Line(m.start(), m.end(), item, heading))
        return lines

    def horizon(self, position: int) -> int | None:
        """The horizon of the plan governing the goal at ``position``: named earlier in its paragraph, in the
        paragraph introducing its list, or in its section's heading."""
        lines = self._lines
        index = next((i for i, line in enumerate(lines) if line.start <= position < line.end + 1), None)
        if index is None:
            return None
        own = self._plan(lines[index].start, position, _PARAGRAPH_KINDS)
        if own is not None:
            return own
        if lines[index].item:
            intro = index
            while intro > 0 and lines[intro].item:
                intro -= 1
            if not lines[intro].item:
                found = self._plan(lines[intro].start, lines[intro].end, _PARAGRAPH_KINDS)
                if found is not None:
                    return found
        heading = next((i for i in range(index - 1, -1, -1) if lines[i].heading), None)
        return self._plan(lines[heading].start, lines[heading].end) if heading is not None else None

    def _plan(self, start: int, end: int, kinds: tuple[str, ...] = DATED_PLAN_KINDS) -> int | None:
        """The period of the last dated plan named in ``text[start:end]`` (sentence by sentence, nearest last;
        within one sentence its first: a plan's own period before its vision)."""
        for s_start, s_end in reversed([(max(a, start), min(b, end)) for a, b in self.sentences
                                        if a < end and start < b]):
            for h in horizons(self.text, s_start, s_end):
                if (h.kind in kinds and (self.year is None or h.year >= self.year)
                        and self._names_plan(s_start, s_end, h.start)):
                    return h.year
        return None

    def _names_plan(self, s_start: int, s_end: int, position: int) -> bool:
        """A horizon after a plan noun (``Kế hoạch … giai đoạn 2021-2025``) names a plan; another one does only in
        a sentence that reports nothing past."""
        window = self.text[max(s_start, position - PLAN_NOUN_CHARS) : position]
        if _plan_noun().search(window):
            return True
        return not _PAST.search(self.text, s_start, s_end)
