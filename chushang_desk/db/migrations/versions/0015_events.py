"""events (活动) and their attendees: synced records; projects, visits and referrals link to an event

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 23:30:00

- `event` (station-scoped) and `event_attendee` (its child: invited, attended).
- `project.event_id` (signed at it), `visit.event_id` and `referral.event_id` (they followed it): columns
  added in place, as 0014 did, so 300,000 visits are not copied.
- The new reference list `event_kind` from resources/reference/seed.json, for a profile whose lists were
  seeded before it existed (an empty one is seeded whole when it opens), with the seed ids the server
  gives the same rows.
"""
import json
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

from chushang_desk.db.ids import seed_id
from chushang_desk.paths import resources_dir

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

LINKED = ("project", "visit", "referral")


def _synced_columns() -> list:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        'event',
        sa.Column('name', sa.String(length=256), nullable=False),
        sa.Column('kind', sa.String(length=64), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=False),
        sa.Column('region', sa.String(length=64), nullable=False),
        sa.Column('place', sa.String(length=256), nullable=False),
        sa.Column('organizer', sa.String(length=256), nullable=False),
        sa.Column('categories', sa.JSON(), nullable=False),
        sa.Column('station', sa.String(length=32), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    )
    op.create_index(op.f('ix_event_station'), 'event', ['station'])
    op.create_index('ix_event_live_held_on', 'event', ['deleted_at', 'held_on'])
    op.create_table(
        'event_attendee',
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('contact_id', sa.String(length=36), nullable=False),
        sa.Column('invited', sa.Boolean(), nullable=False),
        sa.Column('attended', sa.Boolean(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_attendee_event_id_event')),
        sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_event_attendee_contact_id_contact')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_event_attendee')),
    )
    op.create_index(op.f('ix_event_attendee_event_id'), 'event_attendee', ['event_id'])
    op.create_index(op.f('ix_event_attendee_contact_id'), 'event_attendee', ['contact_id'])
    for table in LINKED:
        op.execute(f"ALTER TABLE {table} ADD COLUMN event_id VARCHAR(36) "
                   f"CONSTRAINT fk_{table}_event_id_event REFERENCES event (id)")
        op.create_index(op.f(f'ix_{table}_event_id'), table, ['event_id'], unique=False)
    _seed_event_kinds(op.get_bind())


def _seed_event_kinds(conn) -> None:
    if not conn.execute(sa.text("SELECT count(*) FROM reference_item")).scalar():
        return  # a new profile: seeded whole when it opens
    seed = json.loads((resources_dir() / "reference" / "seed.json").read_text(encoding="utf-8"))
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy stores a DateTime
    have = set(conn.execute(sa.text("SELECT code FROM reference_item WHERE list_name = 'event_kind'")).scalars())
    rows = [dict(id=seed_id("reference_item", "event_kind", item["code"]), list_name="event_kind",
                 code=item["code"], name_zh=item["name_zh"], name_en=item.get("name_en", ""),
                 category=item.get("category", ""), sort_order=item.get("sort_order", 0), now=now)
            for item in seed["lists"]["event_kind"] if item["code"] not in have]
    if rows:
        conn.execute(sa.text(
            "INSERT INTO reference_item (id, list_name, code, name_zh, name_en, category, sort_order, active, "
            "created_at, updated_at, created_by, updated_by, deleted_at, version) VALUES (:id, :list_name, "
            ":code, :name_zh, :name_en, :category, :sort_order, 1, :now, :now, '', '', NULL, 0)"), rows)


def downgrade() -> None:
    # The event_kind rows 0015 seeded go (a later upgrade seeds them again); any the server sent stay.
    op.execute("DELETE FROM reference_item WHERE list_name = 'event_kind' AND version = 0")
    for table in reversed(LINKED):
        # (the column's foreign key was declared in the column, which reflection does not name: copying
        # the table without the column drops it)
        op.drop_index(op.f(f'ix_{table}_event_id'), table_name=table)
        with op.batch_alter_table(table, recreate='always') as batch:
            batch.drop_column('event_id')
    op.drop_index(op.f('ix_event_attendee_contact_id'), table_name='event_attendee')
    op.drop_index(op.f('ix_event_attendee_event_id'), table_name='event_attendee')
    op.drop_table('event_attendee')
    op.drop_index('ix_event_live_held_on', table_name='event')
    op.drop_index(op.f('ix_event_station'), table_name='event')
    op.drop_table('event')
