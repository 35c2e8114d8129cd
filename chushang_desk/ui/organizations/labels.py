"""Display names of organization kinds (codes are stored; words are shown)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...services.organizations import KINDS


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
