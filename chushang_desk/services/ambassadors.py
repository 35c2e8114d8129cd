"""Investment ambassadors (招商大使, 以商招商): the chain of what an ambassador referred and what it became,
and the ranking of a year's ambassadors for the yearly honours.

A chain follows people: a referred contact who is himself an ambassador has referrals of his own, shown
under the referral that brought him in. Referrals can loop (A brought in B, later B introduced A to a
project of his), so a contact already on the path is shown once more, marked, and not followed again.

The ranking credits each ambassador with his referrals of the year, the projects his referrals link to
that were signed in the year, and the capital arrived in the year on those projects; a project two of his
referrals point at counts once for him (de-duplicated by project, as every total of capital is).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..models import CapitalArrival, Contact, Organization, Project, Referral
from .referrals import STATUS_DAY

# The day a referral reached each status ("new": the referral's own day), as columns.
STATUS_DAYS = {status: getattr(Referral, day) for status, day in STATUS_DAY.items()}
MAX_DEPTH = 8  # levels of a chain; deeper ones are cut (and said so) — real chains are two or three deep
_CHUNK = 500  # ids per IN list (SQLite's host parameters are limited)


@dataclass
class ChainLink:
    """One referral in a chain and what it became; `referrals` are those the referred contact made."""

    referral_id: str
    referred_on: date
    status: str
    status_on: date | None  # the day it reached its status (the referral's own day for "new"; None: not recorded)
    days: int  # since the referral was made
    ambassador_id: str
    contact_id: str | None
    contact: str
    organization_id: str | None
    organization: str
    project_id: str | None
    project: str  # the linked project's name (or the free text of an old referral)
    project_stage: str  # "" when no project is linked
    station: str
    referrals: list[ChainLink] = field(default_factory=list)
    repeated: bool = False  # the referred contact is already on the path above: not followed again
    cut: bool = False  # MAX_DEPTH reached: his own referrals are not listed


@dataclass
class AmbassadorChain:
    ambassador_id: str
    name: str
    since: date | None
    unit: str  # who appointed him (聘任单位)
    referrals: list[ChainLink]

    def count(self) -> int:
        """Every referral in the chain, at every level."""
        def walk(links):
            return sum(1 + walk(link.referrals) for link in links)
        return walk(self.referrals)


def referral_chain(session: Session, ambassador_id: str, today: date | None = None,
                   max_depth: int = MAX_DEPTH) -> AmbassadorChain:
    """What the ambassador referred, oldest first, each with what the referred people referred in turn."""
    today = today or date.today()
    ambassador = session.get(Contact, ambassador_id)
    by_ambassador = _referrals_reachable(session, ambassador_id, today, max_depth)

    def links(of: str, path: frozenset[str], depth: int) -> list[ChainLink]:
        out = []
        for link in by_ambassador.get(of, []):
            link = _copy(link)  # the same referral can be reached twice (two paths): separate nodes
            who = link.contact_id
            if who and who in path:
                link.repeated = True
            elif who and who in by_ambassador:
                if depth >= max_depth:
                    link.cut = True
                else:
                    link.referrals = links(who, path | {who}, depth + 1)
            out.append(link)
        return out

    return AmbassadorChain(ambassador_id, ambassador.name if ambassador else "",
                           ambassador.ambassador_since if ambassador else None,
                           ambassador.ambassador_unit if ambassador else "",
                           links(ambassador_id, frozenset({ambassador_id}), 1))


def _copy(link: ChainLink) -> ChainLink:
    return ChainLink(**{**vars(link), "referrals": []})


def _referrals_reachable(session: Session, start: str, today: date, max_depth: int) -> dict[str, list[ChainLink]]:
    """Live referrals of the ambassador, of the contacts they referred, and so on, level by level (one
    query a level), grouped by who made them."""
    found: dict[str, list[ChainLink]] = {}
    frontier, seen = {start}, {start}
    for _level in range(max_depth + 1):  # one level more: a cut link still knows it has referrals
        if not frontier:
            break
        referred = set()
        for link in _links_of(session, sorted(frontier), today):
            found.setdefault(link.ambassador_id, []).append(link)
            if link.contact_id:
                referred.add(link.contact_id)
        frontier = referred - seen
        seen |= referred
    return found


def _links_of(session: Session, ambassador_ids: list[str], today: date) -> list[ChainLink]:
    referred = aliased(Contact)
    out = []
    for start in range(0, len(ambassador_ids), _CHUNK):
        stmt = (select(Referral.id, Referral.referred_on, Referral.status, *STATUS_DAYS.values(), Referral.ambassador_id,
                       Referral.referred_contact_id, referred.name, Referral.referred_organization_id,
                       Organization.name, Referral.project_id, Project.name, Project.stage, Referral.project_name,
                       Referral.station)
                .outerjoin(referred, referred.id == Referral.referred_contact_id)
                .outerjoin(Organization, Organization.id == Referral.referred_organization_id)
                .outerjoin(Project, Project.id == Referral.project_id)
                .where(Referral.deleted_at.is_(None), Referral.ambassador_id.in_(ambassador_ids[start:start + _CHUNK]))
                .order_by(Referral.referred_on, Referral.id))
        for row in session.execute(stmt):
            rid, on, status = row[:3]
            reached = dict(zip(STATUS_DAYS, row[3:3 + len(STATUS_DAYS)]))
            amb, cid, cname, oid, oname, pid, pname, stage, free_name, station = row[3 + len(STATUS_DAYS):]
            out.append(ChainLink(rid, on, status, reached.get(status), (today - on).days,
                                 amb, cid, cname or "", oid, oname or "", pid, pname or free_name or "", stage or "",
                                 station or ""))
    return out


# --- the ranking ------------------------------------------------------------------------------------------

@dataclass
class AmbassadorRank:
    rank: int  # equal figures share a rank (1, 1, 3)
    ambassador_id: str
    name: str
    unit: str
    station: str  # the ambassador's own station
    referrals: int  # made in the year
    signed_projects: int  # projects his referrals link to, signed in the year (each once)
    landed_projects: int  # the same, landed in the year
    capital_arrived: Decimal  # 万元, arrived in the year on those projects (each instalment once)


def ambassador_ranking(session: Session, year: int, station: str = "") -> list[AmbassadorRank]:
    """The year's ambassadors, best first: by signed projects, then capital arrived, then referrals.

    `station`: only referrals recorded by that station count (as ambassador_outcomes counts them).
    An ambassador is listed when a figure of his is above zero."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    stmt = (select(Referral.ambassador_id, Referral.referred_on, Project.id, Project.signed_on, Project.landed_on)
            .join(Contact, Contact.id == Referral.ambassador_id)
            .outerjoin(Project, (Project.id == Referral.project_id) & Project.deleted_at.is_(None))
            .where(Referral.deleted_at.is_(None), Contact.deleted_at.is_(None)))
    if station:
        stmt = stmt.where(Referral.station == station)
    referrals: dict[str, int] = {}
    projects: dict[str, set[str]] = {}  # ambassador -> his live linked projects (each once)
    signed: dict[str, set[str]] = {}
    landed: dict[str, set[str]] = {}
    for amb, on, project_id, signed_on, landed_on in session.execute(stmt):
        if start <= on <= end:
            referrals[amb] = referrals.get(amb, 0) + 1
        if project_id:  # a live linked project (a deleted one joins as None)
            projects.setdefault(amb, set()).add(project_id)
        if project_id and signed_on is not None and start <= signed_on <= end:
            signed.setdefault(amb, set()).add(project_id)
        if project_id and landed_on is not None and start <= landed_on <= end:
            landed.setdefault(amb, set()).add(project_id)
    arrived = _arrived_in(session, {p for ps in projects.values() for p in ps}, start, end)
    capital = {amb: sum((arrived.get(p, Decimal("0")) for p in ps), Decimal("0")) for amb, ps in projects.items()}
    listed = {a for a in set(referrals) | set(signed) | set(landed) | set(capital)
              if referrals.get(a) or signed.get(a) or landed.get(a) or capital.get(a)}
    people = _ambassadors(session, listed)
    rows = [AmbassadorRank(0, a, *people.get(a, ("", "", "", ""))[:3], referrals.get(a, 0), len(signed.get(a, ())),
                           len(landed.get(a, ())), capital.get(a, Decimal("0"))) for a in listed]
    sort_key = {a: person[3] for a, person in people.items()}
    rows.sort(key=lambda r: (-r.signed_projects, -r.capital_arrived, -r.referrals, -r.landed_projects,
                             sort_key.get(r.ambassador_id, ""), r.ambassador_id))
    previous = None
    for position, row in enumerate(rows, start=1):
        figures = (row.signed_projects, row.capital_arrived, row.referrals, row.landed_projects)
        row.rank = rows[position - 2].rank if figures == previous else position
        previous = figures
    return rows


def _arrived_in(session: Session, project_ids: set[str], start: date, end: date) -> dict[str, Decimal]:
    """Capital arrived per project within [start, end], each live instalment once."""
    ids = sorted(project_ids)
    totals: dict[str, Decimal] = {}
    for first in range(0, len(ids), _CHUNK):
        stmt = (select(CapitalArrival.project_id, CapitalArrival.amount)
                .where(CapitalArrival.deleted_at.is_(None), CapitalArrival.project_id.in_(ids[first:first + _CHUNK]),
                       CapitalArrival.arrived_on.between(start, end)))
        for project_id, amount in session.execute(stmt):
            totals[project_id] = totals.get(project_id, Decimal("0")) + (amount or Decimal("0"))
    return totals


def _ambassadors(session: Session, ids: set[str]) -> dict[str, tuple[str, str, str, str]]:
    """Name, appointing unit, station and pinyin sort key of each."""
    ordered = sorted(ids)
    out = {}
    for first in range(0, len(ordered), _CHUNK):
        stmt = (select(Contact.id, Contact.name, Contact.ambassador_unit, Contact.station, Contact.sort_key)
                .where(Contact.id.in_(ordered[first:first + _CHUNK])))
        out.update({i: (name, unit or "", station or "", key or "")
                    for i, name, unit, station, key in session.execute(stmt)})
    return out
