"""Quick check: one photo, one channel, a verdict within seconds, without creating an event."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.analysis import BatchResult, PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.event.export_dialog import ExportDialog
from spoenk_publisher.gui.event.jobs import AnalyseJob, PhotoAnalysed, PhotoFailed
from spoenk_publisher.gui.event.review_view import ReviewPanel
from spoenk_publisher.gui.jobs import JobRunner
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.messages import text
from spoenk_publisher.register import RegisterError


class QuickCheckDialog(QDialog):
    """The verdict for one photo with its faces boxed, and a button to export just it."""

    checked = Signal(object)  # PhotoDecision, each time the verdict is (re)made

    def __init__(
        self,
        photo: Path,
        channel: str,
        context: ReviewSession,
        settings: Settings,
        jobs: JobRunner,
        pool: AnalysisPool,
        cache_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quick-check")
        self.setWindowTitle(self.tr("Quick check — %1").replace("%1", photo.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 760)
        self.photo = photo
        self.context = context
        self.settings = settings
        self.jobs = jobs
        self.pool = pool
        self.cache_path = cache_path
        self.analysis: PhotoAnalysis | None = None
        self.decision: PhotoDecision | None = None
        self.error: str | None = None
        self.job: AnalyseJob | None = None
        self.export_dialog: ExportDialog | None = None

        self.channel_box = QComboBox(self)
        self.channel_box.setObjectName("quick-check-channel")
        for item in context.channels():
            self.channel_box.addItem(item.label, item.name)
        if self.channel_box.count() == 0:
            self.channel_box.addItem(channel, channel)
        self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(channel)))
        self.channel_box.currentIndexChanged.connect(self._channel_changed)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(self.tr("Looking for faces… (a few seconds)"), self)

        self.panel = ReviewPanel(context, jobs, self)
        self.panel.style = settings.blur_style()
        self.panel.decisionChanged.connect(self._decision_changed)
        self.panel.set_navigation_visible(False)
        verdict_font = self.panel.verdict.font()
        verdict_font.setPointSizeF(verdict_font.pointSizeF() * 1.25)
        verdict_font.setBold(True)
        self.panel.verdict.setFont(verdict_font)

        self.export_button = QPushButton(self.tr("Export this photo…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_photo)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Check for:"), self))
        top.addWidget(self.channel_box)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.busy, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)

        self.panel.set_photo(
            photo,
            None,
            None,
            self.channel(),
            settings.policy(),
            status_text=self.tr("Checking…"),
        )

    def channel(self) -> str:
        return self.channel_box.currentData()

    def start(self) -> None:
        """Analyse the photo (cache first, else the warm pool): no event is created."""
        job = AnalyseJob(
            [self.photo],
            self.channel(),
            self.pool,
            self.context.register_path if self.context.available else None,
            self.cache_path,
            policy=self.settings.policy(),
        )
        job.signals.progress.connect(self._step)
        self.job = job
        self.jobs.start(job, finished=self._finished, failed=self._photo_failed_whole)

    def _step(self, step: object) -> None:
        if isinstance(step, PhotoAnalysed):
            self._done(step.path, step.analysis, step.decision)
        elif isinstance(step, PhotoFailed):
            self._photo_failed(step.path, text(step.reason))

    def _done(self, path: Path, analysis: PhotoAnalysis, decision: PhotoDecision) -> None:
        self.analysis = analysis
        if decision.channel != self.channel():
            decision = self.context.decide(analysis, self.channel(), self.settings.policy())
        self._show(decision)

    def _show(self, decision: PhotoDecision) -> None:
        self.decision = decision
        self.panel.set_photo(
            self.photo, self.analysis, decision, self.channel(), self.settings.policy()
        )
        self.export_button.setEnabled(True)
        self.checked.emit(decision)

    def _photo_failed(self, _path: Path, reason: str) -> None:
        self.error = reason
        self.panel.set_photo(
            self.photo, None, None, self.channel(), self.settings.policy(), error=reason
        )

    def _photo_failed_whole(self, error: Exception) -> None:
        self._photo_failed(self.photo, sentence(error))
        self._finished(None)

    def _finished(self, _result: BatchResult | None) -> None:
        self.job = None
        self.busy.hide()
        self.busy_label.hide()

    def _channel_changed(self) -> None:
        if self.analysis is None:
            return
        try:
            self._show(self.context.decide(self.analysis, self.channel(), self.settings.policy()))
        except RegisterError as error:
            self._photo_failed(self.photo, sentence(error))

    def _decision_changed(self, _path: Path, decision: PhotoDecision) -> None:
        self.decision = decision
        self.checked.emit(decision)

    def verdict_text(self) -> str:
        return self.panel.verdict.text()

    def export_photo(self) -> None:
        if self.analysis is None:
            return
        dialog = ExportDialog(
            [self.photo],
            {self.photo: self.analysis},
            self.channel(),
            self.context.channels(),
            self.photo.stem,
            self.settings,
            self.jobs,
            self.pool,
            self.context.register_path,
            self.cache_path,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.job is not None:
            self.job.cancel()
        super().closeEvent(event)
