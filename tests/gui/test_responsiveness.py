"""The window never freezes: while photos are analysed and exported, the UI thread keeps turning.

A 10 ms timer on the UI thread ticks through a real analysis (photos nobody analysed before, so
nothing comes from a cache) and a real export; the longest gap between two ticks is what a user
would feel as a freeze. Heavy work runs in processes and worker threads; 250 ms is the limit
(a click answered later than that feels stuck). ``bench/gui_responsiveness.py`` measures the
same with more photos.
"""

from __future__ import annotations

import time

from gui_testing import GROUP_PHOTO, TWO_PEOPLE, analyse, click_toolbar
from PIL import Image
from PySide6.QtCore import Qt, QTimer

MAX_GAP_S = 0.25


class TickGaps:
    """The longest gap between ticks of a 10 ms timer on the UI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def test_analysis_and_export_never_block_the_window(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-cache"))
    folder = tmp_path / "Schoolreis"
    folder.mkdir()
    for number, source in enumerate([GROUP_PHOTO, TWO_PEOPLE] * 2):
        image = Image.open(source).convert("RGB").rotate(number + 1)  # bytes nobody analysed
        image.save(folder / f"{number:02d}.jpg", quality=90)
    gaps = TickGaps()
    gaps.start()

    window.open_paths([folder])
    analyse(qtbot, window)
    after_analysis = gaps.longest
    click_toolbar(qtbot, window, window.export_action)
    dialog = window.export_dialog
    dialog.folder_edit.setText(str(tmp_path / "out"))
    dialog.include_unreviewed.click()  # nobody has looked at them: export them all the same
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=60_000)
    gaps.stop()

    assert len(list((tmp_path / "out").glob("*.jpg"))) == 4
    assert gaps.ticks > 50
    assert after_analysis < MAX_GAP_S, f"the window froze {after_analysis:.3f} s while analysing"
    assert gaps.longest < MAX_GAP_S, f"the window froze {gaps.longest:.3f} s while exporting"
