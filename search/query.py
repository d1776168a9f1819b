"""The one request/response model of search, shared by every backend, the API and the CLI."""

from __future__ import annotations

from datetime import date, datetime

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
        return self


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


def validation_message(exc: ValidationError) -> str:
    """A rejected query's reasons on one line (pydantic's own message spans several)."""
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())


class QuerySyntaxError(ValueError):
    """The query text cannot be searched (unbalanced quotes, nothing searchable); reported as HTTP 400."""
