"""Erased rows (PIPL Art. 47): `record.erased_at` marks a row whose personal fields were blanked for
good; later edits of it are refused.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_column("erased_at")
