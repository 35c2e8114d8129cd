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

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ..models import AnnualTarget, CapitalArrival, Contact, Organization, Project, ReferenceItem
from ..db.ids import seed_id
from ..db.outbox import utcnow
from .events import event_counts
from .messages import Message, ValidationFailed
from .records import save_changes
from .validation import clean_text

# The work list's items in the order the bureau reports them.
METRICS = ("signed_projects", "landed_projects", "capital_arrived", "merchant_records", "merchant_key_records",
           "alumni_records", "alumni_key_records", "talent_records", "liaison_stations", "new_chambers",
           "events", "festival_events", "key_region_events", "overseas_events", "platform_events", "alumni_events")
EVENT_METRICS = frozenset({"events", "festival_events", "key_region_events", "overseas_events",
                           "platform_events", "alumni_events"})  # counted by services/events.py
# Items whose records are not kept yet are reported as not recorded rather than as zero (the events were,
# until they became records): none today.
NOT_RECORDED_YET: frozenset[str] = frozenset()
UNITS = {"signed_projects": "个", "landed_projects": "个", "capital_arrived": "万元", "liaison_stations": "个",
         "new_chambers": "个", **{m: "人" for m in METRICS if m.endswith("_records")},
         **{m: "场" for m in EVENT_METRICS}}  # when no target says its unit
NEVER = datetime(9999, 12, 31)  # the deletion moment of a live row (on_file_at, live_in_one_pass)
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
                   today: date | None = None, directory: dict[str, dict[str, int]] | None = None,
                   flows: Flows | None = None) -> list[TargetFigure]:
    """Every work-list item of the year: its target (the city's, or the station's own when a station is
    asked: never the city's in its place) and what the records say for the period (of that station).
    Flows (signed, landed, capital, new chambers) count within the period; the directory's sizes are
    counted as they stood at the period's end. `directory` and `flows`: directory_counts of the period
    and year_flows of the year, when the caller has them already (the dashboard)."""
    span = period_of(year, period)
    today = today or date.today()
    share = year_share(span, today)
    targets, target_year = year_targets(session, year, station or "")
    actuals = _actuals(session, span, station, directory, flows)
    figures = []
    for metric in METRICS:
        target = targets.get(metric)
        actual = None if metric in NOT_RECORDED_YET else actuals[metric]
        figures.append(TargetFigure(metric, target.value if target else None, actual,
                                    target.unit if target else UNITS.get(metric, ""), share,
                                    actuals["signed_amount"] if metric == "signed_projects" else None,
                                    target_year if target else None))
    return figures


def year_targets(session: Session, year: int, station: str = "") -> tuple[dict[str, AnnualTarget], int | None]:
    """The targets that hold for the year, of the city (station "") or of one station, by metric, and the
    year they were set for: a year without targets of its own carries the last one's."""
    live = (AnnualTarget.deleted_at.is_(None), AnnualTarget.station == station)
    target_year = session.scalar(select(func.max(AnnualTarget.year)).where(AnnualTarget.year <= year, *live))
    if target_year is None:
        return {}, None
    return {t.metric: t for t in session.scalars(select(AnnualTarget).where(
        AnnualTarget.year == target_year, *live))}, target_year


def save_targets(session: Session, year: int, station: str, values: dict[str, object]) -> list[str]:
    """Set the year's targets of the city (station "") or of one station, as headquarters does: each
    metric's value a whole number >= 0, or None / "" to take the target away. Written as the year's own
    rows (a carried-forward year gets rows of its own) through save_changes, so they sync like any
    record. Returns the ids of the rows written."""
    if not 1900 <= year <= 2100:
        raise ValidationFailed({"year": Message("bad_year")})
    clean, errors = {}, {}
    for metric, value in values.items():
        if metric not in METRICS:
            errors[metric] = Message("unknown_code", {"value": metric})
            continue
        try:
            clean[metric] = _whole_target(value)
        except ValueError:
            errors[metric] = Message("bad_number", {"low": 0, "high": TARGET_MOST})
    if errors:
        raise ValidationFailed(errors)
    rows = {t.metric: t for t in session.scalars(select(AnnualTarget).where(  # tombstoned too: revived
        AnnualTarget.year == year, AnnualTarget.station == (station or "")))}
    written = []
    for metric, value in clean.items():
        row = rows.get(metric)
        if value is None:
            if row is not None and row.deleted_at is None:
                row.deleted_at = utcnow()
                written.append(row.id)
            continue
        if row is None:  # an id from the key, as the seed's: two laptops setting it offline make one row
            row = AnnualTarget(id=target_id(year, metric, station or ""), year=year, metric=metric,
                               station=station or "", unit=UNITS.get(metric, ""))
        elif row.deleted_at is not None:
            row.deleted_at = None
        written.append(save_changes(session, row, {"year": year, "metric": metric, "station": station or "",
                                                   "value": value, "unit": row.unit or UNITS.get(metric, "")}))
    return written


def target_id(year: int, metric: str, station: str) -> str:
    """The id of a year's target: the seed's for the city's, the same rule with the station for its own."""
    return seed_id("annual_target", year, metric, *([station] if station else []))


@dataclass(frozen=True)
class TargetSheet:
    """The targets an editor starts from: the year's own, or those carried from `from_year`."""
    year: int
    station: str
    values: dict[str, int | None]
    from_year: int | None  # None: no targets at all yet


def targets_of(session: Session, year: int, station: str = "") -> TargetSheet:
    targets, from_year = year_targets(session, year, station or "")
    return TargetSheet(year, station or "", {m: targets[m].value if m in targets else None for m in METRICS},
                       from_year)


TARGET_MOST = 10**12  # the record declaration's bound


def _whole_target(value: object) -> int | None:
    """A target as typed: "", None → no target; "200", 200, "1,000" → a whole number ≥ 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(value)
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise ValueError(value)
        value = int(value)
    if isinstance(value, str):
        text = clean_text(value).replace(",", "")  # full-width digits and commas folded
        if not text.isdigit() or not text.isascii():
            raise ValueError(value)
        value = int(text)
    if not isinstance(value, int) or not 0 <= value <= TARGET_MOST:
        raise ValueError(value)
    return value


def reaching_where(stage: str, span: Period) -> tuple:
    """Live 楚商 projects that reached `stage` (signed, landed) within the period: what the figure counts,
    the report lists and the dashboard's charts add up (one definition for all of them)."""
    day = getattr(Project, f"{stage}_on")
    return Project.deleted_at.is_(None), Project.is_chushang.is_(True), day >= span.start, day <= span.end


def arrived_where(span: Period) -> tuple:
    """Instalments of live 楚商 projects arrived within the period (joined to their project): read from
    the instalments, each project found by its id (not the projects' deleted_at index first)."""
    return (CapitalArrival.deleted_at.is_(None), live_in_one_pass(Project.deleted_at), Project.is_chushang.is_(True),
            CapitalArrival.arrived_on >= span.start, CapitalArrival.arrived_on <= span.end)


def live_in_one_pass(deleted_at) -> object:
    """"deleted_at IS NULL" written so that SQLite does not answer it through a (deleted_at, …) index and
    a lookup of each wide row it names: a plain pass over 33,000 organizations takes a quarter of that."""
    return func.coalesce(deleted_at, NEVER) == NEVER


def projects_reaching(session: Session, stage: str, span: Period, station: str | None = None) -> list[Project]:
    """The projects of reaching_where, in the order they reached the stage: what the report lists."""
    day = getattr(Project, f"{stage}_on")
    stmt = select(Project).where(*reaching_where(stage, span))
    if station:
        stmt = stmt.where(Project.station == station)
    return list(session.scalars(stmt.order_by(day, Project.name)))


def arrivals_in(session: Session, span: Period, station: str | None = None,
                limit: int | None = None) -> list[tuple[CapitalArrival, Project]]:
    """The capital of live 楚商 projects that arrived within the period, each instalment once, in order
    (the first `limit` of them, when given)."""
    stmt = (select(CapitalArrival, Project).join(Project, Project.id == CapitalArrival.project_id)
            .where(*arrived_where(span)).order_by(CapitalArrival.arrived_on, Project.name, CapitalArrival.id))
    if station:
        stmt = stmt.where(Project.station == station)
    return [(arrival, project) for arrival, project in session.execute(stmt.limit(limit))]


# What each directory figure counts, and the other counted records' conditions: shared with the
# dashboard's lists of the records behind a figure (services/dashboard.py), so both count the same rows.
DIRECTORY_KINDS = {
    "merchant_records": (Contact.is_merchant.is_(True),),
    "merchant_key_records": (Contact.is_merchant.is_(True), Contact.is_key.is_(True)),
    "alumni_records": (Contact.is_alumnus.is_(True),),
    "alumni_key_records": (Contact.is_alumnus.is_(True), Contact.is_key.is_(True)),
    "talent_records": (Contact.is_talent.is_(True),),
}


def end_moment(span: Period) -> datetime:
    return datetime.combine(span.end, time.max)


def on_file_at(span: Period) -> tuple:
    """Contacts on the directory at the period's end: recorded by then, and not deleted by then. One
    expression rather than "deleted_at IS NULL OR deleted_at > end": SQLite answers that OR through an
    index on deleted_at, fetching 100,000 wide rows one by one (~0.4 s, where a plain pass takes ~0.08 s)."""
    end = end_moment(span)
    return func.coalesce(Contact.deleted_at, NEVER) > end, Contact.created_at <= end


def new_chambers_where(span: Period) -> tuple:
    """Chambers founded in the period, or recorded in it when their founding day is not known."""
    start_moment, end_moment = datetime.combine(span.start, time.min), datetime.combine(span.end, time.max)
    return (live_in_one_pass(Organization.deleted_at), Organization.kind == "chamber", or_(
        and_(Organization.founded_on.is_not(None), Organization.founded_on >= span.start,
             Organization.founded_on <= span.end),
        and_(Organization.founded_on.is_(None), Organization.created_at >= start_moment,
             Organization.created_at <= end_moment)))


def liaison_stations_where() -> tuple:
    """The domestic liaison stations (联络站) in the reference list: what the work list counts."""
    return (ReferenceItem.list_name == "station", ReferenceItem.category == "domestic",
            ReferenceItem.active.is_(True), ReferenceItem.deleted_at.is_(None))


@dataclass(frozen=True)
class Flows:
    """A year's signings, landings and arrivals as the few columns the figures and charts add up:
    (station, day, signed amount) of each project reaching_where counts, (station, day, amount) of each
    instalment arrived_where counts. Read once, it serves the figures, the stations and the months."""
    signed: list[tuple[str, date, Decimal | None]]
    landed: list[tuple[str, date, Decimal | None]]
    arrived: list[tuple[str, date, Decimal]]

    def within(self, span: Period) -> Flows:
        def inside(rows):
            return [row for row in rows if span.start <= row[1] <= span.end]
        return Flows(inside(self.signed), inside(self.landed), inside(self.arrived))

    def of_station(self, station: str) -> Flows:
        def own(rows):
            return [row for row in rows if row[0] == station]
        return Flows(own(self.signed), own(self.landed), own(self.arrived))


def year_flows(session: Session, year: int) -> Flows:
    span = period_of(year)

    def days(stage: str) -> list[tuple[str, date, Decimal | None]]:
        stmt = select(Project.station, getattr(Project, f"{stage}_on"), Project.signed_amount)
        return [tuple(row) for row in session.execute(stmt.where(*reaching_where(stage, span)))]
    arrived = session.execute(select(Project.station, CapitalArrival.arrived_on, CapitalArrival.amount)
                              .join(Project, Project.id == CapitalArrival.project_id).where(*arrived_where(span)))
    return Flows(days("signed"), days("landed"), [tuple(row) for row in arrived])


def directory_counts(session: Session, span: Period) -> dict[str, dict[str, int]]:
    """station -> each directory figure's count at the period's end: one pass over the contacts (a table
    of wide rows; five counts would read it five times), which the dashboard shares with its station chart."""
    sums = [func.sum(case((and_(*kinds), 1), else_=0)).label(metric) for metric, kinds in DIRECTORY_KINDS.items()]
    stmt = select(Contact.station, *sums).where(*on_file_at(span)).group_by(Contact.station)
    return {row[0]: {metric: int(value or 0) for metric, value in zip(DIRECTORY_KINDS, row[1:])}
            for row in session.execute(stmt)}


def _actuals(session: Session, span: Period, station: str | None,
             directory: dict[str, dict[str, int]] | None = None, flows: Flows | None = None) -> dict[str, Decimal]:
    flows = (flows or year_flows(session, span.year)).within(span)
    if station:
        flows = flows.of_station(station)
    # Summed here, as Decimal: SQLite would add them as floats.
    signed_amount = sum((a for _s, _d, a in flows.signed if a is not None), Decimal("0.00"))
    capital = sum((a or Decimal("0") for _s, _d, a in flows.arrived), Decimal("0"))
    if directory is None:
        directory = directory_counts(session, span)
    counted = [directory.get(station, {})] if station else list(directory.values())
    chambers = select(func.count()).select_from(Organization).where(*new_chambers_where(span))
    if station:
        chambers = chambers.where(Organization.station == station)
    stations = select(func.count()).select_from(ReferenceItem).where(*liaison_stations_where())
    return {
        "signed_projects": Decimal(len(flows.signed)), "signed_amount": signed_amount,
        "landed_projects": Decimal(len(flows.landed)), "capital_arrived": capital,
        **{metric: Decimal(sum(c.get(metric, 0) for c in counted)) for metric in DIRECTORY_KINDS},
        "liaison_stations": Decimal(session.scalar(stations) or 0),
        "new_chambers": Decimal(session.scalar(chambers) or 0),
        **{metric: Decimal(count) for metric, count in event_counts(session, span, station).items()},
    }
