"""measures: the drafting unit's English name

Revision ID: 8e2f4a6c1b30
Revises: e3a8c5f1b2d7
Create Date: 2026-12-03 13:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8e2f4a6c1b30'
down_revision = 'e3a8c5f1b2d7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('drafting_unit_en', sa.String(length=200), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_column('drafting_unit_en')
