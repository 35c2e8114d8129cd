"""The editing dialog of a record: a per-field form (FieldForm), Save and Cancel; Save runs a service on
the database thread, and a refusal shows each field's message next to it and keeps what was typed."""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from ...services.messages import ValidationFailed
from ..errors import show_error
from .dialogs import EditingDialog
from .form import FieldForm
from .picker import ChoicePicker


class LocalMessage:
    """A message the dialog itself gives (already in the interface language), shown like a service's."""

    def __init__(self, text: str):
        self.text = text

    def render(self, _lang: str = "") -> str:
        return self.text


class SaveDialog(EditingDialog):
    """A dialog that saves through a service on the database thread and shows field errors if refused."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: str | None = None
        self.form = FieldForm(ctx.lang)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.set_save_button(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def save_call(self) -> tuple:
        """(service, *args) that saves what the form holds."""
        raise NotImplementedError

    def form_state(self) -> dict:
        # A picker's typed text counts too: a name being looked up is typed, not yet chosen.
        return dict(self.data(), **{f"{key}:typed": p.edit.text() for key, p in self.pickers().items()})

    def pickers(self) -> dict[str, ChoicePicker]:
        return {k: w for k, w in self.form.fields.items() if isinstance(w, ChoicePicker)}

    def unchosen(self) -> dict:
        """Pickers with text typed that was not picked from the list: say so rather than 'Required'."""
        return {key: LocalMessage(self.tr("Choose one of the matches from the list"))
                for key, picker in self.pickers().items() if picker.edit.text().strip()}

    def save(self) -> None:
        self.form.clear_errors()
        unchosen = self.unchosen()
        if unchosen:
            self.form.show_errors(unchosen)
            return
        self.buttons.setEnabled(False)
        self.ctx.write(*self.save_call(), on_done=self._saved, on_error=self._refused)

    def _saved(self, saved_id) -> None:
        self.buttons.setEnabled(True)
        self.saved_id = saved_id
        self.accept()

    def _refused(self, exc: BaseException, details: str) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            self.form.show_errors(exc.errors)
        else:
            show_error(self, exc, details)
