"""A form whose fields each carry their own error line, so a rejected save says what is wrong where."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget,
)

from .date_field import DateField
from .dialogs import return_focus_after
from .style import ERROR_STYLE


def error_label(name: str = "", wrap: bool = True) -> QLabel:
    """A hidden error line in ERROR_COLOUR, filled and shown when something is wrong."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(wrap)
    label.hide()
    return label


class FieldErrors(dict):
    """Each field's error line (key -> QLabel; several keys may share one) and a general line for what no
    field owns: the one way a refused save is shown, whatever the dialog's layout (FieldForm's rows, the
    contact and visit dialogs' columns). It keeps no reference to its dialog: a cycle of Qt wrappers would be
    freed by Python's collector on whatever thread it runs on."""

    def __init__(self, general: QLabel):
        super().__init__()
        self.general = general

    def line(self, key: str, name: str = "", wrap: bool = True) -> QLabel:
        """A new error line for this field (place it under the field)."""
        self[key] = error_label(name, wrap)
        return self[key]

    def hide_all(self) -> None:
        for label in (*self.values(), self.general):
            label.clear()
            label.hide()

    def show_messages(self, messages: dict[str, str], focus_of: Callable[[str], QWidget | None]) -> None:
        """messages: key -> text in the interface language. The first bad field (`focus_of(key)`, its
        widget) gets the focus."""
        self.hide_all()
        first = None
        for key, text in messages.items():
            label = self.get(key, self.general)
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            if first is None and key in self:
                first = focus_of(key)
        if first is not None:
            first.setFocus()

    def text(self, key: str) -> str:
        label = self.get(key)
        return label.text() if label is not None and label.isVisible() else ""


class FieldForm(QWidget):
    """QFormLayout rows of (label, field, hidden error line); `show_errors` fills the error lines."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = error_label("error:general")
        self.layout_.addRow(self.general_error)
        self.fields: dict[str, QWidget] = {}
        self.owner: dict[str, str] = {}  # error key -> the field it shows under
        self.errors = FieldErrors(self.general_error)

    def add(self, key: str, label: str, widget: QWidget, error_keys: tuple[str, ...] = ()) -> QWidget:
        """Add a row; errors for `key` (and for `error_keys`) show under the widget."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QComboBox):
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column.addWidget(widget)
        error = self.errors.line(key, f"error:{key}")
        column.addWidget(error)
        widget.setObjectName(key)
        if isinstance(widget, DateField):
            widget.show_problems_in(error)  # an impossible date is named as soon as the field is left
        self.layout_.addRow(label, box)
        self.fields[key] = widget
        for name in (key, *error_keys):
            self.errors[name] = error
            self.owner[name] = key
        return widget

    def clear_errors(self) -> None:
        self.errors.hide_all()

    def show_errors(self, errors: dict) -> None:
        """errors: field name -> services.messages.Message."""
        self.errors.show_messages({name: message.render(self.lang) for name, message in errors.items()},
                                  self._field_of)

    def _field_of(self, key: str) -> QWidget | None:
        return self.fields.get(self.owner.get(key, ""))

    def error_text(self, key: str) -> str:
        return self.errors.text(key)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText() if data is None else data
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget))


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], empty: str | None = None) -> None:
    """items: (code, label); `empty` adds a first entry with code '' (no choice / no filter)."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, "")
    for code, label in items:
        combo.addItem(label, code)


def refill_combo(combo: QComboBox, items: list[tuple[str, str]], empty: str | None = None) -> None:
    """fill_combo again (reference lists arrived or changed) keeping the choice, or the first entry when
    the chosen code is gone; signals are blocked, so the refill is not taken for the officer's choice."""
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    try:
        fill_combo(combo, items, empty)
        combo.setCurrentIndex(max(combo.findData(chosen or ""), 0))
    finally:
        combo.blockSignals(blocked)


def ref_choices(ctx, list_name: str) -> list[tuple[str, str]]:
    """(code, name in the interface language) of a reference list, as fill_combo takes them."""
    return [(item.code, item.name(ctx.lang)) for item in ctx.ref_items(list_name)]


def select_code(combo: QComboBox, code: str) -> None:
    index = combo.findData(code or "")
    if index < 0 and code:
        combo.addItem(code, code)  # a code no longer in the reference list still shows
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


def confirm(parent: QWidget, title: str, text: str, on_yes) -> QMessageBox:
    """Ask first (No is the default), without blocking; `on_yes` runs only when Yes is clicked."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.buttonClicked.connect(lambda button: on_yes() if box.standardButton(button) == yes else None)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return_focus_after(box)
    box.open()
    return box
