"""The query language both backends understand, parsed once: words and "quoted phrases", all required.

Both backends match on text folded by :func:`pipeline.normalize.fold` (the one folding function, also
applied to documents), score exact spellings higher, and reward query syllables that the document's
segmentation joins into one word (``chuyển đổi`` as a word, not two syllables that happen to meet).
A word or run of words that the gazetteers know under other spellings (``KH&CN`` / ``Khoa học và Công
nghệ``, ``TP.HCM`` / ``Thành phố Hồ Chí Minh``) matches any of them. A run of syllables that the dictionary
knows as one word (``đầu tư``, ``chuyen doi``) must appear as that word, its syllables side by side: a
Vietnamese word is written as separate syllables, and ``đầu`` somewhere and ``tư`` somewhere else is not
``đầu tư`` (folded, the two syllables alone match half of all news).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.gazetteer import read_csv
from pipeline.normalize import fold, unify_tones
from search.query import QuerySyntaxError

# Field weights of both backends (the embedded index's bm25 column weights, Elasticsearch's boosts): titles
# and exact spellings count more; query syllables the segmentation joins into one word add a little.
FIELD_WEIGHTS = {"title_exact": 6.0, "body_exact": 2.0, "title_folded": 3.0, "body_folded": 1.0, "words": 1.5}
MAX_JOIN = 4  # Vietnamese words rarely have more than four syllables
MAX_SYNONYM_WORDS = 8
# Fewer matches than this (a default page) and the engines fall back to the loosened query.
LOOSEN_BELOW = 10
_QUERY_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_TERM_CHARS = re.compile(r"[^\w&'-]+")
_SYLLABLE = re.compile(r"[^\W_]+")
# underthesea's word list (shipped in its wheel): the words of more than one syllable are query units.
LEXICON = ("underthesea", "corpus/data/Viet74K.txt")

log = logging.getLogger(__name__)


def tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens, as both engines' tokenizers cut them (``KH&CN`` → ``kh``, ``cn``)."""
    return tuple(_SYLLABLE.findall(fold(text)))


@cache
def synonyms() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Token key → every spelling of the same name (folded), from the abbreviation and province tables."""
    groups: list[list[str]] = []
    by_expansion: dict[str, list[str]] = defaultdict(list)
    for row in read_csv("abbreviations.csv"):
        by_expansion[row["expansion"]].append(row["abbreviation"])
    groups += [[expansion, *abbreviations] for expansion, abbreviations in by_expansion.items()]
    for row in read_csv("provinces.csv"):
        groups.append([row["name"], *filter(None, row["aliases"].split(";"))])
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in groups:
        spellings = tuple(dict.fromkeys(" ".join(tokens(s)) for s in group if tokens(s)))
        for spelling in spellings:
            key = tuple(spelling.split())
            table[key] = tuple(dict.fromkeys([*table.get(key, ()), *spellings]))
    return table


@cache
def lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Words of 2–4 syllables: lower-cased with tones unified, and folded (for queries typed without them)."""
    package, name = LEXICON
    try:
        lines = (resources.files(package) / name).read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        log.warning("no word list (%s/%s: %s): query words are matched one syllable at a time", package, name, exc)
        return frozenset(), frozenset()
    exact, folded = set(), set()
    for line in lines:
        syllables = line.split()
        if 2 <= len(syllables) <= MAX_JOIN and all(_SYLLABLE.fullmatch(s) for s in syllables):
            exact.add(unify_tones(" ".join(syllables).lower()))
            folded.add(" ".join(tokens(line)))
    return frozenset(exact), frozenset(folded)


def load_tables() -> None:
    """Read the word list and the gazetteers now (a server does it at start, not in its first request)."""
    lexicon()
    synonyms()


def _is_word(typed: str) -> bool:
    """Whether ``typed`` (several syllables) is a dictionary word: as typed when it has diacritics, folded
    when it has none."""
    exact, folded = lexicon()
    lowered = unify_tones(typed.lower())
    return lowered in exact if fold(lowered) != lowered else lowered in folded


@dataclass(frozen=True, slots=True)
class Unit:
    """One required part of a query: as typed, and the folded spellings any of which satisfies it."""

    typed: str
    alternatives: tuple[str, ...]
    word: bool = False  # a dictionary word of several syllables (not a name, not a quoted phrase)

    @property
    def exact(self) -> str:
        return unify_tones(self.typed)

    def syllables(self) -> tuple[Unit, ...]:
        return tuple(Unit(typed, (fold(typed),)) for typed in self.typed.split())


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    parts: tuple[str, ...]  # words and phrases, punctuation removed, as typed
    units: tuple[Unit, ...]

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(p) for p in self.parts)

    def loosened(self) -> ParsedQuery | None:
        """The same query with its dictionary words as separate syllables, found anywhere (None if it has no
        dictionary word). The engines fall back to it, ranking the articles that have the words as words
        first, when those are fewer than ``LOOSEN_BELOW``: better some articles that may be about ``phòng chống thiên
        tai`` than almost none."""
        if not any(unit.word for unit in self.units):
            return None
        return ParsedQuery(self.parts, tuple(u for unit in self.units
                                             for u in (unit.syllables() if unit.word else (unit,))))

    def joins(self) -> list[str]:
        """Runs of 2–4 consecutive query syllables joined as a segmented word would be (``chuyen_doi``)."""
        syllables = list(tokens(" ".join(self.parts)))
        return [
            "_".join(syllables[i:i + n])
            for n in range(2, MAX_JOIN + 1)
            for i in range(len(syllables) - n + 1)
        ]


def parse_query(q: str) -> ParsedQuery:
    """Raises :class:`QuerySyntaxError` for unbalanced quotes or a query with nothing searchable."""
    if q.count('"') % 2:
        raise QuerySyntaxError(f"unbalanced quote in query {q!r}")
    parts: list[tuple[str, bool]] = []
    for phrase, word in _QUERY_TOKENS.findall(q):
        term = " ".join(_TERM_CHARS.sub(" ", phrase or word).split())
        if term and tokens(term):
            parts.append((term, bool(phrase)))
    if not parts:
        raise QuerySyntaxError(f"nothing searchable in query {q!r}")
    return ParsedQuery(tuple(p for p, _ in parts), _units(parts))


def _units(parts: list[tuple[str, bool]]) -> tuple[Unit, ...]:
    """Group words into units, the longest run of words that is a known name first, then the longest that is
    a dictionary word; a quoted phrase is one unit (with the other spellings of the name if it is one)."""
    table = synonyms()
    units: list[Unit] = []
    i = 0
    while i < len(parts):
        text, quoted = parts[i]
        end, word = i + 1, False
        if not quoted:
            end = _name_end(parts, i, table)
            if not end:
                end = _word_end(parts, i)
                word = bool(end)
            end = end or i + 1
        typed = " ".join(p for p, _ in parts[i:end])
        key = tuple(t for p, _ in parts[i:end] for t in tokens(p))
        own = " ".join(key)
        units.append(Unit(typed, tuple(dict.fromkeys([own, *table.get(key, ())])), word))
        i = end
    return tuple(units)


def _name_end(parts: list[tuple[str, bool]], start: int, table: dict[tuple[str, ...], tuple[str, ...]]) -> int:
    """End of the longest unquoted run from ``start`` that the gazetteers know (0 if none)."""
    for end in range(min(len(parts), start + MAX_SYNONYM_WORDS), start + 1, -1):
        run = parts[start:end]
        if not any(q for _, q in run) and tuple(t for p, _ in run for t in tokens(p)) in table:
            return end
    return 0


def _word_end(parts: list[tuple[str, bool]], start: int) -> int:
    """End of the longest run of single unquoted syllables from ``start`` that is a dictionary word (0 if none)."""
    for end in range(min(len(parts), start + MAX_JOIN), start + 1, -1):
        run = parts[start:end]
        if all(not q and len(tokens(p)) == 1 for p, q in run) and _is_word(" ".join(p for p, _ in run)):
            return end
    return 0


def segmented_field(words: list[str]) -> str:
    """The document side of :meth:`ParsedQuery.joins`: folded words, syllables joined by ``_``."""
    out = []
    for word in words:
        syllables = _SYLLABLE.findall(fold(word))
        if syllables:
            out.append("_".join(syllables))
    return " ".join(out)
