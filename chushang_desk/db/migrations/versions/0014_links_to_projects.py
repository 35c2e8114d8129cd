"""visits and referrals link to projects; an ambassador's appointing unit; targets per station

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 23:00:00

A referral keeps the day of each status it reached. `referral.project_id` replaces the free-text `project_name` (kept for the referrals made before, which
services/referrals.adopt_named_projects turns into projects when the profile opens). `annual_target`
gains `station` ("" the city's) and its unique key becomes (year, metric, station): SQLite changes a
constraint only by copying the table, which batch mode does.
"""
from alembic import op
import sqlalchemy as sa

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

REFERRAL_STEP_DAYS = ("contacted_on", "negotiating_on", "signed_on", "landed_on", "dropped_on")


def upgrade() -> None:
    for table in ("visit", "referral"):  # a column added in place: 300,000 visits are not copied
        op.execute(f"ALTER TABLE {table} ADD COLUMN project_id VARCHAR(36) "
                   f"CONSTRAINT fk_{table}_project_id_project REFERENCES project (id)")
        op.create_index(op.f(f'ix_{table}_project_id'), table, ['project_id'], unique=False)
    for step in REFERRAL_STEP_DAYS:
        op.execute(f"ALTER TABLE referral ADD COLUMN {step} DATE")
    op.execute("ALTER TABLE contact ADD COLUMN ambassador_unit VARCHAR(128) NOT NULL DEFAULT ''")
    with op.batch_alter_table('annual_target', recreate='always') as batch:
        batch.add_column(sa.Column('station', sa.String(length=32), nullable=False, server_default=''))
        batch.drop_constraint('uq_annual_target_year_metric', type_='unique')
        batch.create_unique_constraint(op.f('uq_annual_target_year_metric_station'), ['year', 'metric', 'station'])


def downgrade() -> None:
    with op.batch_alter_table('annual_target', recreate='always') as batch:
        batch.drop_constraint('uq_annual_target_year_metric_station', type_='unique')
        batch.create_unique_constraint('uq_annual_target_year_metric', ['year', 'metric'])
        batch.drop_column('station')
    op.execute("ALTER TABLE contact DROP COLUMN ambassador_unit")
    for step in REFERRAL_STEP_DAYS:
        op.execute(f"ALTER TABLE referral DROP COLUMN {step}")
    # A referral's project goes back to being named in free text.
    op.execute("UPDATE referral SET project_name = (SELECT name FROM project WHERE project.id = referral.project_id) "
               "WHERE project_id IS NOT NULL AND project_name = ''")
    for table in ("referral", "visit"):
        op.drop_index(op.f(f'ix_{table}_project_id'), table_name=table)
        with op.batch_alter_table(table, recreate='always') as batch:  # (the column's key goes with it)
            batch.drop_column('project_id')
