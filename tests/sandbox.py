"""The sandbox every test runs in: a private home, no chosen register, and a guard that stops
and records any write outside the temporary folders. Imported by ``conftest.py`` first thing,
before any test module imports PySide6 or the app (both read HOME and the XDG folders when they
first need them); ``test_isolation.py`` tests the guard itself.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

# Qt must never need a screen in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHECKOUT = Path(__file__).resolve().parents[1]
#: The real home, before it is replaced below: checked at the end of the run.
REAL_HOME = Path.home()
_TEMP_ROOT = Path(tempfile.gettempdir()).resolve()
PRIVATE_HOME = Path(tempfile.mkdtemp(prefix="spoenk-test-home-"))

# A private home for the whole run (and every process it starts): settings, caches, the data
# folder with the demo register, and onnxruntime's or Qt's own files land there, never in the
# user's home. No register is chosen by the environment: a test that forgets to choose one
# would fall back on the default register (consent_db/register.db in a checkout), and the
# guard below stops it there.
os.environ["HOME"] = str(PRIVATE_HOME)
for variable, folder in (
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_STATE_HOME", ".local/state"),
):
    os.environ[variable] = str(PRIVATE_HOME / folder)
os.environ.pop("SPOENK_REGISTER", None)

# -- the write guard --------------------------------------------------------------------------

#: Writes outside these folders fail the test that made them. pytest keeps its own cache in the
#: checkout, and Python its byte code.
_ALLOWED_ROOTS = (_TEMP_ROOT, CHECKOUT / ".pytest_cache")
_CHECKOUT_RESOLVED = CHECKOUT.resolve()
_PYTEST_CACHE = _CHECKOUT_RESOLVED / ".pytest_cache"
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
#: Paths written outside the allowed folders since the last check.
VIOLATIONS: list[str] = []

class WriteOutsideTemporaryFolders(PermissionError):
    """Raised (and recorded) when a test writes where only a user's files may be."""

def _allowed(raw: object) -> bool:
    if isinstance(raw, int):
        return True  # an already open file descriptor
    if isinstance(raw, bytes):
        raw = os.fsdecode(raw)
    text = str(raw)
    if text in ("", ":memory:") or text.startswith("/dev/") or text.startswith("/proc/"):
        return True
    if text.startswith("file:"):  # an SQLite URI: read-only opens are fine
        if "mode=ro" in text:
            return True
        text = text[5:].split("?", 1)[0]
    path = Path(os.path.abspath(text))
    if "__pycache__" in path.parts or any(
        part.startswith("pytest-cache-files-") for part in path.parts
    ):
        return True  # byte code, and pytest's own cache being written
    with contextlib.suppress(OSError):  # resolve symlinks in the folder (e.g. /tmp)
        path = path.parent.resolve() / path.name
    if _CHECKOUT_RESOLVED in path.parents and _PYTEST_CACHE not in (path, *path.parents):
        return False  # the checkout itself, even when it lies in the temporary folder (a CI clone)
    return any(path == root or root in path.parents for root in _ALLOWED_ROOTS)

def _guard(event: str, args: tuple) -> None:
    targets: tuple = ()
    if event == "open":
        path, mode, flags = args
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        targets = (path,) if writes else ()
    elif event in ("os.remove", "os.rmdir", "os.mkdir", "os.truncate", "os.chmod", "os.utime"):
        targets = (args[0],)
    elif event in ("os.rename", "os.link", "os.symlink", "shutil.copyfile", "shutil.move"):
        targets = (args[1],)
    elif event == "shutil.rmtree" or event == "sqlite3.connect":
        targets = (args[0],)
    for target in targets:
        if not _allowed(target):
            VIOLATIONS.append(f"{event} {target}")
            raise WriteOutsideTemporaryFolders(f"a test may not write {target} ({event})")

sys.addaudithook(_guard)


# -- files a process the guard cannot see might touch ----------------------------------------

#: The user's own files: a subprocess or Qt's C++ code (which the guard does not see) must not
#: change them either; ``conftest.py`` compares them at the end of the run.
WATCHED = (
    CHECKOUT / "consent_db" / "register.db",
    REAL_HOME / ".cache" / "spoenk-publisher",
    REAL_HOME / ".local" / "share" / "spoenk-publisher",
    REAL_HOME / ".config" / "Onderwijsgroep Spoenk",
    REAL_HOME / ".cache" / "Microsoft",
)


def _state(path: Path) -> tuple[bool, int]:
    try:
        return True, path.stat().st_mtime_ns
    except OSError:
        return False, 0


_BEFORE = {path: _state(path) for path in WATCHED}


def changed_user_files() -> list[str]:
    """The watched files that appeared, changed or disappeared since the run began."""
    return [str(path) for path in WATCHED if _state(path) != _BEFORE[path]]
