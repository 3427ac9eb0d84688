"""The register window's own widgets: the file dialogs (a stand-in in tests), the message bar,
the progress of its jobs with Cancel, the consent matrix's cells and table (photos dropped on a
row become that person's reference photos).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

from spoenk_publisher.core.photos import PHOTO_SUFFIXES
from spoenk_publisher.gui.jobs import Job, JobRunner, Progress
from spoenk_publisher.gui.register.texts import fill, translate


class FileChooser:
    """Asks for files with the platform's dialogs; tests put a stand-in in its place."""

    def csv_file(self, parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("FileChooser", "Import a list"),
            "",
            translate("FileChooser", "Lists (*.csv *.txt *.xlsx)")
            + ";;"
            + translate("FileChooser", "All files (*)"),
        )
        return Path(name) if name else None

    def photos(self, parent: QWidget) -> list[Path]:
        photo_patterns = " ".join(f"*{suffix}" for suffix in sorted(PHOTO_SUFFIXES))
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            translate("FileChooser", "Choose photos of this person alone"),
            "",
            fill(translate("FileChooser", "Photos (%1)"), photo_patterns)
            + ";;"
            + translate("FileChooser", "All files (*)"),
        )
        return [Path(name) for name in names]

    def folder(self, parent: QWidget) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, translate("FileChooser", "Choose the folder with the portrait photos")
        )
        return Path(name) if name else None


class MessageBar(QFrame):
    """A sentence above the list: what just happened, or what went wrong (never a traceback)."""

    INFO, ERROR = "info", "error"
    _STYLES = {
        INFO: "MessageBar { background: #e3f1df; border: 1px solid #9cc891; border-radius: 4px; }",
        ERROR: "MessageBar { background: #fbe3e3; border: 1px solid #e09a9a; border-radius: 4px; }",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message-bar")
        self.level = self.INFO
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, level: str = INFO) -> None:
        self.level = level
        self.setStyleSheet(self._STYLES[level])
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class JobProgress(QWidget):
    """The status bar's progress of long work, with the one button that stops it."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel-job")
        self.cancel_button.clicked.connect(runner.cancel_all)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.progress.connect(self._show_progress)
        runner.busy_changed.connect(self.setVisible)
        self.hide()

    def _show_progress(self, job: Job, step: object) -> None:
        if not isinstance(step, Progress):
            return
        done, total, item = step.done, step.total, step.item
        text = job.title
        if total:
            text += " " + fill(self.tr("(%1 of %2)"), min(done + 1, total), total)
        if item:
            text += f": {item}"
        self.label.setText(text)
        self.bar.setRange(0, total)  # 0..0: busy, without a known end
        self.bar.setValue(done)


class ColouredCellDelegate(QStyledItemDelegate):
    """Keeps a consent cell's colour visible when its row is selected (a tint, not a cover)."""

    SELECTION_TINT = QColor(30, 100, 220, 70)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if background is None or not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.state &= ~QStyle.StateFlag.State_Selected
        cell.backgroundBrush = QBrush(Qt.BrushStyle.NoBrush)
        painter.fillRect(option.rect, background)
        painter.fillRect(option.rect, self.SELECTION_TINT)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)


class PeopleTableView(QTableView):
    """The matrix; photos dropped on a row become that person's reference photos."""

    #: proxy index of the row the photos were dropped on, and the dropped files
    photos_dropped = Signal(QModelIndex, list)
    #: a cell chosen by a click, or by Enter or Space on the keyboard
    cell_chosen = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("people-table")
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)
        self.clicked.connect(self.cell_chosen)

    @staticmethod
    def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        urls: list[QUrl] = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self.dropped_files(event):
            self.selectRow(index.row())  # shows whose photos they will become
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        paths = self.dropped_files(event)
        if not index.isValid() or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.photos_dropped.emit(index, paths)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            self.cell_chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
