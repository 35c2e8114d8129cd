"""Login throttling that counts before checking: attempts being checked (pending), the last failure
(progressive delay), and the
device keys of known devices. Counters are transient, so the old ones are simply dropped.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM login_failure")  # old keys ("user:NAME") mean nothing to the new throttle
    with op.batch_alter_table("login_failure") as batch:
        batch.add_column(sa.Column("last_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("pending", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("pending_since", sa.DateTime(), nullable=True))
    op.create_table(
        "known_device",
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_known_device_user_id_app_user")),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_known_device")),
    )
    op.create_index("ix_known_device_user_id", "known_device", ["user_id"])
    op.create_index("ix_known_device_device_id", "known_device", ["device_id"])


def downgrade() -> None:
    op.drop_table("known_device")
    op.execute("DELETE FROM login_failure")
    with op.batch_alter_table("login_failure") as batch:
        batch.drop_column("pending_since")
        batch.drop_column("pending")
        batch.drop_column("last_at")
