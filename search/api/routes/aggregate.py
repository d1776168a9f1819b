"""``/aggregate``: counts to chart over the articles a search selects."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import ValidationError

from search.api.deps import BackendDep, FiltersDep
from search.query import (
    AggregateQuery,
    AggregateResponse,
    Interval,
    QuerySyntaxError,
    SearchQuery,
    validation_message,
)

router = APIRouter(tags=["aggregate"])


@router.get("/aggregate", response_model=AggregateResponse)
def aggregate(
    backend: BackendDep,
    filters: FiltersDep,
    interval: Interval = Interval.month,
    top_entity_type: Annotated[str | None, Query(description="Top entities of this type only")] = None,
    size: Annotated[int, Query(ge=1, le=100, description="Entries in each top list")] = 10,
) -> AggregateResponse:
    """Articles per day, month or year (Vietnamese calendar), the most mentioned entities and topic counts,
    for the articles that the search filters select."""
    try:
        request = AggregateQuery(search=SearchQuery(**filters), interval=interval, top_entity_type=top_entity_type,
                                 size=size)
        return backend.aggregate(request)
    except ValidationError as exc:
        raise HTTPException(status_code=400, detail=validation_message(exc)) from exc
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
