"""Choose who a face is: the face beside the register's people, nearest first; search by name,
group or number. The dialog is placed beside the face (``place_beside``), never on it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.review import PersonChoice
from spoenk_publisher.gui.event.verdict_text import CATEGORY_COLOURS, KEPT, NO_CONSENT

_PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


class _WordFilter(QSortFilterProxyModel):
    """A row matches when every typed word is in its name, group or number."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        haystack = self.sourceModel().index(row, 0, parent).data(_SEARCH_TEXT_ROLE) or ""
        return all(word in haystack for word in self._words)


#: The face's picture in the picker, in screen pixels (its longer side).
FACE_PICTURE_PX = 150

#: Screen pixels between the face and the picker placed beside it.
PLACE_GAP = 12


class PersonPicker(QDialog):
    """Lists everyone active with their consent for the channel, in the order given (nearest
    reference first, see ``ReviewSession.people``), beside a picture of the face being named;
    returns the chosen person. Naming someone never shows a face the register does not allow."""

    def __init__(
        self,
        people: list[PersonChoice],
        channel_label: str,
        parent: QWidget | None = None,
        face: QImage | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person-picker")
        self.setWindowTitle(self.tr("Who is this?"))
        self.resize(600, 400)

        self.face_picture = QLabel(self)
        self.face_picture.setObjectName("picker-face")
        self.face_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.face_picture.setFixedSize(FACE_PICTURE_PX + 8, FACE_PICTURE_PX + 8)
        self.face_picture.setStyleSheet("background: #2b2f36; border-radius: 4px;")
        if face is not None and not face.isNull():
            self.face_picture.setPixmap(
                QPixmap.fromImage(face).scaled(
                    FACE_PICTURE_PX,
                    FACE_PICTURE_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.ranked = any(choice.distance is not None for choice in people)
        face_note = QLabel(
            self.tr("The people who look most like this face are at the top.")
            if self.ranked
            else self.tr("Nobody in the register has a reference photo like this face yet.")
        )
        face_note.setWordWrap(True)
        face_note.setFixedWidth(FACE_PICTURE_PX + 8)
        small = QFont(face_note.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        face_note.setFont(small)
        face_note.setStyleSheet("color: #4b5563;")

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, group or number"))
        self.search.setClearButtonEnabled(True)

        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Group"), self.tr("On %1").replace("%1", channel_label)]
        )
        for choice in people:
            person = choice.person
            name = QStandardItem(person.name)
            name.setData(person.id, _PERSON_ID_ROLE)
            name.setData(f"{person.name} {person.group} {person.id}".casefold(), _SEARCH_TEXT_ROLE)
            name.setToolTip(self.tr("Number: %1").replace("%1", person.id))
            group = QStandardItem(person.group)
            if choice.may_appear:
                consent = QStandardItem(self.tr("may be shown"))
                consent.setForeground(QBrush(CATEGORY_COLOURS[KEPT]))
            else:
                consent = QStandardItem(self.tr("no consent: stays blurred"))
                consent.setForeground(QBrush(CATEGORY_COLOURS[NO_CONSENT]))
            row = [name, group, consent]
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)

        self.proxy = _WordFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        self.table.doubleClicked.connect(self.accept)

        note = QLabel(
            self.tr(
                "A face is shown only when the register has consent for %1. Naming someone "
                "without consent keeps the face blurred."
            ).replace("%1", channel_label),
            self,
        )
        note.setWordWrap(True)
        self.empty_note = QLabel(self.tr("Nobody in the register matches."), self)
        self.empty_note.hide()

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("This is the person"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        face_column = QVBoxLayout()
        face_column.addWidget(self.face_picture)
        face_column.addWidget(face_note)
        face_column.addStretch(1)
        people_column = QVBoxLayout()
        people_column.addWidget(self.search)
        people_column.addWidget(self.table, 1)
        people_column.addWidget(self.empty_note)
        row = QHBoxLayout()
        row.addLayout(face_column)
        row.addLayout(people_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_if_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._update_ok)
        self._filter("")
        self.search.setFocus()

    def place_beside(self, face: QRectF, screen: QRect) -> None:
        """Move the dialog beside ``face`` (global screen coordinates) inside ``screen``: to
        its right, else its left, below, above; where it fits best, never on the face when
        there is room anywhere."""
        size = self.frameGeometry().size() if self.isVisible() else self.sizeHint()
        size = size.expandedTo(self.size())
        width, height = size.width(), size.height()
        area = QRectF(screen)
        middle_y = face.center().y() - height / 2
        middle_x = face.center().x() - width / 2
        places = [
            QPoint(round(face.right() + PLACE_GAP), round(middle_y)),
            QPoint(round(face.left() - PLACE_GAP - width), round(middle_y)),
            QPoint(round(middle_x), round(face.bottom() + PLACE_GAP)),
            QPoint(round(middle_x), round(face.top() - PLACE_GAP - height)),
        ]

        def kept_on_screen(point: QPoint) -> QPoint:
            x = min(max(point.x(), area.left()), area.right() - width)
            y = min(max(point.y(), area.top()), area.bottom() - height)
            return QPoint(round(max(x, area.left())), round(max(y, area.top())))

        def covered(point: QPoint) -> float:
            shared = QRectF(point.x(), point.y(), width, height).intersected(face)
            return shared.width() * shared.height()

        moved = [kept_on_screen(point) for point in places]
        best = min(moved, key=lambda point: (covered(point) > 0, covered(point)))
        self.move(best)

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        visible = self.proxy.rowCount()
        self.empty_note.setVisible(visible == 0)
        if visible:
            self.table.selectRow(0)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.ok_button.setEnabled(self.chosen_person_id() is not None)

    def _accept_if_chosen(self) -> None:
        if self.chosen_person_id() is not None:
            self.accept()

    def chosen_person_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(_PERSON_ID_ROLE)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Up/Down in the search field move through the list, as in a launcher.
        if self.search.hasFocus() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            row = self.table.currentIndex().row()
            row += 1 if event.key() == Qt.Key.Key_Down else -1
            if 0 <= row < self.proxy.rowCount():
                self.table.selectRow(row)
            return
        super().keyPressEvent(event)
