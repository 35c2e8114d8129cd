"""uvicorn's HTTP/1.1 protocol with TCP_NODELAY on every connection, and long-polls ended at shutdown.

With `--workers N` uvicorn binds the listening socket itself with protocol number 0, so asyncio does
not recognise accepted connections as TCP and leaves Nagle's algorithm on: a reply written as head and
body then waits for the client's delayed ACK, ~40 ms on every request (measured: /v1/health 44 ms with
two workers, 1.2 ms with one; a first sync of 176,000 rows lost ~1.5 s to it).
"""
from __future__ import annotations

import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

from .watch import end_waits


class H11NoDelay(H11Protocol):
    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)

    def shutdown(self) -> None:
        # uvicorn calls this on every open connection when it stops (Ctrl+C, SIGTERM): a long-poll
        # waiting in /v1/sync/watch answers now instead of holding the shutdown.
        end_waits()
        super().shutdown()
