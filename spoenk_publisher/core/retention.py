"""What the app keeps besides the register, for how long, and how a person is forgotten.

Two caches hold data about the people in a school's photos:

- the analysis cache (``analysis.sqlite``): face boxes and face encodings per photo hash;
  encodings are biometric data;
- the thumbnail cache (``thumbnails/``): small copies of the photos shown in the grid.

Both live in ``$XDG_CACHE_HOME/spoenk-publisher`` (``~/.cache/...``), owner-only. Whatever was
not used for ``retention_days()`` days (30 by default; Settings in the app, or
``SPOENK_CACHE_DAYS`` for the command line) is deleted when the app or a command next opens
the cache; ``clear_caches()`` deletes everything now. Removing a person from the register
(``forget_person``) also deletes every cached analysis with a face close to theirs.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from spoenk_publisher.core.analysis import AnalysisCache, default_cache_path

#: Days a cached analysis or thumbnail is kept after its last use. An event's photos are
#: reviewed and exported within days; a month leaves room for a late correction while no
#: child's face data stays for a school year.
DEFAULT_RETENTION_DAYS = 30
RETENTION_ENV = "SPOENK_CACHE_DAYS"

#: A cached face this close to a removed person's reference face is deleted with them. 0.6 is
#: dlib's own same-person threshold, looser than matching (0.45): forgetting a look-alike's
#: cached face only costs a new analysis, keeping a removed child's face is not allowed.
FORGET_RADIUS = 0.6


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/spoenk-publisher`` (``~/.cache/spoenk-publisher``)."""
    return default_cache_path().parent


def thumbnail_dir() -> Path:
    return cache_dir() / "thumbnails"


def retention_days(setting: int | None = None) -> int:
    """The days caches are kept: the app's setting, else ``$SPOENK_CACHE_DAYS``, else 30."""
    if setting is not None:
        return max(0, int(setting))
    try:
        return max(0, int(os.environ.get(RETENTION_ENV, "")))
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def open_analysis_cache(setting: int | None = None) -> AnalysisCache:
    """The user's analysis cache, after deleting from both caches what was unused too long."""
    days = retention_days(setting)
    prune_thumbnails(days)
    return AnalysisCache(default_cache_path(), retention_days=days)


def apply_retention(setting: int | None = None) -> None:
    """Delete from both caches what was unused for ``retention_days(setting)`` days."""
    open_analysis_cache(setting).close()


def prune_thumbnails(days: int, folder: Path | None = None) -> int:
    """Delete thumbnails not shown for ``days`` days (a shown one is touched); returns how
    many. 0 days keeps them all."""
    folder = folder or thumbnail_dir()
    if days <= 0 or not folder.is_dir():
        return 0
    cutoff = time.time() - days * 86400
    removed = 0
    for file in folder.glob("*/*.jpg"):
        try:
            if file.stat().st_mtime < cutoff:
                file.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def clear_caches() -> None:
    """Delete every cached analysis and thumbnail now."""
    path = default_cache_path()
    if path.exists():
        cache = AnalysisCache(path, retention_days=0)
        try:
            cache.clear()
        finally:
            cache.close()
    folder = thumbnail_dir()
    if folder.is_dir():
        for file in folder.glob("*/*"):
            file.unlink(missing_ok=True)


@dataclass(frozen=True)
class Forgotten:
    """What removing a person deleted, in the register and in the caches."""

    person_id: str
    reference_faces: int
    consent_records: int
    cached_analyses: int


def forget_person(register, person_id: str, cache: AnalysisCache | None = None) -> Forgotten:
    """Remove ``person_id`` from the register and every encoding of their face from the
    analysis cache (their reference faces, and their faces in analysed event photos).

    ``register`` is a ``register.Register``; ``cache`` defaults to the user's cache.
    """
    references = register.reference_encodings_of(person_id)
    summary = register.remove_person(person_id)
    purged = 0
    if cache is not None:
        purged = cache.forget_faces_near(references, FORGET_RADIUS)
    elif default_cache_path().exists():
        own = AnalysisCache(default_cache_path())
        try:
            purged = own.forget_faces_near(references, FORGET_RADIUS)
        finally:
            own.close()
    return Forgotten(
        summary.person_id, summary.reference_faces, summary.consent_records, purged
    )
