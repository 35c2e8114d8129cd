"""Alembic environment: runs on the connection handed over by db.migrate (never from an .ini URL)."""
from alembic import context

from chushang_desk.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only ALTER by rebuilding tables
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
