"""A light word scanner over raw text (offsets kept) for the rule-based recognisers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

# Words, single punctuation marks, and line breaks (no name runs across a line).
_WORD = re.compile(r"[^\W_][\w&'’]*(?:[-&][^\W_][\w&'’]*)*|\S|\n")
ADMIN_WORDS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "TP.", "Tp.", "TP", "Tp")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_abbreviation(self) -> bool:
        """KH&CN, UBND, TT-TT: two or more capitals, or an ampersand."""
        return "&" in self.text or sum(c.isupper() for c in self.text) >= 2

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def scan(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    end = len(text) if end is None else end
    return [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


class PhraseIndex:
    """Multi-word phrases looked up by their first (or last) word; the longest match wins.

    Gaps between words must be as in the phrase (``TP.`` has none, ``Sở KH&CN`` one space), so
    ``TS. Dương`` and ``TS Dương`` are told apart.
    """

    def __init__(self, phrases: Iterable[str], fold_case: bool = False) -> None:
        """``fold_case``: also match phrases written in another case ("phó chủ tịch", "Phó chủ tịch"), after
        every exact match; the phrase returned is the listed one."""
        self._first: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
        self._last: dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]] = {}
        phrases = list(phrases)
        self._folded = PhraseIndex([p.lower() for p in phrases]) if fold_case else None
        self._listed = {p.lower(): p for p in reversed(phrases)} if fold_case else {}
        for phrase in phrases:
            parts = scan(phrase)
            if not parts:
                continue
            entry = (phrase, tuple(w.text for w in parts),
                     tuple(" " if phrase[a.end : b.start] else "" for a, b in zip(parts, parts[1:], strict=False)))
            self._first.setdefault(entry[1][0], []).append(entry)
            self._last.setdefault(entry[1][-1], []).append(entry)
        for table in (self._first, self._last):
            for entries in table.values():
                entries.sort(key=lambda e: len(e[1]), reverse=True)

    def match(self, words: list[Word], i: int, text: str) -> tuple[str, int] | None:
        """The longest phrase starting at word ``i``, and its length in words."""
        if not 0 <= i < len(words):
            return None
        exact = next(((phrase, len(parts)) for phrase, parts, gaps in self._first.get(words[i].text, ())
                      if _matches(words, i, parts, gaps, text)), None)
        lowered = words[i].text.lower() if self._folded is not None else ""
        if self._folded is not None and lowered in self._folded._first \
                and (exact is None or exact[1] < len(self._folded._first[lowered][0][1])):
            # A longer phrase in another case wins: "Phó Chủ tịch thường trực" over "Phó Chủ tịch".
            found = self._folded.match(_lowered(words, i, MAX_FOLDED_WORDS), 0, text)
            if found and (exact is None or found[1] > exact[1]):
                return self._listed[found[0]], found[1]
        return exact

    def match_ending(self, words: list[Word], end: int, text: str) -> tuple[str, int] | None:
        """The longest phrase ending just before word ``end``, and its length in words."""
        if not 0 < end <= len(words):
            return None
        exact = next(((phrase, len(parts)) for phrase, parts, gaps in self._last.get(words[end - 1].text, ())
                      if end >= len(parts) and _matches(words, end - len(parts), parts, gaps, text)), None)
        lowered = words[end - 1].text.lower() if self._folded is not None else ""
        if self._folded is not None and lowered in self._folded._last \
                and (exact is None or exact[1] < len(self._folded._last[lowered][0][1])):
            first = max(0, end - MAX_FOLDED_WORDS)
            found = self._folded.match_ending(_lowered(words, first, end - first), end - first, text)
            if found and (exact is None or found[1] > exact[1]):
                return self._listed[found[0]], found[1]
        return exact


MAX_FOLDED_WORDS = 12  # longest phrase matched in another case


def _lowered(words: list[Word], i: int, n: int) -> list[Word]:
    """Words ``i … i+n`` lowercased (offsets kept; ``str.lower`` keeps Vietnamese letters one character)."""
    return [Word(w.text.lower(), w.start, w.end) for w in words[i : i + n]]


def _matches(words: list[Word], i: int, parts: tuple[str, ...], gaps: tuple[str, ...], text: str) -> bool:
    if i + len(parts) > len(words):
        return False
    for k, part in enumerate(parts):
        if words[i + k].text != part:
            return False
        if k and (" " if text[words[i + k - 1].end : words[i + k].start] else "") != gaps[k - 1]:
            return False
    return True


def admin_word_at(words: list[Word], i: int, text: str) -> int:
    """Length in words of an administrative word (``tỉnh``, ``thành phố``, ``TP.``) at ``i``, or 0."""
    found = _ADMIN.match(words, i, text)
    return found[1] if found else 0


_ADMIN = PhraseIndex(ADMIN_WORDS)


class Coverage:
    """Whether a word starts inside one of the spans: a binary search (an article may have thousands)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max, initial=0))  # the furthest end so far

    def __call__(self, word: Word) -> bool:
        return word.start < self.reach[bisect_right(self.starts, word.start)]
