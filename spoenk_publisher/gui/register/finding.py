"""Finding people in the register window: the search field and the group list filter the
matrix; the chosen row fills the person panel and enables the actions on a person (a part of
``RegisterWindow``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.register.models import ConsentMatrixModel
from spoenk_publisher.gui.register.texts import channel_label, fill
from spoenk_publisher.register import Person, RegisterError


class PeopleFinding(WindowPart):
    """Search, filter and choose a person (mixed into ``RegisterWindow``)."""

    def _fill_groups(self, groups: list[str], has_no_group: bool = False) -> None:
        current = (
            self._group_values[self.group_combo.currentIndex()] if self._group_values else None
        )
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self._group_values = [None, *groups] + ([""] if has_no_group else [])
        self.group_combo.addItem(self.tr("All groups"))
        self.group_combo.addItems(groups)
        if has_no_group:
            self.group_combo.addItem(self.tr("No group (staff, others)"))
        index = self._group_values.index(current) if current in self._group_values else 0
        self.group_combo.setCurrentIndex(index)
        self.group_combo.blockSignals(False)
        self.proxy.set_group(self._group_values[index])

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _group_changed(self, index: int) -> None:
        if 0 <= index < len(self._group_values):
            self.proxy.set_group(self._group_values[index])
            self._update_count()

    def _without_reference_changed(self, only: bool) -> None:
        self.proxy.set_without_reference(only)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n person(s)", "", total))
        else:
            self.count_label.setText(fill(self.tr("%1 of %n people shown", "", total), shown))

    def visible_people(self) -> list[str]:
        """The numbers of the people the matrix shows, top to bottom."""
        return [
            self.proxy.index(row, 0).data(ConsentMatrixModel.PersonIdRole)
            for row in range(self.proxy.rowCount())
        ]

    def select_person(self, person_id: str) -> bool:
        """Select a person's row (if shown); False when they are not in the list."""
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_selected(person_id)
        return True

    def selected_person(self) -> Person | None:
        if self._selected_id is None:
            return None
        row = self.model.row_of(self._selected_id)
        return self.model.person_at(row) if row is not None else None

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show_selected(rows[0].data(ConsentMatrixModel.PersonIdRole))
        else:
            self._selected_id = None
            self.panel.show_nobody()
            self._update_actions()

    def _show_selected(self, person_id: str) -> None:
        self._selected_id = person_id
        self._update_panel()
        self._update_actions()

    def _update_panel(self) -> None:
        person = self.selected_person()
        if person is None or self.register is None:
            self.panel.show_nobody()
            return
        try:
            history = self.register.consent_history(person.id)
            faces = self.register.reference_face_count(person.id)
        except RegisterError as error:
            self._show_error(sentence(error))
            return
        self.panel.show_person(person, faces, history, self._labels())

    def _update_actions(self) -> None:
        usable = self.register is not None
        for action in (self.import_action, self.add_person_action, self.portraits_action):
            action.setEnabled(usable)
        chosen = usable and self.selected_person() is not None
        for action in self.person_actions:
            action.setEnabled(chosen)

    def _labels(self) -> dict[str, str]:
        return {channel.name: channel_label(channel) for channel in self.model.channels}
