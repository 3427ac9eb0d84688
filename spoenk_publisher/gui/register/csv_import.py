"""Importing the school's list from the register window: choose the file, then the import dialog
(``csv_import_dialog``) shows the plan and imports (a part of ``RegisterWindow``).
"""

from __future__ import annotations

from pathlib import Path

from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.register.csv_import_dialog import CsvImportDialog
from spoenk_publisher.gui.register.texts import fill
from spoenk_publisher.register import ImportSummary


class CsvImportActions(WindowPart):
    """Open the import of a list (mixed into ``RegisterWindow``)."""

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
