"""Checks every request passes before any route: the client's schema version and the server epoch.
Also stamps the server's schema version on every response."""
from __future__ import annotations

import logging

import orjson
from starlette.requests import ClientDisconnect

from chushang_desk.sync import protocol

from .errors import ApiError

log = logging.getLogger("chushang_server")

# Reachable without the schema header: start-up checks and the API description.
OPEN_PATHS = frozenset({"/v1/health", "/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"})
_SERVER_SCHEMA = (protocol.SERVER_SCHEMA_HEADER.lower().encode(), str(protocol.SCHEMA_VERSION).encode())


def refusal(headers: dict[str, str], epoch: str, epoch_base: int | None = None) -> ApiError | None:
    """The error a request's protocol headers earn, or None."""
    raw = headers.get(protocol.SCHEMA_HEADER.lower())
    try:
        schema = int(raw) if raw is not None else None
    except ValueError:
        schema = None
    if schema is None or schema < protocol.MIN_CLIENT_SCHEMA:
        return ApiError(426, "client_too_old")
    if schema > protocol.SCHEMA_VERSION:
        return ApiError(409, "server_too_old")
    sent_epoch = headers.get(protocol.EPOCH_HEADER.lower())
    if sent_epoch is not None and sent_epoch != epoch:
        # epoch_base: rows a laptop holds at a later version are newer than the restored data
        return ApiError(410, "epoch_changed", extra={} if epoch_base is None else {"epoch_base": epoch_base})
    return None


class ProtocolGate:
    """Pure ASGI middleware (no body buffering)."""

    def __init__(self, app, epoch_of, epoch_base: int | None = None):
        self.app = app
        self.epoch_of = epoch_of
        self.epoch_base = epoch_base

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        started = False

        async def send_stamped(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), _SERVER_SCHEMA]
            await send(message)

        if scope["path"] not in OPEN_PATHS:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
            error = refusal(headers, self.epoch_of(), self.epoch_base)
            if error is not None:
                return await _send_error(send_stamped, error)
        try:
            await self.app(scope, receive, send_stamped)
        except ClientDisconnect:
            # Gone mid-upload (a laptop closed, Wi-Fi lost): nobody to answer, nothing applied (the body
            # was never whole), the client repeats it. Not an error of ours.
            client = scope.get("client") or ("?", 0)
            log.info("client %s went away during %s %s", client[0], scope.get("method"), scope["path"])
        except Exception:
            if started:
                raise
            # Answered here rather than by Starlette's last-resort handler, which re-raises to uvicorn,
            # and uvicorn then resets the connection before the client reads the answer.
            log.exception("internal error")
            await _send_error(send_stamped, ApiError(500, "internal"))


async def _send_error(send, error: ApiError) -> None:
    body = orjson.dumps(error.body())
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), str(v).encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
