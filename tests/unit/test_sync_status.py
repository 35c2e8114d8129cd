"""The pending-edits count equals the number of outbox entries, as pushes remove them oldest first."""
from sqlalchemy import delete, func, select

from chushang_desk.models import OutboxEntry
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.sync_status import pending_edits


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry))


def test_pending_edits_counts_the_outbox_as_pushes_remove_the_oldest(profile):
    assert profile.read(pending_edits) == 0
    for i in range(12):
        profile.write(save_contact, {"name": f"待同步{i}", "is_merchant": True})
    assert profile.read(pending_edits) == profile.read(_count) == 12
    oldest = profile.read(lambda s: s.scalar(select(func.min(OutboxEntry.mid))))
    profile.write(lambda s: s.execute(delete(OutboxEntry).where(OutboxEntry.mid < oldest + 5)))  # five pushed
    assert profile.read(pending_edits) == profile.read(_count) == 7
    profile.write(lambda s: s.execute(delete(OutboxEntry)))
    assert profile.read(pending_edits) == 0
