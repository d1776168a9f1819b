"""Alembic environment: runs on the connection the Store hands over, or on the configured DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from govnews.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from govnews.config import load_settings

    url = config.get_main_option("sqlalchemy.url") or load_settings().store_url()
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
