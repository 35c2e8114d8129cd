"""The referral table: date, ambassador, whom or what was referred, status, station."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ...services.referrals import referral_rows
from ..labels import STATUS_COLOURS, status_labels
from ..widgets.lazy_table import LazyRowsModel

DATE, AMBASSADOR, REFERRED, STATUS, STATION = range(5)


def referred_text(row) -> str:
    """张三 · 杭州湖北商会 · 光谷芯片项目 (whatever of the three was recorded)."""
    return " · ".join(p for p in (row.referred_contact, row.referred_organization, row.project_name) if p)


class ReferralTableModel(LazyRowsModel):
    PAGE = 100  # referral_page sends the first 100 rows with the ids
    PENDING = None

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, referral_rows, parent=parent)
        self._statuses = status_labels()

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Ambassador"), self.tr("Referred"),
                self.tr("Status"), self.tr("Station")]

    def display(self, row, column: int) -> str:
        if column == DATE:
            return row.referred_on.isoformat()
        if column == AMBASSADOR:
            return row.ambassador
        if column == REFERRED:
            return referred_text(row)
        if column == STATUS:
            return self._statuses.get(row.status, row.status)
        if column == STATION:
            return self.ctx.ref_name("station", row.station) if row.station else ""
        return ""

    def extra(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == REFERRED:
            return referred_text(row)
        return None
