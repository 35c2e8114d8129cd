"""The dashboard's words for the work list's items, periods and units, in the interface language (the
bureau's report keeps its own Chinese words: exchange/bureau_report.py METRIC_WORDS)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale



def metric_label(metric: str) -> str:
    labels = {
        "signed_projects": QCoreApplication.translate("DashboardPage", "Projects signed"),  # 新签约楚商投资项目
        "landed_projects": QCoreApplication.translate("DashboardPage", "Projects landed"),  # 落地楚商项目
        "capital_arrived": QCoreApplication.translate("DashboardPage", "Capital arrived"),  # 产业到资
        "merchant_records": QCoreApplication.translate("DashboardPage", "Merchants on file"),  # 楚商资源库
        "merchant_key_records": QCoreApplication.translate("DashboardPage", "Key merchants"),
        "alumni_records": QCoreApplication.translate("DashboardPage", "Alumni on file"),
        "alumni_key_records": QCoreApplication.translate("DashboardPage", "Key alumni"),
        "talent_records": QCoreApplication.translate("DashboardPage", "Talents on file"),
        "liaison_stations": QCoreApplication.translate("DashboardPage", "Liaison stations"),
        "new_chambers": QCoreApplication.translate("DashboardPage", "New chambers"),
        "events": QCoreApplication.translate("DashboardPage", "Themed events"),
        "festival_events": QCoreApplication.translate("DashboardPage", "Festival gatherings"),
        "key_region_events": QCoreApplication.translate("DashboardPage", "Events in key regions"),
        "overseas_events": QCoreApplication.translate("DashboardPage", "Overseas events"),
        "platform_events": QCoreApplication.translate("DashboardPage", "Events on major platforms"),
        "alumni_events": QCoreApplication.translate("DashboardPage", "Alumni events"),
    }
    return labels.get(metric, metric)


def unit_label(unit: str) -> str:
    """Stored units are the work list's Chinese ones; 万元 is the only one that changes a number's meaning."""
    labels = {"万元": QCoreApplication.translate("DashboardPage", "10k yuan"), "个": "",
              "人": QCoreApplication.translate("DashboardPage", "people"), "场": ""}
    return labels.get(unit, unit)


def period_choices() -> list[tuple[str, str]]:
    """(code for period_of, label): the year, its quarters, halves and months."""
    choices = [("", QCoreApplication.translate("DashboardPage", "Whole year"))]
    quarter = QCoreApplication.translate("DashboardPage", "Quarter {0}")
    choices += [(f"Q{q}", quarter.format(q)) for q in range(1, 5)]
    choices += [("H1", QCoreApplication.translate("DashboardPage", "First half")),
                ("H2", QCoreApplication.translate("DashboardPage", "Second half"))]
    choices += [(f"M{m:02d}", QLocale().standaloneMonthName(m)) for m in range(1, 13)]
    return choices


def month_short(month: int) -> str:
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def number(value: Decimal | int | None, money: bool = False) -> str:
    """A figure as the rest of the app shows numbers: grouped, money with two decimals."""
    if value is None:
        return "–"
    if money:
        return QLocale().toString(float(value), "f", 2)
    return QLocale().toString(int(value))


def percent(rate: Decimal | None) -> str:
    return "–" if rate is None else QLocale().toString(float(rate) * 100, "f", 1) + " %"
