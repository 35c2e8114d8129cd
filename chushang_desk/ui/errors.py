"""One place that tells the officer what went wrong, in the interface language, with details to copy."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..logs import current_log_path
from ..services.disk_full import is_disk_full
from ..services.erase import EraseRefused
from ..services.messages import NotFound, ValidationFailed
from ..services.profile import KeyFileMissing, PassphraseNeeded, ProfileKeyError, WrongKey, WrongPassphrase
from .i18n import current_language


def describe(exc: BaseException) -> str:
    """A sentence for people; the traceback goes into the details."""
    lang = current_language()
    if isinstance(exc, ValidationFailed):
        return "\n".join(m.render(lang) for m in exc.errors.values())
    if isinstance(exc, (NotFound, EraseRefused)):
        return exc.message.render(lang)
    if isinstance(exc, (ProfileKeyError, WrongKey)):
        return _key_problem(exc)
    if type(exc).__name__ == "MigrationFailed":
        backup = getattr(exc, "backup", None)
        return QCoreApplication.translate("errors", "The database could not be upgraded. Your data was left as it was; a copy is at {0}.").format(
            backup or "-"
        )
    if is_disk_full(exc):  # before the database errors: SQLITE_FULL is one, and "busy" would mislead
        return QCoreApplication.translate("errors", "The disk is full. Nothing was lost, but this was not saved or written. Free some space on the disk and try again.")
    if _is_database_error(exc):
        return QCoreApplication.translate("errors", "The database is busy or cannot be written. Nothing was lost; please try again.")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("errors", "The file could not be read or written: {0}").format(exc.strerror or exc)
    return QCoreApplication.translate("errors", "Something went wrong: {0}").format(exc)


def _key_problem(exc: BaseException) -> str:
    if isinstance(exc, WrongPassphrase):
        return QCoreApplication.translate("errors", "The recovery passphrase is wrong.")
    if isinstance(exc, PassphraseNeeded):
        return QCoreApplication.translate("errors", "The directory stays locked: its recovery passphrase is needed to open it.")
    if isinstance(exc, KeyFileMissing):
        return QCoreApplication.translate("errors", "The directory's key file (key.json) is missing, so its encrypted database cannot be opened. Restore key.json from a copy of the profile folder.")
    if isinstance(exc, WrongKey):
        return QCoreApplication.translate("errors", "The key does not open this database: the key file belongs to another directory, or the database is damaged.")
    return QCoreApplication.translate("errors", "The directory's key could not be read: {0}").format(exc)


def _is_database_error(exc: BaseException) -> bool:
    # By name: the UI does not import the database drivers (layering contract).
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"OperationalError", "DatabaseError"}) or "database is locked" in str(exc)


def show_error(parent: QWidget | None, exc: BaseException, details: str = "", title: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "Chushang Desk"))
    box.setText(describe(exc))
    if details:
        log = current_log_path()
        if log is not None:
            details += "\n" + QCoreApplication.translate("errors", "Log file: {0}").format(log)
        box.setDetailedText(details)  # to copy into a report to the bureau's IT staff
    box.setModal(True)
    box.show()
    return box
