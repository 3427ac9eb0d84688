"""Nothing leaves the machine, and face data does not outlive its use (issue 10, items 4, 5, 8).

Real processes, real models: ``check`` and ``export`` run as a user runs them, under ``strace``,
and the analysis cache is read back as bytes.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from PIL import Image

from spoenk_publisher.cli import main
from spoenk_publisher.core.analysis import AnalysisCache
from spoenk_publisher.core.retention import FORGET_RADIUS, apply_retention, thumbnail_dir
from spoenk_publisher.register import Register

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
GROUP = DATA / "groups" / "obama_and_biden.jpg"
TWO = DATA / "groups" / "two_people.jpg"


def cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


# --- 5. biometric leftovers ------------------------------------------------------------------


def test_removing_a_person_purges_every_cached_encoding_of_their_face(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache_file = tmp_path / "cache" / "spoenk-publisher" / "analysis.sqlite"
    register = str(tmp_path / "register.db")
    cli("register", "--register", register, "add", "1001", "--name", "Barack Obama")
    cli("register", "--register", register, "enrol", "1001", str(OBAMA))
    # His reference photo and event photos with his face are analysed (and cached).
    cli("check", str(OBAMA), str(GROUP), str(BIDEN), "-c", "website", "--register", register)
    with Register.open(register) as opened:
        reference = opened.reference_encodings_of("1001")[0]
    assert _nearest_cached(cache_file, reference) < 0.1  # his face is there, as data

    removed = cli("register", "--register", register, "remove", "1001", "--yes")

    assert "2 bewaarde foto-analyse(s) met dit gezicht gewist" in removed.stdout
    assert _nearest_cached(cache_file, reference) > FORGET_RADIUS
    data = b"".join(p.read_bytes() for p in cache_file.parent.glob("analysis.sqlite*"))
    assert reference.astype("<f8").tobytes() not in data
    assert reference.astype("<f8").tobytes()[:64] not in data  # not even a part of it
    # Biden's own photo is still cached; nothing of his was removed.
    cache = AnalysisCache(cache_file)
    try:
        count = cache._db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    finally:
        cache.close()
    assert count == 1


def _nearest_cached(cache_file: Path, encoding: np.ndarray) -> float:
    with sqlite3.connect(cache_file) as connection:
        blobs = connection.execute("SELECT encoding FROM faces WHERE encoding IS NOT NULL")
        distances = [np.linalg.norm(np.frombuffer(b, np.float64) - encoding) for (b,) in blobs]
    return min(distances, default=float("inf"))


def test_caches_unused_for_the_retention_period_are_deleted(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cli("check", str(OBAMA), str(BIDEN), "-c", "website", "--register", str(tmp_path / "r.db"))
    cache_file = tmp_path / "cache" / "spoenk-publisher" / "analysis.sqlite"
    old, recent = thumbnail_dir() / "ab" / "old.jpg", thumbnail_dir() / "cd" / "recent.jpg"
    for file in (old, recent):
        file.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (8, 8)).save(file)
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    with sqlite3.connect(cache_file) as connection:  # Obama's analysis was last used long ago
        connection.execute(
            "UPDATE analyses SET used_at = ? WHERE rowid = (SELECT MIN(rowid) FROM analyses)",
            (month_ago,),
        )

    apply_retention(30)

    assert not old.exists() and recent.exists()
    with sqlite3.connect(cache_file) as connection:
        assert connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 1
        assert connection.execute("SELECT COUNT(DISTINCT sha256) FROM faces").fetchone()[0] == 1
    apply_retention(0)  # 0: kept until emptied by hand
    assert recent.exists()


# --- 4. nothing leaves the machine ------------------------------------------------------------


def test_check_and_export_open_no_network_socket_and_write_no_telemetry(tmp_path):
    """onnxruntime (1.2x+) sends usage telemetry on Linux unless told not to: run the real
    commands, analysis processes included, under strace and look at every socket."""
    strace = shutil.which("strace")
    assert strace, "strace is needed for this test: scripts/run-tests.sh installs it"
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config"),
    }  # fmt: skip
    photos = tmp_path / "event"
    photos.mkdir()
    for name, source in (("a.jpg", OBAMA), ("b.jpg", BIDEN), ("c.jpg", TWO)):
        shutil.copyfile(source, photos / name)  # three photos: a pool of analysis processes
    register = str(tmp_path / "r.db")
    for name, args in (
        ("check", ["check", str(photos), "-c", "website", "--register", register]),
        ("export", ["export", str(photos), "-c", "website", "--out", str(tmp_path / "out"),
                    "--register", register]),  # fmt: skip
    ):
        trace = tmp_path / f"{name}.trace"
        env["XDG_CACHE_HOME"] = str(home / f".cache-{name}")  # each analyses for real
        subprocess.run(
            # --seccomp-bpf: only the traced calls stop the process (several times faster).
            [strace, "-f", "--seccomp-bpf", "-qq", "-e",
             "trace=execve,socket,connect,sendto,sendmsg", "-o", str(trace),
             sys.executable, "-m", "spoenk_publisher", *args],
            env=env, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        calls = trace.read_text()
        # strace followed the command and its analysis processes (each one starts Python).
        assert calls.count("execve(") >= 3, calls[:2000]
        network = [line for line in calls.splitlines() if "AF_INET" in line]
        assert network == [], f"{name} opened network sockets:\n" + "\n".join(network)
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert not [p for p in left if "Microsoft" in p or "onnxruntime" in p], left
    assert (tmp_path / "out" / "manifest.csv").exists()  # the export did run


# --- 8. a worker ends with its program ----------------------------------------------------------


def test_analysis_processes_end_when_the_command_is_killed(tmp_path):
    photos = tmp_path / "event"
    photos.mkdir()
    for number in range(8):  # enough work for the pool to be busy when the kill comes
        Image.open(GROUP).rotate(number + 1).save(photos / f"{number}.jpg", quality=90)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = subprocess.Popen(
        [sys.executable, "-m", "spoenk_publisher", "check", str(photos), "-c", "website",
         "--register", str(tmp_path / "r.db")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(workers) < 2:
        workers = [pid for pid in _children(command.pid) if _is_python(pid)]
        time.sleep(0.2)
    assert len(workers) >= 2, "the analysis processes never started"
    time.sleep(1.0)  # they are working now

    os.kill(command.pid, signal.SIGKILL)
    command.wait()

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "analysis processes outlived their program"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _is_python(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
