"""How an error reaches the screen: one sentence in the app's language, never a traceback, never
a silent failure.

``sentence(error)`` is the only way from an exception to what a user reads: an error with a
code (``messages.CodedError``: photos, the register, enrolment, export, the demo) says its
catalogue sentence in the app's language; a disk error a translated sentence; anything else
"something went wrong", and whoever caught it (a job, the exception hook) logs the traceback.
``show_error`` puts a sentence in a window-modal box that does not block.
``install_exception_hook`` catches what a slot raised (Qt calls ``sys.excepthook`` for it):
logged and shown, so a bug is never lost in a terminal nobody reads.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from spoenk_publisher.messages import CodedError, Message, text

log = logging.getLogger(__name__)


def sentence(error: BaseException) -> str:
    """What a user reads about ``error``, in the app's language."""
    from spoenk_publisher.register import RegisterImportError
    from spoenk_publisher.register.db import readable_reason

    if isinstance(error, RegisterImportError):
        # The headline and every problem by line (the import dialog shows them as a table).
        return "\n".join([_capitalised(text(error.headline)), *(p.text() for p in error.problems)])
    if isinstance(error, CodedError):
        said = error.text()
        # A bare catalogue sentence starts a message on screen; one that begins with a file
        # name ("foto.jpg: ...") keeps the name as it is.
        return _capitalised(said) if said == error.message.text() else said
    if isinstance(error, sqlite3.DatabaseError):
        reason = Message("register.unavailable", path="", reason=readable_reason(error))
        return _capitalised(text(reason))
    if isinstance(error, PermissionError):
        return QCoreApplication.translate("Errors", "No permission to use %1.").replace(
            "%1", str(error.filename or "")
        )
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return QCoreApplication.translate("Errors", "The disk reported a problem: %1").replace(
            "%1", f"{error.strerror or error}{where}"
        )
    # A bug: the job or the exception hook that caught it has logged its traceback.
    return QCoreApplication.translate(
        "Errors", "Something went wrong (%1). The details are in the log."
    ).replace("%1", type(error).__name__)


def _capitalised(said: str) -> str:
    return said[:1].upper() + said[1:]


def show_error(
    parent: QWidget | None, title: str, message: str | BaseException, details: str = ""
) -> QMessageBox:
    """A window-modal message that does not block the caller (tests and workers go on);
    an exception is shown as its ``sentence``."""
    said = message if isinstance(message, str) else sentence(message)
    box = QMessageBox(QMessageBox.Icon.Warning, title, said, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error-message")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if details:
        box.setInformativeText(details)
    box.open()
    return box


_showing: list[QMessageBox] = []


def report_unexpected(
    kind: type[BaseException],
    error: BaseException,
    traceback: TracebackType | None,
) -> None:
    """``sys.excepthook`` for the app: log the traceback, and show the sentence (one box at a
    time, so an error while painting cannot open a box per frame)."""
    log.error("uncaught error in the app", exc_info=(kind, error, traceback))
    if isinstance(error, KeyboardInterrupt) or QApplication.instance() is None:
        return
    if any(box.isVisible() for box in _showing):
        return
    box = show_error(
        QApplication.activeWindow(),
        QCoreApplication.translate("Errors", "Something went wrong"),
        sentence(error),
    )
    _showing[:] = [box]
    box.finished.connect(lambda _result: _showing.clear())


def install_exception_hook() -> None:
    """Make every exception a slot or an event handler raises logged and shown."""
    sys.excepthook = report_unexpected
