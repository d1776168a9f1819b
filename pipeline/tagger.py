"""underthesea's CRF POS, chunk and NER models applied to words we have already segmented.

``underthesea.ner(text)`` re-segments and re-tags the text on every call; the predictors below are
the same models (shipped in underthesea's wheel, no download) fed with our own tokens, so a sentence
is segmented once and its offsets stay ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.normalize import unify_tones


@dataclass(frozen=True, slots=True)
class TaggedWord:
    pos: str
    chunk: str
    ner: str  # BIO tag: B-PER, I-ORG, O …


class UnderthesesaTagger:
    """POS, chunk and NER tags for one segmented sentence."""

    def __init__(self, ner: bool = True) -> None:
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
        from underthesea.pipeline.ner.model_crf import CRFNERPredictor
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        self._pos = CRFPOSTagPredictor.Instance()
        self._chunk = CRFChunkingPredictor.Instance()
        self._ner = CRFNERPredictor.Instance() if ner else None

    def pos(self, words: list[str]) -> list[str]:
        """POS tags only: the cheapest model, enough to find counted nouns."""
        if not words:
            return []
        return [tag for _, tag in self._pos.predict([unify_tones(w) for w in words])]

    def tag(self, words: list[str]) -> list[TaggedWord]:
        """POS, chunk and (if enabled) NER tags; NER needs the other two as features."""
        if not words:
            return []
        # The models were trained on underthesea's own normalised spelling.
        words = [unify_tones(w) for w in words]
        pos = self._pos.predict(words)
        chunks = self._chunk.predict(pos)
        if self._ner is None:
            return [TaggedWord(p, c, "O") for (_, p, c) in chunks]
        return [TaggedWord(p, c, n) for (_, p, c, n) in self._ner.predict(chunks)]
