"""Adding reference faces from the register window: photos dropped on a person's row or chosen
with "Add reference photos…", searched for the one face off the UI thread (``jobs.EnrolJob``)
(a part of ``RegisterWindow``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex

from spoenk_publisher.core.photos import is_photo_path
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.jobs import WRITE
from spoenk_publisher.gui.register.jobs import EnrolJob, EnrolResult
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.texts import fill
from spoenk_publisher.messages import FileError
from spoenk_publisher.register import Person


class EnrolmentActions(WindowPart):
    """Add reference faces to a person (mixed into ``RegisterWindow``)."""

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


def _about(photo: Path, error: Exception) -> str:
    """Why ``photo`` is not usable, beginning with its name (a photo's own error says it)."""
    said = sentence(error)
    return said if isinstance(error, FileError) else f"{photo.name}: {said}"
