"""A small HTTP/1.1 proxy on loopback that misbehaves on purpose, between a sync client and the server.

Each request is forwarded to the server on its own upstream connection, so a fault can be aimed at one
request (by path) while the rest pass:
- "cut":   forward the request, wait for the server's whole reply (it has committed), then close the
           client's connection without a byte of the reply: the lost reply of SYNC.md.
- "reset": close the client's connection with a TCP reset before forwarding anything.
- "stall": forward nothing and answer nothing for `stall_seconds`, then close.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field

FAULTS = ("cut", "reset", "stall")


@dataclass
class Fault:
    kind: str
    path_prefix: str = ""  # only requests whose path starts with this


@dataclass
class FaultProxy:
    target_port: int
    stall_seconds: float = 3.0
    plan: list[Fault] = field(default_factory=list)
    log: list[tuple[str, str]] = field(default_factory=list)  # (path, what happened)
    # (path, request bytes, reply bytes) as they crossed the wire, headers included: for the benches.
    traffic: list[tuple[str, int, int]] = field(default_factory=list)

    def __post_init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept_loop, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self.plan.extend(faults)

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _next_fault(self, path: str) -> str:
        with self._lock:
            for i, fault in enumerate(self.plan):
                if path.startswith(fault.path_prefix):
                    return self.plan.pop(i).kind
        return "pass"

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while True:
                request = _read_message(reader)
                if request is None:
                    return
                path = request.split(b" ", 2)[1].decode("latin-1")
                kind = self._next_fault(path)
                self.log.append((path, kind))
                if kind == "reset":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                if kind == "stall":
                    time.sleep(self.stall_seconds)
                    return
                reply = self._forward(request)
                if kind == "cut":
                    return
                conn.sendall(reply)
                self.traffic.append((path, len(request), len(reply)))
        except OSError:
            return
        finally:
            reader.close()
            conn.close()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
            upstream.sendall(request)
            with upstream.makefile("rb") as up_reader:
                reply = _read_message(up_reader)
        if reply is None:
            raise OSError("the server closed the connection without a reply")
        return reply


def _read_message(reader) -> bytes | None:
    """One HTTP/1.1 message (head and body, by Content-Length or chunked), as raw bytes."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = reader.readline()
        if not line:
            return None
        head += line
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        if b":" in line:
            name, value = line.split(b":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        return head + _read_chunked(reader)
    length = int(headers.get(b"content-length", b"0"))
    return head + (reader.read(length) if length else b"")


def _read_chunked(reader) -> bytes:
    body = b""
    while True:
        size_line = reader.readline()
        body += size_line
        size = int(size_line.split(b";")[0].strip(), 16)
        chunk = reader.read(size + 2)
        body += chunk
        if size == 0:
            return body
