"""Start the built bundle as a user's machine would (no Python, a clean environment, headless)
and check that it does its job: enrol, ``check`` a demo photo with the expected verdict, analyse a
batch on worker processes, export; then time its start-up. Run by ``packaging/smoke-test``.

Needs only the standard library, so any Python 3 can run it; the bundle itself gets an
environment without a virtualenv or ``PYTHON*`` variables, and (on Linux) the test checks that no
file of a Python installation outside the bundle was loaded.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_EVENT = ROOT / "resources" / "demo_event"
DEMO_PHOTO = DEMO_EVENT / "obama_and_biden.jpg"
OBAMA = ROOT / "tests" / "data" / "people" / "obama" / "obama-1.jpg"
BIDEN = ROOT / "tests" / "data" / "people" / "biden" / "biden-1.jpg"
WINDOWS = sys.platform == "win32"
#: Linux: the processes' mapped files and children can be inspected in /proc.
CAN_WATCH = Path("/proc/self/maps").is_file()
#: Kept in step with spoenk_publisher/__main__.py (this script must not import the package).
QUIT_AFTER_SHOW_ENV = "SPOENK_QUIT_AFTER_SHOW"
SHOWN_MARKER = "spoenk-publisher: first window shown at"


class SmokeTestFailure(AssertionError):
    pass


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    started_at: float
    #: Files of a Python installation outside the bundle mapped into the process or its children.
    foreign_python: set[str] = field(default_factory=set)
    #: Command lines of child processes seen while it ran (the analysis workers).
    children: dict[int, str] = field(default_factory=dict)


class Bundle:
    def __init__(self, folder: Path, home: Path, platform: str) -> None:
        self.folder = folder.resolve()
        suffix = ".exe" if WINDOWS else ""
        self.gui_exe = self.folder / f"spoenk-publisher{suffix}"
        # Windows: the windowed exe has no console, so the command line is a second exe.
        self.cli_exe = self.folder / (
            f"spoenk-publisher-cli{suffix}" if WINDOWS else "spoenk-publisher"
        )
        for exe in {self.gui_exe, self.cli_exe}:
            if not exe.is_file():
                raise SmokeTestFailure(f"{exe} is missing: run packaging/build first")
        self.home = home
        self.register = home / "register.db"
        self.env = self._clean_env(platform)

    def _clean_env(self, platform: str) -> dict[str, str]:
        if WINDOWS:
            env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PYTHON")}
            env.pop("VIRTUAL_ENV", None)
            env["PATH"] = os.pathsep.join(
                part for part in env.get("PATH", "").split(os.pathsep) if ".venv" not in part
            )
            env["USERPROFILE"] = str(self.home)
        else:
            runtime_dir = self.home / "runtime"
            runtime_dir.mkdir(mode=0o700, exist_ok=True)
            # As `env -i HOME=... PATH=/usr/bin:/bin`: nothing of the build's virtualenv.
            env = {
                "HOME": str(self.home),
                "PATH": "/usr/bin:/bin",
                "LANG": "C.UTF-8",
                "XDG_RUNTIME_DIR": str(runtime_dir),
            }
            if platform != "offscreen" and "DISPLAY" in os.environ:
                env["DISPLAY"] = os.environ["DISPLAY"]
        env["QT_QPA_PLATFORM"] = platform
        return env

    def run(
        self, *args: str, gui: bool = False, env: dict[str, str] | None = None, watch: bool = True
    ) -> Run:
        """Run the bundle; ``watch``: sample /proc meanwhile (off for timings: it costs CPU)."""
        command = [str(self.gui_exe if gui else self.cli_exe), *args]
        started_at = time.time()
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        watcher = _ProcessWatcher(process.pid, self.folder, enabled=watch)
        try:
            while True:
                try:
                    stdout, stderr = process.communicate(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    watcher.look()
                    if time.perf_counter() - start > 600:
                        process.kill()
                        raise SmokeTestFailure(f"{' '.join(command)} ran for 10 minutes") from None
        finally:
            if process.poll() is None:
                process.kill()
        return Run(
            process.returncode,
            stdout,
            stderr,
            time.perf_counter() - start,
            started_at,
            watcher.foreign_python,
            watcher.children,
        )

    def cli(self, *args: str, watch: bool = True) -> Run:
        run = self.run(*args, watch=watch)
        if run.returncode != 0:
            raise SmokeTestFailure(
                f"spoenk-publisher {' '.join(args)} exited with {run.returncode}:\n{run.stderr}"
            )
        return run


class _ProcessWatcher:
    """Samples /proc (Linux only) for the process and its children: what they have mapped and
    what they are."""

    def __init__(self, pid: int, bundle: Path, enabled: bool) -> None:
        self.pid = pid
        self.bundle = str(bundle)
        self.enabled = enabled and CAN_WATCH
        self.foreign_python: set[str] = set()
        self.children: dict[int, str] = {}

    def look(self) -> None:
        if not self.enabled:
            return
        pids = [self.pid, *self._children(self.pid)]
        for pid in pids:
            try:
                maps = Path(f"/proc/{pid}/maps").read_text()
                if pid != self.pid and pid not in self.children:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                    self.children[pid] = cmdline.replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue  # it ended meanwhile
            for line in maps.splitlines():
                fields = line.split(maxsplit=5)  # address perms offset dev inode [path]
                path = fields[5].strip() if len(fields) == 6 else ""
                pythonish = "libpython" in path or "site-packages" in path or "/python3" in path
                if path.startswith("/") and pythonish and not path.startswith(self.bundle):
                    self.foreign_python.add(path)

    def _children(self, pid: int) -> list[int]:
        found: list[int] = []
        try:
            tasks = list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            return found
        for task in tasks:
            try:
                found += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
        return found + [grandchild for child in found for grandchild in self._children(child)]


def check_verdict(run: Run) -> dict:
    """The expected verdict for the demo photo: Obama (consent for Instagram) kept, Biden (no
    consent) blurred, the child (not in the register) blurred."""
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    if len(lines) != 1:
        raise SmokeTestFailure(f"expected one JSON line, got:\n{run.stdout}")
    result = json.loads(lines[0])
    faces = result["faces"]

    def find(person: str | None, action: str, reason: str) -> None:
        if not any(
            face["person"] == person and face["action"] == action and face["reason"] == reason
            for face in faces
        ):
            raise SmokeTestFailure(f"no face with {person=}, {action=}, {reason=} in {faces}")

    if result["verdict"] != "blur":
        raise SmokeTestFailure(f"verdict {result['verdict']!r}, expected 'blur'")
    find("1", "keep", "consent")
    find("2", "blur", "no_consent")
    find(None, "blur", "unknown")
    kept = [face for face in faces if face["action"] == "keep"]
    if len(kept) != 1:
        raise SmokeTestFailure(f"only Obama may be kept, kept: {kept}")
    return result


def bundle_size(folder: Path) -> str:
    if shutil.which("du"):
        return subprocess.run(
            ["du", "-sh", str(folder)], capture_output=True, text=True, check=True
        ).stdout.split()[0]
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return f"{total / 2**20:.0f}M"


def median_text(values: list[float]) -> str:
    shown = ", ".join(f"{value:.2f}" for value in values)
    return f"{statistics.median(values):.2f} s (runs: {shown})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "spoenk-publisher")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs to take the median of")
    parser.add_argument(
        "--platform",
        default="offscreen",
        help="Qt platform for the desktop app's start-up runs (offscreen; xcb needs DISPLAY)",
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="spoenk-smoke-") as temp:
        home = Path(temp)
        bundle = Bundle(options.bundle, home, options.platform)
        print(f"bundle: {bundle.folder} ({bundle_size(bundle.folder)})")
        foreign: set[str] = set()

        def step(text: str, run: Run) -> Run:
            foreign.update(run.foreign_python)
            print(f"ok  {text} ({run.seconds:.1f} s)")
            return run

        reg = ("--register", str(bundle.register))
        step("--version", bundle.cli("--version"))
        step("register add", bundle.cli("register", "add", "1", "--name", "Barack Obama", *reg))
        bundle.cli("register", "add", "2", "--name", "Joe Biden", *reg)
        step(
            "register enrol (dlib encodings)",
            bundle.cli("register", "enrol", "1", str(OBAMA), *reg),
        )
        bundle.cli("register", "enrol", "2", str(BIDEN), *reg)
        bundle.cli("register", "consent", "1", "instagram", "yes", *reg)

        run = bundle.cli("check", str(DEMO_PHOTO), "--channel", "instagram", "--json", *reg)
        result = check_verdict(run)
        summary = ", ".join(
            f"{face['name'] or 'unknown'}: {face['action']} ({face['reason']})"
            for face in result["faces"]
        )
        step(f"check {DEMO_PHOTO.name}: verdict {result['verdict']}: {summary}", run)

        # Four photos, none cached: analysed on worker processes that are this bundle started
        # again (multiprocessing's spawn + freeze_support).
        run = bundle.run(
            "check", str(DEMO_EVENT), "--channel", "instagram", "--json", *reg,
            env={"XDG_CACHE_HOME": str(home / "fresh-cache")},
        )  # fmt: skip
        if run.returncode != 0:
            raise SmokeTestFailure(f"check of the demo event failed:\n{run.stderr}")
        verdicts = [json.loads(line)["verdict"] for line in run.stdout.splitlines() if line]
        if len(verdicts) != 4:
            raise SmokeTestFailure(f"expected 4 photos checked, got:\n{run.stdout}\n{run.stderr}")
        workers = [cmd for cmd in run.children.values() if "--multiprocessing-fork" in cmd]
        if CAN_WATCH and len(workers) < 2:
            raise SmokeTestFailure(f"expected 2 worker processes, saw: {run.children}")
        step(f"check of 4 demo photos on {len(workers)} worker processes: {verdicts}", run)

        out = home / "export"
        run = bundle.cli(
            "export", str(DEMO_EVENT), "--channel", "instagram", "--out", str(out), *reg
        )
        photos = sorted(path.name for path in out.glob("*.jpg"))
        with (out / "manifest.csv").open(newline="") as manifest:
            rows = list(csv.DictReader(manifest))
        if len(photos) != 4 or len(rows) != 4:
            raise SmokeTestFailure(f"export wrote {photos} and {len(rows)} manifest rows")
        step(f"export: {len(photos)} photos and manifest.csv", run)

        if foreign:
            raise SmokeTestFailure(f"the bundle loaded Python files from outside: {foreign}")
        if CAN_WATCH:
            print("ok  no Python file from outside the bundle was loaded")

        cli_times = [bundle.cli("--version", watch=False).seconds for _ in range(options.runs)]
        shown_times: list[float] = []
        exit_times: list[float] = []
        for _ in range(options.runs):
            run = bundle.run(gui=True, env={QUIT_AFTER_SHOW_ENV: "1"}, watch=False)
            marker = [line for line in run.stderr.splitlines() if line.startswith(SHOWN_MARKER)]
            if run.returncode != 0 or not marker:
                raise SmokeTestFailure(
                    f"the desktop app did not show its window (exit {run.returncode}):\n"
                    f"{run.stderr}"
                )
            shown_times.append(float(marker[0].split()[-1]) - run.started_at)
            exit_times.append(run.seconds)
        print(f"start-up, command line (--version): median {median_text(cli_times)}")
        print(
            f"start-up, desktop app to first window ({options.platform}): "
            f"median {median_text(shown_times)}"
        )
        print(f"  (and until it had quit again: median {median_text(exit_times)})")
        print(f"bundle size: {bundle_size(bundle.folder)}")
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except SmokeTestFailure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        raise SystemExit(1) from None
