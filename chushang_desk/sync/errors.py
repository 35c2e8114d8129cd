"""What can go wrong talking to the server, as one exception with a code and plain words for people."""
from __future__ import annotations

from ..services.messages import render

CODES = (
    # network: this computer has no network (no route, the name does not resolve); server_unreachable:
    # the network answers but the server does not (refused, reset, timed out): stopped or wrong address.
    "not_signed_in", "network", "server_unreachable", "bad_credentials", "device_revoked", "bad_token", "rate_limited",
    "client_too_old", "server_too_old", "server_busy", "server_error", "too_large",
    # refused before anything was sent (tls.py): the address, the CA file, or the server's certificate
    "plain_http", "bad_url", "ca_file_unreadable", "tls_untrusted", "tls_expired", "tls_wrong_host",
    "tls_handshake",
)
# Worth trying again by itself later (the status bar retries with backoff); the rest need a person.
TEMPORARY = frozenset({"network", "server_unreachable", "rate_limited", "server_busy", "server_error"})
# The server refused this device or its credentials: shown as 服务器拒绝 until the officer signs in again.
REFUSED = frozenset({"bad_credentials", "device_revoked", "bad_token"})


class SyncError(Exception):
    """A failed sync step. `code` is one of CODES, `message` says it in Chinese and English."""

    def __init__(self, code: str, detail: str = "", retry_after: float | None = None):
        self.code = code
        self.detail = detail  # the server's or transport's own words, for logs
        self.retry_after = retry_after
        self.message = f"{self.render('zh_CN')} / {self.render('en')}"
        super().__init__(f"{code}: {self.render('en')}" + (f" ({detail})" if detail else ""))

    def render(self, lang: str = "zh_CN") -> str:
        return render(f"sync_{self.code}", lang)

    @property
    def temporary(self) -> bool:
        return self.code in TEMPORARY


class ReplacementNeeded(SyncError):
    """410: the server was restored from a backup (new epoch) or our cursor is older than its
    tombstones. Never shown: the engine answers it with a replacement sync."""

    def __init__(self, reason: str, epoch_base: int | None = None):
        super().__init__("server_error", reason)
        self.reason = reason
        self.epoch_base = epoch_base  # a restored server's: rows above it are newer than its data


class PendingEdits(Exception):
    """Signing out would lose edits not yet pushed; the user must sync first or discard them knowingly."""

    def __init__(self, count: int):
        self.count = count
        self.message = f"{render('sync_pending_edits', 'zh_CN', count=count)} / " \
                       f"{render('sync_pending_edits', 'en', count=count)}"
        super().__init__(render("sync_pending_edits", "en", count=count))
