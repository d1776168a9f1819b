"""Helpers shared by the fixture portals' renderers: the truth's dates and Vietnamese weekday names."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from govnews.records import VN_TZ

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def published_of(article: dict[str, Any]) -> datetime:
    """The publication time the truth file gives (midnight when the page shows only a day)."""
    value = article["published"]
    fmt = "%Y-%m-%d %H:%M" if " " in value else "%Y-%m-%d"
    return datetime.strptime(value, fmt).replace(tzinfo=VN_TZ)


def shows_time(article: dict[str, Any]) -> bool:
    return " " in article["published"]
