"""How fast the app's long-poll (sync/live.py ChangeWatcher) notices that the server stopped, and that it
is back: a real server process on 127.0.0.1 (SQLite), stopped and started again on the same port.
The baseline beside it is the server's own start, from launch to a healthy /v1/health."""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]
os.environ.setdefault("CHUSHANG_PASSPHRASE", "bench-passphrase")
os.environ.setdefault("CHUSHANG_ARGON2", "fast")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from common import header  # noqa: E402
from tests.support.server_process import PASSWORD, seed_people, start_server  # noqa: E402

ROUNDS = 5


def main() -> None:
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.sync.live import ChangeWatcher

    header(f"reconnect: server stopped and started again, {ROUNDS} rounds")
    tmp = Path(tempfile.mkdtemp(prefix="bench-reconnect-"))
    db_url = f"sqlite:///{tmp}/server.db"
    server = start_server(db_url)
    seed_people(db_url)
    profile = open_profile(tmp / "profile")
    sign_in(profile, server.url, "officer_a", PASSWORD)
    lost, back = threading.Event(), threading.Event()
    watcher = ChangeWatcher(profile, lambda: None, on_trouble=lambda _exc: lost.set(), on_back=back.set)
    watcher.start()
    time.sleep(1.0)  # the long-poll is open
    noticed, returned, starts = [], [], []
    port = int(server.url.rsplit(":", 1)[1])
    for _ in range(ROUNDS):
        lost.clear(), back.clear()
        server.stop()
        stopped = time.monotonic()
        lost.wait(60)
        noticed.append(time.monotonic() - stopped)
        time.sleep(4.0)  # down for a while: the watcher is probing
        launched = time.monotonic()
        server = start_server(db_url, port=port)
        healthy = time.monotonic()
        back.wait(60)
        returned.append(time.monotonic() - healthy)
        starts.append(healthy - launched)
    watcher.stop()
    profile.close()
    server.stop()
    print(f"   lost connection noticed after the server stopped: median {statistics.median(noticed):.2f} s, "
          f"max {max(noticed):.2f} s")
    print(f"   server back noticed after it was healthy: median {statistics.median(returned):.2f} s, "
          f"max {max(returned):.2f} s")
    print(f"   baseline, the server's own start to healthy: median {statistics.median(starts):.2f} s "
          f"(back/start ratio {statistics.median(returned) / statistics.median(starts):.2f})")


if __name__ == "__main__":
    main()
