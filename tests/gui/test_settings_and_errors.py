"""Settings kept between sessions, the register window, and failures shown as sentences."""

from __future__ import annotations

import sys

import pytest
from gui_testing import GROUP_PHOTO, OBAMA, analyse, click_toolbar
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from spoenk_publisher.core.decisions import FaceDecision
from spoenk_publisher.gui.app import open_start_paths
from spoenk_publisher.gui.event.main_window import MainWindow
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path
from spoenk_publisher.register import Register


def make_window(qtbot, register_path, settings, pool) -> MainWindow:
    window = MainWindow(register_path, settings, pool=pool, warm_up=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_choices_and_layout_are_kept_for_the_next_session(
    qtbot, register_path, settings, pool, event_folder
):
    first = make_window(qtbot, register_path, settings, pool)
    first.channel_box.setCurrentIndex(first.channel_box.findData("website"))
    first.open_paths([event_folder])
    first.splitter.setSizes([300, 900])
    sizes = first.splitter.sizes()
    first.close()

    second = make_window(qtbot, register_path, settings, pool)
    assert second.channel() == "website"
    # The same split (the offscreen screen is smaller, so the window may be too).
    restored = second.splitter.sizes()
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02
    assert settings.recent_folders()[0] == event_folder.resolve()
    second.recent_menu.aboutToShow.emit()
    entry = next(a for a in second.recent_menu.actions() if a.text() == str(event_folder.resolve()))
    entry.trigger()
    assert second.model.rowCount() == 4


def test_the_settings_dialog_saves_style_policy_and_register(
    qtbot, window, settings, tmp_path, register_path
):
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.style_box.setCurrentIndex(dialog.style_box.findData("blur"))
    dialog.policy_box.setCurrentIndex(dialog.policy_box.findData("exclude"))
    other = tmp_path / "other-register.db"
    dialog.register_edit.setText(str(other))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert settings.blur_style() == "blur" and settings.policy() == "exclude"
    assert settings.register_path() == other
    assert window.register_path == other and window.review.style == "blur"
    assert "other-register.db" in window.register_label.text()
    assert window.channel_box.count() == 8  # a new register has the standard channels


def test_an_unusable_register_blurs_everyone_and_says_why(qtbot, settings, pool, tmp_path):
    not_a_register = tmp_path / "register.db"
    not_a_register.write_text("this is not a database")
    window = make_window(qtbot, not_a_register, settings, pool)
    assert "Register unavailable" in window.register_label.text()
    assert window.register_label.toolTip()  # the reason, readable
    assert window.channel_box.count() == 0
    assert not window.analyse_action.isEnabled()
    window.open_paths([GROUP_PHOTO])  # a dropped photo: no quick check without channels
    box = window.findChild(QMessageBox, "error-message")
    assert box is not None and "register" in box.text()


def test_a_missing_folder_is_reported_not_ignored(qtbot, window, tmp_path):
    window.open_paths([tmp_path / "does-not-exist"])
    box = window.findChild(QMessageBox, "error-message")
    assert box is not None and box.isVisible()
    assert "does not exist" in box.text()


def test_closing_the_register_window_decides_the_photos_again(
    qtbot, window, event_folder, register_path
):
    window.open_paths([event_folder])
    analyse(qtbot, window)
    row = window.model.paths().index(event_folder / "01-group.jpg")

    def obama() -> FaceDecision:
        faces = window.model.item(row).decision.faces
        return next(face for face in faces if face.person_id == OBAMA)

    assert obama().action == "keep"
    click_toolbar(qtbot, window, window.register_action)
    register_window = window.register_window
    assert register_window is not None
    qtbot.waitExposed(register_window)
    # What the user does in that window: Obama's parents withdraw consent for Instagram.
    with Register.open(register_path) as register:
        register.withdraw(OBAMA, ["instagram"])
    analysed = len(window.model.analyses())
    register_window.close()

    # The photos are decided again, from the cached analyses (no new detection).
    qtbot.waitUntil(lambda: obama().action == "blur", timeout=10_000)
    assert obama().reason == "no_consent" and obama().consent_state == "withdrawn"
    assert window.analyse_job is None and len(window.model.analyses()) == analysed


def test_saving_settings_never_moves_the_app_to_another_register(
    qtbot, window, settings, register_path
):
    # The window runs on a register chosen on the command line, not on a saved choice.
    assert settings.store.value("register/path", "") == ""
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog.register_edit.text() == str(register_path)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert settings.language() == "en"
    assert window.register_path == register_path and window.session.available
    assert settings.store.value("register/path", "") == ""


def test_one_photo_from_the_file_manager_opens_a_quick_check(qtbot, window):
    open_start_paths(window, [GROUP_PHOTO])
    assert len(window.quick_checks) == 1 and window.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.quick_checks[0].decision is not None, timeout=60_000)
    window.quick_checks[0].close()

    # Nothing to open opens nothing (never the demo event against the user's register).
    open_start_paths(window, [])
    assert window.event_folder is None and window.model.rowCount() == 0
    # The demo event's folder opens with the demo's own register.
    open_start_paths(window, [DEMO_EVENT_DIR])
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=60_000)
    assert window.register_path == demo_register_path()


class _Emitter(QObject):
    fired = Signal(object)


class _Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_thousands_of_signals_and_none_returns_do_not_abort_the_app(qapp):
    # PySide6 6.12 on Python 3.11 loses a reference to True per emit and to None per override
    # returning None; without spoenk_publisher.gui.pyside_fixes this aborts the interpreter.
    emitter, model = _Emitter(), _Model()
    received = []
    emitter.fired.connect(received.append)
    index = model.index(0)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for number in range(20_000):
        emitter.fired.emit(number)
        index.data(Qt.ItemDataRole.UserRole)
    assert len(received) == 20_000
    # With the 6.12.0 bug each emit and each None-returning override loses a reference, so the
    # counts would drop by about 20,000; a few stray references either way are normal.
    assert abs(sys.getrefcount(None) - none_before) < 1_000
    assert abs(sys.getrefcount(True) - true_before) < 1_000


def test_switching_the_language_in_settings_applies_at_the_next_start(
    qtbot, qapp, window, settings, register_path, pool
):
    from spoenk_publisher.gui.app import chosen_language, install_translators
    from spoenk_publisher.gui.event.main_window import MainWindow

    def restart() -> MainWindow:
        """What the next start does: translators from the saved choice, then the window."""
        translators = install_translators(qapp, chosen_language(settings.store))
        fresh = MainWindow(register_path, settings, pool=pool, warm_up=False)
        qtbot.addWidget(fresh)
        for translator in translators:
            qapp.removeTranslator(translator)
        return fresh

    for language, open_text in (("en", "&Open folder…"), ("nl", "Map &openen…")):
        window.settings_action.trigger()
        dialog = window.settings_dialog
        dialog.language_box.setCurrentIndex(dialog.language_box.findData(language))
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

        assert settings.language() == language
        assert restart().open_action.text() == open_text


def test_every_error_reaches_the_screen_as_one_sentence(tmp_path):
    from spoenk_publisher.core.photos import UnreadablePhoto
    from spoenk_publisher.demo import NotADemoRegister
    from spoenk_publisher.gui.common.errors import sentence
    from spoenk_publisher.register import PersonExists, RegisterUnavailable

    # A coded error says its catalogue sentence (in the app's language), starting a message ...
    assert sentence(PersonExists("1001")) == (
        "There is already a person with number '1001' in the register"
    )
    assert sentence(NotADemoRegister(tmp_path / "real.db")).endswith(
        "already exists and is not a demo register; it was left alone (choose another file)"
    )
    not_a_register = tmp_path / "register.db"
    not_a_register.write_text("this is not a database")
    with pytest.raises(RegisterUnavailable) as opened:
        Register.open(not_a_register)
    assert sentence(opened.value).startswith(f"The consent register {not_a_register} cannot be")
    # ... and a photo's own error begins with the file's name, as it is.
    broken = UnreadablePhoto(tmp_path / "b.jpg", "photo.truncated")
    assert sentence(broken).startswith("b.jpg: the file is incomplete (truncated)")
    # A disk error and a bug: translated sentences, never a traceback.
    denied = PermissionError(13, "Permission denied", str(tmp_path / "x"))
    assert sentence(denied) == f"No permission to use {tmp_path / 'x'}."
    full = OSError(28, "No space left on device", "out.jpg")
    assert sentence(full) == "The disk reported a problem: No space left on device (out.jpg)"
    assert sentence(KeyError("x")) == "Something went wrong (KeyError). The details are in the log."


def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, window, caplog):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from spoenk_publisher.gui.common import errors

    def broken_slot() -> None:
        raise ZeroDivisionError("a bug")

    def shown() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "error-message" and w.isVisible()
        ]

    previous = sys.excepthook  # pytest-qt's, which fails a test on an exception in a slot
    errors.install_exception_hook()
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(shown()) or bool(window.findChildren(QMessageBox)))
    finally:
        sys.excepthook = previous

    (box,) = shown() or window.findChildren(QMessageBox)
    assert box.text() == "Something went wrong (ZeroDivisionError). The details are in the log."
    assert any(
        record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records
    )
    box.close()
