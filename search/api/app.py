"""Builds the FastAPI app; routes live in ``routes/``, one module per resource."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute

from govnews import __version__
from govnews.config import Settings, load_settings
from govnews.store import Store
from search.api.routes import aggregate, articles, entities, export, health, search
from search.backend import open_backend
from search.terms import load_tables


def _operation_id(route: APIRoute) -> str:
    """Stable operation ids (``search-search``, ``articles-read_article``) so generated clients don't churn."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = Store(settings.store_url())
        app.state.backend = open_backend(settings)
        load_tables()
        yield
        app.state.backend.close()
        app.state.store.close()

    app = FastAPI(
        title="govnews",
        version=__version__,
        description="Search Vietnamese government news: full text with or without diacritics, filters by site, "
                    "province (old or post-2025 names), topic, entity and date; articles with their officials, "
                    "agencies, places, documents, figures and targets; tables of them for analysts (CSV, XLSX, "
                    "Parquet, JSON Lines) with the article and sentence behind every row.",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    for module in (search, aggregate, articles, entities, export, health):
        app.include_router(module.router)
    return app


def app_from_environment() -> FastAPI:
    """The app for each worker process of ``govnews serve --workers N``: settings from file and environment
    (the command puts its own options into the environment before the workers start)."""
    return create_app(load_settings())
