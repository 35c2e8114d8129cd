"""The bureau's periodic report to the city (定期汇总上报) as a workbook: a summary sheet with each item of
the work list, its target, what the records say and the completion rate, then the records behind it:
projects signed, projects landed, capital arrived, the events held and the ambassadors' referrals of the
period.
Formatted like the visit-log export: a title row, a bold frozen header with filters, widths that fit,
real dates and numbers, totals. Written beside the target and moved into place, so a failed report
leaves no half-written file.

    chushang-desk report --data-dir DIR --year 2025 [--period Q1|H1|M03] [--station CODE] --out FILE.xlsx
"""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Contact, Organization, Project, Referral
from ..services.events import attendance_of, events_in
from ..services.messages import ValidationFailed, render
from ..services.reference import name_lookup
from ..services.targets import Period, TargetFigure, arrivals_in, period_of, projects_reaching, target_figures
from .visit_log import display_width
from .visit_log_cells import excel_date, visible

METRIC_WORDS = {  # the work list's words for each item (seed 000)
    "signed_projects": "新签约楚商投资项目", "landed_projects": "落地楚商项目", "capital_arrived": "产业到资金额",
    "merchant_records": "楚商资源库人数", "merchant_key_records": "其中重点楚商", "alumni_records": "校友资源库人数",
    "alumni_key_records": "其中重点校友", "talent_records": "人才库人数", "liaison_stations": "联络站",
    "new_chambers": "新建商会", "events": "主题活动", "festival_events": "其中节庆活动",
    "key_region_events": "其中重点区域活动", "overseas_events": "其中境外活动", "platform_events": "其中重大平台活动",
    "alumni_events": "其中校友活动",
}
CATEGORY_WORDS = {"festival": "节庆", "key_region": "重点区域", "overseas": "境外", "platform": "重大平台",
                  "alumni": "校友"}  # the work list's event categories
REFERRAL_WORDS = {"new": "新线索", "contacted": "已对接", "negotiating": "洽谈中", "signed": "已签约",
                  "landed": "已落地", "dropped": "已终止"}


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    period: Period
    signed: int
    landed: int
    arrivals: int
    referrals: int
    events: int = 0


def write_report(profile, year: int, period: str | None, path: Path | str, station: str | None = None,
                 today: date | None = None) -> ReportSummary:
    """The report for the year (or its quarter, half or month), city-wide or of one station."""
    span = period_of(year, period)
    path = Path(path)
    handle, scratch = tempfile.mkstemp(prefix=".report-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        summary = profile.read(_write, span, period, Path(scratch), station, today or date.today())
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    return ReportSummary(path, span, *summary)


def _write(session: Session, span: Period, period: str | None, path: Path, station: str | None,
           today: date) -> tuple[int, ...]:
    import xlsxwriter

    names = {"station": name_lookup(session, "station"), "industry": name_lookup(session, "industry"),
             "district": name_lookup(session, "district"), "event_kind": name_lookup(session, "event_kind")}
    where = f"（{names['station'].get(station, station)}）" if station else ""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        styles = report_styles(book)
        figures = target_figures(session, span.year, period, station, today)
        _summary_sheet(book, styles, f"{span.label} 楚商回归工作定期汇总{where}", figures, today, span.year)
        signed = _signed(session, span, station, names)
        _records_sheet(book, styles, "签约项目", f"{span.label} 新签约楚商项目{where}", SIGNED_COLUMNS, signed)
        landed = _landed(session, span, station, names)
        _records_sheet(book, styles, "落地项目", f"{span.label} 落地楚商项目{where}", LANDED_COLUMNS, landed)
        arrivals = _arrivals(session, span, station, names)
        _records_sheet(book, styles, "项目到资", f"{span.label} 楚商项目到资{where}", ARRIVAL_COLUMNS, arrivals)
        events = _events(session, span, station, names)
        _records_sheet(book, styles, "主题活动", f"{span.label} 主题活动{where}", EVENT_COLUMNS, events)
        referrals = _referrals(session, span, station, names)
        _records_sheet(book, styles, "大使推荐", f"{span.label} 招商大使推荐{where}", REFERRAL_COLUMNS, referrals)
    finally:
        book.close()
    return len(signed), len(landed), len(arrivals), len(referrals), len(events)


# --- the sheets ------------------------------------------------------------------------------------------

def report_styles(book) -> dict:
    """The workbook formats of the bureau's report, shared by the ambassadors' ranking."""
    base = {"font_name": "Microsoft YaHei", "font_size": 10, "valign": "top"}
    return {
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "header": book.add_format({**base, "bold": True, "bg_color": "#DDE7F2", "border": 1, "text_wrap": True}),
        "text": book.add_format({**base, "border": 1, "text_wrap": True}),
        "date": book.add_format({**base, "border": 1, "num_format": "yyyy-mm-dd"}),
        "money": book.add_format({**base, "border": 1, "num_format": "#,##0.00"}),
        "count": book.add_format({**base, "border": 1, "num_format": "#,##0"}),
        "percent": book.add_format({**base, "border": 1, "num_format": "0.0%"}),
        "behind": book.add_format({**base, "border": 1, "font_color": "#B00020", "bold": True}),
        "total": book.add_format({**base, "bold": True, "top": 2, "num_format": "#,##0.00"}),
        "total_count": book.add_format({**base, "bold": True, "top": 2, "num_format": "#,##0"}),
        "total_label": book.add_format({**base, "bold": True, "top": 2}),
    }


SUMMARY_HEADER = ("工作事项", "单位", "年度目标", "完成", "完成率", "序时进度", "状态")


def _summary_sheet(book, styles, title: str, figures: list[TargetFigure], today: date, year: int) -> None:
    sheet = book.add_worksheet("汇总")
    sheet.merge_range(0, 0, 0, len(SUMMARY_HEADER) - 1, title, styles["title"])
    sheet.write_row(2, 0, SUMMARY_HEADER, styles["header"])
    for row, figure in enumerate(figures, start=3):
        sheet.write_string(row, 0, METRIC_WORDS.get(figure.metric, figure.metric), styles["text"])
        sheet.write_string(row, 1, visible(figure.unit), styles["text"])
        _number(sheet, row, 2, figure.target, styles["count"], styles["text"])
        money = figure.unit == "万元"
        _number(sheet, row, 3, figure.actual, styles["money" if money else "count"], styles["text"], "未录入")
        _number(sheet, row, 4, figure.rate, styles["percent"], styles["text"])
        sheet.write_number(row, 5, float(figure.share), styles["percent"])
        state = "滞后" if figure.behind else ("未录入" if figure.actual is None else "")
        sheet.write(row, 6, state, styles["behind"] if figure.behind else styles["text"])
    sheet.freeze_panes(3, 0)
    sheet.autofilter(2, 0, 2 + len(figures), len(SUMMARY_HEADER) - 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 1)
    for col, width in enumerate((22, 6, 10, 14, 9, 9, 8)):
        sheet.set_column(col, col, width)
    carried = sorted({f.target_year for f in figures if f.target_year is not None and f.target_year != year})
    note = f"统计至 {today.isoformat()}；完成为本期记录中的实际数，序时进度为本期（至期末或今日）占全年的比例。"
    if carried:
        note += f"本年未设目标，沿用 {carried[-1]} 年目标。"
    sheet.write(4 + len(figures), 0, note, book.add_format({"font_name": "Microsoft YaHei", "font_size": 9,
                                                             "italic": True}))


def _number(sheet, row, col, value, style, text_style, missing: str = "") -> None:
    if value is None:
        sheet.write(row, col, missing, text_style)
    else:
        sheet.write_number(row, col, float(value), style)


@dataclass(frozen=True)
class RecordColumn:
    header: str
    kind: str  # text, date, money, count
    total: bool = False


SIGNED_COLUMNS = (RecordColumn("项目名称", "text"), RecordColumn("投资方", "text"), RecordColumn("行业", "text"),
                  RecordColumn("签约日期", "date"), RecordColumn("签约金额（万元）", "money", True),
                  RecordColumn("计划投资（万元）", "money", True), RecordColumn("拟落地区", "text"),
                  RecordColumn("联络站", "text"), RecordColumn("楚商项目", "text"), RecordColumn("校友项目", "text"))
LANDED_COLUMNS = (RecordColumn("项目名称", "text"), RecordColumn("投资方", "text"), RecordColumn("落地日期", "date"),
                  RecordColumn("签约金额（万元）", "money", True), RecordColumn("拟落地区", "text"),
                  RecordColumn("联络站", "text"))
ARRIVAL_COLUMNS = (RecordColumn("项目名称", "text"), RecordColumn("到资日期", "date"),
                   RecordColumn("金额（万元）", "money", True), RecordColumn("联络站", "text"),
                   RecordColumn("备注", "text"))
EVENT_COLUMNS = (RecordColumn("活动名称", "text"), RecordColumn("活动类型", "text"), RecordColumn("举办日期", "date"),
                 RecordColumn("地区", "text"), RecordColumn("地点", "text"), RecordColumn("主办单位", "text"),
                 RecordColumn("计入类别", "text"), RecordColumn("邀请人数", "count", True),
                 RecordColumn("出席人数", "count", True), RecordColumn("联络站", "text"))
REFERRAL_COLUMNS = (RecordColumn("招商大使", "text"), RecordColumn("推荐对象", "text"),
                    RecordColumn("推荐日期", "date"), RecordColumn("进展", "text"), RecordColumn("联络站", "text"))


def _records_sheet(book, styles, name: str, title: str, columns, rows: list[tuple]) -> None:
    sheet = book.add_worksheet(name)
    sheet.merge_range(0, 0, 0, len(columns) - 1, title, styles["title"])
    sheet.write_row(2, 0, [c.header for c in columns], styles["header"])
    widths = [display_width(c.header) for c in columns]
    for r, values in enumerate(rows, start=3):
        for c, (column, value) in enumerate(zip(columns, values)):
            if value is None or value == "":
                sheet.write_blank(r, c, None, styles["text"])
            elif column.kind == "date" and isinstance(excel_date(value), int):
                sheet.write_number(r, c, excel_date(value), styles["date"])
            elif column.kind in ("money", "count"):
                sheet.write_number(r, c, float(value), styles[column.kind])
            else:  # text (and a day before 1900-03-01, which Excel's day numbers get wrong, as text)
                text = visible(value.isoformat() if isinstance(value, date) else str(value))
                sheet.write_string(r, c, text, styles["text"])
                widths[c] = max(widths[c], display_width(text))
    last = 2 + len(rows)
    sheet.write(last + 1, 0, f"合计 {len(rows)} 项", styles["total_label"])
    for c, column in enumerate(columns):
        if column.total:  # summed as Decimal here: Excel's SUM of floats could show 0.01 off
            total = sum((Decimal(str(v[c])) for v in rows if v[c] is not None), Decimal("0"))
            sheet.write_number(last + 1, c, float(total), styles["total_count" if column.kind == "count" else "total"])
    sheet.freeze_panes(3, 0)
    sheet.autofilter(2, 0, max(last, 3), len(columns) - 1)
    for c, column in enumerate(columns):
        width = 12 if column.kind in ("date", "money", "count") else min(max(widths[c], 6) + 2, 40)
        sheet.set_column(c, c, width)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(2)


# --- the records behind the figures ---------------------------------------------------------------------

_CHUNK = 500  # ids per IN list (SQLite's host parameters are limited)


def _names_of(session: Session, model, ids) -> dict[str, str]:
    """The names of these rows by id, read in a few queries (one lookup per row cost the year's report
    about 4 s at 100,000 contacts)."""
    wanted, names = sorted({i for i in ids if i}), {}
    for first in range(0, len(wanted), _CHUNK):
        names.update(session.execute(select(model.id, model.name).where(model.id.in_(wanted[first:first + _CHUNK]))).all())
    return names


def _signed(session, span, station, names) -> list[tuple]:
    projects = projects_reaching(session, "signed", span, station)
    investors = _names_of(session, Organization, [p.organization_id for p in projects])
    return [(p.name, investors.get(p.organization_id, ""), names["industry"].get(p.industry, p.industry),
             p.signed_on, p.signed_amount, p.planned_amount, names["district"].get(p.district, p.district),
             names["station"].get(p.station, p.station), "是" if p.is_chushang else "", "是" if p.is_alumni else "")
            for p in projects]


def _landed(session, span, station, names) -> list[tuple]:
    projects = projects_reaching(session, "landed", span, station)
    investors = _names_of(session, Organization, [p.organization_id for p in projects])
    return [(p.name, investors.get(p.organization_id, ""), p.landed_on, p.signed_amount,
             names["district"].get(p.district, p.district), names["station"].get(p.station, p.station))
            for p in projects]


def _arrivals(session, span, station, names) -> list[tuple]:
    return [(p.name, a.arrived_on, a.amount, names["station"].get(p.station, p.station), a.notes)
            for a, p in arrivals_in(session, span, station)]


def _events(session, span, station, names) -> list[tuple]:
    events = events_in(session, span, station)
    counts = attendance_of(session, [e.id for e in events])
    return [(e.name, names["event_kind"].get(e.kind, e.kind), e.held_on, e.region, e.place, e.organizer,
             "、".join(CATEGORY_WORDS.get(c, c) for c in e.categories or []), *counts.get(e.id, (0, 0)),
             names["station"].get(e.station, e.station)) for e in events]


def _referrals(session, span, station, names) -> list[tuple]:
    stmt = (select(Referral).where(Referral.deleted_at.is_(None), Referral.referred_on >= span.start,
                                   Referral.referred_on <= span.end).order_by(Referral.referred_on))
    if station:
        stmt = stmt.where(Referral.station == station)
    referrals = list(session.scalars(stmt))
    people = _names_of(session, Contact, [i for r in referrals for i in (r.ambassador_id, r.referred_contact_id)])
    organizations = _names_of(session, Organization, [r.referred_organization_id for r in referrals])
    projects = _names_of(session, Project, [r.project_id for r in referrals])
    rows = []
    for referral in referrals:
        whom = "、".join(filter(None, [people.get(referral.referred_contact_id, ""),
                                      organizations.get(referral.referred_organization_id, ""),
                                      projects.get(referral.project_id, referral.project_name)]))
        rows.append((people.get(referral.ambassador_id, ""), whom, referral.referred_on,
                     REFERRAL_WORDS.get(referral.status, referral.status),
                     names["station"].get(referral.station, referral.station)))
    return rows


# --- the command ---------------------------------------------------------------------------------------

def report_command(args, ask_passphrase, lang: str) -> int:
    from ..db.engine import DB_FILENAME
    from ..services.profile import open_profile

    if not (Path(args.data_dir) / DB_FILENAME).exists():  # opening would create an empty profile
        print(render("import_no_profile", lang, path=str(args.data_dir)), file=sys.stderr)
        return 2
    try:
        period_of(args.year, args.period)
    except ValidationFailed as failed:
        print("; ".join(m.render(lang) for m in failed.errors.values()), file=sys.stderr)
        return 2
    profile = open_profile(args.data_dir, ask_passphrase)
    try:
        summary = write_report(profile, args.year, args.period, args.out, args.station)
    finally:
        profile.close()
    print(render("report_written", lang, path=str(summary.path), period=summary.period.label,
                 signed=summary.signed, landed=summary.landed, arrivals=summary.arrivals))
    return 0
