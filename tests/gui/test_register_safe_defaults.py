"""The register window never grants by accident and says everything at once (issue 13, points 2
and 11): a consent dialog starts with nothing chosen, a withdrawal starts from the channel the
user came from, the withdrawal's note shows in the history, a list's problems come in one round,
the side panel's buttons stay put, and the people without a reference face can be listed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from test_register_window import (
    TODAY,
    StubChooser,
    cell,
    click_cell,
    open_window,
    panel_button,
)

from spoenk_publisher.register import ConsentState, Person, Register, Role


@pytest.fixture(autouse=True)
def _on_the_test_day(set_today) -> None:
    set_today(TODAY)


def click_radio(qtbot, button) -> None:
    """Click a radio button on its circle (its middle may lie beyond its text)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def test_a_consent_dialog_opened_and_enter_pressed_grants_nothing(qtbot, example_register):
    window = open_window(qtbot, example_register)
    before = cell(window, "1002", "instagram").data()
    assert before == "✗ Refused"

    click_cell(qtbot, window, cell(window, "1002", "instagram"))
    dialog = window.consent_dialog
    qtbot.waitExposed(dialog)
    chosen = [b for b in dialog.choices.buttons() if b.isChecked()]
    assert chosen == []  # nothing preselected
    assert not dialog.save_button.isEnabled()
    assert not dialog.until_edit.isEnabled()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    QApplication.processEvents()

    assert dialog.isVisible()  # Enter did not save
    assert cell(window, "1002", "instagram").data() == before
    with Register.open(example_register) as register:
        assert not register.may_appear("1002", "instagram", TODAY)
        assert len(register.consent_history("1002", "instagram")) == 1  # the import's only

    # A deliberate choice enables Save; then Enter saves that choice.
    click_radio(qtbot, dialog.refuse_button)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with Register.open(example_register) as register:
        assert not register.may_appear("1002", "instagram", TODAY)


def test_withdrawal_from_a_channel_ticks_only_that_channel(qtbot, example_register):
    window = open_window(qtbot, example_register)
    with Register.open(example_register) as register:
        granted = [
            channel.name
            for channel in register.channels()
            if register.consent_status("1001", channel.name, TODAY).state
            is ConsentState.GRANTED
        ]
    assert "website" in granted and len(granted) > 1  # several channels could be withdrawn

    # Came from the website cell (a click shows the consent dialog; the user closes it).
    click_cell(qtbot, window, cell(window, "1001", "website"))
    window.consent_dialog.reject()
    qtbot.mouseClick(panel_button(window, window.withdraw_action), Qt.MouseButton.LeftButton)

    boxes = window.withdraw_dialog.channel_boxes
    assert [name for name, box in boxes.items() if box.isChecked()] == ["website"]
    assert window.withdraw_dialog.withdraw_button.isEnabled()


def test_withdrawal_from_the_name_ticks_nothing(qtbot, example_register):
    window = open_window(qtbot, example_register)
    click_cell(qtbot, window, cell(window, "1001"))  # the name column
    qtbot.mouseClick(panel_button(window, window.withdraw_action), Qt.MouseButton.LeftButton)

    dialog = window.withdraw_dialog
    assert not any(box.isChecked() for box in dialog.channel_boxes.values())
    assert not dialog.withdraw_button.isEnabled()


def test_the_history_shows_the_withdrawal_note(qtbot, example_register):
    window = open_window(qtbot, example_register)
    click_cell(qtbot, window, cell(window, "1001", "website"))
    window.consent_dialog.reject()
    qtbot.mouseClick(panel_button(window, window.withdraw_action), Qt.MouseButton.LeftButton)
    dialog = window.withdraw_dialog
    qtbot.keyClicks(dialog.note_edit, "mail van moeder 28-11")
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    window.report_dialog.close()

    history = window.panel.history
    headers = [history.horizontalHeaderItem(c).text() for c in range(history.columnCount())]
    assert headers == ["Recorded", "Channel", "Decision", "Note"]
    newest = [history.item(0, column).text() for column in range(history.columnCount())]
    assert newest[1:] == ["Website", "Withdrawn", "mail van moeder 28-11"]


def open_list_with_problems(qtbot, register_path, csv):
    """The CSV import dialog on ``csv``, once it shows the list's problems."""
    window = open_window(qtbot, register_path, StubChooser(csv=csv))
    window.import_action.trigger()
    dialog = window.csv_dialog
    qtbot.waitUntil(lambda: dialog.tables.currentWidget() is dialog.problems_view, timeout=10_000)
    return dialog


def test_a_list_with_an_unclear_column_and_two_bad_rows_reports_all_three_at_once(
    qtbot, empty_register_path, tmp_path
):
    bad = tmp_path / "lijst.csv"
    bad.write_text(
        "leerlingnummer;naam;groep;rol;website;instagram;geldig_tot;raar\n"
        "1001;Sanne de Vries;5B;leerling;ja;ja;31-07-2027;ja\n"
        "1002;Daan Jansen;5B;leerling;ja;misschien;31-07-2027;nee\n"
        "1003;Noor Bakker;6A;leerling;ja;nee;32-13-2027;ja\n",
        encoding="utf-8",
    )
    dialog = open_list_with_problems(qtbot, empty_register_path, bad)

    problems = dialog.problems_model
    found = [(problems.item(r, 0).text(), problems.item(r, 1).text()) for r in range(3)]
    assert problems.rowCount() == 3
    assert found == [("1", "raar"), ("3", "instagram"), ("4", "geldig_tot")]
    assert "2 problem(s)" in dialog.headline.text() or "other 2" in dialog.headline.text()
    assert not dialog.import_button.isEnabled()

    # Choosing the column's meaning leaves exactly the two rows' problems: no new surprise.
    box = dialog.column_boxes["raar"]
    box.setCurrentIndex(box.findData("negeren"))
    qtbot.waitUntil(lambda: dialog._job is None, timeout=10_000)
    assert problems.rowCount() == 2
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_two_bad_rows_are_reported_both_at_once(qtbot, empty_register_path, tmp_path):
    bad = tmp_path / "twee-fouten.csv"
    bad.write_text(
        "leerlingnummer;naam;groep;rol;website;instagram;geldig_tot\n"
        "1001;Sanne de Vries;5B;leerling;ja;ja;31-07-2027\n"
        "1002;Daan Jansen;5B;leerling;ja;misschien;31-07-2027\n"
        "1003;;6A;leerling;ja;nee;\n",
        encoding="utf-8",
    )
    dialog = open_list_with_problems(qtbot, empty_register_path, bad)

    assert "2 problem(s)" in dialog.headline.text()
    lines = [dialog.problems_model.item(r, 0).text() for r in range(2)]
    assert lines == ["3", "4"]
    dialog.reject()


def button_positions(window) -> list:
    return [b.mapTo(window, b.rect().topLeft()) for b in window.panel.buttons]


def test_the_side_panel_buttons_stay_put_when_the_selection_changes(qtbot, example_register):
    with Register.open(example_register) as register:
        register.add_person(
            Person("2001", "Maximiliaan Alexander van den Heuvel-Oosterhout", "5B", Role.PUPIL)
        )
    window = open_window(qtbot, example_register)
    window.resize(1200, 700)
    qtbot.wait(50)  # the window settles at its size
    click_cell(qtbot, window, cell(window, "1001"))
    QApplication.processEvents()
    first = button_positions(window)

    for person in ("2001", "1002"):
        click_cell(qtbot, window, cell(window, person))
        QApplication.processEvents()
        assert button_positions(window) == first, person
    window.table.clearSelection()
    QApplication.processEvents()
    assert button_positions(window) == first


def test_the_filter_lists_exactly_the_people_without_a_reference_face(
    qtbot, empty_register_path, references
):
    with Register.open(empty_register_path) as register:
        register.add_person(Person("1", "Barack Obama", "8A", Role.STAFF))
        register.add_person(Person("2", "Joe Biden", "8B", Role.STAFF))
        register.add_person(Person("3", "Sanne de Vries", "5B", Role.PUPIL))
        register.add_person(Person("4", "Daan Jansen", "5B", Role.PUPIL))
        register.enrol("1", [references["1001"]])
        register.enrol("2", [references["1002"]])
    window = open_window(qtbot, empty_register_path)
    assert sorted(window.visible_people()) == ["1", "2", "3", "4"]

    qtbot.mouseClick(window.no_reference_box, Qt.MouseButton.LeftButton)
    assert sorted(window.visible_people()) == ["3", "4"]
    assert "2 of 4 people shown" in window.count_label.text()

    qtbot.mouseClick(window.no_reference_box, Qt.MouseButton.LeftButton)
    assert sorted(window.visible_people()) == ["1", "2", "3", "4"]
