"""sync conflicts, sync state, and an outbox whose mid is never reused

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:00:00

- `sync_conflict`: fields the server kept its own value for, waiting in "needs review" (SYNC.md).
- `sync_state`: the sync engine's key/value state (device id, pull cursor, server epoch, last sync).
- `outbox` rebuilt with AUTOINCREMENT: without it SQLite hands out max(mid)+1, so once pushed entries
  are deleted a new edit would get a mid the server has already applied, and be dropped as a repeat.
  The copy keeps every entry and its mid; sqlite_sequence starts at the highest mid copied.
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_sync_conflict()
    _create_sync_state()
    with op.batch_alter_table('outbox', recreate='always', table_kwargs={'sqlite_autoincrement': True}):
        pass


def _create_sync_conflict() -> None:
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('mine', sa.JSON(), nullable=True),
    sa.Column('theirs', sa.JSON(), nullable=True),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('device_time', sa.DateTime(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=False),
    sa.CheckConstraint("resolution IN ('', 'keep_mine', 'keep_theirs')", name=op.f('ck_sync_conflict_resolution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_open', ['resolved_at', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_row_id'), ['row_id'], unique=False)


def _create_sync_state() -> None:
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )


def downgrade() -> None:
    with op.batch_alter_table('outbox', recreate='always', table_kwargs={'sqlite_autoincrement': False}):
        pass
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_row_id'))
        batch_op.drop_index('ix_sync_conflict_open')
    op.drop_table('sync_conflict')
