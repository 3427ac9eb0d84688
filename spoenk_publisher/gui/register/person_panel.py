"""The register window's side panel: the chosen person's details, reference faces, the buttons
for them, and their consent history.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.gui.register.texts import (
    NO_FACES_COLOUR,
    fill,
    format_day,
    format_moment,
    granted_text,
    record_status_text,
    role_text,
)
from spoenk_publisher.register import ConsentRecord, Person, RecordStatus, Source


class PersonPanel(QWidget):
    """The chosen person: details, reference faces, the buttons for them, and consent history."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-panel")
        self.setMinimumWidth(320)
        self.heading = QLabel(self.tr("Choose a person to see their details."), self)
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        # Two lines, whatever the name: the buttons below never move when another person (or
        # nobody) is chosen (issue 13.11).
        self.heading.setFixedHeight(2 * QFontMetrics(font).lineSpacing() + 4)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.number_label = QLabel(self)
        self.group_label = QLabel(self)
        self.role_label = QLabel(self)
        self.active_label = QLabel(self)
        self.faces_label = QLabel(self)
        self.faces_label.setObjectName("reference-faces")
        self.no_faces_hint = QLabel(
            self.tr("The app cannot recognise this person yet, so they are always blurred."),
            self,
        )
        self.no_faces_hint.setWordWrap(True)
        self.no_faces_hint.setStyleSheet(
            f"background: {NO_FACES_COLOUR.name()}; padding: 4px; border-radius: 3px;"
        )
        _keep_place_when_hidden(self.no_faces_hint)
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Number"), self.number_label)
        form.addRow(self.tr("Group"), self.group_label)
        form.addRow(self.tr("Role"), self.role_label)
        form.addRow(self.tr("At school"), self.active_label)
        form.addRow(self.tr("Reference faces"), self.faces_label)
        _keep_place_when_hidden(self.details)

        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.buttons: list[QPushButton] = []
        for action in actions:
            button = QPushButton(action.text().replace("&", ""), self)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
            self.buttons.append(button)

        history_title = QLabel(self.tr("Consent history (newest first)"), self)
        history_title.setFont(QFont(self.font().family(), -1, QFont.Weight.Bold))
        history_title.setWordWrap(True)
        self.history = QTableWidget(0, 4, self)
        self.history.setObjectName("consent-history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Recorded"), self.tr("Channel"), self.tr("Decision"), self.tr("Note")]
        )
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.history.setWordWrap(False)
        self.tip = QLabel(
            self.tr("Tip: drop photos of this person on their row to add reference faces."), self
        )
        self.tip.setWordWrap(True)
        self.tip.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.no_faces_hint)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.tip)
        self.show_nobody()

    def show_nobody(self) -> None:
        self.heading.setText(self.tr("Choose a person to see their details."))
        self.details.hide()
        self.no_faces_hint.hide()
        self.history.setRowCount(0)

    def show_person(
        self, person: Person, faces: int, history: list[ConsentRecord], labels: dict[str, str]
    ) -> None:
        self.heading.setText(person.name)
        self.details.show()
        self.number_label.setText(person.id)
        self.group_label.setText(person.group or "—")
        self.role_label.setText(role_text(person.role))
        self.active_label.setText(self.tr("Yes") if person.active else self.tr("No"))
        self.faces_label.setText(str(faces))
        self.no_faces_hint.setVisible(faces == 0)
        self.history.setRowCount(len(history))
        for row, record in enumerate(reversed(history)):
            decision = record_status_text(record.status)
            if record.status is RecordStatus.GRANTED:
                decision = granted_text(record.valid_until)
            cells = [
                format_day(record.recorded_at.astimezone().date()),
                labels.get(record.channel, record.channel),
                decision,
                record.note,
            ]
            tooltip = fill(
                self.tr("From %1. Recorded %2 by %3 (source: %4)."),
                format_day(record.valid_from),
                format_moment(record.recorded_at),
                record.recorded_by,
                self._source_text(record.source),
            )
            if record.note:
                tooltip += "\n" + fill(self.tr("Note: %1"), record.note)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                self.history.setItem(row, column, item)

    def _source_text(self, source: Source) -> str:
        return {
            Source.FORM: self.tr("consent form"),
            Source.CSV: self.tr("CSV file"),
            Source.APP: self.tr("entered in the app"),
        }[Source(source)]


def _keep_place_when_hidden(widget: QWidget) -> None:
    """A hidden ``widget`` keeps its room, so that what is below it stays where it was."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
