"""Opening the register's SQLite file, and the one way to write to it.

The app and the command line may use one register at the same time: WAL lets readers go on while
one writer writes, the busy timeout makes a second writer wait instead of failing, and every write
runs in ``write_transaction`` (``BEGIN IMMEDIATE``), so a writer takes the lock before it reads
what it is about to change and no write is lost.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher.register.errors import RegisterBusy, RegisterUnavailable

#: How long a writer waits for another one before giving up. A CSV import of a whole school
#: (1,000 people x 8 channels) holds the lock for well under a second; 15 s leaves a wide margin.
BUSY_TIMEOUT_S = 15.0


def open_database(path: Path | str) -> Database:
    """Open (creating if needed, owner-only) the register file with the register's pragmas."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create_owner_only(path)
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=True
        )
    except OSError as error:
        raise RegisterUnavailable(path, error.strerror or str(error)) from None
    except sqlite3.Error as error:
        raise RegisterUnavailable(path, str(error)) from None
    try:
        _apply_pragmas(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        if _is_locked(error):
            raise RegisterBusy(path, BUSY_TIMEOUT_S) from None
        raise RegisterUnavailable(path, _readable(error)) from None
    return Database(conn)


def _create_owner_only(path: Path) -> None:
    # SQLite creates a new file with the umask's rights (often world-readable) and gives its
    # -wal and -shm files the rights of the main file, so the file is made first, 0600.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.DatabaseError(f"the file system does not support WAL (journal mode {mode})")
    # FULL: a committed consent survives a power cut, not only an app crash.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Deleted rows (a removed person's face encodings) are overwritten with zeros, not left in
    # free pages.
    conn.execute("PRAGMA secure_delete = ON")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One atomic write: everything inside commits together or not at all.

    Takes the write lock at the start (``BEGIN IMMEDIATE``); inside another write transaction it
    nests as a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        yield from _savepoint(db)
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if _is_locked(error):
            raise RegisterBusy(database_path(db), BUSY_TIMEOUT_S) from None
        raise
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError) and _is_locked(error):
            raise RegisterBusy(database_path(db), BUSY_TIMEOUT_S) from None
        raise


def _savepoint(db: Database) -> Iterator[Database]:
    conn = db.conn
    conn.execute("SAVEPOINT register_write")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK TO register_write")
            conn.execute("RELEASE register_write")
        raise
    conn.execute("RELEASE register_write")


def database_path(db: Database) -> Path:
    """The file behind an open register."""
    for row in db.conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return Path(row[2])
    return Path("")


def utc_timestamp() -> str:
    """Now, as the ISO 8601 UTC text every ``*_at`` column holds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _is_locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _readable(error: sqlite3.Error) -> str:
    text = str(error)
    if "file is not a database" in text:
        return "the file is not a consent register (not an SQLite database)"
    return text
