"""Words and colours for visit codes (modes, follow-up due states), in one place for every visit view."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...services.visits import MODES


def _tr(text: str) -> str:
    return QCoreApplication.translate("visits", text)


def mode_label(code: str) -> str:
    labels = {
        "visit": _tr("On-site visit"),  # 上门走访
        "inspection": _tr("Inspection trip to Wuhan"),  # 来汉考察
        "call": _tr("Phone / video call"),  # 电话/视频
        "meeting": _tr("Meeting / event"),  # 座谈/活动
    }
    return labels.get(code, code)


def mode_items() -> list[tuple[str, str]]:
    return [(code, mode_label(code)) for code in MODES]


def state_label(state: str) -> str:
    labels = {
        "overdue": _tr("overdue"),  # 逾期
        "soon": _tr("due soon"),  # 即将到期
        "later": _tr("open"),
        "none": _tr("open, no due date"),
        "done": _tr("done"),
    }
    return labels.get(state, "")


# Background and text colours of a follow-up that needs attention (readable on light themes).
STATE_BACKGROUND = {"overdue": QColor("#fbd5d5"), "soon": QColor("#fdecc8")}
STATE_FOREGROUND = {"overdue": QColor("#9b1c1c"), "soon": QColor("#8a5300"), "done": QColor("#6b7280")}


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""
