"""Dependencies shared by the routes, as typed aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

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
