"""govnews: Vietnamese government news turned into searchable, structured data.

The flow runs one way, and the packages are named for it:
``crawlers`` (raw pages → :class:`~govnews.records.RawArticle`) →
``pipeline`` (normalise, extract, classify → :class:`~govnews.records.ArticleRecord`) →
:mod:`govnews.store` (SQL store) → ``search`` (index, query, HTTP API).
This package holds what every stage shares: records, settings, errors and the store.
"""

__version__ = "0.1.0"
