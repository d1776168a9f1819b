"""underthesea's CRF POS, chunk and NER models applied to words we have already segmented.

``underthesea.ner(text)`` re-segments and re-tags the text on every call; the predictors below are
the same models (shipped in underthesea's wheel, no download) fed with our own tokens, so a sentence
is segmented once and its offsets stay ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.crf_features import CompiledTemplate
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

        # underthesea's models and feature templates, featurised by our linear-time CompiledTemplate
        self._pos = _Model(CRFPOSTagPredictor.Instance())
        self._chunk = _Model(CRFChunkingPredictor.Instance())
        self._ner = _Model(CRFNERPredictor.Instance()) if ner else None

    def pos(self, words: list[str]) -> list[str]:
        """POS tags only: the cheapest model, enough to find counted nouns."""
        if not words:
            return []
        return self._pos.tag([(unify_tones(w),) for w in words])

    def tag(self, words: list[str]) -> list[TaggedWord]:
        """POS, chunk and (if enabled) NER tags; NER needs the other two as features."""
        if not words:
            return []
        # The models were trained on underthesea's own normalised spelling.
        words = [unify_tones(w) for w in words]
        pos = self._pos.tag([(w,) for w in words])
        chunks = self._chunk.tag(list(zip(words, pos, strict=True)))
        if self._ner is None:
            return [TaggedWord(p, c, "O") for p, c in zip(pos, chunks, strict=True)]
        ner = self._ner.tag(list(zip(words, pos, chunks, strict=True)))
        return [TaggedWord(p, c, n) for p, c, n in zip(pos, chunks, ner, strict=True)]


class _Model:
    """One of underthesea's CRF predictors: its model, fed features from its own template."""

    def __init__(self, predictor: object) -> None:
        self.crf = predictor.model  # type: ignore[attr-defined]
        self.template = CompiledTemplate(predictor.transformer.template)  # type: ignore[attr-defined]

    def tag(self, rows: list[tuple[str, ...]]) -> list[str]:
        """Tags of the rows (a word and the tags already known for it); the predicted column is ``X``."""
        return list(self.crf.tag(self.template.sentence([(*row, "X") for row in rows])))
