"""A light word scanner over raw text (offsets kept) for the rule-based recognisers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_][\w&'’]*(?:[-&][^\W_][\w&'’]*)*|\S")
ADMIN_WORDS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "TP", "Tp")


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


def match_phrase(words: list[Word], i: int, phrase: str, text: str) -> int:
    """Number of words from ``i`` that spell ``phrase`` (single spaces between them), or 0."""
    parts = phrase.split()
    if i + len(parts) > len(words):
        return 0
    for k, part in enumerate(parts):
        if words[i + k].text != part:
            return 0
        if k and text[words[i + k - 1].end : words[i + k].start] != " ":
            return 0
    return len(parts)


def admin_word_at(words: list[Word], i: int, text: str) -> int:
    """Length in words of an administrative word (``tỉnh``, ``thành phố``, ``TP.``) at ``i``, or 0."""
    if i < 0:
        return 0
    for admin in ADMIN_WORDS:
        n = match_phrase(words, i, admin, text)
        if n:
            if admin in ("TP", "Tp") and i + 1 < len(words) and words[i + 1].text == ".":
                return 2
            return n
    return 0
