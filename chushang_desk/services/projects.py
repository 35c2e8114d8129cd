"""Investment projects (招商项目): recorded, moved along their stages with the day of each, dropped with a
reason, and their capital counted from dated instalments (到资).

Stages run 推介 recommended → 跟踪 tracking → 签约 signed → 开工/落地 landed; a project may skip one (signed
at a first meeting) and may be 退库 dropped from any stage, with a reason, or taken up again. Each stage
keeps the day it was reached, so a year's figures count the projects signed or landed in that year
however far they have moved since. Capital arrived is the sum of a project's arrived instalments, each
counted once whatever lists the project is in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import CapitalArrival, Project
from ..models.projects import PROJECT_ISSUES, PROJECT_SOURCES, PROJECT_STAGES
from .messages import Message, ValidationFailed
from .records import live_row, save_changes
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


def validate_project(data: dict) -> dict:
    """The fields of a project as saved, or ValidationFailed naming each field that is wrong."""
    errors: dict[str, Message] = {}
    clean = {name: clean_text(data.get(name)) for name in TEXT_FIELDS}
    if not clean["name"]:
        errors["name"] = Message("required")
    for name in ("organization_id", "contact_id"):
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


def add_arrival(session: Session, project_id: str, amount, arrived_on: date | None = None,
                due_on: date | None = None, notes: str = "") -> str:
    """An instalment of the project's capital: arrived on a day, or promised for one (due_on)."""
    live_row(session, Project, project_id)
    errors: dict[str, Message] = {}
    value = check_amount(amount, errors, "amount")
    if value is None and "amount" not in errors:
        errors["amount"] = Message("required")
    if arrived_on is None and due_on is None:
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


def waiting_too_long(row: ProjectRow, today: date) -> bool:
    """Still in a stage longer than its limit (STAGE_LIMIT_DAYS): the board marks it."""
    limit = STAGE_LIMIT_DAYS.get(row.stage)
    return limit is not None and row.stage_since is not None and (today - row.stage_since).days > limit


# --- checking ------------------------------------------------------------------------------------------


def _fields(project: Project) -> dict:
    names = (*TEXT_FIELDS, "organization_id", "contact_id", "planned_amount", "signed_amount", "stage",
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
