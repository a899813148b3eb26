"""co-signing units confirm before their name appears

Revision ID: c3f8a2d61e57
Revises: 8e2f4a6c1b30
Create Date: 2026-12-03 13:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "c3f8a2d61e57"
down_revision = '8e2f4a6c1b30'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comment_cosigners", schema=None) as batch_op:
        # Rows from before this migration are the demo's (and any site's) history: the units
        # were named and shown as co-signers, so they stay confirmed.
        batch_op.add_column(
            sa.Column(
                "state",
                sa.Enum(
                    "pending",
                    "confirmed",
                    "declined",
                    name="cosignaturestate",
                    native_enum=False,
                    length=10,
                ),
                nullable=False,
                server_default="confirmed",
            )
        )
        batch_op.add_column(sa.Column("decided_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("reason", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            "fk_comment_cosigners_decided_by_id_users",
            "users",
            ["decided_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index("ix_comment_cosigners_unit_state", ["unit_id", "state"])
    # New rows get their state from the application (pending), never from this default.
    with op.batch_alter_table("comment_cosigners", schema=None) as batch_op:
        batch_op.alter_column("state", server_default=None)


def downgrade():
    with op.batch_alter_table("comment_cosigners", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_cosigners_unit_state")
        batch_op.drop_constraint("fk_comment_cosigners_decided_by_id_users", type_="foreignkey")
        batch_op.drop_column("reason")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("decided_by_id")
        batch_op.drop_column("state")
