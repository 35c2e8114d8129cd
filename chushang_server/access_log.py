"""One log line per request: client address, method, path, status and duration. Never a body, a header
or the query string, so no password or token can reach the log (they travel in bodies and headers)."""
from __future__ import annotations

import logging
import time

log = logging.getLogger("chushang_server.access")
PATH_SHOWN = 200  # characters: a hostile client's path must not flood the log


def printable(path: str) -> str:
    """The path with control and non-ASCII characters escaped (one line, readable in any terminal)."""
    return ascii(path[:PATH_SHOWN])[1:-1] + ("…" if len(path) > PATH_SHOWN else "")


class AccessLog:
    """Pure ASGI (a long-poll is not held up or buffered); outermost, so it times everything."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), []

        async def sending(message):
            if message["type"] == "http.response.start":
                status.append(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = (scope.get("client") or ("-",))[0]
            log.info("%s %s %s %s %.1f ms", client, scope.get("method", "-"), printable(scope.get("path", "")),
                     status[0] if status else "-", (time.perf_counter() - started) * 1000)
