"""Extraction of one text: the contract object (entities with offsets, topics, language).

The spaCy pipeline is built once per :class:`Extractor`; batch callers reuse one extractor.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from govnews.records import Entity, Extraction, Topic
from models.topics import TopicModel, load_topic_model
from pipeline.gazetteer import Gazetteer
from pipeline.language import detect_language
from pipeline.nlp import build_nlp
from pipeline.normalize import clean_text_with_map
from pipeline.resolve import resolve
from pipeline.sites import SiteProvinces

ENTITY_MODEL = "govnews-rules-0.1 on underthesea CRF (segmentation, POS, NER)"


class Extractor:
    """Entities and topics for texts; holds the spaCy pipeline and the topic model."""

    def __init__(self, topic_model: str | TopicModel = "default") -> None:
        self.nlp = build_nlp()
        self.gazetteer: Gazetteer = self.nlp.get_pipe("govnews_entities").gaz
        self.topic_model = load_topic_model(topic_model) if isinstance(topic_model, str) else topic_model
        self.sites = SiteProvinces(self.gazetteer)

    @property
    def models(self) -> dict[str, str]:
        return {"entities": ENTITY_MODEL, "topics": self.topic_model.version}

    def extract_document(self, document: str, published: datetime | None = None, province: str | None = None,
                         url: str | None = None) -> tuple[Extraction, str | None]:
        """Extract from a cleaned document whose first line is the title.

        The article's province (for bodies that leave theirs implicit) is ``province`` if given, else the
        province of the site at ``url`` (a provincial portal or newspaper), else the one its text names most.

        Returns:
            The extraction (offsets into ``document``) and the province the article is about, if known.
        """
        title = document.split("\n", 1)[0]
        language = detect_language(document, self.gazetteer.function_words)
        if language != "vi":
            # Not Vietnamese (or no words at all): nothing is claimed rather than something false.
            return Extraction(title, language, models=self.models), province
        province = province or self.sites.province(url)
        hint = self.sites.province_in_path(url)
        entities: list[Entity] = []
        words: list[str] = []
        for offset, part in chunks(document):
            # A very long text is read in paragraph-aligned parts, so no recogniser's cost grows with the square
            # of the article; the first part decides the province the rest inherit.
            doc = self.nlp.make_doc(part)
            doc._.published = published
            doc._.province = province
            doc._.province_hint = hint
            doc = self.nlp(doc)
            province = doc._.province  # given, the site's, or the one the text names most
            for entity in doc._.entities:
                entity.start += offset
                entity.end += offset
                entities.append(entity)
            words += [token.text for token in doc if not token.is_space]
        entities = resolve(entities)
        topics: list[Topic] = self.topic_model.predict([document], [words])[0]
        return Extraction(title, language, topics, entities, self.models, words), province

    def extract_text(self, raw: str, url: str | None = None, published: datetime | None = None) -> Extraction:
        """``govnews extract``: offsets refer to the NFC form of ``raw`` (title line included)."""
        cleaned, origin = clean_text_with_map(raw)
        extraction, _ = self.extract_document(cleaned, published, url=url)
        source = unicodedata.normalize("NFC", raw)
        extraction.title = source.split("\n", 1)[0].rstrip("\r")
        extraction.entities = [_remap(e, origin, source) for e in extraction.entities]
        return extraction


def _remap(entity: Entity, origin: list[int], source: str) -> Entity:
    start = origin[entity.start]
    end = origin[entity.end - 1] + 1 if entity.end > entity.start else start
    entity.start, entity.end, entity.text = start, end, source[start:end]
    return entity


MAX_CHUNK_CHARS = 50_000  # far above a news article (the corpus's longest is ~12,000 characters)


def chunks(document: str, size: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """``document`` whole if short, else parts of at most ``size`` characters cut after a line break (or a
    space, or anywhere in a text with neither), each with its offset."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(document) - start > size:
        cut = document.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = document.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut >= 0 else start + size
        parts.append((start, document[start:end]))
        start = end
    parts.append((start, document[start:]))
    return parts
