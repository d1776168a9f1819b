"""Our linear-time featuriser must feed underthesea's CRF models exactly the features underthesea would."""

import pytest
from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
from underthesea.pipeline.ner.model_crf import CRFNERPredictor
from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

from pipeline.crf_features import CompiledTemplate
from pipeline.tagger import UnderthesesaTagger

# Our own sentences, already segmented: titles, abbreviations, numbers, a one-word line, a word with two spaces.
SENTENCES = [
    ["Chiều", "nay", ",", "Chủ tịch", "UBND", "tỉnh", "Nguyễn Văn An", "làm việc", "với", "Sở", "KH&CN", "."],
    ["Tỉnh", "phấn đấu", "đạt", "6,5", "%", "GRDP", "đến", "năm", "2030"],
    ["Hà Nội"],
    ["Ông", "Lê  Minh", "nói", ":", "\"", "sẽ", "hoàn thành", "\"", "trong", "quý III", "."],
]
PREDICTORS = {
    "pos": (CRFPOSTagPredictor, lambda words: [(w, "X") for w in words]),
    "chunk": (CRFChunkingPredictor, lambda words: [(w, "N", "X") for w in words]),
    "ner": (CRFNERPredictor, lambda words: [(w, "N", "B-NP", "X") for w in words]),
}


@pytest.mark.parametrize("model", sorted(PREDICTORS))
@pytest.mark.parametrize("words", SENTENCES, ids=lambda words: " ".join(words)[:20])
def test_features_equal_underthesea_features(model: str, words: list[str]) -> None:
    predictor_class, rows = PREDICTORS[model]
    transformer = predictor_class.Instance().transformer
    expected = transformer.sentence2features(rows(words))
    ours = CompiledTemplate(transformer.template).sentence(rows(words))
    assert ours == expected
    assert any(feature.startswith("T[0]=") for feature in ours[0])  # the word itself is among the features


def test_tags_equal_underthesea_predictors() -> None:
    tagger = UnderthesesaTagger(ner=True)
    for words in SENTENCES:
        pos = CRFPOSTagPredictor.Instance().predict(words)
        chunks = CRFChunkingPredictor.Instance().predict(pos)
        expected = [(p, c, n) for _, p, c, n in CRFNERPredictor.Instance().predict(chunks)]
        assert [(t.pos, t.chunk, t.ner) for t in tagger.tag(words)] == expected
        assert tagger.pos(words) == [p for p, _, _ in expected]


def test_template_syntax_errors_are_named() -> None:
    with pytest.raises(ValueError, match="not an underthesea feature template: 'W\\[0\\]'"):
        CompiledTemplate(["W[0]"])
