"""rows from the server this device could not store are kept aside instead of stopping sync

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 04:10:00

- `sync_held_row`: a pulled row (or a row a push answer carried) that fails the record declaration or
  fails to apply, with the reason; sync moves past it, tries it again later, and shows it in
  "needs review" (issue 7: a client never wedges).
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_held_row',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('row', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('first_seen', sa.DateTime(), nullable=False),
    sa.Column('last_tried', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_held_row'))
    )


def downgrade() -> None:
    op.drop_table('sync_held_row')
