"""The PySide6 desktop app, in two wings over the core: ``event`` (the main window, its photos,
the review, the quick check, export) and ``register`` (the register window and its actions), with
``common`` (how an error reaches the screen, parts of a window, the settings dialog) and, at the
top, ``app`` (start, translations), ``settings`` (the user's choices) and ``jobs`` (the one job
contract). See docs/architecture.md.

Importing the package works around a reference-count bug of PySide6 6.12 that would otherwise
abort the app after some hundreds of signal emits (see ``pyside_fixes``). The analysis
processes spawned by ``core.pool`` import this package too but need no Qt: they skip it.
"""

import multiprocessing as _multiprocessing

if _multiprocessing.parent_process() is None:
    from spoenk_publisher.gui import pyside_fixes as _pyside_fixes

    _pyside_fixes.apply()
