"""Dependencies shared by the routes, as typed aliases."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from govnews.config import Settings
from govnews.store import Store
from search.backend import SearchBackend


def get_backend(request: Request) -> SearchBackend:
    return request.app.state.backend


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


BackendDep = Annotated[SearchBackend, Depends(get_backend)]
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def search_filters(
    q: Annotated[str, Query(description='Words (all must match; diacritics optional) and "quoted phrases"')] = "",
    site: str | None = None,
    province: Annotated[str | None, Query(description="Province then or now: 'Huế' finds 'Thừa Thiên Huế'")] = None,
    topic: str | None = None,
    entity: Annotated[str | None, Query(description="Entity id or canonical name")] = None,
    entity_type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> dict[str, Any]:
    """The filters of ``/search``, shared by every route that selects articles (``SearchQuery`` fields)."""
    return {"q": q, "site": site, "province": province, "topic": topic, "entity": entity, "entity_type": entity_type,
            "date_from": date_from, "date_to": date_to}


FiltersDep = Annotated[dict[str, Any], Depends(search_filters)]
