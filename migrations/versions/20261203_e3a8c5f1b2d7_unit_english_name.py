"""units' English names

Revision ID: e3a8c5f1b2d7
Revises: 5b1e7c2d9a40
Create Date: 2026-12-03 13:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "e3a8c5f1b2d7"
down_revision = "5b1e7c2d9a40"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_en", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_column("name_en")
