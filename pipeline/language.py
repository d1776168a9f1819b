"""Is this Vietnamese? A small, offline check (underthesea's own detector downloads a model).

A text is Vietnamese when enough of its words carry Vietnamese diacritics, or (for text typed without
them) when enough are frequent Vietnamese function words; English is recognised by its own function
words so that it can be named in the output.
"""

from __future__ import annotations

import re

from pipeline.normalize import fold

_WORD = re.compile(r"[^\W\d_]+")
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "by", "at", "from", "this", "are",
    "was", "be", "it", "an", "or", "which", "has", "have",
})
MIN_WORDS = 3
VIETNAMESE_SHARE = 0.12
DIACRITIC_SHARE = 0.25  # Vietnamese prose: most syllables carry a mark; names in other languages rarely
ENGLISH_SHARE = 0.12


def detect_language(text: str, function_words: frozenset[str]) -> str:
    """``vi``, ``en``, or ``und`` (too short, no words, or something else)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS:
        return "und"
    marked = sum(1 for w in words if fold(w) != w.lower())
    if marked / len(words) >= DIACRITIC_SHARE:
        return "vi"
    single = {w for w in function_words if " " not in w}
    folded = {fold(w) for w in single}
    vi_hits = sum(1 for w in words if w in single or fold(w) in folded)
    en_hits = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    if vi_hits / len(words) >= VIETNAMESE_SHARE and vi_hits >= en_hits:
        return "vi"
    if en_hits / len(words) >= ENGLISH_SHARE:
        return "en"
    return "und"
