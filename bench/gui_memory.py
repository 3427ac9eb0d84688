"""How much memory the desktop app holds with a 500-photo event open (goal: the GUI process under
1 GB).

Makes (once, in ``.cache/bench/gui-memory-500``) 500 photos of about 12 MP: the group photos of
``../shared/photos`` (else ``tests/data/groups``) upscaled with Lanczos to 4000 x 3000, each with a
small change (a brightness step and a few pixels of its number in a corner) so that every file has
its own hash and nothing comes from the analysis cache. Then, in this process, offscreen:

1. opens the folder in the main window and waits for every thumbnail;
2. analyses the event, or its first ``--analyse N`` photos (then cancels: a full analysis of 500
   12-MP photos takes about half an hour on 2 cores);
3. scrolls the grid from top to bottom and back, and opens the review of ``--review N`` photos
   spread over the event (each waits for its full image);

while a thread samples every 100 ms the resident memory (RSS) of this process (the GUI) and of
the whole tree (the GUI and its analysis processes), from /proc. Prints the peaks per
phase and at the end. The analysis cache and thumbnails go to a fresh temporary XDG_CACHE_HOME.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_memory.py [--photos 500]
     [--analyse 60] [--review 25]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "photos" / "groups"
SIZE = (4000, 3000)
GB = 1024**3


def sources() -> list[Path]:
    folder = SHARED if SHARED.is_dir() else ROOT / "tests" / "data" / "groups"
    return sorted(folder.glob("*.jpg"))


def make_event(folder: Path, count: int) -> None:
    """``count`` 12-MP photos with distinct bytes (kept for the next run)."""
    from PIL import Image, ImageDraw, ImageEnhance

    folder.mkdir(parents=True, exist_ok=True)
    originals = sources()
    bases: dict[Path, Image.Image] = {}
    for number in range(count):
        target = folder / f"IMG_{number:04d}.jpg"
        if target.exists():
            continue
        source = originals[number % len(originals)]
        if source not in bases:
            bases = {source: Image.open(source).convert("RGB").resize(SIZE, Image.LANCZOS)}
        step = number // len(originals)
        image = ImageEnhance.Brightness(bases[source]).enhance(0.9 + 0.004 * (step % 50))
        ImageDraw.Draw(image).text((10, 10), str(number), fill=(255, 255, 255))
        partial = target.with_suffix(".part")
        image.save(partial, "JPEG", quality=88)
        os.replace(partial, target)
        if number % 50 == 0:
            print(f"  made {number + 1} of {count}", flush=True)


def _children(pid: int) -> dict[int, int]:
    """Every process's parent, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def _rss(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def tree_pids(root: int) -> list[int]:
    parents = _children(root)
    tree, frontier = [root], [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent:
                tree.append(pid)
                frontier.append(pid)
    return tree


class Sampler:
    """Peak RSS of this process and of its process tree, sampled every 100 ms from /proc."""

    def __init__(self) -> None:
        self.pid = os.getpid()
        self.peak_self = 0
        self.peak_tree = 0
        self.phase_self = 0
        self.phase_tree = 0
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _tree(self) -> tuple[int, int]:
        own = _rss(self.pid)
        return own, own + sum(_rss(pid) for pid in tree_pids(self.pid)[1:])

    def _run(self) -> None:
        while not self._stop.is_set():
            own, total = self._tree()
            self.peak_self = max(self.peak_self, own)
            self.peak_tree = max(self.peak_tree, total)
            self.phase_self = max(self.phase_self, own)
            self.phase_tree = max(self.phase_tree, total)
            time.sleep(0.1)

    def phase(self, name: str, seconds: float) -> None:
        own, total = self._tree()
        print(
            f"{name:<34} {seconds:6.0f} s   GUI peak {self.phase_self / GB:5.2f} GB"
            f" (now {own / GB:4.2f})   tree peak {self.phase_tree / GB:5.2f} GB"
            f" (now {total / GB:4.2f})",
            flush=True,
        )
        self.phase_self = self.phase_tree = 0

    def stop(self) -> None:
        self._stop.set()


def wait_until(app, condition, timeout: float) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        time.sleep(0.005)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the condition was not met in time")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--analyse", type=int, default=60, help="photos to analyse (0: all)")
    parser.add_argument("--review", type=int, default=25, help="photos to open in the review")
    args = parser.parse_args()

    folder = ROOT / ".cache" / "bench" / f"gui-memory-{args.photos}"
    print(f"event: {folder} ({args.photos} photos of {SIZE[0]}x{SIZE[1]})", flush=True)
    make_event(folder, args.photos)

    work = Path(tempfile.mkdtemp(prefix="gui-memory-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")  # fresh caches: every photo analysed
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings

    from spoenk_publisher.core.pool import shutdown_shared_pool
    from spoenk_publisher.gui.app import create_app
    from spoenk_publisher.gui.event.main_window import MainWindow
    from spoenk_publisher.gui.settings import Settings
    from spoenk_publisher.register import Register

    app = create_app(sys.argv[:1])
    sampler = Sampler()
    register = work / "register.db"
    Register.open(register).close()
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_channel("instagram")
    started = time.perf_counter()
    window = MainWindow(register_path=register, settings=settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    sampler.phase("window open (pool warming)", time.perf_counter() - started)

    started = time.perf_counter()
    window.open_paths([folder])
    wait_until(app, lambda: window.thumbnails.pending() == 0, 1800)
    sampler.phase(f"{args.photos} photos open, thumbnails", time.perf_counter() - started)

    started = time.perf_counter()
    target = args.analyse or args.photos
    window.analyse()
    wait_until(
        app,
        lambda: window.analyse_job is None or len(window.model.analyses()) >= target,
        3600,
    )
    if window.analyse_job is not None:
        window.cancel_analysis()
        wait_until(app, lambda: window.analyse_job is None, 600)
    done = len(window.model.analyses())
    sampler.phase(f"analysis ({done} of {args.photos} photos)", time.perf_counter() - started)

    started = time.perf_counter()
    bar = window.grid.verticalScrollBar()
    for value in list(range(0, bar.maximum() + 1, max(1, bar.pageStep() // 2))) + [0]:
        bar.setValue(value)
        for _ in range(5):
            app.processEvents()
            time.sleep(0.01)
    wait_until(app, lambda: window.thumbnails.pending() == 0, 600)
    sampler.phase("grid scrolled down and up", time.perf_counter() - started)

    started = time.perf_counter()
    rows = window.model.rowCount()
    for step in range(args.review):
        row = step * rows // max(1, args.review)
        window.move_selection(row - max(0, window.grid.currentIndex().row()))
        end = time.perf_counter() + 1.0  # the full image loads in a job: give it its time
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.01)
        wait_until(app, window.review.view.has_image, 120)
    sampler.phase(f"review of {args.review} photos", time.perf_counter() - started)

    window.close()
    shutdown_shared_pool()
    sampler.stop()
    print(
        f"\npeak RSS: GUI process {sampler.peak_self / GB:.2f} GB, "
        f"process tree {sampler.peak_tree / GB:.2f} GB (goal: GUI under 1 GB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
