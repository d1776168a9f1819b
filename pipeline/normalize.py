"""Text normalisation shared by every stage: cleaning, tone-mark unification and diacritic folding.

Three functions, three promises:

* :func:`clean_text` makes the text that is stored and that offsets point into (NFC, no zero-width
  characters, plain spaces and newlines). :func:`clean_text_with_map` also returns where each kept
  character came from, so offsets can be reported against the NFC source a user gave.
* :func:`unify_tones` rewrites old/new tone placement (``hoà``/``hòa``, ``thuỷ``/``thủy``) to one form
  for matching; it never changes the length of the text, so offsets survive it.
* :func:`fold` lowercases and strips every diacritic, folding ``đ`` to ``d`` (Unicode decomposition
  does not), again character for character. Documents and queries are folded by this one function,
  in the embedded index and in Elasticsearch alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that carry no text: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Whitespace that portals sprinkle into text; all become a plain space (newlines are kept).
_ODD_SPACES = frozenset("\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                        "\u202f\u205f\u3000\u000b\u000c")
_LINE_BREAKS = frozenset("\r\u2028\u2029\u0085")

# Tone marks as combining characters (NFD). Other marks (circumflex, breve, horn) belong to the vowel.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE = re.compile(r"[^\W\d_]+")


def clean_text_with_map(raw: str) -> tuple[str, list[int]]:
    """Clean ``raw`` and map each kept character to its index in ``NFC(raw)``.

    Returns:
        The cleaned text and a list ``origin`` with ``len(cleaned) + 1`` entries, where
        ``origin[i]`` is the index in the NFC source of cleaned character ``i`` and the last entry is
        the NFC length, so a span ``[s, e)`` maps to ``[origin[s], origin[e - 1] + 1)``.
    """
    source = unicodedata.normalize("NFC", raw)
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # index of a space we may emit, collapsed with its neighbours
    newlines = 0
    for i, ch in enumerate(source):
        if ch in _INVISIBLE:
            continue
        if ch in _LINE_BREAKS:
            # \r\n → \n; a lone \r or Unicode separator also ends a line.
            if ch == "\r" and i + 1 < len(source) and source[i + 1] == "\n":
                continue
            ch = "\n"
        if ch == "\n":
            pending_space = -1  # trailing spaces on a line are dropped
            if not out:
                continue
            newlines += 1
            if newlines <= 2:
                out.append("\n")
                origin.append(i)
            continue
        if ch == " " or ch in _ODD_SPACES or (ch.isspace()):
            if out and out[-1] != "\n" and pending_space < 0:
                pending_space = i
            continue
        if pending_space >= 0:
            out.append(" ")
            origin.append(pending_space)
            pending_space = -1
        newlines = 0
        out.append(ch)
        origin.append(i)
    while out and out[-1] == "\n":
        out.pop()
        origin.pop()
    origin.append(len(source))
    return "".join(out), origin


def clean_text(raw: str) -> str:
    """NFC, invisible characters removed, odd spaces made plain, runs collapsed, at most one blank line."""
    return clean_text_with_map(raw)[0]


def _move_tone(first: str, second: str) -> tuple[str, str] | None:
    """``(o, à)`` → ``(ò, a)`` when the tone sits on the second vowel of a final oa/oe/uy."""
    d1 = unicodedata.normalize("NFD", first)
    d2 = unicodedata.normalize("NFD", second)
    tones = [c for c in d2[1:] if c in _TONES]
    if len(d1) != 1 or len(tones) != 1 or len(d2) != 2:
        return None
    return (unicodedata.normalize("NFC", d1 + tones[0]), d2[0])


def unify_tones(text: str) -> str:
    """Put the tone of a word-final ``oa``/``oe``/``uy`` on the first vowel (``hoà``→``hòa``, ``thuỷ``→``thủy``).

    This is the placement underthesea and most portals use; the length of ``text`` is unchanged.
    """

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 2:
            return word
        pair = fold(word[-2:])
        if pair not in ("oa", "oe", "uy"):
            return word
        if pair == "uy" and len(word) >= 3 and fold(word[-3]) == "q":
            return word  # "quý": the u belongs to "qu", the tone is on y in every style
        moved = _move_tone(word[-2], word[-1])
        return word if moved is None else word[:-2] + moved[0] + moved[1]

    return _SYLLABLE.sub(fix, text)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(0x41, 0x2000):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base != ch and (unicodedata.category(ch)[0] == "L"):
            table[code] = ord(base)
    table[ord("đ")] = table[ord("Đ")] = ord("d")
    table[ord("ð")] = table[ord("Ð")] = ord("d")
    return table


def fold(text: str) -> str:
    """Lowercase and strip diacritics, ``đ``→``d``; one output character per input character."""
    return text.translate(_fold_table())


def match_key(text: str) -> str:
    """Key for diacritic-preserving matching: tones unified, lowercased, same length as ``text``."""
    unified = unify_tones(text)
    lowered = unified.lower()
    return lowered if len(lowered) == len(unified) else "".join(c.lower()[:1] or c for c in unified)


_CAPS_LINE = re.compile(r"(?m)^[^\n]+$")
MIN_CAPS_WORDS = 6  # a shorter all-caps line is more often a byline ("KIM DUNG - VŨ PHƯỜNG") than a headline


def quiet_capitals(text: str) -> str:
    """All-caps lines of six words or more (headlines) lowercased, same length: in capitals every word looks
    like an abbreviation or a name, so rather than guess, the recognisers see ordinary lowercase words."""

    def lower(match: re.Match[str]) -> str:
        line = match.group(0)
        letters = [c for c in line if c.isalpha()]
        words = [w for w in line.split() if w[:1].isalpha()]  # "KIM DUNG - VŨ PHƯỜNG 03/07/2024 06:02" has four
        if len(words) < MIN_CAPS_WORDS or not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
            return line
        lowered = line.lower()
        return lowered if len(lowered) == len(line) else "".join(c.lower()[:1] or c for c in line)

    return _CAPS_LINE.sub(lower, text)
