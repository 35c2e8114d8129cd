"""Alembic environment of the server's own schema; run programmatically by chushang_server.migrate."""
from __future__ import annotations

from alembic import context

from chushang_server.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
