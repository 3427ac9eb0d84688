"""Where the app finds its resources and its default consent register."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The source checkout (or, in a PyInstaller bundle, the unpacked bundle).
PROJECT_ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
RESOURCES_DIR = PROJECT_ROOT / "resources"
DEMO_EVENT_DIR = RESOURCES_DIR / "demo_event"
DEMO_REGISTER_DIR = RESOURCES_DIR / "demo_register"
CONSENT_DB_DIR = PROJECT_ROOT / "consent_db"

REGISTER_ENV = "SPOENK_REGISTER"


def default_register_path() -> Path:
    """``$SPOENK_REGISTER``, else ``consent_db/register.db`` in a source checkout,
    else the user's data folder (an installed or bundled app)."""
    from_env = os.environ.get(REGISTER_ENV)
    if from_env:
        return Path(from_env).expanduser()
    if not getattr(sys, "frozen", False) and (CONSENT_DB_DIR / "migrations").is_dir():
        return CONSENT_DB_DIR / "register.db"
    return user_data_dir() / "register.db"


def demo_register_path() -> Path:
    """Where the demo register is made: the user's data folder, never the real register."""
    return user_data_dir() / "demo-register.db"


def user_data_dir() -> Path:
    """``$XDG_DATA_HOME/spoenk-publisher`` (by default ``~/.local/share/spoenk-publisher``)."""
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "spoenk-publisher"
