"""Words shown for the work-list categories an event counts for."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...services.events import CATEGORIES


def category_labels() -> dict[str, str]:
    labels = {
        "festival": QCoreApplication.translate("EventCategories", "Festival gathering"),  # 节庆联谊
        "key_region": QCoreApplication.translate("EventCategories", "Key region"),  # 重点区域
        "overseas": QCoreApplication.translate("EventCategories", "Overseas"),  # 境外
        "platform": QCoreApplication.translate("EventCategories", "Major platform"),  # 重大平台
        "alumni": QCoreApplication.translate("EventCategories", "Alumni"),  # 校友
    }
    return {code: labels.get(code, code) for code in CATEGORIES}


def categories_text(codes) -> str:
    labels = category_labels()
    # (the list separator is a word too: "、" in Chinese)
    return QCoreApplication.translate("EventCategories", ", ").join(labels.get(code, code) for code in codes)
