"""Helpers the UI tests share (fixtures are in conftest.py): seeding a profile, opening screens and
dialogs, typing as an officer does, a signed-in window for the sync tests. Test modules import from here,
never from one another."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from chushang_desk.models import OutboxEntry
from chushang_desk.services.contacts import save_contact
from chushang_desk.services.visits import save_visit
from tests.conftest import wait_idle


def open_new_dialog(qtbot, page):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "dialog", None) is not None and page.dialog.isVisible())
    return page.dialog


def second_device(tmp_path, url, user="officer_b"):
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in

    profile = open_profile(tmp_path / "second")
    sign_in(profile, url, user, PASSWORD)
    return profile


PASSWORD = "secret-pass-1"


SHOTS = "/tmp/ui_sync_{0}.png"


def open_signed_in_window(qtbot, data_dir, url: str, user: str = "officer_a", debounce_ms: int = 300):
    """A profile signed in before the app starts (as `chushang-desk login` leaves it), then the app."""
    from chushang_desk.services.profile import open_profile
    from chushang_desk.sync.account import sign_in
    from chushang_desk.ui.app import build_main_window

    profile = open_profile(data_dir)
    sign_in(profile, url, user, PASSWORD)
    profile.close()
    window = build_main_window(data_dir, "en")
    qtbot.addWidget(window)
    window.sync.scheduler.set_intervals(debounce_ms, 60_000, (1, 2, 4))
    window.show()
    qtbot.waitUntil(lambda: window.ctx.profile is not None, timeout=15_000)
    return window


def wait_synced(qtbot, window, timeout: int = 15_000) -> None:
    """Until a sync finished successfully and nothing is queued or waiting."""
    scheduler = window.sync.scheduler
    qtbot.waitUntil(lambda: scheduler.last_success is not None and not scheduler.running
                    and not scheduler.queued and not scheduler.debounce.isActive(), timeout=timeout)
    wait_idle(qtbot, window)


def outbox_size(profile) -> int:
    return profile.read(lambda s: s.scalar(select(func.count()).select_from(OutboxEntry)))


def add_contact(window, name, company="华星科技"):
    return window.ctx.profile.write(save_contact, {"name": name, "is_merchant": True, "company": company,
                                                   "title": "董事长"})


def add_visit(window, contact_ids, **extra):
    data = dict(visit_date=date.today(), mode="visit", station="jjj", officers="李明", contact_ids=contact_ids,
                purpose="了解回汉投资意向", summary="谈了光谷的项目")
    data.update(extra)
    return window.ctx.profile.write(save_visit, data)


def visits_page(window, qtbot):
    wait_idle(qtbot, window)
    page = window.show_page("VisitsPage")
    wait_idle(qtbot, window)
    return page


def wait_dialog(owner, qtbot, window):
    """The dialog `owner` opened, shown, loaded and active (key presses go to the active window)."""
    qtbot.waitUntil(lambda: owner.log_dialog is not None and owner.log_dialog.isVisible())
    dialog = owner.log_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    wait_idle(qtbot, window)
    return dialog


def open_dialog(page, qtbot, window):
    page.log_button.click()
    return wait_dialog(page, qtbot, window)


PEOPLE = [
    dict(name="张三", is_merchant=True, company="楚天科技有限公司", phones="13812345678", station="jjj",
         region="北京", city="北京", industry="ic", native_prefecture="huanggang", is_key=True),
    dict(name="李四", is_alumnus=True, company="长江实业", phones="+1 415 555 0123", station="csj", region="上海",
         university="whu", native_prefecture="xiaogan"),
    dict(name="王五", is_merchant=True, is_ambassador=True, ambassador_since="2024-05-01", company="光谷投资",
         phones="027-8765 4321", station="dwq", region="广东", city="深圳", industry="auto", native_prefecture="wuhan"),
    dict(name="赵六", is_talent=True, company="华中数据", station="jjj", region="北京", university="hust"),
]


def seed(window, people=PEOPLE) -> list[str]:
    ids = window.ctx.profile.write(lambda s: [save_contact(s, dict(p)) for p in people])
    window.ctx.data_changed.emit(frozenset({"contact"}))
    return ids


def names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def type_text(qtbot, widget, typed: str) -> None:
    """Type as an officer does: Latin letters and digits as keys, Chinese through the input method."""
    for ch in typed:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:  # QTest cannot press keys for Chinese characters; an IME commits them
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def search(qtbot, page, typed: str) -> None:
    page.filters.search.clear()
    type_text(qtbot, page.filters.search, typed)


def type_keys(qtbot, widget, text: str) -> None:
    """Type like a keyboard would, Chinese included (QTest's keyClicks accepts ASCII only)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
