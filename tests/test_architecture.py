"""The walls of the house (docs/architecture.md), proved: the core, the register and the command
line run without Qt; the register never reaches up into the core; nothing imports the GUI or the
CLI; the bottom module imports nothing of the app."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "spoenk_publisher"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, including imports inside functions and TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def imports_of(layer: str) -> dict[str, set[str]]:
    return {
        str(path.relative_to(PACKAGE)): imported_modules(path)
        for path in sorted((PACKAGE / layer).rglob("*.py"))
    }


def test_core_register_and_cli_run_without_qt():
    blocked = (
        "import sys\n"
        "class Blocked:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError(f'{name} is blocked in this test')\n"
        "sys.meta_path.insert(0, Blocked())\n"
        "import pkgutil, importlib, spoenk_publisher\n"
        "for layer in ('base', 'messages', 'core', 'register', 'cli', 'demo', 'clock'):\n"
        "    module = importlib.import_module(f'spoenk_publisher.{layer}')\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []),\n"
        "                                      prefix=f'spoenk_publisher.{layer}.'):\n"
        "        importlib.import_module(info.name)\n"
        "from spoenk_publisher.cli import main\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_register_imports_nothing_from_the_core():
    for name, modules in imports_of("register").items():
        upward = sorted(m for m in modules if m.startswith(("spoenk_publisher.core", "PySide6")))
        assert not upward, f"register/{name} imports {upward}"


def test_nothing_below_imports_the_gui_or_the_cli():
    for layer in ("core", "register", "messages"):
        for name, modules in imports_of(layer).items():
            upward = sorted(
                m for m in modules if m.startswith(("spoenk_publisher.gui", "spoenk_publisher.cli"))
            )
            assert not upward, f"{layer}/{name} imports {upward}"


def test_the_bottom_module_and_the_catalogue_import_nothing_of_the_app():
    for path in (PACKAGE / "base.py", PACKAGE / "clock.py", *(PACKAGE / "messages").glob("*.py")):
        ours = sorted(
            m
            for m in imported_modules(path)
            if m.startswith("spoenk_publisher") and not m.startswith("spoenk_publisher.messages")
        )
        assert not ours, f"{path.name} imports {ours}"


def test_only_the_review_decides_a_photo():
    """``decide_photo`` has one caller: ``core/review.py`` (check, export, review and quick
    check all decide through it, so they cannot disagree)."""
    callers = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "decide_photo(" in path.read_text(encoding="utf-8")
        and path.name not in ("decisions.py", "review.py")
    )
    assert callers == []


#: The longest a GUI file may be: a window that needs more is split into parts
#: (``gui/common/parts.py``), its models, dialogs and widgets into their own files.
MAX_GUI_FILE_LINES = 550


def test_no_gui_file_grows_into_a_god_object():
    too_long = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted((PACKAGE / "gui").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_GUI_FILE_LINES
    }
    assert too_long == {}, f"split these (at most {MAX_GUI_FILE_LINES} lines): {too_long}"


def test_the_gui_runs_long_work_only_through_the_one_job_contract():
    """Threads and thread pools appear in ``gui/jobs.py`` only: every long operation is a
    ``Job`` started by a ``JobRunner``."""
    elsewhere = sorted(
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "gui").rglob("*.py")
        if path.name != "jobs.py" or path.parent.name != "gui"
        if {"PySide6.QtCore.QRunnable", "PySide6.QtCore.QThreadPool", "PySide6.QtCore.QThread",
            "threading.Thread"} & imported_modules(path)
    )  # fmt: skip
    assert elsewhere == []


def test_the_gui_decides_photos_again_in_one_place():
    """A photo is decided through ``ReviewSession.decide`` in the event's state and in the
    analysis jobs only; windows and the review ask the state."""
    callers = sorted(
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "gui").rglob("*.py")
        if "session.decide(" in path.read_text(encoding="utf-8")
    )
    assert callers == ["gui/event/event_state.py", "gui/event/jobs.py"]


def test_the_two_wings_keep_apart():
    """The register wing imports nothing of the event wing; the event wing opens the register
    window, and nothing else of it."""
    for name, modules in imports_of("gui/register").items():
        event = sorted(m for m in modules if m.startswith("spoenk_publisher.gui.event"))
        assert not event, f"gui/register/{name} imports {event}"
    reached = {
        m
        for modules in imports_of("gui/event").values()
        for m in modules
        if m.startswith("spoenk_publisher.gui.register")
    }
    assert reached <= {
        "spoenk_publisher.gui.register.window",
        "spoenk_publisher.gui.register.window.RegisterWindow",
    }
