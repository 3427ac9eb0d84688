"""Quick check: one photo, one channel, an answer within seconds, without creating an event.

It leads with the answer a teacher needs ("Mag zo op Instagram", "Alleen met 2 gezichten
vervaagd", "Niet plaatsen": the rule is ``core.answer.answer_code``, the same as
``check`` prints), then who is recognisable, then the details: the photo with its faces boxed
and the verdict line. The dialog holds an ``EventState`` of its one photo, as the main window
holds one of its event: analysing, deciding and deciding again for another channel are the
state's, as there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.answer import DO_NOT_POST, POST, WITH_BLUR, answer
from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.event.event_state import EventState
from spoenk_publisher.gui.event.export_dialog import ExportDialog
from spoenk_publisher.gui.event.review_panel import ReviewPanel
from spoenk_publisher.gui.jobs import JobRunner
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.messages import Message, text
from spoenk_publisher.messages.verdicts import quick_answer

#: The answer's colours: green, amber, red (as the grid's badges), and grey while checking.
_ANSWER_STYLES = {
    POST: "background:#dcf5e3; color:#0f5b2a; border:1px solid #1e9e4a;",
    WITH_BLUR: "background:#fff1d6; color:#6b3d00; border:1px solid #d97706;",
    DO_NOT_POST: "background:#fde2e2; color:#7f1d1d; border:1px solid #b91c1c;",
    "": "background:#eef0f3; color:#374151; border:1px solid #c9ced6;",
}


class QuickCheckDialog(QDialog):
    """The verdict for one photo with its faces boxed, and a button to export just it."""

    checked = Signal(object)  # PhotoDecision, each time the verdict is (re)made

    def __init__(
        self,
        photo: Path,
        channel: str,
        session: ReviewSession,
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
        self.settings = settings
        self.jobs = jobs
        self.state = EventState(session, jobs, pool, cache_path, self)
        self.state.set_photos([photo], cached=False)  # analyse() looks in the cache
        self.export_dialog: ExportDialog | None = None

        self.channel_box = QComboBox(self)
        self.channel_box.setObjectName("quick-check-channel")
        for item in session.channels():
            self.channel_box.addItem(item.label, item.name)
        if self.channel_box.count() == 0:
            self.channel_box.addItem(channel, channel)
        self.channel_box.setCurrentIndex(max(0, self.channel_box.findData(channel)))
        self.channel_box.currentIndexChanged.connect(self._channel_changed)
        self.state.channel, self.state.policy = self.channel(), settings.policy()

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(self.tr("Looking for faces… (a few seconds)"), self)

        # The answer first, large; who is recognisable and why under it.
        self.answer = QLabel(self.tr("Checking…"), self)
        self.answer.setObjectName("quick-answer")
        answer_font = self.answer.font()
        answer_font.setPointSizeF(answer_font.pointSizeF() * 1.6)
        answer_font.setBold(True)
        self.answer.setFont(answer_font)
        self.visible = QLabel(self)
        self.visible.setObjectName("quick-visible")
        visible_font = self.visible.font()
        visible_font.setPointSizeF(visible_font.pointSizeF() * 1.15)
        self.visible.setFont(visible_font)
        self.visible.setWordWrap(True)
        self.why = QLabel(self)
        self.why.setObjectName("quick-why")
        self.why.setWordWrap(True)
        self.answer_box = QFrame(self)
        self.answer_box.setObjectName("quick-answer-box")
        answer_layout = QVBoxLayout(self.answer_box)
        answer_layout.setContentsMargins(12, 8, 12, 8)
        answer_layout.setSpacing(2)
        answer_layout.addWidget(self.answer)
        answer_layout.addWidget(self.visible)
        answer_layout.addWidget(self.why)
        self.answer_code = ""
        self._show_answer("", self.tr("Checking…"), "", "")

        self.panel = ReviewPanel(self.state, self)
        self.panel.style = settings.blur_style()
        self.panel.set_navigation_visible(False)

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
        layout.addWidget(self.answer_box)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)

        self.state.model.dataChanged.connect(self._photo_changed)
        self.state.analysis_running.connect(self._running)
        self.state.analysis_failed.connect(
            lambda error: self.state.set_error(photo, sentence(error))
        )
        self.state.redecide_failed.connect(lambda error: self._show_error(sentence(error)))
        self.panel.set_photo(
            photo,
            None,
            None,
            self.channel(),
            settings.policy(),
            status_text=self.tr("Checking…"),
        )

    # -- what the state holds ---------------------------------------------------------------

    @property
    def analysis(self) -> PhotoAnalysis | None:
        return self.state.model.item(0).analysis

    @property
    def decision(self) -> PhotoDecision | None:
        return self.state.model.item(0).decision

    @property
    def error(self) -> str | None:
        """Why the photo cannot be checked (None while it can)."""
        return self.state.model.item(0).error

    def channel(self) -> str:
        return self.channel_box.currentData()

    def start(self) -> None:
        """Analyse the photo (cache first, else the warm pool): no event is created."""
        self.state.analyse()

    def _running(self, running: bool) -> None:
        if not running:
            self.busy.hide()
            self.busy_label.hide()

    def _photo_changed(self, _top: QModelIndex, _bottom: QModelIndex, _roles=()) -> None:
        item = self.state.model.item(0)
        if item.decision is not None:
            self.panel.set_photo(
                self.photo, item.analysis, item.decision, self.channel(), self.settings.policy()
            )
            self.export_button.setEnabled(True)
            self.state.mark_reviewed(self.photo)  # shown large with its answer: looked at
            said = quick_answer(answer(item.decision), self.channel_box.currentText())
            self._show_answer(
                said.code,
                text(said.headline),
                text(said.visible),
                text(said.why) if said.why else "",
            )
            self.checked.emit(item.decision)
        elif item.error is not None:
            self._show_error(item.error)

    def _show_error(self, reason: str) -> None:
        self.panel.set_photo(
            self.photo, None, None, self.channel(), self.settings.policy(), error=reason
        )
        self._show_answer(
            DO_NOT_POST,
            text(Message("answer.do_not_post")),
            self.tr("The photo cannot be checked, so nobody can say who is in it."),
            "",
        )

    def _show_answer(self, code: str, headline: str, visible: str, why: str) -> None:
        self.answer_code = code
        self.answer.setText(headline)
        self.visible.setText(visible)
        self.visible.setVisible(bool(visible))
        self.why.setText(why)
        self.why.setVisible(bool(why))
        self.answer_box.setStyleSheet(
            f"QFrame#quick-answer-box {{ {_ANSWER_STYLES[code]} border-radius: 6px; }}"
            f"QFrame#quick-answer-box QLabel {{ border: none; background: transparent; }}"
        )

    def answer_text(self) -> str:
        """The answer as the dialog shows it: headline, who is recognisable, why."""
        return "\n".join(
            label.text() for label in (self.answer, self.visible, self.why) if label.text()
        )

    def _channel_changed(self) -> None:
        self.state.redecide(self.channel(), self.settings.policy())

    def verdict_text(self) -> str:
        """The details under the answer: the verdict line, as ``check`` says it."""
        return self.panel.verdict.text()

    def export_photo(self) -> None:
        if self.analysis is None:
            return
        dialog = ExportDialog(
            [self.photo],
            {self.photo: self.analysis},
            self.channel(),
            self.state.session.channels(),
            self.photo.stem,
            self.settings,
            self.jobs,
            self.state.pool,
            self.state.session.register_path,
            self.state.cache_path,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.state.cancel_analysis()
        super().closeEvent(event)
