"""``/articles/{id}``: one stored article with its entities and topics."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from search.api.deps import StoreDep

router = APIRouter(prefix="/articles", tags=["articles"])


class TopicOut(BaseModel):
    label: str
    score: float


class ArticleOut(BaseModel):
    id: str
    url: str
    site: str
    province: str | None
    province_current: str | None
    title: str
    published_at: datetime | None
    author: str | None
    language: str
    fetched_at: datetime
    content_hash: str
    text: str
    topics: list[TopicOut]
    entities: list[dict[str, Any]]  # the extraction contract's entity objects, offsets into title + "\n" + text
    models: dict[str, str]


@router.get("/{article_id}", response_model=ArticleOut)
def read_article(article_id: str, store: StoreDep) -> ArticleOut:
    record = store.get(article_id)
    if record is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    data = record.to_dict()
    for entity, source in zip(data["entities"], record.entities, strict=True):
        if source.entity_id:
            entity["entity_id"] = source.entity_id
    return ArticleOut(**data)
