"""The targets dashboard's data (issue 11, item 4): the year's figures (services/targets.py), progress by
station and by month, in one read; and the records behind any figure, for the click-through. Every
number is a query over the records, counted under the same conditions as the figures and the bureau's
report (projects_reaching, arrivals_in, DIRECTORY_KINDS), so a figure and its list never disagree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AnnualTarget, Contact, Organization, ReferenceItem
from .events import CATEGORY_METRIC, events_in
from .targets import (
    DIRECTORY_KINDS, EVENT_METRICS, METRICS, NOT_RECORDED_YET, Flows, Period, TargetFigure, arrivals_in,
    directory_counts, end_moment, liaison_stations_where, new_chambers_where, on_file_at, period_of,
    projects_reaching, target_figures, year_flows,
)

# What the station chart and the month chart show: the flows the work list is judged on first.
STATION_METRICS = ("signed_projects", "landed_projects", "capital_arrived", "merchant_records")
MONTH_METRICS = ("signed_projects", "landed_projects", "capital_arrived")
RECORDS_SHOWN = 200  # the first rows of a long list (the directory's thousands): the total says the rest


@dataclass(frozen=True)
class StationProgress:
    """One station's actuals of the main metrics in the period, and its own targets for the year."""
    station: str  # a code of the station list ("" for records of no station)
    actuals: dict[str, Decimal]
    targets: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MonthProgress:
    """One month of the year: what was signed, landed and arrived in it, and the year so far."""
    month: int
    actuals: dict[str, Decimal]
    cumulative: dict[str, Decimal]


@dataclass(frozen=True)
class Dashboard:
    year: int
    period: Period
    station: str  # "" city-wide
    figures: list[TargetFigure]
    by_station: list[StationProgress]
    by_month: list[MonthProgress]


@dataclass(frozen=True)
class RecordBehind:
    """A row a figure counts: a project signed or landed, an instalment arrived, a contact on file, a
    chamber founded, an event held, a station."""
    kind: str  # project, arrival, contact, organization, event, station
    record_id: str
    name: str
    day: date | None
    amount: Decimal | None
    station: str
    detail: str = ""  # the investor, the contact's company, the instalment's notes, the event's place


@dataclass(frozen=True)
class RecordsBehind:
    metric: str
    period: Period
    station: str
    rows: list[RecordBehind]  # the first RECORDS_SHOWN (or `limit`) of them
    total: int  # how many the figure counts
    amount: Decimal | None = None  # the sum of the amounts of all of them, where they have one
    recorded: bool = True  # False: a figure whose records are not kept yet (events)


def dashboard(session: Session, year: int, period: str | None = None, station: str | None = None,
              today: date | None = None) -> Dashboard:
    """Everything the dashboard shows, in one read (the screen calls it off the GUI thread); the contacts
    are counted once, for the figures and the station chart alike."""
    span = period_of(year, period)
    station = station or ""
    directory, flows = directory_counts(session, span), year_flows(session, year)  # read once for all
    figures = target_figures(session, year, period, station or None, today, directory, flows)
    return Dashboard(year, span, station, figures, progress_by_station(session, span, directory, flows),
                     progress_by_month(session, year, station, flows))


# --- by station and by month -----------------------------------------------------------------------------

def _zero() -> dict[str, Decimal]:
    return {metric: Decimal("0") for metric in STATION_METRICS}


def progress_by_station(session: Session, span: Period, directory: dict[str, dict[str, int]] | None = None,
                        flows: Flows | None = None) -> list[StationProgress]:
    """Each station's actuals of STATION_METRICS in the period, in the station list's order, with its
    own targets; records of no station (or of a station no longer listed) get rows of their own.
    `directory` and `flows`: directory_counts and year_flows, when the caller has them already."""
    flows = (flows or year_flows(session, span.year)).within(span)
    counted: dict[str, dict[str, Decimal]] = defaultdict(_zero)
    for metric, rows in (("signed_projects", flows.signed), ("landed_projects", flows.landed)):
        for station, *_day in rows:
            counted[station][metric] += 1
    for station, _day, amount in flows.arrived:
        counted[station]["capital_arrived"] += amount or Decimal("0")
    for station, counts in (directory if directory is not None else directory_counts(session, span)).items():
        if counts["merchant_records"]:
            counted[station]["merchant_records"] += counts["merchant_records"]
    listed = list(session.scalars(select(ReferenceItem.code).where(
        ReferenceItem.list_name == "station", ReferenceItem.deleted_at.is_(None), ReferenceItem.active.is_(True))
        .order_by(ReferenceItem.sort_order, ReferenceItem.code)))
    targets = _station_targets(session, span.year)
    order = listed + sorted(code for code in counted if code not in listed)
    return [StationProgress(code, dict(counted[code]) if code in counted else _zero(), targets.get(code, {}))
            for code in order]


def _station_targets(session: Session, year: int) -> dict[str, dict[str, int]]:
    """Each station's own targets for the year (the last year it had any, carried forward)."""
    latest = (select(AnnualTarget.station, func.max(AnnualTarget.year).label("year"))
              .where(AnnualTarget.deleted_at.is_(None), AnnualTarget.station != "", AnnualTarget.year <= year)
              .group_by(AnnualTarget.station).subquery())
    rows = session.execute(select(AnnualTarget.station, AnnualTarget.metric, AnnualTarget.value).join(
        latest, (latest.c.station == AnnualTarget.station) & (latest.c.year == AnnualTarget.year))
        .where(AnnualTarget.deleted_at.is_(None)))
    targets: dict[str, dict[str, int]] = defaultdict(dict)
    for station, metric, value in rows:
        targets[station][metric] = value
    return dict(targets)


def progress_by_month(session: Session, year: int, station: str = "", flows: Flows | None = None
                      ) -> list[MonthProgress]:
    """Signed, landed and capital arrived in each month of the year (of one station, or the city's),
    and cumulated from January."""
    flows = flows or year_flows(session, year)
    if station:
        flows = flows.of_station(station)
    months = {m: {metric: Decimal("0") for metric in MONTH_METRICS} for m in range(1, 13)}
    for metric, rows in (("signed_projects", flows.signed), ("landed_projects", flows.landed)):
        for _station, day, *_amount in rows:
            months[day.month][metric] += 1
    for _station, day, amount in flows.arrived:
        months[day.month]["capital_arrived"] += amount or Decimal("0")
    running = {metric: Decimal("0") for metric in MONTH_METRICS}
    progress = []
    for month in range(1, 13):
        running = {metric: running[metric] + months[month][metric] for metric in MONTH_METRICS}
        progress.append(MonthProgress(month, months[month], running))
    return progress


# --- the records behind a figure -------------------------------------------------------------------------

def records_behind(session: Session, metric: str, year: int, period: str | None = None,
                   station: str | None = None, limit: int = RECORDS_SHOWN) -> RecordsBehind:
    """The rows a figure counts, for the metric in the period (of one station): all of them counted, the
    first `limit` listed. A figure whose records are not kept yet lists nothing and says so."""
    if metric not in METRICS:
        raise KeyError(metric)
    span = period_of(year, period)
    station = station or ""
    if metric in NOT_RECORDED_YET:
        return RecordsBehind(metric, span, station, [], 0, recorded=False)
    if metric in ("signed_projects", "landed_projects"):
        return _projects_behind(session, metric, span, station, limit)
    if metric == "capital_arrived":
        return _arrivals_behind(session, span, station, limit)
    if metric in DIRECTORY_KINDS:
        return _contacts_behind(session, metric, span, station, limit)
    if metric == "new_chambers":
        return _chambers_behind(session, span, station, limit)
    if metric in EVENT_METRICS:
        return _events_behind(session, metric, span, station, limit)
    return _stations_behind(session, span, station, limit)


def _investors(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Organization.id, Organization.name).where(Organization.id.in_(ids))).all())


def _projects_behind(session, metric, span, station, limit) -> RecordsBehind:
    stage = "signed" if metric == "signed_projects" else "landed"
    projects = projects_reaching(session, stage, span, station or None)
    shown = projects[:limit]
    investors = _investors(session, {p.organization_id for p in shown if p.organization_id})
    rows = [RecordBehind("project", p.id, p.name, getattr(p, f"{stage}_on"), p.signed_amount, p.station,
                         investors.get(p.organization_id, "")) for p in shown]
    amount = sum((p.signed_amount for p in projects if p.signed_amount is not None), Decimal("0.00"))
    return RecordsBehind(metric, span, station, rows, len(projects), amount)


def _arrivals_behind(session, span, station, limit) -> RecordsBehind:
    # All of them counted and summed from two columns; only the rows listed are read whole.
    flows = year_flows(session, span.year).within(span)
    arrived = flows.of_station(station).arrived if station else flows.arrived
    rows = [RecordBehind("arrival", a.id, p.name, a.arrived_on, a.amount, p.station, a.notes)
            for a, p in arrivals_in(session, span, station or None, limit)]
    amount = sum((a or Decimal("0") for _s, _d, a in arrived), Decimal("0"))
    return RecordsBehind("capital_arrived", span, station, rows, len(arrived), amount)


def _contacts_behind(session, metric, span, station, limit) -> RecordsBehind:
    kinds = [*DIRECTORY_KINDS[metric], *([Contact.station == station] if station else [])]
    total = session.scalar(select(func.count()).select_from(Contact).where(*on_file_at(span), *kinds)) or 0
    # The first in name order: on_file_at's two halves (live; deleted after the period) each walk the
    # (deleted_at, sort_key, id) index to `limit` rows, where its OR would sort every contact on file.
    end = end_moment(span)
    columns = (Contact.sort_key, Contact.id, Contact.name, Contact.created_at, Contact.station, Contact.company)
    found = []
    for on_file in (Contact.deleted_at.is_(None), Contact.deleted_at > end):
        found += session.execute(select(*columns).where(on_file, Contact.created_at <= end, *kinds)
                                 .order_by(Contact.sort_key, Contact.id).limit(limit)).all()
    found.sort(key=lambda row: (row[0] or "", row[1]))
    rows = [RecordBehind("contact", cid, name, created.date() if created else None, None, code, company or "")
            for _key, cid, name, created, code, company in found[:limit]]
    return RecordsBehind(metric, span, station, rows, total)


def _chambers_behind(session, span, station, limit) -> RecordsBehind:
    stmt = select(Organization).where(*new_chambers_where(span))
    if station:
        stmt = stmt.where(Organization.station == station)
    chambers = list(session.scalars(stmt.order_by(Organization.name)))
    rows = [RecordBehind("organization", o.id, o.name, o.founded_on or o.created_at.date(), None, o.station)
            for o in chambers[:limit]]
    return RecordsBehind("new_chambers", span, station, rows, len(chambers))


def _stations_behind(session, span, station, limit) -> RecordsBehind:
    items = list(session.scalars(select(ReferenceItem).where(*liaison_stations_where())
                                 .order_by(ReferenceItem.sort_order, ReferenceItem.code)))
    rows = [RecordBehind("station", i.id, i.name_zh, None, None, i.code, i.name_en) for i in items[:limit]]
    return RecordsBehind("liaison_stations", span, station, rows, len(items))


def _events_behind(session, metric, span, station, limit) -> RecordsBehind:
    category = next((c for c, m in CATEGORY_METRIC.items() if m == metric), None)  # None: all events
    events = events_in(session, span, station or None, category)
    rows = [RecordBehind("event", e.id, e.name, e.held_on, None, e.station,
                         " · ".join(filter(None, (e.region, e.place)))) for e in events[:limit]]
    return RecordsBehind(metric, span, station, rows, len(events))
