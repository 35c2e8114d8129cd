"""The "Log a visit" dialog (also used to edit a visit): made to be filled in with the keyboard alone.

Tab walks the fields in reading order, Ctrl+Enter saves, Esc cancels (asking first when something was
typed). The service checks everything; its messages appear under the fields they concern, and a failed
save keeps all that was typed.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton,
    QVBoxLayout, QWidget,
)

from ...services.messages import Message, ValidationFailed
from ...services.visits import contacts_for_ids, get_visit, save_visit
from ..errors import show_error
from ..i18n import current_language
from ..labels import mode_items
from ..widgets.date_field import DateField
from ..widgets.dialogs import EditingDialog
from ..widgets.form import FieldErrors, fill_combo, ref_choices, select_code
from ..widgets.picker import ContactPicker, EventPicker, OrganizationPicker, ProjectPicker
from ..widgets.style import ERROR_STYLE


def days_after(value, days: int) -> date | None:
    """A default date `days` after another field's date, or None while that field holds no date."""
    return value + timedelta(days=days) if isinstance(value, date) else None


class SummaryEdit(QPlainTextEdit):
    """The minutes (纪要): Tab moves on, and Ctrl+Enter saves the visit rather than starting a line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return False
        return super().event(event)


def ref_combo(items: list[tuple[str, str]], empty_text: str | None) -> QComboBox:
    """A combo box of (code, name) items, after an entry with code '' when `empty_text` is given."""
    combo = QComboBox()
    fill_combo(combo, items, empty_text)
    return combo


class FollowUpRowEditor(QFrame):
    """One follow-up: task, owner, due date, done, and a × button to remove it."""

    remove_requested = Signal(object)

    def __init__(self, owner: str, parent=None):
        super().__init__(parent)
        self.follow_up_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("Task"))
        self.owner = QLineEdit(owner)
        self.owner.setPlaceholderText(self.tr("Owner"))
        self.owner.setMaximumWidth(110)
        self.due = DateField(date.today() + timedelta(days=7), default=lambda: date.today() + timedelta(days=7))
        self.due.setToolTip(self.tr("Due date (Ctrl+Delete leaves it empty)"))
        self.done = QCheckBox(self.tr("Done"))
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setToolTip(self.tr("Remove this follow-up"))
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        for widget, stretch in ((self.task, 3), (self.owner, 1), (self.due, 0), (self.done, 0),
                                (self.remove_button, 0)):
            layout.addWidget(widget, stretch)

    def value(self) -> dict:
        return dict(id=self.follow_up_id, task=self.task.text(), owner=self.owner.text(),
                    due_date=self.due.value(), done=self.done.isChecked())

    def set_value(self, item: dict) -> None:
        self.follow_up_id = item.get("id")
        self.task.setText(item.get("task", ""))
        self.owner.setText(item.get("owner", ""))
        self.due.set_value(item.get("due_date"))
        self.done.setChecked(bool(item.get("done")))


class FollowUpsEditor(QWidget):
    """The visit's follow-ups: rows added with "Add follow-up" (Alt+A) and removed with their × button."""

    date_problem_changed = Signal(str)  # what is wrong with the first bad due date, "" when none is

    def __init__(self, default_owner, parent=None):
        super().__init__(parent)
        self._default_owner = default_owner
        self.rows: list[FollowUpRowEditor] = []
        self.before: QWidget | None = None  # the widgets Tab comes from and goes to
        self.after: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(4)
        layout.addLayout(self.rows_layout)
        self.add_button = QPushButton(self.tr("&Add follow-up"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, item: dict | None = None, focus: bool = False) -> FollowUpRowEditor:
        row = FollowUpRowEditor(self._default_owner())
        if item:
            row.set_value(item)
        row.remove_requested.connect(self.remove_row)
        row.due.problem_changed.connect(self._due_checked)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self._chain()
        if focus:
            row.task.setFocus()
        return row

    def remove_row(self, row: FollowUpRowEditor) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._chain()
        self._due_checked()
        following = self.rows[min(index, len(self.rows) - 1)].task if self.rows else self.add_button
        following.setFocus()

    def date_problem(self) -> str:
        """"Follow-up 2, due date: No such date: …" for the first row whose due date the field refused."""
        for number, row in enumerate(self.rows, start=1):
            if row.due.shown_problem():
                problem = row.due.problem()
                if problem is not None:
                    return Message("follow_up_date", {"row": number, "problem": problem}).render(current_language())
        return ""

    def _due_checked(self, *_args) -> None:
        self.date_problem_changed.emit(self.date_problem())

    def _chain(self) -> None:
        """Tab goes from `before` through the rows in order, then to the Add button, then to `after`."""
        chain = [self.before] if self.before is not None else []
        for row in self.rows:
            chain += [row.task, row.owner, row.due, row.done, row.remove_button]
        chain.append(self.add_button)
        if self.after is not None:
            chain.append(self.after)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def first_widget(self) -> QWidget:
        return self.rows[0].task if self.rows else self.add_button

    def value(self) -> list[dict]:
        return [row.value() for row in self.rows]

    def set_value(self, items: list[dict]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for item in items:
            self.add_row(item)


class LogVisitDialog(EditingDialog):
    """Log a new visit (visit_id None) or edit one."""

    saved = Signal(str)  # the visit's id

    def __init__(self, ctx, visit_id: str | None = None, contact_ids=(), parent=None):
        super().__init__(parent)
        self.ctx, self.visit_id = ctx, visit_id
        self._saving = False
        self.setWindowTitle(self.tr("Edit visit") if visit_id else self.tr("Log a visit"))
        self.setModal(True)
        # What no field owns, and the busy text, show beside the buttons.
        self.status = QLabel()
        self.status.setStyleSheet(ERROR_STYLE)
        self.errors = FieldErrors(self.status)
        self._build()
        self.mark_clean()
        if visit_id:
            self._set_busy(True, self.tr("Loading…"))
            ctx.read(get_visit, visit_id, on_done=self.set_visit, on_error=self._load_failed)
        elif contact_ids:
            ctx.read(contacts_for_ids, list(contact_ids), on_done=self._prefill_contacts)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        ctx = self.ctx
        self.visit_date = DateField(date.today())
        self.mode = ref_combo(mode_items(), None)
        self.station = ref_combo(ref_choices(ctx, "station"), "—")
        select_code(self.station, ctx.station)
        self.officers = QLineEdit(ctx.officer)
        self.officers.setPlaceholderText(self.tr("Names, separated by commas"))
        self.contacts = ContactPicker(ctx)
        self.organizations = OrganizationPicker(ctx)
        self.place = QLineEdit()
        self.purpose = QLineEdit()
        self.summary = SummaryEdit()
        self.summary.setPlaceholderText(self.tr("What was discussed (纪要)"))
        self.summary.setMinimumHeight(150)
        self.industry = ref_combo(ref_choices(ctx, "industry"), "—")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 5000"))
        self.amount.setMaximumWidth(120)
        self.amount_unit = QLabel(self.tr("10k yuan (万元)"))
        self.intention_note = QLineEdit()
        self.intention_note.setPlaceholderText(self.tr("Site, timing, what is still open…"))
        self.project = ProjectPicker(ctx, placeholder=self.tr("The project the visit was about, if any"))
        self.event_field = EventPicker(ctx, placeholder=self.tr("The event it followed, if any"))
        self.follow_ups = FollowUpsEditor(self._default_owner)
        self.next_contact = DateField(default=lambda: days_after(self.visit_date.value(), 30))
        self.next_contact.setToolTip(self.tr("Optional; Ctrl+Delete empties it"))

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(left, self.tr("&Date"), self.visit_date, "visit_date")
        self._row(left, self.tr("&Mode"), self.mode, "mode")
        self._row(left, self.tr("S&tation"), self.station, "station")
        self._row(left, self.tr("O&fficers"), self.officers, "officers")
        self._row(left, self.tr("&Contacts met"), self.contacts, "contacts")
        self._row(left, self.tr("O&rganizations"), self.organizations, "organizations")
        self._row(left, self.tr("&Place"), self.place, "place")
        self._row(left, self.tr("P&urpose"), self.purpose, "purpose")
        intention = QHBoxLayout()
        intention.addWidget(self.industry, 2)
        intention.addWidget(self.amount, 1)
        intention.addWidget(self.amount_unit)
        self._row(left, self.tr("&Investment\nintention"), intention, "intention_industry",
                  buddy=self.industry, extra_errors=("intention_amount",))
        self._row(left, self.tr("Intention n&ote"), self.intention_note, "intention_note")
        self._row(left, self.tr("Pro&ject"), self.project, "project_id")
        self._row(left, self.tr("After e&vent"), self.event_field, "event_id")
        self._row(left, self.tr("&Next contact"), self.next_contact, "next_contact_date")

        right = QVBoxLayout()
        summary_label = QLabel(self.tr("&Summary"))
        summary_label.setBuddy(self.summary)
        right.addWidget(summary_label)
        right.addWidget(self.summary, 1)
        right.addWidget(self.errors.line("summary"))
        follow_label = QLabel(self.tr("&Follow-ups (task, owner, due date)"))
        follow_label.setBuddy(self.follow_ups.add_button)
        right.addWidget(follow_label)
        right.addWidget(self.follow_ups)
        right.addWidget(self.errors.line("follow_ups"))

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addSpacing(16)
        columns.addLayout(right, 6)

        self.set_save_button(QPushButton(self.tr("Save")))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"))
        hint.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(hint)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        self.visit_date.show_problems_in(self.errors["visit_date"])
        self.next_contact.show_problems_in(self.errors["next_contact_date"])
        self.follow_ups.date_problem_changed.connect(self._show_follow_up_date_problem)

        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addLayout(buttons)
        self._tab_order()
        self.resize(1060, 620)
        self.visit_date.setFocus()

    def _row(self, form: QFormLayout, label: str, field, key: str, buddy=None, extra_errors=()) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addLayout(field) if isinstance(field, QHBoxLayout) else box.addWidget(field)
        for name in (key, *extra_errors):
            box.addWidget(self.errors.line(name))
        caption = QLabel(label)
        caption.setBuddy(buddy or field)
        form.addRow(caption, box)

    def _show_follow_up_date_problem(self, text: str) -> None:
        self.errors["follow_ups"].setText(text)
        self.errors["follow_ups"].setVisible(bool(text))

    def _tab_order(self) -> None:
        chain = [self.visit_date, self.mode, self.station, self.officers, self.contacts.edit,
                 self.organizations.edit, self.place, self.purpose, self.industry, self.amount,
                 self.intention_note, self.project.edit, self.event_field.edit, self.next_contact, self.summary,
                 self.follow_ups.add_button,
                 self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.follow_ups.before, self.follow_ups.after = self.summary, self.save_button
        self.follow_ups._chain()

    def _default_owner(self) -> str:
        officers = [o.strip() for o in self.officers.text().replace("，", ",").split(",") if o.strip()]
        return self.ctx.officer or (officers[0] if officers else "")

    # ------------------------------------------------------------------ data
    def value(self) -> dict:
        """What the form holds, as save_visit takes it."""
        return dict(
            visit_date=self.visit_date.value(), mode=self.mode.currentData(), station=self.station.currentData(),
            officers=self.officers.text(), contact_ids=self.contacts.ids(),
            organization_ids=self.organizations.ids(), place=self.place.text(), purpose=self.purpose.text(),
            summary=self.summary.toPlainText(), intention_industry=self.industry.currentData(),
            intention_amount=self.amount.text(), intention_note=self.intention_note.text(),
            follow_ups=[f for f in self.follow_ups.value() if f["task"].strip() or f["id"]],
            next_contact_date=self.next_contact.value(), project_id=self.project.choice_id,
            event_id=self.event_field.choice_id,
        )

    def set_visit(self, visit: dict) -> None:
        self.visit_date.set_value(visit["visit_date"])
        select_code(self.mode, visit["mode"])
        select_code(self.station, visit["station"])
        self.officers.setText(", ".join(visit["officers"]))
        self.contacts.set_items(visit["contacts"])
        self.organizations.set_items(visit["organizations"])
        self.place.setText(visit["place"])
        self.purpose.setText(visit["purpose"])
        self.summary.setPlainText(visit["summary"])
        select_code(self.industry, visit["intention_industry"])
        amount = visit["intention_amount"]
        self.amount.setText("" if amount is None else format(amount.normalize(), "f"))
        self.intention_note.setText(visit["intention_note"])
        self.project.set_choice(visit.get("project_id") or "", visit.get("project") or "")
        self.event_field.set_choice(visit.get("event_id") or "", visit.get("event") or "")
        self.follow_ups.set_value(visit["follow_ups"])
        self.next_contact.set_value(visit["next_contact_date"])
        self.mark_clean()
        self._set_busy(False)

    def _prefill_contacts(self, items: list[dict]) -> None:
        typed = self.is_dirty()  # typed before the contacts arrived: still asked about
        for item in items:
            self.contacts.add_item(item)
        if not typed:
            self.mark_clean()

    def _load_failed(self, exc, details) -> None:
        self._set_busy(False)
        show_error(self, exc, details)
        self.save_button.setEnabled(False)

    def form_state(self) -> dict:
        # A name being typed in a picker counts too: typed, not yet chosen.
        return dict(self.value(), contacts_typed=self.contacts.edit.text(),
                    organizations_typed=self.organizations.edit.text(), project_typed=self.project.edit.text(),
                    event_typed=self.event_field.edit.text())

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        if self._saving or not self.save_button.isEnabled():
            return
        self._set_busy(True, self.tr("Saving…"))
        self.ctx.write(save_visit, self.value(), self.visit_id,
                       on_done=self._saved, on_error=self._save_failed)

    def _saved(self, visit_id: str) -> None:
        self._set_busy(False)
        self.visit_id = visit_id
        self.saved.emit(visit_id)
        super().accept()

    def _save_failed(self, exc, details) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationFailed):
            self.show_errors({k: m.render(self.ctx.lang) for k, m in exc.errors.items()})
        else:
            show_error(self, exc, details)  # what was typed stays in the form

    def show_errors(self, messages: dict[str, str]) -> None:
        self.errors.show_messages(messages, self._widget_for)
        if not self.status.text():  # every message is under its field: say where to look
            self.status.setText(self.tr("Please check the fields marked in red."))
        self.status.show()

    def _widget_for(self, key: str | None):
        widgets = {
            "visit_date": self.visit_date, "mode": self.mode, "station": self.station, "officers": self.officers,
            "contacts": self.contacts.edit, "organizations": self.organizations.edit, "place": self.place,
            "purpose": self.purpose, "summary": self.summary, "intention_industry": self.industry,
            "intention_amount": self.amount, "intention_note": self.intention_note,
            "follow_ups": self.follow_ups.first_widget(), "next_contact_date": self.next_contact,
            "project_id": self.project.edit, "event_id": self.event_field.edit,
        }
        return widgets.get(key)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._saving = busy
        self.save_button.setEnabled(not busy)
        self.status.setText(text if busy else "")
        self.status.show()

    def discard_text(self) -> str:
        return self.tr("Discard what you typed for this visit?")
