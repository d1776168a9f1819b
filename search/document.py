"""What both search backends index for one article, computed once in Python.

Folding (``đ``→``d`` included) and tone unification happen here, not in an analyzer, so the embedded
engine and an Elasticsearch without ``analysis-common`` or ICU see the same terms. Building these is the
pre-processing step; indexing a built document is the backend's whole job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from govnews.records import ArticleRecord, Entity
from pipeline.gazetteer import loose_key
from pipeline.normalize import fold, unify_tones
from search.terms import segmented_field


@dataclass(slots=True)
class EntityRef:
    id: str
    type: str
    name: str

    @property
    def name_key(self) -> str:
        return loose_key(self.name)


@dataclass(slots=True)
class SearchDocument:
    id: str
    url: str
    site: str
    title: str
    body: str
    province: str | None
    province_current: str | None
    published_at: datetime | None
    title_exact: str
    body_exact: str
    title_folded: str
    body_folded: str
    words: str  # folded segmented words, syllables joined by "_"
    topics: list[tuple[str, float]] = field(default_factory=list)
    entities: list[EntityRef] = field(default_factory=list)

    @property
    def province_key(self) -> str:
        return loose_key(self.province or "")

    @property
    def province_current_key(self) -> str:
        return loose_key(self.province_current or "")

    def to_elasticsearch(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "site": self.site, "title": self.title, "body": self.body,
            "province": self.province, "province_current": self.province_current,
            "province_key": self.province_key, "province_current_key": self.province_current_key,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "title_exact": self.title_exact, "body_exact": self.body_exact,
            "title_folded": self.title_folded, "body_folded": self.body_folded, "words": self.words,
            "topics": [label for label, _ in self.topics],
            "topic_scores": [{"label": label, "score": score} for label, score in self.topics],
            "entities": [{"id": e.id, "type": e.type, "name": e.name, "name_key": e.name_key} for e in self.entities],
            "entity_types": self.entity_types,
        }

    @property
    def entity_types(self) -> list[str]:
        """Each type of entity the article mentions, once: filtered and counted without a nested query."""
        return sorted({e.type for e in self.entities})


def build_document(record: ArticleRecord) -> SearchDocument:
    """The index form of ``record``; segments the text again only if the record does not carry its words."""
    words = record.words or _segment(f"{record.title}\n{record.text}")
    return SearchDocument(
        id=record.id, url=record.url, site=record.site, title=record.title, body=record.text,
        province=record.province, province_current=record.province_current, published_at=record.published_at,
        title_exact=unify_tones(record.title), body_exact=unify_tones(record.text),
        title_folded=fold(record.title), body_folded=fold(record.text), words=segmented_field(words),
        topics=[(t.label, float(t.score)) for t in sorted(record.topics, key=lambda t: -t.score)],
        entities=_entity_refs(record.entities),
    )


def _entity_refs(entities: list[Entity]) -> list[EntityRef]:
    """One reference per canonical entity, so counts over references count articles."""
    refs: dict[str, EntityRef] = {}
    for entity in entities:
        if entity.entity_id and entity.entity_id not in refs:
            name = str(entity.attrs.get("name") or entity.attrs.get("canonical") or entity.text)
            refs[entity.entity_id] = EntityRef(entity.entity_id, entity.type, name)
    return sorted(refs.values(), key=lambda e: e.id)


def _segment(text: str) -> list[str]:
    from pipeline.segment import segment

    return [text[w.start:w.end] for _, words in segment(text) for w in words]
