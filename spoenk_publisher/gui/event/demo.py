"""The first run and the demo in the main window: the register bar, making the demo register
(a job) and switching to it, and back (a part of ``MainWindow``).

The demo never mixes with the user's own register: it has a register file of its own in the
app's data folder (``paths.demo_register_path``), the window only borrows it while the demo is
open (the saved settings keep the user's register), and leaving the demo (the bar's button,
opening another folder, a restart) uses the user's register again.
"""

from __future__ import annotations

from pathlib import Path

from spoenk_publisher.gui.common.errors import show_error
from spoenk_publisher.gui.common.parts import WindowPart
from spoenk_publisher.gui.event.jobs import DemoRegisterJob
from spoenk_publisher.gui.jobs import WRITE, Progress
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path

# The channel the demo opens on: there the demo event shows every kind of decision.
DEMO_CHANNEL = "instagram"


def is_demo_event(paths: list[Path]) -> bool:
    """Are ``paths`` the demo event (its folder, or photos in it)?"""
    demo = DEMO_EVENT_DIR.resolve()
    return bool(paths) and all(
        Path(p).resolve() == demo or Path(p).resolve().parent == demo for p in paths
    )


class DemoActions(WindowPart):
    """The register bar's offers: import a list, try the demo, go back (mixed into
    ``MainWindow``)."""

    #: The user's own register while the demo is open (None: the demo is not open).
    real_register_path: Path | None = None
    _real_channel: str = ""

    def on_demo_register(self) -> bool:
        return self.real_register_path is not None or self.register_path == demo_register_path()

    def _update_banner(self) -> None:
        """Offer an import or the demo while the register is empty; say when it is the demo."""
        if self.demo_job is not None:
            return
        if self.on_demo_register():
            self.banner.show_demo(self.real_register_path is not None)
        elif self.session.register is not None and not self.session.register.people():
            self.banner.show_empty()
        else:
            self.banner.show_nothing()

    def import_csv(self) -> None:
        """Open the register window and its CSV import (the file is asked for there)."""
        if self.on_demo_register():
            self.switch_back_from_demo()  # a real list goes into the user's own register
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
        self.demo_action.setEnabled(False)
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
        self.progress_bar.setRange(0, max(1, step.total))
        self.progress_bar.setValue(step.done)
        self.progress_label.setText(
            self.tr("Preparing the demo: %1 of %2")
            .replace("%1", str(step.done))
            .replace("%2", str(step.total))
        )

    def _demo_ready(self, path: Path | None) -> None:
        self.demo_job = None
        self.demo_action.setEnabled(True)
        self._show_progress(False)
        if path is None:
            self._update_banner()
            return
        if self.register_window is not None:
            self.register_window.close()
        if self.real_register_path is None:
            # Only the window switches: the saved settings keep the user's own register.
            self.real_register_path = self.register_path
            self._real_channel = self.settings.channel()
        self._use_register(path)
        index = self.channel_box.findData(DEMO_CHANNEL)
        if index >= 0:
            self.channel_box.blockSignals(True)
            self.channel_box.setCurrentIndex(index)
            self.channel_box.blockSignals(False)
            self._update_actions()
        self.open_paths([DEMO_EVENT_DIR])
        self.analyse()
        self.show_status(self.tr("The demo is open: the demo register and the demo event."), 15000)

    def _demo_failed(self, error: Exception) -> None:
        self.demo_job = None
        self.demo_action.setEnabled(True)
        self._show_progress(False)
        self._update_banner()
        show_error(self, self.tr("The demo could not be prepared"), error)

    def switch_back_from_demo(self, close_event: bool = True) -> None:
        """Use the user's own register again; ``close_event``: close the demo event too."""
        real = self.real_register_path
        if real is None:
            return
        if self.register_window is not None:
            self.register_window.close()
        self.real_register_path = None
        if close_event and self.event_folder is not None and is_demo_event([self.event_folder]):
            self.close_event()
        if self._real_channel:
            self.settings.set_channel(self._real_channel)
        self._use_register(real)
        self._update_title()
        self.show_status(self.tr("The demo is closed: your own register is in use."), 10000)
