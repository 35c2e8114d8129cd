"""Demo data: a realistic, deterministic directory and visit history, for trying the app and for benches.

Same seed and same `today` give the same content and the same ids: ids are UUIDv7 built from a seeded
random generator instead of the clock, so two demo profiles compare row by row and a bench profile can be
rebuilt identically. Only the audit timestamps (created_at/updated_at) come from the clock.

Rows go in through db.bulk (Core speed, one outbox entry per row, contacts indexed for search), at most
`batch` rows per statement and one transaction per batch of contacts or visits, so memory stays bounded
for 100,000 contacts and 300,000 visits: only a small record per contact is kept between batches.
"""
from __future__ import annotations

import bisect
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Callable

from sqlalchemy.orm import Session

from ..db.bulk import bulk_insert
from ..db.search_index import name_syllables, optimize_search
from ..models import (
    Affiliation, CapitalArrival, Contact, Event, EventAttendee, FollowUp, Organization, Project, Referral, Visit,
    VisitContact, VisitOrganization,
)
from . import demo_words as W, settings
from .profile import Profile
from .reference import reference_list
from .validation import normalize_phone

BATCH = 5000
ID_EPOCH_MS = 1_735_689_600_000  # 2025-01-01T00:00Z: the clock part of demo ids (ordered, so inserts append)
HISTORY_DAYS = 3 * 365


class DemoDataExists(RuntimeError):
    """This profile already holds the demo data of this seed (its ids would collide)."""


class Weighted:
    """A weighted choice that costs one bisect per draw (random.choices rebuilds its table each call)."""

    def __init__(self, pairs):
        self.values = [v for v, _w in pairs]
        self.cum, total = [], 0.0
        for _v, w in pairs:
            total += w
            self.cum.append(total)

    def pick(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


class DemoIds:
    """UUIDv7 ids from a seeded generator: a fixed clock part that counts up, seeded random bits."""

    def __init__(self, seed: int):
        self._rng = random.Random(f"demo-ids-{seed}")
        self._n = 0
        self.first = self._format(0, random.Random(f"demo-ids-{seed}").getrandbits(62))

    @staticmethod
    def _format(n: int, rand: int) -> str:
        ms, seq = ID_EPOCH_MS + n // 4096, n % 4096
        return str(uuid.UUID(int=(ms << 80) | (0x7 << 76) | (seq << 64) | (0b10 << 62) | rand))

    def next(self) -> str:
        self._n += 1
        return self._format(self._n - 1, self._rng.getrandbits(62))


@dataclass(slots=True)
class Person:
    """What later phases (visits, referrals) need of a contact; kept for every contact, so it is small."""

    id: str
    name: str
    title: str
    station: str
    city: str
    company: str
    company_org: str | None
    industry: str
    is_key: bool
    scholar: bool  # a talent working at a university or lab rather than a company
    ambassador_since: date | None


@dataclass(slots=True)
class Company:
    id: str
    name: str
    industry: str
    station: str
    region: str
    city: str


def _reference_codes(session: Session) -> dict[str, list]:
    return {name: reference_list(session, name) for name in ("station", "industry", "university", "district",
                                                             "prefecture", "event_kind")}


def _weighted_tuple(pairs) -> Weighted:
    return Weighted([(v, w) for v, w in pairs])


class DemoWorld:
    """Draws every demo row from one seeded generator, in a fixed order (hence deterministic)."""

    def __init__(self, seed: int, refs: dict[str, list], today: date):
        self.rng = random.Random(seed)
        self.ids = DemoIds(seed)
        self.today = today
        self._read_references(refs)
        self.surnames = Weighted([(s, 1.0 / (i + 8)) for i, s in enumerate(W.SURNAMES)])
        self.modes = _weighted_tuple(W.VISIT_MODE_WEIGHTS)
        self.weighted = {name: _weighted_tuple(getattr(W, name)) for name in (
            "MERCHANT_TITLES", "STAFF_TITLES", "TALENT_TITLES", "TALENT_HONOURS", "DEGREES", "SOURCES",
            "COMPANY_SUFFIXES")}
        self.companies: list[Company] = []
        self.companies_by_city: dict[str, list[Company]] = {}
        self.chamber: dict[str, str] = {}  # city -> 湖北商会 id
        self.prefecture_chamber: dict[tuple[str, str], str] = {}  # (city, prefecture) -> id
        self.alumni_association: dict[tuple[str, str], str] = {}  # (university, city) -> id
        self.university_org: dict[str, str] = {}
        self.org_members: Counter = Counter()
        self.persons: list[Person] = []
        self.officers = self._officers(seed)
        # Events draw from a generator of their own, so adding them left every other demo row as it was.
        self.event_rng = random.Random(f"demo-events-{seed}")
        self.attended: dict[str, list[tuple[date, str]]] = {}  # contact id -> (day, event id) he came to
        self.station_events: dict[str, list[tuple[date, str]]] = {}  # station -> (day, event id), in order
        # Projects are made before the visits and referrals that link to them, with a generator of their own.
        self.link_rng = random.Random(f"demo-links-{seed}")
        self.project_rng = random.Random(f"demo-projects-{seed}")
        self.projects_of: dict[str, list[dict]] = {}  # contact id -> the projects he is the main contact of
        self.referred_projects: dict[str, list[dict]] = {}  # station -> projects a referral brought, not yet linked

    def _read_references(self, refs: dict[str, list]) -> None:
        """Draw codes from the profile's reference lists, so demo rows always name real list entries."""
        stations = [i.code for i in refs["station"] if i.code in W.STATION_WEIGHTS]
        self.stations = Weighted([(s, W.STATION_WEIGHTS[s]) for s in stations])
        self.cities = {s: Weighted([((r, c), w) for r, c, w in W.STATION_CITIES[s]]) for s in stations}
        self.industries = [i.code for i in refs["industry"]]
        self.industry_names = {i.code: i.name_zh for i in refs["industry"]}
        self.universities = {i.code: i.name_zh for i in refs["university"]}
        self.districts = [i.name_zh for i in refs["district"]]
        self.district_codes = [i.code for i in refs["district"]]
        self.prefectures = Weighted([(i.code, W.PREFECTURE_WEIGHTS.get(i.code, 3)) for i in refs["prefecture"]])
        self.prefecture_names = {i.code: i.name_zh for i in refs["prefecture"]}
        self.station_names = {i.code: i.name_zh for i in refs["station"]}
        self.event_kinds = {i.code: i for i in refs["event_kind"]}

    def _officers(self, seed: int) -> dict[str, list[str]]:
        """Five officers per station, drawn apart from the rest so they do not depend on sizes."""
        keep, self.rng = self.rng, random.Random(f"demo-officers-{seed}")
        officers = {s: [self.name(self.rng.choice(("male", "female"))) for _ in range(5)]
                    for s in self.stations.values}
        self.rng = keep
        return officers

    # ---- people -------------------------------------------------------------------------------------
    def name(self, gender: str) -> str:
        rng = self.rng
        surname = rng.choice(W.DOUBLE_SURNAMES) if rng.random() < 0.01 else self.surnames.pick(rng)
        chars = W.GIVEN_MALE if gender == "male" else W.GIVEN_FEMALE
        given = rng.choice(chars) if rng.random() < 0.35 else rng.choice(chars) + rng.choice(chars)
        return surname + given

    def mainland_mobile(self) -> str:
        return "+86" + self.rng.choice(W.MAINLAND_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def foreign_phone(self, country: str) -> str:
        """A number of the country's mobile plan; drawn again until phonenumbers calls it valid."""
        while True:
            number = normalize_phone(_FOREIGN_NUMBERS[country](self.rng), "CN")
            if number:
                return number

    def phones(self, region: str) -> list[str]:
        rng = self.rng
        country = W.REGION_PHONE.get(region)
        phones = [self.foreign_phone(country)] if country else [self.mainland_mobile()]
        if (country and rng.random() < 0.5) or rng.random() < 0.12:
            phones.append(self.mainland_mobile())
        return phones

    def email(self, name: str, company: Company | None, overseas: bool) -> str:
        rng = self.rng
        local = "".join(name_syllables(name)) + (str(rng.randint(1, 99)) if rng.random() < 0.4 else "")
        if company is not None and rng.random() < 0.5:
            domain = "".join(name_syllables(company.name[len(company.city):][:2])) + ".com"
        else:
            domain = rng.choice(W.OVERSEAS_MAIL if overseas else W.PUBLIC_MAIL)
        return f"{local}@{domain}"

    def wechat(self, name: str) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return "wxid_" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(10))
        return "".join(name_syllables(name)) + str(rng.randint(60, 99) if rng.random() < 0.5 else rng.randint(1, 9999))

    def contact_batch(self, n: int) -> dict[type, list[dict]]:
        """n contacts with their affiliations (rows keyed by model, in insert order)."""
        contacts, affiliations = [], []
        for _ in range(n):
            row, person, links = self._contact()
            contacts.append(row)
            affiliations.extend(links)
            self.persons.append(person)
        return {Contact: contacts, Affiliation: affiliations}

    def _kinds(self) -> tuple[bool, bool, bool]:
        rng = self.rng
        if rng.random() < 0.07:
            return rng.random() < 0.15, rng.random() < 0.4, True
        merchant, alumnus = rng.random() < 0.75, rng.random() < 0.4
        return merchant or not alumnus, alumnus, False

    def _contact(self) -> tuple[dict, Person, list[dict]]:
        rng = self.rng
        station = self.stations.pick(rng)
        region, city = self.cities[station].pick(rng)
        gender = "male" if rng.random() < 0.78 else "female"
        name = self.name(gender)
        merchant, alumnus, talent = self._kinds()
        is_key = rng.random() < (0.3 if talent else 0.09)
        since = self.today - timedelta(days=rng.randint(60, 5 * 365)) if merchant and rng.random() < 0.036 else None
        company, work = self._work(station, city, merchant, talent)
        university = self._university(alumnus, talent, work)
        prefecture = self.prefectures.pick(rng)
        row = dict(
            id=self.ids.next(), name=name, gender=gender, is_merchant=merchant, is_alumnus=alumnus,
            is_talent=talent, is_key=is_key, is_ambassador=since is not None, ambassador_since=since,
            native_prefecture=prefecture, native_county=self._county(prefecture), region=region, city=city,
            station=station, phones=self.phones(region), email=self.email(name, company, region in W.REGION_PHONE)
            if rng.random() < 0.8 else "", wechat=self.wechat(name) if rng.random() < 0.6 else "",
            university=university, source=self.weighted["SOURCES"].pick(rng),
            tags=rng.sample(W.TAGS, rng.randint(1, 2)) if rng.random() < 0.3 else [],
            notes=rng.choice(W.NOTES) if rng.random() < 0.15 else "", **work,
        )
        if alumnus:
            row.update(degree=self.weighted["DEGREES"].pick(rng), graduation_year=rng.randint(1982, 2020))
        if talent:
            row["talent_titles"] = self._honours(row["title"])
        person = Person(row["id"], name, row["title"], station, city, row["company"], company.id if company else None,
                        row["industry"], is_key, talent and not merchant, since)
        return row, person, self._affiliations(row, company, person)

    def _work(self, station: str, city: str, merchant: bool, talent: bool) -> tuple[Company | None, dict]:
        """Company, title and industry: a merchant runs a company, a talent works at a university or lab."""
        rng = self.rng
        if talent and not merchant:
            place = rng.choice(W.INSTITUTES + W.OTHER_UNIVERSITIES)  # 鄂籍人才 work outside Hubei
            return None, dict(company=place, title=self.weighted["TALENT_TITLES"].pick(rng),
                              industry=rng.choice(self.industries[:10] or self.industries))
        company = self._company_in(station, city)
        titles = self.weighted["MERCHANT_TITLES" if merchant else "STAFF_TITLES"]
        return company, dict(company=company.name, title=titles.pick(rng), industry=company.industry)

    def _company_in(self, station: str, city: str) -> Company:
        near = self.companies_by_city.get(city)
        if not near:
            near = [c for c in self.companies if c.station == station] or self.companies
        return self.rng.choice(near)

    def _university(self, alumnus: bool, talent: bool, work: dict) -> str:
        rng = self.rng
        if alumnus:
            return rng.choice(list(self.universities))
        return rng.choice(W.OTHER_UNIVERSITIES) if rng.random() < 0.2 else ""

    def _county(self, prefecture: str) -> str:
        counties = W.COUNTIES.get(prefecture)
        return self.rng.choice(counties) if counties and self.rng.random() < 0.7 else ""

    def _honours(self, title: str) -> str:
        if title == "院士":
            return self.rng.choice(("中国科学院院士", "中国工程院院士"))
        return self.weighted["TALENT_HONOURS"].pick(self.rng)

    # ---- organizations and affiliations ------------------------------------------------------------
    def fixed_organizations(self) -> list[dict]:
        """Universities, 湖北商会 per city (and some per native prefecture) and 校友会 per university and city."""
        rows = [self._org(name, "university", "", "", "", code=code) for code, name in self.universities.items()]
        for station in self.stations.values:
            for region, city, weight in W.STATION_CITIES[station]:
                rows.append(self._org(f"{city}湖北商会", "chamber", station, region, city))
                rows += self._city_associations(station, region, city, weight)
        return rows

    def company_organizations(self, n: int) -> list[dict]:
        """n more companies for the pool that contacts work at (about one per three contacts)."""
        return [self._company_org(self._new_company()) for _ in range(n)]

    def _city_associations(self, station: str, region: str, city: str, weight: int) -> list[dict]:
        rows = []
        if city in W.CHAMBER_CITIES:
            for code in W.CHAMBER_PREFECTURES:
                name = self.prefecture_names.get(code)
                if name:
                    rows.append(self._org(f"{city}{name}商会", "chamber", station, region, city, prefecture=code))
        if weight >= 10:
            for code, university in self.universities.items():
                rows.append(self._org(f"{university}{city}校友会", "alumni_association", station, region, city,
                                      code=code))
        return rows

    def _org(self, name: str, kind: str, station: str, region: str, city: str, code: str = "",
             prefecture: str = "") -> dict:
        rng, org_id = self.rng, self.ids.next()
        if kind == "university":
            self.university_org[code] = org_id
        elif kind == "alumni_association":
            self.alumni_association[(code, city)] = org_id
        elif prefecture:
            self.prefecture_chamber[(city, prefecture)] = org_id
        else:
            self.chamber[city] = org_id
        founded = date(rng.randint(2003, 2024), rng.randint(1, 12), rng.randint(1, 28))
        if kind == "chamber" and rng.random() < 0.08:
            founded = self.today - timedelta(days=rng.randint(30, 600))  # a new chamber: a yearly target
        return dict(id=org_id, name=name, kind=kind, region=region, city=city, station=station,
                    founded_on=founded if kind != "university" else None,
                    address=f"{city}{rng.choice(W.ROADS)}{rng.randint(1, 999)}号" if city else "")

    def _new_company(self) -> Company:
        rng = self.rng
        station = self.stations.pick(rng)
        region, city = self.cities[station].pick(rng)
        industry = rng.choice(self.industries)
        words = W.INDUSTRY_WORDS.get(industry, ("实业",))
        suffix = W.OVERSEAS_SUFFIXES.get(region) or self.weighted["COMPANY_SUFFIXES"].pick(rng)
        company = Company(self.ids.next(), f"{city}{rng.choice(W.BRANDS)}{rng.choice(words)}{suffix}", industry,
                          station, region, city)
        self.companies.append(company)
        self.companies_by_city.setdefault(city, []).append(company)
        return company

    def _company_org(self, c: Company) -> dict:
        return dict(id=c.id, name=c.name, kind="company", region=c.region, city=c.city, station=c.station,
                    industry=c.industry, founded_on=date(self.rng.randint(1995, 2024), self.rng.randint(1, 12), 1))

    def _affiliations(self, row: dict, company: Company | None, person: Person) -> list[dict]:
        """Chamber, prefecture chamber, alumni association, company and university memberships."""
        rng, city, links = self.rng, row["city"], []
        if row["is_merchant"] and city in self.chamber and rng.random() < 0.45:
            links.append(self._member(person, self.chamber[city], W.CHAMBER_ROLES))
        chamber = self.prefecture_chamber.get((city, row["native_prefecture"]))
        if row["is_merchant"] and chamber and rng.random() < 0.5:
            links.append(self._member(person, chamber, W.CHAMBER_ROLES))
        association = self.alumni_association.get((row["university"], city))
        if row["is_alumnus"] and association and rng.random() < 0.55:
            links.append(self._member(person, association, W.ALUMNI_ROLES))
        if company is not None and rng.random() < 0.7:
            links.append(self._link(person.id, company.id, row["title"]))
        university = self.university_org.get(row["university"])
        if row["is_talent"] and university and rng.random() < 0.5:
            links.append(self._link(person.id, university, "兼职教授"))  # alumni talents often hold one
        return links

    def _member(self, person: Person, org_id: str, roles: tuple[str, ...]) -> dict:
        """The first member leads; later key members take the remaining leading roles in order."""
        taken = self.org_members[org_id]
        role = "会员"
        if taken == 0 or (person.is_key and taken < len(roles)):
            role = roles[taken]
            self.org_members[org_id] += 1
        return self._link(person.id, org_id, role)

    def _link(self, contact_id: str, org_id: str, role: str) -> dict:
        since = self.today - timedelta(days=self.rng.randint(30, 15 * 365))
        return dict(id=self.ids.next(), contact_id=contact_id, organization_id=org_id, role=role, since=since)

    # ---- visits --------------------------------------------------------------------------------------
    def prepare_visits(self) -> None:
        """Key contacts are visited about four times as often; companions come from the same city."""
        self.visit_pick = Weighted([(i, 4 if p.is_key else 1) for i, p in enumerate(self.persons)])
        self.by_city: dict[str, list[int]] = {}
        for i, p in enumerate(self.persons):
            self.by_city.setdefault(p.city, []).append(i)

    def visit_batch(self, n: int) -> dict[type, list[dict]]:
        out = {Visit: [], VisitContact: [], VisitOrganization: [], FollowUp: []}
        for _ in range(n):
            self._visit(out)
        return out

    def _visit(self, out: dict) -> None:
        rng = self.rng
        person = self.persons[self.visit_pick.pick(rng)]
        mode = self.modes.pick(rng)
        day = self._visit_day()
        officers = rng.sample(self.officers[person.station], rng.choice((1, 1, 2)))
        words = self._words(person)
        row = dict(
            id=self.ids.next(), visit_date=day, station=person.station, officers=officers, mode=mode,
            place=self._place(mode, person, words), purpose=rng.choice(W.PURPOSES[mode]).format(**words),
            summary=self._summary(person, words, day),
            next_contact_date=day + timedelta(days=rng.randint(14, 120)) if rng.random() < 0.6 else None,
        )
        if rng.random() < (0.6 if mode == "inspection" else 0.25):
            row.update(self._intention(person, words))
        row["project_id"] = self._project_visited(person, day)
        row["event_id"] = self._event_before(self.attended.get(person.id), day, 60, 0.5)
        out[Visit].append(row)
        out[VisitContact] += [dict(id=self.ids.next(), visit_id=row["id"], contact_id=c)
                              for c in self._met(person)]
        out[VisitOrganization] += [dict(id=self.ids.next(), visit_id=row["id"], organization_id=o)
                                   for o in self._orgs_met(person, mode)]
        out[FollowUp] += [self._follow_up(row, words) for _ in range(rng.choice((0, 0, 0, 1, 1, 1, 2)))]

    def _visit_day(self) -> date:
        # Work grows year on year (more stations, more officers): recent days hold more visits.
        day = self.today - timedelta(days=int(HISTORY_DAYS * self.rng.random() ** 1.5))
        if day.weekday() >= 5 and self.rng.random() < 0.7:
            day -= timedelta(days=day.weekday() - 4)  # most weekend work moves to Friday
        return day

    def _words(self, person: Person) -> dict:
        rng = self.rng
        industry = self.industry_names.get(person.industry) or rng.choice(list(self.industry_names.values()))
        return dict(industry=industry, district=rng.choice(self.districts), city=person.city,
                    name=person.name, title=person.title)

    def _place(self, mode: str, person: Person, words: dict) -> str:
        if mode == "visit":
            return person.company or f"{person.city}{self.rng.choice(W.ROADS)}"
        return self.rng.choice(W.PLACES[mode]).format(**words)

    def _summary(self, person: Person, words: dict, day: date) -> str:
        rng = self.rng
        fill = dict(words, year=day.year - 1, revenue=rng.randint(1, 120), staff=rng.randint(20, 5000),
                    facility=rng.choice(W.FACILITIES), need=rng.choice(W.NEEDS), months=rng.randint(1, 6),
                    count=rng.randint(1, 5))
        phrases = rng.sample(W.SUMMARY_PHRASES, rng.randint(2, 3))
        return (W.SCHOLAR_INTRO if person.scholar else W.SUMMARY_INTRO).format(**fill) + "".join(p.format(**fill) for p in phrases)

    def _intention(self, person: Person, words: dict) -> dict:
        rng = self.rng
        amount = Decimal(rng.choice((500, 1000, 2000, 3000, 5000, 8000, 10000, 20000, 50000, 100000)))
        if rng.random() < 0.3:
            amount += Decimal(rng.randint(1, 99) * 50)
        note = f"拟在{words['district']}投资建设{words['industry']}{rng.choice(W.FACILITIES)}"
        return dict(intention_industry=person.industry, intention_amount=amount, intention_note=note)

    def _met(self, person: Person) -> list[str]:
        rng = self.rng
        ids = [person.id]
        same_city = self.by_city[person.city]
        for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 1, 2, 2))):
            other = self.persons[rng.choice(same_city)].id
            if other not in ids:
                ids.append(other)
        return ids

    def _orgs_met(self, person: Person, mode: str) -> list[str]:
        rng = self.rng
        if mode == "meeting" and person.city in self.chamber and rng.random() < 0.6:
            return [self.chamber[person.city]]
        if mode == "visit" and person.company_org and rng.random() < 0.2:
            return [person.company_org]
        return []

    def _follow_up(self, visit: dict, words: dict) -> dict:
        """Old follow-ups are mostly done; recent ones are open, some overdue, some due soon."""
        rng, day = self.rng, visit["visit_date"]
        due = day + timedelta(days=rng.randint(5, 45))
        age = (self.today - due).days
        done = rng.random() < (0.995 if age > 180 else 0.92 if age > 30 else 0.5 if age > 0 else 0.1)
        done_on = min(self.today, day + timedelta(days=rng.randint(1, (due - day).days + 10))) if done else None
        return dict(id=self.ids.next(), visit_id=visit["id"], task=rng.choice(W.FOLLOW_UP_TASKS).format(**words),
                    owner=rng.choice(visit["officers"]), due_date=due, done=done, done_on=done_on)

    # ---- referrals -----------------------------------------------------------------------------------
    def referrals(self) -> list[dict]:
        """Each ambassador brought in 0-5 leads since appointed; older leads have moved further along."""
        rows = []
        for person in self.persons:
            if person.ambassador_since is None:
                continue
            for _ in range(self.rng.choice((0, 1, 1, 2, 2, 3, 4, 5))):
                rows.append(self._referral(person))
        return rows

    def _referral(self, ambassador: Person) -> dict:
        rng = self.rng
        on = ambassador.ambassador_since + timedelta(
            days=rng.randint(0, max(0, (self.today - ambassador.ambassador_since).days)))
        row = dict(id=self.ids.next(), ambassador_id=ambassador.id, referred_on=on, station=ambassador.station,
                   status=self._referral_status((self.today - on).days), notes=rng.choice(W.REFERRAL_NOTES),
                   event_id=self._event_before(self.attended.get(ambassador.id), on, 180, 0.8))
        if row["status"] != "new":  # the day it reached its status
            row[f"{row['status']}_on"] = min(self.today, on + timedelta(days=self.link_rng.randint(3, 120)))
        target = rng.random()
        other = rng.choice(self.persons)
        if target < 0.55 and other.id != ambassador.id:
            row["referred_contact_id"] = other.id
        elif 0.55 <= target < 0.8 and self.companies:
            row["referred_organization_id"] = self._company_in(ambassador.station, ambassador.city).id
        has_target = "referred_contact_id" in row or "referred_organization_id" in row
        if not has_target or rng.random() < 0.5:  # a lead with no contact or company is a project
            self._refer_project(row)
        if "referred_contact_id" not in row and "referred_organization_id" not in row and "project_id" not in row:
            row["referred_contact_id"] = next(p.id for p in self.persons if p.id != ambassador.id)
        return row

    def _refer_project(self, row: dict) -> None:
        """The referral brought one of its station's projects of source "referral": on the day the project
        was recommended, and as far along as the project has come."""
        waiting = self.referred_projects.get(row["station"])
        if not waiting:
            return
        project = waiting.pop()
        row["project_id"], row["referred_on"] = project["id"], project["recommended_on"]
        status = {"tracking": "negotiating", "signed": "signed", "landed": "landed", "dropped": "dropped"}.get(
            project["stage"], row["status"])
        row["status"] = status
        if status != "new":  # (the project's day of that stage; negotiating: the day it was tracked)
            row[f"{status}_on"] = project.get(f"{project['stage']}_on") or project["recommended_on"]

    def _project_visited(self, person: Person, day: date) -> str | None:
        """One visit in three to a project's main contact after it began is about the project."""
        started = [p for p in self.projects_of.get(person.id, ()) if p["recommended_on"] <= day]
        return self.link_rng.choice(started)["id"] if started and self.link_rng.random() < 0.35 else None

    # ---- events ---------------------------------------------------------------------------------------
    def events(self) -> dict[type, list[dict]]:
        """About 30 events a year over the last three years (the work list asks for 25), each station's
        guests drawn from its own directory, three in four of them coming."""
        rows: dict[type, list[dict]] = {Event: [], EventAttendee: []}
        if not self.event_kinds or not self.persons:
            return rows
        by_station: dict[str, list[Person]] = {}
        for person in self.persons:
            by_station.setdefault(person.station, []).append(person)
        for year in range(self.today.year - 2, self.today.year + 1):
            for n in range(EVENTS_A_YEAR):
                day = date(year, 1, 8) + timedelta(days=n * 350 // EVENTS_A_YEAR + self.event_rng.randint(0, 9))
                if day > self.today:
                    break
                event = self._event(day, by_station)
                rows[Event].append(event)
                rows[EventAttendee] += self._guests(event, by_station.get(event["station"]) or self.persons)
        return rows

    def _event(self, day: date, by_station: dict[str, list[Person]]) -> dict:
        rng = self.event_rng
        kind = _EVENT_KINDS.pick(rng)
        kind = kind if kind in self.event_kinds else next(iter(self.event_kinds))
        overseas = [s for s in by_station if s in OVERSEAS_STATIONS]
        home = [s for s in by_station if s not in OVERSEAS_STATIONS] or list(by_station)
        station = rng.choice(overseas if kind == "overseas_drive" and overseas else home)
        region, city, _weight = rng.choice(W.STATION_CITIES.get(station, (("湖北", "武汉", 1),)))
        categories = {self.event_kinds[kind].category} - {""}
        if station in OVERSEAS_STATIONS:
            categories.add("overseas")
        elif station in KEY_REGION_STATIONS and rng.random() < 0.4:
            categories.add("key_region")
        if day.month in (1, 2, 9, 10) and kind in ("gathering", "tea_party", "reunion"):
            categories.add("festival")  # 春节, 中秋 and 国庆 gatherings
        station_name = self.station_names.get(station, "")
        row = dict(id=self.ids.next(), name=f"{day.year}年{city}{self.event_kinds[kind].name_zh}", kind=kind,
                   held_on=day, region=region, place=f"{city}{rng.choice(EVENT_VENUES)}", organizer=station_name,
                   categories=[c for c in ("festival", "key_region", "overseas", "platform", "alumni")
                               if c in categories], station=station)
        self.station_events.setdefault(station, []).append((day, row["id"]))
        return row

    def _guests(self, event: dict, people: list[Person]) -> list[dict]:
        rng = self.event_rng
        rows = []
        for person in rng.sample(people, min(len(people), rng.randint(8, 30))):
            came = rng.random() < 0.75
            rows.append(dict(id=self.ids.next(), event_id=event["id"], contact_id=person.id, invited=True,
                             attended=came))
            if came:
                self.attended.setdefault(person.id, []).append((event["held_on"], event["id"]))
        return rows

    def _event_before(self, held: list[tuple[date, str]] | None, day: date, within: int, chance: float) -> str | None:
        """The latest of these events held up to `within` days before `day`, with that chance, or None."""
        if not held:
            return None
        at = bisect.bisect_right(held, (day, "~")) - 1  # (events are listed in the order held)
        if at < 0 or (day - held[at][0]).days > within or self.event_rng.random() >= chance:
            return None
        return held[at][1]

    def _referral_status(self, age_days: int) -> str:
        return (_OLD_LEAD_STATUS if age_days > 365 else _NEW_LEAD_STATUS).pick(self.rng)

    def projects(self, n: int) -> dict[type, list[dict]]:
        """Projects over the last two years, further along the older they are, with the capital of the
        signed and landed ones arriving in instalments (some promised, not yet arrived)."""
        rows: dict[type, list[dict]] = {Project: [], CapitalArrival: []}
        for _ in range(n):
            project, arrivals = self._project()
            rows[Project].append(project)
            rows[CapitalArrival] += arrivals
            self.projects_of.setdefault(project["contact_id"], []).append(project)
            if project["source"] == "referral":
                self.referred_projects.setdefault(project["station"], []).append(project)
        return rows

    def _project(self) -> tuple[dict, list[dict]]:
        rng = self.project_rng
        investor = rng.choice(self.companies) if self.companies else None
        contact = rng.choice(self.persons)
        started = self.today - timedelta(days=rng.randint(0, 730))
        planned = Decimal(rng.choice((3000, 5000, 8000, 12000, 20000, 50000, 100000, 300000)))
        industry = investor.industry if investor and investor.industry in self.industry_names else rng.choice(
            self.industries)
        row = dict(id=self.ids.next(), name=f"{rng.choice(W.BRANDS)}{self.industry_names.get(industry, '')}"
                   f"{rng.choice(W.FACILITIES)}项目", organization_id=investor.id if investor else None,
                   contact_id=contact.id, industry=industry, planned_amount=planned,
                   district=rng.choice(self.district_codes) if self.district_codes else "",
                   station=contact.station, source=rng.choice(("visit", "referral", "event", "alumni", "visit")),
                   is_chushang=rng.random() < 0.9, is_alumni=rng.random() < 0.2, recommended_on=started,
                   stage="recommended", tracked_by=[rng.choice(self.officers.get(contact.station) or ["李明"])],
                   leading_official=rng.choice(("", "", "区委副书记", "副区长", "招商局局长")),
                   waiting_on=rng.sample(("funds", "land", "policy", "approval"), rng.choice((0, 0, 1, 2))))
        if row["source"] == "event":  # recommended at one of the station's events, signed there if at all
            row["event_id"] = self._event_before(self.station_events.get(contact.station), started, 365, 1.0)
        day, arrivals = started, []
        for stage, chance, most_days in (("tracking", 0.85, 60), ("signed", 0.6, 200), ("landed", 0.7, 240)):
            day = day + timedelta(days=rng.randint(5, most_days))
            if day > self.today or rng.random() > chance:
                break
            row["stage"], row[f"{stage}_on"] = stage, day
        if row["stage"] in ("recommended", "tracking") and rng.random() < 0.12:
            row["stage"], row["dropped_on"] = "dropped", min(self.today, day)
            row["dropped_reason"] = rng.choice(("投资方调整战略", "选址另有他处", "资金未落实", "用地条件不满足"))
        if row.get("signed_on"):
            row["signed_amount"] = (planned * Decimal(rng.choice(("0.6", "0.8", "1", "1", "1.2")))).quantize(
                Decimal("0.01"))
            paid_by = self.today if row["stage"] == "landed" else self.today - timedelta(days=30)
            for part in range(rng.choice((0, 1, 2, 3))):
                due = row["signed_on"] + timedelta(days=60 * (part + 1))
                amount = (row["signed_amount"] * Decimal(rng.choice(("0.1", "0.2", "0.3")))).quantize(Decimal("0.01"))
                arrived = due + timedelta(days=rng.randint(-10, 30)) if due <= paid_by else None
                arrivals.append(dict(id=self.ids.next(), project_id=row["id"], amount=amount, due_on=due,
                                     arrived_on=arrived if arrived is None or arrived <= self.today else None))
        return row, arrivals


EVENTS_A_YEAR = 30
OVERSEAS_STATIONS = frozenset({"jp_kr", "eu_us", "hk"})
KEY_REGION_STATIONS = frozenset({"jjj", "csj", "dwq"})  # 京津冀, 长三角, 大湾区: the work list's key regions
EVENT_VENUES = ("湖北大厦", "国际会议中心", "湖北商会会所", "喜来登酒店", "香格里拉大酒店", "校友之家")
_EVENT_KINDS = Weighted((("gathering", 6), ("tea_party", 2), ("reunion", 3), ("symposium", 3), ("promotion", 7),
                         ("congress", 1), ("alumni_drive", 2), ("overseas_drive", 4)))
_OLD_LEAD_STATUS = Weighted((("new", 5), ("contacted", 15), ("negotiating", 15), ("signed", 20), ("landed", 25),
                             ("dropped", 20)))
_NEW_LEAD_STATUS = Weighted((("new", 40), ("contacted", 30), ("negotiating", 18), ("signed", 6), ("landed", 1),
                             ("dropped", 5)))


def _jp(r):
    return "+81" + r.choice("789") + "0" + f"{r.randrange(10**8):08d}"


def _us(r):
    return "+1" + r.choice(W.US_AREA_CODES) + str(r.randint(2, 9)) + f"{r.randrange(10**6):06d}"


_FOREIGN_NUMBERS: dict[str, Callable[[random.Random], str]] = {
    "jp": _jp,
    "kr": lambda r: "+8210" + f"{r.randrange(10**8):08d}",
    "us": _us,
    "uk": lambda r: "+447" + r.choice("45789") + f"{r.randrange(10**8):08d}",
    "de": lambda r: "+4915" + r.choice("1279") + f"{r.randrange(10**8):08d}",
    "fr": lambda r: "+336" + f"{r.randrange(10**8):08d}",
    "hk": lambda r: "+852" + r.choice("569") + f"{r.randrange(10**7):07d}",
    "mo": lambda r: "+8536" + f"{r.randrange(10**7):07d}",
}


# ---- writing ---------------------------------------------------------------------------------------
def _insert_tables(session: Session, tables: dict[type, list[dict]], batch: int) -> dict[str, int]:
    """Insert each model's rows (parents first), at most `batch` rows per statement."""
    counts = {}
    for model, rows in tables.items():
        for start in range(0, len(rows), batch):
            bulk_insert(session, model, rows[start:start + batch])
        counts[model.__tablename__] = len(rows)
    return counts


def _holds(session: Session, org_id: str) -> bool:
    return session.get(Organization, org_id) is not None


class _Writer:
    """One transaction per call; counts what went in and reports progress."""

    def __init__(self, profile: Profile, batch: int, progress: Callable[[str], None] | None):
        self.profile, self.batch, self.progress = profile, batch, progress
        self.counts: Counter = Counter()

    def write(self, tables: dict[type, list[dict]], note: str = "") -> None:
        self.counts.update(self.profile.write(_insert_tables, tables, self.batch))
        if note and self.progress is not None:
            self.progress(note)


DEMO_STATION = "csj"  # the Yangtze River Delta station


def make_demo_data(profile: Profile, contacts: int = 2000, visits: int = 6000, seed: int = 1,
                   progress: Callable[[str], None] | None = None, today: date | None = None,
                   batch: int = BATCH) -> str:
    """Fill the profile with demo data; returns a one-line summary with counts and seconds."""
    started = time.perf_counter()
    world = DemoWorld(seed, profile.read(_reference_codes), today or date.today())
    if profile.read(_holds, world.ids.first):
        raise DemoDataExists(f"this profile already holds the demo data of seed {seed}; choose another seed")
    out = _Writer(profile, batch, progress)
    out.write({Organization: world.fixed_organizations()})
    companies = max(contacts // 3, 1)
    for start in range(0, companies, batch):
        n = min(batch, companies - start)
        out.write({Organization: world.company_organizations(n)}, f"companies {start + n:,}/{companies:,}")
    for start in range(0, contacts, batch):
        n = min(batch, contacts - start)
        out.write(world.contact_batch(n), f"contacts {start + n:,}/{contacts:,}")
    if world.persons:
        out.write(world.events(), "events")
        # one project per 20 contacts, and a small demo still has enough to show every stage
        out.write(world.projects(max(contacts // 20, min(contacts, 40))), "projects")
        world.prepare_visits()
        for start in range(0, visits, batch):
            n = min(batch, visits - start)
            out.write(world.visit_batch(n), f"visits {start + n:,}/{visits:,}")
        out.write({Referral: world.referrals()}, "referrals")
        profile.write(_demo_officer_settings, world.officers)
    profile.write(lambda session: optimize_search(session.connection()))
    return _summary(out.counts, seed, time.perf_counter() - started)


def _demo_officer_settings(session: Session, officers: dict[str, list[str]]) -> None:
    """A demo profile opens as one of its own officers (so "my follow-ups" has work in it),
    unless an officer was already set."""
    if settings.get_setting(session, "officer_name"):
        return
    station = DEMO_STATION if DEMO_STATION in officers else sorted(officers)[0]
    settings.save_settings(session, {"officer_name": officers[station][0], "station": station})


def _summary(counts: Counter, seed: int, seconds: float) -> str:
    c = counts
    return (f"demo data (seed {seed}): {c['contact']:,} contacts, {c['organization']:,} organizations, "
            f"{c['affiliation']:,} affiliations, {c['visit']:,} visits ({c['visit_contact']:,} contacts met, "
            f"{c['visit_organization']:,} organizations met, {c['follow_up']:,} follow-ups), "
            f"{c['referral']:,} referrals, {c['project']:,} projects ({c['capital_arrival']:,} capital arrivals), "
            f"{c['event']:,} events ({c['event_attendee']:,} invited) "
            f"in {seconds:.1f} s")
