"""chushang-server: serve, migrate, and administer stations, users and devices."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from chushang_desk.sync import protocol

from . import admin, config, tls
from .db import make_engine
from .migrate import current_revision, head_revision, is_current, upgrade


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except admin.AdminError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (ArgumentError, NoSuchModuleError, OperationalError) as error:  # a URL that names no database
        print(f"error: cannot use the database {args.db!r}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 2


def version_text() -> str:
    """The installed package's version, the sync schema it speaks and its database schema."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("chushang-desk")
    except PackageNotFoundError:
        number = "unknown"
    return f"chushang-server {number} (sync schema {protocol.SCHEMA_VERSION}, database schema {head_revision()})"


class _PrintVersion(argparse.Action):
    """--version, worked out only when asked (the server's reads its migrations)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chushang-server", description="Chushang Desk central sync server")
    parser.add_argument("--version", action=_PrintVersion)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = _command(commands, "serve", _serve, "run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--migrate", action="store_true", help="upgrade the database first")
    serve.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS with this PEM certificate (chain)")
    serve.add_argument("--tls-key", metavar="FILE", help="the PEM private key of --tls-cert")
    serve.add_argument("--forwarded-allow-ips", metavar="ADDRESSES",
                       help="behind a reverse proxy: the proxy's addresses (comma-separated, e.g. 127.0.0.1) "
                            "whose X-Forwarded-For/-Proto are trusted for the client address; off by default")
    _command(commands, "migrate", _migrate, "create or upgrade the database schema")
    station = _command(commands, "add-station", _add_station, "add (or rename) a station")
    station.add_argument("--code", required=True)
    station.add_argument("--name-zh", required=True)
    station.add_argument("--name-en", default="")
    user = _command(commands, "add-user", _add_user, "add a user (password from stdin or CHUSHANG_PASSWORD)")
    user.add_argument("--user", required=True)
    user.add_argument("--station", default="")
    user.add_argument("--role", required=True, choices=protocol.ROLES)
    user.add_argument("--display-name", default="")
    password = _command(commands, "set-password", _set_password, "set a user's password (stdin or env)")
    password.add_argument("--user", required=True)
    _command(commands, "list-users", _list_users, "list users with their roles and stations")
    devices = _command(commands, "list-devices", _list_devices, "list signed-in devices")
    devices.add_argument("--user")
    revoke = _command(commands, "revoke-device", _revoke_device, "revoke a device (its next request gets 401)")
    revoke.add_argument("--device", required=True)
    _command(commands, "new-epoch", _new_epoch,
             "after restoring a backup, with the server stopped: every laptop then does a replacement sync "
             "and sends again what it holds that is newer than the backup")
    return parser


def _command(commands, name: str, run, help_text: str) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text)
    sub.add_argument("--db", default=config.db_url_from_env(),
                     help=f"database URL (default: ${config.DB_ENV} or {config.DEFAULT_DB_URL})")
    sub.set_defaults(run=run)
    return sub


def _engine(args):
    engine = make_engine(args.db)
    if not is_current(engine):
        raise admin.AdminError(
            f"the server database schema is at {current_revision(engine)!r}, not {head_revision()!r}: "
            f"run `chushang-server migrate --db {args.db}` first"
        )
    return engine


def read_password() -> str:
    """From CHUSHANG_PASSWORD, else standard input (a prompt on a terminal); never from argv."""
    password = os.environ.get(config.PASSWORD_ENV)
    if password is None:
        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise admin.AdminError(f"no password: give it on standard input or in {config.PASSWORD_ENV}")
    return password


def _serve(args) -> int:
    import uvicorn

    tls_options = _tls_options(args)
    if args.migrate:
        upgrade(args.db)
    _engine(args).dispose()
    if config.argon2_params():
        print(f"warning: {config.ARGON2_ENV}=fast: new password hashes are cheap to crack; "
              "for tests and demos only", file=sys.stderr)
    os.environ[config.DB_ENV] = args.db  # the app factory (and every worker) reads it
    uvicorn.run("chushang_server.app:app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="warning", access_log=False,
                http="chushang_server.nodelay:H11NoDelay", **tls_options,
                # long-polls (/v1/sync/watch) would otherwise hold a shutdown for up to 30 s
                timeout_graceful_shutdown=3)
    return 0


def _tls_options(args) -> dict:
    """uvicorn's HTTPS and proxy options, after checking the files; warns of plain HTTP off loopback."""
    if bool(args.tls_cert) != bool(args.tls_key):
        raise admin.AdminError("give both --tls-cert and --tls-key, or neither")
    options = {"proxy_headers": bool(args.forwarded_allow_ips),
               "forwarded_allow_ips": args.forwarded_allow_ips or None}
    if args.tls_cert:
        try:
            tls.check_files(args.tls_cert, args.tls_key)
        except tls.TlsFilesError as error:
            raise admin.AdminError(str(error)) from error
        if os.stat(args.tls_key).st_mode & 0o077:
            print(f"warning: the TLS key {args.tls_key} can be read by other users: chmod 600 it",
                  file=sys.stderr)
        return dict(options, ssl_certfile=args.tls_cert, ssl_keyfile=args.tls_key)
    warning = tls.plain_http_warning(args.host)
    if warning:
        print(warning, file=sys.stderr)
    return options


def _migrate(args) -> int:
    upgrade(args.db)
    # "server database": the desktop client has a schema of its own (make run prints both).
    print(f"server database schema at {head_revision()}")
    return 0


def _add_station(args) -> int:
    admin.add_station(_engine(args), args.code, args.name_zh, args.name_en)
    print(f"station {args.code} saved")
    return 0


def _add_user(args) -> int:
    if args.role != "hq" and not args.station:
        raise admin.AdminError("--station is required for officers and station leads")
    admin.add_user(_engine(args), args.user, args.station, args.role, read_password(), args.display_name)
    print(f"user {args.user} added")
    return 0


def _set_password(args) -> int:
    admin.set_password(_engine(args), args.user, read_password())
    print(f"password of {args.user} set")
    return 0


def _list_users(args) -> int:
    rows = admin.list_users(_engine(args))
    _print_table(("user", "display name", "role", "station", "created", "disabled"), [
        (r["user"], r["display_name"], r["role"], r["station"] or "-", _when(r["created"]),
         "yes" if r["disabled"] else "-")
        for r in rows
    ])
    return 0


def _list_devices(args) -> int:
    rows = admin.list_devices(_engine(args), args.user)
    _print_table(("id", "user", "name", "created", "last seen", "revoked"), [
        (r["id"], r["user"], r["name"], _when(r["created"]), _when(r["last_seen"]), _when(r["revoked"]))
        for r in rows
    ])
    return 0


def _print_table(header: tuple, rows: list[tuple]) -> None:
    table = [header] + rows
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def _revoke_device(args) -> int:
    admin.revoke_device(_engine(args), args.device)
    print(f"device {args.device} revoked")
    return 0


def _new_epoch(args) -> int:
    engine = _engine(args)
    try:
        epoch, base = admin.new_epoch(engine)
    finally:
        engine.dispose()
    print(f"new epoch {epoch}: laptops resync at their next sync and send again their rows newer than "
          f"version {base}; start (or restart) the server now")
    return 0
