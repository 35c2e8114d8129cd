"""Create or edit a contact. A failed save keeps the dialog open with what was typed, and says what is
wrong next to each field, in the officer's language (messages come from the services)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from ...services.contacts import save_contact
from ...services.duplicates import PHONE_REASONS, possible_duplicates
from ...services.messages import ValidationFailed, render
from ...services.validation import display_phone
from ..context import AppContext
from ..errors import show_error
from ..widgets.date_field import DateField
from ..widgets.dialogs import EditingDialog
from ..widgets.form import FieldErrors, error_label

LINE_FIELDS = ("name", "native_county", "region", "city", "company", "title", "email", "wechat", "degree",
               "graduation_year", "talent_titles", "source", "ambassador_since", "ambassador_unit")
COMBO_FIELDS = {"station": "station", "industry": "industry", "native_prefecture": "prefecture",
                "university": "university"}


class ContactEditDialog(EditingDialog):
    saved = Signal(str)  # the contact's id, after the save committed

    def __init__(self, ctx: AppContext, contact: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id = contact["id"] if contact else None
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        self.setObjectName("contactEditDialog")
        self.fields: dict[str, QWidget] = {}
        # One line each, never wrapped: a wrapped label in a form row is given one line's height and clips.
        self.general_error = error_label("error_general", wrap=False)
        self.errors = FieldErrors(self.general_error)
        self._build()
        self._fill(contact or {"station": ctx.station})
        self._ambassador_toggled(self.is_ambassador.isChecked())

    # --- building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        for name in LINE_FIELDS:
            self.fields[name] = DateField() if name == "ambassador_since" else QLineEdit()
            self.fields[name].setObjectName(name)
        self.fields["graduation_year"].setPlaceholderText(self.tr("e.g. 1998"))
        self.fields["graduation_year"].setMaximumWidth(100)
        for name, list_name in COMBO_FIELDS.items():
            self.fields[name] = self._ref_combo(name, list_name)
        self.fields["university"].setEditable(True)  # universities outside the list are allowed
        self.fields["gender"] = QComboBox()
        for text, code in ((self.tr("—"), ""), (self.tr("Male"), "male"), (self.tr("Female"), "female")):
            self.fields["gender"].addItem(text, code)
        self.phones = QPlainTextEdit()
        self.phones.setObjectName("phones")
        self.phones.setPlaceholderText(self.tr("One number per line, or separated by ;\n"
                                               "Foreign numbers start with + and the country code"))
        self.phones.setTabChangesFocus(True)
        self.phones.setFixedHeight(64)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("Separated by commas"))
        self.kind_boxes = {k: QCheckBox(t) for k, t in (("merchant", self.tr("Merchant")), ("alumnus", self.tr("Alumnus")),
                                                        ("talent", self.tr("Talent")))}
        self.is_key = QCheckBox(self.tr("Key contact"))
        self.is_ambassador = QCheckBox(self.tr("Investment ambassador"))
        self.is_ambassador.toggled.connect(self._ambassador_toggled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.set_save_button(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _ref_combo(self, name: str, list_name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(self.tr("—"), "")
        for item in self.ctx.ref_items(list_name):
            box.addItem(item.name(self.ctx.lang), item.code)
        return box

    def _error_label(self, field: str) -> QLabel:
        return self.errors.line(field, f"error_{field}", wrap=False)

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        """The field with its error label right under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        return box

    def _row(self, *widgets: QWidget) -> QWidget:
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            line.addWidget(widget)
        line.addStretch(1)
        return box

    def _lay_out(self) -> None:
        f = self.fields
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Name *"), self._with_error("name", f["name"]))
        left.addRow(self.tr("Kinds *"), self._with_error("kinds", self._row(*self.kind_boxes.values())))
        left.addRow("", self._row(self.is_key, self.is_ambassador))
        left.addRow(self.tr("Ambassador since"), self._with_error("ambassador_since", f["ambassador_since"]))
        f["ambassador_since"].show_problems_in(self.errors["ambassador_since"])
        f["ambassador_unit"].setPlaceholderText(self.tr("e.g. 武汉市招商局"))
        left.addRow(self.tr("Appointed by"), self._with_error("ambassador_unit", f["ambassador_unit"]))
        left.addRow(self.tr("Company"), self._with_error("company", f["company"]))
        left.addRow(self.tr("Title"), self._with_error("title", f["title"]))
        left.addRow(self.tr("Industry"), f["industry"])
        left.addRow(self.tr("Gender"), f["gender"])
        left.addRow(self.tr("Station"), f["station"])
        left.addRow(self.tr("Source"), self._with_error("source", f["source"]))
        left.addRow(self.tr("Talent titles"), self._with_error("talent_titles", f["talent_titles"]))
        right.addRow(self.tr("Phones"), self._with_error("phones", self.phones))
        right.addRow(self.tr("E-mail"), self._with_error("email", f["email"]))
        right.addRow(self.tr("WeChat"), self._with_error("wechat", f["wechat"]))
        right.addRow(self.tr("Region"), self._with_error("region", f["region"]))
        right.addRow(self.tr("City"), self._with_error("city", f["city"]))
        right.addRow(self.tr("Native place"), self._row(f["native_prefecture"], f["native_county"]))
        f["native_county"].setPlaceholderText(self.tr("County"))
        right.addRow(self.tr("University"), f["university"])
        right.addRow(self.tr("Degree"), self._row(f["degree"], QLabel(self.tr("Graduation year")), f["graduation_year"]))
        right.addRow("", self.errors.get("graduation_year") or self._error_label("graduation_year"))
        right.addRow(self.tr("Tags"), self._with_error("tags", self.tags))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        notes = QFormLayout()
        notes.addRow(self.tr("Notes"), self._with_error("notes", self.notes))
        page = QVBoxLayout(self)
        page.addLayout(columns)
        page.addLayout(notes)
        page.addWidget(self.general_error)
        page.addWidget(self.buttons)
        self.setMinimumWidth(860)

    # --- values in and out ---------------------------------------------------------------------------------

    def _fill(self, c: dict) -> None:
        for name in LINE_FIELDS:
            value = c.get(name)
            self.fields[name].setText(value.isoformat() if hasattr(value, "isoformat") else str(value or ""))
        for name in (*COMBO_FIELDS, "gender"):
            self._choose(self.fields[name], c.get(name) or "")
        for kind, box in self.kind_boxes.items():
            box.setChecked(bool(c.get(f"is_{kind}")))
        self.is_key.setChecked(bool(c.get("is_key")))
        self.is_ambassador.setChecked(bool(c.get("is_ambassador")))
        self.phones.setPlainText("\n".join(display_phone(p) for p in c.get("phones") or []))
        self.tags.setText(", ".join(c.get("tags") or []))
        self.notes.setPlainText(c.get("notes") or "")

    def _choose(self, box: QComboBox, code: str) -> None:
        index = box.findData(code)
        if index < 0 and box.isEditable():
            box.setEditText(code)  # a university not in the list
        else:
            box.setCurrentIndex(max(0, index))

    def _combo_value(self, box: QComboBox) -> str:
        if box.isEditable():
            text = box.currentText().strip()
            index = box.findText(text, Qt.MatchFlag.MatchFixedString)
            return box.itemData(index) if index >= 0 else text
        return box.currentData() or ""

    def values(self) -> dict:
        data = {name: self.fields[name].text() for name in LINE_FIELDS}
        data.update({name: self._combo_value(self.fields[name]) for name in (*COMBO_FIELDS, "gender")})
        data.update({f"is_{k}": box.isChecked() for k, box in self.kind_boxes.items()})
        data.update(is_key=self.is_key.isChecked(), is_ambassador=self.is_ambassador.isChecked(),
                    phones=self.phones.toPlainText(), notes=self.notes.toPlainText(),
                    tags=[t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()])
        if not data["is_ambassador"]:
            data["ambassador_since"] = data["ambassador_unit"] = ""  # they belong to the ambassador flag
        return data

    def form_state(self) -> dict:
        return self.values()

    def discard_text(self) -> str:
        return self.tr("Discard what you typed for this contact?")

    def _ambassador_toggled(self, on: bool) -> None:
        self.fields["ambassador_since"].setEnabled(on)
        self.fields["ambassador_unit"].setEnabled(on)

    # --- saving --------------------------------------------------------------------------------------------

    def save(self) -> None:
        self.errors.hide_all()
        self.save_button.setEnabled(False)
        values = self.values()
        if self.contact_id is None:  # a new contact: is this person already in the directory?
            self.ctx.read(possible_duplicates, values, on_done=lambda found: self._checked(values, found),
                          on_error=self._failed)
        else:
            self._write(values)

    def _write(self, values: dict) -> None:
        self.save_button.setEnabled(False)
        self.ctx.write(save_contact, values, self.contact_id, on_done=self._saved, on_error=self._failed)

    def _checked(self, values: dict, found: list) -> None:
        if not found:
            self._write(values)
            return
        self.save_button.setEnabled(True)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Already in the directory?"),
                          self.tr("This person may already be in the directory:") + "\n\n"
                          + "\n".join("• " + self._duplicate_line(d) for d in found), parent=self)
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 420px; }")  # a long company on one line
        save_new = box.addButton(self.tr("Save as a new contact"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole))
        box.finished.connect(lambda _result: self._write(values) if box.clickedButton() is save_new else None)
        self.duplicate_box = box
        box.open()

    def _duplicate_line(self, duplicate) -> str:
        who = f"{duplicate.name}（{duplicate.company}）" if duplicate.company else duplicate.name
        detail = display_phone(duplicate.detail) if duplicate.reason in PHONE_REASONS else duplicate.detail
        why = render(f"duplicate_{duplicate.reason}", self.ctx.lang, detail=detail)  # the import's words too
        return f"{who}\n   {why}"

    def _saved(self, contact_id: str) -> None:
        self.contact_id = contact_id
        self.saved.emit(contact_id)
        self.accept()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationFailed):
            show_error(self, exc, details)
            return
        self.errors.show_messages({field: message.render(self.ctx.lang) for field, message in exc.errors.items()},
                                  self._widget_for)
        self.layout().activate()
        self.resize(self.size().expandedTo(self.minimumSizeHint()))  # room for the longest message

    def _widget_for(self, field: str) -> QWidget | None:
        if field == "phones":
            return self.phones
        if field == "kinds":
            return self.kind_boxes["merchant"]
        return self.fields.get(field)

