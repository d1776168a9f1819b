"""The typed records that cross every stage boundary, defined once.

``RawArticle`` is what crawlers and ingest readers yield (and the Scrapy item itself); ``Extraction``
serialises exactly to the contract in ``shared/spec/extraction.md``; ``ArticleRecord`` is what the
store keeps and the search index serves.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

ENTITY_TYPES = ("official", "person", "agency", "organization", "location", "figure", "target", "document", "date")
TOPIC_IDS = (
    "digital_transformation", "investment_business", "innovation_startup", "infrastructure",
    "public_administration", "education_workforce", "health", "culture_tourism", "agriculture_rural",
    "environment", "security_defense", "party_politics", "economy_finance", "social_affairs", "foreign_affairs",
)


@dataclass(slots=True)
class RawArticle:
    """An article as collected, before any processing."""

    url: str
    title: str = ""
    text: str = ""
    html: str | None = None
    published: str | None = None  # ISO 8601 or a Vietnamese date string, parsed by the pipeline
    site: str | None = None
    author: str | None = None
    fetched_at: str | None = None
    lead: str | None = None  # the standfirst (sapo), also the first paragraph of ``text``
    captions: list[str] | None = None  # image captions, kept out of ``text``
    duplicate_of: str | None = None  # URL of an earlier copy of the same story (near-duplicate), if any
    source: str = ""  # where it came from (file:line, URL), for error messages

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "") -> RawArticle:
        known = {k: data.get(k) for k in ("url", "title", "text", "html", "published", "site", "author", "fetched_at",
                                          "lead", "captions", "duplicate_of")}
        return cls(**{k: v for k, v in known.items() if v is not None}, source=source)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("source")
        return {k: v for k, v in data.items() if v is not None}


@dataclass(slots=True)
class Entity:
    """One mention of the contract: type, exact span and the type's fields (``attrs``)."""

    type: str
    text: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)
    entity_id: str | None = None  # canonical entity this mention resolves to, once resolved

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end, **self.attrs}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        attrs = {k: v for k, v in data.items() if k not in ("type", "text", "start", "end", "entity_id")}
        return cls(data["type"], data["text"], int(data["start"]), int(data["end"]), attrs, data.get("entity_id"))


@dataclass(slots=True)
class Topic:
    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(float(self.score), 4)}


@dataclass(slots=True)
class Extraction:
    """What ``govnews extract`` prints for one text: the extraction contract."""

    title: str
    language: str
    topics: list[Topic] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)  # which model produced what (placeholders say so)
    words: list[str] = field(default_factory=list, repr=False)  # underthesea's words, for the search index

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "language": self.language,
            "topics": [t.to_dict() for t in self.topics],
            "entities": [e.to_dict() for e in self.entities],
        }
        if self.models:
            data["models"] = dict(self.models)
        return data


@dataclass(slots=True)
class ArticleRecord:
    """A processed article: metadata, stored text, entities and topics.

    Entity offsets index ``title + "\n" + text``, the document as ``govnews extract`` would read it
    from a file whose first line is the title.
    """

    id: str
    url: str
    site: str
    title: str
    text: str
    language: str
    fetched_at: datetime
    content_hash: str
    province: str | None = None  # as named when published (e.g. "Bình Dương")
    province_current: str | None = None  # the post-2025 province it belongs to (e.g. "Thành phố Hồ Chí Minh")
    published_at: datetime | None = None
    author: str | None = None
    entities: list[Entity] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)
    # The segmentation of title + text, kept from extraction for the search index; not stored.
    words: list[str] = field(default_factory=list, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "site": self.site,
            "province": self.province,
            "province_current": self.province_current,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "author": self.author,
            "language": self.language,
            "fetched_at": self.fetched_at.isoformat(),
            "content_hash": self.content_hash,
            "text": self.text,
            "topics": [t.to_dict() for t in self.topics],
            "entities": [e.to_dict() for e in self.entities],
            "models": dict(self.models),
        }


def content_hash(title: str, text: str) -> str:
    """Hash of what a reader sees; a changed hash means the article changed."""
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
