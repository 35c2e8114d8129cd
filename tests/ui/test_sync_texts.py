"""Every way a sync can fail has its own plain-words sentence, in the status bar and in the sign-in
dialog (never the generic "Sync failed" for a code the client knows)."""
from __future__ import annotations

from datetime import datetime

import pytest

from chushang_desk.sync.errors import CODES, PendingEdits, SyncError
from chushang_desk.ui.sync.texts import (
    PROBED, STOP_CODES, error_code, field_label, local_time, sidebar_title, sign_in_error, status_error,
)


@pytest.mark.parametrize("code", CODES)
def test_each_code_has_its_own_status_sentence(code):
    text = status_error(code, "detail", datetime(2025, 3, 14, 9, 30))
    assert text and not text.startswith("Sync failed")
    # a retry time only when one comes (not after a stop code, nor when the long-poll probes)
    assert ("09:30" in text) == (code not in STOP_CODES | PROBED), text


def test_sign_in_sentences_for_what_a_sign_in_meets():
    for code in ("bad_credentials", "network", "server_unreachable", "rate_limited", "client_too_old", "server_too_old",
                 "server_busy", "server_error"):
        assert not sign_in_error(code).startswith("Sign-in failed"), code
    assert sign_in_error("rate_limited", retry_after=600) == "Too many failed sign-ins. Try again in 10 min."
    assert sign_in_error("something_new", "the server said so") == "Sign-in failed: the server said so"


def test_error_code_reads_sync_errors_and_nothing_else():
    assert error_code(SyncError("server_busy", retry_after=7))[::2] == ("server_busy", 7)
    assert error_code(PendingEdits(2))[0] == "unexpected"
    assert error_code(OSError(5, "disk"))[0] == "unexpected"


def test_every_synced_field_has_a_label():
    from chushang_desk.sync.protocol import table_fields

    bookkeeping = {"created_at", "updated_at", "created_by", "updated_by"}
    unlabelled = sorted({f for fields in table_fields().values() for f in fields
                         if f not in bookkeeping and field_label(f) == f})
    assert unlabelled == []


def test_sidebar_title_and_local_time():
    assert sidebar_title(0) == "Needs review"
    assert sidebar_title(3) == "Needs review (3)"
    assert sidebar_title(250) == "Needs review (99+)"
    assert local_time(None) is None
    assert local_time(datetime(2025, 3, 14, 9, 30)).tzinfo is None
