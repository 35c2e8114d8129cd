"""Real chushang_server processes on 127.0.0.1 for the tests (SQLite files or fresh PostgreSQL databases)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
PASSWORD = "secret-pass-1"
# Cheap Argon2id hashes for the test users (servers started here and seeds made here): tests sign in a lot.
os.environ.setdefault("CHUSHANG_ARGON2", "fast")
REPO = Path(__file__).resolve().parents[2]


def fresh_pg_url(name_hint: str) -> str:
    """Create a new empty PostgreSQL database with a unique name; returns its SQLAlchemy URL."""
    hint = "".join(c for c in name_hint.lower() if c.isalnum() or c == "_")[:30]
    name = f"cs_{hint}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_pg_database(db_url: str) -> None:
    name = db_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("CHUSHANG_PASSWORD", None)
    return env


def server_admin(db_url: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m chushang_server <args> --db db_url` (the password, if any, on standard input)."""
    return subprocess.run(
        [sys.executable, "-m", "chushang_server", *args, "--db", db_url],
        input=(password + "\n") if password is not None else "", capture_output=True, text=True,
        env=server_env(), cwd=REPO, check=True, timeout=120,
    )


@dataclass
class ServerHandle:
    url: str
    db_url: str
    process: subprocess.Popen
    log_path: str = ""  # the server's stderr (a file: a pipe nobody reads would block it when full)

    def log(self) -> str:
        return Path(self.log_path).read_text(errors="replace") if self.log_path else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def migrate(db_url: str) -> None:
    """Migrate in this process (the same code `chushang-server migrate` runs, without a second start-up)."""
    from chushang_server.migrate import upgrade

    upgrade(db_url)


def start_server(db_url: str, port: int = 0, workers: int = 1, env: dict | None = None,
                 tls: tuple[str, str] | None = None) -> ServerHandle:
    """Migrate, then start `python -m chushang_server serve` on 127.0.0.1 and wait for /v1/health.
    `env` adds environment variables for the server (e.g. CHUSHANG_LOCK_TIMEOUT); `tls` is
    (certificate file, key file) to serve HTTPS (its url is then https://127.0.0.1:port)."""
    migrate(db_url)
    port = port or free_port()
    tls_args = ["--tls-cert", tls[0], "--tls-key", tls[1]] if tls else []
    log = tempfile.NamedTemporaryFile(prefix="server_", suffix=".log", delete=False)
    with log:
        process = subprocess.Popen(
            [sys.executable, "-m", "chushang_server", "serve", "--db", db_url, "--host", "127.0.0.1",
             "--port", str(port), "--workers", str(workers), *tls_args],
            env=dict(server_env(), **(env or {})), cwd=REPO, stdout=subprocess.DEVNULL, stderr=log,
        )
    handle = ServerHandle(f"{'https' if tls else 'http'}://127.0.0.1:{port}", db_url, process, log.name)
    _wait_healthy(handle)
    return handle


def _wait_healthy(handle: ServerHandle, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if handle.process.poll() is not None:
            raise RuntimeError(f"server exited: {handle.log()}")
        try:
            # up at all (the tests check the certificate themselves)
            if httpx.get(handle.url + "/v1/health", timeout=1.0, verify=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    handle.kill()
    raise RuntimeError("server did not become healthy in time")


PEOPLE = {
    # user: (station, role)
    "officer_a": ("jjj", "officer"),
    "officer_b": ("csj", "officer"),
    "lead_a": ("jjj", "station_lead"),
    "hq": ("", "hq"),
}


def seed_people(db_url: str) -> dict:
    """Stations jjj and csj, users officer_a/officer_b/lead_a/hq (password PASSWORD); returns {user: password}.

    Done in this process with the same admin functions the CLI calls (the CLI itself is tested on its own)."""
    from chushang_server import admin
    from chushang_server.db import make_engine

    engine = make_engine(db_url)
    try:
        admin.add_station(engine, "jjj", "京津冀楚商联络站", "Beijing-Tianjin-Hebei station")
        admin.add_station(engine, "csj", "长三角楚商联络站", "Yangtze River Delta station")
        for user, (station, role) in PEOPLE.items():
            admin.add_user(engine, user, station, role, PASSWORD, display_name=f"{user} name")
    finally:
        engine.dispose()
    return {user: PASSWORD for user in PEOPLE}
