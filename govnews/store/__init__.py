"""The article store: SQLAlchemy 2.x over SQLite by default, PostgreSQL through ``DATABASE_URL``."""

from govnews.store.repository import Store

__all__ = ["Store"]
