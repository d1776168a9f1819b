"""Targets: goals, plan targets and commitments (``mục tiêu``, ``chỉ tiêu``, ``phấn đấu``, ``đến năm …``).

A goal clause runs from its cue to the end of the sentence; enumerations (``…; …; …``) become one target
each. Its deadline is the year the clause (or, failing that, its sentence) sets; its value and unit come
from the first figure inside it; its owner is the province or body the article is about.
"""

from __future__ import annotations

import re
from functools import cached_property

from govnews.records import Entity
from pipeline.gazetteer import read_lines

# A sentence ends at . ! ? followed by a space or the end; "2.000" and "TP.HCM" do not end one.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s]))+[.!?]?")
_HORIZON = re.compile(r"(?:[Đđ]ến|[Tt]ới|[Tt]rước|[Tt]rong|[Nn]ăm|giai đoạn \d{4}\s?[-–]\s?|tầm nhìn(?: đến)?)"
                      r"(?: năm)? ((?:19|20)\d{2})")
_FUTURE_LEAD = re.compile(r"(?:^|[,;:]\s*|\s)(?:[Đđ]ến|[Tt]ới) năm ((?:20)\d{2}),\s+")
_TRIM = " ,;:.–-\"“”'"
_LEAD_WORDS = re.compile(r"^(?:là|sẽ|đến năm \d{4},?|gồm|như sau|đạt được|nhằm)\s+")
MIN_WORDS, MAX_WORDS = 3, 60
MAX_COLON_DISTANCE = 60
_PROMOTION = re.compile(r"(?<!\w)(?:[Đđ]ưa|[Xx]ây dựng)\s+[^,;.:]{2,60}?\s+trở thành\s")
_WILL = re.compile(r"(?<!\w)sẽ(?: tập trung| tiếp tục| triển khai)?\s+")
_AHEAD = re.compile(r"thời gian tới|sắp tới|năm tới|sau hội nghị|(?:đến|tới) (?:năm|cuối năm)|từ nay đến",
                    re.IGNORECASE)
# Purpose clauses that follow a goal are not part of it: ", giúp cho doanh nghiệp …", ", qua đó …".
_PURPOSE = re.compile(r",\s+(?:giúp|góp phần|qua đó|từ đó|tạo điều kiện)\b")
# Cues that are not goals: "chương trình mục tiêu quốc gia" (a programme's name), "đã trở thành" (past).
_NOT_A_GOAL = re.compile(r"(?:[Cc]hương trình|đã|vừa|từng)\s*$")
_DATE_ONLY = re.compile(r"(?:(?:đến|tới|trong|trước)\s+)?(?:năm|giai đoạn|kế hoạch năm|tầm nhìn)[\s\d–-]*",
                        re.IGNORECASE)


class TargetFinder:
    @cached_property
    def _non_goals(self) -> re.Pattern[str]:
        starts = sorted(read_lines("target_non_goals.txt"), key=len, reverse=True)
        return re.compile(r"(?:" + "|".join(re.escape(s) for s in starts) + r")(?!\w)", re.IGNORECASE)

    @cached_property
    def _cues(self) -> re.Pattern[str]:
        cues = sorted(read_lines("target_cues.txt"), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.IGNORECASE)

    def find(self, text: str, figures: list[Entity], owner: str | None,
             taken: list[tuple[int, int]] | None = None) -> list[Entity]:
        """Targets in ``text``; ``taken`` spans (document titles) hold no cues of their own."""
        taken = taken or []
        found: list[Entity] = []
        for sentence in _SENTENCE.finditer(text):
            start = self._clause_start(sentence.group(0), sentence.start(), taken, figures)
            if start is None:
                continue
            clause_start = sentence.start() + start
            purpose = _PURPOSE.search(text, clause_start, sentence.end())
            clause_end = purpose.start() if purpose else sentence.end()
            sentence_deadline = _deadline(sentence.group(0))
            for part_start, part_end in _parts(text, clause_start, clause_end, figures):
                clause = text[part_start:part_end]
                if (not MIN_WORDS <= len(clause.split()) <= MAX_WORDS or _DATE_ONLY.fullmatch(clause)
                        or self._non_goals.match(clause) or _inside_span(part_start, taken)
                        or _quoted(sentence.group(0), part_start - sentence.start())):
                    continue
                inside = [f for f in figures if part_start <= f.start and f.end <= part_end]
                attrs = {"deadline": _deadline(clause) or sentence_deadline,
                         "value": inside[0].attrs["value"] if inside else None,
                         "unit": inside[0].attrs["unit"] if inside else None,
                         "owner": owner}
                found.append(Entity("target", clause, part_start, part_end, attrs))
        return found

    def _clause_start(self, sentence: str, offset: int, taken: list[tuple[int, int]],
                      figures: list[Entity]) -> int | None:
        """Where the goal clause starts in ``sentence``, after its cue (or after "Đến năm 2030,")."""
        cue = next((c for c in self._cues.finditer(sentence)
                    if not _inside_span(offset + c.start(), taken) and not _quoted(sentence, c.start())
                    and not _NOT_A_GOAL.search(sentence[max(0, c.start() - 14) : c.start()])), None)
        promoted = _PROMOTION.search(sentence)  # "Đưa CNTT trở thành ngành kinh tế quan trọng"
        if promoted and not _quoted(sentence, promoted.start()) and (cue is None or promoted.start() < cue.start()):
            return promoted.start()
        if cue is None:
            cue = self._commitment(sentence, offset, figures)
        lead = _FUTURE_LEAD.search(sentence)
        if lead and (_inside_span(offset + lead.start() + 1, taken) or _quoted(sentence, lead.start())):
            lead = None
        if lead and (cue is None or lead.end() <= cue.start() or cue.start() > lead.end() + 40):
            return lead.end()
        if cue is None:
            return None
        position = cue.end()
        colon = sentence.find(":", position, position + MAX_COLON_DISTANCE)
        if colon != -1:  # "ba nhóm chỉ tiêu chính của kế hoạch gồm: …"
            position = colon + 1
        while True:  # step over lead-in words: "mục tiêu đến năm 2030 là …", "phấn đấu: …"
            rest = sentence[position:]
            stripped = rest.lstrip(_TRIM)
            position += len(rest) - len(stripped)
            lead_word = _LEAD_WORDS.match(stripped)
            if not lead_word:
                return position
            position += lead_word.end()


    @staticmethod
    def _commitment(sentence: str, offset: int, figures: list[Entity]) -> re.Match[str] | None:
        """``… tỉnh sẽ chọn 100 doanh nghiệp …``: a "sẽ" clause is a commitment when it has a number or a
        time ahead ("thời gian tới", "đến năm 2030")."""
        will = _WILL.search(sentence)
        if will is None:
            return None
        has_figure = any(offset + will.end() <= f.start < offset + len(sentence) for f in figures)
        return will if has_figure or _AHEAD.search(sentence) else None


def _inside_span(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _quoted(sentence: str, position: int) -> bool:
    """Inside quotation marks: a motto or a title, not a goal of the article."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _parts(text: str, start: int, end: int, figures: list[Entity]) -> list[tuple[int, int]]:
    """The clause split at ";" (enumerated goals) and at commas between figures (``đạt 50.320 ha, sản lượng
    215.000 tấn``), each trimmed of punctuation and lead-in words."""
    pieces = []
    for piece_start, piece_end in _split(text, start, end, ";"):
        inside = [f for f in figures if piece_start <= f.start and f.end <= piece_end]
        if len(inside) >= 2:
            pieces += _split(text, piece_start, piece_end, ",", at_least_one_of=inside)
        else:
            pieces.append((piece_start, piece_end))
    return pieces


def _split(text: str, start: int, end: int, mark: str,
           at_least_one_of: list[Entity] | None = None) -> list[tuple[int, int]]:
    if at_least_one_of is not None:
        # Only commas that separate figures: every piece keeps one figure.
        cuts = [start]
        for previous, following in zip(at_least_one_of, at_least_one_of[1:], strict=False):
            comma = text.find(",", previous.end, following.start)
            if comma != -1:
                cuts.append(comma)
        bounds = [(a if i == 0 else a + 1, b) for i, (a, b) in enumerate(zip(cuts, [*cuts[1:], end], strict=True))]
        return [p for b in bounds for p in _trimmed(text, *b)]
    parts = []
    cursor = start
    for piece in re.split(f"({re.escape(mark)})", text[start:end]):
        piece_start, piece_end = cursor, cursor + len(piece)
        cursor = piece_end
        if piece != mark:
            parts += _trimmed(text, piece_start, piece_end)
    return parts


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    lead = _LEAD_WORDS.match(text[start:end])
    if lead:
        start += lead.end()
    return [(start, end)] if end > start else []


def _deadline(text: str) -> int | None:
    years = [int(m.group(1)) for m in _HORIZON.finditer(text)]
    return max(years) if years else None
