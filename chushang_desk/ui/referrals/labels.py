"""Display names of referral statuses (codes are stored; words are shown)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...services.referrals import STATUSES


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
