"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 17:35:57.690271
"""
from alembic import op
import sqlalchemy as sa

# Frozen copy of the search tables' DDL at this revision (later changes get their own migration).
SEARCH_TABLES = [
    "CREATE TABLE contact_search_doc (docid INTEGER PRIMARY KEY, contact_id VARCHAR(36) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE contact_search USING fts5(keys, tokenize='unicode61 remove_diacritics 2')",
]


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('annual_target',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('metric', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_target')),
    sa.UniqueConstraint('year', 'metric', name=op.f('uq_annual_target_year_metric'))
    )
    op.create_table('contact',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sort_key', sa.String(length=128), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('is_merchant', sa.Boolean(), nullable=False),
    sa.Column('is_alumnus', sa.Boolean(), nullable=False),
    sa.Column('is_talent', sa.Boolean(), nullable=False),
    sa.Column('is_key', sa.Boolean(), nullable=False),
    sa.Column('is_ambassador', sa.Boolean(), nullable=False),
    sa.Column('ambassador_since', sa.Date(), nullable=True),
    sa.Column('native_prefecture', sa.String(length=32), nullable=False),
    sa.Column('native_county', sa.String(length=64), nullable=False),
    sa.Column('region', sa.String(length=64), nullable=False),
    sa.Column('city', sa.String(length=64), nullable=False),
    sa.Column('company', sa.String(length=128), nullable=False),
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('industry', sa.String(length=64), nullable=False),
    sa.Column('phones', sa.JSON(), nullable=False),
    sa.Column('email', sa.String(length=128), nullable=False),
    sa.Column('wechat', sa.String(length=64), nullable=False),
    sa.Column('university', sa.String(length=64), nullable=False),
    sa.Column('degree', sa.String(length=32), nullable=False),
    sa.Column('graduation_year', sa.Integer(), nullable=True),
    sa.Column('talent_titles', sa.String(length=256), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=128), nullable=False),
    sa.Column('station', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index('ix_contact_live_sort', ['deleted_at', 'sort_key'], unique=False)
        batch_op.create_index('ix_contact_station', ['station'], unique=False)

    op.create_table('local_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_setting'))
    )
    op.create_table('organization',
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('sort_key', sa.String(length=256), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('region', sa.String(length=64), nullable=False),
    sa.Column('city', sa.String(length=64), nullable=False),
    sa.Column('industry', sa.String(length=64), nullable=False),
    sa.Column('station', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=256), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index('ix_organization_live_name', ['deleted_at', 'sort_key'], unique=False)

    op.create_table('outbox',
    sa.Column('mid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('device_time', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('mid', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_row_id'), ['row_id'], unique=False)

    op.create_table('reference_item',
    sa.Column('list_name', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name_zh', sa.String(length=128), nullable=False),
    sa.Column('name_en', sa.String(length=128), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_item')),
    sa.UniqueConstraint('list_name', 'code', name=op.f('uq_reference_item_list_name_code'))
    )
    with op.batch_alter_table('reference_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reference_item_list_name'), ['list_name'], unique=False)

    op.create_table('visit',
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('station', sa.String(length=32), nullable=False),
    sa.Column('officers', sa.JSON(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('place', sa.String(length=256), nullable=False),
    sa.Column('purpose', sa.String(length=512), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('intention_industry', sa.String(length=64), nullable=False),
    sa.Column('intention_amount', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('intention_note', sa.Text(), nullable=False),
    sa.Column('next_contact_date', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_live_date', ['deleted_at', 'visit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_station'), ['station'], unique=False)

    op.create_table('affiliation',
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('since', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_affiliation_contact_id_contact')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_affiliation_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_affiliation'))
    )
    with op.batch_alter_table('affiliation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_affiliation_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_affiliation_organization_id'), ['organization_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('task', sa.String(length=512), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_follow_up_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_open_due', ['done', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_visit_id'), ['visit_id'], unique=False)

    op.create_table('referral',
    sa.Column('ambassador_id', sa.String(length=36), nullable=False),
    sa.Column('referred_contact_id', sa.String(length=36), nullable=True),
    sa.Column('referred_organization_id', sa.String(length=36), nullable=True),
    sa.Column('project_name', sa.String(length=256), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('station', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ambassador_id'], ['contact.id'], name=op.f('fk_referral_ambassador_id_contact')),
    sa.ForeignKeyConstraint(['referred_contact_id'], ['contact.id'], name=op.f('fk_referral_referred_contact_id_contact')),
    sa.ForeignKeyConstraint(['referred_organization_id'], ['organization.id'], name=op.f('fk_referral_referred_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_ambassador_id'), ['ambassador_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_referred_contact_id'), ['referred_contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_referred_organization_id'), ['referred_organization_id'], unique=False)

    op.create_table('visit_contact',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_visit_contact_contact_id_contact')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_contact_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_contact'))
    )
    with op.batch_alter_table('visit_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_contact_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_contact_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_organization',
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_visit_organization_organization_id_organization')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_organization_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_organization'))
    )
    with op.batch_alter_table('visit_organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_organization_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_organization_visit_id'), ['visit_id'], unique=False)

    for ddl in SEARCH_TABLES:
        op.execute(ddl)


def downgrade() -> None:
    op.execute("DROP TABLE contact_search")
    op.execute("DROP TABLE contact_search_doc")
    with op.batch_alter_table('visit_organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_organization_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_organization_organization_id'))

    op.drop_table('visit_organization')
    with op.batch_alter_table('visit_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_contact_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_contact_contact_id'))

    op.drop_table('visit_contact')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_referred_organization_id'))
        batch_op.drop_index(batch_op.f('ix_referral_referred_contact_id'))
        batch_op.drop_index(batch_op.f('ix_referral_ambassador_id'))

    op.drop_table('referral')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_visit_id'))
        batch_op.drop_index('ix_follow_up_open_due')

    op.drop_table('follow_up')
    with op.batch_alter_table('affiliation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_affiliation_organization_id'))
        batch_op.drop_index(batch_op.f('ix_affiliation_contact_id'))

    op.drop_table('affiliation')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_station'))
        batch_op.drop_index('ix_visit_live_date')

    op.drop_table('visit')
    with op.batch_alter_table('reference_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reference_item_list_name'))

    op.drop_table('reference_item')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_row_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index('ix_organization_live_name')

    op.drop_table('organization')
    op.drop_table('local_setting')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_station')
        batch_op.drop_index('ix_contact_live_sort')

    op.drop_table('contact')
    op.drop_table('annual_target')
