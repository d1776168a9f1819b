"""The baseline every extractor is measured against: plain underthesea NER mapped to the contract
(PER → official, ORG → agency, LOC → location), as the entities issue defines it."""

from __future__ import annotations

from govnews.records import Entity
from pipeline.segment import align, split_sentences

MAPPING = {"PER": "official", "ORG": "agency", "LOC": "location"}


def underthesea_entities(text: str) -> list[Entity]:
    from underthesea import ner

    found: list[Entity] = []
    for sentence in split_sentences(text):
        chunk = text[sentence.start : sentence.end]
        tagged = ner(chunk)
        spans = align([t[0] for t in tagged], chunk, sentence.start)
        if len(spans) != len(tagged):  # a token could not be placed: align by words that could
            spans = _align_each(tagged, chunk, sentence.start)
        current: list[int] | None = None
        label = ""
        for (_word, *_, tag), span in zip(tagged, spans, strict=False):
            if span is None:
                continue
            prefix, _, kind = tag.partition("-")
            if current and (prefix != "I" or kind != label):
                found.append(_entity(text, current, label))
                current = None
            if prefix == "B" or (prefix == "I" and current is None):
                current, label = [span.start, span.end], kind
            elif prefix == "I" and current:
                current[1] = span.end
        if current:
            found.append(_entity(text, current, label))
    return [e for e in found if e.type]


def _align_each(tagged, chunk, offset):  # type: ignore[no-untyped-def]
    spans, cursor = [], 0
    for token in tagged:
        placed = align([token[0]], chunk[cursor:], offset + cursor)
        if placed:
            spans.append(placed[0])
            cursor = placed[0].end - offset
        else:
            spans.append(None)
    return spans


def _entity(text: str, span: list[int], label: str) -> Entity:
    entity_type = MAPPING.get(label, "")
    start, end = span
    name = text[start:end]
    attrs = {"name": name} if entity_type == "official" else {"canonical": name}
    return Entity(entity_type, name, start, end, attrs)
