"""The key of a profile's encrypted database: a random 256-bit raw key, kept in the OS keyring, and
wrapped in the profile's key file by a recovery passphrase.

Opening needs no key derivation when the keyring holds the key (~1 ms). When the keyring is gone, was
switched to another backend, or never existed (headless Linux has only keyring's `fail` backend), the
recovery passphrase unwraps the key from `key.json`: Argon2id makes a key-encryption key from it and
AES-256-GCM opens the wrapped key (the profile's id is the authenticated data, so a key file copied
from another profile does not open this one). The key then goes back to the keyring, when there is one.

`unlock` asks for the passphrase through a callable the caller provides (a dialog in the app, the
environment or a tty prompt in the CLI): ask(purpose) -> passphrase, or None when the user gave up.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

KEY_FILENAME = "key.json"
KEYRING_SERVICE = "chushang-desk"
PASSPHRASE_ENV = "CHUSHANG_PASSPHRASE"
# Argon2id cost of the key-encryption key: RFC 9106's second recommendation (~150-200 ms, 64 MiB).
# "fast" in CHUSHANG_ARGON2 (as for the server's password hashes) makes it cheap for tests and demos;
# the cost is stored with each key file, so a key file made either way opens anywhere.
ARGON2_ENV = "CHUSHANG_ARGON2"
ARGON2_COST = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
FAST_ARGON2_COST = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
MIN_PASSPHRASE_LENGTH = 8
KEY_BYTES = 32
FORMAT = 1

# What ask(purpose) is asked for.
NEW = "new"  # a new recovery passphrase for a new profile (the asker confirms it, e.g. typed twice)
UNLOCK = "unlock"  # the recovery passphrase, because the keyring does not hold the key
WRONG = "wrong"  # the passphrase given was wrong: ask again (or raise WrongPassphrase if you cannot)

PassphrasePrompt = Callable[[str], "str | None"]


class ProfileKeyError(RuntimeError):
    """The profile's database key could not be had; the message says why in plain words."""


class WrongPassphrase(ProfileKeyError):
    def __init__(self, message: str = "The recovery passphrase is wrong."):
        super().__init__(message)


class PassphraseNeeded(ProfileKeyError):
    """No passphrase at hand where one is needed (none in the environment, no terminal, or cancelled)."""


class PassphraseTooShort(ProfileKeyError):
    def __init__(self):
        super().__init__(f"The recovery passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters.")


class KeyFileDamaged(ProfileKeyError):
    pass


class KeyFileMissing(ProfileKeyError):
    pass


@dataclass(frozen=True)
class KeyFile:
    profile_id: str
    check: str  # a keyed hash of the key: tells a stale keyring entry from the right one, reveals nothing
    cost: dict
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict:
        return {"format": FORMAT, "profile_id": self.profile_id, "key_check": self.check,
                "kdf": {"name": "argon2id", **self.cost, "salt": _b64(self.salt)},
                "cipher": {"name": "aes-256-gcm", "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped)}}

    @classmethod
    def from_json(cls, data: dict) -> "KeyFile":
        try:
            kdf, cipher = data["kdf"], data["cipher"]
            cost = {name: int(kdf[name]) for name in ARGON2_COST}
            return cls(str(data["profile_id"]), str(data["key_check"]), cost, _unb64(kdf["salt"]),
                       _unb64(cipher["nonce"]), _unb64(cipher["wrapped_key"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileDamaged(f"The profile's key file is damaged ({exc!r}).") from None


def key_file_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILENAME


def read_key_file(data_dir: Path) -> KeyFile | None:
    path = key_file_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return KeyFile.from_json(json.loads(text))
    except ValueError:
        raise KeyFileDamaged(f"The profile's key file {path} is damaged.") from None


def argon2_cost() -> dict:
    return dict(FAST_ARGON2_COST if os.environ.get(ARGON2_ENV) == "fast" else ARGON2_COST)


# --- wrapping ---------------------------------------------------------------------------------------


def _kek(passphrase: str, salt: bytes, cost: dict) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, hash_len=32, type=Type.ID, **cost)


def _check(key: bytes, profile_id: str) -> str:
    return hmac.new(key, b"chushang-desk key check " + profile_id.encode(), hashlib.sha256).hexdigest()[:32]


def wrap_key(key: bytes, passphrase: str, profile_id: str) -> KeyFile:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    _require_strong(passphrase)
    cost, salt, nonce = argon2_cost(), secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_kek(passphrase, salt, cost)).encrypt(nonce, key, profile_id.encode())
    return KeyFile(profile_id, _check(key, profile_id), cost, salt, nonce, wrapped)


def unwrap_key(key_file: KeyFile, passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _kek(passphrase, key_file.salt, key_file.cost)
    try:
        key = AESGCM(kek).decrypt(key_file.nonce, key_file.wrapped, key_file.profile_id.encode())
    except InvalidTag:
        raise WrongPassphrase() from None
    if not hmac.compare_digest(_check(key, key_file.profile_id), key_file.check):
        raise KeyFileDamaged("The profile's key file is damaged (its key does not match its check).")
    return key


def _require_strong(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        raise PassphraseTooShort()


def write_key_file(data_dir: Path, key_file: KeyFile) -> None:
    """A fresh file, 0600 from its creation, fsynced, then moved over the old one: a crash leaves
    either the old key file or the new one whole, never none."""
    path = key_file_path(data_dir)
    temp = path.with_name(path.name + ".tmp")
    temp.unlink(missing_ok=True)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(key_file.to_json(), out, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in this folder durable (POSIX; Windows has no directory handle to flush)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- the keyring -------------------------------------------------------------------------------------


def usable_keyring():
    """The usable keyring backend, or None where there is none (headless Linux answers with keyring's
    `fail` backend); the profile key here and the device token (sync/credentials.py) share it."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        return None if isinstance(backend, fail.Keyring) else backend
    except Exception:  # a broken or locked keyring is the same as none
        return None


def _keyring_name(key_file: KeyFile) -> str:
    return f"profile-key|{key_file.profile_id}"


def key_from_keyring(key_file: KeyFile) -> bytes | None:
    """The key the keyring holds for this profile, if it is the right one."""
    backend = usable_keyring()
    if backend is None:
        return None
    try:
        stored = backend.get_password(KEYRING_SERVICE, _keyring_name(key_file))
        key = bytes.fromhex(stored) if stored else None
    except Exception:
        return None
    if key is None or not hmac.compare_digest(_check(key, key_file.profile_id), key_file.check):
        return None  # none, or a stale entry (e.g. of a profile restored from another computer)
    return key


def remember_key(key_file: KeyFile, key: bytes) -> bool:
    """Put the key in the keyring; False when there is no keyring (the passphrase will be asked)."""
    backend = usable_keyring()
    if backend is None:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, _keyring_name(key_file), key.hex())
        return True
    except Exception:
        return False


# --- what the profile uses ---------------------------------------------------------------------------


def create_key(data_dir: Path, passphrase: str) -> bytes:
    """A new random key for a new (or still plain) profile, wrapped in key.json, kept in the keyring."""
    key = secrets.token_bytes(KEY_BYTES)
    key_file = wrap_key(key, passphrase, uuid.uuid4().hex)
    write_key_file(data_dir, key_file)
    remember_key(key_file, key)
    return key


def change_passphrase(data_dir: Path, key: bytes, new_passphrase: str) -> None:
    """Wrap the same key with a new recovery passphrase (the database is not touched)."""
    old = read_key_file(data_dir)
    if old is None or not hmac.compare_digest(_check(key, old.profile_id), old.check):
        raise KeyFileDamaged("The profile's key file does not belong to the open database.")
    write_key_file(data_dir, wrap_key(key, new_passphrase, old.profile_id))


def unlock(data_dir: Path, ask: PassphrasePrompt) -> bytes:
    """The profile's key: from the keyring, else from the recovery passphrase (asked for); a profile
    without a key file gets a new key and a new passphrase."""
    key_file = read_key_file(data_dir)
    if key_file is None:
        passphrase = ask(NEW)
        if passphrase is None:
            raise PassphraseNeeded("A recovery passphrase is needed to create the profile.")
        return create_key(data_dir, passphrase)
    key = key_from_keyring(key_file)
    if key is not None:
        return key
    purpose = UNLOCK
    while True:
        passphrase = ask(purpose)
        if passphrase is None:
            raise PassphraseNeeded("The recovery passphrase is needed to open the profile.")
        try:
            key = unwrap_key(key_file, passphrase)
        except WrongPassphrase:
            purpose = WRONG
            continue
        remember_key(key_file, key)
        return key


def passphrase_from_env(purpose: str) -> str:
    """The passphrase in CHUSHANG_PASSPHRASE (headless use, tests, `make run`); a wrong one is final."""
    if purpose == WRONG:
        raise WrongPassphrase(f"The recovery passphrase in {PASSPHRASE_ENV} is wrong.")
    value = os.environ.get(PASSPHRASE_ENV)
    if not value:
        raise PassphraseNeeded(f"The profile's recovery passphrase is needed: set {PASSPHRASE_ENV} "
                               "or run from a terminal.")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
