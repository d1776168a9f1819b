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
from pipeline.gazetteer import alternatives, read_csv, read_lines
from pipeline.numbers import SCALES, as_number, english_thousands, parse_figure_number, parse_number
from pipeline.spelled import number_runs

_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_YEAR_IN_SENTENCE = re.compile(r"(?:năm|Năm) ((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")

# (position, any_word) → (end, word) of the noun after a number; with any_word, any content word (the second
# word of "câu hỏi", "lượt xem").
NounAfter = Callable[..., tuple[int, str] | None]
# position → (end, text, POS tag) of the word that starts there, if one does.
WordAt = Callable[[int], tuple[int, str, str] | None]
_COORDINATION = re.compile(r", | và ")
# What may follow coordinated nouns (not a verb opening a new clause): punctuation, an adjective, a conjunction,
# or a preposition that attaches to them ("168 phường, xã với …"; "4 mục tiêu, hướng đến …" is a verb).
_AFTER_COORDINATION = ("CH", "A", "C")
_PREPOSITIONS_AFTER = frozenset(read_lines("coordination_prepositions.txt"))
_RANK = re.compile(r"(?<!\w)(?:xếp |đứng )?(?P<word>thứ|top|Top|vị trí(?: thứ)?) (?P<rank>\d+)"
                   r"(?:/(?P<of>\d{1,3}(?:\.\d{3})*))?(?![\w/]|[.,]\d)")
_RANK_OF = re.compile(r"(?<!\w)(?:đứng|xếp)\s+(?P<span>(?P<rank>\d{1,3})/(?P<of>\d{1,3}))(?![\w/]|[.,]\d)")
ORDINALS = {"hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# "lớn thứ hai thế giới": a spelled ordinal after a comparison is a rank ("Thứ hai," opening a point is not).
_SPELLED_RANK = re.compile(r"(?<!\w)(?:lớn|cao|thấp|nhiều|đứng|xếp|hàng)\s+(?P<span>thứ (?P<word>"
                           + "|".join(ORDINALS) + r"))(?!\w)")
_RESPECTIVELY = re.compile(r"(?<!\w)lần lượt (?:là|đứng|xếp)\s+(?P<list>\d{1,3}(?:\s*,\s*\d{1,3})*(?:\s+và\s+\d{1,3}))"
                           r"(?![\w/%]|[.,]\d)")
# A comma and exactly three digits before a counted noun: a decimal (Vietnamese) or thousands (English)?
_THOUSANDS_OR_DECIMAL = re.compile(r"\d{1,3},\d{3}")
# What a rate may be per besides the listed units: one word ("USD/ounce", "đồng/lượng"), lowercase (checked).
_PER_WORD = r"[^\W\d_]+"
# A counted "ngày" or "tháng" followed by a day and month is a number with its date ("số 92 ngày 25-4-2006").
_DATED_NOUNS = ("ngày", "tháng")
_MONTH_BEFORE = re.compile(r"(?<!\w)tháng\s+$", re.IGNORECASE)
_NOT_A_COUNT_BEFORE = re.compile(r"(?<!\w)(?:[Tt]háng|[Tt]hứ|lần|khóa|khoá|số)\s+$")
_NOT_A_COUNT_AFTER = re.compile(r"\s+(?:phần(?!\s+trăm)|rưỡi)(?!\w)")
_DAY_NAME = re.compile(r"(?<!\w)[Tt]hứ\s+$")
_CLOCK_UNITS = ("giờ", "h")
_DURATIONS = ("năm", "tháng", "tuần", "ngày")  # "Việt Nam 50 năm": an anniversary after a name is still a figure
_DATE_AFTER = re.compile(r"\s+\d{1,2}[-/.]\d{1,2}(?!\d)")
_PART_OF = re.compile(r"(?<![\w.,/])(?P<n>\d{1,5})/(?P<d>\d{1,5})(?![\w/%]|[.,]\d)")
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
        rows = read_csv("units.csv")
        units = {r["spelling"]: (r["unit"], float(r["factor"])) for r in rows}
        for row in rows:  # "53 tỷ kWh", "2 triệu tấn": a spelled scale before a unit of measure
            if row["scales"] == "yes":
                for scale, factor in SCALES.items():
                    units.setdefault(f"{scale} {row['spelling']}", (row["unit"], factor * float(row["factor"])))
        return units

    @cached_property
    def _qualifiers(self) -> dict[str, str]:
        return {r["word"]: r["qualifier"] for r in read_csv("qualifiers.csv")}

    @cached_property
    def _qualifier_before(self) -> re.Pattern[str]:
        """A qualifier right before a spelled count, capitalised too when it opens the sentence."""
        words = [*self._qualifiers, *(w[0].upper() + w[1:] for w in self._qualifiers)]
        return re.compile(rf"(?<!\w)({alternatives(words)}) $")

    @cached_property
    def _partitive(self) -> re.Pattern[str]:
        return re.compile(rf" (?:{alternatives(read_lines('fraction_partitives.txt'))})(?!\w)")

    @cached_property
    def _compound(self) -> re.Pattern[str]:
        """A word before a qualifier that makes it part of another word ("nước ngoài", "cấp trên")."""
        return re.compile(rf"(?<!\w)(?:{alternatives(read_lines('qualifier_compounds.txt'))})\s+$", re.IGNORECASE)

    @cached_property
    def _after(self) -> dict[str, str]:
        return {r["word"]: r["qualifier"] for r in read_csv("qualifiers_after.csv")}

    @cached_property
    def _qualifiers_after(self) -> re.Pattern[str]:
        return re.compile(rf"\s+({alternatives(self._after)})(?!\w)")

    @cached_property
    def _classifiers(self) -> set[str]:
        return set(read_lines("count_classifiers.txt"))

    @cached_property
    def _count_nouns(self) -> re.Pattern[str]:
        """Counted nouns read from the text itself (the tagger calls some verbs: "ô tô", "thuê bao"), as
        written: a capitalised word after a number more often opens a title or a sentence than it is counted."""
        words = read_lines("count_nouns.txt")
        return re.compile(rf" ?(?:{alternatives(words)})(?![\w²³])")

    @cached_property
    def _list_links(self) -> re.Pattern[str]:
        words = alternatives(read_lines("figure_list_links.txt"))
        return re.compile(rf"\s*,\s*|\s+(?:{words})\s+")

    @cached_property
    def _spelled_neighbours(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """A number word right before a spelled count (``mươi hai``; ``search`` up to it), and one right after
        it (``hai mươi``; ``match`` from its end)."""
        words = alternatives(read_lines("spelled_number_neighbours.txt"))
        return (re.compile(rf"(?<!\w)(?:{words})\s+$", re.IGNORECASE),
                re.compile(rf"(?:{words})(?!\w)", re.IGNORECASE))

    @cached_property
    def _per(self) -> str:
        return alternatives(read_lines("per_units.txt"))

    @cached_property
    def _identifier(self) -> re.Pattern[str]:
        words = alternatives(read_lines("figure_identifiers.txt"))
        return re.compile(rf"(?<!\w)(?:{words})\s*$")

    @cached_property
    def _rank_cues(self) -> re.Pattern[str]:
        words = alternatives(read_lines("rank_cues.txt"))
        return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return self._figure_pattern("")

    @cached_property
    def _glued(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """A reporting word glued to a number, and the figure pattern that reads such numbers too: a text
        without one (nearly all) is not slowed by the extra look-behinds."""
        words = read_lines("figure_glued_words.txt")
        return (re.compile(rf"(?<!\w)(?:{alternatives(words)})\d"),
                self._figure_pattern("".join(f"|(?<=(?<!\\w){re.escape(w)})" for w in words)))

    def _figure_pattern(self, glued: str) -> re.Pattern[str]:
        quals, units = alternatives(self._qualifiers), alternatives(self._units)
        # "Hơn 40 nghìn lượt người …": a qualifier opening a sentence is capitalised.
        quals_capital = alternatives([w[0].upper() + w[1:] for w in self._qualifiers])
        return re.compile(
            rf"(?:(?<![\w.,/-])|(?<=°C/){glued})(?:(?P<qual>{quals}|{quals_capital}) )?"
            rf"(?P<num>{_NUM})(?:\s?[-–]\s?(?P<num2>{_NUM}))?"
            rf"(?:(?P<pct>\s?%)|(?:\s?(?P<unit>{units}))(?![\w²³])|(?: (?P<scale>{_SCALE}))(?![\w]))?"
            rf"(?P<per>(?:/(?:{self._per}|{_PER_WORD})(?!\w))+)?"
            rf"(?(unit)(?!\w|/(?!\d)|[.,]\d)|(?![\w/]|[.,]\d))"  # "30°C/27°C": a unit, then another figure
        )

    def find(self, text: str, taken: list[tuple[int, int]], noun_after: NounAfter | None = None,
             word_at: WordAt | None = None) -> list[Entity]:
        found: list[Entity] = []
        taken = list(taken)

        def add(start: int, end: int, value: float, unit: str, qualifier: str | None) -> None:
            found.append(self._entity(text, start, end, value, unit, qualifier))
            taken.append((start, end))

        self._ranks(text, taken, add, noun_after)
        # Where each figure's number starts → (unit, factor), and the bare numbers that may share one.
        units_at: dict[int, tuple[str, float]] = {}
        bare: list[re.Match[str]] = []
        glued_cue, glued_pattern = self._glued
        for m in (glued_pattern if glued_cue.search(text) else self._pattern).finditer(text):
            if _overlaps(m.start("num"), m.end(), taken) or (
                    not m.group("qual") and self._identifier.search(text, max(0, m.start() - 12), m.start())):
                continue  # "khóa 43": an identifier
            value = parse_figure_number(m.group("num"))
            upper = parse_figure_number(m.group("num2")) if m.group("num2") else None
            if value is None or (m.group("num2") and upper is None):
                continue  # malformed or ambiguous (1.2.3.4, 1,234.5): no value rather than a wrong one
            start = m.start("qual") if m.group("qual") else m.start("num")
            qualifier = self._qualifiers.get((m.group("qual") or "").lower())
            if m.group("qual") and self._compound.search(text, max(0, start - 8), start):
                start, qualifier = m.start("num"), None  # "nước ngoài 10 tiến sĩ": abroad, not "more than"
            factor, per = 1.0, m.group("per") or ""
            if m.group("pct"):
                unit, end = "%", m.end("pct")  # "12%/năm" is a percentage; its span is the number and the sign
            elif m.group("unit"):
                unit, factor = self._units[m.group("unit")]
                per = _lowercase_prefix(per)
                unit, end = unit + per, m.end("unit") + len(per)
            else:
                if m.group("scale"):
                    factor = SCALES[m.group("scale")]
                position = m.end("scale") if m.group("scale") else m.end("num2") if m.group("num2") else m.end("num")
                noun = self._counted(text, position, noun_after)
                if noun is not None and word_at is not None:
                    noun = self._conjoined(text, noun, word_at)
                if noun is None or (noun[1] not in _DURATIONS and self._after_name(text, m)):
                    bare.append(m)  # a bare number is not a figure we can name, unless a list gives it a unit
                    continue
                end, unit = noun
                if (_is_year(m.group("num"), unit) or (unit in _DATED_NOUNS and _DATE_AFTER.match(text, end))
                        or (unit == "năm" and _MONTH_BEFORE.search(text, max(0, start - 8), start))
                        or self._clock_time(text, start, end, unit) or self._address(text, end, unit)):
                    continue  # "năm 2020"; "Quyết định 92 ngày 25-4-2006", "tháng 11 năm nay": dates; "lúc 9 giờ";
                    # "số 532 đường Láng": an address
                if _THOUSANDS_OR_DECIMAL.fullmatch(m.group("num")) and not english_thousands(m.group("num")):
                    continue  # "2,653 lượt xem": 2.653 views is no count, 2653 is an English reading; skipped
            after = self._qualifiers_after.match(text, end)
            if after and qualifier is None:  # "từ 10% trở lên"
                qualifier = self._after[after.group(1)]
            units_at[start] = units_at[m.start("num")] = (unit, factor)
            if upper is None:
                add(start, end, value * factor, unit, qualifier)
            else:  # a range is two figures: "13 – 14%" → 13 % and 14 %
                add(start, m.end("num"), value * factor, unit, qualifier)
                add(m.start("num2"), end, upper * factor, unit, None)
        self._listed(text, bare, units_at, add, taken)
        for m in _FRACTION.finditer(text):  # "khoảng 1/3 doanh nghiệp"
            if not _overlaps(m.start(), m.end(), taken):
                start = m.start() if m.group("qual") != "chiếm" else m.start("n")
                qualifier = self._qualifiers.get(m.group("qual"))
                add(start, m.end(), int(m.group("n")) / int(m.group("d")), "fraction", qualifier)
        for m in _PART_OF.finditer(text):  # "19/22 quận huyện": 19 of them
            if self._partitive.match(text, m.end()) and 0 < int(m.group("n")) < int(m.group("d")) <= 10:
                if not _overlaps(m.start(), m.end(), taken):  # "2/3 số mã": a share of the whole
                    add(m.start(), m.end(), int(m.group("n")) / int(m.group("d")), "fraction", None)
                continue
            noun = self._counted(text, m.end(), noun_after)
            if noun and int(m.group("n")) <= int(m.group("d")) and not _overlaps(m.start(), noun[0], taken):
                add(m.start(), noun[0], int(m.group("n")), noun[1], None)
        for m in _SCORE.finditer(text):  # an index score: "giá trị 0,4843"
            if not _overlaps(m.start(), m.end(), taken):
                add(m.start(), m.end(), parse_number(m.group(0)) or 0.0, "score", None)
        self._spelled_runs(text, taken, add, noun_after)
        for m in SPELLED_NUMBER.finditer(text):
            before, after = self._spelled_neighbours
            if before.search(text, max(0, m.start() - 8), m.start()) or after.match(text, m.end()):
                continue  # "ba mươi hai xã", "một phần ba": part of a longer spelled number, not this count
            noun = self._counted(text, m.end("num"), noun_after)
            if noun is None or _overlaps(m.start(), noun[0], taken) or _DAY_NAME.search(text, 0, m.start()):
                continue  # "Thứ bảy tuần trước" is a weekday
            start, qualifier = self._qualified(text, m.start())
            add(start, noun[0], SPELLED[m.group("num").lower()], noun[1], qualifier)  # "hơn hai tháng"
        found.sort(key=lambda e: e.start)
        return found

    def _spelled_runs(self, text: str, taken: list[tuple[int, int]], add: Callable[..., None],
                      noun_after: NounAfter | None) -> None:
        """Counts and amounts spelled in several words: ``hai mươi lăm xã``, ``ba trăm hộ``, ``hai nghìn tỷ
        đồng``. Not a month or an ordinal (``tháng mười hai``, ``thứ hai mươi``), nor a fraction (``hai phần
        ba``) or a half (``hai triệu rưỡi``), which are not read."""
        for run_start, run_end, value in number_runs(text):
            if (value is None or _overlaps(run_start, run_end, taken) or _NOT_A_COUNT_BEFORE.search(
                    text, max(0, run_start - 8), run_start) or _NOT_A_COUNT_AFTER.match(text, run_end)):
                taken.append((run_start, run_end))  # nor is any word of it a count of its own ("hai ba bài")
                continue
            unit = self._unit_after.match(text, run_end)
            if unit:
                name, factor = self._units[unit.group(1)]
                end, value = unit.end(), value * factor
            else:
                noun = self._counted(text, run_end, noun_after)
                if noun is None:
                    continue
                end, name = noun
            start, qualifier = self._qualified(text, run_start)
            add(start, end, value, name, qualifier)

    def _qualified(self, text: str, start: int) -> tuple[int, str | None]:
        """Where a spelled figure starts and its qualifier, when one stands right before it (``hơn hai tháng``;
        not ``nước ngoài hai chuyên gia``)."""
        qualifier = self._qualifier_before.search(text, max(0, start - 12), start)
        if qualifier is None or self._compound.search(text, max(0, qualifier.start() - 8), qualifier.start()):
            return start, None
        return qualifier.start(), self._qualifiers[qualifier.group(1).lower()]

    @cached_property
    def _unit_after(self) -> re.Pattern[str]:
        return re.compile(rf"\s?({alternatives(self._units)})(?![\w²³])")

    def _ranks(self, text: str, taken: list[tuple[int, int]], add: Callable[..., None],
               noun_after: NounAfter | None) -> None:
        """``thứ 2/63``, ``top 10`` (but ``top 500 thành phố`` counts cities), ``vị trí 110 và 148``,
        ``đứng 5/13 tỉnh``, ``lớn thứ hai``, and the lists of a ranking sentence (``thứ hạng … lần lượt là
        22,10,10 và 37``)."""
        for m in _RANK.finditer(text):
            start = m.start("rank") if m.group("word").startswith("vị trí") else m.start("word")
            if _ORDINAL_NOT_RANK.search(text[max(0, start - 12) : start]):
                taken.append((start, m.end()))  # "lần thứ 18", "kỳ họp thứ 10": which session, not a rank
                continue
            if _overlaps(start, m.end(), taken):
                continue
            if m.group("word").lower() == "top" and not m.group("of") and noun_after and noun_after(m.end()):
                continue  # "lọt top 1.000 hệ sinh thái" counts ecosystems; "top 10 cả nước" is a rank
            add(start, m.end(), int(m.group("rank")), "rank", None)
            for more in _RANK_LIST.finditer(text, m.end()):  # "xếp thứ 22, 10, 10 và 37" is four ranks
                if more.start() != taken[-1][1]:
                    break
                add(more.start("rank"), more.end("rank"), int(more.group("rank")), "rank", None)
        for m in _RANK_OF.finditer(text):
            if not _overlaps(m.start("span"), m.end(), taken):
                add(m.start("span"), m.end(), int(m.group("rank")), "rank", None)
        for m in _SPELLED_RANK.finditer(text):
            if not _overlaps(m.start("span"), m.end(), taken):
                add(m.start("span"), m.end(), ORDINALS[m.group("word")], "rank", None)
        for m in _RESPECTIVELY.finditer(text):
            sentence_start = max(_last_match_end(_SENTENCE_END, text, m.start()), 0)
            if not self._rank_cues.search(text, sentence_start, m.start()):
                continue
            for number in re.finditer(r"\d+", m.group("list")):
                start, end = m.start("list") + number.start(), m.start("list") + number.end()
                if not _overlaps(start, end, taken):
                    add(start, end, int(number.group(0)), "rank", None)

    def _listed(self, text: str, bare: list[re.Match[str]], units_at: dict[int, tuple[str, float]],
                add: Callable[..., None], taken: list[tuple[int, int]]) -> None:
        """Bare numbers of a list or a change that share the unit written once at its end: ``50.000, 100.000
        và 500.000 đồng``, ``từ 75.900 xuống 66.200 USD``, ``2 hoặc 3 doanh nghiệp``. Read right to left, so a
        whole list inherits the last number's unit."""
        for m in reversed(bare):
            if m.group("num2") or _overlaps(m.start("num"), m.end(), taken):
                continue
            link = self._list_links.match(text, m.end())
            following = units_at.get(link.end()) if link else None
            value = parse_figure_number(m.group("num"))
            if following is None or value is None or (_THOUSANDS_OR_DECIMAL.fullmatch(m.group("num"))
                                                      and not english_thousands(m.group("num"))):
                continue
            unit, factor = following
            if m.group("scale"):  # "từ 2 triệu lên 3 triệu đồng": its own scale, the unit of the other
                own = SCALES[m.group("scale")]
                if factor not in (1.0, own):
                    continue
                factor = own
            start = m.start("qual") if m.group("qual") else m.start("num")
            end = m.end("scale") if m.group("scale") else m.end("num")
            units_at[start] = units_at[m.start("num")] = (unit, factor)
            add(start, end, value * factor, unit, self._qualifiers.get(m.group("qual") or ""))

    @cached_property
    def _clock(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        rows = read_csv("clock_words.csv")
        before = alternatives(r["word"] for r in rows if r["side"] == "before")
        after = alternatives(r["word"] for r in rows if r["side"] == "after")
        return (re.compile(rf"(?<!\w)(?:{before})\s+$", re.IGNORECASE),
                re.compile(rf"\s*(?:{after})(?!\w)", re.IGNORECASE))

    def _clock_time(self, text: str, start: int, end: int, unit: str) -> bool:
        """``lúc 9 giờ``, ``22 giờ đêm``: a time of day, not a duration (``trong 3 giờ``)."""
        if unit not in _CLOCK_UNITS:
            return False
        before, after = self._clock
        return bool(before.search(text, max(0, start - 12), start) or after.match(text, end))

    @cached_property
    def _street_nouns(self) -> frozenset[str]:
        return frozenset(read_lines("street_nouns.txt"))

    def _address(self, text: str, end: int, unit: str) -> bool:
        """``532 đường Láng``, ``12 phố Huế``: a house number before a named street."""
        return unit in self._street_nouns and bool(re.match(r"\s+[A-ZĐ0-9]", text[end : end + 3]))

    def _after_name(self, text: str, m: re.Match[str]) -> bool:
        """A short plain number right after a capitalised word inside a sentence is part of a name: "Mazda 6",
        "PMU 18", "SEA Games 22", "BV Nhi Đồng 1" (a number that opens the sentence is not; a duration after a
        name, "Việt Nam 50 năm", is kept by the caller)."""
        if m.group("qual") or m.group("scale") or not re.fullmatch(r"\d{1,3}", m.group("num")):
            return False
        word = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
        if word is None or not any(c.isupper() for c in word.group(1)) or not word.group(1)[-1:].isalnum():
            return False
        before = text[: m.start() - len(word.group(0))].rstrip(" \t")
        return bool(before) and before[-1] not in ".!?:;\n(\"“'‘-–"

    def _conjoined(self, text: str, noun: tuple[int, str], word_at: WordAt) -> tuple[int, str]:
        """Nouns coordinated with the counted one are counted with it: ``168 phường, xã, đặc khu với …``,
        ``5 nhóm nhiệm vụ, giải pháp chung``, unless a verb follows them (``10 doanh nghiệp, doanh thu đạt …``
        opens a new clause)."""
        end, unit = noun
        cursor = end
        while link := _COORDINATION.match(text, cursor):
            word = word_at(link.end())
            if word is None or not word[1][:1].islower() or not (
                    (word[2].startswith("N") and word[2] not in ("Np", "Nu")) or self._count_nouns.fullmatch(word[1])):
                break
            cursor = word[0]
            if link.group(0) == " và ":
                break  # "nhóm nhiệm vụ và giải pháp": "và" joins the last one
        if cursor == end:
            return noun
        following = word_at(cursor + 1 if text[cursor : cursor + 1] == " " else cursor)
        if cursor < len(text) and following is not None and following[2] not in _AFTER_COORDINATION and not (
                following[2] == "E" and following[1].lower() in _PREPOSITIONS_AFTER):
            return noun
        return cursor, unit + text[end:cursor]

    def _counted(self, text: str, position: int, noun_after: NounAfter | None) -> tuple[int, str] | None:
        """The counted noun after ``position`` and where it ends: the tagger's noun or a listed counted noun,
        the longer; a classifier takes the next word with it (``nhóm sản phẩm``, ``câu hỏi``), and a rate its
        denominator (``giường bệnh/vạn dân``)."""
        noun = noun_after(position) if noun_after else None
        listed = self._count_nouns.match(text, position)
        if listed and (noun is None or listed.end() > noun[0]):
            noun = listed.end(), listed.group(0).strip()
        if noun is None:
            return None
        end, unit = noun
        if unit.replace("_", " ").lower() in self._classifiers:
            following = noun_after(end, True) if noun_after else None
            if following is not None:
                end, unit = following[0], f"{unit} {following[1]}"
        per = re.match(rf"(?:/(?:{self._per})(?!\w))+", text[end:])
        if per:
            end, unit = end + per.end(), unit + per.group(0)
        return end, unit

    @staticmethod
    def _entity(text: str, start: int, end: int, value: float, unit: str, qualifier: str | None,
                **extra: object) -> Entity:
        sentence_start = max(_last_match_end(_SENTENCE_END, text, start), 0)
        sentence_end = _SENTENCE_END.search(text, end)
        sentence = text[sentence_start : sentence_end.start() if sentence_end else len(text)]
        year = _YEAR_IN_SENTENCE.search(sentence)
        attrs = {"value": as_number(value), "unit": unit, "qualifier": qualifier, "measure": None,
                 "year": int(year.group(1)) if year else None, **extra}
        return Entity("figure", text[start:end], start, end, attrs)


SENTENCE_LOOKBACK = 2_000  # characters searched back for a sentence's start before the whole text is


def _last_match_end(pattern: re.Pattern[str], text: str, end: int) -> int:
    """End of the last match of ``pattern`` in ``text[:end]`` (-1 if none); a window first, so a long
    text is not scanned from its start for each figure."""
    for start in (max(0, end - SENTENCE_LOOKBACK), 0):
        last = -1
        for last_match in pattern.finditer(text[start:end]):
            last = start + last_match.end()
        if last >= 0 or start == 0:
            return last
    return -1


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _lowercase_prefix(per: str) -> str:
    """The rate denominators of ``per`` up to the first that is not lowercase ("/lượng", not "/UBND")."""
    kept = ""
    for part in per.split("/")[1:]:
        if not part.islower():
            break
        kept += "/" + part
    return kept


def _is_year(number: str, unit: str) -> bool:
    return len(number) == 4 and number.startswith(("19", "20")) and unit in ("năm", "tháng")
