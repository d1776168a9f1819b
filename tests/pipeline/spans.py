"""What the extractor finds in a test sentence, in the shapes the pipeline tests compare."""


def targets_with_deadlines(extractor, text):
    return [(t.text, t.attrs["deadline"]) for t in extractor.extract_text(text).entities if t.type == "target"]
