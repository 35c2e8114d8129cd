"""The pipeline board: one column per stage, each a QListView whose cards a delegate paints (no widget per
card, so 500 cards cost one list's paint per column). A card shows the project's name, its investor, its
amount and its days in the stage; one in its stage longer than the stage's limit (STAGE_LIMIT_DAYS,
Pipedrive's "rotting") gets a red edge, a badge and a tooltip saying how long.

Moving a card: drag it to another column, or Ctrl+Right / Ctrl+Left. The board only asks
(`move_requested`): the page asks the day and writes, and the card moves when the board is reloaded,
so a cancelled move leaves it where it was.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QMimeData, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListView, QStyle, QStyledItemDelegate, QVBoxLayout, QWidget,
)

from ...services.projects import PROJECT_STAGES, STAGE_LIMIT_DAYS, ProjectRow, days_in_stage, waiting_too_long
from .labels import amount_text, stage_label

MIME_TYPE = "application/x-chushang-project"
ROW_ROLE = Qt.ItemDataRole.UserRole
ROTTING_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_HEIGHT = 68
ROTTING_COLOUR = QColor("#c53030")
ROTTING_BACKGROUND = QColor("#fdf0ef")
STAGE_COLOURS = {"recommended": QColor("#718096"), "tracking": QColor("#2b6cb0"), "signed": QColor("#2f855a"),
                 "landed": QColor("#0b5394"), "dropped": QColor("#a0aec0")}


def days_text(days: int) -> str:
    """Short, for the card's corner (the tooltip says it in full)."""
    return QCoreApplication.translate("ProjectBoard", "%n d", "", days)


def amount_with_unit(amount) -> str:
    """The card's amount: the number alone in English (the tooltip gives the unit), with 万 in Chinese."""
    return QCoreApplication.translate("ProjectBoard", "{0}", "amount in 10k yuan on a card").format(
        amount_text(amount))


ROOT = QModelIndex()  # the default parent of a flat model's rows


class StageCardsModel(QAbstractListModel):
    """One stage's cards (ProjectRow), with whether each waits too long as of `today`."""

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.rows: list[ProjectRow] = []
        self.today = date.today()

    def set_rows(self, rows: list[ProjectRow], today: date) -> None:
        self.beginResetModel()
        self.rows, self.today = rows, today
        self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == ROW_ROLE:
            return row
        if role == ROTTING_ROLE:
            return waiting_too_long(row, self.today)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {row.investor}, {self.tooltip(row)}"
        return None

    def tooltip(self, row: ProjectRow) -> str:
        lines = [row.name]
        if row.planned_amount is not None:
            lines.append(self.tr("Planned: {0} (10k ¥)").format(amount_text(row.planned_amount)))
        if row.signed_amount is not None:
            lines.append(self.tr("Signed: {0} (10k ¥)").format(amount_text(row.signed_amount)))
        days = days_in_stage(row, self.today)
        if days is not None:
            lines.append(self.tr("In {0} for %n day(s)", "", days).format(stage_label(row.stage)))
        if waiting_too_long(row, self.today):
            lines.append(self.tr("Waiting too long: the limit is %n day(s)", "", STAGE_LIMIT_DAYS[row.stage]))
        return "\n".join(lines)

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        if indexes:
            row = self.rows[indexes[0].row()]
            mime.setData(MIME_TYPE, f"{row.id}\n{row.stage}".encode())
        return mime

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction  # never Move: Qt would then remove the row itself

    def supportedDropActions(self):
        return Qt.DropAction.CopyAction

    def row_of(self, project_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == project_id), -1)


def dragged_project(mime: QMimeData) -> tuple[str, str] | None:
    """(project id, the stage it is dragged from), or None when the drag is not a card."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    project_id, _, stage = bytes(mime.data(MIME_TYPE)).decode().partition("\n")
    return project_id, stage


class CardDelegate(QStyledItemDelegate):
    """Paints a card: name (bold), investor, amount and days in the stage; red edge when waiting too long."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._laid_out: dict[tuple, QStaticText] = {}

    def sizeHint(self, option, index) -> QSize:
        return QSize(option.rect.width() or 180, CARD_HEIGHT)

    def paint(self, painter: QPainter, option, index) -> None:
        row: ProjectRow = index.data(ROW_ROLE)
        rotting = bool(index.data(ROTTING_ROLE))
        card = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(QPen(option.palette.highlight().color(), 2) if selected else QPen(QColor("#d2d6dc"), 1))
        painter.setBrush(ROTTING_BACKGROUND if rotting else QColor("#ffffff"))
        painter.drawRoundedRect(card, 3, 3)  # not antialiased: a fifth of the paint for a barely seen edge
        edge = ROTTING_COLOUR if rotting else STAGE_COLOURS.get(row.stage, QColor("#718096"))
        painter.fillRect(QRect(card.left() + 1, card.top() + 1, 4 if rotting else 3, card.height() - 1), edge)
        self._texts(painter, option, card.adjusted(10, 4, -6, -4), row, rotting)
        painter.restore()

    def _bold(self, font: QFont) -> QFont:
        # Made once per font, not once per card (a QFont copy per card is a good part of a paint).
        if getattr(self, "_bold_for", None) != font:
            self._bold_for, self._bold_font = QFont(font), QFont(font)
            self._bold_font.setBold(True)
        return self._bold_font

    def _text(self, text: str, font: QFont, width: int) -> tuple[QStaticText, int]:
        """The text elided to the width, laid out once: a board repainted (a card selected, scrolled, moved
        and reloaded) draws the cards it already showed from their layouts, not shaping the text again.
        With its width, as the font gives it (for right alignment)."""
        key = (text, width, font.bold())
        found = self._laid_out.get(key)
        if found is None:
            if len(self._laid_out) > 6000:  # a bound, not a policy: the next paints lay them out again
                self._laid_out.clear()
            metrics = QFontMetrics(font)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            laid_out = QStaticText(elided)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
            found = self._laid_out[key] = (laid_out, metrics.horizontalAdvance(elided))
        return found

    def _texts(self, painter: QPainter, option, box: QRect, row: ProjectRow, rotting: bool) -> None:
        font, bold, width = option.font, self._bold(option.font), box.width()
        line = option.fontMetrics.height()
        painter.setFont(bold)
        painter.setPen(QColor("#1a202c") if row.stage != "dropped" else QColor("#718096"))
        painter.drawStaticText(box.left(), box.top(), self._text(row.name, bold, width)[0])
        painter.setFont(font)
        painter.setPen(QColor("#4a5568"))
        painter.drawStaticText(box.left(), box.top() + line, self._text(row.investor or "—", font, width)[0])
        top = box.bottom() - line + 1
        used = 0  # the amount first: it is what the card is for; the days take the room left
        amount = row.signed_amount if row.signed_amount is not None else row.planned_amount
        if amount is not None:
            painter.setPen(QColor("#4a5568"))
            shown, used = self._text(amount_with_unit(amount), font, width)
            painter.drawStaticText(box.left(), top, shown)
            used += 6
        days = days_in_stage(row, index_today(option))
        if days is not None and width - used > 0:
            days_font = bold if rotting else font
            shown, advance = self._text(("⚠" if rotting else "") + days_text(days), days_font, width - used)
            painter.setPen(ROTTING_COLOUR if rotting else QColor("#4a5568"))
            painter.setFont(days_font)
            painter.drawStaticText(box.right() + 1 - advance, top, shown)


def index_today(option) -> date:
    view = option.widget
    model = view.model() if view is not None else None
    return model.today if isinstance(model, StageCardsModel) else date.today()


class StageColumn(QListView):
    """One stage's cards. Drops of a card from another column and Ctrl+Left/Right ask for a move;
    Left/Right alone go to the neighbouring column."""

    move_requested = Signal(str, str)  # project id, the stage it should reach
    step_requested = Signal(str, int)  # project id, -1 / +1 column
    focus_step = Signal(int)  # -1 / +1: the officer pressed Left / Right

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.setModel(StageCardsModel(stage, self))
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setObjectName(f"stage:{stage}")
        self.setStyleSheet("QListView { background: #f4f5f7; border: none; }")

    def cards(self) -> StageCardsModel:
        return self.model()

    def current_project(self) -> ProjectRow | None:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() and self.selectionModel().isSelected(index) else None

    # Drag and drop -----------------------------------------------------------------------------------
    def _wanted(self, event) -> tuple[str, str] | None:
        dragged = dragged_project(event.mimeData())
        return dragged if dragged is not None and dragged[1] != self.stage else None

    def dragEnterEvent(self, event) -> None:
        self._accept_if_wanted(event)

    def dragMoveEvent(self, event) -> None:
        self._accept_if_wanted(event)

    def _accept_if_wanted(self, event) -> None:
        if self._wanted(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        wanted = self._wanted(event)
        if wanted is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.move_requested.emit(wanted[0], self.stage)

    # Keys --------------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            row = self.current_project()
            if ctrl and row is not None:
                self.step_requested.emit(row.id, step)
            elif not ctrl:
                self.focus_step.emit(step)
            event.accept()
            return
        super().keyPressEvent(event)


class ProjectBoard(QWidget):
    """The columns side by side; 退库 dropped narrower and greyed, off the line of the others."""

    move_requested = Signal(str, str)  # project id, stage
    current_changed = Signal(str)  # project id, "" when none is selected
    activated = Signal(str)  # a card activated (double-click, Enter; QListView.activated): edit the project

    DROPPED_WIDTH = 150
    COLUMN_WIDTH = 140  # the least a column takes

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: dict[str, StageColumn] = {}
        self.headers: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for stage in PROJECT_STAGES:
            layout.addWidget(self._column(stage), 0 if stage == "dropped" else 1)

    def _column(self, stage: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        header = QLabel()
        header.setObjectName(f"header:{stage}")
        colour = STAGE_COLOURS[stage].name()
        header.setStyleSheet(f"QLabel {{ font-weight: bold; padding: 4px 6px; border-bottom: 3px solid {colour}; }}")
        view = StageColumn(stage)
        view.move_requested.connect(self.move_requested)
        view.step_requested.connect(self._step)
        view.focus_step.connect(lambda step, s=stage: self._focus_neighbour(s, step))
        view.selectionModel().selectionChanged.connect(lambda *_a, v=view: self._selected_in(v))
        view.activated.connect(lambda index: self.activated.emit(index.data(ROW_ROLE).id))
        column.addWidget(header)
        column.addWidget(view, 1)
        if stage == "dropped":
            box.setFixedWidth(self.DROPPED_WIDTH)
        else:
            box.setMinimumWidth(self.COLUMN_WIDTH)
        self.columns[stage], self.headers[stage] = view, header
        return box

    def set_board(self, board: dict[str, list[ProjectRow]], today: date | None = None) -> None:
        keep = self.current_id()
        today = today or date.today()
        for stage, view in self.columns.items():
            rows = board.get(stage, [])
            view.cards().set_rows(rows, today)
            header = self.headers[stage]
            header.setText(f"{stage_label(stage)}  ·  {len(rows)}")
            if stage != "dropped":  # never narrower than its heading (a narrow window scrolls the board)
                header.parentWidget().setMinimumWidth(max(self.COLUMN_WIDTH, header.sizeHint().width()))
        if keep:
            self.select(keep)

    def _selected_in(self, view: StageColumn) -> None:
        row = view.current_project()
        if row is not None:
            for other in self.columns.values():
                if other is not view:
                    other.clearSelection()
        self.current_changed.emit(self.current_id() or "")

    def current(self) -> ProjectRow | None:
        for view in self.columns.values():
            row = view.current_project()
            if row is not None:
                return row
        return None

    def current_id(self) -> str | None:
        row = self.current()
        return row.id if row is not None else None

    def select(self, project_id: str) -> bool:
        for view in self.columns.values():
            row = view.cards().row_of(project_id)
            if row >= 0:
                index = view.cards().index(row)
                view.setCurrentIndex(index)
                view.scrollTo(index)
                return True
        return False

    def focus_current(self) -> None:
        for view in self.columns.values():
            if view.current_project() is not None:
                view.setFocus()
                return
        self.columns[PROJECT_STAGES[0]].setFocus()

    def _step(self, project_id: str, step: int) -> None:
        row = next((v.cards().rows[i] for v in self.columns.values()
                    for i in [v.cards().row_of(project_id)] if i >= 0), None)
        if row is None:
            return
        index = PROJECT_STAGES.index(row.stage) + step
        if 0 <= index < len(PROJECT_STAGES):
            self.move_requested.emit(project_id, PROJECT_STAGES[index])

    def _focus_neighbour(self, stage: str, step: int) -> None:
        index = PROJECT_STAGES.index(stage) + step
        if not 0 <= index < len(PROJECT_STAGES):
            return
        view = self.columns[PROJECT_STAGES[index]]
        view.setFocus()
        if view.cards().rowCount() and view.current_project() is None:
            view.setCurrentIndex(view.cards().index(min(self.columns[stage].currentIndex().row(),
                                                        view.cards().rowCount() - 1) if
                                                    self.columns[stage].currentIndex().isValid() else 0))
