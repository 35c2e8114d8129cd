"""identity keys stored with the search keys: an import matches against them without folding 100,000 names

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:00:00

`contact_search_doc.name_key` and `company_key` are the folded name and company duplicates are judged on
(services/duplicates.py). They are filled by the re-index of every contact that forgetting the stored
search keys version starts on opening (services/search.py).
"""
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE contact_search_doc ADD COLUMN name_key VARCHAR(256) NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE contact_search_doc ADD COLUMN company_key VARCHAR(256) NOT NULL DEFAULT ''")
    op.execute("DELETE FROM local_setting WHERE key = 'search_keys_version'")


def downgrade() -> None:
    op.execute("ALTER TABLE contact_search_doc DROP COLUMN company_key")
    op.execute("ALTER TABLE contact_search_doc DROP COLUMN name_key")
