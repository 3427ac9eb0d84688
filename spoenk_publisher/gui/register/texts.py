"""The register screens' words: consent states, roles, dates and the consent in force as a
sentence, and the matrix's colours. The register wing's own sentences are Qt ``tr`` strings in
the context "RegisterTexts" (``translate``); what the register reports comes from the catalogue.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from spoenk_publisher.register import Channel, ConsentState, ConsentStatus, RecordStatus, Role

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
