"""The register as Qt models: people × channels with the consent in force, and the words for it.

The model holds a ``RegisterSnapshot`` read off the UI thread (see ``register_jobs``); the view
filters it through ``PeopleFilterProxy`` (search and group) without asking the register again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from spoenk_publisher import clock
from spoenk_publisher.messages import Message, text
from spoenk_publisher.register import (
    Channel,
    ConsentState,
    ConsentStatus,
    Person,
    RecordStatus,
    Register,
    Role,
)

_ModelIndex = QModelIndex | QPersistentModelIndex

#: Words shared by the register screens are translated in the context "RegisterTexts"; lupdate
#: finds ``translate("Context", "text")`` calls (not an alias with another name).
translate = QCoreApplication.translate

# Default channel labels that read differently in Dutch; labels a school adds are shown as typed.
_CHANNEL_LABELS = (QT_TRANSLATE_NOOP("Channels", "Newsletter"),)

#: Cell colours of the consent matrix (light, so that black text stays readable on them).
STATE_COLOURS: dict[ConsentState, str] = {
    ConsentState.GRANTED: "#cdebc5",
    ConsentState.EXPIRED: "#ffdcaa",
    ConsentState.REFUSED: "#f6c6c6",
    ConsentState.WITHDRAWN: "#f6c6c6",
    ConsentState.NOT_YET: "#e3ecf7",
    ConsentState.NONE: "#e8e8e8",
}
#: A person without reference faces (always blurred, since the app cannot recognise them).
NO_FACES_COLOUR = QColor("#fff2b3")
_CELL_TEXT = QColor("#1c1c1c")
_INACTIVE_TEXT = QColor("#7a7a7a")


def fill(text: str, *values: object) -> str:
    """``text`` with ``%1``, ``%2``, ... replaced by ``values`` (as ``QString.arg`` does)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def format_day(day: date | None) -> str:
    """A date as Dutch schools write it (31-07-2027), the same in every language."""
    return day.strftime("%d-%m-%Y") if day else ""


def format_moment(moment: datetime) -> str:
    """A stored UTC time in local time, to the minute."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def channel_label(channel: Channel) -> str:
    return QCoreApplication.translate("Channels", channel.label)


def role_text(role: Role) -> str:
    return {
        Role.PUPIL: translate("RegisterTexts", "Pupil"),
        Role.STAFF: translate("RegisterTexts", "Staff"),
        Role.OTHER: translate("RegisterTexts", "Other"),
    }[Role(role)]


def state_text(state: ConsentState) -> str:
    """The consent state as one word or two (matrix cells, the details panel)."""
    return {
        ConsentState.GRANTED: translate("RegisterTexts", "Granted"),
        ConsentState.REFUSED: translate("RegisterTexts", "Refused"),
        ConsentState.WITHDRAWN: translate("RegisterTexts", "Withdrawn"),
        ConsentState.EXPIRED: translate("RegisterTexts", "Expired"),
        ConsentState.NOT_YET: translate("RegisterTexts", "Not yet"),
        ConsentState.NONE: translate("RegisterTexts", "No consent"),
    }[state]


def record_status_text(status: RecordStatus) -> str:
    return {
        RecordStatus.GRANTED: translate("RegisterTexts", "Granted"),
        RecordStatus.REFUSED: translate("RegisterTexts", "Refused"),
        RecordStatus.WITHDRAWN: translate("RegisterTexts", "Withdrawn"),
    }[status]


def cell_text(status: ConsentStatus) -> str:
    """What a matrix cell says: a tick and the last valid day, or why not."""
    if status.state is ConsentState.GRANTED:
        return granted_text(status.valid_until)
    if status.state is ConsentState.NONE:
        return "—"
    if status.state is ConsentState.NOT_YET:
        return f"… {format_day(status.valid_from)}"
    return "✗ " + state_text(status.state)


def granted_text(valid_until: date | None) -> str:
    """A granted cell: a tick and the last valid day (the matrix must fit 8 channels)."""
    return f"✓ {format_day(valid_until)}"


def status_sentence(status: ConsentStatus, label: str) -> str:
    """The consent in force as a sentence, e.g. for a cell's tooltip."""
    until, since = format_day(status.valid_until), format_day(status.valid_from)
    if status.state is ConsentState.GRANTED:
        return fill(
            translate("RegisterTexts", "%1: consent from %2 until %3."), label, since, until
        )
    if status.state is ConsentState.EXPIRED:
        return fill(
            translate("RegisterTexts", "%1: consent expired after %2; shown blurred."), label, until
        )
    if status.state is ConsentState.REFUSED:
        return fill(
            translate("RegisterTexts", "%1: consent refused (from %2); shown blurred."),
            label,
            since,
        )
    if status.state is ConsentState.WITHDRAWN:
        return fill(
            translate("RegisterTexts", "%1: consent withdrawn (from %2); shown blurred."),
            label,
            since,
        )
    if status.state is ConsentState.NOT_YET:
        return fill(
            translate(
                "RegisterTexts", "%1: consent starts on %2 (until %3); shown blurred until then."
            ),
            label,
            since,
            until,
        )
    return fill(translate("RegisterTexts", "%1: no consent recorded; shown blurred."), label)


def searchable(text: str) -> str:
    """Lower case without accents, so that "ozil" finds "Özil"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def natural_key(text: str) -> list[int | str]:
    """Sort "groep 2" before "groep 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


@dataclass
class RegisterSnapshot:
    """Everything the matrix shows, read in one go (off the UI thread)."""

    on: date
    channels: list[Channel]
    people: list[Person]
    #: channel name -> person id -> consent in force on ``on``
    statuses: dict[str, dict[str, ConsentStatus]] = field(default_factory=dict)
    face_counts: dict[str, int] = field(default_factory=dict)
    #: person id -> the first day of the month they turn 16 (the 16+ mark; only where known)
    turns_16: dict[str, date] = field(default_factory=dict)

    def groups(self) -> list[str]:
        return sorted({person.group for person in self.people if person.group}, key=natural_key)


def read_snapshot(
    register: Register,
    on: date,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> RegisterSnapshot | None:
    """Read people, consent per channel and reference-face counts; None when cancelled."""
    channels = register.channels()
    snapshot = RegisterSnapshot(on, channels, register.people())
    total = len(channels) + 1
    for done, channel in enumerate(channels):
        if cancelled():
            return None
        if progress:
            progress(done, total, channel.label)
        snapshot.statuses[channel.name] = register.consent_statuses(channel.name, on)
    snapshot.face_counts = register.reference_face_counts()
    snapshot.turns_16 = register.turns_16_months()
    if progress:
        progress(total, total, "")
    return snapshot


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
    """Shows the people whose name or number contains the search text, in the chosen group."""

    #: ``group`` value meaning "every group"
    ALL_GROUPS = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._group: str | None = self.ALL_GROUPS
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

    def filterAcceptsRow(self, source_row: int, source_parent: _ModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, ConsentMatrixModel)
        person = model.person_at(source_row)
        if self._group is not None and person.group != self._group:
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
