"""Investment projects (招商项目): recorded, moved along their stages with the day of each, dropped with a
reason, and their capital counted from dated instalments (到资).

Stages run 推介 recommended → 跟踪 tracking → 签约 signed → 开工/落地 landed; a project may skip one (signed
at a first meeting) and may be 退库 dropped from any stage, with a reason, or taken up again. Each stage
keeps the day it was reached, so a year's figures count the projects signed or landed in that year
however far they have moved since. Capital arrived is the sum of a project's arrived instalments, each
counted once whatever lists the project is in.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..models import CapitalArrival, Contact, Event, Organization, Project, Referral, Visit
from ..models.projects import PROJECT_ISSUES, PROJECT_SOURCES, PROJECT_STAGES
from .links import linked_referrals, linked_visits
from .messages import Message, ValidationFailed
from .records import holds_text, live_row, save_changes
from .validation import check_amount, check_date, clean_text, declared_errors
from .visits import split_officers

ADVANCING = PROJECT_STAGES[:-1]  # in order; "dropped" is off the line
STAGE_DAY = {stage: f"{stage}_on" for stage in PROJECT_STAGES}
# Days a project may stay in a stage before it is marked as waiting too long (Pipedrive's "rotting");
# the work list follows a project monthly, a signing is expected to land within the year.
STAGE_LIMIT_DAYS = {"recommended": 30, "tracking": 90, "signed": 180}
TEXT_FIELDS = ("name", "industry", "district", "source", "leading_official", "task_force", "plan", "station",
               "notes", "dropped_reason")


@dataclass(frozen=True)
class ProjectRow:
    """A project as the list and the board show it."""

    id: str
    name: str
    stage: str
    stage_since: date | None
    station: str
    industry: str
    planned_amount: Decimal | None
    signed_amount: Decimal | None
    arrived: Decimal
    is_chushang: bool
    is_alumni: bool
    investor: str = ""  # the investor organization's name


@dataclass(frozen=True)
class ProjectQuery:
    """What the projects screen filters on (empty: no filter); the board ignores the stage."""

    stage: str = ""
    station: str = ""
    industry: str = ""
    chushang: bool = False  # 楚商 projects only
    alumni: bool = False  # 校友 projects only
    text: str = ""  # part of the project's or the investor's name


@dataclass(frozen=True)
class ArrivalRow:
    """One instalment (到资) as the project page lists it."""

    id: str
    amount: Decimal
    arrived_on: date | None
    due_on: date | None
    notes: str


def validate_project(data: dict) -> dict:
    """The fields of a project as saved, or ValidationFailed naming each field that is wrong."""
    errors: dict[str, Message] = {}
    clean = {name: clean_text(data.get(name)) for name in TEXT_FIELDS}
    if not clean["name"]:
        errors["name"] = Message("required")
    for name in ("organization_id", "contact_id", "event_id"):
        clean[name] = data.get(name) or None
    for name in ("planned_amount", "signed_amount"):
        clean[name] = check_amount(data.get(name), errors, name)
    clean["stage"] = data.get("stage") or "recommended"
    if clean["stage"] not in PROJECT_STAGES:
        errors["stage"] = Message("project_bad_stage")
    if clean["source"] and clean["source"] not in PROJECT_SOURCES:
        errors["source"] = Message("project_bad_source")
    for stage, field in STAGE_DAY.items():
        clean[field] = check_date(data.get(field), errors, field)
    clean["waiting_on"] = list(dict.fromkeys(data.get("waiting_on") or []))
    if any(issue not in PROJECT_ISSUES for issue in clean["waiting_on"]):
        errors["waiting_on"] = Message("project_bad_issue")
    clean["tracked_by"] = split_officers(data.get("tracked_by") or [])
    clean["is_chushang"], clean["is_alumni"] = bool(data.get("is_chushang")), bool(data.get("is_alumni"))
    if clean["stage"] == "dropped" and not clean["dropped_reason"]:
        errors["dropped_reason"] = Message("project_drop_reason")
    _check_stage_days(clean, errors)
    if errors:
        raise ValidationFailed(errors)
    found = declared_errors("project", clean)
    if found:
        raise ValidationFailed(found)
    return clean


def save_project(session: Session, data: dict, project_id: str | None = None, today: date | None = None) -> str:
    """Create (project_id None) or update a project (the fields `data` names; the others stay); a new
    one has reached its stage today unless its data says when."""
    if project_id is None:
        stage = data.get("stage") or "recommended"
        if stage in STAGE_DAY:  # (an unknown stage is refused by validate_project)
            data = {STAGE_DAY[stage]: today or date.today(), **data}
        data = {"is_chushang": True, **data}  # the desk's projects are 楚商 projects unless said otherwise
        project = Project()
    else:
        project = live_row(session, Project, project_id)
        data = {**_fields(project), **data}
    return save_changes(session, project, validate_project(data))


def move_stage(session: Session, project_id: str, stage: str, on: date, reason: str = "") -> None:
    """The project reaches `stage` on `on` (a later stage skipped over keeps no day; moving back forgets
    the days of the stages after it). Dropped needs a reason; taken up again, the drop is forgotten."""
    project = live_row(session, Project, project_id)
    if stage not in PROJECT_STAGES:
        raise ValidationFailed({"stage": Message("project_bad_stage")})
    data = _fields(project)
    data["stage"], data[STAGE_DAY[stage]] = stage, on
    if stage == "dropped":
        data["dropped_reason"] = clean_text(reason) or data["dropped_reason"]
    else:
        data["dropped_on"], data["dropped_reason"] = None, ""
        for later in ADVANCING[ADVANCING.index(stage) + 1:]:
            data[STAGE_DAY[later]] = None
    save_changes(session, project, validate_project(data))


def add_arrival(session: Session, project_id: str, amount, arrived_on: date | str | None = None,
                due_on: date | str | None = None, notes: str = "") -> str:
    """An instalment of the project's capital: arrived on a day, or promised for one (due_on). Days may
    be given as typed (the dialog's text): a day that is no date is refused by name."""
    live_row(session, Project, project_id)
    errors: dict[str, Message] = {}
    arrived_on, due_on = check_date(arrived_on, errors, "arrived_on"), check_date(due_on, errors, "due_on")
    value = check_amount(amount, errors, "amount")
    if value is None and "amount" not in errors:
        errors["amount"] = Message("required")
    if arrived_on is None and due_on is None and not errors.keys() & {"arrived_on", "due_on"}:
        errors["arrived_on"] = Message("project_arrival_day")
    if errors:
        raise ValidationFailed(errors)
    clean = {"project_id": project_id, "amount": value, "arrived_on": arrived_on, "due_on": due_on,
             "notes": clean_text(notes)}
    found = declared_errors("capital_arrival", clean)
    if found:
        raise ValidationFailed(found)
    return save_changes(session, CapitalArrival(), clean)


def arrived_by_project(session: Session, until: date | None = None, since: date | None = None) -> dict[str, Decimal]:
    """Capital arrived per live project (each instalment once), arrived within [since, until] if given."""
    stmt = (select(CapitalArrival.project_id, CapitalArrival.amount)
            .join(Project, Project.id == CapitalArrival.project_id)
            .where(CapitalArrival.deleted_at.is_(None), Project.deleted_at.is_(None),
                   CapitalArrival.arrived_on.is_not(None)))
    if since is not None:
        stmt = stmt.where(CapitalArrival.arrived_on >= since)
    if until is not None:
        stmt = stmt.where(CapitalArrival.arrived_on <= until)
    totals: dict[str, Decimal] = {}
    for project_id, amount in session.execute(stmt):
        totals[project_id] = totals.get(project_id, Decimal("0")) + (amount or Decimal("0"))
    return totals


def list_projects(session: Session, stage: str | None = None, station: str | None = None) -> list[ProjectRow]:
    """Live projects, newest first, with the day they reached their stage and their capital arrived."""
    stmt = select(Project).where(Project.deleted_at.is_(None)).order_by(Project.created_at.desc(), Project.id)
    if stage:
        stmt = stmt.where(Project.stage == stage)
    if station:
        stmt = stmt.where(Project.station == station)
    arrived = arrived_by_project(session)
    return [ProjectRow(p.id, p.name, p.stage, getattr(p, STAGE_DAY[p.stage]), p.station, p.industry,
                       p.planned_amount, p.signed_amount, arrived.get(p.id, Decimal("0")), p.is_chushang,
                       p.is_alumni) for p in session.scalars(stmt)]


def find_projects(session: Session, query: ProjectQuery = ProjectQuery()) -> list[ProjectRow]:
    """Live projects matching the query, newest first, with their investor's name and capital arrived
    (two queries, whatever the number of projects)."""
    stmt = (select(Project, Organization.name)
            .outerjoin(Organization, Organization.id == Project.organization_id)
            .where(Project.deleted_at.is_(None))
            .order_by(Project.created_at.desc(), Project.id))
    for column, value in ((Project.stage, query.stage), (Project.station, query.station),
                          (Project.industry, query.industry)):
        if value:
            stmt = stmt.where(column == value)
    if query.chushang:
        stmt = stmt.where(Project.is_chushang.is_(True))
    if query.alumni:
        stmt = stmt.where(Project.is_alumni.is_(True))
    text = clean_text(query.text)
    if text:  # instr, not LIKE: a typed % or _ is a character like any other
        stmt = stmt.where(or_(func.instr(Project.name, text) > 0,
                              func.instr(func.coalesce(Organization.name, ""), text) > 0))
    arrived = arrived_by_project(session)
    return [ProjectRow(p.id, p.name, p.stage, getattr(p, STAGE_DAY[p.stage]), p.station, p.industry,
                       p.planned_amount, p.signed_amount, arrived.get(p.id, Decimal("0")), p.is_chushang,
                       p.is_alumni, investor or "") for p, investor in session.execute(stmt)]


def project_board(session: Session, query: ProjectQuery = ProjectQuery()) -> dict[str, list[ProjectRow]]:
    """The pipeline board: every stage's cards (the query's stage ignored), the longest waiting first."""
    board: dict[str, list[ProjectRow]] = {stage: [] for stage in PROJECT_STAGES}
    for row in find_projects(session, replace(query, stage="")):
        board[row.stage].append(row)
    for rows in board.values():
        rows.sort(key=lambda r: (r.stage_since or date.max, r.name))
    return board


def project_detail(session: Session, project_id: str) -> dict:
    """A project's fields with its investor's, main contact's and event's names, its stage history (each
    stage reached, in order, with its day), its instalments and their totals (arrived, still promised),
    and the visits and referrals linked to it."""
    project = live_row(session, Project, project_id)
    detail = {"id": project.id, **_fields(project)}
    organization = session.get(Organization, project.organization_id) if project.organization_id else None
    contact = session.get(Contact, project.contact_id) if project.contact_id else None
    event = session.get(Event, project.event_id) if project.event_id else None
    detail["organization"] = organization.name if organization is not None else ""
    detail["contact"] = contact.name if contact is not None else ""
    detail["event"] = event.name if event is not None and event.deleted_at is None else ""
    # what followed it: the visits about it and the referral that brought it
    detail["visits"] = linked_visits(session, Visit.project_id == project_id)
    detail["referrals"] = linked_referrals(session, Referral.project_id == project_id)
    detail["history"] = [(stage, detail[STAGE_DAY[stage]]) for stage in PROJECT_STAGES
                         if detail[STAGE_DAY[stage]] is not None]
    rows = session.scalars(select(CapitalArrival)
                           .where(CapitalArrival.project_id == project_id, CapitalArrival.deleted_at.is_(None))
                           .order_by(func.coalesce(CapitalArrival.arrived_on, CapitalArrival.due_on),
                                     CapitalArrival.id))
    detail["arrivals"] = [ArrivalRow(a.id, a.amount, a.arrived_on, a.due_on, a.notes) for a in rows]
    detail["arrived"] = sum((a.amount for a in detail["arrivals"] if a.arrived_on), Decimal("0"))
    detail["promised"] = sum((a.amount for a in detail["arrivals"] if not a.arrived_on), Decimal("0"))
    return detail


def days_in_stage(row: ProjectRow, today: date) -> int | None:
    return (today - row.stage_since).days if row.stage_since is not None else None


def waiting_too_long(row: ProjectRow, today: date) -> bool:
    """Still in a stage longer than its limit (STAGE_LIMIT_DAYS): the board marks it."""
    limit = STAGE_LIMIT_DAYS.get(row.stage)
    return limit is not None and row.stage_since is not None and (today - row.stage_since).days > limit


# --- checking ------------------------------------------------------------------------------------------


def _fields(project: Project) -> dict:
    names = (*TEXT_FIELDS, "organization_id", "contact_id", "event_id", "planned_amount", "signed_amount", "stage",
             *STAGE_DAY.values(), "waiting_on", "tracked_by", "is_chushang", "is_alumni")
    return {name: getattr(project, name) for name in names}


def _check_stage_days(clean: dict, errors: dict) -> None:
    """The project's stage has its day, and the days of the stages it passed come in order."""
    if clean["stage"] in STAGE_DAY and clean[STAGE_DAY[clean["stage"]]] is None:
        errors[STAGE_DAY[clean["stage"]]] = Message("project_stage_day")
    days = [(stage, clean[STAGE_DAY[stage]]) for stage in ADVANCING if clean[STAGE_DAY[stage]] is not None]
    for (_before, earlier), (stage, later) in zip(days, days[1:]):
        if later < earlier:
            errors[STAGE_DAY[stage]] = Message("project_stage_order")


def project_choices(session: Session, typed: str, limit: int = 20) -> list[dict]:
    """Type-ahead picker of live projects whose name holds what was typed (the latest first; all the
    latest when nothing is typed), with the investor's name to tell apart projects named alike."""
    stmt = (select(Project.id, Project.name, Project.stage, Organization.name)
            .outerjoin(Organization, Organization.id == Project.organization_id)
            .where(Project.deleted_at.is_(None)))
    if (holds := holds_text(Project.name, typed)) is not None:
        stmt = stmt.where(holds)
    stmt = stmt.order_by(Project.updated_at.desc(), Project.id).limit(limit)
    return [dict(id=i, name=name, stage=stage, company=investor or "") for i, name, stage, investor in session.execute(stmt)]
