"""index for finding a resubmitted comment (same author, same content checksum)

Revision ID: 4c1e9b7d2a60
Revises: ad849575cfe9
Create Date: 2026-12-03 12:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '4c1e9b7d2a60'
down_revision = 'ad849575cfe9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(
            'ix_comments_author_content', ['author_id', 'content_sha256'], unique=False
        )


def downgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_author_content')
