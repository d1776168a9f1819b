"""Rows of each exported table, built from the mentions of the selected articles (columns in ``columns.csv``).

Mention tables (``mentions``, ``figures``, ``targets``) stream a row per mention. Entity tables tally mentions per
canonical entity as they stream by and emit their rows at the end; they hold one tally per entity, not the mentions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from typing import Any

from govnews.export.columns import columns
from govnews.export.source import Article, Selection, iter_mentions
from govnews.store import Store

Row = dict[str, Any]
Progress = Callable[[int], None] | None
MENTION_TYPES = {"officials": ("official", "person"), "official_titles": ("official", "person"),
                "agencies": ("agency",), "organizations": ("organization",), "locations": ("location",),
                "documents": ("document",)}
TALLY_COLUMNS = {"entity_id", "name", "spellings", "first_seen", "last_seen", "mentions", "articles"}
PROVENANCE = ("article_id", "url", "published_at", "start", "end", "sentence")
_LATEST = datetime.max


def provenance(mention: Any, article: Article) -> Row:
    """Where a row comes from: article, offsets of the mention, and its sentence."""
    return {"article_id": article.id, "url": article.url, "published_at": article.published_at,
            "start": mention.start, "end": mention.end, "sentence": article.sentence(mention.start, mention.end)}


def table_rows(table: str, store: Store, selection: Selection, on_chunk: Progress = None) -> Iterator[Row]:
    """Rows of ``table`` for the selected articles, as dicts keyed by column name."""
    if table == "articles":
        return article_rows(store, selection, on_chunk)
    if table == "mentions":
        return mention_rows(iter_mentions(store, selection, None, on_chunk))
    if table == "figures":
        return figure_rows(iter_mentions(store, selection, ("figure", "agency", "location"), on_chunk))
    if table == "targets":
        return target_rows(iter_mentions(store, selection, ("target",), on_chunk))
    mentions = iter_mentions(store, selection, MENTION_TYPES[table], on_chunk)
    if table == "officials":
        return official_rows(mentions)
    if table == "official_titles":
        return official_title_rows(mentions)
    return entity_rows(mentions, table)


# -- one row per mention ------------------------------------------------------------------------------------------

def mention_rows(mentions: Iterable[tuple[Any, Article]]) -> Iterator[Row]:
    for m, article in mentions:
        yield {"mention_id": m.id, "type": m.type, "text": m.text, "entity_id": m.entity_id, "canonical": m.canonical,
               "attrs": json.dumps(m.attrs or {}, ensure_ascii=False), "site": article.site,
               "province": article.province, **provenance(m, article)}


def figure_rows(mentions: Iterable[tuple[Any, Article]]) -> Iterator[Row]:
    """Figures, each with the province and agency named in its sentence (read from the article's other mentions)."""
    for _, group in groupby(mentions, key=lambda pair: pair[1].id):
        pairs = list(group)
        context = [m for m, _ in pairs if m.type != "figure"]
        for m, article in pairs:
            if m.type != "figure":
                continue
            s, e = article.sentence_span(m.start, m.end)
            near = [c for c in context if s <= c.start and c.end <= e]
            provinces = [(c.attrs or {}).get("canonical") for c in near
                         if c.type == "location" and (c.attrs or {}).get("level") == "province"]
            agencies = [c.canonical or c.text for c in near if c.type == "agency"]
            attrs = m.attrs or {}
            yield {"text": m.text, "value": attrs.get("value"), "unit": attrs.get("unit"),
                   "qualifier": attrs.get("qualifier"), "measure": attrs.get("measure"), "year": attrs.get("year"),
                   "province": provinces[0] if provinces else article.province,
                   "agency": agencies[0] if agencies else None, **provenance(m, article)}


def target_rows(mentions: Iterable[tuple[Any, Article]]) -> Iterator[Row]:
    for m, article in mentions:
        attrs = m.attrs or {}
        yield {"clause": m.text, "deadline": attrs.get("deadline"), "value": attrs.get("value"),
               "unit": attrs.get("unit"), "owner": attrs.get("owner"), **provenance(m, article)}


def article_rows(store: Store, selection: Selection, on_chunk: Progress = None) -> Iterator[Row]:
    for ids in selection.chunks():
        topics = store.topic_labels(ids)
        counts = store.mention_counts(ids)
        for row in store.article_rows(ids):
            yield {"article_id": row.id, "url": row.url, "published_at": row.published_at, "site": row.site,
                   "province": row.province, "province_current": row.province_current, "title": row.title,
                   "author": row.author, "language": row.language, "topics": topics.get(row.id, []),
                   "mentions": counts.get(row.id, 0), "text": row.text}
        if on_chunk:
            on_chunk(len(ids))


# -- one row per canonical entity ---------------------------------------------------------------------------------

@dataclass
class Tally:
    """What the mentions of one entity (or one title of one official) add up to."""

    name: str
    first: tuple[Any, Article] | None = None
    first_key: tuple[datetime, str, int] | None = None
    last_seen: datetime | None = None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    spellings: dict[str, None] = field(default_factory=dict)  # a dict keeps first-seen order
    attrs: dict[str, tuple[datetime, Any]] = field(default_factory=dict)  # latest value of each attribute

    def add(self, mention: Any, article: Article) -> None:
        when = article.published_at
        key = (when.replace(tzinfo=None) if when else _LATEST, article.id, mention.start)
        if self.first_key is None or key < self.first_key:
            self.first, self.first_key = (mention, article), key
        if when and (self.last_seen is None or when > self.last_seen):
            self.last_seen = when
        self.mentions += 1
        self.articles.add(article.id)
        self.spellings.setdefault(mention.text)
        for name, value in (mention.attrs or {}).items():
            if value is not None and (name not in self.attrs or key[0] >= self.attrs[name][0]):
                self.attrs[name] = (key[0], value)

    def row(self, entity_id: str) -> Row:
        assert self.first is not None
        mention, article = self.first
        return {"entity_id": entity_id, "name": self.name, "spellings": list(self.spellings),
                "first_seen": article.published_at, "last_seen": self.last_seen, "mentions": self.mentions,
                "articles": len(self.articles), **provenance(mention, article)}


def _tally(mentions: Iterable[tuple[Any, Article]], key: Callable[[Any], Any]) -> dict[Any, Tally]:
    tallies: dict[Any, Tally] = {}
    for m, article in mentions:
        k = key(m)
        if k is None:
            continue
        tally = tallies.get(k)
        if tally is None:
            tally = tallies[k] = Tally(m.canonical or (m.attrs or {}).get("canonical") or m.text)
        tally.add(m, article)
    return tallies


def entity_rows(mentions: Iterable[tuple[Any, Article]], table: str) -> Iterator[Row]:
    """Agencies, organisations, places, documents: one row per canonical entity, attributes as last seen."""
    extra = [c.name for c in columns(table) if c.name not in TALLY_COLUMNS and c.name not in PROVENANCE]
    for entity_id, tally in sorted(_tally(mentions, lambda m: m.entity_id).items(), key=_by_name):
        yield {**tally.row(entity_id), **{name: tally.attrs.get(name, (None, None))[1] for name in extra}}


def _by_name(item: tuple[Any, Tally]) -> tuple[str, str]:
    return item[1].name, str(item[0])


@dataclass
class Official:
    tally: Tally
    titles: dict[tuple[str, str | None], Tally] = field(default_factory=dict)
    provinces: dict[str, None] = field(default_factory=dict)


def _officials(mentions: Iterable[tuple[Any, Article]]) -> list[tuple[str, Official]]:
    """Every person with at least one mention in office, with a tally per (title, organisation) held."""
    people: dict[str, Official] = {}
    for m, article in mentions:
        if not m.entity_id:
            continue
        person = people.get(m.entity_id)
        if person is None:
            person = people[m.entity_id] = Official(Tally(m.canonical or (m.attrs or {}).get("name") or m.text))
        person.tally.add(m, article)
        if article.province:
            person.provinces.setdefault(article.province)
        attrs = m.attrs or {}
        if m.type == "official" and attrs.get("title"):
            key = (attrs["title"], attrs.get("organization"))
            person.titles.setdefault(key, Tally(person.tally.name)).add(m, article)
    return sorted(((i, p) for i, p in people.items() if p.titles), key=lambda item: (item[1].tally.name, item[0]))


def _period(tally: Tally) -> str:
    first = tally.first[1].published_at if tally.first else None
    days = [d.date().isoformat() if d else "?" for d in (first, tally.last_seen)]
    return f"{days[0]} – {days[1]}"


def official_rows(mentions: Iterable[tuple[Any, Article]]) -> Iterator[Row]:
    for entity_id, person in _officials(mentions):
        titles = sorted(person.titles.items(), key=lambda item: item[1].first_key or ())
        row = person.tally.row(entity_id)
        del row["spellings"]
        yield {**row,
               "titles": [f"{', '.join(filter(None, key))} ({_period(t)})" for key, t in titles],
               "organizations": list(dict.fromkeys(org for (_, org), _ in titles if org)),
               "provinces": list(person.provinces)}


def official_title_rows(mentions: Iterable[tuple[Any, Article]]) -> Iterator[Row]:
    for entity_id, person in _officials(mentions):
        for (title, organization), tally in sorted(person.titles.items(), key=lambda item: item[1].first_key or ()):
            row = tally.row(entity_id)
            del row["spellings"]
            yield {**row, "title": title, "organization": organization}
