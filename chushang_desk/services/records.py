"""What every record service does alike: find a live row, and save only the fields that changed."""
from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from .messages import NotFound, ValidationFailed
from .validation import declared_errors


def live_row(session: Session, model, row_id: str | None):
    """The row with that id unless it is missing or tombstoned (then NotFound, shown to the officer)."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted_at is not None:
        raise NotFound(model.__tablename__, row_id or "")
    return row


def save_changes(session: Session, row, clean: dict) -> str:
    """Set the checked fields that differ, so the outbox entry carries real changes only; add the row
    if it is new; flush so it has its id. Returns the id. The values pass the record declaration first
    (ValidationFailed otherwise), as the server will check them."""
    errors = declared_errors(row.__tablename__, clean)
    if errors:
        raise ValidationFailed(errors)
    for name, value in clean.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    if inspect(row).transient:
        session.add(row)
    session.flush()
    return row.id


def first_column(session: Session, stmt) -> list:
    """The first column of every row of a SELECT, read off the DB-API cursor: SQLAlchemy's result rows
    cost a Row object per id, and iterating (not fetchall) never holds all the row tuples."""
    compiled = stmt.compile(session.get_bind())
    params = tuple(compiled.params[k] for k in compiled.positiontup or ())
    return [row[0] for row in session.connection().exec_driver_sql(str(compiled), params).cursor]
