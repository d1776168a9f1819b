"""``/search``: full text with filters, facets and highlights."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import ValidationError

from search.api.deps import BackendDep, FiltersDep
from search.query import QuerySyntaxError, SearchQuery, SearchResponse, validation_message

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchResponse)
def search(
    backend: BackendDep,
    filters: FiltersDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page: pages past 10,000 results")]
    = None,
) -> SearchResponse:
    """Hits (id, url, title, score, highlights), total and facets; page by number up to result 10,000, by
    cursor at any depth."""
    try:
        return backend.search(SearchQuery(**filters, page=page, size=size, cursor=cursor))
    except ValidationError as exc:
        raise HTTPException(status_code=400, detail=validation_message(exc)) from exc
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
