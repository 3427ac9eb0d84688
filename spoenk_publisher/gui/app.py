"""Start the desktop app: Qt application, translations, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from spoenk_publisher.paths import DEMO_EVENT_DIR, RESOURCES_DIR, default_register_path

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
    """Load the app's and Qt's own translations for ``language`` (English needs none)."""
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
    install_translators(app, chosen_language(QSettings()))
    return app


def main(paths: list[str] | None = None) -> int:
    """Open the main window on ``paths`` (a folder or photos), else on the demo event."""
    from spoenk_publisher.gui.main_window import MainWindow

    app = create_app(sys.argv[:1])
    if paths is None:
        paths = sys.argv[1:]
    window = MainWindow(register_path=default_register_path())
    window.show()
    window.open_paths([Path(p) for p in paths] if paths else [DEMO_EVENT_DIR])
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
