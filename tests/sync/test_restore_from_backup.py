"""The server's database restored from a pg_dump taken earlier (docs/deployment.md, "Backups and restore"),
then `chushang-server new-epoch`: every laptop does a replacement sync and sends again what it holds that
is newer than the backup, so edits synced after the backup are not lost. PostgreSQL, pg_dump and
pg_restore as IT would run them, a real server process, real profiles."""
from __future__ import annotations

import subprocess

from sqlalchemy import select

from chushang_desk.models import Contact, SyncConflict
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.profile import open_profile
from chushang_desk.services.sync_status import pending_edits
from chushang_desk.sync.account import sign_in
from chushang_desk.sync.engine import sync_once
from tests.support.server_process import (PASSWORD, drop_pg_database, fresh_pg_url, seed_people, server_admin,
                                          start_server)

from .conftest import local_rows, server_rows

PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]


def pg_dump(db_url: str, out) -> None:
    subprocess.run(["pg_dump", *PG, "-Fc", "-f", str(out), db_url.rsplit("/", 1)[1]], check=True, timeout=120)


def pg_restore(dump, db_url: str) -> None:
    subprocess.run(["pg_restore", *PG, "--no-owner", "-d", db_url.rsplit("/", 1)[1], str(dump)], check=True,
                   timeout=120)


def names(profile) -> dict[str, str]:
    return profile.read(lambda s: {c.name: c.company for c in s.scalars(select(Contact))})


def conflicts(profile) -> int:
    return profile.read(lambda s: s.query(SyncConflict).count())


def test_a_restored_server_gets_back_what_laptops_synced_after_the_backup_postgresql(tmp_path):
    live, restored = fresh_pg_url("restore_live"), fresh_pg_url("restore_restored")
    server = start_server(live)
    port = int(server.url.rsplit(":", 1)[1])
    seed_people(live)
    a, b = open_profile(tmp_path / "a"), open_profile(tmp_path / "b")
    try:
        for profile, name in ((a, "a"), (b, "b")):
            sign_in(profile, server.url, "officer_a", PASSWORD, device_name=name)
        first = a.write(save_contact, {"name": "备份前", "is_merchant": True})
        sync_once(a)
        sync_once(b)
        pg_dump(live, tmp_path / "backup.dump")  # the nightly backup

        a.write(save_contact, {"name": "备份后", "is_merchant": True})   # synced after the backup ...
        a.write(save_contact, {"company": "备份后改的"}, first)
        sync_once(a)
        sync_once(b)  # ... and reached the other laptop
        a.write(save_contact, {"name": "离线新建", "is_merchant": True})  # not synced yet

        # The live database is lost; IT restores last night's dump into a new one and gives it a new epoch.
        server.stop()
        pg_restore(tmp_path / "backup.dump", restored)
        said = server_admin(restored, "new-epoch").stdout
        assert "new epoch" in said
        server = start_server(restored, port=port)  # the same address: the laptops know no other

        report_a = sync_once(a)
        assert report_a.replaced and report_a.reoffered >= 2, report_a.summary()
        report_b = sync_once(b)
        assert report_b.replaced, report_b.summary()
        sync_once(a)
        sync_once(b)

        expected = {"备份前": "备份后改的", "备份后": "", "离线新建": ""}
        assert names(a) == names(b) == expected
        assert local_rows(a) == local_rows(b) == server_rows(a)  # converged, the server included
        assert a.read(pending_edits) == b.read(pending_edits) == 0
        assert conflicts(a) == conflicts(b) == 0  # both laptops sent the same rows: they agree
    finally:
        a.close()
        b.close()
        server.stop()
        drop_pg_database(live)
        drop_pg_database(restored)


def test_without_a_new_epoch_nothing_tells_the_laptops_postgresql(tmp_path):
    """Why the guide's step matters: a dump restored as it is keeps the old epoch, and a laptop's sync
    then neither re-downloads nor sends back what the backup lacks (its cursor is past the restored head)."""
    live, restored = fresh_pg_url("restore_noepoch_live"), fresh_pg_url("restore_noepoch_restored")
    server = start_server(live)
    port = int(server.url.rsplit(":", 1)[1])
    seed_people(live)
    a = open_profile(tmp_path / "a")
    try:
        sign_in(a, server.url, "officer_a", PASSWORD, device_name="a")
        sync_once(a)
        pg_dump(live, tmp_path / "backup.dump")
        a.write(save_contact, {"name": "备份后", "is_merchant": True})
        sync_once(a)
        server.stop()
        pg_restore(tmp_path / "backup.dump", restored)
        server = start_server(restored, port=port)
        report = sync_once(a)
        assert not report.replaced and report.reoffered == 0
        assert "备份后" not in {row.get("name") for row in server_rows(a).values()}
    finally:
        a.close()
        server.stop()
        drop_pg_database(live)
        drop_pg_database(restored)
