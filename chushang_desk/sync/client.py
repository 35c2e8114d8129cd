"""The HTTP side of sync: one small httpx client speaking protocol.py's messages.

JSON both ways (orjson), request bodies gzip-compressed once they are worth it, every request marked
with our schema version and, once known, the server's epoch. HTTPS is verified against the system's
trust store plus the bureau's own CA file, and plain HTTP is refused off loopback before any request
(tls.py). Transport failures and error answers become SyncError with a code the status bar can put in
plain words. Counts what went over the wire, so benches can print requests and bytes per sync.
"""
from __future__ import annotations

import errno
import socket
import time
from dataclasses import dataclass

import httpx

from . import protocol, tls
from .errors import ReplacementNeeded, SyncError
from .retry import REQUEST_MAX_WAIT, REQUEST_RETRIES, request_wait

COMPRESS_OVER = 1024  # bytes of JSON: smaller bodies are not worth the gzip header and CPU
TIMEOUT = httpx.Timeout(connect=5.0, read=60.0, write=60.0, pool=5.0)
HEALTH_PATH = "/v1/health"


@dataclass
class WireCount:
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0


def _header_bytes(headers) -> int:
    return sum(len(k) + len(v) + 4 for k, v in headers.items())


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None


def _error_code(response: httpx.Response) -> tuple[str, str]:
    try:
        body = protocol.decode(response.content)
        return str(body.get("code", "")), str(body.get("message", ""))
    except Exception:  # not our JSON: a proxy's page, a crash
        return "", response.text[:200]


def _epoch_base(response: httpx.Response) -> int | None:
    """A restored server's `epoch_base`, if it sent a sane one (any server may be wrong or hostile)."""
    try:
        base = protocol.decode(response.content).get("epoch_base")
    except Exception:
        return None
    return base if type(base) is int and 0 <= base < 2**63 else None


_STATUS_CODES = {426: "client_too_old", 409: "server_too_old", 413: "too_large", 429: "rate_limited",
                 503: "server_busy"}
_AUTH_CODES = ("bad_credentials", "device_revoked", "bad_token")


def error_for(response: httpx.Response) -> SyncError:
    """The SyncError an error answer stands for."""
    code, detail = _error_code(response)
    status = response.status_code
    if status == 410:
        return ReplacementNeeded(code or "epoch_changed", _epoch_base(response))
    if status == 401:
        return SyncError(code if code in _AUTH_CODES else "bad_token", detail)
    if code == "mid_gap":  # an earlier entry of ours still on its way (another sync): try again later
        return SyncError("server_error", detail, _retry_after(response))
    mapped = _STATUS_CODES.get(status, "server_error")
    return SyncError(mapped, detail, _retry_after(response))


# This computer has no way out: no interface up, no route, no name server answering.
_NO_NETWORK = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL}
_NO_NETWORK_LOOKUP = {getattr(socket, name) for name in ("EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_ADDRFAMILY")
                      if hasattr(socket, name)}


def transport_code(exc: BaseException) -> str:
    """'network' when this computer cannot get out at all, 'server_unreachable' when it can but the
    server does not answer: refused (not running), reset, timed out, or a name that does not exist."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, socket.gaierror):
            return "network" if exc.errno in _NO_NETWORK_LOOKUP else "server_unreachable"
        if isinstance(exc, OSError) and exc.errno is not None:
            return "network" if exc.errno in _NO_NETWORK else "server_unreachable"
        exc = exc.__cause__ or exc.__context__
    return "server_unreachable"


class SyncClient:
    """One server conversation. `token` is the device token, `epoch` the server epoch last seen,
    `ca_file` the bureau's own CA certificates (PEM) trusted besides the system's.

    Raises SyncError at once, before any connection, for an address it must not talk to."""

    def __init__(self, server_url: str, token: str | None = None, epoch: str | None = None,
                 ca_file: str = ""):
        self.server_url = server_url.rstrip("/")
        tls.check_url(self.server_url)
        self.token = token
        self.epoch = epoch
        self.count = WireCount()
        self._http = httpx.Client(base_url=self.server_url, timeout=TIMEOUT, trust_env=False,
                                  verify=tls.ssl_context(ca_file), headers={"Accept-Encoding": "gzip"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- the endpoints -------------------------------------------------------------------------

    def health(self) -> dict:
        return self._request("GET", HEALTH_PATH)

    def login(self, user: str, password: str, device_name: str, device_key: str | None = None) -> dict:
        """`device_key`: what an earlier sign-in of this user here answered (a known device)."""
        message = {"user": user, "password": password, "device_name": device_name}
        if device_key:
            message["device_key"] = device_key
        answer = self._request("POST", protocol.LOGIN_PATH, message, auth=False)
        self.token, self.epoch = answer["token"], answer.get("epoch") or self.epoch
        return answer

    def logout(self) -> None:
        self._request("POST", protocol.LOGOUT_PATH, {})

    def push(self, entries: list[dict], from_mid: int | None = None) -> dict:
        """`from_mid`: the outbox's lowest mid (see engine.lowest_pending_mid); older servers ignore it."""
        message = {"entries": entries} if from_mid is None else {"from_mid": from_mid, "entries": entries}
        return self._retrying("POST", protocol.PUSH_PATH, message)

    def pull(self, cursor: int, limit: int = protocol.PULL_DEFAULT_LIMIT) -> dict:
        answer = self._retrying("GET", f"{protocol.PULL_PATH}?cursor={cursor}&limit={limit}")
        self.epoch = answer.get("epoch") or self.epoch
        return answer

    def watch(self, cursor: int, wait: float = 25.0) -> int:
        """Long-poll: the server's head, answered as soon as it passes `cursor` or after `wait`
        seconds (then it equals the cursor, or is below it on a fresh server)."""
        answer = self._request("GET", f"{protocol.WATCH_PATH}?cursor={cursor}&wait={wait:g}",
                               timeout=httpx.Timeout(connect=5.0, read=wait + 15.0, write=10.0, pool=5.0))
        return int(answer.get("head") or 0)

    # -- plumbing ------------------------------------------------------------------------------

    def _retrying(self, method: str, path: str, message=None) -> dict:
        # Temporary failures a push or pull is repeated for (both are safe to repeat: pushes by their mids).
        for attempt in range(REQUEST_RETRIES + 1):
            try:
                return self._request(method, path, message)
            except SyncError as exc:
                wait = request_wait(attempt, exc.retry_after)
                if not exc.temporary or exc.code == "rate_limited" or attempt == REQUEST_RETRIES \
                        or wait > REQUEST_MAX_WAIT:
                    raise
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _headers(self, auth: bool) -> dict:
        headers = {protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)}
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if auth and self.epoch:
            headers[protocol.EPOCH_HEADER] = self.epoch
        return headers

    def _body(self, message, headers: dict) -> bytes | None:
        if message is None:
            return None
        body = protocol.encode(message)
        headers["Content-Type"] = "application/json"
        if len(body) > COMPRESS_OVER:
            body = protocol.compress(body)
            headers["Content-Encoding"] = "gzip"
        return body

    def _request(self, method: str, path: str, message=None, auth: bool = True, timeout=None) -> dict:
        headers = self._headers(auth)
        body = self._body(message, headers)
        try:
            response = self._http.request(method, path, content=body, headers=headers,
                                          timeout=timeout or TIMEOUT)
        except httpx.HTTPError as exc:
            raise SyncError(tls.tls_code(exc) or transport_code(exc), f"{type(exc).__name__}: {exc}") from exc
        self._count(response, body)
        if response.status_code >= 400:
            raise error_for(response)
        try:
            return protocol.decode(response.content)
        except Exception as exc:
            raise SyncError("server_error", f"unreadable answer: {exc}") from exc

    def _count(self, response: httpx.Response, body: bytes | None) -> None:
        request = response.request
        self.count.requests += 1
        line = len(request.method) + len(request.url.raw_path) + 12
        self.count.bytes_sent += line + _header_bytes(request.headers) + len(body or b"")
        self.count.bytes_received += 16 + _header_bytes(response.headers) + response.num_bytes_downloaded
