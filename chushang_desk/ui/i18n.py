"""Interface language: Qt translators for our strings and Qt's own, and the language for messages."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from ..paths import resources_dir

_state = {"lang": "zh_CN", "translators": []}

_log = logging.getLogger(__name__)


def qt_strings_qtbase_lacks() -> tuple[str, ...]:
    """Labels of Qt 6's own file dialog that qtbase_zh_CN.qm (translated from older labels: "Look in:")
    does not have. Written here, lupdate puts them in our .ts under Qt's own context, so our translator,
    installed after Qt's, answers them. Never called: it only marks the strings."""
    return (QCoreApplication.translate("QFileDialog", "&Look in:"),
            QCoreApplication.translate("QFileDialog", "Files of &type:"))


def current_language() -> str:
    return _state["lang"]


def install_language(app: QCoreApplication, lang: str) -> None:
    """Load zh_CN (default) or en: Qt's own strings from PySide6's translations folder (qtbase_zh_CN.qm),
    then ours. English is the source language; its .qm of ours holds only the plural forms (1 edit, 2 edits)."""
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    _state["lang"] = lang
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh_CN" else QLocale.Language.English))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources_dir() / "translations")
    catalogs = [(ours, "chushang_en")] if lang == "en" else [(qt_dir, f"qtbase_{lang}"), (ours, f"chushang_{lang}")]
    for directory, name in catalogs:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _state["translators"].append(translator)
        elif directory == ours:  # Qt's own may be absent from a trimmed Qt; ours ship with the package
            _log.warning("interface translation %s.qm not found in %s", name, directory)
    if isinstance(app, QGuiApplication):
        # Appended to every window's title ("Edit contact — 楚商联络台"): in the interface's language.
        app.setApplicationDisplayName(QCoreApplication.translate("App", "Chushang Desk"))
