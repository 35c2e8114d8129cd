"""projects (招商项目) and their capital arrivals (到资): synced records

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 20:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


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
        'project',
        sa.Column('name', sa.String(length=256), nullable=False),
        sa.Column('organization_id', sa.String(length=36), nullable=True),
        sa.Column('contact_id', sa.String(length=36), nullable=True),
        sa.Column('industry', sa.String(length=64), nullable=False),
        sa.Column('planned_amount', sa.String(length=32), nullable=True),
        sa.Column('district', sa.String(length=64), nullable=False),
        sa.Column('stage', sa.String(length=16), nullable=False),
        sa.Column('recommended_on', sa.Date(), nullable=True),
        sa.Column('tracking_on', sa.Date(), nullable=True),
        sa.Column('signed_on', sa.Date(), nullable=True),
        sa.Column('landed_on', sa.Date(), nullable=True),
        sa.Column('dropped_on', sa.Date(), nullable=True),
        sa.Column('dropped_reason', sa.String(length=512), nullable=False),
        sa.Column('signed_amount', sa.String(length=32), nullable=True),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('is_chushang', sa.Boolean(), nullable=False),
        sa.Column('is_alumni', sa.Boolean(), nullable=False),
        sa.Column('leading_official', sa.String(length=128), nullable=False),
        sa.Column('task_force', sa.String(length=256), nullable=False),
        sa.Column('plan', sa.Text(), nullable=False),
        sa.Column('waiting_on', sa.JSON(), nullable=False),
        sa.Column('tracked_by', sa.JSON(), nullable=False),
        sa.Column('station', sa.String(length=32), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_project_contact_id_contact')),
        sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
                                name=op.f('fk_project_organization_id_organization')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    )
    op.create_index(op.f('ix_project_contact_id'), 'project', ['contact_id'])
    op.create_index(op.f('ix_project_organization_id'), 'project', ['organization_id'])
    op.create_index(op.f('ix_project_station'), 'project', ['station'])
    op.create_index('ix_project_live_stage', 'project', ['deleted_at', 'stage'])
    op.create_table(
        'capital_arrival',
        sa.Column('project_id', sa.String(length=36), nullable=False),
        sa.Column('amount', sa.String(length=32), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=True),
        sa.Column('arrived_on', sa.Date(), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_capital_arrival_project_id_project')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_capital_arrival')),
    )
    op.create_index(op.f('ix_capital_arrival_project_id'), 'capital_arrival', ['project_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_capital_arrival_project_id'), table_name='capital_arrival')
    op.drop_table('capital_arrival')
    for index in ('ix_project_live_stage', op.f('ix_project_station'), op.f('ix_project_organization_id'),
                  op.f('ix_project_contact_id')):
        op.drop_index(index, table_name='project')
    op.drop_table('project')
