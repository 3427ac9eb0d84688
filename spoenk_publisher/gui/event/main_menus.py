"""The main window's actions, toolbar, menus and status bar, and what they show (a part of
``MainWindow``, kept apart so that the window itself only wires actions to the event)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QToolBar,
)

from spoenk_publisher.gui.common.errors import show_error
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.event.verdict_text import ALL_CLEAR, BLURRED, ERROR, LEFT_OUT, WAITING
from spoenk_publisher.messages import text
from spoenk_publisher.paths import PROJECT_ROOT

#: The Dutch user guide: ``docs/`` of the source checkout, copied into the bundle
#: (``packaging/spoenk-publisher.spec``).
GUIDE = PROJECT_ROOT / "docs" / "handleiding.md"


class MainMenus(WindowPart):
    """Builds and updates the main window's actions and bars (mixed into ``MainWindow``)."""

    def _icon(self, pixmap: QStyle.StandardPixmap):
        return self.style().standardIcon(pixmap)

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.open_action = QAction(self._icon(sp.SP_DirOpenIcon), self.tr("&Open folder…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.setToolTip(self.tr("Open the folder with an event's photos (Ctrl+O)"))
        self.open_action.triggered.connect(self.choose_folder)
        self.open_photos_action = QAction(self.tr("Open &photos…"), self)
        self.open_photos_action.triggered.connect(self.choose_photos)
        self.quick_check_action = QAction(
            self._icon(sp.SP_FileDialogContentsView), self.tr("&Quick check…"), self
        )
        self.quick_check_action.setShortcut(QKeySequence("Ctrl+K"))
        self.quick_check_action.setToolTip(
            self.tr("Check one photo for the chosen channel, without opening an event (Ctrl+K)")
        )
        self.quick_check_action.triggered.connect(self.choose_quick_check)
        self.analyse_action = QAction(self._icon(sp.SP_MediaPlay), self.tr("&Analyse"), self)
        self.analyse_action.setShortcut(QKeySequence("Ctrl+R"))
        self.analyse_action.setToolTip(
            self.tr("Find every face and check it against the register (Ctrl+R)")
        )
        self.analyse_action.triggered.connect(self.analyse)
        self.cancel_action = QAction(self._icon(sp.SP_BrowserStop), self.tr("&Cancel"), self)
        self.cancel_action.triggered.connect(self.cancel_analysis)
        self.refresh_action = QAction(self.tr("Check &again with the register"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh_decisions)
        self.export_action = QAction(self._icon(sp.SP_DialogSaveButton), self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Save the photos for publishing (Ctrl+E)"))
        self.export_action.triggered.connect(self.open_export)
        self.register_action = QAction(self.tr("&Register…"), self)
        self.register_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.register_action.setToolTip(self.tr("People, consent and reference faces"))
        self.register_action.triggered.connect(self.open_register)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.guide_action = QAction(self._icon(sp.SP_DialogHelpButton), self.tr("&Guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.setToolTip(self.tr("Open the user guide (F1)"))
        self.guide_action.triggered.connect(self.open_guide)
        self.demo_action = QAction(self.tr("Try the &demo"), self)
        self.demo_action.setToolTip(
            self.tr("Open the demo event with its own made-up register; yours is not touched")
        )
        self.demo_action.triggered.connect(self.open_demo)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.quick_check_action)
        toolbar.addSeparator()
        channel_label = QLabel(self.tr("Channel:"), self)
        channel_label.setContentsMargins(6, 0, 4, 0)
        toolbar.addWidget(channel_label)
        self.channel_box = QComboBox(self)
        self.channel_box.setObjectName("channel-box")
        self.channel_box.setMinimumContentsLength(12)
        self.channel_box.setToolTip(self.tr("Where the photos will be published"))
        self.channel_box.currentIndexChanged.connect(self._channel_changed)
        toolbar.addWidget(self.channel_box)
        toolbar.addSeparator()
        toolbar.addAction(self.analyse_action)
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        toolbar.addAction(self.register_action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_photos_action)
        self.recent_menu = QMenu(self.tr("Recent &folders"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.quick_check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.quit_action)

        photos_menu = self.menuBar().addMenu(self.tr("&Photos"))
        photos_menu.addAction(self.analyse_action)
        photos_menu.addAction(self.cancel_action)
        photos_menu.addAction(self.refresh_action)

        review = self.review
        review_menu = self.menuBar().addMenu(self.tr("Re&view"))
        review_menu.addAction(review.previous_action)
        review_menu.addAction(review.next_action)
        review_menu.addSeparator()
        for action in review.face_actions:
            review_menu.addAction(action)
        review_menu.addSeparator()
        review_menu.addAction(review.add_face_action)
        review_menu.addAction(review.preview_action)

        register_menu = self.menuBar().addMenu(self.tr("Re&gister"))
        register_menu.addAction(self.register_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("help-menu")
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.demo_action)

    def open_guide(self) -> None:
        """The user guide, in the program the computer uses for it."""
        if not GUIDE.is_file() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(GUIDE))):
            show_error(
                self,
                self.tr("The guide cannot be opened"),
                self.tr("The user guide was not found with the app (%1).").replace(
                    "%1", str(GUIDE)
                ),
            )

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count-label")
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("analysis-progress")
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel-button")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message-label")
        self.message_label.setContentsMargins(16, 0, 0, 0)
        self.message_label.setStyleSheet("color: #374151;")
        self._message_timer = QTimer(self, singleShot=True)
        self._message_timer.timeout.connect(self.message_label.clear)
        self.register_label = QLabel(self)
        status = self.statusBar()
        status.addWidget(self.count_label)
        status.addWidget(self.message_label, 1)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.register_label)
        self._show_progress(False)
        self._update_register_label()

    # -- what they show ---------------------------------------------------------------------

    def _update_register_label(self) -> None:
        if self.session.available:
            name = self.tr("demo") if self.on_demo_register() else self.register_path.name
            self.register_label.setText(self.tr("Register: %1").replace("%1", name))
            self.register_label.setStyleSheet("")
            self.register_label.setToolTip(str(self.register_path))
        else:
            self.register_label.setText(self.tr("Register unavailable: every face is blurred"))
            self.register_label.setStyleSheet("color: #b91c1c; font-weight: bold;")
            self.register_label.setToolTip(text(self.session.error or ""))

    def _update_title(self) -> None:
        """The event's folder in the title, and DEMO while the demo register is in use."""
        title = self.tr("Spoenk Publisher")
        if self.event_folder is not None:
            title = self.tr("Spoenk Publisher — %1").replace("%1", self.event_folder.name)
        if self.on_demo_register():
            title = self.tr("%1 — DEMO (made-up register)").replace("%1", title)
        self.setWindowTitle(title)

    def show_status(self, text: str, msecs: int = 10000) -> None:
        """A passing message beside the counts (QStatusBar.showMessage would hide them)."""
        self.message_label.setText(text)
        self._message_timer.start(msecs)

    def _show_progress(self, visible: bool, text: str = "") -> None:
        self.progress_label.setText(text)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(visible)
        self.cancel_button.setEnabled(visible)

    def _fill_channels(self) -> None:
        wanted = self.settings.channel() or self.channel()
        self.channel_box.blockSignals(True)
        self.channel_box.clear()
        for channel in self.session.channels():
            self.channel_box.addItem(channel.label, channel.name)
        index = self.channel_box.findData(wanted)
        self.channel_box.setCurrentIndex(index if index >= 0 else 0)
        self.channel_box.blockSignals(False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        folders = self.settings.recent_folders()
        for folder in folders:
            action = self.recent_menu.addAction(str(folder))
            action.triggered.connect(lambda _c=False, f=folder: self.open_paths([f]))
        if not folders:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(
                self.tr("Clear the list"), self.settings.clear_recent_folders
            )

    def _update_grid_size(self) -> None:
        option = QStyleOptionViewItem()
        option.font = self.grid.font()
        hint = self.delegate.sizeHint(option, QModelIndex())
        self.grid.setGridSize(hint + QSize(4, 4))

    def _update_actions(self) -> None:
        has_photos = self.model.rowCount() > 0
        has_channel = bool(self.channel())
        busy = self.state.busy()
        self.analyse_action.setEnabled(has_photos and not busy and has_channel)
        self.cancel_action.setEnabled(busy)
        self.export_action.setEnabled(has_photos and has_channel and not self.running_exports())
        self.refresh_action.setEnabled(has_photos and not busy)
        self.quick_check_action.setEnabled(has_channel)

    def _update_counts(self, *_args) -> None:
        total = self.model.rowCount()
        counts = self.model.status_counts()
        parts = [self.tr("%n photo(s)", "", total)]
        if total:
            for status, text in (
                (ALL_CLEAR, self.tr("%n all clear", "", counts[ALL_CLEAR])),
                (BLURRED, self.tr("%n with faces blurred", "", counts[BLURRED])),
                (LEFT_OUT, self.tr("%n left out", "", counts[LEFT_OUT])),
                (ERROR, self.tr("%n with errors", "", counts[ERROR])),
                (WAITING, self.tr("%n not checked yet", "", counts[WAITING])),
            ):
                if counts[status]:
                    parts.append(text)
        self.count_label.setText(" · ".join(parts))
