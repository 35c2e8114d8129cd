"""the search index in name order, with prefix indexes: the first screen of a broad search is its first rows

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:20:00

- `contact_search_doc.docid` (the full-text row id) follows the name order (sort_key, contact_id), with
  gaps of 2**32 for contacts added later (db/search_index.py keeps it so): FTS5 returns a match in row
  id order, so a one-letter search's first 60 rows no longer wait for a sort of its 29,000 hits.
- `contact_search` rebuilt with prefix indexes of 1 and 2 characters: counting "l*" at 100,000
  contacts ~24 ms -> ~1 ms.
- `ix_contact_search_doc_order` (sort_key, contact_id): where a new or renamed contact goes.
"""
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

SPACING = 1 << 32
TOKENIZE = "tokenize='unicode61 remove_diacritics 2'"


def _rebuild_fts(options: str, renumber: bool) -> None:
    if renumber:
        op.execute("CREATE TEMP TABLE search_order (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        op.execute("INSERT INTO temp.search_order SELECT docid, "
                   f"ROW_NUMBER() OVER (ORDER BY sort_key, contact_id) * {SPACING} FROM contact_search_doc")
    else:
        op.execute("CREATE TEMP TABLE search_order AS SELECT docid AS old, docid AS new FROM contact_search_doc")
    op.execute(f"CREATE VIRTUAL TABLE contact_search_rebuilt USING fts5(keys, {options})")
    op.execute("INSERT INTO contact_search_rebuilt(rowid, keys) SELECT o.new, f.keys FROM contact_search f "
               "JOIN temp.search_order o ON o.old = f.rowid ORDER BY o.new")
    op.execute("DROP TABLE contact_search")
    op.execute("ALTER TABLE contact_search_rebuilt RENAME TO contact_search")
    if renumber:
        op.execute("UPDATE contact_search_doc SET docid = -docid")
        op.execute("UPDATE contact_search_doc SET docid = "
                   "(SELECT o.new FROM temp.search_order o WHERE o.old = -contact_search_doc.docid)")
    op.execute("DROP TABLE temp.search_order")


def upgrade() -> None:
    op.execute("CREATE INDEX ix_contact_search_doc_order ON contact_search_doc (sort_key, contact_id)")
    _rebuild_fts(f"{TOKENIZE}, prefix='1 2'", renumber=True)


def downgrade() -> None:
    _rebuild_fts(TOKENIZE, renumber=False)
    op.execute("DROP INDEX ix_contact_search_doc_order")
