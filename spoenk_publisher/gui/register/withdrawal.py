"""Withdrawing a person's consent on several channels, and the report of the photos published
with them recognisable that follows (a part of ``RegisterWindow``).
"""

from __future__ import annotations

from functools import partial

from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.register.dialogs import WithdrawalAnswer, WithdrawDialog
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.published_photos import PublishedPhotosDialog
from spoenk_publisher.gui.register.texts import fill
from spoenk_publisher.register import Person, RegisterError


class WithdrawalActions(WindowPart):
    """Withdraw consent and show what was published (mixed into ``RegisterWindow``)."""

    def withdraw_selected(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        statuses = {c.name: self.model.status(person.id, c.name) for c in self.model.channels}
        dialog = WithdrawDialog(
            person, self.model.channels, statuses, self, came_from=self._current_channel()
        )
        dialog.accepted.connect(partial(self._withdrawal_chosen, person, dialog))
        self.withdraw_dialog = self._replace(self.withdraw_dialog, dialog)
        dialog.open()

    def _current_channel(self) -> str | None:
        """The channel of the matrix's current cell (the one the user came from), if any."""
        index = self.table.currentIndex()
        return index.data(ConsentMatrixModel.ChannelRole) if index.isValid() else None

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
            self._show_error(fill(self.tr("The consent was not withdrawn. %1"), sentence(error)))
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
