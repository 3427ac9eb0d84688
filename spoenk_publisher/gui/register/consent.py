"""Changing one person's consent on one channel from the register window: a click on a cell, the
consent dialog, the register's record (a part of ``RegisterWindow``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex

from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.register.dialogs import ConsentAnswer, ConsentChoice, ConsentDialog
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.texts import fill, format_day
from spoenk_publisher.register import RegisterError


class ConsentActions(WindowPart):
    """Grant, refuse or withdraw one consent (mixed into ``RegisterWindow``)."""

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
            self._show_error(fill(self.tr("The consent was not changed. %1"), sentence(error)))
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
