"""The PySide6 desktop app (windows, models, views, jobs).

Importing the package works around a reference-count bug of PySide6 6.12 that would otherwise
abort the app after some hundreds of signal emits (see ``pyside_fixes``). The analysis
processes spawned by ``analysis_pool`` import this package too but need no Qt: they skip it.
"""

import multiprocessing as _multiprocessing

if _multiprocessing.parent_process() is None:
    from spoenk_publisher.gui import pyside_fixes as _pyside_fixes

    _pyside_fixes.apply()
