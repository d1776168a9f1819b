"""Canonical entities get ``name_key``: their names folded, so ``/entities`` matches them in SQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from govnews.store.repository import entity_name_key

    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.Text(), nullable=True))
    entities = sa.table("entities", sa.column("id", sa.String()), sa.column("canonical", sa.Text()),
                        sa.column("attrs", sa.JSON()), sa.column("name_key", sa.Text()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(entities.c.id, entities.c.canonical, entities.c.attrs)).all()
    for entity_id, canonical, attrs in rows:  # entities already stored: keyed here, new ones by the store
        connection.execute(entities.update().where(entities.c.id == entity_id)
                           .values(name_key=entity_name_key(canonical, attrs or {})))


def downgrade() -> None:
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_column("name_key")
