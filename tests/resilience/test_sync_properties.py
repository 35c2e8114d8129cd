"""Guarantees 1 and 3 of SYNC.md as a property (hypothesis, stateful): several devices make random
creates, edits, deletes and restores, go offline and come back, with clocks days apart. After every
device has synced twice, all replicas equal the server, and every confirmed edit is current, superseded
by a later edit of the same field, or kept in a conflict record on the device that made it.

An edit that reaches the server when the server already holds its value changes nothing (SYNC.md: a
field conflicts only if the server *changed* it after the entry's base): it agrees with the edit that
wrote that value and is accounted for by it, so a later edit made on that value replaces it without a
conflict even if it was confirmed earlier on an offline device. The model sees this by reading the
server just before each push; such an agreeing edit is neither checked nor counted as superseding."""
from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from datetime import timedelta

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

import chushang_desk.db.outbox as outbox
from chushang_desk.services import contacts
from chushang_desk.services.profile import open_profile
from chushang_desk.sync.account import sign_in
from chushang_desk.sync.engine import sync_once
from tests.sync.conftest import server_rows

PASSWORD = "secret-pass-1"
DEVICES = (("officer_a", -3), ("lead_a", 0), ("officer_b", 9))  # user, clock offset in days
FIELDS = ("notes", "company")
VALUES = ("甲", "乙", "丙", "")
_run = itertools.count()


@contextmanager
def clock(days: int):
    """This device's wrong clock: device times are recorded, never used to order writes (SYNC.md 6)."""
    real = outbox.utcnow
    outbox.utcnow = lambda: real() + timedelta(days=days)
    try:
        yield
    finally:
        outbox.utcnow = real


def _live_ids(session, ids) -> dict[str, bool]:
    from sqlalchemy import select
    from chushang_desk.models import Contact
    rows = session.execute(select(Contact.id, Contact.deleted_at).where(Contact.id.in_(list(ids))))
    return {r.id: r.deleted_at is None for r in rows}


def _rows(session, ids) -> dict[str, tuple]:
    from sqlalchemy import select
    from chushang_desk.models import Contact
    rows = session.execute(select(Contact.id, Contact.name, Contact.notes, Contact.company,
                                  Contact.deleted_at.is_(None)).where(Contact.id.in_(list(ids))))
    return {r[0]: tuple(r[1:]) for r in rows}


def _conflicts(session) -> list[tuple]:
    from sqlalchemy import select
    from chushang_desk.models import SyncConflict
    return list(session.execute(select(SyncConflict.row_id, SyncConflict.field, SyncConflict.mine)).all())


def machine_for(server_url: str, base_dir):
    class Devices(RuleBasedStateMachine):
        @initialize()
        def open_devices(self):
            run = next(_run)
            self.devices = []
            for user, days in DEVICES:
                profile = open_profile(base_dir / f"run{run}-{user}")
                sign_in(profile, server_url, user, PASSWORD)
                self.devices.append(dict(profile=profile, days=days, online=True, pending=[]))
            self.ids: list[str] = []
            self.edits: list[tuple] = []  # (device index, id, field, value), in the order confirmed
            self.agreeing: set[int] = set()  # edits that found their value already on the server

        def _write(self, device, service, *args):
            with clock(device["days"]):
                return device["profile"].write(service, *args)

        def _local(self, n: int, live: bool) -> list[str]:
            known = self.devices[n]["profile"].read(_live_ids, self.ids)
            return sorted(i for i, is_live in known.items() if is_live == live)

        @rule(n=st.integers(0, 2), name=st.sampled_from(("张三", "李四", "王五")))
        def create(self, n, name):
            cid = self._write(self.devices[n], contacts.save_contact, {"name": name, "is_merchant": True})
            self.ids.append(cid)

        @rule(n=st.integers(0, 2), pick=st.integers(0, 99), field=st.sampled_from(FIELDS),
              value=st.sampled_from(VALUES))
        def edit(self, n, pick, field, value):
            live = self._local(n, live=True)
            if live:
                cid = live[pick % len(live)]
                before = self.devices[n]["profile"].read(_rows, [cid])[cid][1 + FIELDS.index(field)]
                if before != value:  # an edit that changes nothing sends nothing
                    self._write(self.devices[n], contacts.save_contact, {field: value}, cid)
                    self.edits.append((n, cid, field, value))
                    self.devices[n]["pending"].append(("edit", len(self.edits) - 1))

        @rule(n=st.integers(0, 2), pick=st.integers(0, 99))
        def delete(self, n, pick):
            live = self._local(n, live=True)
            if live:
                self._write(self.devices[n], contacts.delete_contact, live[pick % len(live)])

        @rule(n=st.integers(0, 2), pick=st.integers(0, 99))
        def restore(self, n, pick):
            dead = self._local(n, live=False)
            if dead:
                cid = dead[pick % len(dead)]
                self._write(self.devices[n], contacts.restore_contact, cid)
                self.devices[n]["pending"].append(("restore", cid))

        @rule(n=st.integers(0, 2))
        def toggle_network(self, n):
            self.devices[n]["online"] = not self.devices[n]["online"]

        @precondition(lambda self: any(d["online"] for d in self.devices))
        @rule(n=st.integers(0, 2))
        def sync(self, n):
            if self.devices[n]["online"]:
                self._sync(n)

        def _sync(self, n):
            device = self.devices[n]
            self._note_agreeing(device["pending"], server_rows(device["profile"]))
            sync_once(device["profile"])
            device["pending"] = []

        def _note_agreeing(self, pending, server):
            """Pending edits whose push will change nothing: the only pending edit of its field, on a row
            the server holds live (or that this push restores first) with that very value."""
            edits = [i for op, i in pending if op == "edit"]
            for i in edits:
                _n, cid, field, value = self.edits[i]
                row = server.get(("contact", cid))
                alone = sum(self.edits[j][1:3] == (cid, field) for j in edits) == 1
                restored_first = ("restore", cid) in pending[:pending.index(("edit", i))]
                live = row is not None and (row["deleted_at"] is None or restored_first)
                if alone and live and row[field] == value:
                    self.agreeing.add(i)

        def teardown(self):
            try:
                for _ in range(2):
                    for n in range(len(self.devices)):
                        self._sync(n)
                self._check_converged()
            finally:
                for device in self.devices:
                    device["profile"].close()

        def _check_converged(self):
            replicas = [d["profile"].read(_rows, self.ids) for d in self.devices]
            assert len(replicas[0]) == len(self.ids)
            for replica in replicas[1:]:
                assert replica == replicas[0]
            final = replicas[0]
            for i, (n, cid, field, value) in enumerate(self.edits):
                if i in self.agreeing:
                    continue
                current = final[cid][1 + FIELDS.index(field)]
                superseded = any(self.edits[j][1:3] == (cid, field) for j in range(i + 1, len(self.edits))
                                 if j not in self.agreeing)
                kept = any(row == cid and (f == field and mine == value
                                           or f == "deleted_at" and isinstance(mine, dict) and mine.get(field) == value)
                           for row, f, mine in self.devices[n]["profile"].read(_conflicts))
                assert current == value or superseded or kept, (cid, field, value)

    return Devices


def test_replicas_converge_and_no_confirmed_edit_is_lost(server, tmp_path):
    machine = machine_for(server.url, tmp_path)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=int(os.environ.get("CHUSHANG_PROPERTY_EXAMPLES", "15")), stateful_step_count=40, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
