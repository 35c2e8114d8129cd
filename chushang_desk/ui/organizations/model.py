"""The organization table: name, kind, region/city, station, founded, members."""
from __future__ import annotations

from PySide6.QtCore import Qt

from ...services.organizations import organization_rows
from ..labels import kind_labels, short_kind_labels
from ..widgets.lazy_table import LazyRowsModel

NAME, KIND, PLACE, STATION, FOUNDED, MEMBERS = range(6)


def place_text(region: str, city: str) -> str:
    """广东 深圳; a city that is its own region (上海) shows once."""
    parts = [region] + ([city] if city != region else [])
    return " ".join(p for p in parts if p)


class OrganizationTableModel(LazyRowsModel):
    PAGE = 100  # organization_page sends the first 100 rows with the ids
    PENDING = None

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, organization_rows, parent=parent)
        self._kinds = short_kind_labels()
        self._kind_names = kind_labels()

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kind"), self.tr("Region / city"), self.tr("Station"),
                self.tr("Founded"), self.tr("Members")]

    def display(self, row, column: int) -> str:
        if column == NAME:
            return row.name
        if column == KIND:
            return self._kinds.get(row.kind, row.kind)
        if column == PLACE:
            return place_text(row.region, row.city)
        if column == STATION:
            return self.ctx.ref_name("station", row.station) if row.station else ""
        if column == FOUNDED:
            return row.founded_on.isoformat() if row.founded_on else ""
        if column == MEMBERS:
            return str(row.members)
        return ""

    def extra(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (FOUNDED, MEMBERS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole and column == KIND:
            return self._kind_names.get(row.kind, row.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column == STATION:
            return self.display(row, column)
        return None
