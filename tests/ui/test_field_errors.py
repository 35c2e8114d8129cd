"""One per-field error form (ui/widgets/form.py FieldErrors) behind every editing dialog: each message under
its field, two for one field on two lines, what no field owns on the general line, the first bad field
focused, all in the one error colour."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from chushang_desk.ui.widgets.form import FieldErrors, error_label
from chushang_desk.ui.widgets.style import ERROR_COLOUR


def test_messages_land_under_their_fields_and_the_first_gets_the_focus(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    fields = {"name": QLineEdit(), "phones": QLineEdit()}
    general = error_label("general")
    errors = FieldErrors(general)
    for key, field in fields.items():
        layout.addWidget(field)
        layout.addWidget(errors.line(key))
    errors["phones_extra"] = errors["phones"]  # a second key shown under the same field
    layout.addWidget(general)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()

    errors.show_messages({"phones": "无法识别的电话号码", "phones_extra": "最多 10 个", "station": "联络站不存在"},
                         fields.get)
    assert errors.text("phones") == "无法识别的电话号码\n最多 10 个"
    assert not errors["name"].isVisible() and errors.text("name") == ""
    assert general.isVisible() and general.text() == "联络站不存在"
    qtbot.waitUntil(lambda: fields["phones"].hasFocus())
    assert ERROR_COLOUR in errors["phones"].styleSheet() and ERROR_COLOUR in general.styleSheet()

    errors.show_messages({"name": "必填"}, fields.get)  # a second refusal replaces the first
    assert errors.text("name") == "必填" and errors.text("phones") == "" and not general.isVisible()
    errors.hide_all()
    assert not any(label.isVisible() for label in errors.values())
    assert isinstance(errors["name"], QLabel)
