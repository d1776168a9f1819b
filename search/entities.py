"""Canonical entities, searched and read straight from the store: ``/entities`` and ``govnews entities``.

The store, not a search index, answers, so the embedded and Elasticsearch deployments give the same answer.
Names match on ``entities.name_key`` (every name folded; see :func:`govnews.store.repository.entity_name_key`),
so ``nguyen van phuong``, ``Nguyễn Văn Phương`` and ``UBND tinh Thua Thien Hue`` find their entity. Counts are
SQL aggregates over the mentions of the page's (or the filtered) entities; no mention is loaded into Python
except the page of mentions an entity's detail shows.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator
from sqlalchemy import ColumnElement, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from govnews.export.source import Article
from govnews.export.tables import provenance
from govnews.store import Store
from govnews.store.schema import ArticleRow, EntityRow, MentionRow
from pipeline.gazetteer import default_gazetteer, loose_key
from pipeline.resolve import GROUPS

ENTITY_TYPES: tuple[str, ...] = tuple(GROUPS)  # the types that have canonical entities
# Officials, persons and documents of local bodies carry no province of their own; a province filter finds them
# through the articles that mention them. Other entities without one are national or foreign (a ministry, ASEAN).
_VIA_ARTICLES = ("official", "person")
LOCAL_ISSUERS = ("Ủy ban nhân dân", "Hội đồng nhân dân", "Tỉnh ủy", "Thành ủy")
KEY_ATTRIBUTES = {
    "agency": ("kind", "province", "province_current", "successor"),
    "organization": ("kind", "province", "province_current", "successor"),
    "location": ("level", "province", "province_current"),
    "document": ("doc_type", "number", "issuer"),
}


def _check_type(value: str | None) -> str | None:
    if value is not None and value not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {value!r}; one of: {', '.join(ENTITY_TYPES)}")
    return value


class EntityQuery(BaseModel):
    """What ``/entities`` is asked: a name, a type, a province. Without any, every entity, most cited first."""

    q: str = Field("", description="Name or part of it: diacritics optional, any tone placement; spellings "
                                   "seen and abbreviations (UBND, KH&CN) match too.")
    type: str | None = Field(None, description=f"One of {', '.join(ENTITY_TYPES)}.")
    province: str | None = Field(
        None, description="Province then or now (2025 merger): 'Huế' also finds entities of 'Thừa Thiên Huế'. "
                          "Agencies and places by their own province; officials, persons and local documents "
                          "(UBND, HĐND) by the provinces of the articles that mention them.")
    page: int = Field(1, ge=1, le=10_000)
    size: int = Field(20, ge=1, le=100)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str | None) -> str | None:
        return _check_type(value)


class EntityItem(BaseModel):
    id: str = Field(description="Canonical entity id (stable across articles and re-ingests)")
    type: str
    name: str = Field(description="Canonical name")
    attributes: dict[str, Any] = Field(
        description="Key attributes: titles held (officials), kind/province/2025 successor (agencies), "
                    "level/province (places), type/number/issuer (documents)")
    aliases: list[str] = Field(description="Other spellings seen in articles")
    articles: int = Field(description="Articles mentioning it")
    mentions: int = Field(description="Mentions in all articles")
    first_seen: datetime | None
    last_seen: datetime | None


class EntityList(BaseModel):
    total: int = Field(description="Entities matching, on every page")
    page: int
    size: int
    items: list[EntityItem] = Field(description="Exact name matches first, then by article count")


class MentionItem(BaseModel):
    article_id: str
    url: str
    title: str
    published_at: datetime | None
    start: int = Field(description="Offset into the article's title + '\\n' + text")
    end: int
    text: str = Field(description="The mention as written")
    sentence: str = Field(description="The sentence(s) holding the mention")


class MentionPage(BaseModel):
    total: int
    page: int
    size: int
    items: list[MentionItem] = Field(description="Newest article first, then in text order")


class CooccurringEntity(BaseModel):
    id: str
    type: str
    name: str
    articles: int = Field(description="Articles mentioning both")


class EntityDetail(BaseModel):
    id: str
    type: str
    name: str
    attributes: dict[str, Any] = Field(description="Key attributes, as in the list")
    aliases: list[str]
    attrs: dict[str, Any] = Field(description="Everything the store holds: titles and spellings with the "
                                              "period each was seen, and the attributes last seen")
    articles: int = Field(description="Articles mentioning it")
    first_seen: datetime | None
    last_seen: datetime | None
    mentions: MentionPage = Field(description="Its mentions, a page at a time (total: every mention)")
    cooccurring: list[CooccurringEntity] = Field(description="Entities sharing most articles with it")


class DetailQuery(BaseModel):
    """Paging of an entity's mentions, and which co-occurring entities to list."""

    mentions_page: int = Field(1, ge=1, le=10_000)
    mentions_size: int = Field(20, ge=1, le=100)
    cooccurring_type: str | None = None
    cooccurring_size: int = Field(10, ge=1, le=100)

    @field_validator("cooccurring_type")
    @classmethod
    def _known_type(cls, value: str | None) -> str | None:
        return _check_type(value)


def problems(exc: ValidationError) -> str:
    """A rejected request's reasons on one line, each naming its parameter (``size: …less than or equal to 100``)."""
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") if e["type"] == "value_error"
                     else f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())


# -- listing -----------------------------------------------------------------------------------------------------

def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace("|", " ")


def _keys(q: str) -> list[str]:
    """What ``q`` may mean as folded name keys: as typed, and with abbreviations expanded."""
    return list(dict.fromkeys(k for k in (loose_key(q), loose_key(default_gazetteer().expand(q))) if k))


@cache
def _merged_into() -> dict[str, frozenset[str]]:
    """Post-2025 province → the pre-2025 provinces it absorbed (itself included)."""
    merged: dict[str, set[str]] = {}
    for province in default_gazetteer().provinces.values():
        merged.setdefault(province.current, {province.current}).add(province.name)
    return {current: frozenset(names) for current, names in merged.items()}


def province_names(value: str) -> list[str]:
    """Province names an entity may carry to be in ``value`` (any spelling; a merged province's old names too)."""
    province = default_gazetteer().province(value)
    if province is None:
        return [value]
    return sorted({province.name} | _merged_into().get(province.name, frozenset()))


def _attr(name: str) -> ColumnElement[str]:
    return EntityRow.attrs[name].as_string()


def _in_province(names: list[str]) -> ColumnElement[bool]:
    own = or_(_attr("province").in_(names), _attr("province_current").in_(names),
              and_(EntityRow.type == "location", _attr("level") == "province", EntityRow.canonical.in_(names)))
    in_articles = exists().where(MentionRow.entity_id == EntityRow.id, ArticleRow.id == MentionRow.article_id,
                                 or_(ArticleRow.province.in_(names), ArticleRow.province_current.in_(names)))
    has_none = and_(_attr("province").is_(None), _attr("province_current").is_(None),
                    or_(EntityRow.type.in_(_VIA_ARTICLES),
                        and_(EntityRow.type == "document",
                             # "Ủy ban nhân dân", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "Chủ tịch UBND tỉnh …"
                             or_(*(_attr("issuer").contains(issuer) for issuer in LOCAL_ISSUERS)))))
    return or_(own, and_(has_none, in_articles))


def _counts() -> tuple[Any, Any]:
    articles = (select(func.count(distinct(MentionRow.article_id))).where(MentionRow.entity_id == EntityRow.id)
                .scalar_subquery())
    mentions = select(func.count(MentionRow.id)).where(MentionRow.entity_id == EntityRow.id).scalar_subquery()
    return articles, mentions


def search_entities(store: Store, query: EntityQuery) -> EntityList:
    """One page of the entities ``query`` matches, best first."""
    conditions: list[ColumnElement[bool]] = [exists().where(MentionRow.entity_id == EntityRow.id)]
    rank: Any = None
    keys = _keys(query.q)
    if keys:
        key = EntityRow.name_key
        words = keys[0].split()
        conditions.append(or_(*(key.like(f"%{_like(k)}%", escape="\\") for k in keys),
                              and_(*(key.like(f"%{_like(w)}%", escape="\\") for w in words))))
        rank = case(*((or_(*(key.like(f"{p}{_like(k)}{s}", escape="\\") for k in keys)), i)
                      for i, (p, s) in enumerate((("|", "|%"), ("%|", "|%"), ("%|", "%")))), else_=3)
    if query.type:
        conditions.append(EntityRow.type == query.type)
    if query.province:
        conditions.append(_in_province(province_names(query.province)))
    articles, mentions = _counts()
    order = [*([rank] if rank is not None else []), articles.desc(), mentions.desc(), EntityRow.canonical,
             EntityRow.id]
    with Session(store.engine) as session:
        total = session.scalar(select(func.count()).select_from(EntityRow).where(*conditions)) or 0
        rows = session.execute(
            select(EntityRow, articles, mentions).where(*conditions).order_by(*order)
            .limit(query.size).offset((query.page - 1) * query.size)).all()
        items = [_item(entity, n_articles, n_mentions) for entity, n_articles, n_mentions in rows]
    return EntityList(total=total, page=query.page, size=query.size, items=items)


def key_attributes(entity_type: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes a list shows: an official's titles (latest first), an agency's province and successor…"""
    if entity_type in ("official", "person"):
        titles = sorted(attrs.get("titles", []), key=lambda t: t.get("last_seen", ""), reverse=True)
        return {"titles": [{"title": t["title"], "organization": t.get("organization")} for t in titles]}
    return {name: attrs[name] for name in KEY_ATTRIBUTES.get(entity_type, ()) if attrs.get(name) is not None}


def _item(entity: EntityRow, articles: int, mentions: int) -> EntityItem:
    attrs = entity.attrs or {}
    aliases = [s["text"] for s in attrs.get("spellings", []) if s.get("text") and s["text"] != entity.canonical]
    return EntityItem(id=entity.id, type=entity.type, name=entity.canonical,
                      attributes=key_attributes(entity.type, attrs), aliases=list(dict.fromkeys(aliases)),
                      articles=articles, mentions=mentions, first_seen=entity.first_seen,
                      last_seen=entity.last_seen)


# -- one entity --------------------------------------------------------------------------------------------------

def read_entity(store: Store, entity_id: str, query: DetailQuery | None = None) -> EntityDetail | None:
    """The entity with its attributes, a page of its mentions (with their sentences) and its co-occurring
    entities; ``None`` if no entity has that id."""
    query = query or DetailQuery()
    articles, mentions = _counts()
    with Session(store.engine) as session:
        row = session.execute(select(EntityRow, articles, mentions).where(EntityRow.id == entity_id)).first()
        if row is None:
            return None
        entity, n_articles, n_mentions = row
        item = _item(entity, n_articles, n_mentions)
        attrs = dict(entity.attrs or {})
    page = _mentions(store, entity_id, query.mentions_page, query.mentions_size, n_mentions)
    return EntityDetail(**item.model_dump(exclude={"mentions"}), attrs=attrs, mentions=page,
                        cooccurring=cooccurring(store, entity_id, query.cooccurring_type, query.cooccurring_size))


def _mentions(store: Store, entity_id: str, page: int, size: int, total: int) -> MentionPage:
    """A page of mentions, each with the sentence around it (the export's sentence splitting)."""
    query = (select(MentionRow.article_id, MentionRow.start.label("start"), MentionRow.end.label("end"),
                    MentionRow.text)
             .join(ArticleRow, ArticleRow.id == MentionRow.article_id)
             .where(MentionRow.entity_id == entity_id)
             .order_by(ArticleRow.published_at.desc().nulls_last(), MentionRow.article_id, MentionRow.start,
                       MentionRow.id)
             .limit(size).offset((page - 1) * size))
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    ids = sorted({r.article_id for r in rows})
    found = {a.id: (a.title, Article(a)) for a in store.article_rows(ids)} if ids else {}
    items = []
    for mention in rows:
        title, article = found[mention.article_id]
        items.append(MentionItem(**provenance(mention, article), title=title, text=mention.text))
    return MentionPage(total=total, page=page, size=size, items=items)


def cooccurring(store: Store, entity_id: str, entity_type: str | None = None, limit: int = 10) -> list[
        CooccurringEntity]:
    """Entities mentioned in the most articles that also mention ``entity_id``."""
    theirs = select(MentionRow.article_id).where(MentionRow.entity_id == entity_id)
    shared = func.count(distinct(MentionRow.article_id))
    query = (select(EntityRow.id, EntityRow.type, EntityRow.canonical, shared)
             .join(MentionRow, MentionRow.entity_id == EntityRow.id)
             .where(MentionRow.article_id.in_(theirs), EntityRow.id != entity_id)
             .group_by(EntityRow.id, EntityRow.type, EntityRow.canonical)
             .order_by(shared.desc(), EntityRow.canonical, EntityRow.id).limit(limit))
    if entity_type:
        query = query.where(EntityRow.type == entity_type)
    with store.engine.connect() as connection:
        return [CooccurringEntity(id=i, type=t, name=n, articles=c) for i, t, n, c in connection.execute(query)]
