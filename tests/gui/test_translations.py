"""The Dutch translation is complete and the shipped catalogue is the one its source compiles to.

A string added to the code without a translation shows up in English in the Dutch app; a `.ts`
edited without compiling it leaves the app on the old `.qm`. Both are caught here with Qt's own
tools (the same ones `scripts/update-translations.sh` runs).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from spoenk_publisher.paths import PROJECT_ROOT

I18N = PROJECT_ROOT / "resources" / "i18n"
TOOLS = Path(sys.executable).parent


def _unfinished(ts: Path) -> list[str]:
    """Messages without a finished translation, as "context: source"."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            empty = not "".join(translation.itertext()).strip()
            if translation.get("type") == "unfinished" or empty:
                found.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return found


def test_every_string_in_the_code_has_a_dutch_translation(tmp_path):
    ts = tmp_path / "nl.ts"
    shutil.copyfile(I18N / "spoenk_publisher_nl.ts", ts)
    sources = sorted(str(p) for p in (PROJECT_ROOT / "spoenk_publisher").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
    )
    assert _unfinished(ts) == []
    # Nothing in the code that the shipped file lacks (lupdate added no message).
    assert ts.read_text(encoding="utf-8").count("<message") == (
        (I18N / "spoenk_publisher_nl.ts").read_text(encoding="utf-8").count("<message")
    )


def test_the_shipped_catalogue_is_the_compiled_translation(tmp_path):
    fresh = tmp_path / "nl.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(I18N / "spoenk_publisher_nl.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (I18N / "spoenk_publisher_nl.qm").read_bytes()


def test_qts_own_file_dialog_speaks_dutch_too(qapp):
    """Qt's Dutch catalogue lacks a few of its own file dialog's labels; the app's fills them."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from spoenk_publisher.gui.app import install_translators

    translators = install_translators(qapp, "nl")
    try:
        dialog = QFileDialog(None, "Foto's")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        dialog.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        from spoenk_publisher import messages

        messages.set_language("en")
    assert labels == ["&Zoeken in:", "Bestands&naam:", "Bestands&type:"]
