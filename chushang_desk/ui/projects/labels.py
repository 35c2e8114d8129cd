"""Words shown for the projects' stored codes (stages, sources, what a project waits on) and amounts."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ...services.projects import PROJECT_ISSUES, PROJECT_SOURCES, PROJECT_STAGES


def stage_labels() -> dict[str, str]:
    labels = {
        "recommended": QCoreApplication.translate("ProjectStages", "Recommended"),  # 推介
        "tracking": QCoreApplication.translate("ProjectStages", "Tracking"),  # 跟踪
        "signed": QCoreApplication.translate("ProjectStages", "Signed"),  # 签约
        "landed": QCoreApplication.translate("ProjectStages", "Landed"),  # 开工/落地 (started or landed)
        "dropped": QCoreApplication.translate("ProjectStages", "Dropped"),  # 退库
    }
    return {code: labels.get(code, code) for code in PROJECT_STAGES}


def stage_label(code: str) -> str:
    return stage_labels().get(code, code)


def source_labels() -> dict[str, str]:
    labels = {
        "visit": QCoreApplication.translate("ProjectSources", "Visit"),
        "referral": QCoreApplication.translate("ProjectSources", "Referral"),
        "event": QCoreApplication.translate("ProjectSources", "Event"),
        "alumni": QCoreApplication.translate("ProjectSources", "Alumni"),
        "other": QCoreApplication.translate("ProjectSources", "Other"),
    }
    return {code: labels.get(code, code) for code in PROJECT_SOURCES}


def issue_labels() -> dict[str, str]:
    labels = {
        "funds": QCoreApplication.translate("ProjectIssues", "Funds"),
        "land": QCoreApplication.translate("ProjectIssues", "Land"),
        "policy": QCoreApplication.translate("ProjectIssues", "Policy"),
        "approval": QCoreApplication.translate("ProjectIssues", "Approval"),
        "other": QCoreApplication.translate("ProjectIssues", "Other"),
    }
    return {code: labels.get(code, code) for code in PROJECT_ISSUES}


def amount_text(value: Decimal | None) -> str:
    """万元 with thousands separators; cents only when there are some (500,000 · 1,250.50)."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
