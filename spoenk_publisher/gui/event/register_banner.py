"""A bar at the top of the main window about the register in use: on the first run (an empty
register) it offers to import a CSV file or to try the demo; on the demo register it says so and
offers the way back. A bar, not a dialog: nothing waits for an answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class RegisterBanner(QFrame):
    """What the register in use asks of the user, with the buttons that do it."""

    import_requested = Signal()
    demo_requested = Signal()
    switch_back_requested = Signal()

    EMPTY, DEMO = "empty", "demo"
    _STYLE = (
        "RegisterBanner { background: #e8f0fe; border: 1px solid #9bb7e8; border-radius: 4px; }"
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("register-banner")
        self.setStyleSheet(self._STYLE)
        self.state = ""
        self.label = QLabel(self)
        self.label.setObjectName("register-banner-text")
        self.label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import CSV…"), self)
        self.import_button.setObjectName("import-csv-button")
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Open the demo"), self)
        self.demo_button.setObjectName("open-demo-button")
        self.demo_button.clicked.connect(self.demo_requested)
        self.back_button = QPushButton(self.tr("Back to my register"), self)
        self.back_button.setObjectName("switch-back-button")
        self.back_button.clicked.connect(self.switch_back_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        for button in (self.import_button, self.demo_button, self.back_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_empty(self) -> None:
        """The first run: nobody in the register yet."""
        self.state = self.EMPTY
        self.label.setText(
            self.tr(
                "The register is still empty. Import the pupils and their consent from a CSV "
                "file, or try the app with the demo."
            )
        )
        self._show_buttons(self.import_button, self.demo_button)
        self.set_busy(False)
        self.show()

    def show_demo(self, can_switch_back: bool) -> None:
        """The demo register is in use: its people and their consent are made up."""
        self.state = self.DEMO
        self.label.setText(
            self.tr(
                "You are using the demo register: its people and their consent are made up. "
                "Photos of your own school need your own register."
            )
        )
        self._show_buttons(*([self.back_button] if can_switch_back else []))
        self.set_busy(False)
        self.show()

    def show_nothing(self) -> None:
        self.state = ""
        self.hide()

    def set_busy(self, busy: bool) -> None:
        """While the demo is being prepared its buttons wait."""
        for button in (self.import_button, self.demo_button, self.back_button):
            button.setEnabled(not busy)

    def _show_buttons(self, *shown: QPushButton) -> None:
        for button in (self.import_button, self.demo_button, self.back_button):
            button.setVisible(button in shown)
