"""Interface language: Qt translators for our strings and Qt's own, and the language for messages."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

_state = {"lang": "zh_CN", "translators": []}


def current_language() -> str:
    return _state["lang"]


def install_language(app: QCoreApplication, lang: str) -> None:
    """Load zh_CN (default) or en; English is the source language, so it needs no .qm of ours."""
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    _state["lang"] = lang
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh_CN" else QLocale.Language.English))
    if lang == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for directory, name in ((qt_dir, f"qtbase_{lang}"), (str(resources_dir() / "translations"), f"chushang_{lang}")):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _state["translators"].append(translator)

