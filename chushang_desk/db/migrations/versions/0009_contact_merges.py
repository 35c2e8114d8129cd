"""contact merges: two or more contacts made one, recorded so that any laptop can undo it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 15:10:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'contact_merge',
        sa.Column('survivor_id', sa.String(length=36), nullable=False),
        sa.Column('merged_ids', sa.JSON(), nullable=False),
        sa.Column('moves', sa.Text(), nullable=False),
        sa.Column('survivor_before', sa.Text(), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_merge')),
    )
    op.create_index(op.f('ix_contact_merge_survivor_id'), 'contact_merge', ['survivor_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_contact_merge_survivor_id'), table_name='contact_merge')
    op.drop_table('contact_merge')
