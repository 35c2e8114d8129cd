"""Property: whatever officers do, the outbox holds one entry per change, in order, and replaying it
rebuilds every row.

Random sequences of creates, edits (some of them no-ops), deletes and restores over contacts,
organizations and visits run through the real session hooks on a fresh profile. After every step:
- each effective change added exactly one entry and a no-op added none;
- `mid`s strictly increase;
- replaying the entries (fields per row, in mid order) onto empty dicts gives every row's current synced
  values, which is what the server will hold once the outbox is pushed (SYNC.md: no lost edit).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from sqlalchemy import func, select

from chushang_desk.db.outbox import synced_fields, to_wire
from chushang_desk.models import Contact, Organization, OutboxEntry, Visit
from chushang_desk.services.contacts import delete_contact, restore_contact, save_contact
from chushang_desk.services.profile import open_profile

MODELS = {"contact": Contact, "organization": Organization, "visit": Visit}
# Every step commits with synchronous=FULL; on a RAM disk the fsyncs cost nothing, which keeps ~1,000
# transactions within seconds. The SQLite code paths are the same.
FAST_DIR = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
texts = st.text(alphabet="楚商汉口光谷武昌abc 1", min_size=0, max_size=6)
names = st.text(alphabet="张王李赵曾单周吴", min_size=1, max_size=3)
amounts = st.none() | st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))

CONTACT_EDITS = st.fixed_dictionaries({}, optional={"company": texts, "title": texts, "city": texts,
                                                    "name": names, "is_key": st.booleans()})
ORGANIZATION_EDITS = st.fixed_dictionaries({}, optional={"name": names, "city": texts, "kind": st.sampled_from(
    ["chamber", "company", "other"]), "founded_on": st.none() | dates})
VISIT_EDITS = st.fixed_dictionaries({}, optional={"place": texts, "summary": texts, "visit_date": dates,
                                                  "intention_amount": amounts, "officers": st.lists(names, max_size=2)})


class OutboxMachine(RuleBasedStateMachine):
    rows = Bundle("rows")

    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="outbox-prop-", dir=FAST_DIR))
        self.profile = open_profile(self.dir)
        self.profile.sessions.actor = "测试员"
        self.start = self._last_mid()
        self.expected_entries = 0
        self.deleted: dict[str, bool] = {}

    def teardown(self):
        self.profile.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------------------------------ observation
    def _last_mid(self) -> int:
        with self.profile.sessions.read() as s:
            return s.scalar(select(func.max(OutboxEntry.mid))) or 0

    def _entries(self) -> list[OutboxEntry]:
        with self.profile.sessions.read() as s:
            return list(s.scalars(select(OutboxEntry).where(OutboxEntry.mid > self.start).order_by(OutboxEntry.mid)))

    def _current(self) -> dict[tuple[str, str], dict]:
        """Every row's synced fields as they travel, read back from SQLite."""
        with self.profile.sessions.read() as s:
            return {
                (table, row.id): {k: to_wire(getattr(row, k)) for k in synced_fields(row)}
                for table, model in MODELS.items()
                for row in s.scalars(select(model))
            }

    def _write(self, edit) -> int:
        """Run one write transaction; returns how many outbox entries it added."""
        before = self._last_mid()
        self.profile.write(edit)
        with self.profile.sessions.read() as s:
            return s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.mid > before))

    def _snapshot(self, table: str, row_id: str) -> dict:
        """The row's synced values other than the audit stamps an edit adds."""
        with self.profile.sessions.read() as s:
            row = s.get(MODELS[table], row_id)
            return {k: to_wire(getattr(row, k)) for k in synced_fields(row) if k not in ("updated_at", "updated_by")}

    def _write_row(self, table: str, row_id: str, edit) -> tuple[int, bool]:
        """One write transaction on one row: (entries added, whether the row's values changed)."""
        before = self._snapshot(table, row_id)
        added = self._write(edit)
        return added, self._snapshot(table, row_id) != before

    # ------------------------------------------------------------------------------------ rules
    @rule(target=rows, name=names, company=texts)
    def create_contact(self, name, company):
        ids = []
        added = self._write(lambda s: ids.append(save_contact(s, {"name": name, "company": company,
                                                                  "is_merchant": True})))
        return self._created("contact", ids[0], added)

    @rule(target=rows, name=names, founded=st.none() | dates)
    def create_organization(self, name, founded):
        return self._create_orm("organization", Organization(name=name, founded_on=founded))

    @rule(target=rows, day=dates, amount=amounts, officers=st.lists(names, max_size=2))
    def create_visit(self, day, amount, officers):
        return self._create_orm("visit", Visit(visit_date=day, intention_amount=amount, officers=officers))

    def _create_orm(self, table, obj):
        ids = []

        def add(s):
            s.add(obj)
            s.flush()
            ids.append(obj.id)

        added = self._write(add)
        return self._created(table, ids[0], added)

    def _created(self, table, row_id, added):
        assert added == 1, f"a create of {table} wrote {added} outbox entries"
        self.expected_entries += 1
        self.deleted[row_id] = False
        return (table, row_id)

    @rule(row=rows, data=st.data())
    def edit(self, row, data):
        table, row_id = row
        values = data.draw({"contact": CONTACT_EDITS, "organization": ORGANIZATION_EDITS, "visit": VISIT_EDITS}[table])
        if table == "contact" and not self.deleted[row_id]:
            edit = lambda s: save_contact(s, values, row_id)  # noqa: E731 (the service cleans the text)
        else:
            edit = lambda s: _assign(s.get(MODELS[table], row_id), values)  # noqa: E731
        added, changed = self._write_row(table, row_id, edit)
        assert added == (1 if changed else 0), f"edit {values} of {table} wrote {added} entries"
        self.expected_entries += added

    @rule(row=rows)
    def repeat_last_values(self, row):
        """Saving a row unchanged (the officer pressed Save without typing) writes nothing."""
        table, row_id = row
        with self.profile.sessions.read() as s:
            obj = s.get(MODELS[table], row_id)
            values = {k: getattr(obj, k) for k in synced_fields(obj) if k not in ("updated_at", "updated_by")}
        assert self._write(lambda s: _assign(s.get(MODELS[table], row_id), values)) == 0

    @rule(row=rows)
    def delete(self, row):
        table, row_id = row
        if self.deleted[row_id]:
            return
        self._tombstone(table, row_id, "delete")

    @rule(row=rows)
    def restore(self, row):
        table, row_id = row
        if not self.deleted[row_id]:
            return
        self._tombstone(table, row_id, "restore")

    def _tombstone(self, table, row_id, op):
        if table == "contact":
            service = delete_contact if op == "delete" else restore_contact
            added = self._write(lambda s: service(s, row_id))
        else:
            added = self._write(lambda s: _tombstone_orm(s.get(MODELS[table], row_id), op))
        assert added == 1
        assert self._entries()[-1].op == op
        self.deleted[row_id] = op == "delete"
        self.expected_entries += 1

    @rule(first=rows, second=rows, note=texts)
    def two_rows_in_one_transaction(self, first, second, note):
        """One transaction touching two rows: one entry for each row that changed."""
        targets = {first, second}
        field = {"contact": "notes", "organization": "notes", "visit": "summary"}
        changing = [r for r in targets if self._snapshot(*r)[field[r[0]]] != note + "!"]
        added = self._write(lambda s: [setattr(s.get(MODELS[t], i), field[t], note + "!") for t, i in targets])
        assert added == len(changing)
        self.expected_entries += added

    # ------------------------------------------------------------------------------------ invariants
    @invariant()
    def one_entry_per_change_in_order(self):
        mids = [e.mid for e in self._entries()]
        assert len(mids) == self.expected_entries
        assert all(a < b for a, b in zip(mids, mids[1:]))

    @invariant()
    def replaying_the_outbox_rebuilds_every_row(self):
        replayed: dict[tuple[str, str], dict] = {}
        for entry in self._entries():
            if entry.op == "delete":
                assert entry.fields["deleted_at"] is not None
            if entry.op == "restore":
                assert entry.fields["deleted_at"] is None
            replayed.setdefault((entry.table_name, entry.row_id), {}).update(entry.fields)
        assert replayed == self._current()


def _assign(obj, values: dict) -> None:
    for key, value in values.items():
        setattr(obj, key, value)


def _tombstone_orm(obj, op: str) -> None:
    from chushang_desk.db.outbox import utcnow

    obj.deleted_at = utcnow() if op == "delete" else None


OutboxMachine.TestCase.settings = settings(
    max_examples=50, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestOutboxProperty = OutboxMachine.TestCase
