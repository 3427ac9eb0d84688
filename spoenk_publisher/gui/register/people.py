"""Adding, editing and removing people from the register window; removing deletes their consent
records and face data for good, after a confirmation (a part of ``RegisterWindow``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QMessageBox

from spoenk_publisher.core.retention import Forgotten
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.jobs import WRITE
from spoenk_publisher.gui.register.dialogs import PersonDialog
from spoenk_publisher.gui.register.jobs import RemovePersonJob
from spoenk_publisher.gui.register.texts import fill
from spoenk_publisher.register import Person, RegisterError


class PeopleActions(WindowPart):
    """Add, edit and remove people (mixed into ``RegisterWindow``)."""

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
        job = RemovePersonJob(
            self.register_path, fill(self.tr("Removing %1"), person.name), person.id
        )
        self.runner.start(
            job,
            WRITE,
            finished=partial(self._removed, person),
            failed=lambda error: self._show_error(sentence(error)),
        )

    def _removed(self, person: Person, summary: Forgotten) -> None:
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
