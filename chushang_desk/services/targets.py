"""The year's targets (reference data) against what the records say: every actual is a query over the
records, never a number typed in. The work list counts 楚商 projects (新签约楚商投资项目, 落地, 产业到资):
projects flagged is_chushang. A period (a quarter, a half, a month, or the year so far) counts what
happened in it; the directory's sizes are as they stood at its end. A figure under half of its pro-rata
share of the year's target is behind.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import AnnualTarget, CapitalArrival, Contact, Organization, Project, ReferenceItem
from .messages import Message, ValidationFailed

# The work list's items in the order the bureau reports them; those without records yet (events) are
# reported as not recorded rather than as zero.
METRICS = ("signed_projects", "landed_projects", "capital_arrived", "merchant_records", "merchant_key_records",
           "alumni_records", "alumni_key_records", "talent_records", "liaison_stations", "new_chambers",
           "events", "festival_events", "key_region_events", "overseas_events", "platform_events", "alumni_events")
NOT_RECORDED_YET = frozenset({"events", "festival_events", "key_region_events", "overseas_events",
                              "platform_events", "alumni_events"})
UNITS = {"signed_projects": "个", "landed_projects": "个", "capital_arrived": "万元", "liaison_stations": "个",
         "new_chambers": "个", **{m: "人" for m in METRICS if m.endswith("_records")},
         **{m: "场" for m in NOT_RECORDED_YET}}  # when no target says its unit
BEHIND_SHARE = Decimal("0.5")  # under half of the pro-rata share: marked
_PERIOD = re.compile(r"^(?:(Q[1-4])|(H[12])|M(0[1-9]|1[0-2]))$")


@dataclass(frozen=True)
class Period:
    year: int
    start: date
    end: date
    label: str  # "2025", "2025 Q1", "2025 H1", "2025 M03"


@dataclass(frozen=True)
class TargetFigure:
    metric: str
    target: int | None  # None: no target set for the year
    actual: Decimal | None  # None: not recorded yet
    unit: str
    share: Decimal  # the part of the year the period covers so far (the pro-rata share of the target)
    amount: Decimal | None = None  # signed projects: their signed amount (万元)
    target_year: int | None = None  # the year whose target it is: an earlier one's, carried forward

    @property
    def rate(self) -> Decimal | None:
        """Actual against the year's target (0.45 is 45 %)."""
        if self.target in (None, 0) or self.actual is None:
            return None
        return (self.actual / Decimal(self.target)).quantize(Decimal("0.0001"))

    @property
    def behind(self) -> bool:
        return (self.rate is not None and self.share > 0 and self.rate < BEHIND_SHARE * self.share)


def period_of(year: int, period: str | None = None) -> Period:
    """The days of a year or of a part of it: Q1-Q4, H1-H2, M01-M12; ValidationFailed otherwise."""
    if not 1900 <= year <= 2100:
        raise ValidationFailed({"year": Message("bad_year")})
    if not period:
        return Period(year, date(year, 1, 1), date(year, 12, 31), str(year))
    found = _PERIOD.match(period.strip().upper())
    if not found:
        raise ValidationFailed({"period": Message("bad_period", {"value": period})})
    quarter, half, month = found.groups()
    first, last = ((int(quarter[1]) - 1) * 3 + 1, int(quarter[1]) * 3) if quarter else (
        ((int(half[1]) - 1) * 6 + 1, int(half[1]) * 6) if half else (int(month), int(month)))
    return Period(year, date(year, first, 1), date(year, last, monthrange(year, last)[1]),
                  f"{year} {period.strip().upper()}")


def year_share(period: Period, today: date) -> Decimal:
    """The part of the year the period covers up to its end (or today, inside it): the pro-rata share
    of the year's target that what happened in the period is held against."""
    upto = min(period.end, today)
    if upto < period.start:
        return Decimal("0")
    days = Decimal((date(period.year, 12, 31) - date(period.year, 1, 1)).days + 1)
    return (Decimal((upto - period.start).days + 1) / days).quantize(Decimal("0.0001"))


def target_figures(session: Session, year: int, period: str | None = None, station: str | None = None,
                   today: date | None = None) -> list[TargetFigure]:
    """Every work-list item of the year: its target (city-wide) and what the records say for the period
    (of one station, when given). Flows (signed, landed, capital, new chambers) count within the period;
    the directory's sizes are counted as they stood at the period's end."""
    span = period_of(year, period)
    today = today or date.today()
    share = year_share(span, today)
    target_year = session.scalar(select(func.max(AnnualTarget.year)).where(
        AnnualTarget.year <= year, AnnualTarget.deleted_at.is_(None)))  # a year without its own: the last one's
    targets = {t.metric: t for t in session.scalars(select(AnnualTarget).where(
        AnnualTarget.year == target_year, AnnualTarget.deleted_at.is_(None)))}
    actuals = _actuals(session, span, station)
    figures = []
    for metric in METRICS:
        target = targets.get(metric)
        actual = None if metric in NOT_RECORDED_YET else actuals[metric]
        figures.append(TargetFigure(metric, target.value if target else None, actual,
                                    target.unit if target else UNITS.get(metric, ""), share,
                                    actuals["signed_amount"] if metric == "signed_projects" else None,
                                    target_year if target else None))
    return figures


def projects_reaching(session: Session, stage: str, span: Period, station: str | None = None) -> list[Project]:
    """The live 楚商 projects that reached `stage` (signed, landed) within the period, in that order: what
    the figure counts and the report lists."""
    day = getattr(Project, f"{stage}_on")
    stmt = select(Project).where(Project.deleted_at.is_(None), Project.is_chushang.is_(True), day >= span.start,
                                 day <= span.end)
    if station:
        stmt = stmt.where(Project.station == station)
    return list(session.scalars(stmt.order_by(day, Project.name)))


def arrivals_in(session: Session, span: Period, station: str | None = None) -> list[tuple[CapitalArrival, Project]]:
    """The capital of live 楚商 projects that arrived within the period, each instalment once, in order."""
    stmt = (select(CapitalArrival, Project).join(Project, Project.id == CapitalArrival.project_id)
            .where(CapitalArrival.deleted_at.is_(None), Project.deleted_at.is_(None), Project.is_chushang.is_(True),
                   CapitalArrival.arrived_on >= span.start, CapitalArrival.arrived_on <= span.end)
            .order_by(CapitalArrival.arrived_on, Project.name))
    if station:
        stmt = stmt.where(Project.station == station)
    return [(arrival, project) for arrival, project in session.execute(stmt)]


def _actuals(session: Session, span: Period, station: str | None) -> dict[str, Decimal]:
    end_moment = datetime.combine(span.end, time.max)
    start_moment = datetime.combine(span.start, time.min)
    signed_projects = projects_reaching(session, "signed", span, station)
    signed, landed = len(signed_projects), len(projects_reaching(session, "landed", span, station))
    # Summed here, as Decimal: SQLite would add them as floats.
    signed_amount = sum((p.signed_amount for p in signed_projects if p.signed_amount is not None), Decimal("0.00"))
    capital = sum((a.amount or Decimal("0") for a, _p in arrivals_in(session, span, station)), Decimal("0"))

    def contacts(*conditions) -> int:
        stmt = select(func.count()).select_from(Contact).where(  # on file at the end: deleted later counts
            or_(Contact.deleted_at.is_(None), Contact.deleted_at > end_moment), Contact.created_at <= end_moment,
            *conditions)
        return session.scalar(stmt.where(Contact.station == station) if station else stmt) or 0

    # New chambers: founded in the period, or recorded in it when their founding day is not known.
    chambers = select(func.count()).select_from(Organization).where(
        Organization.deleted_at.is_(None), Organization.kind == "chamber", or_(
            and_(Organization.founded_on.is_not(None), Organization.founded_on >= span.start,
                 Organization.founded_on <= span.end),
            and_(Organization.founded_on.is_(None), Organization.created_at >= start_moment,
                 Organization.created_at <= end_moment)))
    if station:
        chambers = chambers.where(Organization.station == station)
    stations = select(func.count()).select_from(ReferenceItem).where(
        ReferenceItem.list_name == "station", ReferenceItem.category == "domestic",
        ReferenceItem.active.is_(True), ReferenceItem.deleted_at.is_(None))
    return {
        "signed_projects": Decimal(signed), "signed_amount": signed_amount,
        "landed_projects": Decimal(landed), "capital_arrived": capital,
        "merchant_records": Decimal(contacts(Contact.is_merchant.is_(True))),
        "merchant_key_records": Decimal(contacts(Contact.is_merchant.is_(True), Contact.is_key.is_(True))),
        "alumni_records": Decimal(contacts(Contact.is_alumnus.is_(True))),
        "alumni_key_records": Decimal(contacts(Contact.is_alumnus.is_(True), Contact.is_key.is_(True))),
        "talent_records": Decimal(contacts(Contact.is_talent.is_(True))),
        "liaison_stations": Decimal(session.scalar(stations) or 0),
        "new_chambers": Decimal(session.scalar(chambers) or 0),
    }

