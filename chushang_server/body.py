"""Request bodies with limits: 413 before parsing when too large as sent, or when gzip expands too far."""
from __future__ import annotations

import zlib

import orjson
from starlette.requests import Request

from chushang_desk.sync import protocol

from .config import GZIP_EXPANSION_CAP
from .errors import ApiError

# After refusing a body we still read (and drop) up to this much, so the client sees the 413 rather
# than a reset connection; a sender of more is cut off.
_DRAIN_LIMIT = 4 * protocol.BODY_LIMIT


async def read_json(request: Request) -> dict:
    body = await _read_capped(request)
    if "gzip" in request.headers.get("content-encoding", "").lower():
        body = gunzip_capped(body, GZIP_EXPANSION_CAP * protocol.BODY_LIMIT)
    try:
        message = orjson.loads(body) if body else {}
    except orjson.JSONDecodeError:
        raise ApiError(400, "bad_request", "not JSON") from None
    if not isinstance(message, dict):
        raise ApiError(400, "bad_request", "the body must be a JSON object")
    return message


async def _read_capped(request: Request) -> bytes:
    """The body as sent; refused by its declared length before a byte is kept, else by counting."""
    declared = request.headers.get("content-length", "")
    too_large = declared.isdigit() and int(declared) > protocol.BODY_LIMIT
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        too_large = too_large or total > protocol.BODY_LIMIT
        if too_large:
            if total > _DRAIN_LIMIT:
                break
            continue  # drained, not kept
        chunks.append(chunk)
    if too_large:
        raise ApiError(413, "too_large", f"over {protocol.BODY_LIMIT} bytes")
    return b"".join(chunks)


def gunzip_capped(body: bytes, cap: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, cap + 1)
    except zlib.error:
        raise ApiError(400, "bad_request", "bad gzip body") from None
    if len(out) > cap or inflater.unconsumed_tail:
        raise ApiError(413, "too_large", "the gzip body expands too far")
    return out
