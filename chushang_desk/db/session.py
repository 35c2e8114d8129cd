"""Sessions of a profile's database, with the outbox hooks installed."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import outbox
from .engine import writer


class DeskSession(Session):
    """A Session whose every flush keeps the outbox and the search index (see outbox.py)."""

    def bulk_save_objects(self, objects, *args, **kwargs):
        objects = list(objects)
        for mapper in {type(o) for o in objects}:
            outbox.refuse_legacy_bulk(self, mapper)
        return super().bulk_save_objects(objects, *args, **kwargs)

    def bulk_insert_mappings(self, mapper, mappings, *args, **kwargs):
        outbox.refuse_legacy_bulk(self, mapper)
        return super().bulk_insert_mappings(mapper, mappings, *args, **kwargs)

    def bulk_update_mappings(self, mapper, mappings):
        outbox.refuse_legacy_bulk(self, mapper)
        return super().bulk_update_mappings(mapper, mappings)


outbox.install(DeskSession)


class SessionFactory:
    def __init__(self, engine: Engine, actor: str = ""):
        self.engine = engine
        self.actor = actor
        self._read = sessionmaker(engine, class_=DeskSession, expire_on_commit=False)
        self._write = sessionmaker(writer(engine), class_=DeskSession, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error."""
        with self._write() as session:
            session.info["actor"] = self.actor
            with session.begin():
                yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            with session.begin():
                yield session
