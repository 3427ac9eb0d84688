"""The main window: an event's photos as a grid with status badges, and the review beside it.

Reached from here: open a folder (menu, toolbar, Ctrl+O, drop), Analyse (Ctrl+R), the review of
the selected photo, Quick check (drop one photo, Ctrl+K), Export (Ctrl+E), the register and the
settings. Long work runs as jobs (``workers``); this window only wires their signals to the view.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionViewItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.analysis import BatchResult, PhotoAnalysis, default_cache_path
from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.photos import PHOTO_SUFFIXES, is_photo_path, list_photos
from spoenk_publisher.core.pool import AnalysisPool, shared_pool
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.common.errors import sentence, show_error
from spoenk_publisher.gui.common.settings_dialog import SettingsDialog
from spoenk_publisher.gui.event.export_dialog import ExportDialog
from spoenk_publisher.gui.event.jobs import (
    AnalyseJob,
    DecideJob,
    DemoRegisterJob,
    PhotoAnalysed,
    PhotoFailed,
    PhotoStarted,
)
from spoenk_publisher.gui.event.photo_delegate import PhotoDelegate
from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.gui.event.quick_check import QuickCheckDialog
from spoenk_publisher.gui.event.register_banner import RegisterBanner
from spoenk_publisher.gui.event.review_view import ReviewPanel
from spoenk_publisher.gui.event.thumbnails import ThumbnailLoader
from spoenk_publisher.gui.event.verdict_text import (
    ALL_CLEAR,
    BLURRED,
    ERROR,
    LEFT_OUT,
    WAITING,
    texts,
)
from spoenk_publisher.gui.jobs import WRITE, JobRunner, Progress
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.messages import Message, text
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path
from spoenk_publisher.register import RegisterError

# The channel the demo opens on: there the demo event shows every kind of decision.
DEMO_CHANNEL = "instagram"


class PhotoGrid(QListView):
    """The thumbnail grid; says what to do when it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo-grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)  # photos are not rearranged by dragging
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)  # drops go to the window
        self.setSpacing(4)
        self.setWordWrap(False)
        self.empty_text = ""

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(20, 20, -20, -20),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )


class MainWindow(QMainWindow):
    """An event's photos, their analysis and review, export and quick check."""

    def __init__(
        self,
        register_path: Path | None = None,
        settings: Settings | None = None,
        *,
        pool: AnalysisPool | None = None,
        warm_up: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.settings = settings or Settings()
        self.register_path = Path(register_path or self.settings.register_path())
        self.cache_path = default_cache_path()
        self.pool = pool or shared_pool(self.settings.analysis_workers() or None)
        self.jobs = JobRunner(self)
        self.context = ReviewSession(self.register_path)
        self.event_folder: Path | None = None
        self.analyse_job: AnalyseJob | None = None
        self.decide_job: DecideJob | None = None
        self.demo_job: DemoRegisterJob | None = None
        self.quick_checks: list[QuickCheckDialog] = []
        self.export_dialog: ExportDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.register_window = None
        self._analysis_started = 0.0
        self._shown_state: tuple | None = None

        self.setWindowTitle(self.tr("Spoenk Publisher"))
        self.resize(1280, 800)
        self.setAcceptDrops(True)

        self.model = PhotoListModel(self)
        self.delegate = PhotoDelegate(self)
        self.grid = PhotoGrid(self)
        self.grid.setItemDelegate(self.delegate)
        self.grid.setModel(self.model)
        self.grid.empty_text = self.tr(
            "Open the folder of an event (File ▸ Open folder…), or drop a folder or photos "
            "here.\n\nDrop a single photo for a quick check."
        )
        self._update_grid_size()
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._model_changed)
        self.model.modelReset.connect(self._update_counts)

        self.review = ReviewPanel(self.context, self.jobs, self)
        self.review.style = self.settings.blur_style()
        self.review.decisionChanged.connect(self._review_decided)
        self.review.navigateRequested.connect(self.move_selection)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.review)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([480, 800])

        self.banner = RegisterBanner(self)
        self.banner.import_requested.connect(self.import_csv)
        self.banner.demo_requested.connect(self.open_demo)
        self.banner.switch_back_requested.connect(self.switch_back_from_demo)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.thumbnails = ThumbnailLoader(self)
        self.thumbnails.loaded.connect(self._thumbnail_loaded)
        self.thumbnails.failed.connect(self._thumbnail_failed)
        self._visible_timer = QTimer(self, singleShot=True, interval=60)
        self._visible_timer.timeout.connect(self._prioritise_visible)
        self.grid.verticalScrollBar().valueChanged.connect(lambda _v: self._visible_timer.start())

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._fill_channels()
        self._restore_layout()
        self._update_actions()
        self._update_counts()
        self._update_banner()
        if warm_up:
            QTimer.singleShot(0, self.pool.warm_up)  # analysis processes start in the background

    # -- building ---------------------------------------------------------------------------

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

    def _update_register_label(self) -> None:
        if self.context.available:
            name = self.tr("demo") if self.on_demo_register() else self.register_path.name
            self.register_label.setText(self.tr("Register: %1").replace("%1", name))
            self.register_label.setStyleSheet("")
            self.register_label.setToolTip(str(self.register_path))
        else:
            self.register_label.setText(self.tr("Register unavailable: every face is blurred"))
            self.register_label.setStyleSheet("color: #b91c1c; font-weight: bold;")
            self.register_label.setToolTip(text(self.context.error or ""))

    def show_status(self, text: str, msecs: int = 10000) -> None:
        """A passing message beside the counts (QStatusBar.showMessage would hide them)."""
        self.message_label.setText(text)
        self._message_timer.start(msecs)

    def _fill_channels(self) -> None:
        wanted = self.settings.channel() or self.channel()
        self.channel_box.blockSignals(True)
        self.channel_box.clear()
        for channel in self.context.channels():
            self.channel_box.addItem(channel.label, channel.name)
        index = self.channel_box.findData(wanted)
        self.channel_box.setCurrentIndex(index if index >= 0 else 0)
        self.channel_box.blockSignals(False)

    def _update_grid_size(self) -> None:
        option = QStyleOptionViewItem()
        option.font = self.grid.font()
        hint = self.delegate.sizeHint(option, QModelIndex())
        self.grid.setGridSize(hint + QSize(4, 4))

    # -- state ------------------------------------------------------------------------------

    def channel(self) -> str:
        return self.channel_box.currentData() if hasattr(self, "channel_box") else ""

    def channel_label(self) -> str:
        return self.channel_box.currentText()

    def policy(self) -> str:
        return self.settings.policy()

    def _busy(self) -> bool:
        return self.analyse_job is not None

    def _update_actions(self) -> None:
        has_photos = self.model.rowCount() > 0
        has_channel = bool(self.channel())
        self.analyse_action.setEnabled(has_photos and not self._busy() and has_channel)
        self.cancel_action.setEnabled(self._busy())
        self.export_action.setEnabled(has_photos and has_channel)
        self.refresh_action.setEnabled(has_photos and not self._busy())
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

    # -- opening photos ---------------------------------------------------------------------

    def choose_folder(self) -> None:
        start = str(self.event_folder or (self.settings.recent_folders() or [Path.home()])[0])
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an event folder"), start)
        if folder:
            self.open_paths([Path(folder)])

    def choose_photos(self) -> None:
        suffixes = " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open photos"),
            str(self.event_folder or Path.home()),
            self.tr("Photos (%1)").replace("%1", suffixes),
        )
        if files:
            self.open_paths([Path(f) for f in files])

    def choose_quick_check(self) -> None:
        suffixes = " ".join(f"*{s}" for s in sorted(PHOTO_SUFFIXES))
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Quick check a photo"),
            str(self.event_folder or Path.home()),
            self.tr("Photos (%1)").replace("%1", suffixes),
        )
        if file:
            self.quick_check(Path(file))

    def open_paths(self, paths: list[Path]) -> None:
        """Open a folder (an event) or photos; a single photo gets a quick check instead."""
        paths = [Path(p) for p in paths]
        missing = [p for p in paths if not p.exists()]
        if missing:
            show_error(
                self,
                self.tr("Not found"),
                self.tr("This file or folder does not exist: %1").replace("%1", str(missing[0])),
            )
            paths = [p for p in paths if p.exists()]
        if len(paths) == 1 and paths[0].is_file():
            if is_photo_path(paths[0]):
                self.quick_check(paths[0])
            else:
                show_error(
                    self,
                    self.tr("Not a photo"),
                    self.tr("%1 is not a photo the app can open.").replace("%1", paths[0].name),
                )
            return
        photos: list[Path] = []
        for path in paths:
            if path.is_dir():
                try:
                    photos.extend(list_photos(path))
                except OSError as error:
                    show_error(
                        self,
                        self.tr("The folder cannot be read"),
                        f"{path}: {error.strerror or error}",
                    )
            elif is_photo_path(path):
                photos.append(path)
        if not paths:
            return
        self.cancel_analysis()
        if self.decide_job is not None:
            self.decide_job.cancel()
            self.decide_job = None
        self.model.set_photos(photos)
        self._shown_state = None
        folder = paths[0] if paths[0].is_dir() else paths[0].parent
        self.event_folder = folder
        if len(paths) == 1 and paths[0].is_dir():
            self.settings.add_recent_folder(paths[0].resolve())
        self.setWindowTitle(self.tr("Spoenk Publisher — %1").replace("%1", folder.name))
        self.thumbnails.load(photos)
        self._update_counts()
        self._update_actions()
        if photos:
            self.grid.setCurrentIndex(self.model.index(0))
            self.grid.setFocus()
            self._visible_timer.start()
        else:
            self.review.show_nothing()
            self.show_status(self.tr("No photos in %1").replace("%1", str(folder)), 8000)

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

    # -- thumbnails -------------------------------------------------------------------------

    def _thumbnail_loaded(self, path: Path, image: QImage) -> None:
        self.model.set_thumbnail(path, image)

    def _thumbnail_failed(self, path: Path, error: Exception) -> None:
        item = self.model.item_for(path)
        if item is not None and item.analysis is None:
            reason = sentence(error)
            self.model.set_error(path, reason, texts().error_sentence(reason))

    def _prioritise_visible(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        viewport = self.grid.viewport().rect()
        cell = self.grid.gridSize()
        first = self.grid.indexAt(viewport.topLeft() + QPoint(cell.width(), cell.height()) / 2)
        last = self.grid.indexAt(viewport.bottomRight() - QPoint(cell.width(), cell.height()) / 2)
        start = max(0, first.row() - 8) if first.isValid() else 0
        end = last.row() + 8 if last.isValid() else min(rows - 1, start + 200)
        paths = self.model.paths()
        self.thumbnails.prioritise(paths[start : end + 1])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._visible_timer.start()

    # -- analysis ---------------------------------------------------------------------------

    def analyse(self) -> None:
        """Analyse every photo that has no analysis yet; the rest are decided again."""
        if self._busy() or not self.channel():
            return
        todo = self.model.unanalysed_paths()
        if not todo:
            self.refresh_decisions()
            return
        self.model.set_waiting(todo)
        job = AnalyseJob(
            todo,
            self.channel(),
            self.pool,
            self.register_path if self.context.available else None,
            self.cache_path,
            policy=self.policy(),
        )
        job.signals.progress.connect(self._analysis_step)
        self.analyse_job = job
        self._analysis_started = time.perf_counter()
        self._show_progress(True, self.tr("Analysing…"))
        self.progress_bar.setRange(0, len(todo))
        self.progress_bar.setValue(0)
        self._update_actions()
        self.jobs.start(job, finished=self._analysis_finished, failed=self._analysis_failed)

    def cancel_analysis(self) -> None:
        if self.analyse_job is not None:
            self.analyse_job.cancel()
            self.progress_label.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _analysis_step(self, step: object) -> None:
        if isinstance(step, PhotoStarted):
            self.model.set_analysing(step.path)
        elif isinstance(step, PhotoAnalysed):
            self._photo_analysed(step.path, step.analysis, step.decision)
        elif isinstance(step, PhotoFailed):
            self._photo_failed(step.path, step.reason)
        elif isinstance(step, Progress):
            self._analysis_progress(step.done, step.total, step.item)

    def _photo_analysed(self, path: Path, analysis: PhotoAnalysis, decision: PhotoDecision) -> None:
        if (
            decision.channel != self.channel()
            or self.analyse_job is None
            or (self.analyse_job.policy != self.policy())
        ):
            # The channel changed while the job ran: decide again for the one now chosen.
            decision = self._decide_here(analysis) or decision
        self.model.set_result(path, analysis, decision, self._sentence(decision))

    def _photo_failed(self, path: Path, reason: Message) -> None:
        self.model.set_error(path, text(reason), texts().error_sentence(reason))

    def _analysis_progress(self, done: int, total: int, _path) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            self.tr("Analysing: %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def _analysis_finished(self, result: BatchResult) -> None:
        job, self.analyse_job = self.analyse_job, None
        seconds = time.perf_counter() - self._analysis_started
        if job is not None:
            still_running = [
                p for p in job.paths if p not in result.analyses and p not in result.failures
            ]
            self.model.set_waiting(still_running)
        self._show_progress(False)
        self._update_actions()
        self._update_counts()
        analysed, failed = len(result.analyses), len(result.failures)
        if result.cancelled:
            message = self.tr("Analysis cancelled: %n photo(s) done.", "", analysed)
        else:
            message = self.tr("Analysis finished: %n photo(s) in %1 s.", "", analysed)
            message = message.replace("%1", f"{seconds:.0f}")
        if failed:
            message += " " + self.tr("%n photo(s) could not be analysed.", "", failed)
        self.show_status(message, 15000)

    def _analysis_failed(self, error: Exception) -> None:
        self.analyse_job = None
        self._show_progress(False)
        self._update_actions()
        show_error(self, self.tr("The analysis stopped"), error)

    def _show_progress(self, visible: bool, text: str = "") -> None:
        self.progress_label.setText(text)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(visible)
        self.cancel_button.setEnabled(visible)

    # -- decisions --------------------------------------------------------------------------

    def _sentence(self, decision: PhotoDecision) -> str:
        return texts().sentence(decision, self.context.channel_label(decision.channel))

    def _decide_here(self, analysis: PhotoAnalysis) -> PhotoDecision | None:
        try:
            return self.context.decide(analysis, self.channel(), self.policy())
        except RegisterError as error:
            self.show_status(sentence(error), 10000)
            return None

    def _channel_changed(self) -> None:
        if self.channel():
            self.settings.set_channel(self.channel())
        self._update_actions()
        self.refresh_decisions()

    def refresh_decisions(self) -> None:
        """Decide every analysed photo again (another channel, or the register changed)."""
        self.context.forget_snapshots()
        analyses = self.model.analyses()
        if self.decide_job is not None:
            self.decide_job.cancel()
        if not analyses or not self.channel():
            self._show_current(force=True)
            return
        job = DecideJob(
            analyses,
            self.channel(),
            self.register_path if self.context.available else None,
            self.policy(),
        )
        self.decide_job = job
        self.jobs.start(
            job,
            finished=lambda decisions, job=job: self._decided(job, decisions),
            failed=lambda error: show_error(
                self, self.tr("The photos could not be checked again"), error
            ),
        )

    def _decided(self, job: DecideJob, decisions: dict[Path, PhotoDecision]) -> None:
        if job is not self.decide_job:
            return  # a newer choice replaced it
        self.decide_job = None
        if job.channel != self.channel() or job.policy != self.policy():
            return
        for path, decision in decisions.items():
            self.model.set_decision(path, decision, self._sentence(decision))
        self._update_counts()
        self._show_current(force=True)

    def _review_decided(self, path: Path, decision: PhotoDecision) -> None:
        self.model.set_decision(path, decision, self._sentence(decision))
        self._update_counts()

    # -- selection and review ---------------------------------------------------------------

    def current_path(self) -> Path | None:
        index = self.grid.currentIndex()
        return self.model.item(index.row()).path if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _model_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles=()) -> None:
        current = self.grid.currentIndex()
        if current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
            self._show_current()
        self._counts_timer_start()

    def _counts_timer_start(self) -> None:
        if not hasattr(self, "_counts_timer"):
            self._counts_timer = QTimer(self, singleShot=True, interval=100)
            self._counts_timer.timeout.connect(self._update_counts)
        if not self._counts_timer.isActive():
            self._counts_timer.start()

    def _show_current(self, force: bool = False) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            self._shown_state = None
            self.review.show_nothing()
            return
        item = self.model.item(index.row())
        state = (item.path, item.analysis, item.decision, item.status, item.error)
        if state == self._shown_state and not force:
            return  # only the thumbnail changed
        self._shown_state = state
        status_text = ""
        if item.status == "analysing":
            status_text = self.tr("Looking for faces…")
        elif self._busy() and item.analysis is None:
            status_text = self.tr("Waiting for its turn in the analysis…")
        self.review.set_photo(
            item.path,
            item.analysis,
            item.decision,
            item.decision.channel if item.decision else self.channel(),
            self.policy(),
            status_text=status_text,
            error=item.error,
        )

    def move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.grid.currentIndex()
        row = (current.row() if current.isValid() else -1) + step
        row = min(max(row, 0), rows - 1)
        index = self.model.index(row)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)

    # -- quick check, export, register, settings --------------------------------------------

    def quick_check(self, photo: Path) -> QuickCheckDialog | None:
        """Check one photo for the chosen channel without touching the event."""
        if not self.channel():
            show_error(
                self,
                self.tr("No channel to check for"),
                self.tr(
                    "The consent register is not available, so the app does not know the "
                    "channels. Choose a register in Settings."
                ),
                text(self.context.error or ""),
            )
            return None
        dialog = QuickCheckDialog(
            photo,
            self.channel(),
            self.context,
            self.settings,
            self.jobs,
            self.pool,
            self.cache_path,
            self,
        )
        self.quick_checks.append(dialog)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget_quick_check(d))
        dialog.show()
        dialog.raise_()
        dialog.start()
        return dialog

    def _forget_quick_check(self, dialog: QuickCheckDialog) -> None:
        if dialog in self.quick_checks:
            self.quick_checks.remove(dialog)

    def open_export(self) -> None:
        if not self.model.rowCount() or not self.channel():
            return
        dialog = ExportDialog(
            self.model.paths(),
            self.model.analyses(),
            self.channel(),
            self.context.channels(),
            self.event_folder.name if self.event_folder else "export",
            self.settings,
            self.jobs,
            self.pool,
            self.register_path,
            self.cache_path,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._export_closed)
        self.export_dialog = dialog
        dialog.open()

    def _export_closed(self, _result: int) -> None:
        self.export_dialog = None
        self.review.style = self.settings.blur_style()
        if self.model.analyses():
            self.refresh_decisions()  # the policy may have changed in the dialog

    def open_register(self) -> None:
        from spoenk_publisher.gui.register.window import RegisterWindow

        if self.register_window is not None:
            self.register_window.show()
            self.register_window.raise_()
            self.register_window.activateWindow()
            return
        window = RegisterWindow(self.register_path, self)
        window.installEventFilter(self)
        window.loaded.connect(self._update_banner)
        self.register_window = window
        window.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.register_window and event.type() == QEvent.Type.Close:
            # Consent or reference faces may have changed: decide again. The window deletes
            # itself on close; the next "Register…" opens a new one.
            self.register_window = None
            QTimer.singleShot(0, self.refresh_decisions)
            QTimer.singleShot(0, self._update_banner)
        return super().eventFilter(watched, event)

    # -- first run and the demo -------------------------------------------------------------

    def on_demo_register(self) -> bool:
        return self.register_path == demo_register_path()

    def _update_banner(self) -> None:
        """Offer an import or the demo while the register is empty; say when it is the demo."""
        if self.demo_job is not None:
            return
        if self.on_demo_register():
            previous = self.settings.previous_register_path()
            self.banner.show_demo(previous is not None and previous != self.register_path)
        elif self.context.register is not None and not self.context.register.people():
            self.banner.show_empty()
        else:
            self.banner.show_nothing()

    def import_csv(self) -> None:
        """Open the register window and its CSV import (the file is asked for there)."""
        self.open_register()
        if self.register_window is not None:
            self.register_window.choose_csv_file()

    def open_demo(self) -> DemoRegisterJob | None:
        """Make the demo register (off the UI thread), switch to it and analyse the demo event."""
        if self.demo_job is not None:
            return self.demo_job
        job = DemoRegisterJob(demo_register_path())
        job.signals.progress.connect(self._demo_progress)
        self.demo_job = job
        self.banner.set_busy(True)
        self._show_progress(True, self.tr("Preparing the demo…"))
        self.cancel_button.setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.jobs.start(
            job,
            WRITE,
            finished=self._demo_ready,
            failed=self._demo_failed,
            cancelled=lambda: self._demo_ready(None),
        )
        return job

    def _demo_progress(self, step: Progress) -> None:
        done, total = step.done, step.total
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            self.tr("Preparing the demo: %1 of %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _demo_ready(self, path: Path | None) -> None:
        self.demo_job = None
        self._show_progress(False)
        if path is None:
            self._update_banner()
            return
        if not self.on_demo_register():
            self.settings.set_previous_register_path(self.register_path)
        self.settings.set_register_path(path)
        if self.register_window is not None:
            self.register_window.close()
        index = self.channel_box.findData(DEMO_CHANNEL)
        if index >= 0:
            self.settings.set_channel(DEMO_CHANNEL)
        self.set_register_path(path)
        self.open_paths([DEMO_EVENT_DIR])
        self.analyse()
        self.show_status(self.tr("The demo is open: the demo register and the demo event."), 15000)

    def _demo_failed(self, error: Exception) -> None:
        self.demo_job = None
        self._show_progress(False)
        self._update_banner()
        show_error(self, self.tr("The demo could not be prepared"), error)

    def switch_back_from_demo(self) -> None:
        """Use the register that was in use before the demo again."""
        previous = self.settings.previous_register_path()
        if previous is None:
            return
        if self.register_window is not None:
            self.register_window.close()
        self.settings.set_register_path(previous)
        self.settings.set_previous_register_path(None)
        self.set_register_path(previous)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.register_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        self.review.style = self.settings.blur_style()
        if dialog is not None and dialog.register_changed():
            self.set_register_path(dialog.register_path())
        else:
            self.refresh_decisions()

    def set_register_path(self, path: Path) -> None:
        self.register_path = path
        self.context.reopen(path)
        if not self.context.available:
            show_error(
                self, self.tr("The register cannot be opened"), text(self.context.error or "")
            )
        self._update_register_label()
        self._fill_channels()
        self._update_actions()
        self._update_banner()
        self.refresh_decisions()

    # -- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # -- layout and closing -----------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state("state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.window_state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("state", self.saveState())
        self.settings.set_window_state("splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_layout()
        self.jobs.cancel_all()
        self.thumbnails.wait(2000)
        self.jobs.wait(3000)
        self.context.close()
        super().closeEvent(event)
