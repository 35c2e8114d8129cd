"""The main window: sidebar of screens, the current screen, menus and the status bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget, QStyle,
    QWidget,
)

from .. import __version__
from ..services.sync_status import pending_edits
from .context import AppContext
from .errors import show_error
from .pages import Page


def _page_classes():
    # Imported here so this module stays light; each screen lives in its own package.
    from .contacts.page import ContactsPage
    from .organizations.page import OrganizationsPage
    from .referrals.page import ReferralsPage
    from .visits.follow_ups import FollowUpsPage
    from .visits.page import VisitsPage

    return [ContactsPage, OrganizationsPage, VisitsPage, FollowUpsPage, ReferralsPage]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Chushang Desk"))
        self.resize(1280, 800)
        self.pages: list[Page] = [cls(ctx) for cls in _page_classes()]
        self._build_sidebar()
        self._build_menus()
        self._build_status_bar()
        ctx.ready.connect(self._on_ready)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.log_visit_requested.connect(lambda _ids: self.show_page("VisitsPage"))
        ctx.show_contact_requested.connect(lambda _id: self.show_page("ContactsPage"))

    def _build_sidebar(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(176)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet("QListWidget#sidebar { font-size: 15px; } QListWidget#sidebar::item { padding: 10px 8px; }")
        self.stack = QStackedWidget()
        icons = [QStyle.StandardPixmap.SP_FileDialogContentsView, QStyle.StandardPixmap.SP_DirIcon,
                 QStyle.StandardPixmap.SP_FileDialogDetailedView, QStyle.StandardPixmap.SP_DialogApplyButton,
                 QStyle.StandardPixmap.SP_ArrowRight]
        for page, icon in zip(self.pages, icons):
            self.sidebar.addItem(QListWidgetItem(self.style().standardIcon(icon), page.title()))
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
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
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index, page in enumerate(self.pages):
            action = QAction(page.title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.sidebar.setCurrentRow(i))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.officer_label = QLabel()
        self.pending_label = QLabel()
        self.statusBar().addPermanentWidget(self.officer_label)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().showMessage(self.tr("Opening the database…"))

    def show_page(self, class_name: str) -> Page:
        for index, page in enumerate(self.pages):
            if type(page).__name__ == class_name:
                self.sidebar.setCurrentRow(index)
                return page
        raise KeyError(class_name)

    def _on_ready(self) -> None:
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        self._show_officer()
        self._refresh_pending()

    def _show_officer(self) -> None:
        officer = self.ctx.officer or self.tr("(officer not set)")
        station = self.ctx.ref_name("station", self.ctx.station) if self.ctx.station else self.tr("(no station)")
        self.officer_label.setText(f"{officer} · {station}")

    def _on_data_changed(self, _tables) -> None:
        self._refresh_pending()

    def _refresh_pending(self) -> None:
        self.ctx.read(pending_edits, on_done=self._show_pending)

    def _show_pending(self, count: int) -> None:
        # %Ln: the count with the locale's digit grouping (27,829).
        self.pending_label.setText(self.tr("Offline · %Ln edit(s) waiting to sync", "", count))

    def profile_failed(self, exc: BaseException, details: str) -> None:
        self.statusBar().showMessage(self.tr("The database could not be opened."))
        show_error(self, exc, details)

    def closeEvent(self, event) -> None:
        # Let queued saves finish before the database closes: nothing confirmed is lost.
        self.ctx.runner.shutdown()
        if self.ctx.profile is not None:
            self.ctx.profile.close()
        super().closeEvent(event)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec():
            self._show_officer()

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Chushang Desk"),
            self.tr("Chushang Desk {0}\nThe liaison desk of Wuhan's Hubei-merchant return-investment drive.").format(__version__),
        )
