"""a counter of changes to the search index's name keys, so the typo fallback keeps them in memory

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:50:00

`contact_search_generation.n` goes up with every row written to or removed from `contact_search_doc`
(triggers, so no writer can forget it). A search that found nothing compares what was typed with every
name's pinyin (db/search_index.close_match_ids); reading 100,000 keys cost ~160 ms each time, now once
per change.
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

EVENTS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}


def upgrade() -> None:
    op.execute("CREATE TABLE contact_search_generation (n INTEGER NOT NULL)")
    op.execute("INSERT INTO contact_search_generation (n) VALUES (0)")
    for name, event in EVENTS.items():
        op.execute(f"CREATE TRIGGER contact_search_doc_{name} AFTER {event} ON contact_search_doc "
                   "BEGIN UPDATE contact_search_generation SET n = n + 1; END")


def downgrade() -> None:
    for name in EVENTS:
        op.execute(f"DROP TRIGGER contact_search_doc_{name}")
    op.execute("DROP TABLE contact_search_generation")
