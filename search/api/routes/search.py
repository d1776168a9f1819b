"""``/search``: full text with filters, facets and highlights."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import ValidationError

from search.api.deps import BackendDep
from search.query import QuerySyntaxError, SearchQuery, SearchResponse, validation_message

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResponse)
def search(
    backend: BackendDep,
    q: Annotated[str, Query(description='Words (all must match; diacritics optional) and "quoted phrases"')] = "",
    site: str | None = None,
    province: Annotated[str | None, Query(description="Province then or now: 'Huế' finds 'Thừa Thiên Huế'")] = None,
    topic: str | None = None,
    entity: Annotated[str | None, Query(description="Entity id or canonical name")] = None,
    entity_type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SearchResponse:
    try:
        query = SearchQuery(q=q, site=site, province=province, topic=topic, entity=entity, entity_type=entity_type,
                            date_from=date_from, date_to=date_to, page=page, size=size)
        return backend.search(query)
    except ValidationError as exc:
        raise HTTPException(status_code=400, detail=validation_message(exc)) from exc
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
