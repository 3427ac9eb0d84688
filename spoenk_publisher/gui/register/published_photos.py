"""The report of what was published with a person recognisable: after a withdrawal (only the
channels just withdrawn), or on request from the register window.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.gui.register.texts import fill, format_moment
from spoenk_publisher.register import Person
from spoenk_publisher.register.publications import PublishedPhoto


def _bold(text: str) -> str:
    return f"<b>{escape(text)}</b>"


class PublishedPhotosDialog(QDialog):
    """The photos published with a person recognisable, to remove after a withdrawal."""

    def __init__(
        self,
        person: Person,
        photos: Sequence[PublishedPhoto],
        labels: dict[str, str],
        withdrawn: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``withdrawn``: the channels just withdrawn (only their photos are listed), or None."""
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Published photos of %1"), person.name))
        self.setObjectName("published-photos-dialog")
        self.resize(860, 420)
        self.labels = labels
        shown = [p for p in photos if withdrawn is None or p.channel in withdrawn]
        self.photos = shown
        names = ", ".join(labels.get(c, c) for c in withdrawn) if withdrawn else ""

        if withdrawn is not None and not shown:
            text = fill(
                self.tr(
                    "Consent withdrawn for %1. No photo showing %2 recognisably was published on "
                    "these channels with Spoenk Publisher: nothing needs to be removed."
                ),
                names,
                _bold(person.name),
            )
        elif withdrawn is not None:
            text = fill(
                self.tr(
                    "Consent withdrawn for %1. These published photos show %2 recognisably: "
                    "remove them from where they were published (%1), or ask whoever manages "
                    "those channels to do so."
                ),
                names,
                _bold(person.name),
            )
        elif shown:
            text = fill(
                self.tr("These photos were published with %1 recognisable:"), _bold(person.name)
            )
        else:
            text = fill(
                self.tr("No photo showing %1 recognisably was published with Spoenk Publisher."),
                _bold(person.name),
            )
        self.intro = QLabel(text, self)
        self.intro.setWordWrap(True)

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Published"),
                self.tr("Channel"),
                self.tr("Event"),
                self.tr("File"),
                self.tr("Folder"),
                self.tr("By"),
            ]
        )
        for photo in shown:
            cells = [
                format_moment(photo.exported_at),
                labels.get(photo.channel, photo.channel),
                photo.event,
                photo.file_name,
                str(photo.out_dir),
                photo.actor,
            ]
            items = [QStandardItem(cell) for cell in cells]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.view = QTableView(self)
        self.view.setObjectName("published-photos")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.setVisible(bool(shown))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton(
            self.tr("Copy list"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setEnabled(bool(shown))
        self.copy_button.clicked.connect(self.copy_list)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        if not shown:
            self.resize(520, 160)

    def list_text(self) -> str:
        """The list as plain text, one photo a line (to paste into an email)."""
        return "\n".join(
            "\t".join(
                [
                    format_moment(photo.exported_at),
                    self.labels.get(photo.channel, photo.channel),
                    photo.event,
                    str(photo.out_dir / photo.file_name),
                ]
            )
            for photo in self.photos
        )

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.list_text())
