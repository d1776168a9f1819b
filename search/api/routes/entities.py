"""``/entities``: canonical officials, agencies, places and documents by name, type and province; one entity
with its mentions (and their sentences) and the entities it shares articles with.

Answered from the store, so every search backend gives the same answer. Parameters are checked by the models of
:mod:`search.entities`, so a bad one is a 400 with a message, as on ``/search``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import ValidationError

from search.api.deps import StoreDep
from search.entities import DetailQuery, EntityDetail, EntityList, EntityQuery, problems, search_entities
from search.entities import read_entity as load_entity

router = APIRouter(prefix="/entities", tags=["entities"])


def _bad_request(exc: ValidationError) -> HTTPException:
    return HTTPException(status_code=400, detail=problems(exc))


@router.get("", response_model=EntityList)
def list_entities(
    store: StoreDep,
    q: Annotated[str, Query(description="Name or part of it; diacritics optional; spellings seen and "
                                        "abbreviations (UBND, KH&CN) match too")] = "",
    type: Annotated[str | None, Query(description="official, person, agency, organization, location or "
                                                  "document")] = None,
    province: Annotated[str | None, Query(description="Province then or now: 'Huế' also finds entities of "
                                                      "'Thừa Thiên Huế'")] = None,
    page: Annotated[int, Query(description="1 to 10,000")] = 1,
    size: Annotated[int, Query(description="1 to 100")] = 20,
) -> EntityList:
    """Entities by name, type and province: exact name matches first, then the most cited."""
    try:
        query = EntityQuery(q=q, type=type, province=province, page=page, size=size)
    except ValidationError as exc:
        raise _bad_request(exc) from exc
    return search_entities(store, query)


@router.get("/{entity_id}", response_model=EntityDetail, responses={404: {"description": "No entity with this id"}})
def read_entity(
    entity_id: str,
    store: StoreDep,
    mentions_page: Annotated[int, Query(description="Page of mentions, from 1")] = 1,
    mentions_size: Annotated[int, Query(description="Mentions per page, 1 to 100")] = 20,
    cooccurring_type: Annotated[str | None, Query(description="Only co-occurring entities of this type")] = None,
    cooccurring_size: Annotated[int, Query(description="How many co-occurring entities, 1 to 100")] = 10,
) -> EntityDetail:
    """One entity: all its attributes, a page of its mentions with their sentences, its co-occurring entities."""
    try:
        query = DetailQuery(mentions_page=mentions_page, mentions_size=mentions_size,
                            cooccurring_type=cooccurring_type, cooccurring_size=cooccurring_size)
    except ValidationError as exc:
        raise _bad_request(exc) from exc
    entity = load_entity(store, entity_id, query)
    if entity is None:
        raise HTTPException(status_code=404, detail=f"no entity with id {entity_id!r}")
    return entity
