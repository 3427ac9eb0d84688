"""Export: choose where and how, watch it run (cancel any time), then see what was written.

Before the export the dialog states exactly what will happen (``core.export_plan``): how many
photos will be written, how many nobody has reviewed yet (with "Review first", which shows them
in the window instead of exporting), and how many are left out and why. After it, the summary
says who is recognisable in the set, what was left out and why, and that the manifest is not for
upload (``export_texts``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import PhotoDecision
from spoenk_publisher.core.export import ExportOptions, ExportSummary, slug
from spoenk_publisher.core.export_plan import Candidate, ExportPlan, plan_export
from spoenk_publisher.core.pool import AnalysisPool
from spoenk_publisher.core.presets import DEFAULT_PRESETS, ChannelPreset, preset_for
from spoenk_publisher.core.render import STYLES
from spoenk_publisher.gui.common.errors import sentence
from spoenk_publisher.gui.event.event_state import EventState
from spoenk_publisher.gui.event.export_texts import ExportTexts
from spoenk_publisher.gui.event.jobs import ExportJob, ExportRequest
from spoenk_publisher.gui.jobs import WRITE, JobRunner, Progress
from spoenk_publisher.gui.settings import Settings
from spoenk_publisher.register import Channel, RegisterError


def default_export_root() -> Path:
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures or Path.home()) / "Spoenk Publisher"


class ExportDialog(QDialog):
    """Options, progress and summary of one export, on three pages of one dialog."""

    exported = Signal(object)  # ExportSummary

    def __init__(
        self,
        paths: list[Path],
        analyses: dict[Path, PhotoAnalysis],
        channel: str,
        channels: list[Channel],
        event: str,
        settings: Settings,
        jobs: JobRunner,
        pool: AnalysisPool,
        register_path: Path | None,
        cache_path: Path | None,
        parent: QWidget | None = None,
        state: EventState | None = None,
    ) -> None:
        """``state``: the event's state, for what is reviewed, unreadable and decided, and to
        tell it what was exported (default: the ``state`` of ``parent``, the window that opens
        the dialog)."""
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle(self.tr("Export photos"))
        self.setMinimumWidth(720)
        self.paths = list(paths)
        self.analyses = dict(analyses)
        self.settings = settings
        self.jobs = jobs
        self.pool = pool
        self.register_path = register_path
        self.cache_path = cache_path
        self.job: ExportJob | None = None
        self.summary: ExportSummary | None = None
        self.out_dir: Path | None = None
        self._folder_edited = False
        if state is None and isinstance(getattr(parent, "state", None), EventState):
            state = parent.state  # type: ignore[union-attr]
        self.state = state
        self.texts = ExportTexts(self)
        self.plan: ExportPlan | None = None

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._options_page(channel, channels, event))
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._suggest_folder()

    # -- page 1: options --------------------------------------------------------------------

    def _options_page(self, channel: str, channels: list[Channel], event: str) -> QWidget:
        page = QWidget(self)
        # What will happen, stated before anything is written (``update_plan``).
        self.plan_view = QLabel(page)
        self.plan_view.setObjectName("export-plan")
        self.plan_view.setWordWrap(True)
        self.plan_view.setTextFormat(Qt.TextFormat.RichText)
        self.include_unreviewed = QCheckBox(page)
        self.include_unreviewed.setObjectName("export-unreviewed")
        self.include_unreviewed.toggled.connect(self.update_plan)
        self.review_first_button = QPushButton(self.tr("Review first"), page)
        self.review_first_button.setObjectName("export-review-first")
        self.review_first_button.setToolTip(
            self.tr("Close this window and show the photos nobody has reviewed yet")
        )
        self.review_first_button.clicked.connect(self.review_first)
        unreviewed_row = QHBoxLayout()
        unreviewed_row.addWidget(self.include_unreviewed, 1)
        unreviewed_row.addWidget(self.review_first_button)
        metadata = QLabel(self.tr("Photos are exported without any metadata."), page)
        metadata.setStyleSheet("color: #4b5563;")

        self.channel_box = QComboBox(page)
        for item in channels:
            self.channel_box.addItem(item.label, item.name)
        index = self.channel_box.findData(channel)
        self.channel_box.setCurrentIndex(max(0, index))
        self.channel_box.currentIndexChanged.connect(self._channel_changed)

        self.event_edit = QLineEdit(event, page)
        self.event_edit.setPlaceholderText(self.tr("e.g. Sportdag groep 7"))
        self.event_edit.textEdited.connect(lambda _t: self._suggest_folder())
        self.naming_hint = QLabel(page)
        self.naming_hint.setWordWrap(True)
        self.naming_hint.setStyleSheet("color: #4b5563;")
        self.event_edit.textChanged.connect(self._update_naming_hint)

        self.folder_edit = QLineEdit(page)
        self.folder_edit.textEdited.connect(self._folder_typed)
        browse = QPushButton(self.tr("Choose…"), page)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        self.blur_radio = QRadioButton(self.tr("Blur faces without consent"), page)
        self.exclude_radio = QRadioButton(
            self.tr("Leave out every photo with a face without consent"), page
        )
        self.policy_group = QButtonGroup(page)
        self.policy_group.addButton(self.blur_radio)
        self.policy_group.addButton(self.exclude_radio)
        (self.exclude_radio if self.settings.policy() == "exclude" else self.blur_radio).setChecked(
            True
        )
        self.exclude_radio.toggled.connect(self.update_plan)
        policy_box = QVBoxLayout()
        policy_box.addWidget(self.blur_radio)
        policy_box.addWidget(self.exclude_radio)

        self.style_box = QComboBox(page)
        style_names = {
            "pixelate": self.tr("Pixelated"),
            "blur": self.tr("Blurred"),
            "solid": self.tr("Grey patch"),
        }
        for style in STYLES:
            self.style_box.addItem(style_names[style], style)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(self.settings.blur_style())))

        self.preset_box = QComboBox(page)
        self._fill_presets(channel)

        form = QFormLayout()
        form.addRow(self.tr("Channel:"), self.channel_box)
        form.addRow(self.tr("Event name:"), self.event_edit)
        form.addRow("", self.naming_hint)
        form.addRow(self.tr("Save in folder:"), folder_row)
        form.addRow(self.tr("Faces without consent:"), policy_box)
        form.addRow(self.tr("Cover faces with:"), self.style_box)
        form.addRow(self.tr("Size:"), self.preset_box)

        buttons = QDialogButtonBox(page)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        self.options_error = QLabel(page)
        self.options_error.setStyleSheet("color: #b91c1c;")
        self.options_error.setWordWrap(True)
        self.options_error.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(self.plan_view)
        layout.addLayout(unreviewed_row)
        layout.addWidget(metadata)
        layout.addLayout(form)
        layout.addWidget(self.options_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._update_naming_hint()
        self.update_plan()
        return page

    # -- the plan ---------------------------------------------------------------------------

    def _candidates(self) -> list[Candidate]:
        """The photos as the window knows them now; without a state, every photo handed over
        counts as looked at (one photo of a quick check)."""
        if self.state is None:
            return [Candidate(p, self.analyses.get(p), None, None, True) for p in self.paths]
        model = self.state.model
        wanted = set(self.paths)
        return [
            Candidate(
                item.path,
                item.analysis,
                item.decision,
                item.error,
                item.analysis is not None and item.analysis.sha256 in model.reviewed,
            )
            for item in model._items
            if item.path in wanted
        ]

    def _decisions(self, candidates: list[Candidate]) -> dict[Path, PhotoDecision]:
        """The analysed photos' decisions for the channel chosen here."""
        if self.state is not None:
            return self.state.decisions_for(self.channel())
        channel = self.channel()
        return {
            c.path: c.decision
            for c in candidates
            if c.decision is not None and c.decision.channel == channel
        }

    def update_plan(self, *_args) -> None:
        """State again what the export will do, for the choices made now."""
        if not hasattr(self, "export_button"):
            return  # still building the page
        candidates = self._candidates()
        policy = "exclude" if self.exclude_radio.isChecked() else "blur"
        plan = plan_export(
            candidates, self._decisions(candidates), policy, self.include_unreviewed.isChecked()
        )
        self.plan = plan
        self.plan_view.setText(self.texts.plan_html(plan))
        waiting = len(plan.not_reviewed)
        self.include_unreviewed.setVisible(bool(waiting))
        self.review_first_button.setVisible(bool(waiting) and self.state is not None)
        self.include_unreviewed.setText(
            self.tr("Export the %n photo(s) nobody has reviewed too", "", waiting)
        )
        self.export_button.setEnabled(bool(plan.to_export))

    def _fill_presets(self, channel: str) -> None:
        self.preset_box.clear()
        default = preset_for(channel)
        self.preset_box.addItem(
            self.tr("Standard for this channel (%1)").replace("%1", self._describe(default)), None
        )
        seen = {default}
        for preset in sorted(
            set(DEFAULT_PRESETS.values()), key=lambda p: (p.long_side or 0, p.format)
        ):
            if preset not in seen:
                self.preset_box.addItem(self._describe(preset), preset)
                seen.add(preset)
        for preset in (ChannelPreset(None, "jpeg", 92), ChannelPreset(None, "png")):
            self.preset_box.addItem(self._describe(preset), preset)

    def _describe(self, preset: ChannelPreset) -> str:
        kind = "PNG" if preset.format == "png" else "JPEG"
        if preset.long_side is None:
            return self.tr("original size, %1").replace("%1", kind)
        return (
            self.tr("%1 pixels on the long side, %2")
            .replace("%1", str(preset.long_side))
            .replace("%2", kind)
        )

    def _channel_changed(self) -> None:
        self._fill_presets(self.channel())
        self._suggest_folder()
        self.update_plan()

    def review_first(self) -> None:
        """Show the photos nobody has reviewed yet in the window, instead of exporting."""
        if self.job is not None or self.plan is None or self.state is None:
            return
        self.state.request_review(self.plan.not_reviewed)
        self.reject()

    def _update_naming_hint(self, *_args) -> None:
        name = slug(self.event_edit.text() or "export")
        self.naming_hint.setText(
            self.tr("Files are named %1-001.jpg, %1-002.jpg, …").replace("%1", name)
        )

    def _folder_typed(self, _text: str) -> None:
        self._folder_edited = True

    def _suggest_folder(self) -> None:
        if self._folder_edited:
            return
        root = self.settings.export_folder() or default_export_root()
        event = self.event_edit.text().strip() or self.tr("export")
        label = self.channel_box.currentText()
        self.folder_edit.setText(str(root / f"{event} - {label}"))

    def _choose_folder(self) -> None:
        start = self.folder_edit.text() or str(default_export_root())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the photos in"), start)
        if folder:
            self.folder_edit.setText(folder)
            self._folder_edited = True

    # -- choices ----------------------------------------------------------------------------

    def channel(self) -> str:
        return self.channel_box.currentData()

    def options(self) -> ExportOptions:
        return ExportOptions(
            channel=self.channel(),
            out_dir=Path(self.folder_edit.text().strip()).expanduser(),
            policy="exclude" if self.exclude_radio.isChecked() else "blur",
            style=self.style_box.currentData(),
            event=self.event_edit.text().strip() or None,
            preset=self.preset_box.currentData(),
        )

    # -- page 2: progress -------------------------------------------------------------------

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = QLabel(self.tr("Preparing…"), page)
        self.progress_bar = QProgressBar(page)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.cancel_export)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def start_export(self) -> None:
        if self.job is not None:
            return
        if not self.channel():
            self._options_problem(self.tr("Choose a channel first."))
            return
        if not self.folder_edit.text().strip():
            self._options_problem(self.tr("Choose the folder to save the photos in."))
            return
        options = self.options()
        if options.out_dir.exists() and not options.out_dir.is_dir():
            self._options_problem(
                self.tr("%1 is a file, not a folder.").replace("%1", str(options.out_dir))
            )
            return
        self.update_plan()
        plan = self.plan
        if plan is None or not plan.to_export:
            self._options_problem(self.tr("There is no photo to export."))
            return
        self.settings.set_policy(options.policy)
        self.settings.set_blur_style(options.style)
        self.settings.set_export_folder(options.out_dir.parent)
        self.out_dir = options.out_dir
        self._stage = self.tr("Exporting")
        job = ExportJob(
            ExportRequest(
                plan.requested,
                replace(options),
                {p: a for p, a in self._analyses().items() if p in set(plan.requested)},
            ),
            self.pool,
            self.register_path,
            self.cache_path,
        )
        job.signals.progress.connect(self._progress)
        self.job = job
        self.pages.setCurrentIndex(1)
        self.jobs.start(
            job,
            WRITE,
            finished=self._finished,
            failed=self._failed,
            # Cancelled before it began (waiting behind other writing): nothing was written.
            cancelled=lambda: self._finished(ExportSummary(cancelled=True)),
        )

    def _options_problem(self, text: str) -> None:
        self.options_error.setText(text)
        self.options_error.show()

    def _progress(self, step: Progress) -> None:
        done, total = step.done, step.total
        self.progress_bar.setMaximum(max(1, total))
        self.progress_bar.setValue(done)
        self.progress_label.setText(
            self.tr("%1: %2 of %3")
            .replace("%1", self._stage)
            .replace("%2", str(done))
            .replace("%3", str(total))
        )

    def cancel_export(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping after the current photo…"))

    def reject(self) -> None:
        if self.job is not None and self.summary is None:
            self.cancel_export()  # closing while exporting means stop; the summary follows
            return
        super().reject()

    # -- page 3: summary --------------------------------------------------------------------

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary_view = QTextBrowser(page)
        self.summary_view.setObjectName("export-summary")
        self.summary_view.setOpenLinks(False)
        self.open_folder_button = QPushButton(self.tr("Open the folder"), page)
        self.open_folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("Close"), page)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.open_folder_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_view)
        layout.addLayout(row)
        return page

    def _finished(self, summary: ExportSummary) -> None:
        self.summary = summary
        self.summary_view.setHtml(self.summary_html(summary))
        self.open_folder_button.setEnabled(self.out_dir is not None and self.out_dir.is_dir())
        self.pages.setCurrentIndex(2)
        if self.state is not None:
            self.state.exported(
                [item.source for item in summary.exported], self.channel_box.currentText()
            )
        self.exported.emit(summary)

    def _failed(self, error: Exception) -> None:
        self.summary = ExportSummary()
        self.summary_view.setHtml(
            "<p><b>{}</b></p><p>{}</p>".format(
                _escape(self.tr("The export could not be done.")), _escape(sentence(error))
            )
        )
        self.open_folder_button.setEnabled(self.out_dir is not None and self.out_dir.is_dir())
        self.pages.setCurrentIndex(2)

    def summary_html(self, summary: ExportSummary) -> str:
        return self.texts.summary_html(
            summary, self.plan, self.out_dir, self._names(), self.channel_box.currentText()
        )

    def _names(self) -> dict[str, str]:
        """Person id -> name, from the register (empty without one)."""
        register = self.state.session.register if self.state is not None else None
        if register is None:
            return {}
        try:
            return {person.id: person.name for person in register.people()}
        except RegisterError:
            return {}

    def _analyses(self) -> dict[Path, PhotoAnalysis]:
        """The analyses known now (the window may have analysed more since the dialog opened)."""
        known = dict(self.analyses)
        if self.state is not None:
            known.update(self.state.model.analyses())
        return known

    def open_folder(self) -> None:
        if self.out_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.out_dir)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
