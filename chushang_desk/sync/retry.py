"""When sync asks again after a failure: every wait of the client, in one place (no Qt).

Three loops retry, each for its own reason:
- a request (sync/client.py): a temporary answer (503, a reset) is repeated at once a few times, after
  the server's Retry-After or a short pause, never longer than REQUEST_MAX_WAIT;
- the long-poll probe (sync/live.py): while the server cannot be reached it asks every PROBE_SECONDS
  (capped low, so the app is back within seconds of the server), but only every REFUSED_PROBE_SECONDS
  when the server refused this device;
- the app's timed sync (ui/sync/scheduler.py): after a failed sync, SYNC_BACKOFF_SECONDS (a longer
  Retry-After wins); the probe usually brings the sync back first.
"""
from __future__ import annotations

REQUEST_RETRIES = 2
REQUEST_MAX_WAIT = 5.0  # seconds; a longer Retry-After is left to the scheduler's backoff
PROBE_SECONDS = (1.0, 2.0, 3.0)
REFUSED_PROBE_SECONDS = 60.0
SYNC_BACKOFF_SECONDS = (5, 15, 30, 60)


def request_wait(attempt: int, retry_after: float | None) -> float:
    """The pause before repeating a request for the attempt-th time (0-based)."""
    return retry_after if retry_after is not None else 0.5 * (attempt + 1)


def probe_wait(failures: int, temporary: bool) -> float:
    return PROBE_SECONDS[min(failures, len(PROBE_SECONDS) - 1)] if temporary else REFUSED_PROBE_SECONDS


def sync_backoff(failures: int, retry_after: float | None, steps=SYNC_BACKOFF_SECONDS) -> float:
    """Seconds until the next timed sync after `failures` failed ones in a row."""
    return max(float(steps[min(failures, len(steps) - 1)]), float(retry_after or 0))
