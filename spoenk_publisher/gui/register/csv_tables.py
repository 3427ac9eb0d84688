"""The import dialog's tables of what a file would change: one row per person with the consent
per channel, and the answers counted as no (a part of ``CsvImportDialog``).
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QStandardItem

from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.register.texts import (
    STATE_COLOURS,
    channel_label,
    fill,
    granted_text,
    state_text,
    status_sentence,
)
from spoenk_publisher.register import Channel, ConsentChange, ConsentState, PersonChange, Unanswered

_NEW_PERSON = QColor("#cdebc5")
_CHANGED_PERSON = QColor("#fff2b3")
_UNCHANGED_TEXT = QColor("#7a7a7a")


class ImportTables(WindowPart):
    """Fills the tables of changes and of answers counted as no (mixed into
    ``CsvImportDialog``)."""

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

    def _fill_unanswered(self, unanswered: tuple[Unanswered, ...]) -> None:
        model = self.unanswered_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Number"), self.tr("Name"), self.tr("Question"),
             self.tr("In the file")]
        )  # fmt: skip
        for item in unanswered:
            model.appendRow(
                [
                    self._item(str(item.line)),
                    self._item(item.person_id),
                    self._item(item.name),
                    self._item(item.column),
                    self._item(item.value or self.tr("(empty)")),
                ]
            )
        self.unanswered_view.resizeColumnsToContents()
        index = self.change_tabs.indexOf(self.unanswered_view)
        self.change_tabs.setTabText(index, fill(self.tr("Counted as no (%1)"), len(unanswered)))
        self.change_tabs.setTabToolTip(
            index,
            self.tr(
                "Answers left empty, 'onbekend' or 'niet ingevuld': no consent (an unanswered "
                "question is never a yes)."
            ),
        )

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
            "turns_16": self.tr("turns 16 in"),
        }
        return fill(self.tr("Changed: %1"), ", ".join(words.get(f, f) for f in row.changed_fields))

    def _consent_item(self, change: ConsentChange, channel: Channel) -> QStandardItem:
        if change.granted:
            state = ConsentState.GRANTED
            text_ = granted_text(change.valid_until)
        else:
            state = ConsentState.WITHDRAWN if change.withdraws else ConsentState.REFUSED
            text_ = "✗ " + state_text(state)
        item = self._item(text_)
        item.setBackground(QBrush(QColor(STATE_COLOURS[state])))
        item.setForeground(QBrush(QColor("#1c1c1c")))
        tip = fill(self.tr("Now: %1"), status_sentence(change.before, channel_label(channel)))
        if change.unanswered:
            tip += "\n" + self.tr("Not answered in the file: no consent.")
        item.setToolTip(tip)
        return item

    @staticmethod
    def _item(value: str) -> QStandardItem:
        item = QStandardItem(value)
        item.setEditable(False)
        return item
