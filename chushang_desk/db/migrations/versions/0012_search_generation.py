"""a mark of changes to the search index's name keys, so the typo fallback keeps them in memory

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 19:50:00

`contact_search_generation.n` takes a new random value with every row written to or removed from
`contact_search_doc` (triggers, so no writer can forget it; random, so a database restored from a backup
or made anew at the same path never repeats the value a process holds in memory). A search that found
nothing compares what was typed with every name's pinyin (db/search_index.close_match_ids); reading
100,000 keys cost ~160 ms each time, now once per change.
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

EVENTS = {"insert": "INSERT", "update": "UPDATE", "delete": "DELETE"}


def upgrade() -> None:
    op.execute("CREATE TABLE contact_search_generation (n INTEGER NOT NULL)")
    op.execute("INSERT INTO contact_search_generation (n) VALUES (random())")
    for name, event in EVENTS.items():
        op.execute(f"CREATE TRIGGER contact_search_doc_{name} AFTER {event} ON contact_search_doc "
                   "BEGIN UPDATE contact_search_generation SET n = random(); END")


def downgrade() -> None:
    for name in EVENTS:
        op.execute(f"DROP TRIGGER contact_search_doc_{name}")
    op.execute("DROP TABLE contact_search_generation")
