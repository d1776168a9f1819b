"""The query language both backends understand, parsed once: words and "quoted phrases", all required.

Both backends match on text folded by :func:`pipeline.normalize.fold` (the one folding function, also
applied to documents), score exact spellings higher, and reward query syllables that the document's
segmentation joins into one word (``chuyển đổi`` as a word, not two syllables that happen to meet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize import fold, unify_tones
from search.query import QuerySyntaxError

# Field weights of both backends (the embedded index's bm25 column weights, Elasticsearch's boosts): titles
# and exact spellings count more; query syllables the segmentation joins into one word add a little.
FIELD_WEIGHTS = {"title_exact": 6.0, "body_exact": 2.0, "title_folded": 3.0, "body_folded": 1.0, "words": 1.5}
MAX_JOIN = 4  # Vietnamese words rarely have more than four syllables
_QUERY_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_TERM_CHARS = re.compile(r"[^\w&'-]+")
_SYLLABLE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    parts: tuple[str, ...]  # each required: a word or a phrase, punctuation removed, as typed

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(p) for p in self.parts)

    @property
    def exact(self) -> tuple[str, ...]:
        return tuple(unify_tones(p) for p in self.parts)

    def joins(self) -> list[str]:
        """Runs of 2–4 consecutive query syllables joined as a segmented word would be (``chuyen_doi``)."""
        syllables = _SYLLABLE.findall(fold(" ".join(self.parts)))
        return [
            "_".join(syllables[i:i + n])
            for n in range(2, MAX_JOIN + 1)
            for i in range(len(syllables) - n + 1)
        ]


def parse_query(q: str) -> ParsedQuery:
    """Raises :class:`QuerySyntaxError` for unbalanced quotes or a query with nothing searchable."""
    if q.count('"') % 2:
        raise QuerySyntaxError(f"unbalanced quote in query {q!r}")
    parts = []
    for phrase, word in _QUERY_TOKENS.findall(q):
        term = " ".join(_TERM_CHARS.sub(" ", phrase or word).split())
        if term:
            parts.append(term)
    if not parts:
        raise QuerySyntaxError(f"nothing searchable in query {q!r}")
    return ParsedQuery(tuple(parts))


def segmented_field(words: list[str]) -> str:
    """The document side of :meth:`ParsedQuery.joins`: folded words, syllables joined by ``_``."""
    out = []
    for word in words:
        syllables = _SYLLABLE.findall(fold(word))
        if syllables:
            out.append("_".join(syllables))
    return " ".join(out)
