"""The HTTP API (FastAPI): health, login/logout, me, push, pull. `create_app(db_url)` builds it."""
from __future__ import annotations

import logging

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from chushang_desk.sync import protocol

from . import auth, pull, store
from .access_log import AccessLog
from .watch import MAX_WAIT_SECONDS, HeadWatch
from .body import read_json
from .config import RETRY_AFTER_SECONDS, db_url_from_env
from .db import make_engine, read_session
from .errors import ApiError
from .gate import ProtocolGate
from .records import meta

log = logging.getLogger("chushang_server")
MAX_MID = 2 ** 62  # mids, cursors and versions are BIGINT on the server

DESCRIPTION = (
    "Central sync server of 楚商联络台 (Chushang Desk): devices sign in, push their outbox entries "
    "(applied exactly once, merged per field) and pull the rows changed after their cursor. "
    "Every request but /v1/health carries the X-Chushang-Schema header; all but login a bearer token."
)


def json_response(body, status: int = 200, headers: dict | None = None) -> Response:
    return Response(orjson.dumps(body), status_code=status, media_type="application/json", headers=headers)


def create_app(db_url: str) -> FastAPI:
    engine = make_engine(db_url)
    with read_session(engine) as session:
        epoch = meta(session, "epoch")
        base = meta(session, "epoch_base")
    app = FastAPI(title="Chushang Desk sync server", version=str(protocol.SCHEMA_VERSION),
                  description=DESCRIPTION)
    app.state.engine, app.state.epoch = engine, epoch
    _install_errors(app)
    _install_routes(app, engine, epoch)
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=protocol.GZIP_LEVEL)
    app.add_middleware(ProtocolGate, epoch_of=lambda: epoch, epoch_base=int(base) if base.isdigit() else None)
    app.add_middleware(AccessLog)  # added last: the outermost, it times the others too
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn (workers import it by name): the database URL comes from the environment."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("chushang_server.access").setLevel(logging.INFO)
    return create_app(db_url_from_env())


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request, error: ApiError):
        return json_response(error.body(), error.status, error.headers)

    @app.exception_handler(OperationalError)
    async def _busy(_request, error: OperationalError):
        log.warning("database busy: %s", error.orig)
        body = ApiError(503, "busy").body()
        return json_response(body, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request, error: StarletteHTTPException):
        code = "not_found" if error.status_code == 404 else "bad_request"
        return json_response(ApiError(error.status_code, code, str(error.detail)).body(), error.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request, error: RequestValidationError):
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return json_response(ApiError(400, "bad_request", detail).body(), 400)

    # Unexpected exceptions are answered (500 JSON) and logged by gate.ProtocolGate.


_LOGIN_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "required": ["user", "password"],
    "properties": {"user": {"type": "string"}, "password": {"type": "string"}, "device_name": {"type": "string"},
                   "device_key": {"type": "string", "description": "the key an earlier sign-in of this "
                                  "user answered: this device's attempts are then throttled on it alone"}},
}}}}}
_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "required": ["entries"],
    "properties": {"from_mid": {"type": "integer", "description": "the device's lowest pending mid: every "
                                "mid below it is answered or discarded, so a jump to it is no gap (409 mid_gap)"},
                   "entries": {"type": "array", "maxItems": protocol.PUSH_MAX_ENTRIES, "items": {
        "type": "object", "required": ["mid", "table", "id", "op"],
        "properties": {"mid": {"type": "integer"}, "table": {"type": "string"}, "id": {"type": "string"},
                       "op": {"type": "string", "enum": list(protocol.OPS)}, "fields": {"type": "object"},
                       "base_version": {"type": "integer"}, "device_time": {"type": "string"}},
    }}},
}}}}}


def _install_routes(app: FastAPI, engine, epoch: str) -> None:
    async def actor_of(request: Request) -> auth.Actor:
        return await run_in_threadpool(auth.authenticate, engine, request.headers.get("authorization"))

    @app.get("/v1/health", summary="Liveness and schema (no sign-in needed)")
    async def health():
        return json_response({"ok": True, "schema": protocol.SCHEMA_VERSION, "epoch": epoch})

    @app.post(protocol.LOGIN_PATH, summary="Sign in a device; returns its token", openapi_extra=_LOGIN_BODY)
    async def login(request: Request):
        user, password, device_name, device_key = _login_body(await read_json(request))
        address = request.client.host if request.client else ""
        result = await run_in_threadpool(auth.login, engine, user, password, device_name, address, device_key)
        return json_response(dict(result, epoch=epoch))

    @app.post(protocol.LOGOUT_PATH, summary="Sign out: revokes the calling device")
    async def logout(request: Request):
        actor = await actor_of(request)
        await run_in_threadpool(auth.logout, engine, actor)
        return json_response({"ok": True})

    @app.get("/v1/me", summary="The signed-in user and device")
    async def me(request: Request):
        actor = await actor_of(request)
        device = {"id": actor.device_id, "name": actor.device_name,
                  "created_at": actor.device_created_at.isoformat(),
                  "last_seen_at": actor.last_seen_at.isoformat() if actor.last_seen_at else None}
        return json_response({"user": actor.user_dict(), "device": device, "epoch": epoch})

    @app.post(protocol.PUSH_PATH, summary="Push outbox entries (exactly once, per field)", openapi_extra=_PUSH_BODY)
    async def push(request: Request):
        actor = await actor_of(request)
        entries, from_mid = _envelope(await read_json(request))
        return json_response(await run_in_threadpool(store.push, engine, actor, entries, from_mid))

    @app.get(protocol.PULL_PATH, summary="Pull rows changed after a cursor, in version order")
    async def pull_rows(request: Request, cursor: int = Query(0, ge=0, le=MAX_MID),
                        limit: int = Query(protocol.PULL_DEFAULT_LIMIT, ge=1, le=MAX_MID)):
        actor = await actor_of(request)
        page = await run_in_threadpool(pull.pull, engine, actor, epoch, cursor, pull.page_limit(limit))
        return json_response(page)

    heads = HeadWatch(engine)

    @app.get(protocol.WATCH_PATH, summary="Long-poll: answers when the server has changes after a cursor")
    async def watch(request: Request, cursor: int = Query(0, ge=0, le=MAX_MID),
                    wait: float = Query(25.0, ge=0, le=MAX_WAIT_SECONDS)):
        await actor_of(request)
        return json_response({"head": await heads.wait_past(cursor, wait)})


def _login_body(body: dict) -> tuple[str, str, str, str]:
    """user and password (text, required); device_name and device_key are optional text (else "")."""
    user, password = body.get("user"), body.get("password")
    if not isinstance(user, str) or not isinstance(password, str):
        raise ApiError(400, "bad_request", "user and password are required, as text")
    optional = [body.get(key) for key in ("device_name", "device_key")]
    device_name, device_key = (value if isinstance(value, str) else "" for value in optional)
    return user, password, device_name, device_key


def _whole(value, most: int = MAX_MID) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= most


def _envelope(body: dict) -> tuple[list[dict], int | None]:
    """The push envelope: its entries, and `from_mid` (optional: the device's lowest pending mid, at or
    below the first entry's)."""
    entries, from_mid = _entries(body), body.get("from_mid")
    if from_mid is not None and not _whole(from_mid):
        raise ApiError(400, "bad_request", "from_mid must be a whole number")
    if from_mid is not None and entries and from_mid > entries[0]["mid"]:
        raise ApiError(400, "bad_request", "from_mid is above the first entry's mid")
    return entries, from_mid


def _entries(body: dict) -> list[dict]:
    """The push envelope: a list of entries with whole-number mids, strictly increasing."""
    entries = body.get("entries")
    if not isinstance(entries, list):
        raise ApiError(400, "bad_request", "entries must be a list")
    if len(entries) > protocol.PUSH_MAX_ENTRIES:
        raise ApiError(413, "too_large", f"over {protocol.PUSH_MAX_ENTRIES} entries")
    last = None
    for entry in entries:
        mid = entry.get("mid") if isinstance(entry, dict) else None
        if not _whole(mid):
            raise ApiError(400, "bad_request", "every entry needs a whole-number mid")
        if last is not None and mid <= last:
            raise ApiError(400, "bad_request", "mids must be strictly increasing")
        last = mid
    return entries
