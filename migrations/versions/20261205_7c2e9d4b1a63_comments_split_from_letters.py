"""comments split from a unit's letter: the file (whose comment carried it)

Revision ID: 7c2e9d4b1a63
Revises: a5c9e1f3b7d2
Create Date: 2026-12-05 09:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "7c2e9d4b1a63"
down_revision = "a5c9e1f3b7d2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("split_source_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_comments_split_source_id_attachments", "attachments", ["split_source_id"],
            ["id"], ondelete="SET NULL",
        )
        batch_op.create_index("ix_comments_split_source", ["split_source_id"], unique=False)


def downgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index("ix_comments_split_source")
        batch_op.drop_constraint("fk_comments_split_source_id_attachments", type_="foreignkey")
        batch_op.drop_column("split_source_id")
