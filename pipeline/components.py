"""Every spaCy registration of govnews, in one module that the pipeline builder imports.

* ``govnews.underthesea_tokenizer.v1``: underthesea's word segmentation as the tokenizer.
* ``govnews_underthesea_tagger``: underthesea's CRF POS tags (``token.tag_``) and, if configured, NER
  (``doc.ents``) on every sentence.
* ``govnews_entities``: the contract's entities, from the recognisers in ``bodies``, ``people``,
  ``places``, ``documents``, ``dates`` and ``figures``. They are kept with exact character offsets in
  ``doc._.entities`` (underthesea's words do not always end where an entity does: ``TS. Dương``), and
  those that fall on token boundaries are mirrored in ``doc.spans["govnews"]`` for spaCy tooling.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from govnews.records import Entity
from pipeline.bodies import find_bodies
from pipeline.dates import find_dates
from pipeline.documents import DocumentFinder
from pipeline.figures import SPELLED_NUMBER, FigureFinder
from pipeline.gazetteer import Gazetteer
from pipeline.normalize import quiet_capitals, unify_tones
from pipeline.people import find_people
from pipeline.places import find_places
from pipeline.spelled import spelled_run
from pipeline.tagger import UnderthesesaTagger
from pipeline.targets import TargetFinder
from pipeline.tokenizer import UnderthesesaTokenizer

SPANS_KEY = "govnews"

for _name in ("published", "province", "province_hint", "entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@registry.tokenizers("govnews.underthesea_tokenizer.v1")
def make_tokenizer() -> Callable[[Language], UnderthesesaTokenizer]:
    def create(nlp: Language) -> UnderthesesaTokenizer:
        return UnderthesesaTokenizer(nlp.vocab)

    return create


class UnderthesesaTaggerComponent:
    """Tags sentences with underthesea's CRF models.

    underthesea's CRFs are the slow part of the pipeline (NER runs at ~7,000 characters/s), so what is
    tagged is configurable: ``pos="numbers"`` tags only sentences with a digit (where figures need the
    counted noun), ``pos="all"`` every sentence; ``ner="all"`` runs NER on every sentence into
    ``doc.ents``, ``ner="off"`` leaves NER to ``govnews_entities``, which asks for it only where a
    name is in doubt.
    """

    def __init__(self, pos: str, ner: str) -> None:
        if pos not in ("all", "numbers") or ner not in ("all", "off"):
            raise ValueError(f"govnews_underthesea_tagger: pos must be all|numbers, ner all|off (got {pos}, {ner})")
        self.pos_mode, self.ner_mode = pos, ner
        self.tagger = UnderthesesaTagger(ner=ner == "all")

    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            if self.ner_mode == "all":
                tagged = self.tagger.tag([t.text for t in tokens])
                for token, tag in zip(tokens, tagged, strict=True):
                    token.tag_ = tag.pos
                ents.extend(bio_spans(doc, tokens, [t.ner for t in tagged]))
            elif (self.pos_mode == "all" or any(c.isdigit() for c in sent.text) or SPELLED_NUMBER.search(sent.text)
                  or spelled_run().search(sent.text)):
                for token, tag in zip(tokens, self.tagger.pos([t.text for t in tokens]), strict=True):
                    token.tag_ = tag
        if self.ner_mode == "all":
            doc.ents = ents
        return doc


def bio_spans(doc: Doc, tokens: list[Token], tags: list[str]) -> list[Span]:
    """Spans of a BIO-tagged token sequence (``I-`` without ``B-`` opens a span, as CRFs sometimes do)."""
    spans: list[Span] = []
    open_start, open_label = None, ""
    for token, tag in zip(tokens, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if open_start is not None and (prefix != "I" or label != open_label):
            spans.append(Span(doc, open_start, token.i, label=open_label))
            open_start = None
        if prefix == "B" or (prefix == "I" and open_start is None):
            open_start, open_label = token.i, label
    if open_start is not None:
        spans.append(Span(doc, open_start, tokens[-1].i + 1, label=open_label))
    return spans


@Language.factory("govnews_underthesea_tagger", assigns=["token.tag", "doc.ents"],
                  default_config={"pos": "numbers", "ner": "off"})
def make_tagger(nlp: Language, name: str, pos: str, ner: str) -> UnderthesesaTaggerComponent:
    return UnderthesesaTaggerComponent(pos, ner)


class OnDemandNER:
    """underthesea NER for one sentence at a time, run only when a recogniser asks and then cached."""

    def __init__(self, doc: Doc, tagger: UnderthesesaTagger) -> None:
        self.doc = doc
        self.tagger = tagger
        self.sentences = list(doc.sents)
        self.starts = [s.start_char for s in self.sentences]
        self.done: dict[int, list[Span]] = {}
        if doc.has_annotation("ENT_IOB"):  # the tagger already ran NER on everything
            self.done = {i: [e for e in doc.ents if s.start_char <= e.start_char < s.end_char]
                         for i, s in enumerate(self.sentences)}

    def persons(self, start: int, end: int) -> bool:
        """Does underthesea tag ``[start, end)`` as (part of) a person's name?"""
        index = bisect_right(self.starts, start) - 1
        if index < 0:
            return False
        if index not in self.done:
            tokens = [t for t in self.sentences[index] if not t.is_space]
            tags = [t.ner for t in self.tagger.tag([t.text for t in tokens])] if tokens else []
            self.done[index] = bio_spans(self.doc, tokens, tags) if tokens else []
        return any(e.label_ == "PER" and e.start_char <= start and end <= e.end_char for e in self.done[index])

    def spans(self) -> list[Span]:
        return [span for spans in self.done.values() for span in spans]


class EntityRecognizer:
    """Runs the recognisers in dependency order and stores the contract's entities as spans."""

    def __init__(self, gazetteer: Gazetteer, spans_key: str = SPANS_KEY, ner: str = "on_demand") -> None:
        if ner not in ("on_demand", "off"):
            raise ValueError(f"govnews_entities: ner must be on_demand|off (got {ner})")
        self.gaz = gazetteer
        self.spans_key = spans_key
        self.ner = UnderthesesaTagger(ner=True) if ner == "on_demand" else None
        self.documents = DocumentFinder(gazetteer)
        self.figures = FigureFinder()
        self.targets = TargetFinder()

    def __call__(self, doc: Doc) -> Doc:
        # Recognisers read the text with tone placement unified ("Tỉnh uỷ" = "Tỉnh ủy"); it has the same
        # length, so their offsets hold for the original, whose spelling the entities keep.
        original = doc.text
        text = quiet_capitals(unify_tones(original))
        published: datetime | None = doc._.published
        # The given or site's province, else the one the text names most, else the one the address names.
        province = doc._.province = doc._.province or self.main_province(text) or doc._.province_hint
        bodies = find_bodies(text, self.gaz, province, _word_end(doc))
        documents = self.documents.find(text, bodies, province)
        # Dates inside a document's title are dates too ("… đến năm 2025"); its number is not ("93/2007/QĐ-TTg").
        numbers = [(d.start + d.text.find(d.attrs["number"]), d.start + d.text.find(d.attrs["number"])
                    + len(d.attrs["number"])) for d in documents if d.attrs["number"]]
        dates = find_dates(text, published, taken=numbers)
        ner = OnDemandNER(doc, self.ner) if self.ner else None
        token_spans = {(t.idx, t.idx + len(t.text)) for t in doc}
        token_ends = {end for _, end in token_spans}
        people = find_people(text, self.gaz, bodies, _spans(bodies), ner.persons if ner else None,
                             lambda start, end: (start, end) in token_spans, token_ends.__contains__)
        places = find_places(text, self.gaz, _spans(bodies) + _spans(people), province)
        figures = self.figures.find(text, numbers + _spans(dates), _noun_after(doc), _word_at(doc))
        targets = self.targets.find(text, figures, province, _spans(documents), places, published)
        entities = sorted([*people, *bodies, *places, *documents, *dates, *figures, *targets],
                          key=lambda e: (e.start, -e.end))
        for entity in entities:
            entity.text = original[entity.start : entity.end]
            if entity.type in ("official", "person") and entity.attrs.get("name") == text[entity.start : entity.end]:
                entity.attrs["name"] = entity.text  # names as written
        doc._.entities = entities
        spans = (doc.char_span(e.start, e.end, label=e.type) for e in entities)
        doc.spans[self.spans_key] = [span for span in spans if span is not None]
        if ner and not doc.has_annotation("ENT_IOB"):
            doc.set_ents(filter_spans(ner.spans()))  # underthesea's NER where it was consulted
        return doc

    def main_province(self, text: str) -> str | None:
        """The province an article is about: the one its place names mention most."""
        counts = Counter(
            place.province.name
            for entity in find_places(text, self.gaz, [])
            if (place := self.gaz.place(entity.attrs["canonical"])) and place.province
        )
        return counts.most_common(1)[0][0] if counts else None


@Language.factory("govnews_entities", requires=["token.tag"], assigns=["doc.spans", "doc._.entities", "doc.ents"],
                  default_config={"spans_key": SPANS_KEY, "ner": "on_demand"})
def make_entities(nlp: Language, name: str, spans_key: str, ner: str) -> EntityRecognizer:
    return EntityRecognizer(Gazetteer.load(), spans_key, ner)


def _spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in entities]


def _word_end(doc: Doc) -> Callable[[int], int]:
    """End offset of the segmented word containing a character (the character's own end elsewhere)."""
    ends = [0] * (len(doc.text) + 1)
    for token in doc:
        for position in range(token.idx, token.idx + len(token.text)):
            ends[position] = token.idx + len(token.text)

    def word_end(position: int) -> int:
        return ends[position] or position + 1

    return word_end


def _word_at(doc: Doc) -> Callable[[int], tuple[int, str, str] | None]:
    """The segmented word starting at a character offset: its end, text and POS tag."""
    starts = {t.idx: t for t in doc if not t.is_space}

    def word_at(position: int) -> tuple[int, str, str] | None:
        token = starts.get(position)
        return (token.idx + len(token.text), token.text, token.tag_) if token is not None else None

    return word_at


def _noun_after(doc: Doc) -> Callable[..., tuple[int, str] | None]:
    """The counted noun right after a number (``7.300 doanh nghiệp``), from underthesea's POS tags, with the
    noun a classifier the tagger marks ``Nc`` counts (``12 chiếc xe``, ``3 căn nhà``); with ``any_word``, a
    lowercase noun, verb or adjective (what follows a classifier: ``câu hỏi``, ``lượt xem``).
    The segmenter sometimes glues the number to its noun (one token ``1.129 lớp``): then the noun is the rest
    of that token."""
    starts = {t.idx: t for t in doc}
    glued = {t.idx + len(t.text.split(" ", 1)[0]): t for t in doc if " " in t.text and t.text[:1].isdigit()}
    text = doc.text  # spaCy joins every token to make it: once, not per call

    def noun_after(position: int, any_word: bool = False) -> tuple[int, str] | None:
        token = starts.get(position + 1) if text[position : position + 1] == " " else starts.get(position)
        if token is None and position in glued and glued[position].tag_.startswith("N"):
            whole = glued[position]
            rest = whole.text[position - whole.idx :].strip()
            return (whole.idx + len(whole.text), rest) if rest[:1].islower() else None
        if token is None or token.tag_ == "Np" or not token.text[:1].islower():
            return None
        if not token.tag_.startswith(("N", "V", "A") if any_word else "N"):
            return None
        following = starts.get(token.idx + len(token.text) + 1)
        if (token.tag_ == "Nc" and not any_word and following is not None and following.text[:1].islower()
                and following.tag_.startswith(("N", "V"))):
            return following.idx + len(following.text), f"{token.text} {following.text}"  # "chiếc xe", "căn nhà"
        return token.idx + len(token.text), token.text

    return noun_after
