"""The shared lazy table model on its own: partial first pages, stale answers, vanished rows."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from chushang_desk.ui.widgets.lazy_table import ROW_ROLE, LazyRowsModel


@dataclass
class Row:
    id: str
    name: str


@dataclass
class Page:
    ids: list[str]
    rows: list[Row]


class QueuedContext:
    """ctx.read that keeps the calls until `run` (as the database thread answers later)."""

    profile = object()

    def __init__(self):
        self.calls = []

    def read(self, service, *args, on_done=None, **kwargs):
        self.calls.append(lambda: on_done(service(None, *args, **kwargs)))

    def run(self) -> None:
        calls, self.calls = self.calls, []
        for call in calls:
            call()


class NamesModel(LazyRowsModel):
    PAGE = 100

    def headers(self) -> list[str]:
        return ["Name", "Id"]

    def display(self, row, column: int) -> str:
        return row.name if column == 0 else row.id


GONE = {"id130"}  # deleted between listing the ids and fetching their rows


def fetch(_session, ids):
    return [Row(i, i.upper()) for i in reversed(ids) if i not in GONE]


def _model():
    ctx = QueuedContext()
    model = NamesModel(ctx, fetch)
    ids = [f"id{i}" for i in range(250)]
    model.set_page(Page(ids, [Row(i, i.upper()) for i in ids[:40]]))
    return ctx, model


def test_a_short_first_page_is_completed_when_its_later_rows_are_asked_for():
    ctx, model = _model()
    assert model.rowCount() == 250 and model.index(5, 0).data() == "ID5"
    assert model.row_at(60) is None and ctx.calls == []  # row_at does not fetch unless told to
    assert model.index(60, 0).data() == "…" and len(ctx.calls) == 1
    model.index(70, 0).data()
    assert len(ctx.calls) == 1, "one request per page"
    ctx.run()
    assert model.index(60, 0).data() == "ID60" and model.index(60, 0).data(ROW_ROLE) == Row("id60", "ID60")
    assert model.index(60, 1).data(Qt.ItemDataRole.UserRole) == "id60"


def test_answers_for_an_older_list_are_dropped_and_vanished_rows_stay_empty():
    ctx, model = _model()
    model.index(130, 0).data()
    model.set_page(Page([f"new{i}" for i in range(200)], []))
    ctx.run()  # skipped on the "database thread" and dropped here
    assert model.row_at(130) is None and model.index(130, 0).data() == "…"
    ctx.run()
    assert model.index(130, 0).data() == "NEW130"
    _ctx, model = _model()
    model.index(130, 0).data()
    _ctx.run()
    assert model.index(130, 0).data() is None and model.index(131, 0).data() == "ID131"
    assert _ctx.calls == [], "a vanished row is not asked for again"


def test_the_shared_model_passes_qmodeltester(qtmodeltester):
    ctx, model = _model()
    qtmodeltester.check(model)
    ctx.run()
    qtmodeltester.check(model)
    assert model.row_of("id249") == 249 and model.id_at(250) is None
