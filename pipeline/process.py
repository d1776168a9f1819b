"""One raw article in, one article record out: validate → normalise → extract → classify.

Bad input raises :class:`~govnews.errors.InputError` with a one-line reason; nothing else is raised
for a bad article, so batch callers can skip it and go on.
"""

from __future__ import annotations

import logging
from datetime import datetime

from govnews.config import Settings
from govnews.errors import InputError
from govnews.records import VN_TZ, ArticleRecord, RawArticle, content_hash
from govnews.urls import article_id, canonical_url, site_of
from pipeline.dates import parse_published
from pipeline.extract import Extractor
from pipeline.normalize import clean_text

log = logging.getLogger(__name__)


def prepared(raw: RawArticle, settings: Settings) -> tuple[str, str, str]:
    """Checked and cleaned ``(id, title, text)`` of a raw article, before any NLP."""
    source = raw.source or raw.url or "<article>"
    if not raw.url or "://" not in raw.url:
        raise InputError(source, f"missing or invalid url {raw.url!r}")
    if len(raw.text) > settings.max_article_chars:
        raise InputError(source, f"article text has {len(raw.text):,} characters, over the "
                                 f"{settings.max_article_chars:,} limit (max_article_chars)")
    title = " ".join(clean_text(raw.title).split())
    text = clean_text(raw.text)
    if not text.strip():
        raise InputError(source, "empty article (no text)")
    if not title:
        title = text.split("\n", 1)[0][:200]
    return article_id(raw.url), title, text


class ArticleProcessor:
    """Turns raw articles into records; holds the extractor (spaCy pipeline, topic model)."""

    def __init__(self, settings: Settings, extractor: Extractor | None = None) -> None:
        self.settings = settings
        self.extractor = extractor or Extractor(settings.topic_model)

    def process(self, raw: RawArticle, parts: tuple[str, str, str] | None = None) -> ArticleRecord:
        """The record of ``raw``; ``parts`` are its ``prepared()`` id, title and text when already computed."""
        record_id, title, text = parts or prepared(raw, self.settings)
        published = parse_published(raw.published)
        if raw.published and published is None:
            log.warning("%s: unreadable publication date %r, stored without one", raw.source or raw.url,
                        raw.published)
        extraction, province = self.extractor.extract_document(f"{title}\n{text}", published, url=raw.url)
        gaz = self.extractor.gazetteer
        current = gaz.province(province).current if province and gaz.province(province) else None
        fetched = parse_published(raw.fetched_at) or datetime.now(VN_TZ)
        return ArticleRecord(
            id=record_id,
            url=canonical_url(raw.url),
            site=raw.site or site_of(raw.url),
            title=title,
            text=text,
            language=extraction.language,
            fetched_at=fetched,
            content_hash=content_hash(title, text),
            province=province,
            province_current=current,
            published_at=published,
            author=" ".join(raw.author.split()) if raw.author else None,
            entities=extraction.entities,
            topics=extraction.topics,
            models=extraction.models,
            words=extraction.words,
        )
