"""How the client trusts a server: HTTPS checked against the system's trust store (truststore) plus the
bureau's own CA file if the user chose one, and plain HTTP only to this machine.

Every check here runs before a connection is opened, so a refused server never sees a password or a
record. TLS failures become SyncError codes the screens put in plain words.
"""
from __future__ import annotations

import ssl
from pathlib import Path

import httpx

from .errors import SyncError
from .protocol import is_loopback

# OpenSSL's verify results (X509_V_ERR_*) that name the cause of a refused certificate.
_VERIFY_CODES = {
    9: "tls_expired", 10: "tls_expired",  # CERT_NOT_YET_VALID, CERT_HAS_EXPIRED (or this clock is wrong)
    62: "tls_wrong_host", 64: "tls_wrong_host",  # HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH
}
# The words macOS and Windows use (truststore verifies there with the platform's own API).
_VERIFY_WORDS = (("expired", "tls_expired"), ("not yet valid", "tls_expired"), ("hostname", "tls_wrong_host"),
                 ("host name", "tls_wrong_host"), ("name mismatch", "tls_wrong_host"),
                 ("cn_no_match", "tls_wrong_host"))


def check_url(server_url: str) -> None:
    """Refuse an address the client must not talk to: plain HTTP off this machine, or no http(s) at all."""
    url = httpx.URL(server_url)
    if url.scheme == "https" and url.host:
        return
    if url.scheme == "http" and url.host:
        if is_loopback(url.host):
            return
        raise SyncError("plain_http", server_url)
    raise SyncError("bad_url", server_url)


def check_ca_file(ca_file: str) -> None:
    """The CA file the user chose holds at least one PEM certificate we can load."""
    if ca_file:
        ssl_context(ca_file)


def ssl_context(ca_file: str = "") -> ssl.SSLContext:
    """The system's trust store, plus the bureau's own CA certificates from `ca_file` (PEM) if given."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        path = Path(ca_file)
        try:
            context.load_verify_locations(cafile=str(path))
        except (OSError, ValueError) as exc:  # missing, unreadable, or no certificate in it
            raise SyncError("ca_file_unreadable", f"{path}: {exc}") from exc
    return context


def tls_code(exc: BaseException) -> str | None:
    """The SyncError code of a transport failure caused by TLS, or None when TLS is not the cause."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ssl.SSLCertVerificationError):
            return _verify_code(exc)
        if isinstance(exc, ssl.SSLError):
            return "tls_handshake"
        exc = exc.__cause__ or exc.__context__
    return None


def _verify_code(exc: ssl.SSLCertVerificationError) -> str:
    code = _VERIFY_CODES.get(getattr(exc, "verify_code", None))
    if code:
        return code
    words = f"{getattr(exc, 'verify_message', '')} {exc}".lower()
    for word, mapped in _VERIFY_WORDS:
        if word in words:
            return mapped
    return "tls_untrusted"  # self-signed, another CA, an incomplete chain: nobody we trust vouches for it
