"""This profile's own settings (officer name, station, language), kept in the local database."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..models import LocalSetting

DEFAULTS = {"officer_name": "", "station": ""}


def get_setting(session: Session, key: str) -> str:
    row = session.get(LocalSetting, key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(LocalSetting, key)
    if row is None:
        session.add(LocalSetting(key=key, value=value))
    else:
        row.value = value


def all_settings(session: Session) -> dict[str, str]:
    stored = {row.key: row.value for row in session.query(LocalSetting)}
    return {**DEFAULTS, **stored}


def officer_name(session: Session) -> str:
    return get_setting(session, "officer_name")


def save_settings(session: Session, values: dict[str, str]) -> dict[str, str]:
    for key, value in values.items():
        set_setting(session, key, value)
    return all_settings(session)
