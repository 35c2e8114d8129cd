"""Words and colours shown for stored codes, in one place for every screen: visit modes and follow-up due
states, referral statuses, organization kinds. Codes are stored; these words are shown, in the interface
language (each written as QCoreApplication.translate(context, "...") so that lupdate finds it)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ..services.organizations import KINDS
from ..services.referrals import STATUSES
from ..services.visits import MODES

# -- visits ----------------------------------------------------------------------------------------------

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


# -- referrals -------------------------------------------------------------------------------------------

def status_labels() -> dict[str, str]:
    labels = {
        "new": QCoreApplication.translate("ReferralStatuses", "New lead"),
        "contacted": QCoreApplication.translate("ReferralStatuses", "Contacted"),
        "negotiating": QCoreApplication.translate("ReferralStatuses", "Negotiating"),
        "signed": QCoreApplication.translate("ReferralStatuses", "Signed"),
        "landed": QCoreApplication.translate("ReferralStatuses", "Landed"),
        "dropped": QCoreApplication.translate("ReferralStatuses", "Dropped"),
    }
    return {code: labels.get(code, code) for code in STATUSES}


def status_label(code: str) -> str:
    return status_labels().get(code, code)


STATUS_COLOURS = {
    "signed": QColor("#1e7b34"),
    "landed": QColor("#0b5394"),
    "dropped": QColor("#888888"),
}


# -- organizations ---------------------------------------------------------------------------------------

def kind_labels() -> dict[str, str]:
    labels = {
        "chamber": QCoreApplication.translate("OrganizationKinds", "Chamber of commerce"),
        "alumni_association": QCoreApplication.translate("OrganizationKinds", "Alumni association"),
        "company": QCoreApplication.translate("OrganizationKinds", "Company"),
        "university": QCoreApplication.translate("OrganizationKinds", "University"),
        "other": QCoreApplication.translate("OrganizationKinds", "Other"),
    }
    return {code: labels.get(code, code) for code in KINDS}


def short_kind_labels() -> dict[str, str]:
    """Kinds as the table's narrow column shows them (the full words are in the tooltip)."""
    labels = {
        "chamber": QCoreApplication.translate("OrganizationKinds", "Chamber"),
        "alumni_association": QCoreApplication.translate("OrganizationKinds", "Alumni"),
        "company": QCoreApplication.translate("OrganizationKinds", "Company"),
        "university": QCoreApplication.translate("OrganizationKinds", "University"),
        "other": QCoreApplication.translate("OrganizationKinds", "Other"),
    }
    return {code: labels.get(code, code) for code in KINDS}


def kind_label(code: str) -> str:
    return kind_labels().get(code, code)
