"""import batches: what each import of a member list created and filled in, so it can be undone

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:40:00

A device-local table (never synced): the undo itself is ordinary synced edits.
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_batch',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('file_name', sa.String(length=256), nullable=False),
        sa.Column('sheet', sa.String(length=128), nullable=False),
        sa.Column('actor', sa.String(length=64), nullable=False),
        sa.Column('counts', sa.JSON(), nullable=False),
        sa.Column('entries', sa.JSON(), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch')),
    )


def downgrade() -> None:
    op.drop_table('import_batch')
