"""Sentence and word segmentation by underthesea, with every token located in the original text.

underthesea normalises what it returns (``Hoà`` comes back as ``Hòa``, spacing around punctuation
changes), so its tokens are aligned back to the text by diacritic-folded comparison: the spans this
module returns always index the text it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize import fold

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text``: lines first (portals put one paragraph per line), then underthesea."""
    from underthesea import sent_tokenize

    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        body = para.group(0)
        cursor = 0
        for sentence in sent_tokenize(body):
            sentence = sentence.strip()
            if not sentence:
                continue
            found = body.find(sentence, cursor)
            if found < 0:  # underthesea changed the text; fall back to the rest of the paragraph
                break
            spans.append(Span(para.start() + found, para.start() + found + len(sentence)))
            cursor = found + len(sentence)
        rest = body[cursor:].strip()
        if rest:
            found = body.find(rest, cursor)
            spans.append(Span(para.start() + found, para.start() + found + len(rest)))
    return spans


def align(tokens: list[str], text: str, offset: int = 0) -> list[Span]:
    """Locate ``tokens`` (as underthesea returned them) in ``text``; unplaceable tokens are dropped."""
    folded = fold(text)
    spans: list[Span] = []
    cursor = 0
    for token in tokens:
        target = fold(token.replace(" ", "").replace("_", ""))
        if not target:
            continue
        pos = cursor
        while pos < len(text) and text[pos].isspace():
            pos += 1
        end = _match_at(folded, pos, target)
        if end is None:  # normalised beyond folding (quotes, ellipses): search a little ahead
            found = folded.find(target[0], pos, pos + 8)
            end = _match_at(folded, found, target) if found >= 0 else None
            if end is None:
                continue
            pos = found
        spans.append(Span(offset + pos, offset + end))
        cursor = end
    return spans


def _match_at(folded: str, pos: int, target: str) -> int | None:
    """End of ``target`` matched at ``pos``, skipping spaces inside the text (multi-syllable words)."""
    i = pos
    for ch in target:
        while i < len(folded) and folded[i] == " ":
            i += 1
        if i >= len(folded) or folded[i] != ch:
            return None
        i += 1
    return i


def segment(text: str) -> list[tuple[Span, list[Span]]]:
    """Sentences of ``text``, each with its word spans (multi-syllable words are one span)."""
    from underthesea import word_tokenize

    result = []
    for sentence in split_sentences(text):
        chunk = text[sentence.start : sentence.end]
        words = align(word_tokenize(chunk), chunk, sentence.start)
        result.append((sentence, words))
    return result
