"""New/Edit event: its name and kind, the day it was held, where and by whom, and the work-list
categories it counts for (ticked; a kind suggests its own when the event is new)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QPlainTextEdit, QWidget

from ...services.events import EventDetail, save_event
from ..widgets.date_field import DateField
from ..widgets.form import fill_combo, ref_choices, select_code
from ..widgets.save_dialog import SaveDialog
from .labels import category_labels


class CategoryChecks(QWidget):
    """One check box per work-list category, in the work list's order."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for n, (code, label) in enumerate(category_labels().items()):
            box = QCheckBox(label)
            box.setObjectName(f"category:{code}")
            grid.addWidget(box, n // 3, n % 3)
            self.boxes[code] = box

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class EventDialog(SaveDialog):
    def __init__(self, ctx, detail: EventDetail | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.event_id = detail.event.id if detail else None
        self.setWindowTitle(self.tr("Edit event") if detail else self.tr("New event"))
        self.setMinimumWidth(560)
        self._build()
        if detail:
            self._fill(detail)
        else:
            select_code(self.station, ctx.station)
            self.kind.currentIndexChanged.connect(self._suggest_category)

    def _build(self) -> None:
        f, ctx = self.form, self.ctx
        self.name = f.add("name", self.tr("&Name"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. Beijing Chushang Spring Festival gathering"))
        self.kind = f.add("kind", self.tr("&Kind"), QComboBox())
        fill_combo(self.kind, ref_choices(ctx, "event_kind"), empty="")
        self.held_on = f.add("held_on", self.tr("&Held on"), DateField(date.today()))
        self.region = f.add("region", self.tr("&Region"), QLineEdit())
        self.region.setPlaceholderText(self.tr("Province, city or country"))
        self.place = f.add("place", self.tr("&Place"), QLineEdit())
        self.organizer = f.add("organizer", self.tr("&Organizer"), QLineEdit())
        self.categories = f.add("categories", self.tr("Counts &for"), CategoryChecks())
        self.station = f.add("station", self.tr("&Station"), QComboBox())
        fill_combo(self.station, ref_choices(ctx, "station"), empty="")
        self.notes = f.add("notes", self.tr("N&otes"), QPlainTextEdit())
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)

    def _fill(self, detail: EventDetail) -> None:
        e = detail.event
        self.name.setText(e.name)
        select_code(self.kind, e.kind)
        self.held_on.set_value(e.held_on)
        self.region.setText(e.region)
        self.place.setText(e.place)
        self.organizer.setText(e.organizer)
        self.categories.set_codes(e.categories)
        select_code(self.station, e.station)
        self.notes.setPlainText(detail.notes)

    def _suggest_category(self, _index: int) -> None:
        """A new event's kind ticks the category it usually counts for (a reunion: alumni)."""
        kind = next((i for i in self.ctx.ref_items("event_kind") if i.code == self.kind.currentData()), None)
        if kind is not None and kind.category in self.categories.boxes:
            self.categories.boxes[kind.category].setChecked(True)

    def data(self) -> dict:
        return dict(
            name=self.name.text(), kind=self.kind.currentData() or "",
            held_on=self.held_on.text(),  # as typed: the service reads it, or says what is wrong
            region=self.region.text(), place=self.place.text(), organizer=self.organizer.text(),
            categories=self.categories.codes(), station=self.station.currentData() or "",
            notes=self.notes.toPlainText(),
        )

    def save_call(self) -> tuple:
        return save_event, self.data(), self.event_id
