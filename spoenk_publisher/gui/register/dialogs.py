"""The small dialogs of the register window: one consent, a withdrawal and a person's details
(the published-photos report is ``published_photos``).

They only ask and show; the window makes every change through ``Register`` (which writes the
audit log). All are opened with ``open()``/``show()``, never a blocking ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.gui.register.texts import (
    channel_label,
    fill,
    format_day,
    role_text,
    status_sentence,
)
from spoenk_publisher.register import (
    Channel,
    ConsentState,
    ConsentStatus,
    Person,
    Role,
    Source,
    school_year_end,
)

_ERROR_STYLE = "color: #b00020;"


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


class ConsentChoice(Enum):
    GRANT = "grant"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class ConsentAnswer:
    """What the user chose in a ``ConsentDialog``."""

    choice: ConsentChoice
    valid_until: date | None
    source: Source
    note: str


class ConsentDialog(QDialog):
    """Change one person's consent on one channel: grant until a date, refuse or withdraw."""

    def __init__(
        self,
        person: Person,
        channel: Channel,
        status: ConsentStatus,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person, self.channel, self.status = person, channel, status
        label = channel_label(channel)
        self.setWindowTitle(fill(self.tr("Consent for %1"), label))
        self.setObjectName("consent-dialog")

        who = QLabel(
            fill(self.tr("%1 (number %2) on %3"), _bold(person.name), person.id, _bold(label)),
            self,
        )
        now = QLabel(fill(self.tr("Now: %1"), status_sentence(status, label)), self)
        now.setWordWrap(True)

        self.grant_button = QRadioButton(self.tr("Grant consent until"), self)
        self.until_edit = QDateEdit(self)
        self.until_edit.setObjectName("consent-until")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("dd-MM-yyyy")
        self.until_edit.setMinimumDate(_to_qdate(today))
        self.until_edit.setDate(_to_qdate(school_year_end(today)))
        self.until_edit.setToolTip(
            self.tr("The last day of the consent; a school year ends on 31 July.")
        )
        self.refuse_button = QRadioButton(self.tr("Refuse consent"), self)
        self.withdraw_button = QRadioButton(self.tr("Withdraw consent"), self)
        granted = status.state is ConsentState.GRANTED
        self.withdraw_button.setEnabled(granted)
        if not granted:
            self.withdraw_button.setToolTip(self.tr("There is no consent in force to withdraw."))
        # Nothing is chosen at first (issue 13): granting consent takes a deliberate click,
        # never a click on the cell and Enter.
        self.choices = QButtonGroup(self)
        for button in (self.grant_button, self.refuse_button, self.withdraw_button):
            self.choices.addButton(button)
        self.until_edit.setEnabled(False)
        self.grant_button.toggled.connect(self.until_edit.setEnabled)
        self.choices.buttonToggled.connect(self._update_save)

        self.form_box = QCheckBox(self.tr("Recorded from a signed consent form"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr('Note (optional), e.g. "email from parent"'))

        choices = QGridLayout()
        choices.addWidget(self.grant_button, 0, 0)
        choices.addWidget(self.until_edit, 0, 1)
        choices.addWidget(self.refuse_button, 1, 0, 1, 2)
        choices.addWidget(self.withdraw_button, 2, 0, 1, 2)
        choices.setColumnStretch(2, 1)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(self.tr("Choose grant, refuse or withdraw first."))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(now)
        layout.addLayout(choices)
        layout.addWidget(self.form_box)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.buttons)

    def chosen(self) -> ConsentChoice | None:
        """What the user chose, or None while nothing is."""
        if self.withdraw_button.isChecked():
            return ConsentChoice.WITHDRAW
        if self.refuse_button.isChecked():
            return ConsentChoice.REFUSE
        if self.grant_button.isChecked():
            return ConsentChoice.GRANT
        return None

    def _update_save(self) -> None:
        if self.chosen() is not None:  # a choice cannot be undone, only changed
            self.save_button.setEnabled(True)
            self.save_button.setToolTip("")

    def accept(self) -> None:
        if self.chosen() is None:  # Enter before a choice: nothing is recorded
            return
        super().accept()

    def answer(self) -> ConsentAnswer:
        choice = self.chosen()
        if choice is None:
            raise ValueError("nothing was chosen")
        return ConsentAnswer(
            choice,
            _from_qdate(self.until_edit.date()) if choice is ConsentChoice.GRANT else None,
            Source.FORM if self.form_box.isChecked() else Source.APP,
            self.note_edit.text().strip(),
        )


@dataclass(frozen=True)
class WithdrawalAnswer:
    channels: tuple[str, ...]
    source: Source
    note: str


class WithdrawDialog(QDialog):
    """Withdraw a person's consent on the channels the user ticks: at first only the channel the
    user came from (the matrix's current cell), when consent is in force there; never every
    channel at once."""

    def __init__(
        self,
        person: Person,
        channels: Sequence[Channel],
        statuses: dict[str, ConsentStatus],
        parent: QWidget | None = None,
        came_from: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.setObjectName("withdraw-dialog")
        intro = QLabel(
            fill(
                self.tr("Withdraw the consent of %1 (number %2) for:"),
                _bold(person.name),
                person.id,
            ),
            self,
        )
        self.channel_boxes: dict[str, QCheckBox] = {}
        boxes = QVBoxLayout()
        for channel in channels:
            status = statuses[channel.name]
            granted = status.state is ConsentState.GRANTED
            text = channel_label(channel)
            if granted:
                text = fill(self.tr("%1 (consent until %2)"), text, format_day(status.valid_until))
            box = QCheckBox(text, self)
            box.setChecked(granted and channel.name == came_from)
            box.setToolTip(status_sentence(status, channel_label(channel)))
            box.toggled.connect(self._update_button)
            self.channel_boxes[channel.name] = box
            boxes.addWidget(box)
        all_button = QPushButton(self.tr("All channels"), self)
        all_button.clicked.connect(self.select_all)

        explanation = QLabel(
            self.tr(
                "From today the app blurs this person on these channels. Photos that were already "
                "published stay online until someone removes them: the next window lists them."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.form_box = QCheckBox(self.tr("Recorded from a signed form or letter"), self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr('Note (optional), e.g. "email from parent"'))

        self.buttons = QDialogButtonBox(self)
        self.withdraw_button = self.buttons.addButton(
            self.tr("Withdraw consent"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.withdraw_button.setObjectName("confirm-withdraw")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes)
        layout.addWidget(all_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(explanation)
        layout.addWidget(self.form_box)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.buttons)
        self._update_button()

    def select_all(self) -> None:
        for box in self.channel_boxes.values():
            box.setChecked(True)

    def _update_button(self) -> None:
        self.withdraw_button.setEnabled(any(b.isChecked() for b in self.channel_boxes.values()))

    def answer(self) -> WithdrawalAnswer:
        return WithdrawalAnswer(
            tuple(name for name, box in self.channel_boxes.items() if box.isChecked()),
            Source.FORM if self.form_box.isChecked() else Source.APP,
            self.note_edit.text().strip(),
        )


class PersonDialog(QDialog):
    """Add a person, or change one's name, group, role or whether they are still at school.

    ``save`` stores the person and returns None, or a readable reason why it could not; the
    dialog then stays open with the reason shown.
    """

    def __init__(
        self,
        person: Person | None,
        groups: Sequence[str],
        save: Callable[[Person], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setObjectName("person-dialog")
        self.setWindowTitle(self.tr("Add a person") if person is None else self.tr("Edit person"))
        self.number_edit = QLineEdit(self)
        self.number_edit.setPlaceholderText(self.tr("Pupil or staff number"))
        self.name_edit = QLineEdit(self)
        self.group_edit = QComboBox(self)
        self.group_edit.setEditable(True)
        self.group_edit.addItems(list(groups))
        self.group_edit.setCurrentText("")
        self.role_edit = QComboBox(self)
        for role in Role:
            self.role_edit.addItem(role_text(role), role)
        self.active_box = QCheckBox(self.tr("Still at school"), self)
        self.active_box.setChecked(True)
        if person is not None:
            self.number_edit.setText(person.id)
            self.number_edit.setReadOnly(True)
            self.number_edit.setToolTip(self.tr("The number identifies the person; it stays."))
            self.name_edit.setText(person.name)
            self.group_edit.setCurrentText(person.group)
            self.role_edit.setCurrentIndex(list(Role).index(Role(person.role)))
            self.active_box.setChecked(person.active)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Number"), self.number_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Group"), self.group_edit)
        form.addRow(self.tr("Role"), self.role_edit)
        form.addRow("", self.active_box)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def person(self) -> Person:
        return Person(
            id=self.number_edit.text().strip(),
            name=self.name_edit.text().strip(),
            group=self.group_edit.currentText().strip(),
            role=self.role_edit.currentData(),
            active=self.active_box.isChecked(),
        )

    def accept(self) -> None:
        person = self.person()
        if not person.id:
            self._show_error(self.tr("Fill in the pupil or staff number."))
            return
        if not person.name:
            self._show_error(self.tr("Fill in the name."))
            return
        problem = self._save(person)
        if problem:
            self._show_error(problem)
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
