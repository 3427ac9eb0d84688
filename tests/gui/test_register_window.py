"""The register window, driven as a school's communication officer would drive it.

Each test opens the window on a temporary register, clicks, types and drops files, and checks
what the screen shows (and, where it matters, what the register now holds).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui_testing import EXAMPLE_CSV
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from spoenk_publisher.core.export import ExportedFile
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.widgets import MessageBar
from spoenk_publisher.gui.register.window import RegisterWindow
from spoenk_publisher.register import ConsentState, Person, Register, Role

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CSV_DIR = DATA_DIR / "register"
OBAMA = DATA_DIR / "people" / "obama" / "obama-1.jpg"
OBAMA_2 = DATA_DIR / "people" / "obama" / "obama-2.jpg"
NO_FACE = DATA_DIR / "no_face" / "kit-1-background.jpg"

#: "Today" for these tests: in the school year that ends on 2027-07-31.
TODAY = date(2026, 11, 25)
FACE_SEARCH_TIMEOUT = 30_000  # ms; a face search takes 1-4 s per photo


class StubChooser:
    """Stands in for the file dialogs: returns the files a test chose beforehand."""

    def __init__(self, csv: Path | None = None, photos: list[Path] | None = None) -> None:
        self.csv, self.chosen_photos = csv, photos or []

    def csv_file(self, parent) -> Path | None:
        return self.csv

    def photos(self, parent) -> list[Path]:
        return self.chosen_photos


@pytest.fixture(autouse=True)
def _on_the_test_day(set_today) -> None:
    """These tests show and record consent on ``TODAY`` (the app's clock)."""
    set_today(TODAY)


def open_window(qtbot, path: Path, chooser: StubChooser | None = None) -> RegisterWindow:
    window = RegisterWindow(path, file_chooser=chooser)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    return window


def cell(window: RegisterWindow, person_id: str, channel: str | None = None, column: int = 0):
    """The proxy index of a person's cell: a channel's, or a fixed column's."""
    row = window.model.row_of(person_id)
    assert row is not None, f"{person_id} is not in the model"
    if channel is not None:
        names = [c.name for c in window.model.channels]
        column = ConsentMatrixModel.FIXED_COLUMNS + names.index(channel)
    return window.proxy.mapFromSource(window.model.index(row, column))


def click_cell(qtbot, window: RegisterWindow, index) -> None:
    window.table.scrollTo(index)
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def drop_files(window: RegisterWindow, index, paths: list[Path]) -> None:
    """Drag files from a file manager onto a row, as Qt delivers it to the table."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    viewport = window.table.viewport()
    pos = QPointF(window.table.visualRect(index).center())
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    # Drag events take a QPoint (PySide6 6.11 has no QPointF overload); the drop a QPointF.
    enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos.toPoint(), *args)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(pos, *args)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()


def button(window: RegisterWindow, action):
    return window.toolbar.widgetForAction(action)


def panel_button(window: RegisterWindow, action):
    return window.panel.buttons[window.person_actions.index(action)]


# -- seeing and finding people ---------------------------------------------------------------


def test_people_from_an_imported_csv_are_listed_with_their_consent(qtbot, example_register):
    window = open_window(qtbot, example_register)

    assert window.count_label.text() == "6 person(s)"
    names = [window.proxy.index(row, 0).data() for row in range(window.proxy.rowCount())]
    assert names == sorted(names) and "Sanne de Vries" in names
    granted = cell(window, "1001", "instagram")
    assert granted.data() == "✓ 31-07-2027"
    assert granted.data(ConsentMatrixModel.StatusRole).state is ConsentState.GRANTED
    assert "from 25-11-2026 until 31-07-2027" in granted.data(Qt.ItemDataRole.ToolTipRole)
    refused = cell(window, "1002", "instagram")
    assert refused.data() == "✗ Refused"
    green = granted.data(Qt.ItemDataRole.BackgroundRole).color()
    red = refused.data(Qt.ItemDataRole.BackgroundRole).color()
    assert green.green() > green.red() and red.red() > red.green()
    assert window.date_label.text() == "Consent on 25-11-2026"

    click_cell(qtbot, window, cell(window, "1001"))  # the name: selects, opens nothing
    assert window.consent_dialog is None
    assert window.panel.heading.text() == "Sanne de Vries"
    assert window.panel.number_label.text() == "1001"
    assert window.panel.history.rowCount() == 8  # one record per channel in the file


def test_search_by_name_and_filter_by_group(qtbot, example_register):
    window = open_window(qtbot, example_register)

    qtbot.keyClicks(window.search_edit, "sanne")
    assert window.visible_people() == ["1001"]
    assert window.count_label.text() == "1 of 6 people shown"
    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "amrani")  # the accent-free spelling finds it too
    assert window.visible_people() == ["M042"]
    window.search_edit.clear()

    combo = window.group_combo
    groups = [combo.itemText(i) for i in range(combo.count())]
    assert groups == ["All groups", "5B", "6A", "No group (staff, others)"]
    combo.setCurrentIndex(groups.index("6A"))
    assert window.visible_people() == ["1004", "1003"]  # Milan Visser, Noor Bakker
    qtbot.keyClicks(window.search_edit, "noor")
    assert window.visible_people() == ["1003"]
    window.search_edit.clear()
    combo.setCurrentIndex(groups.index("No group (staff, others)"))
    assert window.visible_people() == ["M042", "V003"]
    combo.setCurrentIndex(0)
    assert len(window.visible_people()) == 6


# -- CSV import --------------------------------------------------------------------------------


def test_import_a_csv_file_through_the_dialog(qtbot, empty_register_path):
    chooser = StubChooser(csv=EXAMPLE_CSV)
    window = open_window(qtbot, empty_register_path, chooser)
    assert window.list_stack.currentWidget() is window.empty_hint

    qtbot.mouseClick(button(window, window.import_action), Qt.MouseButton.LeftButton)
    dialog = window.csv_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)

    assert "new people: 6" in dialog.summary_label.text()
    assert "consent changes: 48" in dialog.summary_label.text()
    changes = dialog.changes_model
    assert changes.rowCount() == 6
    headers = [changes.horizontalHeaderItem(c).text() for c in range(changes.columnCount())]
    assert headers[:5] == ["Line", "Number", "Name", "Group", "Person"]
    assert [changes.item(0, c).text() for c in range(5)] == [
        "2",
        "1001",
        "Sanne de Vries",
        "5B",
        "New",
    ]
    assert changes.item(0, headers.index("Instagram")).text() == "✓ 31-07-2027"
    assert changes.item(1, headers.index("Instagram")).text() == "✗ Refused"
    with Register.open(empty_register_path) as register:
        assert register.people() == []  # nothing is imported before the user confirms

    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert window.list_stack.currentWidget() is window.table
    assert window.model.rowCount() == 6
    assert cell(window, "1004", "x").data() == "✓ 31-07-2027"
    assert "Imported: 6 people added, 0 changed, 48 consent records." in window.message_bar.text()
    with Register.open(empty_register_path) as register:
        assert len(register.people()) == 6


def test_the_preview_shows_changes_to_people_already_in_the_register(qtbot, example_register):
    window = open_window(qtbot, example_register)

    dialog = window.import_csv_file(CSV_DIR / "excel-nl-bom-semicolon.csv")
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)

    changes = dialog.changes_model
    headers = [changes.horizontalHeaderItem(c).text() for c in range(changes.columnCount())]
    rows = {changes.item(r, 1).text(): r for r in range(changes.rowCount())}
    sanne, noor = rows["1001"], rows["1003"]
    assert changes.item(sanne, headers.index("Person")).text() == "—"
    assert changes.item(sanne, headers.index("Instagram")).text() == "✗ Withdrawn"
    assert changes.item(sanne, headers.index("Website")).text() == ""  # ja again: no change
    assert (
        "Now: Instagram: consent from" in changes.item(sanne, headers.index("Instagram")).toolTip()
    )
    assert "Nothing changes" in changes.item(noor, 0).toolTip()
    assert "new people: 0" in dialog.summary_label.text()

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with Register.open(example_register) as register:
        assert register.may_appear("1001", "instagram", TODAY)


def test_a_bad_csv_file_shows_its_problems_by_line_and_imports_nothing(qtbot, empty_register_path):
    chooser = StubChooser(csv=CSV_DIR / "one-bad-row.csv")
    window = open_window(qtbot, empty_register_path, chooser)

    window.import_action.trigger()
    dialog = window.csv_dialog
    qtbot.waitUntil(lambda: dialog.tables.currentWidget() is dialog.problems_view, timeout=10_000)

    assert "1 problem(s)" in dialog.headline.text()
    assert "Nothing will be imported" in dialog.headline.text()
    problems = dialog.problems_model
    assert problems.rowCount() == 1
    assert problems.item(0, 0).text() == "3"
    assert problems.item(0, 1).text() == "instagram"
    assert "'misschien' is not an answer" in problems.item(0, 2).text()  # the app's language
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.model.rowCount() == 0
    with Register.open(empty_register_path) as register:
        assert register.people() == []


# -- consent: grant, withdraw, and the report of published photos -----------------------------


def publish(register_path: Path, tmp_path: Path, channel: str, name: str, *people: str) -> None:
    """Record an export of one photo showing ``people`` unblurred, as an export would."""
    out = tmp_path / channel
    with Register.open(register_path) as register:
        export_id = register.start_export(channel, out, "Sportdag")
        register.record_exported_file(
            export_id,
            ExportedFile(
                file=out / name,
                source=tmp_path / "event" / name,
                source_sha256="a" * 64,
                output_sha256="b" * 64,
                people=tuple(people),
                faces_blurred=1,
            ),
        )


def test_grant_and_withdraw_consent_then_see_what_was_published(qtbot, example_register, tmp_path):
    window = open_window(qtbot, example_register)
    instagram = cell(window, "1002", "instagram")
    assert instagram.data() == "✗ Refused"

    # Grant: click the cell, pick a date, save.
    click_cell(qtbot, window, instagram)
    dialog = window.consent_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.channel.name == "instagram" and dialog.person.id == "1002"
    assert not dialog.grant_button.isChecked()  # nothing chosen until the user chooses
    qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)
    assert dialog.until_edit.date().toString("yyyy-MM-dd") == "2027-07-31"  # school year end
    assert not dialog.withdraw_button.isEnabled()  # nothing in force to withdraw
    dialog.until_edit.setDate(dialog.until_edit.date().addMonths(-1))
    qtbot.keyClicks(dialog.note_edit, "form received")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert cell(window, "1002", "instagram").data() == "✓ 30-06-2027"
    assert window.panel.heading.text() == "Daan Jansen"
    assert window.panel.history.item(0, 2).text() == "✓ 30-06-2027"
    assert "granted until 30-06-2027" in window.message_bar.text()
    with Register.open(example_register) as register:
        status = register.consent_status("1002", "instagram", TODAY)
        assert status.allowed and status.valid_until == date(2027, 6, 30)
        assert register.consent_history("1002", "instagram")[-1].note == "form received"

    # Daan appears in photos published on Instagram and on the website.
    publish(example_register, tmp_path, "instagram", "sportdag-001.jpg", "1002", "1001")
    publish(example_register, tmp_path, "website", "sportdag-002.jpg", "1002")

    # Withdraw on Instagram only, from the person panel: the channel last clicked is ticked.
    qtbot.mouseClick(panel_button(window, window.withdraw_action), Qt.MouseButton.LeftButton)
    withdraw = window.withdraw_dialog
    assert withdraw is not None and withdraw.isVisible()
    boxes = withdraw.channel_boxes
    assert [name for name, box in boxes.items() if box.isChecked()] == ["instagram"]
    qtbot.mouseClick(withdraw.withdraw_button, Qt.MouseButton.LeftButton)

    assert cell(window, "1002", "instagram").data() == "✗ Withdrawn"
    assert cell(window, "1002", "website").data() == "✓ 31-07-2027"
    report = window.report_dialog
    assert report is not None and report.isVisible()
    assert "Instagram" in report.intro.text()
    assert report.model.rowCount() == 1  # the website photo may stay: consent is still there
    assert report.model.item(0, 1).text() == "Instagram"
    assert report.model.item(0, 3).text() == "sportdag-001.jpg"
    assert report.model.item(0, 2).text() == "Sportdag"
    assert "sportdag-001.jpg" in report.list_text()
    with Register.open(example_register) as register:
        assert not register.may_appear("1002", "instagram", TODAY)
        assert register.may_appear("1002", "website", TODAY)

    # Withdraw the website too, from its cell: the report now lists the website photo.
    report.close()
    click_cell(qtbot, window, cell(window, "1002", "website"))
    dialog = window.consent_dialog
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert cell(window, "1002", "website").data() == "✗ Withdrawn"
    report = window.report_dialog
    assert report.isVisible() and report.model.rowCount() == 1
    assert report.model.item(0, 3).text() == "sportdag-002.jpg"


def test_withdrawing_when_nothing_was_published_says_so(qtbot, example_register):
    window = open_window(qtbot, example_register)
    click_cell(qtbot, window, cell(window, "1001", "instagram"))
    dialog = window.consent_dialog
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    report = window.report_dialog
    assert report.isVisible()
    assert "nothing needs to be removed" in report.intro.text()
    assert report.model.rowCount() == 0


# -- reference faces -----------------------------------------------------------------------------


@pytest.fixture
def obama_register(empty_register_path: Path) -> Path:
    with Register.open(empty_register_path) as register:
        register.add_person(Person("P044", "Barack Obama", "8A", Role.STAFF))
        register.add_person(Person("P045", "Kit Harington", "8A", Role.STAFF))
    return empty_register_path


def test_dropping_a_photo_on_a_person_adds_a_reference_face(qtbot, obama_register):
    window = open_window(qtbot, obama_register)
    faces = cell(window, "P044", column=ConsentMatrixModel.FACES)
    assert faces.data() == "0"

    with qtbot.waitSignal(window.enrolment_done, timeout=FACE_SEARCH_TIMEOUT) as done:
        drop_files(window, faces, [OBAMA])
        assert window.progress.isVisible()  # long work shows its progress, with Cancel

    assert done.args[0].added == [OBAMA]
    assert cell(window, "P044", column=ConsentMatrixModel.FACES).data() == "1"
    assert window.panel.heading.text() == "Barack Obama"  # the drop chose the row
    assert window.panel.faces_label.text() == "1"
    assert window.message_bar.level == MessageBar.INFO
    assert "added for Barack Obama" in window.message_bar.text()
    qtbot.waitUntil(lambda: not window.progress.isVisible())
    with Register.open(obama_register) as register:
        assert register.reference_face_counts() == {"P044": 1}


def test_a_photo_without_a_face_is_refused_with_a_readable_reason(qtbot, obama_register):
    window = open_window(qtbot, obama_register)

    with qtbot.waitSignal(window.enrolment_done, timeout=FACE_SEARCH_TIMEOUT):
        drop_files(window, cell(window, "P045"), [NO_FACE])

    text = window.message_bar.text()
    assert window.message_bar.level == MessageBar.ERROR
    assert "No reference face was added for Kit Harington." in text
    assert "kit-1-background.jpg: no face was found" in text
    assert "Traceback" not in text
    assert cell(window, "P045", column=ConsentMatrixModel.FACES).data() == "0"


def test_adding_reference_photos_can_be_cancelled(qtbot, obama_register):
    chooser = StubChooser(photos=[OBAMA, OBAMA_2])
    window = open_window(qtbot, obama_register, chooser)
    window.select_person("P044")

    with qtbot.waitSignal(window.enrolment_done, timeout=FACE_SEARCH_TIMEOUT):
        qtbot.mouseClick(panel_button(window, window.enrol_action), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton)

    assert "stopped; nothing was stored" in window.message_bar.text()
    with Register.open(obama_register) as register:
        assert register.reference_face_count("P044") == 0


def test_dropping_a_file_that_is_no_photo_says_so(qtbot, obama_register, tmp_path):
    window = open_window(qtbot, obama_register)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")

    drop_files(window, cell(window, "P044"), [notes])

    assert "notes.txt is not a photo" in window.message_bar.text()
    assert window.message_bar.level == MessageBar.ERROR
    assert not window.runner.is_busy()


# -- people --------------------------------------------------------------------------------------


def test_add_a_person_and_refuse_a_duplicate_number(qtbot, example_register):
    window = open_window(qtbot, example_register)

    qtbot.mouseClick(button(window, window.add_person_action), Qt.MouseButton.LeftButton)
    dialog = window.person_dialog
    qtbot.keyClicks(dialog.number_edit, "1001")
    qtbot.keyClicks(dialog.name_edit, "Someone Else")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "already a person with number '1001'" in dialog.error_label.text()

    dialog.number_edit.clear()
    qtbot.keyClicks(dialog.number_edit, "1010")
    dialog.group_edit.setCurrentText("5B")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert cell(window, "1010").data() == "Someone Else"
    assert cell(window, "1010", "website").data() == "—"  # no consent until recorded
    assert window.panel.heading.text() == "Someone Else"


def test_removing_a_person_asks_first_and_explains_face_data_is_deleted(qtbot, example_register):
    window = open_window(qtbot, example_register)
    window.select_person("1003")

    qtbot.mouseClick(panel_button(window, window.remove_action), Qt.MouseButton.LeftButton)
    box = window.remove_box
    assert box is not None and box.isVisible()
    assert "Noor Bakker" in box.text() and "face data" in box.text()
    assert "8 consent record(s)" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.model.row_of("1003") is not None

    qtbot.mouseClick(panel_button(window, window.remove_action), Qt.MouseButton.LeftButton)
    box = window.remove_box
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        remove.click()

    assert window.model.row_of("1003") is None
    assert "Noor Bakker was removed" in window.message_bar.text()
    with Register.open(example_register) as register:
        assert register.find_person("1003") is None
