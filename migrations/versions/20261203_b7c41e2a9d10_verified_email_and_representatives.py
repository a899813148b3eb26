"""verified e-mail addresses and unit representatives

Revision ID: b7c41e2a9d10
Revises: b7d41c2e9a10
Create Date: 2026-12-03 12:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "b7c41e2a9d10"
down_revision = "b7d41c2e9a10"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email_verified_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "representative",
                sa.Enum(
                    "none",
                    "pending",
                    "confirmed",
                    "refused",
                    name="representativestatus",
                    native_enum=False,
                    length=10,
                ),
                nullable=False,
                server_default="none",
            )
        )
        batch_op.add_column(sa.Column("representative_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("representative_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            "fk_users_representative_by_id_users",
            "users",
            ["representative_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint("fk_users_representative_by_id_users", type_="foreignkey")
        batch_op.drop_column("representative_at")
        batch_op.drop_column("representative_by_id")
        batch_op.drop_column("representative")
        batch_op.drop_column("email_verified_at")
