"""What every record service does alike: find a live row, and save only the fields that changed."""
from __future__ import annotations

from sqlalchemy import inspect, literal_column
from sqlalchemy.orm import Session

from .messages import Message, NotFound, ValidationFailed
from .validation import declared_errors


def live_row(session: Session, model, row_id: str | None):
    """The row with that id unless it is missing or tombstoned (then NotFound, shown to the officer)."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted_at is not None:
        raise NotFound(model.__tablename__, row_id or "")
    return row


def live_by_key(model):
    """`deleted_at IS NULL` for rows reached by their key from another table's rows: the unary `+` keeps
    SQLite from walking a (deleted_at, …) index of the whole table instead (with 100,000 contacts, naming
    the contacts of 300 visits took 6.4 s that way)."""
    return literal_column(f"+{model.__tablename__}.deleted_at").is_(None)


def live_link(session: Session, model, row_id, errors: dict, key: str) -> str | None:
    """A link to another record (a visit's project, a referral's event): none is fine; one that is not
    there, or deleted, is named under `key`."""
    if not row_id:
        return None
    row = session.get(model, row_id) if isinstance(row_id, str) else None
    if row is None or row.deleted_at is not None:
        errors[key] = Message("not_found")
        return None
    return row_id


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


def holds_text(column, typed: str):
    """A condition: the column holds what was typed (case aside), LIKE's wildcards taken as typed; None
    when nothing was typed. For the pickers of records without a search index (projects, events)."""
    words = " ".join(str(typed or "").split())
    if not words:
        return None
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
