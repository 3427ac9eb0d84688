"""The user's choices that outlive a session, kept with QSettings under readable keys."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from spoenk_publisher.core.render import STYLES
from spoenk_publisher.core.retention import DEFAULT_RETENTION_DAYS
from spoenk_publisher.paths import REGISTER_ENV, default_register_path

#: How many folders File ▸ Recent folders remembers.
MAX_RECENT_FOLDERS = 8
POLICIES = ("blur", "exclude")


class Settings:
    """Typed access to the app's QSettings; every getter has a safe default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    # -- register ---------------------------------------------------------------------------

    def register_path(self) -> Path:
        """``$SPOENK_REGISTER`` when set (an explicit choice for this run), else the saved
        register, else the default one."""
        if os.environ.get(REGISTER_ENV):
            return default_register_path()
        saved = self.store.value("register/path", "", type=str)
        return Path(saved) if saved else default_register_path()

    def set_register_path(self, path: Path) -> None:
        self.store.setValue("register/path", str(path))

    def previous_register_path(self) -> Path | None:
        """The register in use before the demo was opened, to switch back to."""
        saved = self.store.value("register/previous", "", type=str)
        return Path(saved) if saved else None

    def set_previous_register_path(self, path: Path | None) -> None:
        self.store.setValue("register/previous", str(path) if path else "")

    # -- choices ----------------------------------------------------------------------------

    def channel(self) -> str:
        return self.store.value("review/channel", "", type=str)

    def set_channel(self, name: str) -> None:
        self.store.setValue("review/channel", name)

    def blur_style(self) -> str:
        style = self.store.value("export/style", "pixelate", type=str)
        return style if style in STYLES else "pixelate"

    def set_blur_style(self, style: str) -> None:
        self.store.setValue("export/style", style)

    def policy(self) -> str:
        policy = self.store.value("export/policy", "blur", type=str)
        return policy if policy in POLICIES else "blur"

    def set_policy(self, policy: str) -> None:
        self.store.setValue("export/policy", policy)

    def export_folder(self) -> Path | None:
        saved = self.store.value("export/folder", "", type=str)
        return Path(saved) if saved else None

    def set_export_folder(self, folder: Path) -> None:
        self.store.setValue("export/folder", str(folder))

    def analysis_workers(self) -> int:
        """Processes that analyse photos; 0 means one per processor core."""
        return max(0, self.store.value("analysis/workers", 0, type=int))

    def set_analysis_workers(self, workers: int) -> None:
        self.store.setValue("analysis/workers", int(workers))

    def cache_days(self) -> int:
        """Days cached analyses (face data) and thumbnails are kept after their last use."""
        return max(0, self.store.value("privacy/cache_days", DEFAULT_RETENTION_DAYS, type=int))

    def set_cache_days(self, days: int) -> None:
        self.store.setValue("privacy/cache_days", int(days))

    def language(self) -> str:
        return self.store.value("language", "", type=str)

    def set_language(self, language: str) -> None:
        self.store.setValue("language", language)

    # -- recent folders ---------------------------------------------------------------------

    def recent_folders(self) -> list[Path]:
        saved = self.store.value("files/recent", [], type=list) or []
        return [Path(p) for p in saved if isinstance(p, str) and p]

    def add_recent_folder(self, folder: Path) -> None:
        text = str(folder)
        folders = [text] + [str(p) for p in self.recent_folders() if str(p) != text]
        self.store.setValue("files/recent", folders[:MAX_RECENT_FOLDERS])

    def clear_recent_folders(self) -> None:
        self.store.setValue("files/recent", [])

    # -- window layout ----------------------------------------------------------------------

    def window_state(self, name: str) -> QByteArray | None:
        value = self.store.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"window/{name}", value)

    def sync(self) -> None:
        self.store.sync()
