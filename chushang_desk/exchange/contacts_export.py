"""The directory as a workbook, in the columns the import reads back (services/import_columns.py): a list
to hand to a station, to clean in Excel and import again. The first column is the contact's number in
the desk (联络台编号): imported again, each row finds its own contact and only what was added in Excel
changes; nothing changes when nothing was edited (tests/unit/test_contacts_export.py).

Reference codes are written as their names (黄冈, 集成电路, 大湾区楚商联络站) and phones as people write
them; text is never taken for a formula. The file is written beside the target and moved into place, so
a failed export leaves no half-written workbook.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from ..models import Contact
from ..services.contacts import shown_phone
from ..services.reference import name_lookup

CELL_LIMIT = 32_767  # Excel's longest cell
ID_HEADER = "联络台编号"
COLUMNS = (  # header (as the import knows it), how a contact's value is written
    (ID_HEADER, "id"), ("姓名", "name"), ("性别", "gender"), ("类别", "kinds"), ("重点人员", "is_key"),
    ("招商大使", "is_ambassador"), ("聘任日期", "ambassador_since"), ("聘任单位", "ambassador_unit"),
    ("手机/电话", "phones"), ("电子邮箱", "email"), ("微信", "wechat"), ("工作单位", "company"), ("职务", "title"),
    ("行业", "industry"), ("籍贯", "native_prefecture"), ("籍贯县", "native_county"), ("所在地区", "region"),
    ("城市", "city"), ("毕业院校", "university"), ("学历", "degree"), ("毕业年份", "graduation_year"),
    ("人才称号", "talent_titles"), ("标签", "tags"), ("来源", "source"), ("联络站", "station"), ("备注", "notes"),
)
KIND_WORDS = (("is_merchant", "楚商"), ("is_alumnus", "校友"), ("is_talent", "人才"))
GENDER_WORDS = {"male": "男", "female": "女"}
BATCH = 2000


def export_contacts_file(profile, path: Path) -> int:
    """Write every live contact to the .xlsx at `path`; the number written."""
    path = Path(path)
    names = profile.read(_reference_names)
    handle, scratch = tempfile.mkstemp(prefix=".contacts-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        count = profile.read(_write_workbook, Path(scratch), names)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return count


def _reference_names(session) -> dict[str, dict[str, str]]:
    return {field: name_lookup(session, list_name) for field, list_name in (
        ("industry", "industry"), ("native_prefecture", "prefecture"), ("university", "university"),
        ("station", "station"))}


def _write_workbook(session, path: Path, names: dict) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False, "strings_to_numbers": False})
    count = 0
    try:
        sheet = book.add_worksheet("名录")
        bold = book.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1})
        sheet.write_row(0, 0, [h for h, _f in COLUMNS], bold)
        sheet.set_column(0, 0, 38)
        sheet.set_column(1, len(COLUMNS) - 1, 14)
        query = (select(Contact).where(Contact.deleted_at.is_(None))
                 .order_by(Contact.sort_key, Contact.id).execution_options(yield_per=BATCH))
        for contact in session.scalars(query):
            count += 1
            for column, (_header, field) in enumerate(COLUMNS):
                value = cell_value(contact, field, names)
                if isinstance(value, int) and not isinstance(value, bool):
                    sheet.write_number(count, column, value)
                elif value:
                    sheet.write_string(count, column, value[:CELL_LIMIT])
        sheet.freeze_panes(1, 2)
    finally:
        book.close()
    return count


def cell_value(contact: Contact, field: str, names: dict):
    value = getattr(contact, field, None)
    if field == "kinds":
        return "、".join(word for flag, word in KIND_WORDS if getattr(contact, flag))
    if field in ("is_key", "is_ambassador"):
        return "是" if value else ""
    if field == "ambassador_since":
        return value.isoformat() if value else ""
    if field == "gender":
        return GENDER_WORDS.get(value or "", "")
    if field == "phones":
        return "; ".join(shown_phone(p) for p in value or [])
    if field == "tags":
        return ", ".join(value or [])
    if field in names:
        return names[field].get(value or "", value or "")
    if field == "graduation_year":
        return value
    return "" if value is None else str(value)
