"""The systemd unit shipped for the bureau's IT (deploy/systemd): systemd accepts it, and its command
lines, with the example environment file's values, migrate and serve a real server."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.server_process import REPO, free_port, server_env

UNIT = REPO / "deploy" / "systemd" / "chushang-server.service"
ENV_EXAMPLE = REPO / "deploy" / "systemd" / "server.env.example"
INSTALLED = "/opt/chushang-server/venv/bin/chushang-server"


def our_server_command() -> str:
    return str(Path(sys.executable).with_name("chushang-server"))


def unit_lines(key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in UNIT.read_text().splitlines() if line.startswith(f"{key}=")]


def example_env() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def expand(command: str, env: dict[str, str]) -> list[str]:
    """systemd's expansion: ${VAR} as one word, $VAR split at spaces."""
    words = []
    for word in shlex.split(command.replace(INSTALLED, our_server_command())):
        whole = re.fullmatch(r"\$\{(\w+)\}", word)
        split = re.fullmatch(r"\$(\w+)", word)
        if whole:
            words.append(env.get(whole.group(1), ""))
        elif split:
            words.extend(env.get(split.group(1), "").split())
        else:
            words.append(word)
    return words


def test_systemd_accepts_the_unit(tmp_path):
    assert shutil.which("systemd-analyze"), "make test installs systemd (systemd-analyze)"
    text = UNIT.read_text().replace(INSTALLED, our_server_command())
    text = re.sub(r"^(User|Group)=.*$", r"\1=root", text, flags=re.M)  # no `chushang` user on this machine
    text = re.sub(r"^EnvironmentFile=.*$", f"EnvironmentFile={ENV_EXAMPLE}", text, flags=re.M)
    unit = tmp_path / "chushang-server.service"
    unit.write_text(text)
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Unknown" not in done.stderr, done.stderr


def test_the_units_commands_migrate_and_serve(tmp_path):
    env = dict(example_env(), CHUSHANG_SERVER_DB=f"sqlite:///{tmp_path}/server.db",
               CHUSHANG_PORT=str(free_port()))
    assert env["CHUSHANG_HOST"] == "127.0.0.1"  # the example serves loopback (behind nginx) by default
    process_env = dict(server_env(), **env)
    (migrate,) = unit_lines("ExecStartPre")
    subprocess.run(expand(migrate, env), env=process_env, check=True, capture_output=True, timeout=120)
    (serve,) = unit_lines("ExecStart")
    process = subprocess.Popen(expand(serve, env), env=process_env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{env['CHUSHANG_PORT']}/v1/health"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(url, timeout=2).status_code == 200
    finally:
        process.send_signal(signal.SIGINT)  # what systemd sends on stop (KillSignal, checked below)
        _out, err = process.communicate(timeout=30)
    assert "KillSignal=SIGINT" in UNIT.read_text()
    assert process.returncode == 0 and "Traceback" not in err and "ERROR" not in err, err[-2000:]
    assert os.path.exists(tmp_path / "server.db")
