"""reference rows take the server's seed ids; conflicts say who made the server's value and when

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 02:40:00

- Reference items and annual targets seeded from resources/ had random ids, while the server seeds the
  same rows with `seed_id(table, key...)`: a first pull would have added a second copy of every list
  item. Rows never synced (version 0) take their seed id; their outbox entries, if any, follow.
- `sync_conflict.theirs_by` / `theirs_at`: the "needs review" list shows who changed the record on the
  server and when.
"""
from alembic import op
import sqlalchemy as sa

from chushang_desk.db.ids import seed_id

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# table -> the columns making its seed key, in seed_id's order.
SEEDED = {"reference_item": ("list_name", "code"), "annual_target": ("year", "metric")}


def upgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.add_column(sa.Column('theirs_by', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('theirs_at', sa.DateTime(), nullable=True))
    for table, key in SEEDED.items():
        _reid(op.get_bind(), table, key)


def _reid(conn, table: str, key: tuple[str, str]) -> None:
    rows = conn.execute(sa.text(f"SELECT id, {key[0]}, {key[1]} FROM {table} WHERE version = 0")).all()
    moves = [{"old": old, "new": seed_id(table, a, b)} for old, a, b in rows]
    moves = [m for m in moves if m["old"] != m["new"]]
    if not moves:
        return
    conn.execute(sa.text(f"UPDATE {table} SET id = :new WHERE id = :old"), moves)
    conn.execute(sa.text(f"UPDATE outbox SET row_id = :new WHERE table_name = '{table}' AND row_id = :old"), moves)


def downgrade() -> None:
    # The seed ids stay: they are as good an id as any, and the server knows them.
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_column('theirs_at')
        batch_op.drop_column('theirs_by')
