"""Canonical entity ids: the same official, agency, place or document gets the same id in every article.

The id hashes the entity's group and its loose key (tones unified, diacritics folded), so
``Bộ TT&TT``, ``Bộ Thông tin và Truyền thông`` (after abbreviation expansion) and ``Bộ Thông tin và
Truyền Thông`` are one agency, with or without ``tỉnh`` / ``thành phố`` before its province. Figures,
targets and dates are facts of one article and get no id; so does a document named only by what it does
(``quyết định bổ nhiệm``), which other articles cannot be told to cite.
"""

from __future__ import annotations

import hashlib

from govnews.records import Entity
from pipeline.documents import identifiable
from pipeline.gazetteer import body_key, loose_key

# Officials and persons are one group: a person is an official in one article and not in another.
GROUPS = {"official": "person", "person": "person", "agency": "agency", "organization": "organization",
          "location": "location", "document": "document"}


def canonical_name(entity: Entity) -> str | None:
    if entity.type in ("official", "person"):
        return entity.attrs.get("name")
    return entity.attrs.get("canonical")


def entity_id(entity: Entity) -> str | None:
    group = GROUPS.get(entity.type)
    name = canonical_name(entity)
    if group is None or not name or (group == "document" and not identifiable(entity)):
        return None
    # A body's key ignores how its province is attached: "Sở TT&TT Hà Nội" (as written) and "Sở Thông tin và
    # Truyền thông thành phố Hà Nội" (filled in from the article) are one agency.
    key = body_key(name) if group in ("agency", "organization") else loose_key(name)
    return hashlib.sha1(f"{group}:{key}".encode()).hexdigest()[:16]


def resolve(entities: list[Entity]) -> list[Entity]:
    for entity in entities:
        entity.entity_id = entity_id(entity)
    return entities
