"""Tables the database keeps from the visits for the "today" view and the Follow-ups screen, by triggers
(so no writer, ORM flush, bulk insert or sync apply, can forget them); made by migration 0016.

- `contact_last_visit`: each contact's latest live visit day (a key contact not visited for N days);
- `visit_open_next_contact`: the live visits whose next-contact day is still open, i.e. none of their
  contacts was visited after them (services/agenda.py's rule). Reading that rule from the visits took
  3–10 s over 300,000 visits at every start; a change touches only the visits of the contacts involved.

A visit's or attendance row's change recomputes the latest day of the contacts involved, then whether
each of their visits (and the visit itself) is still open.

Migration 0016 makes the tables and triggers from this module as it stands: changing a statement here
needs a migration of its own that drops the old trigger and makes the new one (DROP TRIGGER IF EXISTS).
"""
from __future__ import annotations

from sqlalchemy import Column, Date, MetaData, String, Table

TABLES = ("contact_last_visit", "visit_open_next_contact")

CREATE = (
    "CREATE TABLE contact_last_visit (contact_id VARCHAR(36) NOT NULL PRIMARY KEY, visit_date DATE NOT NULL)",
    "CREATE TABLE visit_open_next_contact (visit_id VARCHAR(36) NOT NULL PRIMARY KEY, "
    "next_contact_date DATE NOT NULL)",
    "CREATE INDEX ix_visit_open_next_contact_day ON visit_open_next_contact (next_contact_date)",
)


def _latest_of(contacts: str) -> str:
    """The statements recomputing the latest visit day of the contacts the SELECT `contacts` gives."""
    return (f"DELETE FROM contact_last_visit WHERE contact_id IN ({contacts}); "
            "INSERT INTO contact_last_visit (contact_id, visit_date) "
            "SELECT vc.contact_id, max(v.visit_date) FROM visit_contact vc JOIN visit v ON v.id = vc.visit_id "
            f"WHERE vc.contact_id IN ({contacts}) AND +vc.deleted_at IS NULL AND +v.deleted_at IS NULL "
            "GROUP BY vc.contact_id; ")


# (The unary `+`s keep SQLite from walking a (deleted_at, …) index of every visit instead of reaching the
# few rows a trigger concerns by their keys: that made each attendee written cost a pass over the visits.)
OPEN = ("SELECT v.id, v.next_contact_date FROM visit v WHERE {where} AND +v.deleted_at IS NULL "
        "AND v.next_contact_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit_contact a "
        "JOIN contact_last_visit l ON l.contact_id = a.contact_id "
        "WHERE a.visit_id = v.id AND +a.deleted_at IS NULL AND l.visit_date > v.visit_date)")


def _open_of(visits: str) -> str:
    """The statements recomputing whether the visits the SELECT `visits` gives are still open."""
    return (f"DELETE FROM visit_open_next_contact WHERE visit_id IN ({visits}); "
            "INSERT INTO visit_open_next_contact (visit_id, next_contact_date) "
            + OPEN.format(where=f"v.id IN ({visits})") + "; ")


def _visits_of(contacts: str) -> str:
    return f"SELECT visit_id FROM visit_contact WHERE contact_id IN ({contacts})"


def _trigger(name: str, event: str, table: str, contacts: str, visits: str) -> str:
    return (f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN "
            + _latest_of(contacts) + _open_of(f"{_visits_of(contacts)} UNION SELECT {visits}") + "END")


def _visit_trigger(name: str, event: str, row: str) -> str:
    contacts = f"SELECT contact_id FROM visit_contact WHERE visit_id = {row}.id"
    return _trigger(name, event, "visit", contacts, f"{row}.id")


TRIGGERS = {
    "visit_derived_insert": _visit_trigger("visit_derived_insert", "INSERT", "NEW"),
    "visit_derived_update": _visit_trigger(
        "visit_derived_update", "UPDATE OF visit_date, next_contact_date, deleted_at", "NEW"),
    "visit_derived_delete": _visit_trigger("visit_derived_delete", "DELETE", "OLD"),
    "visit_contact_derived_insert": _trigger(
        "visit_contact_derived_insert", "INSERT", "visit_contact", "SELECT NEW.contact_id", "NEW.visit_id"),
    "visit_contact_derived_update": _trigger(
        "visit_contact_derived_update", "UPDATE OF contact_id, visit_id, deleted_at", "visit_contact",
        "SELECT OLD.contact_id UNION SELECT NEW.contact_id", "OLD.visit_id UNION SELECT NEW.visit_id"),
    "visit_contact_derived_delete": _trigger(
        "visit_contact_derived_delete", "DELETE", "visit_contact", "SELECT OLD.contact_id", "OLD.visit_id"),
}

# For queries (a metadata of their own: the migrations make them, not the models').
_metadata = MetaData()
contact_last_visit = Table("contact_last_visit", _metadata, Column("contact_id", String(36), primary_key=True),
                           Column("visit_date", Date, nullable=False))
visit_open_next_contact = Table("visit_open_next_contact", _metadata,
                                Column("visit_id", String(36), primary_key=True),
                                Column("next_contact_date", Date, nullable=False))

# The whole of both tables from the visits (the migration's first fill, and `rebuild`).
FILL = (
    "INSERT INTO contact_last_visit (contact_id, visit_date) SELECT vc.contact_id, max(v.visit_date) "
    "FROM visit_contact vc JOIN visit v ON v.id = vc.visit_id WHERE vc.deleted_at IS NULL AND v.deleted_at IS NULL "
    "GROUP BY vc.contact_id",
    "INSERT INTO visit_open_next_contact (visit_id, next_contact_date) " + OPEN.format(where="1"),
)


def rebuild(conn) -> None:
    """Both tables anew from the visits (a check of the triggers, and a repair)."""
    for table in TABLES:
        conn.exec_driver_sql(f"DELETE FROM {table}")
    for statement in FILL:
        conn.exec_driver_sql(statement)
