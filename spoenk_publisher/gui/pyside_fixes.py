"""A work-around for reference-count bugs of the PySide6 release the app runs on.

PySide6 6.12.0 on Python 3.11 loses one reference to ``None`` each time C++ calls a Python
override that returns ``None`` (``QRunnable.run``, ``paintEvent``, ``resizeEvent``, a model's
``data()`` for a role it does not serve, ...), and one reference to ``True`` per
``SignalInstance.emit()``/``disconnect()``. ``None`` starts with some 6,000 references, so
after a few thousand such calls the interpreter aborts with "Fatal Python error: none_dealloc"
(or ``bool_dealloc``). Found 2026-11-25 by bench/gui_responsiveness.py, which aborted while
1,000 thumbnails loaded and again during analysis; reproduced in a few lines.

Python 3.12 makes these singletons immortal by giving them a huge reference count; on 3.11
this module does the same for ``None``, ``True`` and ``False``, which are never freed anyway,
so a lost reference can no longer bring the count to zero. It only acts when a probe shows the
leak, so a fixed PySide6 (or Python 3.12+) is left alone.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

log = logging.getLogger(__name__)

#: Added to each singleton's count: at 10,000 lost references a second, 3,000 years.
PAD = 1 << 40
SINGLETONS = (None, True, False)

padded: list[str] = []


class _Probe(QObject):
    fired = Signal()


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        return None


def _lost(obj: object, call, times: int = 32) -> int:
    before = sys.getrefcount(obj)
    for _ in range(times):
        call()
    return before - sys.getrefcount(obj)


def leaks() -> bool:
    """True when this PySide6 loses references to ``None`` or ``True``."""
    model, probe = _NoneModel(), _Probe()
    index = model.index(0)
    lost_none = _lost(None, lambda: index.data(Qt.ItemDataRole.UserRole))
    lost_true = _lost(True, probe.fired.emit)
    return lost_none >= 16 or lost_true >= 16


def _refcount_field(obj: object) -> ctypes.c_ssize_t:
    return ctypes.c_ssize_t.from_address(id(obj))


def apply() -> list[str]:
    """Make ``None``, ``True`` and ``False`` immortal if references to them leak."""
    if padded or sys.version_info >= (3, 12) or not leaks():
        return padded
    for obj in SINGLETONS:
        field = _refcount_field(obj)
        # The count is the object's first field in a release build; make sure before writing.
        if field.value != sys.getrefcount(obj) - 1:
            log.warning("unexpected object layout: PySide6 reference leak not worked around")
            return padded
    for obj in SINGLETONS:
        _refcount_field(obj).value += PAD
        padded.append(repr(obj))
    return padded
