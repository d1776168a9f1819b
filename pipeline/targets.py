"""Targets: goals, plan targets and commitments (``mục tiêu``, ``chỉ tiêu``, ``phấn đấu``, ``đến năm …``).

A sentence states a goal when it has a cue (``mục tiêu …``, ``phấn đấu``, ``Đưa X trở thành Y``), opens with a
horizon (``Đến năm 2030, …``; ``Năm 2025, kế hoạch …``) or makes a commitment with a number or a time ahead
(``tỉnh sẽ chọn 100 doanh nghiệp``). The goal clause runs from there to the end of the sentence or to a
purpose, an aside or a closing quote; an enumeration (``…; …; …``, figures joined by commas, or bullet
lines after a colon) is one target per item. Deadlines come from :mod:`pipeline.deadlines`; the value and
unit from the first figure inside the clause; the owner is the province the article is about.
The cue lexicons are the ``target_*`` files of ``pipeline/data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from govnews.records import Entity
from pipeline.deadlines import (
    DATED_PLAN_KINDS,
    PLAN_KINDS,
    clause_deadline,
    horizons,
    publication_date,
    relative_horizons,
)
from pipeline.gazetteer import alternatives, read_csv, read_lines
from pipeline.governing import BULLET, PlanScope

# A sentence ends at . ! ? followed by a space or the end, or at a line end; "2.000" and "TP.HCM" do not end one.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s]))+[.!?]?")
_TRIM = " ,;:.–-\"“”'…"
MIN_CONTENT_WORDS, MAX_WORDS = 3, 60  # a goal has at least 3 words besides its dates; a run-on is cut
MAX_COLON_DISTANCE = 60
MAX_MOTTO_WORDS = 15  # a quotation this short is a motto or a title; a longer one is reported speech
MAX_LINK_WORDS = 12  # how far a noun cue may be from its link: "Mục tiêu đã được Tổng cục … đề ra là"
MAX_NEAR_LINK_WORDS = 4  # … and from a near link: "mục tiêu của dự án nhằm …"
LEAD_SENTENCES = 3  # the title line and the lead's first sentences, where an article names the plan it reports
MAX_COMMITMENT_WORDS = 12  # how far the figure of a commitment may be from its "sẽ"
# "mục tiêu của tỉnh là …", "quyết tâm của Đảng bộ là …": the owner between the cue and the goal.
_OWNER_HOP = re.compile(r"^\s*(?:của|cho)\s+(?:[^\s,;:.]+\s+){0,7}?(?:là|:)\s*", re.IGNORECASE)
# "Đưa CNTT trở thành ngành kinh tế quan trọng", "đưa nơi đây thành trung tâm …", "xây dựng tỉnh trở thành
# …": the goal starts at the verb.
_PROMOTION = re.compile(r"(?<!\w)(?:[Đđ]ưa\s+[^,;.:]{2,60}?\s+(?:trở\s+)?thành\s(?!phố|công|viên|phẩm)"
                        r"|[Xx]ây dựng\s+[^,;.:]{2,60}?\s+trở thành\s)")
# What may open a sentence before its horizon: "Đến năm 2030, …", "Trong tầm nhìn đến 2050, …".
_HORIZON_OPENING = re.compile(r"^[\s\W]*(?:(?:trong|với|và|dự kiến)\s+)?$", re.IGNORECASE)
_PAST = re.compile(r"(?<!\w)(?:đã|vừa|từng)(?!\w)", re.IGNORECASE)
_CONDITION = re.compile(r"(?<!\w)(?:nếu|giá như|có thể|không|khi|thì)\s+(?:\S+\s+){0,6}?$", re.IGNORECASE)
# "đạt 23% kế hoạch năm 2004", "vượt 5% chỉ tiêu": a result measured against a plan, not the plan.
_REACHED = re.compile(r"(?<!\w)(?:đạt|vượt|bằng)(?:\s+(?:được|\S*\d\S*))+\s*$", re.IGNORECASE)
# A straight quote closing a quotation: glued to the word before it and followed by a space or punctuation.
_CLOSING_QUOTE = re.compile(r'(?<=[^\s"])"(?=[\s,.;:!?]|$)')
# "xã đạt 17/18 chỉ tiêu": a tally of goals met, a result unless a goal cue (phấn đấu …) governs it.
_TALLY = re.compile(r"(?<!\w)(?:đạt|vượt|hoàn thành)\s+\d+/\d+\s+(?:chỉ tiêu|mục tiêu)", re.IGNORECASE)
_IF = re.compile(r"(?<!\w)(?:nếu|giả sử|trường hợp)(?!\w)", re.IGNORECASE)  # "Nếu …, X sẽ …": a condition


@dataclass(frozen=True, slots=True)
class _Frame:
    start: int  # where the goal clause starts
    kind: str  # cue (a goal verb) | noun (a goal noun) | promotion | horizon | commitment | deadline
    scope: str = "sentence"  # "clause": a purpose whose goal ends at the first ";"


class TargetFinder:
    """Finds targets; see the module docstring. Lexicons are read once, on first use."""

    @cached_property
    def _cues(self) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
        cues = {r["cue"]: (r["frame"], r["scope"]) for r in read_csv("target_cues.csv")}
        return _alternation(list(cues)), cues

    @cached_property
    def _quota(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_quota_words.txt") + read_lines("target_measure_words.txt"))
        return re.compile(rf"\s+(?:{words})(?!\w)", re.IGNORECASE)

    @cached_property
    def _links(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_links.txt"))
        return re.compile(rf"(?<!\w)(?:{words})(?!\w)|:", re.IGNORECASE)

    @cached_property
    def _anaphora(self) -> re.Pattern[str]:
        return re.compile(rf"\s+(?:{alternatives(read_lines('target_anaphora.txt'))})(?!\w)", re.IGNORECASE)

    @cached_property
    def _near_links(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_near_links.txt"))

    @cached_property
    def _not_after(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_not_after.txt"))
        # a count may stand between: "phân bổ 300 chỉ tiêu", "vượt 5% chỉ tiêu"
        return re.compile(rf"(?<!\w)(?:{words})\s*(?:\S*\d\S*\s+)?$", re.IGNORECASE)

    @cached_property
    def _non_goals(self) -> re.Pattern[str]:
        return _opening(read_lines("target_non_goals.txt"))

    @cached_property
    def _lead_words(self) -> re.Pattern[str]:
        return _opening(read_lines("target_lead_words.txt"), then=r"[\s:,]*")

    @cached_property
    def _task_verbs(self) -> re.Pattern[str]:
        return _opening(read_lines("target_task_verbs.txt"))

    @cached_property
    def _outcomes(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_outcome_words.txt"))

    @cached_property
    def _plan_markers(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_plan_markers.txt"))

    @cached_property
    def _commitments(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_commitment_words.txt"))

    @cached_property
    def _commitment_stops(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_commitment_stops.txt"))
        return re.compile(rf"\s*(?:{words})(?!\w)", re.IGNORECASE)

    @cached_property
    def _audience(self) -> re.Pattern[str]:
        """The reader or a visitor as the subject of "sẽ" ("du khách sẽ được tham quan …"): a description of
        what they will see or get, not anyone's commitment."""
        words = alternatives(read_lines("target_audience_subjects.txt"))
        return re.compile(rf"(?<!\w)(?:{words})\s+(?:cũng\s+|đều\s+|còn\s+)?$", re.IGNORECASE)

    @cached_property
    def _event_subject(self) -> re.Pattern[str]:
        """An event or its participants as the subject of "sẽ" ("Hội nghị sẽ diễn ra …", "Các đại biểu sẽ tham
        quan …"): the event's programme, not a commitment. Matched at the start of the clause."""
        words = alternatives(read_lines("target_event_subjects.txt"))
        return re.compile(rf"[\s\W]*(?:(?:các|mỗi|những|từng)\s+)?(?:{words})(?!\w)", re.IGNORECASE)

    @cached_property
    def _directive(self) -> re.Pattern[str]:
        """A directive verb right before an opening horizon: "tỉnh yêu cầu [đến năm 2025, …]"."""
        return re.compile(rf"(?<!\w)(?:{alternatives(read_lines('target_directive_verbs.txt'))})\s+$", re.IGNORECASE)

    @cached_property
    def _deadline_verbs(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_deadline_verbs.txt"))

    @cached_property
    def _task_nouns(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_task_nouns.txt"))

    @cached_property
    def _ahead(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_ahead.txt"))

    @cached_property
    def _clause_end(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_clause_ends.txt"))
        contrasts = alternatives(read_lines("target_contrasts.txt"))
        return re.compile(rf",\s+(?:{words})(?!\w)|[,;]?\s+(?:{contrasts})(?!\w)")

    def find(self, text: str, figures: list[Entity], owner: str | None,
             taken: list[tuple[int, int]] | None = None, places: list[Entity] | None = None,
             published: datetime | None = None) -> list[Entity]:
        """Targets in ``text``; ``taken`` spans (document titles) hold no cues of their own. The owner is the
        province or country named last before the goal in its sentence (``Cà Mau đề ra mục tiêu …``), else
        ``owner`` (the province the article is about). ``published`` (else the dateline) dates ``năm nay``."""
        taken = taken or []
        owners = [p for p in places or [] if p.attrs.get("level") in ("province", "country")]
        sentences = sentence_spans(text)
        lead_plan = self._lead_plan(text, sentences)
        when = publication_date(text, published)
        year = when[0] if when else None
        scope = PlanScope(text, sentences, year)
        found: list[Entity] = []
        for index, (s_start, s_end) in enumerate(sentences):
            frame = self._frame(text, s_start, s_end, taken, figures, when)
            if frame is None and index:
                frame = self._continuation(text, sentences[index - 1], (s_start, s_end), taken)
            if frame is None:
                continue
            end = self._clause_stop(text, s_start, s_end, frame)
            if not text[frame.start : end].strip(_TRIM) and text[s_start:s_end].rstrip().endswith(":"):
                parts = _bullets(text, s_end)  # "… gồm:" and one goal per bullet line
            else:
                parts = self._parts(text, frame, end, figures)
            for number, (start, stop) in enumerate(parts):
                stop = self._capped(text, start, stop)
                clause = text[start:stop]
                inside = [f for f in figures if start <= f.start and f.end <= stop]
                if not self._is_goal(text, start, stop, taken, s_start, inside) or (
                        number and self._activity(clause, inside)) or (
                        self._reported(text, s_start, start, stop, frame)):
                    continue  # a result reported ("tăng 12% so với cùng kỳ") unless a goal verb governs it
                deadline = clause_deadline(text, (start, stop), (s_start, s_end), sentences[max(0, index - 2) : index],
                                           year, lambda start=start: scope.horizon(start))
                attrs = {"deadline": deadline if deadline is not None else lead_plan,
                         "value": inside[0].attrs["value"] if inside else None,
                         "unit": inside[0].attrs["unit"] if inside else None,
                         "owner": next((p.attrs["canonical"] for p in reversed(owners)
                                        if s_start <= p.start and p.end <= start), owner)}
                found.append(Entity("target", clause, start, stop, attrs))
        return found

    def _continuation(self, text: str, previous: tuple[int, int], sentence: tuple[int, int],
                      taken: list[tuple[int, int]]) -> _Frame | None:
        """``Cụ thể, …`` / ``Trong đó, …`` after a sentence with a goal cue: the goals that sentence named."""
        opening = self._continuations.match(text, sentence[0], sentence[1])
        if opening is None:
            return None
        pattern, _ = self._cues
        if not any(self._usable(text, previous[0], c.start(), taken) for c in pattern.finditer(text, *previous)):
            return None
        return _Frame(self._step_over_leads(text, opening.end(), sentence[1]), "noun")

    @cached_property
    def _continuations(self) -> re.Pattern[str]:
        words = alternatives(read_lines("target_continuations.txt"))
        return re.compile(rf"[\s\W]*(?:{words})\s*[,:]", re.IGNORECASE)

    def _lead_plan(self, text: str, sentences: list[tuple[int, int]]) -> int | None:
        """The horizon of a dated plan named in the title or the lead (``Kế hoạch chuyển đổi số năm 2021``,
        ``… giai đoạn 2021-2025``): the deadline of the article's goals that state none of their own."""
        for start, end in sentences[:LEAD_SENTENCES]:
            if not self._plan_nouns.search(text, start, end):
                continue
            dated = [h for h in horizons(text, start, end) if h.kind in DATED_PLAN_KINDS]
            if dated:
                return dated[0].year
        return None

    def _reported(self, text: str, s_start: int, start: int, stop: int, frame: _Frame) -> bool:
        """A result, not a goal: a report word in the sentence (``so với cùng kỳ``, ``ước đạt``) when no goal
        cue governs the clause; under a goal noun (``các chỉ tiêu: …``) only a result word in the clause itself
        (``thu ngân sách ước đạt …``), since a goal is often compared with a past year. A goal verb
        (``phấn đấu``, ``đặt mục tiêu``) governs whatever follows it."""
        if frame.kind == "cue":
            return False
        if frame.kind == "noun":
            return bool(self._results.search(text, start, stop))
        pattern, cues = self._cues
        tally = _TALLY.search(text, s_start, stop) and not any(
            cues[c.group(0).lower()][0] == "verb" for c in pattern.finditer(text, s_start, stop))
        return bool(self._reports.search(text, s_start, stop) or self._results.search(text, s_start, stop) or tally)

    @cached_property
    def _results(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_result_words.txt"))

    @cached_property
    def _plan_nouns(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_plan_nouns.txt"))

    @cached_property
    def _reports(self) -> re.Pattern[str]:
        return _alternation(read_lines("target_report_markers.txt"))

    # --- where a goal clause starts -------------------------------------------------------------------

    def _frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]],
               figures: list[Entity], when: tuple[int, int | None] | None = None) -> _Frame | None:
        """The earliest goal frame of the sentence ``text[start:end]``; commitments only when there is none."""
        frames = [f for f in (self._cue_frame(text, start, end, taken), self._promotion_frame(text, start, end, taken),
                              self._horizon_frame(text, start, end, taken, when, figures)) if f is not None]
        if frames:
            first = min(frames, key=lambda f: f.start)
            named = next((f for f in frames if f.kind == "noun" and f.start > first.start), None)
            if named and self._clause_stop(text, start, end, first) <= named.start:
                return named  # "Năm 2026, huyện đề ra 20 chỉ tiêu, trong đó …": the goals the header names
            return first
        return (self._commitment_frame(text, start, end, taken, figures)
                or self._deadline_frame(text, start, end, taken, when))

    def _usable(self, text: str, sentence_start: int, position: int, taken: list[tuple[int, int]],
                setting: bool = False) -> bool:
        """A cue at ``position`` counts unless it is inside a title, a quote, or follows a word that voids it;
        a cue that sets a goal (``đã đặt mục tiêu``) is not voided by a past marker."""
        voided = self._not_after.search(text, max(sentence_start, position - 16), position)
        if voided and setting and _PAST.fullmatch(voided.group(0).strip()):
            voided = None
        return (not _inside(position, taken) and not _quoted(text, sentence_start, position) and not voided
                and not _REACHED.search(text, max(sentence_start, position - 30), position))

    @cached_property
    def _setting(self) -> frozenset[str]:
        return frozenset(w.lower() for w in read_lines("target_setting_cues.txt"))

    def _cue_frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]]) -> _Frame | None:
        pattern, cues = self._cues
        for cue in pattern.finditer(text, start, end):
            if not self._usable(text, start, cue.start(), taken, cue.group(0).lower() in self._setting):
                continue
            frame, scope = cues[cue.group(0).lower()]
            if frame == "noun" and self._quota.match(text, cue.end()) and "chỉ tiêu" in cue.group(0).lower():
                continue  # "chỉ tiêu tuyển sinh", "chỉ tiêu COD": places allocated or a parameter measured
            position: int | None = cue.end()
            if frame == "noun" and self._anaphora.match(text, cue.end()):
                continue  # "mục tiêu này", "quyết tâm đó": a goal stated before, not a new one
            if frame == "noun":
                position = self._linked(text, cue.end(), end)
            elif re.match(r"\s*[,.;!?]", text[cue.end() : end]):
                continue  # "cần xác định mục tiêu, xây dựng …": the goal is not stated
            else:
                colon = text.find(":", cue.end(), min(end, cue.end() + MAX_COLON_DISTANCE))
                if colon != -1 and ";" not in text[cue.end() : colon]:  # "phấn đấu đến năm 2030: …"
                    position = colon + 1
            if position is not None:
                return _Frame(self._step_over_leads(text, position, end), "cue" if frame == "verb" else "noun", scope)
        return None

    def _linked(self, text: str, position: int, end: int) -> int | None:
        """Where the goal named by a noun cue starts: after a link word (``là``, ``gồm``, ``:``) or a horizon
        and its comma within the next few words, or a horizon right after the cue (``Mục tiêu đến năm 2030 có
        …``); ``None`` when there is none."""
        words = list(re.finditer(r"\S+", text[position:end]))[:MAX_LINK_WORDS]
        window_end = position + (words[-1].end() if words else 0)
        stop = re.search(r"[;.!?]", text[position:window_end])
        window_end = position + stop.start() if stop else window_end
        link = self._links.search(text, position, window_end)
        near_end = position + (words[min(len(words), MAX_NEAR_LINK_WORDS) - 1].end() if words else 0)
        near = self._near_links.search(text, position, min(near_end, window_end))
        link = near if near and (link is None or near.start() < link.start()) else link
        dated = next((h for h in horizons(text, position, window_end)
                      if re.match(r"\s*,", text[h.end : end]) or (
                          h.kind in PLAN_KINDS and not text[position : h.start].strip()
                          and _content_words(text, h.end, window_end) >= MIN_CONTENT_WORDS)), None)
        ends = [m for m in (link.end() if link else None, dated.end if dated else None) if m is not None]
        return min(ends) if ends else None

    def _promotion_frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]]) -> _Frame | None:
        for promoted in _PROMOTION.finditer(text, start, end):
            if self._usable(text, start, promoted.start(), taken):
                return _Frame(promoted.start(), "promotion", "clause")  # one goal: "Đưa X trở thành Y"
        return None

    def _horizon_frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]],
                       when: tuple[int, int | None] | None = None,
                       figures: list[Entity] | None = None) -> _Frame | None:
        """``Đến năm 2030, Hậu Giang trở thành …``: a horizon opening the sentence (or a clause after ``,;:``)
        and followed by a comma, or by an outcome or a figure without one (``đến năm 2030 tỷ lệ … đạt 45%``,
        ``đến năm 2028 thành phố có 50 km đường sắt``); a bare year
        (``Năm 2025, …``) only with a plan word and no past one. A horizon that had passed when the article was
        published (``when``: year, month) opens a report, not a goal."""
        for horizon in horizons(text, start, end):
            if horizon.passed(when):
                continue
            comma = re.match(r"\s*,\s*", text[horizon.end : end])
            figures = figures or []
            if comma is None and horizon.kind in PLAN_KINDS and (self._outcomes.search(text, horizon.end, end) or any(
                    horizon.end <= f.start < end for f in figures)):
                comma = re.match(r"\s*", text[horizon.end : end])  # "đến năm 2030 tỷ lệ đô thị hóa đạt 45%"
            opening = text[max(start, _last_break(text, start, horizon.start)) : horizon.start]
            if comma is None or not (_HORIZON_OPENING.match(opening) or self._directive.search(opening)) or _inside(
                    horizon.start, taken):
                continue
            clause_start = horizon.end + comma.end()
            rest = text[clause_start:end]
            if _PAST.search(rest):
                continue
            markers = self._plan_markers.finditer(text, clause_start, end)
            if horizon.kind in ("year", "within", "from") and not any(
                    self._usable(text, start, m.start(), taken) and not self._commitment_stops.match(text, m.end())
                    for m in markers):  # "Từ năm 2027, xe quá tải sẽ bị giam …": a penalty, not a plan
                continue
            clause_start = self._step_over_leads(text, clause_start, end)
            plan = self._plan_markers.match(text, clause_start)  # "Năm 2024, kế hoạch nuôi tôm … đạt …"
            if plan and plan.start() == clause_start:
                clause_start = self._step_over_leads(text, plan.end(), end)
            return _Frame(clause_start, "horizon")
        return None

    def _commitment_frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]],
                          figures: list[Entity]) -> _Frame | None:
        """``… tỉnh sẽ chọn 100 doanh nghiệp …``: a commitment when its clause has a figure or the sentence
        looks ahead (a dated horizon, ``thời gian tới``)."""
        for will in self._commitments.finditer(text, start, end):
            if (not self._usable(text, start, will.start(), taken) or _CONDITION.search(text, start, will.start())
                    or _IF.search(text, start, will.start()) or self._commitment_stops.match(text, will.end())
                    or self._task_nouns.search(text, start, will.start())
                    or self._audience.search(text, max(start, will.start() - 20), will.start())
                    or self._event_subject.match(text, _last_break(text, start, will.start()))
                    or self._non_goals.match(text[self._step_over_leads(text, will.end(), end) : end])):
                continue
            words = list(re.finditer(r"[^\s;:]+|[;:]", text[will.end() : end]))[:MAX_COMMITMENT_WORDS]
            reach = will.end() + next((w.start() for w in words if w.group(0) in ";:"),
                                      words[-1].end() if words else 0)
            has_figure = any(will.end() <= f.start < reach for f in figures)
            ahead = self._ahead.search(text, start, end) or any(h.kind != "year" for h in horizons(text, start, end))
            if has_figure or ahead:
                return _Frame(self._with_subject(text, start, will.start(), will.end(), end), "commitment", "clause")
        return None

    def _deadline_frame(self, text: str, start: int, end: int, taken: list[tuple[int, int]],
                        when: tuple[int, int | None] | None = None) -> _Frame | None:
        """``… đảm bảo có đất sạch … trước năm 2021``: a commitment due by a dated horizon still ahead; one
        within a year (``trong tháng 7/2026``, ``đến cuối năm``) when an obligation (``phải``) comes first."""
        if _PAST.search(text, start, end):
            return None
        year = when[0] if when else None
        ahead = [h for h in horizons(text, start, end) + relative_horizons(text, start, end, year)
                 if not h.passed(when)]
        if not any(h.kind in (*PLAN_KINDS, "within", "current") for h in ahead):
            return None
        dated = any(h.kind in PLAN_KINDS for h in ahead)
        for verb in self._deadline_verbs.finditer(text, start, end):
            if (self._usable(text, start, verb.start(), taken) and not _CONDITION.search(text, start, verb.start())
                    and not self._task_nouns.search(text, start, verb.start())
                    and (dated or self._obliged.search(text, max(start, verb.start() - 16), verb.start()))):
                return _Frame(self._with_subject(text, start, verb.start(), verb.start(), end), "deadline")
        return None

    @cached_property
    def _obliged(self) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{alternatives(read_lines('target_obligation_words.txt'))})\s+$", re.IGNORECASE)

    def _with_subject(self, text: str, start: int, cue: int, predicate: int, end: int) -> int:
        """Where a commitment's clause starts: its predicate (``sẽ [chọn 100 doanh nghiệp]``), or its subject
        too when the predicate alone is too short to say anything (``[Cầu Tân Mỹ dự kiến] hoàn thành …``)."""
        position = self._step_over_leads(text, predicate, end)
        cut = self._clause_end.search(text, position, end)  # what the goal clause will keep
        if _content_words(text, position, cut.start() if cut else end) >= MIN_CONTENT_WORDS:
            return position
        return self._step_over_leads(text, _last_break(text, start, cue), end)

    def _step_over_leads(self, text: str, position: int, end: int) -> int:
        """Past punctuation, lead-in words (``là``, ``gồm``) and a horizon (``đến năm 2030,``)."""
        while True:
            rest = text[position:end]
            stripped = rest.lstrip(_TRIM)
            position += len(rest) - len(stripped)
            lead = self._lead_words.match(stripped)
            opening = next(iter(horizons(text, position, end)), None)
            if lead:
                position += lead.end()
            elif opening and opening.start == position and re.match(r"\s*,", text[opening.end : end]):
                position = opening.end
            else:
                return position

    # --- where it ends, and its parts ------------------------------------------------------------------

    def _clause_stop(self, text: str, s_start: int, s_end: int, frame: _Frame) -> int:
        stop = s_end
        cut = self._clause_end.search(text, frame.start, s_end)
        if cut:
            stop = cut.start()
        if frame.scope == "clause":
            semicolon = text.find(";", frame.start, stop)
            stop = semicolon if semicolon != -1 else stop
        purpose = re.match(r"\s*(?:Để|Nhằm)\s", text[s_start:frame.start])
        if purpose and "," not in text[s_start:frame.start]:  # "Để đạt mục tiêu X, tỉnh …": X only
            comma = text.find(",", frame.start, stop)
            stop = comma if comma != -1 else stop
        closing = text.find("”", frame.start, stop)
        if closing != -1 and "“" not in text[frame.start : closing]:
            stop = closing
        straight = _CLOSING_QUOTE.search(text, frame.start, stop)  # '… vào năm 2020", Thủ tướng nói.'
        if straight and '"' not in text[frame.start : straight.start()]:
            stop = straight.start()  # the quotation opened before the goal, so the goal ends with it
        return stop

    def _parts(self, text: str, frame: _Frame, end: int, figures: list[Entity]) -> list[tuple[int, int]]:
        """The clause split at ";" (enumerated goals) and at commas between figures (``đạt 50.320 ha, sản lượng
        215.000 tấn``), each trimmed of punctuation and lead-in words. A commitment is one act, whatever figures
        describe it (``sẽ xây khu nhà ăn phục vụ 400 người, khu siêu thị, hai khu vệ sinh``)."""
        pieces = []
        for piece_start, piece_end in _split(text, frame.start, end, ";"):
            inside = [f for f in figures if piece_start <= f.start and f.end <= piece_end]
            if len(inside) >= 2 and frame.kind != "commitment":
                pieces += _split_between(text, piece_start, piece_end, inside)
            else:
                pieces.append((piece_start, piece_end))
        return [p for start, stop in pieces for p in self._trimmed(text, start, stop)]

    @staticmethod
    def _capped(text: str, start: int, end: int) -> int:
        """A run-on goal keeps its first ``MAX_WORDS`` words."""
        words = list(re.finditer(r"\S+", text[start:end]))
        return start + words[MAX_WORDS - 1].end() if len(words) > MAX_WORDS else end

    def _trimmed(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        start = self._step_over_leads(text, start, end)
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if text[start:end].count("(") > text[start:end].count(")"):
            end = text.rfind("(", start, end)  # an aside left open by a cut
            while end > start and text[end - 1] in _TRIM:
                end -= 1
        if text[end - 1 : end] == ")" and text[start:end].count(")") > text[start:end].count("("):
            end -= 1  # the close of an aside the goal sits in: "(dự kiến đến năm 2026, sẽ …)"
            while end > start and text[end - 1] in _TRIM:
                end -= 1
        return [(start, end)] if end > start else []

    # --- which parts are goals -----------------------------------------------------------------------

    def _is_goal(self, text: str, start: int, end: int, taken: list[tuple[int, int]], sentence_start: int,
                 figures: list[Entity]) -> bool:
        """Enough to say what is to be reached (three words besides its dates, or a figure), not a task, a
        reference back, a title or a motto."""
        clause = text[start:end]
        return ((_content_words(text, start, end) >= MIN_CONTENT_WORDS or any(
                    start <= f.start and f.end <= end for f in figures))
                and not self._non_goals.match(clause) and not _inside(start, taken)
                and not _quoted(text, sentence_start, start))

    def _activity(self, clause: str, inside: list[Entity]) -> bool:
        """An enumerated item that is a task ("Đẩy mạnh …"), not an outcome: no figure and no outcome word."""
        return bool(self._task_verbs.match(clause)) and not inside and not self._outcomes.search(clause)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: cut at ``.!?`` before a space, and at line ends."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _alternation(words: list[str] | dict[str, str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives(words)})(?!\w)", re.IGNORECASE)


def _opening(words: list[str], then: str = "") -> re.Pattern[str]:
    """Matches one of ``words`` (a whole word) at the start of a clause, with ``re.match``."""
    return re.compile(rf"(?:{alternatives(words)})(?!\w)" + then, re.IGNORECASE)


def _content_words(text: str, start: int, end: int) -> int:
    """Words of ``text[start:end]`` besides its horizons ("trong năm 2025" says when, not what)."""
    dated = sum(len(text[h.start : h.end].split()) for h in horizons(text, start, end))
    return len(text[start:end].split()) - dated


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _quoted(text: str, sentence_start: int, position: int) -> bool:
    """Inside a short quotation: a motto or a title (“Lấy người dân làm trung tâm”), not a goal of the article.
    A long quotation is reported speech, whose goals count."""
    before = text[sentence_start:position]
    if before.count("“") > before.count("”"):
        opening, closing = sentence_start + before.rfind("“"), text.find("”", position)
    elif before.count('"') % 2 == 1:
        opening, closing = sentence_start + before.rfind('"'), text.find('"', position)
    else:
        return False
    return closing != -1 and len(text[opening:closing].split()) <= MAX_MOTTO_WORDS


def _last_break(text: str, start: int, position: int) -> int:
    """Just after the last ``,``, ``;``, ``:`` or dateline dash (``(GLO)- ``) before ``position`` in the
    sentence (its start if none)."""
    breaks = [text.rfind(mark, start, position) for mark in (",", ";", ":", "- ", "– ")]
    return max(max(breaks) + 1, start)


def _split(text: str, start: int, end: int, mark: str) -> list[tuple[int, int]]:
    parts, cursor = [], start
    for piece in text[start:end].split(mark):
        parts.append((cursor, cursor + len(piece)))
        cursor += len(piece) + len(mark)
    return parts


def _split_between(text: str, start: int, end: int, figures: list[Entity]) -> list[tuple[int, int]]:
    """Cut only at commas that separate two figures, so that every piece keeps one."""
    commas = [text.find(",", previous.end, following.start)
              for previous, following in zip(figures, figures[1:], strict=False)]
    commas = [c for c in commas if c != -1]
    return list(zip([start, *(c + 1 for c in commas)], [*commas, end], strict=True))


def _bullets(text: str, position: int) -> list[tuple[int, int]]:
    """The bullet lines (``- …``, ``a) …``, ``1. …``) right after ``position``, or unmarked lines ending with
    ``;`` (the last with ``.``), one item each."""
    items = []
    line_start = text.find("\n", position)
    while line_start != -1:
        line_end = text.find("\n", line_start + 1)
        line_end = len(text) if line_end == -1 else line_end
        line = text[line_start + 1 : line_end]
        bullet = BULLET.match(line)
        listed = items and text[items[-1][1] : items[-1][1] + 1] == ";"
        if bullet is None and not (line.rstrip().endswith(";") or (listed and line.rstrip().endswith("."))):
            break  # unmarked lines are items while they end with ";" (the last one with ".")
        start, end = line_start + 1 + (bullet.end() if bullet else len(line) - len(line.lstrip())), line_end
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        items.append((start, end))
        if bullet is None and line.rstrip().endswith("."):
            break  # the last item of an unmarked list
        line_start = line_end if line_end < len(text) else -1
    return items
