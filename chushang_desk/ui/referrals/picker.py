"""A type-ahead picker: type a few characters, pinyin or initials, choose one of the matches.

Matches come from a service (`contact_choices`, `ambassador_choices`, `organization_choices`) run on
the database thread; what was chosen is an id (`choice_id`), what shows is its label. Typing again
forgets the choice. Down opens the list (all choices, for lists that can be shown whole).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

DEBOUNCE_MS = 120


def choice_label(choice: dict) -> str:
    """张三 · 三江集团 · 董事长 (empty parts left out)."""
    return " · ".join(p for p in (choice.get("name"), choice.get("company"), choice.get("title")) if p)


class ChoicePicker(QLineEdit):
    chosen = Signal(str)  # the id chosen, or '' when the choice is forgotten

    def __init__(self, ctx, service, parent: QWidget | None = None, label=choice_label):
        super().__init__(parent)
        self.ctx = ctx
        self._service = service
        self._label = label
        self._choice_id = ""
        self._choice_text = ""
        self._choices: list[dict] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._settle)
        self.setClearButtonEnabled(True)

    # The choice ------------------------------------------------------------------------------------
    @property
    def choice_id(self) -> str:
        return self._choice_id

    def set_choice(self, choice_id: str, text: str) -> None:
        self._choice_id, self._choice_text = choice_id or "", text if choice_id else ""
        self.setText(self._choice_text)

    def clear_choice(self) -> None:
        self.set_choice("", "")
        self.chosen.emit("")

    def completer_popup(self):
        return self._completer.popup()

    # Typing ----------------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if self._choice_id and text != self._choice_text:
            self._choice_id, self._choice_text = "", ""
            self.chosen.emit("")
        self._timer.start()

    def _ask(self) -> None:
        typed = self.text()
        if self.ctx.profile is None:
            return
        self.ctx.read(self._service, typed, on_done=lambda choices: self._offer(typed, choices))

    def _offer(self, typed: str, choices: list[dict]) -> None:
        if self.text() != typed or (self._choice_id and typed == self._choice_text):
            return  # typed on since, or already chosen
        self._choices = choices
        self._model.setStringList([self._label(c) for c in choices])
        if choices and self.hasFocus():
            self._completer.complete()
        elif not choices:
            self._completer.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._choices):
            self._choose(self._choices[index.row()])

    def _choose(self, choice: dict) -> None:
        self.set_choice(choice["id"], self._label(choice))
        self._completer.popup().hide()
        self.chosen.emit(choice["id"])

    def _settle(self) -> None:
        """Leaving the field with an unchosen text: take the one match, or the one of exactly that name."""
        text = self.text().strip()
        if self._choice_id or not text:
            return
        exact = [c for c in self._choices if c.get("name") == text]
        if len(exact) == 1:
            self._choose(exact[0])
        elif len(self._choices) == 1 and self._label(self._choices[0]).startswith(text):
            self._choose(self._choices[0])

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and not self._completer.popup().isVisible():
            self._ask()
            return
        super().keyPressEvent(event)
