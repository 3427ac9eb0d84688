"""Start the desktop app: Qt application, translations, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from spoenk_publisher import messages
from spoenk_publisher.core.photos import is_photo_path
from spoenk_publisher.gui.event.demo import is_demo_event
from spoenk_publisher.paths import RESOURCES_DIR

ORGANISATION = "Onderwijsgroep Spoenk"
APPLICATION = "Spoenk Publisher"
I18N_DIR = RESOURCES_DIR / "i18n"
#: Languages the app ships; Dutch first, because the schools work in Dutch.
LANGUAGES = ("nl", "en")


def chosen_language(settings: QSettings) -> str:
    """The language from the settings, else the system's if shipped, else Dutch."""
    saved = settings.value("language", "", type=str)
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "nl"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``language`` (English needs none), and
    choose the same language for the sentences of the core (``messages``)."""
    messages.set_language(language)
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    candidates = [
        (I18N_DIR, f"spoenk_publisher_{language}"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
    ]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("spoenk-publisher")  # matches packaging/spoenk-publisher.desktop
    icon = RESOURCES_DIR / "icons" / "spoenk-publisher.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    language = chosen_language(QSettings())
    install_translators(app, language)
    messages.set_language(language)  # the sentences below the UI (spoenk_publisher.messages)
    return app


def main(paths: list[str] | None = None, demo: bool = False) -> int:
    """Open the main window on ``paths``: a folder or photos, or one photo for a quick check;
    without paths, no event (the demo is one click away: the first-run bar, Help ▸ Try the
    demo)."""
    from spoenk_publisher.core.pool import shutdown_shared_pool
    from spoenk_publisher.core.retention import apply_retention
    from spoenk_publisher.gui.common.errors import install_exception_hook
    from spoenk_publisher.gui.event.main_window import MainWindow
    from spoenk_publisher.gui.settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = create_app(sys.argv[:1])
    install_exception_hook()  # an exception in a slot is logged and shown, never lost
    app.aboutToQuit.connect(shutdown_shared_pool)
    if paths is None:
        paths = sys.argv[1:]
    settings = Settings()
    apply_retention(settings.cache_days())  # face data and thumbnails unused too long go
    window = MainWindow(register_path=settings.register_path(), settings=settings)
    window.show()
    open_start_paths(window, [Path(p) for p in paths], demo=demo)
    return app.exec()


def open_start_paths(window, paths: list[Path], demo: bool = False) -> None:
    """What the app shows first: one photo ("open with" from the file manager) gets a quick
    check; folders or several photos open as an event; nothing opens nothing. With ``demo``
    (``gui --demo``, what ``scripts/run-app.sh`` does without a folder), or given the demo
    event's own folder, the demo opens with its own register, never against the user's
    (``gui.event.demo``)."""
    if demo or is_demo_event(paths):
        window.open_demo()
    elif len(paths) == 1 and paths[0].is_file() and is_photo_path(paths[0]):
        window.quick_check(paths[0])
    elif paths:
        window.open_paths(paths)


if __name__ == "__main__":
    raise SystemExit(main())
