"""``/export/{table}``: a table for analysts, streamed (CSV, JSON Lines) or sent as a finished file (XLSX, Parquet)."""

from __future__ import annotations

import inspect
import os
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import ValidationError
from starlette.background import BackgroundTask
from starlette.responses import Response

from govnews.export.columns import TABLES
from govnews.export.run import export_file, export_text
from govnews.export.source import select_articles
from govnews.export.writers import ExportFormat
from search.api.deps import BackendDep, FiltersDep, StoreDep, search_filters
from search.query import QuerySyntaxError, SearchQuery, validation_message

router = APIRouter(tags=["export"])
PARAMETERS = {"format", "bom", *inspect.signature(search_filters).parameters}


@router.get("/export/{table}", response_class=StreamingResponse,
            responses={200: {"description": "The table as a file of the requested format "
                                             "(columns in docs/data-dictionary.md)."}})
def export(
    table: str,
    request: Request,
    store: StoreDep,
    backend: BackendDep,
    filters: FiltersDep,
    format: ExportFormat = ExportFormat.csv,
    bom: Annotated[bool, Query(description="CSV: start with a UTF-8 byte-order mark (for Excel)")] = False,
) -> Response:
    """One of officials, official_titles, agencies, organizations, locations, figures, targets, documents,
    mentions, articles, for the articles the filters select (all of them without filters)."""
    if table not in TABLES:
        raise HTTPException(status_code=404, detail=f"unknown table {table!r}; one of: {', '.join(TABLES)}")
    unknown = sorted(set(request.query_params) - PARAMETERS)
    if unknown:
        raise HTTPException(status_code=400, detail=f"unknown filter {unknown[0]!r}; known: "
                                                    f"{', '.join(sorted(PARAMETERS))}")
    try:
        selection = select_articles(store, SearchQuery(**filters), backend)
    except ValidationError as exc:
        raise HTTPException(status_code=400, detail=validation_message(exc)) from exc
    except QuerySyntaxError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    filename = f"{table}.{format.value}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if format.streams:
        return StreamingResponse(export_text(store, selection, table, format, bom=bom), media_type=format.media_type,
                                 headers=headers)
    fd, name = tempfile.mkstemp(prefix="govnews-export-", suffix=f".{format.value}")
    os.close(fd)
    path = Path(name)
    try:
        try:
            export_file(store, selection, table, format, path)
        except ValueError as exc:  # more rows than an Excel sheet holds
            raise HTTPException(status_code=400, detail=str(exc)) from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=format.media_type, filename=filename,
                        background=BackgroundTask(path.unlink, missing_ok=True))
