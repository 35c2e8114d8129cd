"""`chushang-desk import-contacts`: the import wizard's work without a window, for IT staff and scripts.

    chushang-desk import-contacts --data-dir DIR FILE [--sheet NAME] [--mapping FILE] [--dry-run]
        [--defaults kind=merchant --defaults station=dwq ...] [--duplicates default|new|merge|skip]
        [--errors-out FILE.xlsx] [--header-row N]

It prints what each row would become (the dry run) or became, in the user's language; exit code 0 when
the batch was written (or the dry run found no error), 1 for an unusable file or mapping, 2 when rows
have errors (they were left out; --errors-out writes them for fixing and importing again).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..services.messages import Message, render

DUPLICATE_POLICIES = ("default", "new", "merge", "skip")
DEFAULT_KEYS = ("kind", "station", "source", "key", "tags")


def add_parser(sub, data_dir_help: str) -> None:
    command = sub.add_parser("import-contacts", help="import contacts from a spreadsheet or CSV (with a dry run)")
    command.add_argument("--data-dir", type=Path, required=True, help=data_dir_help)
    command.add_argument("file", type=Path, help=".xlsx, .xls, .xlsb, .ods or .csv (UTF-8, GBK/GB18030, Big5)")
    command.add_argument("--sheet", help="the sheet to read (default: the first)")
    command.add_argument("--mapping", type=Path,
                         help='JSON file: {"columns": {"header in the file": "field", ...}} ("" ignores a column)')
    command.add_argument("--dry-run", action="store_true", help="check every row and print the result; write nothing")
    command.add_argument("--defaults", action="append", default=[], metavar="KEY=VALUE",
                         help="for every row that says nothing itself: kind=merchant|alumnus|talent (comma "
                              "for several), station=CODE, source=TEXT, key=yes, tags=A,B")
    command.add_argument("--duplicates", choices=DUPLICATE_POLICIES, default="default",
                         help="what a possible duplicate becomes: default (certain/high merged, medium "
                              "skipped, a name alone new), or all new, merged or skipped")
    command.add_argument("--errors-out", type=Path, help="write the rows with errors to this .xlsx")
    command.add_argument("--header-row", type=int, help="the header's row number (default: found by itself)")


def add_export_parser(sub, data_dir_help: str) -> None:
    command = sub.add_parser("export-contacts", help="export the directory to an Excel workbook the import reads back")
    command.add_argument("--data-dir", type=Path, required=True, help=data_dir_help)
    command.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")


def export_contacts_command(args, ask_passphrase, lang: str) -> int:
    from ..db.engine import DB_FILENAME
    from ..services.profile import open_profile
    from .contacts_export import export_contacts_file

    if not (Path(args.data_dir) / DB_FILENAME).exists():  # opening would create an empty profile
        print(render("import_no_profile", lang, path=str(args.data_dir)), file=sys.stderr)
        return 2
    profile = open_profile(args.data_dir, ask_passphrase)
    try:
        count = export_contacts_file(profile, args.out)
    finally:
        profile.close()
    print(render("contacts_exported", lang, count=count, path=str(args.out)))
    return 0


def import_contacts_command(args, ask_passphrase, lang: str) -> int:
    from ..services.contact_import import ImportDefaults
    from .sheet_files import UnsafeFile, read_sheet

    def say(code: str, **params) -> None:
        print(render(code, lang, **params), file=sys.stderr)

    try:
        defaults = _defaults(args.defaults)
        stored = json.loads(args.mapping.read_text(encoding="utf-8-sig")) if args.mapping else None
    except (ValueError, OSError) as exc:
        say("import_bad_option", detail=str(exc))
        return 1
    try:
        table = read_sheet(args.file, args.sheet)
    except UnsafeFile as refused:
        print(refused.message.render(lang), file=sys.stderr)
        return 1
    for note in _table_notes(table):
        say(note.code, **note.params)
    from ..services.profile import open_profile

    profile = open_profile(args.data_dir, ask_passphrase)
    try:
        return _run(profile, args, table, stored, ImportDefaults(**defaults), lang)
    finally:
        profile.close()


def _run(profile, args, table, stored, defaults, lang: str) -> int:
    from ..services.contact_import import apply_import, plan_import, remember_mapping, remembered_mapping
    from ..services.import_columns import find_header_row, mapping_from_dict, guess_mapping, shape_of

    rows = table.rows
    if not rows:
        print(render("import_empty", lang), file=sys.stderr)
        return 1
    header_row = args.header_row - 1 if args.header_row else find_header_row(rows)
    if not 0 <= header_row < len(rows):
        print(render("import_bad_option", lang, detail=f"--header-row {args.header_row}"), file=sys.stderr)
        return 1
    header = rows[header_row]
    shape = shape_of(header)
    remembered = stored or profile.read(remembered_mapping, shape)
    mapping = (mapping_from_dict(header, remembered) if remembered else None) or guess_mapping(header)
    if stored and mapping_from_dict(header, stored) is None:
        print(render("import_bad_mapping", lang), file=sys.stderr)
        return 1
    for code in mapping.problems():
        print(render(code, lang), file=sys.stderr)
        return 1
    print(_mapping_line(mapping, lang))
    plan = profile.read(plan_import, rows, header_row, mapping, defaults)
    _apply_policy(plan, args.duplicates)
    for line in plan_lines(plan, lang):
        print(line)
    if args.errors_out and plan.counts()["error"]:
        from .import_errors import write_error_workbook

        written = write_error_workbook(args.errors_out, plan, lang)
        print(render("import_errors_written", lang, count=written, path=str(args.errors_out)))
    if args.dry_run:
        print(render("import_dry_run_done", lang))
        return 2 if plan.counts()["error"] else 0
    result = profile.write(apply_import, plan, args.file.name, table.name)
    profile.write(remember_mapping, shape, mapping)
    print(render("import_done", lang, created=result.created, updated=result.updated, skipped=result.skipped,
                 errors=result.errors, batch=result.batch_id))
    return 2 if result.errors else 0


def _defaults(pairs: list[str]) -> dict:
    from ..services.contacts import KINDS

    out: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or key not in DEFAULT_KEYS:
            raise ValueError(f"--defaults {pair!r}: KEY=VALUE with KEY one of {', '.join(DEFAULT_KEYS)}")
        if key == "kind":
            kinds = tuple(k.strip() for k in value.split(",") if k.strip())
            if any(k not in KINDS for k in kinds):
                raise ValueError(f"--defaults kind={value}: one of {', '.join(KINDS)}")
            out["kinds"] = kinds
        elif key == "key":
            out["is_key"] = value.lower() in ("1", "yes", "true", "y", "是")
        elif key == "tags":
            out["tags"] = tuple(t.strip() for t in value.replace("，", ",").split(",") if t.strip())
        else:
            out[key] = value
    return out


def _table_notes(table) -> list[Message]:
    notes = []
    if table.truncated:
        notes.append(Message("import_rows_capped", {"rows": len(table.rows)}))
    if table.columns_cut:
        notes.append(Message("import_columns_cut", {}))
    if table.long_cells:
        notes.append(Message("import_long_cells", {"count": len(table.long_cells)}))
    return notes


def _apply_policy(plan, policy: str) -> None:
    if policy == "default":
        return
    for row in plan.rows:
        if row.status == "duplicate":
            row.decision = policy


def _mapping_line(mapping, lang: str) -> str:
    pairs = [f"{h or '?'} → {render('field_' + f, lang)}" for h, f in zip(mapping.headers, mapping.fields) if f]
    return render("import_mapping_used", lang, columns="; ".join(pairs))


def plan_lines(plan, lang: str) -> list[str]:
    """The dry run as text: the counts, then a line for every row that is not plainly new."""
    from ..services.contact_import import candidate_text, row_problems

    counts = plan.counts()
    lines = [render("import_counts", lang, **counts, total=len(plan.rows))]
    for row in plan.rows:
        if row.status == "new" and not row.warnings:
            continue
        name = row.data.get("name") or "—"
        status = render(f"import_status_{row.status}", lang)
        details = [m.render(lang) for m in row_problems(row, plan.mapping)]
        if row.candidates and row.status in ("duplicate", "update", "unchanged"):
            details.append(candidate_text(row.candidates[0], lang))
        details += [m.render(lang) for m in row.warnings]
        if row.status != "error":
            details.append(render(f"import_decision_{row.decision}", lang))
        lines.append(render("import_row_line", lang, row=row.row_number, status=status, name=name,
                            details="；".join(details) if lang == "zh_CN" else "; ".join(details)))
    return lines
