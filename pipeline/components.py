"""Every spaCy registration of govnews, in one module that the pipeline builder imports.

* ``govnews.underthesea_tokenizer.v1``: underthesea's word segmentation as the tokenizer.
* ``govnews_underthesea_tagger``: underthesea's CRF POS tags (``token.tag_``) and NER (``doc.ents``).
* ``govnews_entities``: the contract's entities, from the recognisers in ``bodies``, ``people``,
  ``places``, ``documents``, ``dates`` and ``figures``. They are kept with exact character offsets in
  ``doc._.entities`` (underthesea's words do not always end where an entity does: ``TS. Dương``), and
  those that fall on token boundaries are mirrored in ``doc.spans["govnews"]`` for spaCy tooling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import datetime

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from govnews.records import Entity
from pipeline.bodies import find_bodies
from pipeline.dates import find_dates
from pipeline.documents import DocumentFinder
from pipeline.figures import FigureFinder
from pipeline.gazetteer import Gazetteer
from pipeline.people import find_people
from pipeline.places import find_places
from pipeline.tagger import UnderthesesaTagger
from pipeline.tokenizer import UnderthesesaTokenizer

SPANS_KEY = "govnews"

for _name in ("published", "province", "entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@registry.tokenizers("govnews.underthesea_tokenizer.v1")
def make_tokenizer() -> Callable[[Language], UnderthesesaTokenizer]:
    def create(nlp: Language) -> UnderthesesaTokenizer:
        return UnderthesesaTokenizer(nlp.vocab)

    return create


class UnderthesesaTaggerComponent:
    """Tags each sentence with underthesea's CRF models and keeps its NER as ``doc.ents``."""

    def __init__(self, ner: bool) -> None:
        self.tagger = UnderthesesaTagger(ner=ner)

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            tags = self.tagger.tag([t.text for t in tokens])
            open_start, open_label = None, None
            for token, tagged in zip(tokens, tags, strict=True):
                token.tag_ = tagged.pos
                prefix, _, label = tagged.ner.partition("-")
                if open_start is not None and (prefix != "I" or label != open_label):
                    ents.append(Span(doc, open_start, token.i, label=open_label))
                    open_start = None
                if prefix == "B" or (prefix == "I" and open_start is None):
                    open_start, open_label = token.i, label
            if open_start is not None:
                ents.append(Span(doc, open_start, tokens[-1].i + 1, label=open_label))
        doc.ents = ents
        return doc


@Language.factory("govnews_underthesea_tagger", assigns=["token.tag", "doc.ents"], default_config={"ner": True})
def make_tagger(nlp: Language, name: str, ner: bool) -> UnderthesesaTaggerComponent:
    return UnderthesesaTaggerComponent(ner)


class EntityRecognizer:
    """Runs the recognisers in dependency order and stores the contract's entities as spans."""

    def __init__(self, gazetteer: Gazetteer, spans_key: str = SPANS_KEY) -> None:
        self.gaz = gazetteer
        self.spans_key = spans_key
        self.documents = DocumentFinder()
        self.figures = FigureFinder()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        published: datetime | None = doc._.published
        province = doc._.province or self.main_province(text)
        documents = self.documents.find(text)
        dates = find_dates(text, published, taken=_spans(documents))
        bodies = find_bodies(text, self.gaz, province)
        ner_people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        people = find_people(text, self.gaz, bodies, _spans(bodies), ner_people)
        places = find_places(text, self.gaz, _spans(bodies) + _spans(people))
        figures = self.figures.find(text, _spans(documents) + _spans(dates), _noun_after(doc))
        entities = sorted([*people, *bodies, *places, *documents, *dates, *figures], key=lambda e: (e.start, -e.end))
        doc._.entities = entities
        spans = (doc.char_span(e.start, e.end, label=e.type) for e in entities)
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        return doc

    def main_province(self, text: str) -> str | None:
        """The province an article is about: the one its place names mention most."""
        counts = Counter(
            place.province.name
            for entity in find_places(text, self.gaz, [])
            if (place := self.gaz.place(entity.attrs["canonical"])) and place.province
        )
        return counts.most_common(1)[0][0] if counts else None


@Language.factory("govnews_entities", requires=["token.tag", "doc.ents"], assigns=["doc.spans", "doc._.entities"],
                  default_config={"spans_key": SPANS_KEY})
def make_entities(nlp: Language, name: str, spans_key: str) -> EntityRecognizer:
    return EntityRecognizer(Gazetteer.load(), spans_key)


def _spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in entities]


def _noun_after(doc: Doc) -> Callable[[int], tuple[int, str] | None]:
    """The counted noun right after a number (``7.300 doanh nghiệp``), from underthesea's POS tags."""
    starts = {t.idx: t for t in doc}

    def noun_after(position: int) -> tuple[int, str] | None:
        token = starts.get(position + 1) if doc.text[position : position + 1] == " " else starts.get(position)
        if token is None or not token.tag_.startswith("N") or token.tag_ == "Np" or not token.text[:1].islower():
            return None
        return token.idx + len(token.text), token.text

    return noun_after
