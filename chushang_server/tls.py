"""HTTPS for `chushang-server serve`: the certificate and key checked before uvicorn starts, and the
warnings a deployment should see (plain HTTP off loopback).

uvicorn loads the files itself in every worker; checking them here first turns a missing, unreadable or
mismatched file into one clear sentence and exit status 2 instead of a traceback per worker.
"""
from __future__ import annotations

import ssl
from pathlib import Path

from chushang_desk.sync.protocol import is_loopback


class TlsFilesError(Exception):
    """The certificate or key cannot serve HTTPS; the message says which file and why."""


def check_files(cert: str, key: str) -> None:
    for label, path in (("certificate", cert), ("key", key)):
        _check_readable(label, Path(path))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key)
    except ssl.SSLError as error:
        if "KEY_VALUES_MISMATCH" in str(error):
            raise TlsFilesError(f"the key {key} does not belong to the certificate {cert}") from error
        raise TlsFilesError(f"cannot read {cert} and {key} as a PEM certificate chain and its private key "
                            f"({error.reason or error})") from error


def _check_readable(label: str, path: Path) -> None:
    if not path.is_file():
        raise TlsFilesError(f"the TLS {label} file {path} does not exist")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as error:
        raise TlsFilesError(f"the TLS {label} file {path} cannot be read: {error.strerror}") from error


def plain_http_warning(host: str) -> str | None:
    """The start-up warning for plain HTTP on an address others can reach, or None."""
    if is_loopback(host):
        return None
    return (f"warning: serving plain HTTP on {host}: passwords, device tokens and every record cross the "
            "network unencrypted. Give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a "
            "reverse proxy that terminates TLS (docs/deployment-tls.md)")
