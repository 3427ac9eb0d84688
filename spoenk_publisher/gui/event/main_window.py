"""The main window: an event's photos as a grid with status badges, and the review beside it.

Reached from here: open a folder (menu, toolbar, Ctrl+O, drop), Analyse (Ctrl+R), the review of
the selected photo, Quick check (drop one photo, Ctrl+K), Export (Ctrl+E), the register and the
settings. The event itself (photos, analyses, decisions, deciding again) is an ``EventState``
below the window; long work runs as jobs (``gui.jobs``). The window wires actions to them and
shows what they report. Its menus and bars (``main_menus``), opening photos (``opening``) and the
demo (``demo``) are parts of it in their own files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from spoenk_publisher.core.analysis import BatchResult, default_cache_path
from spoenk_publisher.core.pool import AnalysisPool, shared_pool
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.common.errors import sentence, show_error
from spoenk_publisher.gui.common.settings_dialog import SettingsDialog
from spoenk_publisher.gui.event.demo import DemoActions, is_demo_event
from spoenk_publisher.gui.event.event_state import EventState
from spoenk_publisher.gui.event.export_dialog import ExportDialog
from spoenk_publisher.gui.event.jobs import AnalyseJob, DemoRegisterJob, ExportJob
from spoenk_publisher.gui.event.main_menus import MainMenus
from spoenk_publisher.gui.event.opening import EventOpening
from spoenk_publisher.gui.event.photo_delegate import PhotoDelegate
from spoenk_publisher.gui.event.photo_grid import PhotoGrid
from spoenk_publisher.gui.event.photo_model import PhotoListModel
from spoenk_publisher.gui.event.quick_check import QuickCheckDialog
from spoenk_publisher.gui.event.register_banner import RegisterBanner
from spoenk_publisher.gui.event.review_panel import ReviewPanel
from spoenk_publisher.gui.event.thumbnails import ThumbnailLoader
from spoenk_publisher.gui.jobs import JobRunner
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.messages import text
from spoenk_publisher.paths import default_register_path, demo_register_path


class MainWindow(EventOpening, DemoActions, MainMenus, QMainWindow):
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
        self.register_path = self._real_register(
            Path(register_path or self.settings.register_path())
        )
        self._owns_pool = pool is None  # the app's own pool: its processes end with the window
        self.pool = pool or shared_pool(self.settings.analysis_workers() or None)
        self.jobs = JobRunner(self)
        self.jobs.progress.connect(self._job_progress)
        self.jobs.busy_changed.connect(lambda _busy: self._update_actions())
        self.session = ReviewSession(self.register_path)
        self.state = EventState(self.session, self.jobs, self.pool, default_cache_path(), self)
        self.event_folder: Path | None = None
        self.demo_job: DemoRegisterJob | None = None
        self.quick_checks: list[QuickCheckDialog] = []
        self.export_dialog: ExportDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.register_window = None
        self.close_question: QMessageBox | None = None
        self._quit_after_export = False
        self._shown_state: tuple | None = None

        self.setWindowTitle(self.tr("Spoenk Publisher"))
        self.resize(1280, 800)
        self.setAcceptDrops(True)

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
        self._counts_timer = QTimer(self, singleShot=True, interval=100)
        self._counts_timer.timeout.connect(self._update_counts)

        self.review = ReviewPanel(self.state, self)
        self.review.style = self.settings.blur_style()
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

        state = self.state
        state.analysis_running.connect(self._analysis_running)
        state.analysis_progress.connect(self._analysis_progress)
        state.analysis_finished.connect(self._analysis_finished)
        state.analysis_failed.connect(
            lambda error: show_error(self, self.tr("The analysis stopped"), error)
        )
        state.redecided.connect(self._redecided)
        state.redecide_failed.connect(
            lambda error: show_error(self, self.tr("The photos could not be checked again"), error)
        )
        state.decide_failed.connect(lambda error: self.show_status(sentence(error), 10000))
        state.review_requested.connect(self.grid.show_paths)  # the export's "Review first"

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._fill_channels()
        self.state.channel, self.state.policy = self.channel(), self.policy()
        self._restore_layout()
        self._update_actions()
        self._update_counts()
        self._update_banner()
        if warm_up:
            QTimer.singleShot(0, self.pool.warm_up)  # analysis processes start in the background

    # -- the event below the window ---------------------------------------------------------

    @property
    def model(self) -> PhotoListModel:
        """The event's photos, as the grid shows them."""
        return self.state.model

    @property
    def analyse_job(self) -> AnalyseJob | None:
        return self.state.analyse_job

    @property
    def cache_path(self) -> Path | None:
        return self.state.cache_path

    @cache_path.setter
    def cache_path(self, path: Path | None) -> None:
        self.state.cache_path = path

    def channel(self) -> str:
        return self.channel_box.currentData() if hasattr(self, "channel_box") else ""

    def channel_label(self) -> str:
        return self.channel_box.currentText()

    def policy(self) -> str:
        return self.settings.policy()

    # -- analysis ---------------------------------------------------------------------------

    def analyse(self) -> None:
        """Analyse every photo that has no analysis yet; the rest are decided again."""
        if self.state.busy() or not self.channel():
            return
        if not self.model.unanalysed_paths():
            self.refresh_decisions()
            return
        self.state.channel, self.state.policy = self.channel(), self.policy()
        self.state.analyse()

    def cancel_analysis(self) -> None:
        if self.state.busy():
            self.state.cancel_analysis()
            self.progress_label.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def _analysis_running(self, running: bool) -> None:
        if running:
            self._show_progress(True, self.tr("Analysing…"))
            self.progress_bar.setRange(0, len(self.state.analyse_job.paths))
            self.progress_bar.setValue(0)
        else:
            self._show_progress(False)
            self._update_counts()
        self._update_actions()

    def _analysis_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            self.tr("Analysing: %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def _analysis_finished(self, result: BatchResult, seconds: float) -> None:
        analysed, failed = len(result.analyses), len(result.failures)
        if result.cancelled:
            message = self.tr("Analysis cancelled: %n photo(s) done.", "", analysed)
        else:
            message = self.tr("Analysis finished: %n photo(s) in %1 s.", "", analysed)
            message = message.replace("%1", f"{seconds:.0f}")
        if failed:
            message += " " + self.tr("%n photo(s) could not be analysed.", "", failed)
        self.show_status(message, 15000)

    # -- decisions --------------------------------------------------------------------------

    def _channel_changed(self) -> None:
        if self.channel():
            self.settings.set_channel(self.channel())
        self._update_actions()
        self.refresh_decisions()

    def refresh_decisions(self) -> None:
        """Decide every analysed photo again (another channel, or the register changed)."""
        self.state.redecide(self.channel(), self.policy())

    def _redecided(self) -> None:
        self._update_counts()
        self._show_current(force=True)

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
        self.state.showing(item.path)  # shown long enough, it counts as reviewed
        status_text = ""
        if item.status == "analysing":
            status_text = self.tr("Looking for faces…")
        elif self.state.busy() and item.analysis is None:
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
        if self.real_register_path is not None and not is_demo_event([photo]):
            self.switch_back_from_demo(close_event=False)  # a real photo: the user's register
        if not self.channel():
            show_error(
                self,
                self.tr("No channel to check for"),
                self.tr(
                    "The consent register is not available, so the app does not know the "
                    "channels. Choose a register in Settings."
                ),
                text(self.session.error or ""),
            )
            return None
        dialog = QuickCheckDialog(
            photo,
            self.channel(),
            self.session,
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
        if not self.model.rowCount() or not self.channel() or self.running_exports():
            return
        dialog = ExportDialog(
            self.model.paths(),
            self.model.analyses(),
            self.channel(),
            self.session.channels(),
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

    def _job_progress(self, job, _step) -> None:
        """Once an export runs, its dialog no longer blocks the window: the user may review on,
        and closing the window is asked about (``closeEvent``) instead of being ignored."""
        dialog = self.export_dialog
        if (
            isinstance(job, ExportJob)
            and dialog is not None
            and dialog.windowModality() != Qt.WindowModality.NonModal
        ):
            dialog.hide()
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.show()
            self._update_actions()

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

    def open_settings(self) -> None:
        # During the demo the settings show (and keep) the user's own register.
        dialog = SettingsDialog(self.settings, self.real_register_path or self.register_path, self)
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
        if dialog is not None and dialog.language_changed():
            self.show_status(
                self.tr("Saved. The new language is used when you start the app again."), 30000
            )

    def set_register_path(self, path: Path) -> None:
        """Use the register chosen in the settings (this leaves the demo)."""
        self.real_register_path = None
        self._use_register(path)
        self._update_title()

    def _real_register(self, path: Path) -> Path:
        """The app never starts on the demo register: an older version saved it as the
        register in use; the user's own register (saved as the previous one) comes back."""
        if path != demo_register_path():
            return path
        real = self.settings.previous_register_path() or default_register_path()
        self.settings.set_register_path(real)
        self.settings.set_previous_register_path(None)
        return real

    def _use_register(self, path: Path) -> None:
        self.register_path = path
        self.session.reopen(path)
        if not self.session.available:
            show_error(
                self, self.tr("The register cannot be opened"), text(self.session.error or "")
            )
        self._update_register_label()
        self._fill_channels()
        self._update_actions()
        self._update_banner()
        self.refresh_decisions()

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

    def running_exports(self) -> list[ExportJob]:
        return [job for job in self.jobs.jobs() if isinstance(job, ExportJob)]

    def closeEvent(self, event) -> None:  # noqa: N802
        exports = self.running_exports()
        if exports:
            # Never ignored, never abrupt: ask; Yes stops the export cleanly, then closes.
            event.ignore()
            if not self._quit_after_export:
                self._ask_stop_export()
            return
        self.save_layout()
        self.jobs.cancel_all()
        self.thumbnails.wait(2000)
        self.jobs.wait(3000)
        self.session.close()
        if self._owns_pool:
            self.pool.shutdown()  # the analysis processes end with the app
        super().closeEvent(event)

    def _ask_stop_export(self) -> None:
        if self.close_question is not None:
            self.close_question.raise_()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export still running"),
            self.tr("The export is still running. Stop it and quit?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("close-during-export")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        folder = self.export_dialog.out_dir if self.export_dialog is not None else None
        details = self.tr("Photos that are finished stay saved; no half-written file is left.")
        if folder is not None and folder.is_dir():
            details = self.tr(
                "Photos that are finished stay saved in %1; no half-written file is left."
            ).replace("%1", str(folder))
        box.setInformativeText(details)
        box.finished.connect(self._stop_export_answered)
        self.close_question = box
        box.open()

    def _stop_export_answered(self, answer: int) -> None:
        self.close_question = None
        if answer != QMessageBox.StandardButton.Yes:
            return  # the export goes on
        exports = self.running_exports()
        if not exports:
            self.close()
            return
        self._quit_after_export = True
        for job in exports:
            job.signals.ended.connect(self._export_stopped_for_quit)
        if self.export_dialog is not None:
            self.export_dialog.cancel_export()
        for job in exports:
            job.cancel()  # stops after the photo being written (written whole, or not at all)
        self.show_status(self.tr("Stopping the export, then closing…"), 60000)

    def _export_stopped_for_quit(self) -> None:
        if not self.running_exports():
            QTimer.singleShot(0, self.close)
