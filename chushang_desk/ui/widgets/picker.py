"""Type-ahead pickers of records (contacts, ambassadors, organizations): chips for what was picked, then
a line edit. One family for every screen: several records (`multiple=True`) or one (`multiple=False`,
read with `choice_id`, set with `set_choice`).

Typing asks a `*_choices(session, typed)` service on the database thread (debounced, stale answers
dropped) and shows the matches in a list under the edit; the services search characters, full pinyin
and initials. Keyboard: Down/Up choose (Down with no list open asks at once, so an empty field lists
everything the service offers for nothing typed, e.g. all ambassadors), Enter picks (also when pressed
before the answer arrives: the first match is then taken), Esc closes the list only, Backspace in an
empty edit removes the last chip, and each chip's × button is reachable with Shift+Tab.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QLayout, QLineEdit, QListWidget, QListWidgetItem, QSizePolicy, QToolButton,
    QWidget,
)

from ...services.contacts import contact_choices
from ...services.events import event_choices
from ...services.organizations import organization_choices
from ...services.projects import project_choices
from ...services.referrals import ambassador_choices


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them (Qt's flow layout example, trimmed)."""

    def __init__(self, parent=None, spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addWidget(widget)  # appends an item; move it into place
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        space = self.spacing()
        visible = [i for i in self._items if not (i.widget() and i.widget().isHidden())]
        for index, item in enumerate(visible):
            hint = item.sizeHint()
            if index == len(visible) - 1 and isinstance(item.widget(), QLineEdit):
                hint.setWidth(max(hint.width(), min(rect.right() - x + 1, 10_000)))  # the edit fills the line
                if x > rect.x() and rect.right() - x + 1 < item.widget().minimumWidth():
                    x, y, line_height = rect.x(), y + line_height + space, 0
                    hint.setWidth(rect.width())
            elif x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + space, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + space
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class Chip(QFrame):
    """One picked record: its name and a × button that removes it."""

    remove_requested = Signal(str)

    def __init__(self, item: dict, text: str, tooltip: str, parent=None):
        super().__init__(parent)
        self.item_id = item["id"]
        self.setObjectName("chip")
        self.setStyleSheet(
            "QFrame#chip { background: #e8f0fb; border: 1px solid #b7cbe8; border-radius: 10px; }"
            "QToolButton { border: none; padding: 0 2px; }"
            "QToolButton:focus { background: #c9dcf5; border-radius: 6px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 3, 1)
        layout.setSpacing(2)
        self.label = QLabel(text)
        self.setToolTip(tooltip)
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove_button.setAccessibleName(self.tr("Remove {0}").format(text))
        self.remove_button.setToolTip(self.tr("Remove {0}").format(text))
        self.remove_button.clicked.connect(self._remove)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)

    def _remove(self) -> None:
        self.remove_requested.emit(self.item_id)


class ChoicePicker(QWidget):
    """Pick one or several records by typing part of their name (characters, pinyin, initials)."""

    changed = Signal()
    DEBOUNCE_MS = 120

    def __init__(self, ctx, service, multiple: bool = True, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.ctx, self.service, self.multiple = ctx, service, multiple
        self._items: list[dict] = []
        self._chips: list[Chip] = []
        self._generation = 0
        self._pick_when_ready = False
        self._timer = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self.edit = QLineEdit()
        # translate() with the class named: self.tr() would look the text up under the subclass's name.
        self.edit.setPlaceholderText(
            placeholder or QCoreApplication.translate("ChoicePicker", "Type a name, pinyin or initials…"))
        self.edit.setMinimumWidth(160)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)
        self.flow = FlowLayout(self)
        self.flow.addWidget(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.suggestions = QListWidget()
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.setObjectName("pickerSuggestions")
        self.suggestions.itemClicked.connect(self._pick_item)
        self.suggestions.hide()

    # ------------------------------------------------------------------ what was picked
    def describe(self, item: dict) -> str:
        """The chip's text."""
        return item.get("name", "")

    def describe_long(self, item: dict) -> str:
        """A suggestion's text and the chip's tooltip."""
        return " · ".join(p for p in (item.get("name"), item.get("company"), item.get("title")) if p)

    def items(self) -> list[dict]:
        return list(self._items)

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def ids(self) -> list[str]:
        return [i["id"] for i in self._items]

    @property
    def choice_id(self) -> str:
        """The record picked (the first one when several may be), or ''."""
        return self._items[0]["id"] if self._items else ""

    def set_choice(self, item_id: str, name: str) -> None:
        """Show this one record as picked (none when item_id is empty)."""
        self.set_items([dict(id=item_id, name=name)] if item_id else [])

    def set_items(self, items: list[dict]) -> None:
        for chip in list(self._chips):
            self._drop_chip(chip)
        self._items = []
        for item in items:
            self._add(item)
        self.changed.emit()

    def add_item(self, item: dict) -> None:
        if item["id"] in self.ids():
            return
        if not self.multiple:
            self.set_items([])
        self._add(item)
        self.changed.emit()

    def remove(self, item_id: str) -> None:
        self._items = [i for i in self._items if i["id"] != item_id]
        for chip in list(self._chips):
            if chip.item_id == item_id:
                self._drop_chip(chip)
        self.edit.setFocus()
        self.changed.emit()

    def clear(self) -> None:
        self.edit.clear()
        self.set_items([])

    def _add(self, item: dict) -> None:
        self._items.append(item)
        chip = Chip(item, self.describe(item), self.describe_long(item), self)
        chip.remove_requested.connect(self.remove)
        self._chips.append(chip)
        self.flow.insertWidget(self.flow.count() - 1, chip)
        # Shift+Tab from the edit reaches the chips' × buttons; Tab from the edit leaves the picker.
        QWidget.setTabOrder(self.edit.previousInFocusChain(), chip.remove_button)
        self.updateGeometry()

    def _drop_chip(self, chip: Chip) -> None:
        self._chips.remove(chip)
        self.flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        self.updateGeometry()

    # ------------------------------------------------------------------ type-ahead
    def _typed(self, _text: str) -> None:
        self._generation += 1
        if self.edit.text().strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._hide_suggestions()

    def _ask(self) -> None:
        if self.ctx.profile is None:
            return
        generation, typed = self._generation, self.edit.text()
        self.ctx.read(self.service, typed, on_done=lambda found: self._answered(generation, found))

    def _answered(self, generation: int, found: list[dict]) -> None:
        if generation != self._generation:
            return  # the officer typed on; a newer answer is coming
        chosen = set(self.ids())
        found = [f for f in found if f["id"] not in chosen]
        if self._pick_when_ready:
            self._pick_when_ready = False
            if found:
                self._pick(found[0])
            return
        self._show_suggestions(found)

    def _show_suggestions(self, found: list[dict]) -> None:
        self.suggestions.clear()
        for item in found:
            entry = QListWidgetItem(self.describe_long(item))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.suggestions.addItem(entry)
        if not found or self.window().focusWidget() is not self.edit:
            self._hide_suggestions()
            return
        self.suggestions.setCurrentRow(0)
        self._place_suggestions()
        self.suggestions.show()
        self.suggestions.raise_()

    def _place_suggestions(self) -> None:
        window = self.window()
        if self.suggestions.parent() is not window:
            self.suggestions.setParent(window)
        rows = min(self.suggestions.count(), 8)
        height = rows * max(self.suggestions.sizeHintForRow(0), 18) + 2 * self.suggestions.frameWidth() + 2
        width = max(self.edit.width(), 320)
        below = self.edit.mapTo(window, QPoint(0, self.edit.height()))
        x = min(below.x(), max(0, window.width() - width))
        y = below.y() if below.y() + height <= window.height() else below.y() - self.edit.height() - height
        self.suggestions.setGeometry(x, max(0, y), width, height)

    def _hide_suggestions(self) -> None:
        self.suggestions.hide()

    def _pick_item(self, entry: QListWidgetItem) -> None:
        self._pick(entry.data(Qt.ItemDataRole.UserRole))

    def _pick(self, item: dict) -> None:
        self._generation += 1
        self.edit.clear()
        self._hide_suggestions()
        self.add_item(item)
        self.edit.setFocus()

    def suggestion_texts(self) -> list[str]:
        return [self.suggestions.item(i).text() for i in range(self.suggestions.count())]

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event.key())
        if obj is self.edit and event.type() == QEvent.Type.FocusOut:
            self._hide_suggestions()
        return super().eventFilter(obj, event)

    def _key(self, key: int) -> bool:
        listing = self.suggestions.isVisible() and self.suggestions.count() > 0
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and listing:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.suggestions.setCurrentRow(max(0, min(self.suggestions.count() - 1,
                                                      self.suggestions.currentRow() + step)))
            return True
        if key == Qt.Key.Key_Down:  # no list open: ask now (an empty field asks for everything)
            self._timer.stop()
            self._ask()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if listing:
                self._pick_item(self.suggestions.currentItem() or self.suggestions.item(0))
                return True
            if self.edit.text().strip():
                self._pick_when_ready = True
                if not self._timer.isActive():
                    self._ask()
                return True
            return False  # nothing typed: Enter is the dialog's (its default button)
        if key == Qt.Key.Key_Escape and listing:
            self._hide_suggestions()
            return True
        if key == Qt.Key.Key_Backspace and not self.edit.text() and self._items:
            self.remove(self._items[-1]["id"])
            return True
        return False


class ContactPicker(ChoicePicker):
    """Contacts met: searched like the directory (characters, full pinyin, initials, company, phone)."""

    def __init__(self, ctx, multiple: bool = True, placeholder: str = "", parent=None):
        super().__init__(ctx, contact_choices, multiple, placeholder, parent)


class AmbassadorPicker(ChoicePicker):
    """Live ambassadors only; Down in the empty field lists them all."""

    def __init__(self, ctx, multiple: bool = True, placeholder: str = "", parent=None):
        super().__init__(ctx, ambassador_choices, multiple, placeholder, parent)


class OrganizationPicker(ChoicePicker):
    """Organizations met (chambers, alumni associations, companies, universities)."""

    def __init__(self, ctx, multiple: bool = True, placeholder: str = "", parent=None):
        # translate() with the class named, so that subclasses find the text too.
        placeholder = placeholder or QCoreApplication.translate("OrganizationPicker", "Type an organization's name…")
        super().__init__(ctx, organization_choices, multiple, placeholder, parent)

    def describe_long(self, item: dict) -> str:
        return item.get("name", "")


NEW_PROJECT = "new:"  # the id prefix of "a new project named …" (made when the form is saved)


class ProjectPicker(ChoicePicker):
    """Projects by part of their name, with their investor; with `offer_new`, what was typed may also
    become a new project (its id NEW_PROJECT + the name; the form's service makes it)."""

    def __init__(self, ctx, multiple: bool = False, placeholder: str = "", offer_new: bool = False, parent=None):
        placeholder = placeholder or QCoreApplication.translate("ProjectPicker", "Type part of a project's name…")
        super().__init__(ctx, project_choices, multiple, placeholder, parent)
        self.offer_new = offer_new

    def describe_long(self, item: dict) -> str:
        if item["id"].startswith(NEW_PROJECT):
            return QCoreApplication.translate("ProjectPicker", "New project “{0}”").format(item["name"])
        return " · ".join(p for p in (item.get("name"), item.get("company")) if p)

    def _answered(self, generation: int, found: list[dict]) -> None:
        typed = " ".join(self.edit.text().split())
        if self.offer_new and typed and not any(f["name"] == typed for f in found):
            found = [*found, dict(id=NEW_PROJECT + typed, name=typed)]  # last: an existing one comes first
        super()._answered(generation, found)

    @property
    def new_project_name(self) -> str:
        """The name of the new project picked, or ''."""
        chosen = self.choice_id
        return chosen[len(NEW_PROJECT):] if chosen.startswith(NEW_PROJECT) else ""

    @property
    def project_id(self) -> str:
        """The existing project picked, or ''."""
        chosen = self.choice_id
        return "" if chosen.startswith(NEW_PROJECT) else chosen


class EventPicker(ChoicePicker):
    """Events by part of their name, the latest first, with the day they were held."""

    def __init__(self, ctx, multiple: bool = False, placeholder: str = "", parent=None):
        placeholder = placeholder or QCoreApplication.translate("EventPicker", "Type part of an event's name…")
        super().__init__(ctx, event_choices, multiple, placeholder, parent)
