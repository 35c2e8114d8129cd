"""Table models over hundreds of thousands of visits or follow-ups: ids from SQL, rows fetched in pages.

The model holds the matching ids (one query on the database thread) and asks for the rows of a page
only when a view paints it; answers for an older query are dropped. No QSortFilterProxyModel: the
order and the filters are SQL's.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from ...services.visits import (
    find_follow_up_ids, find_visit_ids, first_visit_rows, follow_up_rows, visit_rows,
)
from .labels import STATE_BACKGROUND, STATE_FOREGROUND, iso, mode_label, state_label

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain row object (VisitRow, FollowUpRow)


class LazyRowsModel(QAbstractTableModel):
    PAGE = 200
    MAX_PAGES = 50  # pages kept; older ones are fetched again when scrolled back to
    ids_loaded = Signal(int)  # number of matching rows
    page_loaded = Signal(int)

    def __init__(self, ctx, find_ids, fetch_rows, first_rows=None, parent=None):
        super().__init__(parent)
        self.ctx, self._find_ids, self._fetch_rows = ctx, find_ids, fetch_rows
        # Optional service (session, *args, limit) -> the first rows, painted while all ids are found.
        self._first_rows = first_rows
        self._args: tuple = ()
        self._ids: list[str] = []
        self._pages: dict[int, list] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.loading = False

    # ------------------------------------------------------------------ columns (subclasses)
    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row, column: int, role: int):
        raise NotImplementedError

    # ------------------------------------------------------------------ loading
    def load(self, *args) -> None:
        """Ask for the ids matching args (the arguments of find_ids after the session)."""
        self._args = args
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation, self.loading = self._generation, True
        if self._first_rows is not None:
            self.ctx.read(self._unless_stale(generation, self._first_rows), *self._args, limit=self.PAGE,
                          on_done=lambda rows: self._got_first_rows(generation, rows))
        self.ctx.read(self._unless_stale(generation, self._find_ids), *self._args,
                      on_done=lambda ids: self._got_ids(generation, ids))

    def _unless_stale(self, generation: int, service):
        """The service, skipped on the database thread if a newer query was asked for while it queued."""
        def run(session, *args, **kwargs):
            if generation != self._generation:
                return None
            return service(session, *args, **kwargs)
        return run

    def _got_first_rows(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._pages, self._pending = [r.id for r in rows], {0: list(rows)}, set()
        self.endResetModel()

    def _got_ids(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer query was asked for; this answer is stale
        head = len(self._ids) if self._first_rows is not None else 0
        if head and ids[:head] == self._ids and len(ids) > head:
            self.beginInsertRows(QModelIndex(), head, len(ids) - 1)  # the first rows stay; the rest follow
            self._ids = ids
            self.endInsertRows()
        elif not (head and ids == self._ids):
            self.beginResetModel()
            self._ids, self._pages, self._pending = ids, {}, set()
            self.endResetModel()
        self.loading = False
        self.ids_loaded.emit(len(ids))

    def _request(self, page: int) -> None:
        if page in self._pending or self.ctx.profile is None:
            return
        self._pending.add(page)
        generation = self._generation
        ids = self._ids[page * self.PAGE:(page + 1) * self.PAGE]
        self.ctx.read(self._unless_stale(generation, self._fetch_rows), ids,
                      on_done=lambda rows: self._got_rows(generation, page, ids, rows))

    def _got_rows(self, generation: int, page: int, ids: list[str], rows: list) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        if self._ids[page * self.PAGE:(page + 1) * self.PAGE] != ids:
            return  # the list changed under this page; it is asked for again when painted
        by_id = {r.id: r for r in rows}
        self._pages[page] = [by_id.get(i) for i in ids]
        while len(self._pages) > self.MAX_PAGES:
            self._pages.pop(next(iter(self._pages)))
        first, last = page * self.PAGE, page * self.PAGE + len(ids) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.page_loaded.emit(page)

    # ------------------------------------------------------------------ access
    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    def row_at(self, row: int, fetch: bool = True):
        """The row object, or None while its page is being fetched."""
        page = row // self.PAGE
        rows = self._pages.get(page)
        if rows is None:
            if fetch:
                self._request(page)
            return None
        return rows[row - page * self.PAGE]

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class VisitTableModel(LazyRowsModel):
    """The visit list: newest first, filtered by a VisitQuery."""

    DATE, STATION, MODE, CONTACTS, OFFICERS, PURPOSE, NEXT, FOLLOW_UPS = range(8)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, find_visit_ids, visit_rows, first_visit_rows, parent)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Station"), self.tr("Mode"), self.tr("Contacts"), self.tr("Officers"),
                self.tr("Purpose"), self.tr("Next contact"), self.tr("Open follow-ups")]

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return visit_tooltip(row, self.ctx)
        if column == self.FOLLOW_UPS and role == Qt.ItemDataRole.BackgroundRole:
            return STATE_BACKGROUND.get(row.due_state)
        if column == self.FOLLOW_UPS and role == Qt.ItemDataRole.ForegroundRole:
            return STATE_FOREGROUND.get(row.due_state)
        return None

    def _text(self, row, column: int) -> str:
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


class FollowUpTableModel(LazyRowsModel):
    """Follow-ups by due date, overdue first; overdue and due-soon rows are coloured."""

    DUE, STATE, TASK, OWNER, CONTACTS, VISIT_DATE, STATION, PURPOSE = range(8)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, find_follow_up_ids, follow_up_rows, None, parent)

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Status"), self.tr("Task"), self.tr("Owner"), self.tr("Contacts"),
                self.tr("Visit date"), self.tr("Station"), self.tr("Visit purpose")]

    def cell(self, row, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATE_BACKGROUND.get(row.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATE_FOREGROUND.get(row.state)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TASK:
            return row.task
        return None

    def _text(self, row, column: int) -> str:
        values = {
            self.DUE: iso(row.due_date),
            self.STATE: state_label(row.state) + (f" {iso(row.done_on)}" if row.done and row.done_on else ""),
            self.TASK: row.task,
            self.OWNER: row.owner,
            self.CONTACTS: "、".join(row.contacts),
            self.VISIT_DATE: iso(row.visit_date),
            self.STATION: self.ctx.ref_name("station", row.station) if row.station else "",
            self.PURPOSE: row.purpose,
        }
        return values.get(column, "")
