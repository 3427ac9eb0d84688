"""Importing a CSV file: first a preview of what would change (or the problems, by line), then,
only when the user confirms, the import itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.gui.csv_preview import ImportPreview
from spoenk_publisher.gui.register_jobs import CsvImportJob, CsvPreviewJob, JobRunner
from spoenk_publisher.gui.register_models import (
    STATE_COLOURS,
    channel_label,
    describe_error,
    fill,
    granted_text,
    state_text,
    status_sentence,
)
from spoenk_publisher.messages import text
from spoenk_publisher.register import (
    Channel,
    ConsentChange,
    ConsentState,
    ImportSummary,
    PersonChange,
    RegisterImportError,
)

_NEW_PERSON = QColor("#cdebc5")
_CHANGED_PERSON = QColor("#fff2b3")
_UNCHANGED_TEXT = QColor("#7a7a7a")


class CsvImportDialog(QDialog):
    """Checks ``csv_path`` off the UI thread, shows what would change, imports on "Import"."""

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
        self._job: CsvPreviewJob | CsvImportJob | None = None

        self.setWindowTitle(self.tr("Import CSV"))
        self.setObjectName("csv-import-dialog")
        self.resize(1100, 560)

        self.file_label = QLabel(fill(self.tr("File: %1"), self.csv_path.name), self)
        self.file_label.setToolTip(str(self.csv_path))
        self.headline = QLabel(self.tr("Checking the file…"), self)
        headline_font = QFont(self.headline.font())
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.headline.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)

        self.changes_model = QStandardItemModel(self)
        self.changes_view = self._table(self.changes_model, "csv-changes")
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
        self.tables.addWidget(self.changes_view)
        self.tables.addWidget(self.problems_view)

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
        layout.addWidget(self.tables, 1)
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
        job = CsvPreviewJob(
            self.register_path,
            fill(self.tr("Checking %1"), self.csv_path.name),
            self.csv_path,
            self.today,
        )
        self._job = self.runner.start(job, self._show_preview, self._show_failure, self.reject)

    def _show_preview(self, preview: ImportPreview) -> None:
        self._job = None
        self.preview = preview
        summary = preview.summary
        self.headline.setText(
            self.tr("This file can be imported. Nothing changes until you click Import.")
            if any(row.changes_anything for row in preview.summary.people)
            else self.tr("This file can be imported, but it would change nothing.")
        )
        self.summary_label.setText(
            fill(
                self.tr("%1 rows · new people: %2 · people changed: %3 · consent changes: %4"),
                summary.rows,
                summary.people_added,
                summary.people_updated,
                summary.consent_records_added,
            )
        )
        self._fill_changes(preview.summary.people)
        self.tables.setCurrentWidget(self.changes_view)
        self.legend.show()
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)

    def _fill_changes(self, rows: tuple[PersonChange, ...]) -> None:
        model = self.changes_model
        model.clear()
        channels = self._channels_in(rows)
        model.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Number"), self.tr("Name"), self.tr("Group")]
            + [self.tr("Person")]
            + [channel_label(channel) for channel in channels]
        )
        for row in rows:
            person = self._item(self._person_change(row))
            if row.is_new:
                person.setBackground(QBrush(_NEW_PERSON))
            elif row.changed_fields:
                person.setBackground(QBrush(_CHANGED_PERSON))
            items = [
                self._item(str(row.line)),
                self._item(row.person_id),
                self._item(row.name),
                self._item(row.group),
                person,
            ]
            by_channel = {change.channel: change for change in row.consent_changes}
            for channel in channels:
                change = by_channel.get(channel.name)
                items.append(self._consent_item(change, channel) if change else self._item(""))
            if not row.changes_anything:
                for item in items:
                    item.setForeground(QBrush(_UNCHANGED_TEXT))
                    item.setToolTip(self.tr("Nothing changes for this row."))
            model.appendRow(items)
        self.changes_view.resizeColumnsToContents()

    def _channels_in(self, rows: tuple[PersonChange, ...]) -> list[Channel]:
        """The register's channels, plus any the window did not know of yet."""
        channels = list(self.channels)
        known = {channel.name for channel in channels}
        for row in rows:
            for change in row.consent_changes:
                if change.channel not in known:
                    known.add(change.channel)
                    channels.append(Channel(change.channel, change.channel))
        return channels

    def _person_change(self, row: PersonChange) -> str:
        if row.is_new:
            return self.tr("New")
        if not row.changed_fields:
            return "—"
        words = {
            "name": self.tr("name"),
            "group": self.tr("group"),
            "role": self.tr("role"),
            "active": self.tr("at school"),
        }
        return fill(self.tr("Changed: %1"), ", ".join(words.get(f, f) for f in row.changed_fields))

    def _consent_item(self, change: ConsentChange, channel: Channel) -> QStandardItem:
        if change.granted:
            state = ConsentState.GRANTED
            text = granted_text(change.valid_until)
        else:
            state = ConsentState.WITHDRAWN if change.withdraws else ConsentState.REFUSED
            text = "✗ " + state_text(state)
        item = self._item(text)
        item.setBackground(QBrush(QColor(STATE_COLOURS[state])))
        item.setForeground(QBrush(QColor("#1c1c1c")))
        item.setToolTip(
            fill(self.tr("Now: %1"), status_sentence(change.before, channel_label(channel)))
        )
        return item

    @staticmethod
    def _item(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        return item

    def _show_failure(self, error: Exception) -> None:
        self._job = None
        self.preview = None
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        if isinstance(error, RegisterImportError):
            self.show_problems(error)
            return
        self.headline.setText(self.tr("The file cannot be imported."))
        self.summary_label.setText(describe_error(error))

    def show_problems(self, error: RegisterImportError) -> None:
        """List every problem by line; nothing has been imported."""
        count = len(error.problems)
        self.headline.setText(
            self.tr(
                "This file has %n problem(s). Nothing will be imported: correct the file (for "
                "example in Excel), save it and import it again.",
                "",
                count,
            )
        )
        self.summary_label.setText(self.tr("Line 1 is the header line."))
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
        self.headline.setText(self.tr("Importing…"))
        job = CsvImportJob(
            self.register_path,
            fill(self.tr("Importing %1"), self.csv_path.name),
            self.csv_path,
            self.today,
        )
        self._job = self.runner.start(
            job, self._imported, self._show_failure, self._import_cancelled
        )

    def _imported(self, summary: ImportSummary) -> None:
        self._job = None
        self.imported.emit(summary)
        self.accept()

    def _import_cancelled(self) -> None:
        self._job = None
        self.headline.setText(self.tr("The import was cancelled; nothing was imported."))
        self.import_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def reject(self) -> None:
        if isinstance(self._job, CsvImportJob):
            return  # the import is running; it finishes in a moment and closes the dialog
        if self._job is not None:
            self._job.cancel()
            self._job = None
        super().reject()
