"""Initial schema: articles, canonical entities, mentions with offsets, article topics.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("articles",
    sa.Column("id", sa.String(length=40), nullable=False),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("site", sa.String(length=255), nullable=False),
    sa.Column("province", sa.String(length=100), nullable=True),
    sa.Column("province_current", sa.String(length=100), nullable=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("author", sa.String(length=255), nullable=True),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("language", sa.String(length=8), nullable=False),
    sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("content_hash", sa.String(length=64), nullable=False),
    sa.Column("models", sa.JSON(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_province"), ["province"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_province_current"), ["province_current"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published_at"), ["published_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_site"), ["site"], unique=False)

    op.create_table("entities",
    sa.Column("id", sa.String(length=40), nullable=False),
    sa.Column("type", sa.String(length=20), nullable=False),
    sa.Column("canonical", sa.Text(), nullable=False),
    sa.Column("attrs", sa.JSON(), nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_type"), ["type"], unique=False)

    op.create_table("article_topics",
    sa.Column("article_id", sa.String(length=40), nullable=False),
    sa.Column("label", sa.String(length=40), nullable=False),
    sa.Column("score", sa.Float(), nullable=False),
    sa.Column("model", sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("article_id", "label")
    )
    with op.batch_alter_table("article_topics", schema=None) as batch_op:
        batch_op.create_index("ix_article_topics_label", ["label"], unique=False)

    op.create_table("mentions",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("article_id", sa.String(length=40), nullable=False),
    sa.Column("entity_id", sa.String(length=40), nullable=True),
    sa.Column("type", sa.String(length=20), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("start_offset", sa.Integer(), nullable=False),
    sa.Column("end_offset", sa.Integer(), nullable=False),
    sa.Column("attrs", sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="SET NULL"),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentions_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_type"), ["type"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_type"))
        batch_op.drop_index(batch_op.f("ix_mentions_entity_id"))
        batch_op.drop_index(batch_op.f("ix_mentions_article_id"))

    op.drop_table("mentions")
    with op.batch_alter_table("article_topics", schema=None) as batch_op:
        batch_op.drop_index("ix_article_topics_label")

    op.drop_table("article_topics")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_type"))

    op.drop_table("entities")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_site"))
        batch_op.drop_index(batch_op.f("ix_articles_published_at"))
        batch_op.drop_index(batch_op.f("ix_articles_province_current"))
        batch_op.drop_index(batch_op.f("ix_articles_province"))

    op.drop_table("articles")
