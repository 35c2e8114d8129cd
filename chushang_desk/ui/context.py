"""What every screen shares: the profile, the task runner, reference lists, settings, change signals.

Screens call services through `read`/`write` (on the database thread) and get plain data back;
after a write, `data_changed` names the tables the transaction changed (Profile.write_changes: noted by the
database layer, never listed by hand) so each screen redraws only if it shows one of them.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services.profile import Profile
from ..services.reference import RefItem
from .tasks import TaskRunner


class AppContext(QObject):
    data_changed = Signal(object)  # frozenset of table names
    settings_changed = Signal()
    ready = Signal()  # the profile is open and reference lists are loaded
    # After ready, the first time every queued job has answered: the first screen has its rows. Work the
    # first screen does not need (the sync account, old export leftovers) waits for this.
    settled = Signal()
    # Cross-screen requests: open "Log a visit" with these contact ids; show this contact.
    log_visit_requested = Signal(object)
    show_contact_requested = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.profile: Profile | None = None
        self.refs: dict[str, list[RefItem]] = {}
        self.settings: dict[str, str] = {}
        self.lang = "zh_CN"
        self.ui_settings = None  # QSettings in the profile folder: language, window layout
        # The contact selected on the Contacts screen: "Log a visit" on the Visits screen starts with him.
        self.selected_contact_id: str | None = None

    def set_ready(self, profile: Profile, refs: dict, settings: dict) -> None:
        self.profile, self.refs, self.settings = profile, refs, settings
        self.runner.idle_changed.connect(self._first_idle)
        self.ready.emit()

    def _first_idle(self, _idle: bool) -> None:
        self.runner.idle_changed.disconnect(self._first_idle)
        self.settled.emit()

    @property
    def officer(self) -> str:
        return self.settings.get("officer_name", "")

    @property
    def station(self) -> str:
        return self.settings.get("station", "")

    def read(self, service, *args, on_done=None, on_error=None, **kwargs):
        profile = self.profile
        return self.runner.run(lambda: profile.read(service, *args, **kwargs), on_done, on_error)

    def write(self, service, *args, on_done=None, on_error=None, **kwargs):
        """Run a service in a write transaction; on success announce the tables it changed, then on_done."""
        profile = self.profile

        def done(outcome):
            result, changed = outcome
            self.announce(changed)
            if on_done is not None:
                on_done(result)

        return self.runner.run(lambda: profile.write_changes(service, *args, **kwargs), done, on_error)

    def announce(self, changed: frozenset) -> None:
        if changed:
            self.data_changed.emit(frozenset(changed))

    def ref_items(self, list_name: str) -> list[RefItem]:
        return self.refs.get(list_name, [])

    def ref_name(self, list_name: str, code: str) -> str:
        for item in self.refs.get(list_name, []):
            if item.code == code:
                return item.name(self.lang)
        return code
