"""Importing a school's list (CSV or .xlsx): first the plan, which column went where, with a
drop-down per column to change it, and what would change (or the problems, by line); then, only
when the user confirms, the import itself.

Everything shown comes from the register's own dry run (see ``csv_preview``); a choice in a
drop-down runs it again with that choice, and "Import" imports with the same choices (which the
register then remembers for files with the same columns).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.jobs import WRITE, JobRunner
from spoenk_publisher.gui.register.csv_preview import ImportPreview
from spoenk_publisher.gui.register.csv_tables import ImportTables
from spoenk_publisher.gui.register.jobs import CsvImportJob, CsvPreviewJob
from spoenk_publisher.gui.register.texts import channel_label, fill
from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import (
    Channel,
    ColumnPlan,
    ImportPlan,
    ImportSummary,
    RegisterImportError,
)
from spoenk_publisher.register.import_columns import AUTOMATIC, FIELD_WORDS, describe, normalised

_AMBIGUOUS = QColor("#f6c6c6")
#: Fields a column can be chosen as, in the order the drop-down lists them.
_FIELDS = (
    "id", "name", "first_name", "prefix", "last_name", "group", "role", "active",
    "birth_date", "answered_by", "valid_until", "question", "answer",
)  # fmt: skip


class CsvImportDialog(ImportTables, QDialog):
    """Checks ``csv_path`` off the UI thread, shows the plan and what would change, and imports
    on "Import"."""

    #: the summary of a finished import
    imported = Signal(object)

    def __init__(
        self,
        register_path: Path,
        csv_path: Path,
        channels: list[Channel],
        runner: JobRunner,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register_path = Path(register_path)
        self.csv_path = Path(csv_path)
        self.channels = channels
        self.runner = runner
        self.today = today
        self.preview: ImportPreview | None = None
        self.plan: ImportPlan | None = None
        #: the user's choices so far, by column label (what --map would say)
        self.choices: dict[str, str] = {}
        #: the drop-down of each column (and question), by its label
        self.column_boxes: dict[str, QComboBox] = {}
        self._job: CsvPreviewJob | CsvImportJob | None = None

        self.setWindowTitle(self.tr("Import a list"))
        self.setObjectName("csv-import-dialog")
        self.resize(1100, 700)

        self.file_label = QLabel(fill(self.tr("File: %1"), self.csv_path.name), self)
        self.file_label.setToolTip(str(self.csv_path))
        self.headline = QLabel(self.tr("Checking the file…"), self)
        headline_font = QFont(self.headline.font())
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.headline.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.columns_label = QLabel(
            self.tr(
                "How the columns are read. Change a column's meaning in its drop-down; the "
                "choice is remembered for files with the same columns."
            ),
            self,
        )
        self.columns_label.setWordWrap(True)
        self.columns_table = QTableWidget(0, 3, self)
        self.columns_table.setObjectName("csv-columns")
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Means"), self.tr("What the import does")]
        )
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.columns_table.setWordWrap(True)
        columns_box = QWidget(self)
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(self.columns_label)
        columns_layout.addWidget(self.columns_table)

        self.changes_model = QStandardItemModel(self)
        self.changes_view = self._table(self.changes_model, "csv-changes")
        self.unanswered_model = QStandardItemModel(self)
        self.unanswered_view = self._table(self.unanswered_model, "csv-unanswered")
        self.change_tabs = QTabWidget(self)
        self.change_tabs.addTab(self.changes_view, self.tr("Changes"))
        self.change_tabs.addTab(self.unanswered_view, self.tr("Counted as no"))
        self.problems_model = QStandardItemModel(self)
        self.problems_model.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Problem")]
        )
        self.problems_view = self._table(self.problems_model, "csv-problems")
        self.problems_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.problems_view.setWordWrap(True)
        self.legend = QLabel(
            self.tr(
                "Coloured cells change; empty cells stay as they are. Grey rows change nothing."
            ),
            self,
        )
        self.legend.setWordWrap(True)
        self.legend.hide()
        self.tables = QStackedWidget(self)
        self.tables.addWidget(self.change_tabs)
        self.tables.addWidget(self.problems_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(columns_box)
        splitter.addWidget(self.tables)
        splitter.setStretchFactor(1, 2)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import-button")
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self._import)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)

        self._check()

    def _table(self, model: QStandardItemModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.setAlternatingRowColors(False)
        return view

    # -- checking ------------------------------------------------------------------------

    def _check(self) -> None:
        """Run the dry run (again) with the choices made so far."""
        if isinstance(self._job, CsvPreviewJob):
            self._job.cancel()
        self.import_button.setEnabled(False)
        self.headline.setText(self.tr("Checking the file…"))
        job = CsvPreviewJob(
            self.register_path,
            fill(self.tr("Checking %1"), self.csv_path.name),
            self.csv_path,
            self.today,
            dict(self.choices),
        )
        self._job = self.runner.start(
            job,
            finished=lambda preview, job=job: self._show_preview(preview, job),
            failed=lambda error, job=job: self._show_failure(error, job),
            cancelled=lambda job=job: self._preview_cancelled(job),
        )

    def _preview_cancelled(self, job: CsvPreviewJob) -> None:
        if self._job is job:  # cancelled from outside (the window closing): close too
            self._job = None
            self.reject()

    def _show_preview(self, preview: ImportPreview, job: object = None) -> None:
        if job is not None and job is not self._job:
            return  # an older check, overtaken by a newer choice
        self._job = None
        self.preview = preview
        summary = preview.summary
        self.headline.setText(
            self.tr("This file can be imported. Nothing changes until you click Import.")
            if any(row.changes_anything for row in summary.people)
            else self.tr("This file can be imported, but it would change nothing.")
        )
        self.summary_label.setText(
            fill(
                self.tr(
                    "%1 rows · new people: %2 · people changed: %3 · consent changes: %4 · "
                    "answers counted as no: %5"
                ),
                summary.rows,
                summary.people_added,
                summary.people_updated,
                summary.consent_records_added,
                len(summary.unanswered),
            )
        )
        self._fill_columns(summary.plan)
        self._fill_changes(summary.people)
        self._fill_unanswered(summary.unanswered)
        self.tables.setCurrentWidget(self.change_tabs)
        self.legend.show()
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)

    # -- the columns ---------------------------------------------------------------------

    def _fill_columns(self, plan: ImportPlan | None) -> None:
        self.plan = plan
        table = self.columns_table
        table.setRowCount(0)
        self.column_boxes.clear()
        if plan is None:
            return
        for column in plan.sources:
            row = table.rowCount()
            table.insertRow(row)
            label = QTableWidgetItem(column.label)
            if column.index is None:
                label.setToolTip(self.tr("A question in the file's question column"))
            table.setItem(row, 0, label)
            box = self._column_box(column, plan)
            table.setCellWidget(row, 1, box)
            explanation = QTableWidgetItem(text(describe(column)))
            explanation.setToolTip(text(describe(column)))
            if column.problem is not None:
                for item in (label, explanation):
                    item.setBackground(QBrush(_AMBIGUOUS))
            table.setItem(row, 2, explanation)
            self.column_boxes[column.label] = box
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)
        table.resizeRowsToContents()

    def _column_box(self, column: ColumnPlan, plan: ImportPlan) -> QComboBox:
        box = QComboBox(self.columns_table)
        box.addItem(self.tr("Automatic"), AUTOMATIC)
        box.addItem(self.tr("Ignore"), "negeren")
        for channel in self.channels:
            box.addItem(channel_label(channel), channel.name)
        box.addItem(self.tr("Social media (every social channel)"), "social media")
        box.addItem(self.tr("Public (every public channel)"), "openbaar")
        if column.index is not None:  # a question of a long list is an answer, not a field
            for field in _FIELDS:
                box.addItem(text(Message(f"csv_import.field.{field}")), FIELD_WORDS[field][0])
        chosen = plan.choices.get(column.key) if column.origin != "auto" else None
        if chosen is not None:
            index = next(
                (
                    i
                    for i in range(box.count())
                    if normalised(box.itemData(i)) == normalised(chosen)
                ),
                -1,
            )
            if index < 0:
                box.addItem(chosen, chosen)
                index = box.count() - 1
            box.setCurrentIndex(index)
        box.currentIndexChanged.connect(
            lambda _index, label=column.label, box=box: self._choose(label, box.currentData())
        )
        return box

    def _choose(self, label: str, choice: str) -> None:
        """A drop-down changed: check the file again with that choice."""
        if choice == AUTOMATIC and self._is_remembered(label):
            self.choices[label] = AUTOMATIC  # forget the remembered choice
        elif choice == AUTOMATIC:
            self.choices.pop(label, None)
        else:
            self.choices[label] = choice
        self._check()

    def _is_remembered(self, label: str) -> bool:
        plan = self.plan
        return plan is not None and any(
            c.label == label and c.origin == "remembered" for c in plan.sources
        )

    # -- problems ------------------------------------------------------------------------

    def _show_failure(self, error: Exception, job: object = None) -> None:
        if job is not None and job is not self._job:
            return
        self._job = None
        self.preview = None
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.columns_table.setEnabled(True)
        if isinstance(error, RegisterImportError):
            self.show_problems(error)
            return
        self.headline.setText(self.tr("The file cannot be imported."))
        self.summary_label.setText(sentence(error))

    def show_problems(self, error: RegisterImportError) -> None:
        """List every problem by line; nothing has been imported. The columns stay on screen
        (when the file got that far), so that a column's meaning can be chosen."""
        count = len(error.problems)
        unclear = len(error.plan.ambiguous) if error.plan is not None else 0
        if unclear and count > unclear:  # the rows' problems too, all in one round
            headline = self.tr(
                "Choose what the red column(s) mean in their drop-down, and correct the other "
                "%n problem(s) in the file (for example in Excel): nothing is imported until "
                "all are solved.",
                "",
                count - unclear,
            )
        elif unclear:
            headline = self.tr(
                "Choose what the red column(s) mean in their drop-down: nothing is imported "
                "until every column is clear.",
            )
        else:
            headline = self.tr(
                "This file has %n problem(s). Nothing will be imported: correct the file (for "
                "example in Excel), save it and import it again.",
                "",
                count,
            )
        self.headline.setText(headline)
        self.summary_label.setText(self.tr("The line numbers are those of the file."))
        self._fill_columns(error.plan)
        model = self.problems_model
        model.removeRows(0, model.rowCount())
        for problem in error.problems:
            model.appendRow(
                [
                    self._item(str(problem.line)),
                    self._item(problem.column or ""),
                    self._item(text(problem.message)),
                ]
            )
        self.problems_view.resizeColumnToContents(0)
        self.problems_view.resizeColumnToContents(1)
        self.problems_view.resizeRowsToContents()
        self.tables.setCurrentWidget(self.problems_view)
        self.legend.hide()

    # -- importing -----------------------------------------------------------------------

    def _import(self) -> None:
        if self.preview is None or self._job is not None:
            return
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # one transaction: it cannot stop half-way
        self.columns_table.setEnabled(False)
        self.headline.setText(self.tr("Importing…"))
        job = CsvImportJob(
            self.register_path,
            fill(self.tr("Importing %1"), self.csv_path.name),
            self.csv_path,
            self.today,
            dict(self.preview.choices),
        )
        self._job = self.runner.start(
            job,
            WRITE,
            finished=self._imported,
            failed=self._show_failure,
            cancelled=self._import_cancelled,
        )

    def _imported(self, summary: ImportSummary) -> None:
        self._job = None
        self.imported.emit(summary)
        self.accept()

    def _import_cancelled(self) -> None:
        self._job = None
        self.columns_table.setEnabled(True)
        self.headline.setText(self.tr("The import was cancelled; nothing was imported."))
        self.import_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def reject(self) -> None:
        if isinstance(self._job, CsvImportJob):
            return  # the import is running; it finishes in a moment and closes the dialog
        if self._job is not None:
            job, self._job = self._job, None
            job.cancel()
        super().reject()
