"""Certificates made by the tests (trustme): the bureau's own CA, a stranger's CA, and server
certificates that are good or expired, written as PEM files. (The good one is for 127.0.0.1 only, so
https://localhost reaches its server under another host name.)"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

import trustme


@dataclass(frozen=True)
class ServerCert:
    cert: str  # the certificate chain (PEM)
    key: str  # its private key (PEM, mode 0600)

    @property
    def pair(self) -> tuple[str, str]:
        return self.cert, self.key


@dataclass(frozen=True)
class Certs:
    ca_file: str  # the bureau's CA: it issued every server certificate below
    stranger_ca_file: str  # another CA, which issued none of them
    good: ServerCert  # for 127.0.0.1, valid now
    expired: ServerCert  # for 127.0.0.1, expired in 2021


def make_certs(folder: Path) -> Certs:
    folder.mkdir(parents=True, exist_ok=True)
    bureau, stranger = trustme.CA(organization_name="Chushang bureau"), trustme.CA(organization_name="Stranger")
    bureau.cert_pem.write_to_path(str(folder / "bureau-ca.pem"))
    stranger.cert_pem.write_to_path(str(folder / "stranger-ca.pem"))
    past = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    return Certs(
        str(folder / "bureau-ca.pem"), str(folder / "stranger-ca.pem"),
        _write(folder, "good", bureau.issue_cert("127.0.0.1")),
        _write(folder, "expired", bureau.issue_cert("127.0.0.1", not_before=past,
                                                    not_after=past + datetime.timedelta(days=365))),
    )


def _write(folder: Path, name: str, leaf: trustme.LeafCert) -> ServerCert:
    cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
    for blob in leaf.cert_chain_pems:
        with cert.open("ab") as out:
            out.write(blob.bytes())
    fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(leaf.private_key_pem.bytes())
    return ServerCert(str(cert), str(key))
