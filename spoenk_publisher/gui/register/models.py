"""The register as Qt models: people × channels with the consent in force.

The model holds a ``RegisterSnapshot`` (``snapshot``) read off the UI thread (see ``jobs``); the
view filters it through ``PeopleFilterProxy`` (search and group) without asking the register
again. The words it shows are in ``texts``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from spoenk_publisher import clock
from spoenk_publisher.gui.register.snapshot import RegisterSnapshot, natural_key, searchable
from spoenk_publisher.gui.register.texts import (
    NO_FACES_COLOUR,
    STATE_COLOURS,
    cell_text,
    channel_label,
    fill,
    status_sentence,
    translate,
)
from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import Channel, ConsentState, ConsentStatus, Person

_ModelIndex = QModelIndex | QPersistentModelIndex

_CELL_TEXT = QColor("#1c1c1c")
_INACTIVE_TEXT = QColor("#7a7a7a")


class ConsentMatrixModel(QAbstractTableModel):
    """One row per person: name, number, group, reference faces, then one column per channel."""

    PersonIdRole = Qt.ItemDataRole.UserRole + 1
    ChannelRole = Qt.ItemDataRole.UserRole + 2
    StatusRole = Qt.ItemDataRole.UserRole + 3
    SortRole = Qt.ItemDataRole.UserRole + 4

    NAME, NUMBER, GROUP, FACES = range(4)
    FIXED_COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = RegisterSnapshot(clock.today(), [], [])
        self._row_of: dict[str, int] = {}

    # -- filling -------------------------------------------------------------------------

    def set_snapshot(self, snapshot: RegisterSnapshot) -> None:
        self.beginResetModel()
        self._snapshot = snapshot
        self._row_of = {person.id: row for row, person in enumerate(snapshot.people)}
        self.endResetModel()

    def update_person(
        self, person_id: str, statuses: dict[str, ConsentStatus], face_count: int
    ) -> None:
        """Show a person's new consent and face count after a change made in this window."""
        row = self._row_of.get(person_id)
        if row is None:
            return
        for channel, status in statuses.items():
            self._snapshot.statuses.setdefault(channel, {})[person_id] = status
        self._snapshot.face_counts[person_id] = face_count
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- reading -------------------------------------------------------------------------

    @property
    def snapshot(self) -> RegisterSnapshot:
        return self._snapshot

    @property
    def channels(self) -> list[Channel]:
        return self._snapshot.channels

    def person_at(self, row: int) -> Person:
        return self._snapshot.people[row]

    def row_of(self, person_id: str) -> int | None:
        return self._row_of.get(person_id)

    def channel_at(self, column: int) -> Channel | None:
        index = column - self.FIXED_COLUMNS
        return self._snapshot.channels[index] if 0 <= index < len(self.channels) else None

    def status(self, person_id: str, channel: str) -> ConsentStatus:
        found = self._snapshot.statuses.get(channel, {}).get(person_id)
        return found or ConsentStatus(person_id, channel, self._snapshot.on, ConsentState.NONE)

    def face_count(self, person_id: str) -> int:
        return self._snapshot.face_counts.get(person_id, 0)

    # -- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._snapshot.people)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.FIXED_COLUMNS + len(self._snapshot.channels)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal:
            return None
        channel = self.channel_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if channel is not None:
                return channel_label(channel)
            return {
                self.NAME: translate("RegisterTexts", "Name"),
                self.NUMBER: translate("RegisterTexts", "Number"),
                self.GROUP: translate("RegisterTexts", "Group"),
                self.FACES: translate("RegisterTexts", "Faces"),
            }[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if channel is not None:
                return fill(
                    translate(
                        "RegisterTexts", "Consent to appear on %1. Click a cell to change it."
                    ),
                    channel_label(channel),
                )
            if section == self.FACES:
                return translate(
                    "RegisterTexts",
                    "Reference faces: the photos by which the app recognises this person.",
                )
            if section == self.NUMBER:
                return translate("RegisterTexts", "Pupil or staff number")
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self._snapshot.people[index.row()]
        column = index.column()
        channel = self.channel_at(column)
        if role == self.PersonIdRole:
            return person.id
        if channel is not None:
            return self._channel_data(person, channel, role)
        faces = self.face_count(person.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.NAME: person.name,
                self.NUMBER: person.id,
                self.GROUP: person.group,
                self.FACES: str(faces),
            }[column]
        if role == self.SortRole:
            return {
                self.NAME: searchable(person.name),
                self.NUMBER: natural_key(person.id),
                self.GROUP: natural_key(person.group),
                self.FACES: faces,
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.FACES:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and not person.active:
            return QBrush(_INACTIVE_TEXT)
        if role == Qt.ItemDataRole.FontRole and not person.active and column == self.NAME:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column == self.FACES and faces == 0:
            return QBrush(NO_FACES_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FACES and faces == 0:
                return translate(
                    "RegisterTexts",
                    "No reference faces: the app cannot recognise this person, so they are "
                    "always blurred. Drop photos of them on this row to add some.",
                )
            if column == self.FACES:
                return translate("RegisterTexts", "%n reference face(s)", "", faces)
            if not person.active:
                return translate("RegisterTexts", "No longer at school")
        return None

    def needs_renewal(self, person_id: str, channel: str) -> bool:
        """A parent's consent in force for a pupil who is 16 by now (see ``ConsentStatus``)."""
        status = self.status(person_id, channel)
        return status.needs_renewal(self._snapshot.turns_16.get(person_id))

    def _channel_data(self, person: Person, channel: Channel, role: int):
        status = self.status(person.id, channel.name)
        renew = self.needs_renewal(person.id, channel.name)
        if role == Qt.ItemDataRole.DisplayRole:
            mark = " " + text(Message("csv_import.renewal_mark")) if renew else ""
            return cell_text(status) + mark
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[status.state]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_CELL_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            renewal = text(Message("csv_import.renewal_tooltip")) + "\n" if renew else ""
            return (
                renewal
                + status_sentence(status, channel_label(channel))
                + "\n"
                + translate("RegisterTexts", "Click to change.")
            )
        if role == self.ChannelRole:
            return channel.name
        if role == self.StatusRole:
            return status
        if role == self.SortRole:
            order = list(STATE_COLOURS).index(status.state)
            return (order, status.valid_until.toordinal() if status.valid_until else 0)
        return None


class PeopleFilterProxy(QSortFilterProxyModel):
    """Shows the people whose name or number contains the search text, in the chosen group,
    and (when asked) only those without a reference face yet."""

    #: ``group`` value meaning "every group"
    ALL_GROUPS = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._group: str | None = self.ALL_GROUPS
        self._without_reference = False
        self.setSortRole(ConsentMatrixModel.SortRole)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = searchable(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_group(self, group: str | None) -> None:
        """A group name, "" for people without a group (staff), or None for everyone."""
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_without_reference(self, only: bool) -> None:
        """Show only the people the app cannot recognise yet (no reference face)."""
        self.beginFilterChange()
        self._without_reference = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, ConsentMatrixModel)
        person = model.person_at(source_row)
        if self._group is not None and person.group != self._group:
            return False
        if self._without_reference and model.snapshot.face_counts.get(person.id, 0) > 0:
            return False
        if not self._search:
            return True
        words = self._search.split()
        haystack = searchable(f"{person.name} {person.id}")
        return all(word in haystack for word in words)

    def lessThan(self, left: _ModelIndex, right: _ModelIndex) -> bool:  # noqa: N802
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
