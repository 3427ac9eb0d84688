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
importing a file, reading reference photos and removing a person run as jobs (``jobs``) with
their own. Each of these actions is a part of the window in its own file (``finding``,
``consent``, ``withdrawal``, ``enrolment``, ``csv_import``, ``people``); the window builds the
screen, loads the matrix and holds the dialog open now.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher import clock
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.jobs import GENERAL, WRITE, JobRunner
from spoenk_publisher.gui.register.consent import ConsentActions
from spoenk_publisher.gui.register.csv_import import CsvImportActions
from spoenk_publisher.gui.register.csv_import_dialog import CsvImportDialog
from spoenk_publisher.gui.register.dialogs import ConsentDialog, PersonDialog, WithdrawDialog
from spoenk_publisher.gui.register.enrolment import EnrolmentActions
from spoenk_publisher.gui.register.finding import PeopleFinding
from spoenk_publisher.gui.register.jobs import LoadRegisterJob
from spoenk_publisher.gui.register.models import ConsentMatrixModel, PeopleFilterProxy
from spoenk_publisher.gui.register.people import PeopleActions
from spoenk_publisher.gui.register.person_panel import PersonPanel
from spoenk_publisher.gui.register.portraits import PortraitActions, PortraitReportDialog
from spoenk_publisher.gui.register.published_photos import PublishedPhotosDialog
from spoenk_publisher.gui.register.snapshot import RegisterSnapshot
from spoenk_publisher.gui.register.texts import fill, format_day, granted_text
from spoenk_publisher.gui.register.widgets import (
    ColouredCellDelegate,
    FileChooser,
    JobProgress,
    MessageBar,
    PeopleTableView,
)
from spoenk_publisher.gui.register.withdrawal import WithdrawalActions
from spoenk_publisher.register import Register, RegisterError

__all__ = ["RegisterWindow"]

_Dialog = TypeVar("_Dialog", bound=QWidget)

#: Windows opened without a parent are kept here until closed (else Python would collect them).
_OPEN_WINDOWS: set[RegisterWindow] = set()


class RegisterWindow(
    PeopleFinding,
    ConsentActions,
    WithdrawalActions,
    EnrolmentActions,
    PortraitActions,
    CsvImportActions,
    PeopleActions,
    QMainWindow,
):
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
        self.portrait_dialog: PortraitReportDialog | None = None
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
        self.portraits_action = self._action(
            self.tr("Portrait photos…"),
            self.choose_portrait_folder,
            self.tr(
                "Reference faces for many people at once: a folder of portrait photos, each "
                "named by number or by name (1042.jpg, Sanne de Vries.jpg)"
            ),
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
        for action in (
            self.import_action,
            self.add_person_action,
            self.portraits_action,
            self.refresh_action,
        ):
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
        self.no_reference_box = QCheckBox(self.tr("Without reference face"), self)
        self.no_reference_box.setObjectName("without-reference")
        self.no_reference_box.setToolTip(
            self.tr(
                "Only the people the app cannot recognise yet: add a reference photo for each "
                "of them, with or without consent"
            )
        )
        self.no_reference_box.toggled.connect(self._without_reference_changed)
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
        filters.addWidget(self.no_reference_box)
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
        register_menu.addAction(self.portraits_action)
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
            self._show_error(fill(self.tr("The register could not be read. %1"), sentence(error)))

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

    # -- finding people ------------------------------------------------------------------
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

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.shut_down()
        if self.register is not None:
            self.register.close()
            self.register = None
        _OPEN_WINDOWS.discard(self)
        super().closeEvent(event)
