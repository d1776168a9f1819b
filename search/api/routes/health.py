"""``/health``: is the service up, and what does it hold."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from govnews import __version__
from search.api.deps import BackendDep, StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    backend: str
    articles_stored: int
    articles_indexed: int


@router.get("/health", response_model=Health)
def health(store: StoreDep, backend: BackendDep) -> Health:
    return Health(status="ok", version=__version__, backend=backend.name, articles_stored=store.count(),
                  articles_indexed=backend.count())
