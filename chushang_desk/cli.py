"""Command line: start the app, or run headless work (demo data, visit-log export).

Heavy modules are imported inside each command, so `--help` and the app's cold start stay fast.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DATA_DIR_HELP = ("profile folder holding chushang.db and its backups (default: ~/.local/share/chushang-desk/default; "
                 "on Windows %%LOCALAPPDATA%%\\chushang-desk\\default)")


def version_text() -> str:
    """The installed package's version (the checkout's own when run from one) and the sync schema."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__
    from .sync.protocol import SCHEMA_VERSION

    try:
        number = version("chushang-desk")
    except PackageNotFoundError:
        number = __version__
    return f"chushang-desk {number} (sync schema {SCHEMA_VERSION})"


class _PrintVersion(argparse.Action):
    """--version, worked out only when asked (the server's reads its migrations)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chushang-desk", description="楚商联络台 Chushang Desk")
    parser.add_argument("--version", action=_PrintVersion)
    parser.add_argument("--data-dir", type=Path, help=DATA_DIR_HELP)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language for this run")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo-data", help="fill a profile with a realistic, deterministic demo directory")
    demo.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    demo.add_argument("--contacts", type=int, default=2000)
    demo.add_argument("--visits", type=int, default=6000)
    demo.add_argument("--seed", type=int, default=1)

    export = sub.add_parser("export-visits", help="export the visit log to an Excel workbook")
    export.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    export.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    export.add_argument("--from", dest="date_from", help="first visit date, e.g. 2025-01-01")
    export.add_argument("--to", dest="date_to", help="last visit date, e.g. 2025-12-31")
    export.add_argument("--station", help="station code, e.g. csj")
    _sync_commands(sub)
    from .exchange.contact_import_command import add_export_parser, add_parser as add_import_parser

    add_import_parser(sub, DATA_DIR_HELP)
    add_export_parser(sub, DATA_DIR_HELP)
    report = sub.add_parser("report", help="the bureau's periodic report (定期汇总上报) as an .xlsx workbook")
    report.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--period", help="Q1-Q4, H1-H2 or M01-M12 (default: the whole year)")
    report.add_argument("--station", help="one station's figures, by its code (default: city-wide)")
    report.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    return parser


def _sync_commands(sub) -> None:
    login = sub.add_parser("login", help="sign this profile in to a sync server (password from "
                                         "CHUSHANG_PASSWORD or standard input)")
    login.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    login.add_argument("--server", required=True,
                       help="server address, e.g. https://sync.example.gov.cn (http:// only to this computer)")
    login.add_argument("--ca-file", default="", help="the bureau's own CA certificate (PEM) to trust besides "
                                                     "the system's, for a server whose certificate it issued")
    login.add_argument("--user", required=True, help="user name on the server")
    login.add_argument("--device-name", help="how the server lists this computer (default: its host name)")
    login.add_argument("--if-needed", action="store_true",
                       help="do nothing when already signed in to this server as this user (make run)")

    sync = sub.add_parser("sync", help="run one full sync: push local edits, pull the server's changes")
    sync.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    sync.add_argument("--server", help="refuse unless the profile is signed in to this server")

    logout = sub.add_parser("logout", help="sign this profile out (refused while edits wait to be synced)")
    logout.add_argument("--data-dir", type=Path, required=True, help=DATA_DIR_HELP)
    logout.add_argument("--discard-pending", action="store_true", help="sign out even though unsynced edits are lost")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.umask(0o077)  # every file this process makes (profile, exports, logs) is its owner's alone
    if args.command is None:
        from .preload import import_before_qt

        import_before_qt()  # before PySide6's import hook exists (see preload.py)
        from .ui.app import run_app

        return run_app(args.data_dir, args.lang)
    handler = {"demo-data": _demo_data, "export-visits": _export_visits, "import-contacts": _import_contacts,
               "export-contacts": _export_contacts, "report": _report,
               "login": _login, "sync": _sync, "logout": _logout}[args.command]
    from .db.keys import ProfileKeyError

    try:
        return _reporting_disk_full(handler, args)
    except ProfileKeyError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


DISK_FULL = {
    "zh_CN": "磁盘已满：没有丢失任何资料，但这次的内容未能保存或写入。请腾出磁盘空间后重试。",
    "en": "disk full: nothing was lost, but this was not saved or written. Free some space on the disk and try again.",
}


def _reporting_disk_full(handler, args) -> int:
    """Run a command; a full disk (whatever form the error takes) is one line in the user's language
    and exit code 1, not a traceback. The command's transaction has rolled back by then."""
    from .services.disk_full import is_disk_full, watch_folder

    data_dir, out = getattr(args, "data_dir", None), getattr(args, "out", None)
    for folder in (data_dir, Path(out).parent if out else None):
        if folder:
            watch_folder(folder)
    try:
        return handler(args)
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        print(f"chushang-desk {args.command}: {DISK_FULL[args.lang or _locale_language()]}", file=sys.stderr)
        return 1


def _locale_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(name):
            return "zh_CN" if os.environ[name].lower().startswith("zh") else "en"
    return "en"


def ask_passphrase(purpose: str) -> str | None:
    """The profile's recovery passphrase: CHUSHANG_PASSPHRASE, else asked on the terminal (a new one
    twice), else a clear error (see db/keys.py for the purposes)."""
    import getpass

    from .db import keys

    if os.environ.get(keys.PASSPHRASE_ENV) or not sys.stdin.isatty():
        return keys.passphrase_from_env(purpose)
    if purpose == keys.WRONG:
        print("Wrong recovery passphrase, try again / 恢复口令不对，请重试", file=sys.stderr)
    if purpose != keys.NEW:
        return getpass.getpass("Recovery passphrase / 恢复口令: ")
    print("The profile is encrypted; its recovery passphrase opens it when the keyring cannot. Keep it safe.\n"
          "资料库已加密；钥匙串不可用时，用恢复口令打开。请妥善保管。", file=sys.stderr)
    while True:
        first = getpass.getpass(f"New recovery passphrase (at least {keys.MIN_PASSPHRASE_LENGTH} characters) / 新恢复口令: ")
        if len(first) < keys.MIN_PASSPHRASE_LENGTH:
            print(keys.PassphraseTooShort(), file=sys.stderr)
        elif getpass.getpass("Again / 再输一次: ") == first:
            return first
        else:
            print("The two passphrases differ / 两次输入不一致", file=sys.stderr)


def open_profile(data_dir: Path):
    from .services.profile import open_profile as open_with

    return open_with(data_dir, ask_passphrase)


def _demo_data(args) -> int:
    from .services.demo import DemoDataExists, make_demo_data

    profile = open_profile(args.data_dir)
    try:
        summary = make_demo_data(profile, contacts=args.contacts, visits=args.visits, seed=args.seed,
                                 progress=lambda note: print(note, file=sys.stderr, flush=True))
    except DemoDataExists as exc:
        print(exc, file=sys.stderr)
        return 1
    print(summary)
    return 0


def _export_visits(args) -> int:
    from .exchange.visit_log import export_visits_command

    return export_visits_command(args, ask_passphrase)


def _import_contacts(args) -> int:
    from .exchange.contact_import_command import import_contacts_command

    return import_contacts_command(args, ask_passphrase, args.lang or _locale_language())


def _export_contacts(args) -> int:
    from .exchange.contact_import_command import export_contacts_command

    return export_contacts_command(args, ask_passphrase, args.lang or _locale_language())


def _report(args) -> int:
    from .exchange.bureau_report import report_command

    return report_command(args, ask_passphrase, args.lang or _locale_language())


def _read_password() -> str:
    import getpass
    import os

    if os.environ.get("CHUSHANG_PASSWORD"):
        return os.environ["CHUSHANG_PASSWORD"]
    if sys.stdin.isatty():
        return getpass.getpass("Password / 密码: ")
    return sys.stdin.readline().rstrip("\r\n")


def _login(args) -> int:
    from .sync.account import sign_in
    from .sync.errors import SyncError

    from .sync.tls import check_ca_file, check_url

    if args.if_needed and _signed_in_as(args.data_dir, args.server, args.user):
        print(f"already signed in to {args.server} as {args.user}")
        return 0
    try:  # before the password is asked for: a refused address never gets it
        check_url(args.server)
        check_ca_file(args.ca_file)
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    password = _read_password()
    profile = open_profile(args.data_dir)
    try:
        account = sign_in(profile, args.server, args.user, password, args.device_name, ca_file=args.ca_file)
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        profile.close()
    print(f"signed in to {account.server_url} as {account.user} ({_who(account)}), device {account.device_id}")
    return 0


def _who(account) -> str:
    """"演示用户, hq" or "李明, officer, station jjj": headquarters has no station."""
    station = f"station {account.station}" if account.station else ""
    return ", ".join(part for part in (account.display_name, account.role, station) if part)


def _signed_in_as(data_dir: Path, server: str, user: str) -> bool:
    """Signed in to this server as this user, with the device token at hand (keyring or file)."""
    from .sync.account import account_token, current_account, normalized_url

    profile = open_profile(data_dir)
    try:
        account = current_account(profile)
        return (account is not None and (account.server_url, account.user) == (normalized_url(server), user)
                and bool(account_token(profile, account)))
    finally:
        profile.close()


def _sync(args) -> int:
    from .services.conflicts import held_items
    from .services.messages import render
    from .sync.account import current_account, normalized_url
    from .sync.engine import sync_once
    from .sync.errors import SyncError

    profile = open_profile(args.data_dir)
    try:
        account = current_account(profile)
        if args.server and account is not None and normalized_url(args.server) != account.server_url:
            server = account.server_url
            print(f"{render('sync_other_server', 'zh_CN', server=server)} / "
                  f"{render('sync_other_server', 'en', server=server)}", file=sys.stderr)
            return 2
        report = sync_once(profile, progress=_print_progress)
        held = profile.read(held_items, 20) if report.held else []
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        profile.close()
    print(report.summary())
    _warn_held(report.held, held)
    return 0


def _warn_held(count: int, held: list) -> None:
    """Rows the server sent that this version could not store: sync went on without them (exit 0)."""
    if not count:
        return
    print(f"warning: {count} records from the server could not be stored on this computer and are held "
          "aside (shown under Needs review; tried again at every sync):", file=sys.stderr)
    for item in held:
        print(f"  {item.table_name} {item.row_id} (version {item.version}): {item.reason}", file=sys.stderr)
    if count > len(held):
        print(f"  ... and {count - len(held)} more", file=sys.stderr)


def _print_progress(stage: str, done: int, total) -> None:
    print(f"{stage} {done}" + (f"/{total}" if total else ""), file=sys.stderr, flush=True)


def _logout(args) -> int:
    from .sync.account import sign_out
    from .sync.errors import PendingEdits

    profile = open_profile(args.data_dir)
    try:
        sign_out(profile, discard_pending=args.discard_pending)
    except PendingEdits as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        profile.close()
    print("signed out")
    return 0
