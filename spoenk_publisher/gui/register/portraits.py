"""Enrolling a whole school from the photographer's portraits in the register window: choose the
folder, each portrait's face found on the analysis processes (``jobs.PortraitFolderJob`` over
``core.portraits.enrol_folder``, the same as ``register enrol-folder``), then a summary of who
got a reference face, which files were refused and why, and who still has none (a part of
``RegisterWindow``, with its report dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.portraits import PortraitReport
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.jobs import WRITE
from spoenk_publisher.gui.register.jobs import PortraitFolderJob
from spoenk_publisher.gui.register.texts import fill
from spoenk_publisher.messages import display_name, text


class PortraitActions(WindowPart):
    """Add reference faces from a folder of portraits (mixed into ``RegisterWindow``)."""

    def choose_portrait_folder(self) -> None:
        folder = self.file_chooser.folder(self)
        if folder is not None:
            self.enrol_portraits(folder)

    def enrol_portraits(self, folder: Path) -> PortraitFolderJob:
        """Match each portrait in ``folder`` to a person and store it as their reference face,
        off the UI thread; the summary follows."""
        job = PortraitFolderJob(
            self.register_path, fill(self.tr("Reading the portraits in %1"), folder.name), folder
        )
        self.runner.start(
            job,
            WRITE,
            finished=self._portraits_enrolled,
            failed=self._portraits_failed,
            cancelled=self._portraits_failed,
        )
        return job

    def _portraits_enrolled(self, report: PortraitReport) -> None:
        names = self._names()
        lines = self.portrait_summary(report, names)
        dialog = PortraitReportDialog(lines[0], "\n".join(lines[1:]), self)
        self.portrait_dialog = self._replace(self.portrait_dialog, dialog)
        dialog.show()
        self._show_info(lines[0])
        self.refresh()
        self.enrolment_done.emit(report)

    def _portraits_failed(self, error: Exception | None = None) -> None:
        said = sentence(error) if error is not None else self.tr("It was stopped.")
        self._show_error(fill(self.tr("The portraits were not read. %1"), said))
        self.refresh()
        self.enrolment_done.emit(None)

    def _names(self) -> dict[str, str]:
        people = self.model.snapshot.people
        return {person.id: person.name for person in people}

    def portrait_summary(self, report: PortraitReport, names: dict[str, str]) -> list[str]:
        """The summary of a folder's enrolment: a headline, then a paragraph per outcome."""

        def who(person_id: str) -> str:
            return names.get(person_id, person_id)

        headline = self.tr("%n person(s) got a reference face.", "", len(report.enrolled))
        if report.cancelled:
            headline += " " + self.tr("Stopped before the end; what was added is kept.")
        lines = [headline]
        if report.enrolled:
            lines += ["", self.tr("Reference face added:")]
            lines += [f"• {who(pid)} ({display_name(file)})" for file, pid in report.enrolled]
        if report.already:
            lines += ["", self.tr("Already a reference photo of this person:")]
            lines += [f"• {who(pid)} ({display_name(file)})" for file, pid in report.already]
        if report.refused:
            lines += ["", self.tr("Not used, and why:")]
            lines += [
                f"• {display_name(file)} ({who(pid)}): {text(why)}"
                for file, pid, why in report.refused
            ]
        if report.ambiguous:
            lines += ["", self.tr("Not used, the file name fits more than one person:")]
            lines += [
                f"• {display_name(file)}: {', '.join(who(pid) for pid in ids)}"
                for file, ids in report.ambiguous
            ]
        if report.unmatched:
            lines += ["", self.tr("Not used, the file name fits nobody in the register:")]
            lines += [f"• {display_name(file)}" for file in report.unmatched]
        without = report.without_reference
        lines += [""]
        if without:
            lines.append(self.tr("Still without a reference face (%n):", "", len(without)))
            lines += [f"• {person.name} ({person.id})" for person in without]
        else:
            lines.append(self.tr("Everyone in the register now has a reference face."))
        return lines


class PortraitReportDialog(QDialog):
    """What enrolling a folder of portraits did, to read and copy."""

    def __init__(self, headline: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portrait-report")
        self.setWindowTitle(self.tr("Portrait photos"))
        self.resize(640, 520)
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QPlainTextEdit(details.strip(), self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
