"""The register window: people and their consent per channel, and everything done to them.

Opened from the main window's menu::

    RegisterWindow(register_path, parent).show()

What a user does here, and where it goes:

- find people: the search field (name or number) and the group list filter the matrix;
- change one consent: click a channel cell, then grant until a date, refuse or withdraw;
- withdraw consent on several channels: "Withdraw consent…"; the published-photos report follows;
- add reference faces: drop photos on a person's row, or "Add reference photos…";
- import a CSV file: "Import CSV…" shows what would change (or the problems by line) first;
- add, edit or remove a person (removal deletes their face data, after a confirmation).

Every change goes through ``Register`` (one transaction and one audit line each). Quick reads and
single changes use the window's own ``Register`` on the UI thread; loading the matrix, checking and
importing a file, and reading reference photos run as jobs (``register_jobs``) with their own.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher import clock
from spoenk_publisher.core.enrolment import EnrolmentError
from spoenk_publisher.core.photos import PHOTO_SUFFIXES, UnreadablePhoto, is_photo_path
from spoenk_publisher.core.retention import forget_person
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.jobs import GENERAL, WRITE, Job, JobRunner, Progress
from spoenk_publisher.gui.register.csv_import_dialog import CsvImportDialog
from spoenk_publisher.gui.register.dialogs import (
    ConsentAnswer,
    ConsentChoice,
    ConsentDialog,
    PersonDialog,
    PublishedPhotosDialog,
    WithdrawalAnswer,
    WithdrawDialog,
)
from spoenk_publisher.gui.register.jobs import (
    EnrolJob,
    EnrolResult,
    LoadRegisterJob,
)
from spoenk_publisher.gui.register.models import (
    NO_FACES_COLOUR,
    ConsentMatrixModel,
    PeopleFilterProxy,
    RegisterSnapshot,
    channel_label,
    fill,
    format_day,
    format_moment,
    granted_text,
    record_status_text,
    role_text,
    translate,
)
from spoenk_publisher.register import (
    ConsentRecord,
    ImportSummary,
    Person,
    RecordStatus,
    Register,
    RegisterError,
    Source,
)

__all__ = ["RegisterWindow"]

_Dialog = TypeVar("_Dialog", bound=QWidget)

#: Windows opened without a parent are kept here until closed (else Python would collect them).
_OPEN_WINDOWS: set[RegisterWindow] = set()


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


class PersonPanel(QWidget):
    """The chosen person: details, reference faces, the buttons for them, and consent history."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-panel")
        self.setMinimumWidth(320)
        self.heading = QLabel(self.tr("Choose a person to see their details."), self)
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.number_label = QLabel(self)
        self.group_label = QLabel(self)
        self.role_label = QLabel(self)
        self.active_label = QLabel(self)
        self.faces_label = QLabel(self)
        self.faces_label.setObjectName("reference-faces")
        self.no_faces_hint = QLabel(
            self.tr("The app cannot recognise this person yet, so they are always blurred."),
            self,
        )
        self.no_faces_hint.setWordWrap(True)
        self.no_faces_hint.setStyleSheet(
            f"background: {NO_FACES_COLOUR.name()}; padding: 4px; border-radius: 3px;"
        )
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Number"), self.number_label)
        form.addRow(self.tr("Group"), self.group_label)
        form.addRow(self.tr("Role"), self.role_label)
        form.addRow(self.tr("At school"), self.active_label)
        form.addRow(self.tr("Reference faces"), self.faces_label)

        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.buttons: list[QPushButton] = []
        for action in actions:
            button = QPushButton(action.text().replace("&", ""), self)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
            self.buttons.append(button)

        history_title = QLabel(self.tr("Consent history (newest first)"), self)
        history_title.setFont(QFont(self.font().family(), -1, QFont.Weight.Bold))
        history_title.setWordWrap(True)
        self.history = QTableWidget(0, 3, self)
        self.history.setObjectName("consent-history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Recorded"), self.tr("Channel"), self.tr("Decision")]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.history.setWordWrap(False)
        self.tip = QLabel(
            self.tr("Tip: drop photos of this person on their row to add reference faces."), self
        )
        self.tip.setWordWrap(True)
        self.tip.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.no_faces_hint)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.tip)
        self.show_nobody()

    def show_nobody(self) -> None:
        self.heading.setText(self.tr("Choose a person to see their details."))
        self.details.hide()
        self.no_faces_hint.hide()
        self.history.setRowCount(0)

    def show_person(
        self, person: Person, faces: int, history: list[ConsentRecord], labels: dict[str, str]
    ) -> None:
        self.heading.setText(person.name)
        self.details.show()
        self.number_label.setText(person.id)
        self.group_label.setText(person.group or "—")
        self.role_label.setText(role_text(person.role))
        self.active_label.setText(self.tr("Yes") if person.active else self.tr("No"))
        self.faces_label.setText(str(faces))
        self.no_faces_hint.setVisible(faces == 0)
        self.history.setRowCount(len(history))
        for row, record in enumerate(reversed(history)):
            decision = record_status_text(record.status)
            if record.status is RecordStatus.GRANTED:
                decision = granted_text(record.valid_until)
            cells = [
                format_day(record.recorded_at.astimezone().date()),
                labels.get(record.channel, record.channel),
                decision,
            ]
            tooltip = fill(
                self.tr("From %1. Recorded %2 by %3 (source: %4)."),
                format_day(record.valid_from),
                format_moment(record.recorded_at),
                record.recorded_by,
                self._source_text(record.source),
            )
            if record.note:
                tooltip += "\n" + fill(self.tr("Note: %1"), record.note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                self.history.setItem(row, column, item)

    def _source_text(self, source: Source) -> str:
        return {
            Source.FORM: self.tr("consent form"),
            Source.CSV: self.tr("CSV file"),
            Source.APP: self.tr("entered in the app"),
        }[Source(source)]


class RegisterWindow(QMainWindow):
    """The consent register: who may appear unblurred where, and by which faces they are known."""

    #: the matrix shows the register (after opening, refreshing or importing)
    loaded = Signal()
    #: an enrolment job ended (its result is shown in the message bar)
    enrolment_done = Signal(object)

    def __init__(
        self,
        register_path: Path,
        parent: QWidget | None = None,
        *,
        file_chooser: FileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.register_path = Path(register_path)
        self.file_chooser = file_chooser or FileChooser()
        self.setWindowTitle(self.tr("Consent register"))
        self.setObjectName("register-window")
        # Closing deletes the window; the main window opens a new one each time.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(self.sizeHint())
        # Reading and a face search may run side by side; more would only compete for the CPU.
        self.runner = JobRunner(self, pools={GENERAL: 2, WRITE: 1})
        self._load_job: LoadRegisterJob | None = None
        self._selected_id: str | None = None
        #: the dialog open now, if any (tests reach it here)
        self.csv_dialog: CsvImportDialog | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None
        self.report_dialog: PublishedPhotosDialog | None = None
        self.person_dialog: PersonDialog | None = None
        self.remove_box: QMessageBox | None = None

        self.model = ConsentMatrixModel(self)
        self.proxy = PeopleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build_widgets()
        self._build_menus()

        self.register: Register | None = None
        try:
            self.register = Register.open(self.register_path)
        except RegisterError as error:
            self._show_error(sentence(error))
        self._update_actions()
        if parent is None:
            _OPEN_WINDOWS.add(self)
        self.refresh()

    def today(self) -> date:
        """The day consent is shown for and starts on."""
        return clock.today()

    # -- building ------------------------------------------------------------------------

    def _action(self, text: str, slot, tooltip: str = "", shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if tooltip:
            action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("Import CSV…"),
            self.choose_csv_file,
            self.tr("Add or update people and consent from a CSV file (you see the changes first)"),
        )
        self.add_person_action = self._action(
            self.tr("Add person…"), self.add_person, self.tr("Add one person to the register")
        )
        self.refresh_action = self._action(
            self.tr("Refresh"),
            self.refresh,
            self.tr("Read the register again (changes made elsewhere)"),
            QKeySequence.StandardKey.Refresh,
        )
        self.close_action = self._action(
            self.tr("Close"), self.close, shortcut=QKeySequence.StandardKey.Close
        )
        self.enrol_action = self._action(
            self.tr("Add reference photos…"),
            self.choose_reference_photos,
            self.tr("Photos of this person alone, by which the app will recognise them"),
        )
        self.withdraw_action = self._action(
            self.tr("Withdraw consent…"),
            self.withdraw_selected,
            self.tr("Stop showing this person on some or all channels"),
        )
        self.report_action = self._action(
            self.tr("Published photos…"),
            self.show_published_photos,
            self.tr("The photos published with this person recognisable"),
        )
        self.edit_action = self._action(
            self.tr("Edit…"), self.edit_selected, self.tr("Change name, group, role")
        )
        self.remove_action = self._action(
            self.tr("Remove from register…"),
            self.remove_selected,
            self.tr("Delete this person, their consent records and their face data"),
        )
        self.person_actions = [
            self.enrol_action,
            self.withdraw_action,
            self.report_action,
            self.edit_action,
            self.remove_action,
        ]

    def _build_widgets(self) -> None:
        toolbar = QToolBar(self.tr("Register"), self)
        toolbar.setObjectName("register-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.import_action, self.add_person_action, self.refresh_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Search…"))
        self.search_edit.setToolTip(self.tr("Search by name or number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(320)
        self.search_edit.textChanged.connect(self._search_changed)
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group-filter")
        self.group_combo.setMinimumContentsLength(12)
        self._group_values: list[str | None] = []
        self._fill_groups([])
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        self.count_label = QLabel(self)
        self.date_label = QLabel(self)
        self.date_label.setToolTip(
            self.tr("The matrix shows the consent in force on this day; changes start today.")
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        group_label = QLabel(self.tr("Group"), self)
        group_label.setBuddy(self.group_combo)
        filters.addWidget(group_label)
        filters.addWidget(self.group_combo)
        filters.addSpacing(12)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.date_label)

        self.message_bar = MessageBar(self)

        self.table = PeopleTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ConsentMatrixModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(ColouredCellDelegate(self.table))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in self.person_actions:
            self.table.addAction(action)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.cell_chosen.connect(self._cell_chosen)
        self.table.photos_dropped.connect(self._photos_dropped)

        self.empty_hint = QWidget(self)
        hint_label = QLabel(
            self.tr(
                "The register has nobody in it yet. Import the school's list as a CSV file, or "
                "add people one by one."
            ),
            self.empty_hint,
        )
        hint_label.setWordWrap(True)
        hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_button = QPushButton(self.import_action.text(), self.empty_hint)
        hint_button.clicked.connect(self.import_action.trigger)
        hint_layout = QVBoxLayout(self.empty_hint)
        hint_layout.addStretch(1)
        hint_layout.addWidget(hint_label)
        hint_layout.addWidget(hint_button, 0, Qt.AlignmentFlag.AlignCenter)
        hint_layout.addStretch(2)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_hint)

        self.panel = PersonPanel(self.person_actions, self)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.message_bar)
        left_layout.addWidget(self.list_stack, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1270, 330])
        self.setCentralWidget(splitter)
        self.centralWidget().setContentsMargins(8, 4, 8, 0)

        self.progress = JobProgress(self.runner, self)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_menus(self) -> None:
        register_menu = self.menuBar().addMenu(self.tr("&Register"))
        register_menu.addAction(self.import_action)
        register_menu.addAction(self.add_person_action)
        register_menu.addAction(self.refresh_action)
        register_menu.addSeparator()
        register_menu.addAction(self.close_action)
        person_menu = self.menuBar().addMenu(self.tr("&Person"))
        for action in self.person_actions:
            person_menu.addAction(action)

    def sizeHint(self) -> QSize:  # noqa: N802
        # Wide enough for eight channels and the details; smaller screens scroll the matrix.
        wanted = QSize(1600, 860)
        screen = self.screen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size() * 0.95
        return wanted.boundedTo(available)

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the whole register again, off the UI thread."""
        if self._load_job is not None:
            self._load_job.cancel()
        job = LoadRegisterJob(self.register_path, self.tr("Reading the register"), self.today())
        self._load_job = job
        self.runner.start(
            job,
            finished=partial(self._loaded, job),
            failed=partial(self._load_failed, job),
            cancelled=partial(self._load_cancelled, job),
        )

    def _loaded(self, job: LoadRegisterJob, snapshot: RegisterSnapshot) -> None:
        if job is not self._load_job:
            return  # an older load, overtaken by a newer one
        self._load_job = None
        selected = self._selected_id
        self.model.set_snapshot(snapshot)
        self._fill_groups(snapshot.groups(), any(not p.group for p in snapshot.people))
        self.date_label.setText(fill(self.tr("Consent on %1"), format_day(snapshot.on)))
        self._size_columns()
        self._update_count()
        self.list_stack.setCurrentWidget(self.table if snapshot.people else self.empty_hint)
        if selected is not None and not self.select_person(selected):
            self._selected_id = None
            self.panel.show_nobody()
        self._update_actions()
        self.loaded.emit()

    def _load_failed(self, job: LoadRegisterJob, error: Exception) -> None:
        if job is self._load_job:
            self._load_job = None
            self._show_error(
                fill(self.tr("The register could not be read. %1"), sentence(error))
            )

    def _load_cancelled(self, job: LoadRegisterJob) -> None:
        if job is self._load_job:
            self._load_job = None
            self._show_info(
                self.tr(
                    "Reading the register was stopped; the list may be incomplete. Choose "
                    "Refresh to read it again."
                )
            )

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        header.resizeSection(ConsentMatrixModel.NAME, max(150, header.sectionSize(0) + 4))
        # Every channel as wide as the widest, so that the matrix reads as a grid.
        widest = granted_text(date(2027, 7, 31))
        channel_width = self.table.fontMetrics().horizontalAdvance(widest) + 8
        channels = range(ConsentMatrixModel.FIXED_COLUMNS, self.model.columnCount())
        channel_width = max([channel_width, *(header.sectionSize(c) for c in channels)])
        for column in channels:
            header.resizeSection(column, channel_width)

    def _fill_groups(self, groups: list[str], has_no_group: bool = False) -> None:
        current = (
            self._group_values[self.group_combo.currentIndex()] if self._group_values else None
        )
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self._group_values = [None, *groups] + ([""] if has_no_group else [])
        self.group_combo.addItem(self.tr("All groups"))
        self.group_combo.addItems(groups)
        if has_no_group:
            self.group_combo.addItem(self.tr("No group (staff, others)"))
        index = self._group_values.index(current) if current in self._group_values else 0
        self.group_combo.setCurrentIndex(index)
        self.group_combo.blockSignals(False)
        self.proxy.set_group(self._group_values[index])

    # -- finding people ------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _group_changed(self, index: int) -> None:
        if 0 <= index < len(self._group_values):
            self.proxy.set_group(self._group_values[index])
            self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n person(s)", "", total))
        else:
            self.count_label.setText(fill(self.tr("%1 of %n people shown", "", total), shown))

    def visible_people(self) -> list[str]:
        """The numbers of the people the matrix shows, top to bottom."""
        return [
            self.proxy.index(row, 0).data(ConsentMatrixModel.PersonIdRole)
            for row in range(self.proxy.rowCount())
        ]

    def select_person(self, person_id: str) -> bool:
        """Select a person's row (if shown); False when they are not in the list."""
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_selected(person_id)
        return True

    def selected_person(self) -> Person | None:
        if self._selected_id is None:
            return None
        row = self.model.row_of(self._selected_id)
        return self.model.person_at(row) if row is not None else None

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show_selected(rows[0].data(ConsentMatrixModel.PersonIdRole))
        else:
            self._selected_id = None
            self.panel.show_nobody()
            self._update_actions()

    def _show_selected(self, person_id: str) -> None:
        self._selected_id = person_id
        self._update_panel()
        self._update_actions()

    def _update_panel(self) -> None:
        person = self.selected_person()
        if person is None or self.register is None:
            self.panel.show_nobody()
            return
        try:
            history = self.register.consent_history(person.id)
            faces = self.register.reference_face_count(person.id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        self.panel.show_person(person, faces, history, self._labels())

    def _update_actions(self) -> None:
        usable = self.register is not None
        for action in (self.import_action, self.add_person_action):
            action.setEnabled(usable)
        chosen = usable and self.selected_person() is not None
        for action in self.person_actions:
            action.setEnabled(chosen)

    def _labels(self) -> dict[str, str]:
        return {channel.name: channel_label(channel) for channel in self.model.channels}

    # -- messages and dialogs ------------------------------------------------------------

    @staticmethod
    def _replace(old: QWidget | None, new: _Dialog) -> _Dialog:
        """Forget the previous dialog of a kind (closing it), so that they do not pile up."""
        if old is not None:
            old.close()
            old.deleteLater()
        return new

    def _show_info(self, text: str) -> None:
        self.message_bar.show_message(text, MessageBar.INFO)

    def _show_error(self, text: str) -> None:
        self.message_bar.show_message(text, MessageBar.ERROR)

    # -- one consent ---------------------------------------------------------------------

    def _cell_chosen(self, index: QModelIndex) -> None:
        channel = index.data(ConsentMatrixModel.ChannelRole)
        person_id = index.data(ConsentMatrixModel.PersonIdRole)
        if channel and person_id:
            self.edit_consent(person_id, channel)

    def edit_consent(self, person_id: str, channel_name: str) -> None:
        """Open the dialog that grants, refuses or withdraws one consent."""
        row = self.model.row_of(person_id)
        channel = next((c for c in self.model.channels if c.name == channel_name), None)
        if row is None or channel is None or self.register is None:
            return
        person = self.model.person_at(row)
        status = self.model.status(person_id, channel_name)
        dialog = ConsentDialog(person, channel, status, self.today(), self)
        dialog.accepted.connect(partial(self._consent_chosen, dialog))
        self.consent_dialog = self._replace(self.consent_dialog, dialog)
        dialog.open()

    def _consent_chosen(self, dialog: ConsentDialog) -> None:
        self.apply_consent(dialog.person.id, dialog.channel.name, dialog.answer())

    def apply_consent(self, person_id: str, channel_name: str, answer: ConsentAnswer) -> None:
        """Record the answer of a ``ConsentDialog`` in the register."""
        assert self.register is not None
        row = self.model.row_of(person_id)
        if row is None:
            return
        before = self.model.status(person_id, channel_name)
        person = self.model.person_at(row)
        label = self._labels().get(channel_name, channel_name)
        try:
            if answer.choice is ConsentChoice.WITHDRAW:
                self.register.withdraw(
                    person_id,
                    [channel_name],
                    valid_from=self.today(),
                    source=answer.source,
                    note=answer.note,
                )
            else:
                self.register.record_consent(
                    person_id,
                    channel_name,
                    answer.choice is ConsentChoice.GRANT,
                    valid_until=answer.valid_until,
                    source=answer.source,
                    note=answer.note,
                    today=self.today(),
                )
        except RegisterError as error:
            self._show_error(
                fill(self.tr("The consent was not changed. %1"), sentence(error))
            )
            return
        self._refresh_person(person_id)
        if answer.choice is ConsentChoice.GRANT:
            text = self.tr("%1: consent of %2 granted until %3.")
        elif answer.choice is ConsentChoice.REFUSE:
            text = self.tr("%1: consent of %2 refused; the app blurs them there.")
        else:
            text = self.tr("%1: consent of %2 withdrawn; the app blurs them there from today.")
        self._show_info(fill(text, label, person.name, format_day(answer.valid_until)))
        if before.allowed and answer.choice is not ConsentChoice.GRANT:
            self._show_report(person, [channel_name])

    def _refresh_person(self, person_id: str) -> None:
        """Show one person's consent and faces as the register now has them."""
        assert self.register is not None
        try:
            statuses = {
                channel.name: self.register.consent_status(person_id, channel.name, self.today())
                for channel in self.model.channels
            }
            faces = self.register.reference_face_count(person_id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        self.model.update_person(person_id, statuses, faces)
        if person_id == self._selected_id:
            self._update_panel()

    # -- withdrawal and the published-photos report --------------------------------------

    def withdraw_selected(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        statuses = {c.name: self.model.status(person.id, c.name) for c in self.model.channels}
        dialog = WithdrawDialog(person, self.model.channels, statuses, self)
        dialog.accepted.connect(partial(self._withdrawal_chosen, person, dialog))
        self.withdraw_dialog = self._replace(self.withdraw_dialog, dialog)
        dialog.open()

    def _withdrawal_chosen(self, person: Person, dialog: WithdrawDialog) -> None:
        self.withdraw(person.id, dialog.answer())

    def withdraw(self, person_id: str, answer: WithdrawalAnswer) -> None:
        """Withdraw consent on the chosen channels, then show what was published of them."""
        assert self.register is not None
        row = self.model.row_of(person_id)
        if row is None or not answer.channels:
            return
        person = self.model.person_at(row)
        try:
            self.register.withdraw(
                person_id,
                list(answer.channels),
                valid_from=self.today(),
                source=answer.source,
                note=answer.note,
            )
        except RegisterError as error:
            self._show_error(
                fill(self.tr("The consent was not withdrawn. %1"), sentence(error))
            )
            return
        self._refresh_person(person_id)
        labels = self._labels()
        self._show_info(
            fill(
                self.tr("Consent of %1 withdrawn for %2. The app blurs them there from today."),
                person.name,
                ", ".join(labels.get(name, name) for name in answer.channels),
            )
        )
        self._show_report(person, list(answer.channels))

    def show_published_photos(self) -> None:
        person = self.selected_person()
        if person is not None:
            self._show_report(person, None)

    def _show_report(self, person: Person, withdrawn: list[str] | None) -> None:
        assert self.register is not None
        try:
            photos = self.register.published_with(person.id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        dialog = PublishedPhotosDialog(person, photos, self._labels(), withdrawn, self)
        self.report_dialog = self._replace(self.report_dialog, dialog)
        dialog.show()

    # -- reference faces -----------------------------------------------------------------

    def choose_reference_photos(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        photos = self.file_chooser.photos(self)
        if photos:
            self.enrol_photos(person.id, photos)

    def _photos_dropped(self, index: QModelIndex, paths: list[Path]) -> None:
        person_id = index.data(ConsentMatrixModel.PersonIdRole)
        if person_id:
            self.enrol_photos(person_id, paths)

    def enrol_photos(self, person_id: str, paths: list[Path]) -> EnrolJob | None:
        """Find the face in each photo off the UI thread and store them as reference faces."""
        row = self.model.row_of(person_id)
        if row is None:
            return None
        person = self.model.person_at(row)
        photos = [path for path in paths if path.is_file() and is_photo_path(path)]
        skipped = [path.name for path in paths if path not in photos]
        if not photos:
            self._show_error(
                fill(
                    self.tr("%1 is not a photo the app can read (JPEG, PNG, HEIC, …)."),
                    ", ".join(skipped),
                )
            )
            return None
        if skipped:
            self._show_info(fill(self.tr("Skipped, not photos: %1"), ", ".join(skipped)))
        job = EnrolJob(
            self.register_path,
            fill(self.tr("Looking for the face of %1"), person.name),
            person.id,
            photos,
        )
        self.runner.start(
            job,
            WRITE,
            finished=partial(self._enrolled, person),
            failed=partial(self._enrol_failed, person),
            cancelled=partial(self._enrol_cancelled, person),
        )
        return job

    def _enrolled(self, person: Person, result: EnrolResult) -> None:
        lines = []
        if result.added:
            lines.append(
                fill(
                    self.tr("%n reference face(s) added for %1.", "", len(result.added)),
                    person.name,
                )
            )
        if result.already_known:
            lines.append(
                self.tr(
                    "%n photo(s) were already reference photos of this person.",
                    "",
                    len(result.already_known),
                )
            )
        if result.failures:
            if not result.added:
                lines.append(fill(self.tr("No reference face was added for %1."), person.name))
            lines.append(self.tr("Not usable:"))
            lines += [f"• {_about(photo, error)}" for photo, error in result.failures.items()]
            self._show_error("\n".join(lines))
        else:
            self._show_info("\n".join(lines))
        self._refresh_person(person.id)
        self.enrolment_done.emit(result)

    def _enrol_failed(self, person: Person, error: Exception) -> None:
        self._show_error(
            fill(
                self.tr("No reference face was added for %1: %2"),
                person.name,
                sentence(error),
            )
        )
        self.enrolment_done.emit(None)

    def _enrol_cancelled(self, person: Person) -> None:
        self._show_info(
            fill(
                self.tr("Adding reference photos of %1 was stopped; nothing was stored."),
                person.name,
            )
        )
        self.enrolment_done.emit(None)

    # -- CSV import ----------------------------------------------------------------------

    def choose_csv_file(self) -> None:
        path = self.file_chooser.csv_file(self)
        if path is not None:
            self.import_csv_file(path)

    def import_csv_file(self, path: Path) -> CsvImportDialog:
        """Open the import dialog on ``path``: it checks the file and shows what would change."""
        dialog = CsvImportDialog(
            self.register_path, path, self.model.channels, self.runner, self.today(), self
        )
        dialog.imported.connect(self._csv_imported)
        self.csv_dialog = dialog
        dialog.open()
        return dialog

    def _csv_imported(self, summary: ImportSummary) -> None:
        self._show_info(
            fill(
                self.tr("Imported: %1 people added, %2 changed, %3 consent records."),
                summary.people_added,
                summary.people_updated,
                summary.consent_records_added,
            )
        )
        self.refresh()

    # -- people --------------------------------------------------------------------------

    def add_person(self) -> None:
        self._open_person_dialog(None)

    def edit_selected(self) -> None:
        person = self.selected_person()
        if person is not None:
            self._open_person_dialog(person)

    def _open_person_dialog(self, person: Person | None) -> None:
        dialog = PersonDialog(
            person, self.model.snapshot.groups(), partial(self._save_person, person is None), self
        )
        self.person_dialog = self._replace(self.person_dialog, dialog)
        dialog.open()

    def _save_person(self, is_new: bool, person: Person) -> str | None:
        """Store a person from the dialog; a readable reason when it cannot be done."""
        if self.register is None:
            return self.tr("The register is not open.")
        try:
            if is_new:
                self.register.add_person(person)
            else:
                self.register.update_person(person)
        except RegisterError as error:
            return sentence(error)
        self._selected_id = person.id
        self.refresh()
        return None

    def remove_selected(self) -> None:
        """Ask first: removing deletes consent records and face data for good."""
        person = self.selected_person()
        if person is None or self.register is None:
            return
        try:
            records = len(self.register.consent_history(person.id))
            faces = self.register.reference_face_count(person.id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        text = fill(
            self.tr(
                "Remove %1 (number %2) from the register?\n\nThis deletes for good: %3, and %4 "
                "(the face data by which the app recognises them). The audit log keeps one line "
                "saying that number %2 was removed, without their name or face data."
            ),
            person.name,
            person.id,
            self.tr("%n consent record(s)", "", records),
            self.tr("%n reference face(s)", "", faces),
        )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove person"), text, parent=self)
        remove_button = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setObjectName("remove-person-box")
        box.finished.connect(partial(self._remove_answered, person, box, remove_button))
        self.remove_box = self._replace(self.remove_box, box)
        box.open()

    def _remove_answered(
        self, person: Person, box: QMessageBox, remove_button, _result: int
    ) -> None:
        if box.clickedButton() is not remove_button or self.register is None:
            return
        try:
            # The register's records and every cached encoding of their face (core.retention).
            summary = forget_person(self.register, person.id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        self._show_info(
            fill(
                self.tr("%1 was removed, with %2 and %3."),
                person.name,
                self.tr("%n consent record(s)", "", summary.consent_records),
                self.tr("%n reference face(s)", "", summary.reference_faces),
            )
        )
        self._selected_id = None
        self.panel.show_nobody()
        self.refresh()

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.shut_down()
        if self.register is not None:
            self.register.close()
            self.register = None
        _OPEN_WINDOWS.discard(self)
        super().closeEvent(event)


def _about(photo: Path, error: Exception) -> str:
    """Why ``photo`` is not usable, beginning with its name (a photo's own error says it)."""
    said = sentence(error)
    return said if isinstance(error, UnreadablePhoto | EnrolmentError) else f"{photo.name}: {said}"
