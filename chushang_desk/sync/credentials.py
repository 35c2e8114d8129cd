"""Where the device token lives: the OS keyring, or a file only its owner can read.

The token is the device's password to the server: it goes to the OS keyring (Windows Credential
Manager, macOS Keychain, Secret Service). A headless Linux has no keyring backend (keyring answers with
its `fail` backend), so there it goes to `<data_dir>/credentials.json`, created with mode 0600.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..db.keys import usable_keyring

SERVICE = "chushang-desk"
FALLBACK_FILE = "credentials.json"


def token_key(server_url: str, user: str, device_id: str) -> str:
    return f"{server_url}|{user}|{device_id}"


def save_token(data_dir: Path, server_url: str, user: str, device_id: str, token: str) -> None:
    key, backend = token_key(server_url, user, device_id), usable_keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, key, token)
            return
        except Exception:
            pass
    tokens = _read_file(data_dir)
    tokens[key] = token
    _write_file(data_dir, tokens)


def load_token(data_dir: Path, server_url: str, user: str, device_id: str) -> str | None:
    key, backend = token_key(server_url, user, device_id), usable_keyring()
    if backend is not None:
        try:
            token = backend.get_password(SERVICE, key)
            if token:
                return token
        except Exception:
            pass
    return _read_file(data_dir).get(key)


def delete_token(data_dir: Path, server_url: str, user: str, device_id: str) -> None:
    key, backend = token_key(server_url, user, device_id), usable_keyring()
    if backend is not None:
        try:
            backend.delete_password(SERVICE, key)
        except Exception:  # not there, or no keyring after all
            pass
    tokens = _read_file(data_dir)
    if tokens.pop(key, None) is not None:
        _write_file(data_dir, tokens)


def fallback_path(data_dir: Path) -> Path:
    return Path(data_dir) / FALLBACK_FILE


def _read_file(data_dir: Path) -> dict:
    try:
        return json.loads(fallback_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_file(data_dir: Path, tokens: dict) -> None:
    """Write a fresh file with mode 0600 from its creation, then move it over the old one, so the token
    is never readable by others, not even for a moment, and a crash leaves the old file whole."""
    path = fallback_path(data_dir)
    temp = path.with_name(path.name + ".tmp")
    if temp.exists():
        temp.unlink()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(tokens, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


# The device key a sign-in answers (the server counts this laptop's later sign-in attempts on it alone,
# so strangers failing elsewhere cannot lock its officer out): kept like a token, per server and user.
DEVICE_KEY_SLOT = "device-key"


def save_device_key(data_dir: Path, server_url: str, user: str, device_key: str) -> None:
    save_token(data_dir, server_url, user, DEVICE_KEY_SLOT, device_key)


def load_device_key(data_dir: Path, server_url: str, user: str) -> str | None:
    return load_token(data_dir, server_url, user, DEVICE_KEY_SLOT)
