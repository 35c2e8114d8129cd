"""The main window: sidebar of screens, the current screen, menus and the status bar."""
from __future__ import annotations

import importlib
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QWidget,
)

from .. import __version__
from ..services.sync_status import pending_edits
from .context import AppContext
from .errors import show_error
from .icons import app_icon
from .pages import Page
from .sync.wiring import SyncUi
from .today.counts import SidebarCounts
from .widgets.dialogs import dialogs_with_typing


class Screen(NamedTuple):
    """A sidebar screen: where its class lives (built when first shown), its title and its icon file
    (resources/icons/<icon>.svg). A new screen is one line here."""

    module: str
    cls: str
    title: str
    icon: str


def _screens() -> list[Screen]:
    """The sidebar, in order (Ctrl+1 …); titles in each screen's own translation context."""
    return [
        Screen("today.page", "TodayPage", QCoreApplication.translate("TodayPage", "Today"), "today"),
        Screen("contacts.page", "ContactsPage", QCoreApplication.translate("ContactsPage", "Contacts"), "contacts"),
        Screen("organizations.page", "OrganizationsPage",
               QCoreApplication.translate("OrganizationsPage", "Organizations"), "organizations"),
        Screen("visits.page", "VisitsPage", QCoreApplication.translate("VisitsPage", "Visits"), "visits"),
        Screen("visits.follow_ups", "FollowUpsPage", QCoreApplication.translate("FollowUpsPage", "Follow-ups"),
               "follow-ups"),
        Screen("referrals.page", "ReferralsPage", QCoreApplication.translate("ReferralsPage", "Referrals"),
               "referrals"),
        Screen("events.page", "EventsPage", QCoreApplication.translate("EventsPage", "Events"), "events"),
        Screen("projects.page", "ProjectsPage", QCoreApplication.translate("ProjectsPage", "Projects"), "projects"),
        Screen("dashboard.page", "DashboardPage", QCoreApplication.translate("DashboardPage", "Targets"), "dashboard"),
        Screen("sync.review", "NeedsReviewPage", QCoreApplication.translate("NeedsReviewPage", "Needs review"),
               "review"),
    ]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Chushang Desk"))
        self.resize(1280, 800)
        self.screens = _screens()
        self.built: dict[int, Page] = {}  # screens are built when first shown: a faster first paint
        self.sync = SyncUi(self)  # background sync, sign-in, the review count (ui/sync/wiring.py)
        self._build_sidebar()
        self._build_menus()
        self._build_status_bar()
        ctx.ready.connect(self._on_ready)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.settings_changed.connect(self._show_officer)
        ctx.log_visit_requested.connect(self._log_visit)
        ctx.show_contact_requested.connect(self._show_contact)
        self.today_counts = SidebarCounts(self)  # "Today (5)", "Follow-ups (2)" (ui/today/counts.py)

    def _build_sidebar(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(196)  # room for "Needs review (99+)"
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet("QListWidget#sidebar { font-size: 15px; } QListWidget#sidebar::item { padding: 10px 8px; }")
        self.stack = QStackedWidget()
        for screen in self.screens:
            self.sidebar.addItem(QListWidgetItem(app_icon(screen.icon), screen.title))
            self.stack.addWidget(QWidget())  # stands in until the screen is first shown
        self.sidebar.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.setCurrentRow(0)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        import_contacts = QAction(self.tr("I&mport contacts…"), self)
        import_contacts.setObjectName("importContactsAction")
        import_contacts.setShortcut(QKeySequence("Ctrl+Shift+I"))
        import_contacts.triggered.connect(self.open_import)
        file_menu.addAction(import_contacts)
        export_contacts = QAction(self.tr("E&xport contacts…"), self)
        export_contacts.setObjectName("exportContactsAction")
        export_contacts.triggered.connect(self.export_contacts)
        file_menu.addAction(export_contacts)
        file_menu.addSeparator()
        self.sync.add_file_actions(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index, screen in enumerate(self.screens):
            action = QAction(screen.title, self)
            if index < 9:  # Ctrl+1 … Ctrl+9: there is no Ctrl+10
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.sidebar.setCurrentRow(i))
            go_menu.addAction(action)
        self.sync.add_sync_menu(self.menuBar())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_import(self) -> None:
        """The import wizard (built when first asked for: it is not on the way to the first screen)."""
        if self.ctx.profile is None:
            return
        from .contacts.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self)
        self.import_wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_wizard.open()

    def export_contacts(self, path=None) -> None:
        """The whole directory to a workbook the import reads back (exchange/contacts_export.py)."""
        if self.ctx.profile is None:
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from ..exchange.contacts_export import export_contacts_file
        from .file_folder import remember_folder, start_folder

        if path is None:
            proposed = str(Path(start_folder(self.ctx.ui_settings)) / self.tr("contacts.xlsx"))
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export contacts"), proposed,
                                                          self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            remember_folder(self.ctx.ui_settings, chosen)
            path = Path(chosen if chosen.lower().endswith(".xlsx") else chosen + ".xlsx")
        profile = self.ctx.profile
        self.ctx.runner.run_long(
            lambda _progress: export_contacts_file(profile, path),
            on_done=lambda count: self.statusBar().showMessage(
                self.tr("Exported {0} contacts to {1}").format(QLocale().toString(count), path), 10_000),
            on_error=lambda exc, details: show_error(self, exc, details, self.tr("Export contacts")))

    def _build_status_bar(self) -> None:
        self.officer_label = QLabel()
        self.pending_label = QLabel()
        for label in (self.officer_label, self.pending_label):
            label.setContentsMargins(6, 0, 6, 0)  # apart from their neighbours
        self.statusBar().addPermanentWidget(self.officer_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.sync.status)
        self.statusBar().showMessage(self.tr("Opening the database…"))

    def _page(self, index: int) -> Page:
        if index not in self.built:
            screen = self.screens[index]
            module = importlib.import_module(f"{__package__}.{screen.module}")
            page = getattr(module, screen.cls)(self.ctx)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.built[index] = page
        return self.built[index]

    def _show_row(self, index: int) -> None:
        if index >= 0:
            self._page(index)
            self.stack.setCurrentIndex(index)

    def _index_of(self, class_name: str) -> int:
        return [screen.cls for screen in self.screens].index(class_name)

    def show_page(self, class_name: str) -> Page:
        """Switch to the screen of that class (building it if needed) and return it."""
        index = self._index_of(class_name)
        page = self._page(index)
        self.sidebar.setCurrentRow(index)
        return page

    def set_screen_title(self, class_name: str, title: str) -> None:
        """A sidebar label that carries a count ("Needs review (3)")."""
        index = self._index_of(class_name)
        self.sidebar.item(index).setText(title)

    def _show_contact(self, contact_id: str) -> None:
        first_time = self._index_of("ContactsPage") not in self.built
        page = self.show_page("ContactsPage")
        if first_time:  # built during this request: its own connection missed it
            page.show_contact(contact_id)

    def _log_visit(self, contact_ids: list) -> None:
        index = self._index_of("VisitsPage")
        first_time = index not in self.built
        page = self.show_page("VisitsPage")
        if first_time:  # built during this request: its own connection missed it
            page.log_visit(contact_ids)

    def _on_ready(self) -> None:
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        self._show_officer()
        self.refresh_pending()

    def _show_officer(self) -> None:
        officer = self.ctx.officer or self.tr("(officer not set)")
        station = self.ctx.ref_name("station", self.ctx.station) if self.ctx.station else self.tr("(no station)")
        self.officer_label.setText(f"{officer} · {station}")

    def _on_data_changed(self, _tables) -> None:
        self.refresh_pending()

    def refresh_pending(self) -> None:
        self.ctx.read(pending_edits, on_done=self._show_pending)

    def _show_pending(self, count: int) -> None:
        # %Ln: the count with the locale's digit grouping (27,829).
        self.pending_label.setText(self.tr("%Ln edit(s) waiting to sync", "", count))

    def profile_failed(self, exc: BaseException, details: str) -> None:
        self.statusBar().showMessage(self.tr("The database could not be opened."))
        show_error(self, exc, details)

    def closeEvent(self, event) -> None:
        unsaved = dialogs_with_typing(self)
        if unsaved:  # asked first; 放弃 closes the dialog and then the window, 继续编辑 keeps both
            event.ignore()
            unsaved[0].ask_to_discard(self.tr("Close Chushang Desk? What you typed in “{0}” has not been "
                                              "saved.").format(unsaved[0].windowTitle()), on_discard=self.close)
            return
        # No new syncs, the running one stops at its next step; then let queued saves finish before
        # the database closes: nothing confirmed is lost.
        self.sync.shutdown()
        self.ctx.runner.shutdown()
        if self.ctx.profile is not None:
            self.ctx.profile.close()
        super().closeEvent(event)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()  # a save announces settings_changed: the officer label follows

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Chushang Desk"),
            self.tr("Chushang Desk {0}\nThe liaison desk of Wuhan's Hubei-merchant return-investment drive.").format(__version__),
        )
