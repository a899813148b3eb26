"""sign-in failures shared by every worker; the reason a comment period was extended

Revision ID: 5b1e7c2d9a40
Revises: ad849575cfe9
Create Date: 2026-12-03 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e7c2d9a40'
down_revision = 'b7c41e2a9d10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=254), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index('ix_login_failures_kind_key_at', ['kind', 'key', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_at'), ['at'], unique=False)

    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extension_reason', sa.Text(), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_column('extension_reason')

    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_at'))
        batch_op.drop_index('ix_login_failures_kind_key_at')

    op.drop_table('login_failures')
