"""How quickly the main window shows a 1,000-photo event, and whether analysis ever blocks it.

Prints:
- the time from ``open_paths`` to the grid painting its first rows, for a folder of 1,000
  photos (hard links of real photos under distinct names), and to all thumbnails loaded,
  with an empty thumbnail cache and with a filled one;
- the longest gap between ticks of a 5 ms timer on the UI thread while 20 photos (distinct
  bytes: rotated/rescaled real photos, so nothing comes from the analysis cache) are analysed
  through the main window, with the review of the first photo open;
- for comparison, the same gap while ``core.analysis.analyse_batch(workers=1)`` runs in a
  thread of the UI process (what a naive job would do).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_responsiveness.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "tests/data/groups/obama_and_biden.jpg",
    ROOT / "tests/data/groups/two_people.jpg",
    ROOT / "tests/data/people/obama/obama-1.jpg",
    ROOT / "tests/data/people/biden/biden-1.jpg",
    ROOT / "tests/data/no_face/kit-1-background.jpg",
    ROOT / "tests/data/loader/voc-2008_001322.jpg",
    ROOT / "resources/demo_event/kit_with_rose.jpg",
    ROOT / "resources/demo_event/voc-2008_001009.jpg",
]


def make_big_event(folder: Path, count: int = 1000) -> None:
    folder.mkdir(parents=True)
    for number in range(count):
        source = SOURCES[number % len(SOURCES)]
        target = folder / f"IMG_{number:04d}{source.suffix}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copy(source, target)


def make_distinct_event(folder: Path, count: int = 20) -> None:
    """``count`` photos with faces whose bytes all differ (no cache hit between them)."""
    from PIL import Image

    folder.mkdir(parents=True)
    with_faces = [s for s in SOURCES if "no_face" not in str(s)]
    for number in range(count):
        image = Image.open(with_faces[number % len(with_faces)]).convert("RGB")
        if number // len(with_faces) % 2:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        scale = 1.0 - 0.03 * (number // len(with_faces))
        image = image.resize((int(image.width * scale), int(image.height * scale)))
        image.save(folder / f"photo-{number:02d}.jpg", quality=90)


class Ticker:
    """Records the gaps between ticks of a 5 ms timer: how long the UI thread was busy.

    A watchdog thread notes what the UI thread was doing whenever a tick is over 80 ms late.
    """

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0
        self.late_stacks: list[str] = []
        self._watching = False

    def start(self) -> None:
        import threading

        self.gaps.clear()
        self.late_stacks.clear()
        self._last = time.perf_counter()
        self.timer.start()
        self._watching = True
        self._main_id = threading.get_ident()
        threading.Thread(target=self._watch, daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._watching = False

    def _watch(self) -> None:
        import sys
        import traceback

        noted = 0.0
        while self._watching:
            time.sleep(0.02)
            late = time.perf_counter() - self._last
            if late > 0.08 and self._last != noted:
                noted = self._last
                frame = sys._current_frames().get(self._main_id)
                where = "".join(traceback.format_stack(frame, limit=6)) if frame else "?"
                self.late_stacks.append(f"{late * 1000:.0f} ms late, UI thread in:\n{where}")

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def summary(self) -> str:
        if not self.gaps:
            return "no ticks"
        ordered = sorted(self.gaps)
        p99 = ordered[int(0.99 * (len(ordered) - 1))]
        over = sum(1 for gap in ordered if gap > 100)
        return (
            f"longest gap {ordered[-1]:.0f} ms, p99 {p99:.0f} ms, "
            f"{over} gap(s) over 100 ms in {len(ordered)} ticks"
        )

    @property
    def longest(self) -> float:
        return max(self.gaps, default=0.0)


def wait_until(app, condition, timeout: float = 600.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the condition was not met in time")
    return time.perf_counter() - started


def measure_grid(app, window, folder: Path, explain: bool = False) -> tuple[float, float, float]:
    """Seconds to the grid's first painted rows, to all thumbnails; longest UI gap (ms)."""
    from PySide6.QtCore import QEvent, QObject

    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, _obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and window.model.rowCount():
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    window.grid.viewport().installEventFilter(watch)
    all_loaded: list[float] = []
    window.thumbnails.all_loaded.connect(lambda: all_loaded.append(time.perf_counter()))
    ticker = Ticker()
    ticker.start()
    started = time.perf_counter()
    window.open_paths([folder])
    wait_until(app, lambda: painted, 30)
    first_rows = painted[0] - started
    wait_until(app, lambda: all_loaded, 600)
    ticker.stop()
    window.grid.viewport().removeEventFilter(watch)
    window.thumbnails.all_loaded.disconnect()
    if explain:
        for stack in ticker.late_stacks:
            print(stack)
    return first_rows, all_loaded[0] - started, ticker.longest


def measure_analysis(app, window, folder: Path, cache_path: Path) -> tuple[float, Ticker]:
    window.state.cache_path = cache_path  # a fresh analysis cache: every photo is really analysed
    window.open_paths([folder])
    wait_until(app, lambda: window.review.view.has_image(), 30)
    ticker = Ticker()
    ticker.start()
    started = time.perf_counter()
    window.analyse()
    wait_until(app, lambda: window.analyse_job is None, 900)
    seconds = time.perf_counter() - started
    ticker.stop()
    return seconds, ticker


def measure_in_process(app, folder: Path) -> Ticker:
    """The naive alternative: core analyse_batch(workers=1) in a thread of this process."""
    from PySide6.QtCore import QRunnable, QThreadPool

    from spoenk_publisher.core.photos import list_photos
    from spoenk_publisher.core.pool import analyse_batch

    done: list[bool] = []

    class Task(QRunnable):
        def run(self) -> None:
            analyse_batch(list_photos(folder), cache=None, workers=1)
            done.append(True)

    ticker = Ticker()
    ticker.start()
    QThreadPool.globalInstance().start(Task())
    wait_until(app, lambda: done, 900)
    ticker.stop()
    return ticker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--analyse", type=int, default=20, help="photos to analyse")
    parser.add_argument("--no-compare", action="store_true", help="skip the in-process run")
    parser.add_argument("--explain", action="store_true", help="print where the UI was late")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="spoenk-bench-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    os.environ.pop("SPOENK_REGISTER", None)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from spoenk_publisher.core.pool import AnalysisPool
    from spoenk_publisher.gui.event.main_window import MainWindow
    from spoenk_publisher.gui.settings import Settings

    app = QApplication([])
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_channel("instagram")
    pool = AnalysisPool()
    window = MainWindow(work / "register.db", settings, pool=pool, warm_up=True)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    big = work / "event-1000"
    make_big_event(big, args.photos)
    print(
        f"platform {app.platformName()}, {os.cpu_count()} cores, {pool.workers} analysis processes"
    )
    print(f"\n== opening a folder of {args.photos} photos ==")
    firsts, alls, gaps = [], [], []
    for run in range(args.runs):
        first, everything, gap = measure_grid(app, window, big, args.explain)
        kind = "empty thumbnail cache" if run == 0 else "thumbnails cached on disk"
        print(
            f"run {run + 1} ({kind}): grid shows rows after {first * 1000:.0f} ms, "
            f"all thumbnails after {everything:.1f} s, longest UI gap {gap:.0f} ms"
        )
        firsts.append(first)
        gaps.append(gap)
        if run == 0:
            cold_all = everything
        else:
            alls.append(everything)
    print(
        f"median time to rows: {statistics.median(firsts) * 1000:.0f} ms; all thumbnails: "
        f"{cold_all:.1f} s cold, {statistics.median(alls or [cold_all]):.1f} s from the disk cache"
    )

    distinct = work / "event-distinct"
    make_distinct_event(distinct, args.analyse)
    print(f"\n== analysing {args.analyse} photos through the main window (warm pool) ==")
    longest = []
    for run in range(args.runs):
        seconds, ticker = measure_analysis(app, window, distinct, work / f"analysis-{run}.sqlite")
        longest.append(ticker.longest)
        print(f"run {run + 1}: {seconds:.1f} s; {ticker.summary()}")
        if args.explain:
            for stack in ticker.late_stacks:
                print(stack)
    print(f"median longest UI-thread gap during analysis: {statistics.median(longest):.0f} ms")

    if not args.no_compare:
        print("\n== for comparison: core analyse_batch(workers=1) in a thread of the UI process ==")
        print(measure_in_process(app, distinct).summary())

    window.close()
    pool.shutdown()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # the analysis processes are spawned: they import this module
    main()
