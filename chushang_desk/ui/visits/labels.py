"""Words and colours for visit codes (modes, follow-up due states), in one place for every visit view."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...services.visits import MODES


# Written out as QCoreApplication.translate("visits", "...") so that lupdate finds the strings.
def mode_label(code: str) -> str:
    labels = {
        "visit": QCoreApplication.translate("visits", "On-site visit"),  # 上门走访
        "inspection": QCoreApplication.translate("visits", "Inspection trip to Wuhan"),  # 来汉考察
        "call": QCoreApplication.translate("visits", "Phone / video call"),  # 电话/视频
        "meeting": QCoreApplication.translate("visits", "Meeting / event"),  # 座谈/活动
    }
    return labels.get(code, code)


def mode_items() -> list[tuple[str, str]]:
    return [(code, mode_label(code)) for code in MODES]


def state_label(state: str) -> str:
    labels = {
        "overdue": QCoreApplication.translate("visits", "overdue"),  # 逾期
        "soon": QCoreApplication.translate("visits", "due soon"),  # 即将到期
        "later": QCoreApplication.translate("visits", "open"),
        "none": QCoreApplication.translate("visits", "open, no due date"),
        "done": QCoreApplication.translate("visits", "done"),
    }
    return labels.get(state, "")


# Background and text colours of a follow-up that needs attention (readable on light themes).
STATE_BACKGROUND = {"overdue": QColor("#fbd5d5"), "soon": QColor("#fdecc8")}
STATE_FOREGROUND = {"overdue": QColor("#9b1c1c"), "soon": QColor("#8a5300"), "done": QColor("#6b7280")}


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""
