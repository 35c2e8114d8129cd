"""Login failures shared by all server processes (rate limits), and the (station, version) index pulls use.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failure",
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failure")),
    )
    with op.batch_alter_table("record") as batch:
        batch.create_index("ix_record_station_version", ["station", "version"])


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_index("ix_record_station_version")
    op.drop_table("login_failure")
