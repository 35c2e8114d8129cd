"""Command line: start the app, or run headless work (demo data, visit-log export).

Heavy modules are imported inside each command, so `--help` and the app's cold start stay fast.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DATA_DIR_HELP = "profile folder holding chushang.db and its backups (default: ~/.local/share/chushang-desk/default)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chushang-desk", description="楚商联络台 Chushang Desk")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        from .ui.app import run_app

        return run_app(args.data_dir, args.lang)
    handler = {"demo-data": _demo_data, "export-visits": _export_visits}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _demo_data(args) -> int:
    from .services.demo import DemoDataExists, make_demo_data
    from .services.profile import open_profile

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

    return export_visits_command(args)
