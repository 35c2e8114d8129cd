"""No widget class of ours stores an attribute under the name of one of its Qt base's methods: PySide6
looks virtual methods up on the Python object, so `self.event = EventPicker(…)` on a dialog made Qt call
the picker as the dialog's event() — a crash (a segmentation fault inside shiboken) the first time a
dialog was polished. Checked over every class of the ui package, against the Qt class it derives from."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import chushang_desk.ui as ui_package

ASSIGNED = re.compile(r"\bself\.(\w+)\s*(?::[^=\n]+)?=(?!=)")


def qt_base(cls):
    return next((base for base in cls.__mro__ if base.__module__.startswith("PySide6")), None)


def shadowing(cls) -> list[str]:
    base = qt_base(cls)
    if base is None:
        return []
    names = set(ASSIGNED.findall(inspect.getsource(cls)))
    return sorted(name for name in names if callable(getattr(base, name, None)))


def our_classes():
    for info in pkgutil.walk_packages(ui_package.__path__, ui_package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def test_no_class_of_ours_hides_a_qt_method_under_an_attribute(qapp):
    found = {f"{cls.__module__}.{cls.__qualname__}": names for cls in our_classes() if (names := shadowing(cls))}
    assert found == {}


def test_the_check_sees_a_shadowed_method(qapp):
    from PySide6.QtWidgets import QDialog, QLineEdit

    class Shadowing(QDialog):
        def __init__(self):
            super().__init__()
            self.event = QLineEdit()

    assert shadowing(Shadowing) == ["event"]
