"""Importing a school's own list in the register window: the plan with a drop-down per column,
the answers counted as no, choosing what an ambiguous column means (and finding that choice
again next time), and the 16+ mark in the consent matrix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.window import RegisterWindow
from spoenk_publisher.register import ConsentState, Register

SCHOOLS = Path(__file__).resolve().parents[1] / "data" / "register" / "schools"


def open_window(qtbot, path: Path) -> RegisterWindow:
    window = RegisterWindow(path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    return window


def choose(box, data: str) -> None:
    """Pick the drop-down entry whose value is ``data``, as a click would."""
    index = box.findData(data)
    assert index >= 0, [box.itemData(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def test_the_plan_shows_every_column_and_the_answers_counted_as_no(
    qtbot, empty_register_path: Path, today: date
) -> None:
    window = open_window(qtbot, empty_register_path)
    dialog = window.import_csv_file(SCHOOLS / "parnassys-parro.csv")
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)

    assert list(dialog.column_boxes)[:3] == ["Leerlingnummer", "Achternaam", "Voorvoegsel"]
    assert len(dialog.column_boxes) == 12
    assert all(box.currentData() == "automatisch" for box in dialog.column_boxes.values())
    explanations = {
        dialog.columns_table.item(row, 0).text(): dialog.columns_table.item(row, 2).text()
        for row in range(dialog.columns_table.rowCount())
    }
    assert explanations["Beeldmateriaal social media"] == (
        "instagram, facebook, x, youtube, linkedin (social media)"
    )
    assert explanations["Beeldmateriaal Parro"].startswith("ignored: internal")
    tabs = dialog.change_tabs
    assert tabs.tabText(tabs.indexOf(dialog.unanswered_view)) == "Counted as no (4)"
    assert dialog.unanswered_model.rowCount() == 4
    assert dialog.unanswered_model.item(3, 4).text() == "Onbekend"
    assert "answers counted as no: 4" in dialog.summary_label.text()
    assert dialog.changes_model.rowCount() == 5

    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with Register.open(empty_register_path) as register:
        assert register.may_appear("4002", "instagram", today)
        assert not register.may_appear("4001", "instagram", today)


AMBIGUOUS = (
    "Leerlingnummer;Naam;Groep;Foto's algemeen;Website\r\n"
    "1;Sanne de Vries;3A;ja;ja\r\n"
    "2;Daan Jansen;3A;nee;nee\r\n"
)


def test_an_ambiguous_column_is_chosen_in_its_drop_down_and_remembered(
    qtbot, empty_register_path: Path, tmp_path: Path, today: date
) -> None:
    path = tmp_path / "eigen-lijst.csv"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    window = open_window(qtbot, empty_register_path)
    dialog = window.import_csv_file(path)
    qtbot.waitUntil(lambda: dialog.tables.currentWidget() is dialog.problems_view, timeout=10_000)

    assert dialog.headline.text().startswith("Choose what the red column(s) mean")
    assert not dialog.import_button.isEnabled()
    assert dialog.problems_model.item(0, 1).text() == "Foto's algemeen"

    choose(dialog.column_boxes["Foto's algemeen"], "instagram")
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    headers = [
        dialog.changes_model.horizontalHeaderItem(c).text()
        for c in range(dialog.changes_model.columnCount())
    ]
    assert dialog.changes_model.item(0, headers.index("Instagram")).text().startswith("✓")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with Register.open(empty_register_path) as register:
        assert register.may_appear("1", "instagram", today)
        assert register.consent_status("2", "instagram", today).state is ConsentState.REFUSED

    # The next list with the same columns: the choice is there, and it can be undone.
    again = window.import_csv_file(path)
    qtbot.waitUntil(again.import_button.isEnabled, timeout=10_000)
    box = again.column_boxes["Foto's algemeen"]
    assert box.currentData() == "instagram"
    choose(again.column_boxes["Foto's algemeen"], "automatisch")
    qtbot.waitUntil(lambda: again.tables.currentWidget() is again.problems_view, timeout=10_000)
    again.reject()


def test_the_matrix_marks_a_parents_consent_for_a_pupil_of_16(
    qtbot, empty_register_path: Path, tmp_path: Path, today: date
) -> None:
    sixteen = date(today.year - 17, today.month, 1)
    path = tmp_path / "magister.csv"
    path.write_text(
        "Stamnummer;Naam;Geboortedatum;Ingevuld door;Website;Instagram\r\n"
        f"1;Lotte Berg;{sixteen:%d-%m-%Y};ouder/verzorger;ja;nee\r\n"
        f"2;Julia Smit;{sixteen:%d-%m-%Y};leerling;ja;nee\r\n",
        encoding="utf-8",
    )
    with Register.open(empty_register_path) as register:
        register.import_csv(path, today=today)
    window = open_window(qtbot, empty_register_path)

    model = window.model
    names = [c.name for c in model.channels]

    def data(person_id: str, channel: str, role=Qt.ItemDataRole.DisplayRole):
        row = model.row_of(person_id)
        column = ConsentMatrixModel.FIXED_COLUMNS + names.index(channel)
        return model.index(row, column).data(role)

    assert data("1", "website").endswith(" 16+")
    assert data("1", "website", Qt.ItemDataRole.ToolTipRole).startswith(
        "Consent given by a parent or guardian; the pupil is now 16 or older"
    )
    assert not data("1", "instagram").endswith("16+")  # a refusal needs no renewal
    assert not data("2", "website").endswith("16+")  # the pupil answered herself
