"""One entry point for ``python -m spoenk_publisher`` and the bundled ``spoenk-publisher``.

With a subcommand or an option (``check``, ``--version``, ...) it is the command line; with no
arguments, or only the files and folders a file manager passes on "Open with", it opens the
desktop app. The bundle (see ``packaging/``) is started the same way from a menu, a file manager
and a terminal, so one executable has to tell the two apart.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Collection, Sequence
from pathlib import Path

#: Set to 1 to quit the desktop app as soon as its first window is on screen, after printing
#: the moment to stderr; packaging/smoke-test measures start-up time with it.
QUIT_AFTER_SHOW_ENV = "SPOENK_QUIT_AFTER_SHOW"
SHOWN_MARKER = "spoenk-publisher: first window shown at"


def opens_gui(args: Sequence[str], command_names: Collection[str]) -> bool:
    """True for no arguments, or for arguments that are all existing files or folders and do not
    start with a command's name; anything else goes to the command line, which explains a typo."""
    if not args:
        return True
    if args[0] in command_names or args[0].startswith("-"):
        return False
    return all(Path(arg).exists() for arg in args)


def main(argv: Sequence[str] | None = None) -> int:
    # Finder on older macOS adds a process serial number to apps it starts.
    args = [arg for arg in (sys.argv[1:] if argv is None else argv) if not arg.startswith("-psn_")]
    if args:
        # The command line imports no Qt; loading it to learn the command names costs nothing
        # the desktop app would not load anyway.
        from spoenk_publisher.cli import main as cli

        if not opens_gui(args, cli.commands):
            return cli.main(args=args, prog_name="spoenk-publisher")
    from spoenk_publisher.gui.app import main as gui_main

    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":
        _quit_after_first_window()
    return gui_main(args)


def _quit_after_first_window() -> None:
    """Create the application now (``gui.app`` reuses it) with a filter that notes when the
    first window is exposed and then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    class FirstExpose(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
            ):
                print(f"{SHOWN_MARKER} {time.time():.3f}", file=sys.stderr, flush=True)
                app.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)  # after this expose has been painted
            return False

    watcher = FirstExpose(app)
    app.installEventFilter(watcher)


if __name__ == "__main__":
    # Must come first in a frozen app: a spawned analysis process starts this executable again
    # and has to run its task instead of opening a second window.
    import multiprocessing

    multiprocessing.freeze_support()
    raise SystemExit(main())
