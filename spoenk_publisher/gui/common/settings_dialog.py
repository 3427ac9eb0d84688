"""Settings: which register, how faces are covered, language, and emptying the caches."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.render import STYLES
from spoenk_publisher.core.retention import clear_caches
from spoenk_publisher.gui.settings import Settings


class SettingsDialog(QDialog):
    """Edits ``Settings``; the caller applies a changed register path.

    ``register_path`` is the register the window uses now (it may come from the command line or
    ``$SPOENK_REGISTER`` rather than the settings): it is shown, and saved only when the user
    changed it, so saving another choice never moves the app to a different register.
    """

    def __init__(
        self, settings: Settings, register_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self.settings = settings

        self._shown_register = str(register_path)
        self.register_edit = QLineEdit(self._shown_register, self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_register)
        register_row = QHBoxLayout()
        register_row.addWidget(self.register_edit, 1)
        register_row.addWidget(browse)

        self.style_box = QComboBox(self)
        names = {
            "pixelate": self.tr("Pixelated"),
            "blur": self.tr("Blurred"),
            "solid": self.tr("Grey patch"),
        }
        for style in STYLES:
            self.style_box.addItem(names[style], style)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(settings.blur_style())))

        self.policy_box = QComboBox(self)
        self.policy_box.addItem(self.tr("Blur them"), "blur")
        self.policy_box.addItem(self.tr("Leave the photo out"), "exclude")
        self.policy_box.setCurrentIndex(max(0, self.policy_box.findData(settings.policy())))

        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("Same as the computer"), "")
        self.language_box.addItem("Nederlands", "nl")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language())))
        self._shown_language = self.language_box.currentData()
        self.language_note = QLabel(
            self.tr("The new language is used when you start the app again."), self
        )
        self.language_note.setObjectName("language-note")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #1d4ed8; font-weight: bold;")
        self.language_note.hide()
        self.language_box.currentIndexChanged.connect(
            lambda _i: self.language_note.setVisible(self.language_changed())
        )

        self.workers_box = QSpinBox(self)
        self.workers_box.setRange(0, 64)
        self.workers_box.setSpecialValueText(self.tr("automatic"))
        self.workers_box.setValue(settings.analysis_workers())

        self.cache_days_box = QSpinBox(self)
        self.cache_days_box.setRange(0, 365)
        self.cache_days_box.setSuffix(self.tr(" days"))
        self.cache_days_box.setSpecialValueText(self.tr("until emptied by hand"))
        self.cache_days_box.setValue(settings.cache_days())
        self.cache_days_box.setToolTip(
            self.tr(
                "Face data and thumbnails of analysed photos are deleted when they have not "
                "been used for this many days."
            )
        )

        self.clear_button = QPushButton(self.tr("Empty the caches now"), self)
        self.clear_button.setToolTip(
            self.tr("Delete the stored thumbnails and face data of analysed photos.")
        )
        self.clear_button.clicked.connect(self.clear_caches)
        self.cache_note = QLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("Consent register:"), register_row)
        form.addRow(self.tr("Faces without consent:"), self.policy_box)
        form.addRow(self.tr("Cover faces with:"), self.style_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Photos analysed at the same time:"), self.workers_box)
        form.addRow(self.tr("Keep face data of photos:"), self.cache_days_box)
        form.addRow(self.clear_button, self.cache_note)
        note = QLabel(
            self.tr("A new language or number of photos at the same time applies after a restart.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose_register(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Consent register"),
            self.register_edit.text(),
            self.tr("Consent register (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.register_edit.setText(path)

    def clear_caches(self) -> None:
        clear_caches()
        self.cache_note.setText(self.tr("The caches are empty."))

    def register_changed(self) -> bool:
        """Did the user choose another register than the one in use?"""
        text = self.register_edit.text().strip()
        return bool(text) and text != self._shown_register

    def language_changed(self) -> bool:
        """Did the user choose another language (it applies after a restart)?"""
        return self.language_box.currentData() != self._shown_language

    def register_path(self) -> Path:
        return Path(self.register_edit.text().strip()).expanduser()

    def accept(self) -> None:
        if self.register_changed():
            self.settings.set_register_path(self.register_path())
        self.settings.set_blur_style(self.style_box.currentData())
        self.settings.set_policy(self.policy_box.currentData())
        self.settings.set_language(self.language_box.currentData())
        self.settings.set_analysis_workers(self.workers_box.value())
        self.settings.set_cache_days(self.cache_days_box.value())
        super().accept()
