"""What the status bar says about sync: edits waiting to go up."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import OutboxEntry


def pending_edits(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
