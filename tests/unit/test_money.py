"""Money (万元) is exact: stored as decimal text, read back as Decimal, never through a float."""
from datetime import date
from decimal import Decimal

from chushang_desk.models import Visit
from tests.support.profile_db import db


def _visit_with_amount(profile, amount):
    def create(session):
        visit = Visit(visit_date=date(2025, 3, 14), intention_amount=amount)
        session.add(visit)
        session.flush()
        return visit.id
    return profile.write(create)


def test_amount_beyond_float_precision_comes_back_exactly(profile):
    amount = Decimal("12345678901234.57")  # 16 significant digits: a float would round it
    visit_id = _visit_with_amount(profile, amount)
    assert profile.read(lambda s: s.get(Visit, visit_id).intention_amount) == amount
    with db(profile.db_path) as raw:
        stored = raw.execute("SELECT intention_amount, typeof(intention_amount) FROM visit WHERE id = ?",
                             (visit_id,)).fetchone()
    assert stored == ("12345678901234.57", "text")


def test_amount_is_kept_with_two_decimals_and_travels_as_text(profile):
    from chushang_desk.models import OutboxEntry

    visit_id = _visit_with_amount(profile, Decimal("0.1") + Decimal("0.2"))
    assert profile.read(lambda s: s.get(Visit, visit_id).intention_amount) == Decimal("0.30")
    fields = profile.read(lambda s: s.query(OutboxEntry).filter_by(row_id=visit_id).one().fields)
    assert isinstance(fields["intention_amount"], str)  # decimal text on the wire, never a JSON float
    assert Decimal(fields["intention_amount"]) == Decimal("0.30")
