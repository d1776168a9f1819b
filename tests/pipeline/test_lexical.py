"""The word scanner's span coverage and the tokenizer's sentences, on text written for these tests."""

from pipeline.lexical import Coverage, scan
from pipeline.nlp import build_nlp


def test_coverage_finds_words_inside_overlapping_and_nested_spans():
    text = "Sở Y tế và UBND tỉnh Quảng Nam họp với ông Lê Văn An tại Hội An."
    words = scan(text)
    # "Sở Y tế" alone; "UBND tỉnh Quảng Nam" with "Quảng Nam" nested inside it; "Lê Văn An" overlapping "Văn An …"
    spans = [(text.index("UBND"), text.index(" họp")), (0, len("Sở Y tế")),
             (text.index("Quảng"), text.index(" họp")), (text.index("Văn"), text.index(" tại")),
             (text.index("Lê"), text.index(" tại"))]
    inside = Coverage(spans)
    covered = [w.text for w in words if inside(w)]
    assert covered == ["Sở", "Y", "tế", "UBND", "tỉnh", "Quảng", "Nam", "Lê", "Văn", "An"]  # not "Hội An"
    assert not Coverage([])(words[0])


def test_tokenizer_sets_one_sentence_per_segmented_sentence():
    nlp = build_nlp()
    doc = nlp.make_doc("Tỉnh họp sáng nay. Chủ tịch phát biểu.\nNgười dân đồng tình.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Tỉnh họp sáng nay.", "Chủ tịch phát biểu.", "Người dân đồng tình."]
    assert doc[0].is_sent_start and not doc[1].is_sent_start
