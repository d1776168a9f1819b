"""A spaCy tokenizer whose tokens are underthesea's words (``Phát biểu`` is one token)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.segment import segment


class UnderthesesaTokenizer:
    """Builds a ``Doc`` from underthesea's segmentation; ``doc.text`` is always the input text.

    Sentence boundaries from segmentation are set on the tokens, so ``doc.sents`` works without a parser.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        cursor = 0

        def gap_until(position: int) -> None:
            """Emit the text between tokens: a trailing space, or whitespace/unplaced tokens of their own."""
            nonlocal cursor
            gap = text[cursor:position]
            if gap.startswith(" ") and words and not spaces[-1]:
                spaces[-1] = True
                gap = gap[1:]
            for piece in _split_gap(gap):
                words.append(piece)
                spaces.append(False)
                starts.append(False)
            cursor = position

        for sentence, spans in segment(text):
            first = True
            for span in spans:
                gap_until(span.start)
                words.append(text[span.start : span.end])
                spaces.append(False)
                starts.append(first)
                first = False
                cursor = span.end
            gap_until(sentence.end)
        gap_until(len(text))
        if starts:
            starts[0] = True
        # Given to the constructor: setting token.is_sent_start one by one re-checks the whole doc each time.
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)

    # spaCy serialises tokenizers with the pipeline; this one has no state of its own.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: object) -> UnderthesesaTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> UnderthesesaTokenizer:
        return self


def _split_gap(gap: str) -> list[str]:
    """Split text between placed words into whitespace runs and the non-space runs between them."""
    pieces: list[str] = []
    current = ""
    for ch in gap:
        if current and current[-1].isspace() != ch.isspace():
            pieces.append(current)
            current = ""
        current += ch
    if current:
        pieces.append(current)
    return pieces
