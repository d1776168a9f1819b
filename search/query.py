"""The one request/response model of search, shared by every backend, the API and the CLI."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from pipeline.gazetteer import default_gazetteer


class SearchQuery(BaseModel):
    """What a researcher asks: full text plus filters. Empty ``q`` lists the newest articles."""

    q: str = Field("", description='Words (all must match, diacritics optional) and "quoted phrases".')
    site: str | None = Field(None, description="Site host, e.g. thuathienhue.gov.vn")
    province: str | None = Field(
        None, description="Province as named then or today (2025 merger): 'Huế' also finds 'Thừa Thiên Huế'.")
    topic: str | None = Field(None, description="Topic id, e.g. digital_transformation")
    entity: str | None = Field(None, description="Entity id, or a canonical name (officials, agencies, places…)")
    entity_type: str | None = Field(None, description="Only articles mentioning an entity of this type")
    date_from: date | None = Field(None, description="Published on or after this day")
    date_to: date | None = Field(None, description="Published on or before this day")
    page: int = Field(1, ge=1, le=10_000)
    size: int = Field(10, ge=1, le=100)
    cursor: str | None = Field(
        None, description="The next_cursor of the previous response: the next page, at any depth (keyset "
                          "pagination; page is then ignored). Pages by number stop at result 10,000.")

    @field_validator("province")
    @classmethod
    def _canonical_province(cls, value: str | None) -> str | None:
        """``TP.HCM``, ``tp ho chi minh`` and ``Thành phố Hồ Chí Minh`` are one province."""
        if value is None:
            return None
        province = default_gazetteer().province(value)
        return province.name if province else value

    @model_validator(mode="after")
    def _check_range(self) -> SearchQuery:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.cursor is None and self.page * self.size > MAX_PAGED_RESULTS:
            raise ValueError(f"page {self.page} of size {self.size} is past result {MAX_PAGED_RESULTS:,}; "
                             "follow next_cursor to read further")
        return self


MAX_PAGED_RESULTS = 10_000  # Elasticsearch's from + size window; both backends keep the same limit


class Hit(BaseModel):
    id: str
    url: str
    title: str
    site: str
    province: str | None
    province_current: str | None
    published_at: datetime | None
    score: float
    highlights: list[str] = Field(default_factory=list, description="Fragments with matches in <em>…</em>")
    topics: list[str] = Field(default_factory=list)


class FacetValue(BaseModel):
    value: str
    count: int


class SearchResponse(BaseModel):
    total: int
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict)
    next_cursor: str | None = Field(None, description="Pass as cursor for the page after this one; none at the end")


class Interval(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class AggregateQuery(BaseModel):
    """Charts over the articles a search selects: articles per period, top entities, topic counts."""

    search: SearchQuery
    interval: Interval = Interval.month
    top_entity_type: str | None = Field(None, description="Count only entities of this type (official, agency…)")
    size: int = Field(10, ge=1, le=100, description="Entries in each top list")


class Bucket(BaseModel):
    key: str = Field(description="Period start (2024-03 for a month, 2024-03-05 for a day, 2024 for a year)")
    count: int


class EntityCount(BaseModel):
    id: str
    type: str
    name: str
    count: int = Field(description="Articles mentioning it")


class AggregateResponse(BaseModel):
    total: int
    interval: Interval
    histogram: list[Bucket] = Field(description="Articles per period, in order; periods without articles omitted; "
                                                "articles without a date are not counted")
    entities: list[EntityCount]
    topics: list[FacetValue]


def validation_message(exc: ValidationError) -> str:
    """A rejected query's reasons on one line (pydantic's own message spans several)."""
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())


class QuerySyntaxError(ValueError):
    """The query text cannot be searched (unbalanced quotes, nothing searchable); reported as HTTP 400."""


def encode_cursor(values: list[object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, length: int) -> list[object]:
    """The sort values inside a cursor; a cursor that was not ours is a 400, not a 500."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise QuerySyntaxError(f"invalid cursor {cursor[:40]!r}") from exc
    if not isinstance(values, list) or len(values) != length:
        raise QuerySyntaxError(f"invalid cursor {cursor[:40]!r}")
    return values
