"""Table models over hundreds of thousands of visits or follow-ups: ids from SQL, rows fetched in pages.

The shared LazyRowsModel (ui/widgets/lazy_table.py) holds the matching ids and asks for the rows of a page
only when a view paints it; answers for an older query are dropped. No QSortFilterProxyModel: the
order and the filters are SQL's.
"""
from __future__ import annotations

from PySide6.QtCore import Qt

from ...services.visits import find_visit_ids, first_visit_rows, visit_rows
from ..labels import STATE_BACKGROUND, STATE_FOREGROUND, iso, mode_label, state_label
from ..widgets.lazy_table import LazyRowsModel


class VisitTableModel(LazyRowsModel):
    """The visit list: newest first, filtered by a VisitQuery."""

    DATE, STATION, MODE, CONTACTS, OFFICERS, PURPOSE, NEXT, FOLLOW_UPS = range(8)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, visit_rows, find_ids=find_visit_ids, first_rows=first_visit_rows, parent=parent)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Station"), self.tr("Mode"), self.tr("Contacts"), self.tr("Officers"),
                self.tr("Purpose"), self.tr("Next contact"), self.tr("Open follow-ups")]

    def extra(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return visit_tooltip(row, self.ctx)
        if column == self.FOLLOW_UPS and role == Qt.ItemDataRole.BackgroundRole:
            return STATE_BACKGROUND.get(row.due_state)
        if column == self.FOLLOW_UPS and role == Qt.ItemDataRole.ForegroundRole:
            return STATE_FOREGROUND.get(row.due_state)
        return None

    def display(self, row, column: int) -> str:
        if column == self.DATE:
            return iso(row.visit_date)
        if column == self.STATION:
            return self.ctx.ref_name("station", row.station) if row.station else ""
        if column == self.MODE:
            return mode_label(row.mode)
        if column == self.CONTACTS:
            return "、".join(row.contacts)
        if column == self.OFFICERS:
            return "、".join(row.officers)
        if column == self.PURPOSE:
            return row.purpose
        if column == self.NEXT:
            return iso(row.next_contact_date)
        if column == self.FOLLOW_UPS:
            if not row.open_follow_ups:
                return ""
            state = row.due_state if row.due_state in ("overdue", "soon") else ""
            return f"{row.open_follow_ups} · {state_label(state)}" if state else str(row.open_follow_ups)
        return ""


def visit_tooltip(row, ctx) -> str:
    """Summary and follow-ups of a visit row, as rich text."""
    from html import escape

    parts = [f"<b>{escape(iso(row.visit_date))} · {escape('、'.join(row.contacts))}</b>"]
    if row.place:
        parts.append(escape(row.place))
    if row.summary:
        summary = row.summary if len(row.summary) < 400 else row.summary[:399] + "…"
        parts.append(escape(summary).replace("\n", "<br>"))
    for f in row.follow_ups:
        mark = "✓ " if f["done"] else "☐ "
        due = f" ({iso(f['due_date'])}, {state_label(f['state'])})" if f["due_date"] else ""
        colour = STATE_FOREGROUND.get(f["state"])
        text = escape(f"{mark}{f['task']} — {f['owner']}{due}")
        parts.append(f"<span style='color:{colour.name()}'>{text}</span>" if colour else text)
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"
