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
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher.messages import Message
from spoenk_publisher.register.errors import RegisterBusy, RegisterError, RegisterUnavailable

#: How long a writer waits for another one before giving up. A CSV import of a whole school
#: (1,000 people x 8 channels) holds the lock for well under a second; 15 s leaves a wide margin.
BUSY_TIMEOUT_S = 15.0


#: How long to wait for a register file that another program has just created (0 bytes until
#: its first write) before calling it an empty file that is not a register.
NEW_FILE_GRACE_S = 1.0


def open_database(path: Path | str) -> Database:
    """Open (creating if needed, owner-only) the register file with the register's pragmas.

    A file that exists must be a consent register (or a new, still empty one): an empty file,
    another program's database or a damaged register is refused with ``RegisterUnavailable``
    and left as it is.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        created = _create_owner_only(path)
        if not created:
            _refuse_empty_file(path)
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=True
        )
    except OSError as error:
        reason = Message("register.reason.os", detail=error.strerror or str(error))
        raise RegisterUnavailable(path, reason) from None
    except sqlite3.Error as error:
        raise RegisterUnavailable(path, readable_reason(error)) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if not created:  # before anything writes to it: another program's file stays as it is
            _check_is_register(conn)
        _apply_pragmas(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        if _is_locked(error):
            raise RegisterBusy(path, BUSY_TIMEOUT_S) from None
        raise RegisterUnavailable(path, readable_reason(error)) from None
    except RegisterError:
        conn.close()
        raise
    return Database(conn)


def _create_owner_only(path: Path) -> bool:
    """Create the file, owner-only; False when it already exists."""
    # SQLite creates a new file with the umask's rights (often world-readable) and gives its
    # -wal and -shm files the rights of the main file, so the file is made first, 0600.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def _refuse_empty_file(path: Path) -> None:
    deadline = time.monotonic() + NEW_FILE_GRACE_S
    while path.stat().st_size == 0:
        if time.monotonic() > deadline:
            raise RegisterUnavailable(path, Message("register.reason.empty_file"))
        time.sleep(0.05)


#: Tables every consent register has (migration 0001); a database without them is another
#: program's.
_REGISTER_TABLES = frozenset({"schema_version", "people", "consents", "channels"})


def _check_is_register(conn: sqlite3.Connection) -> None:
    """Refuse a database that is not a consent register, or a damaged one."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and not tables >= _REGISTER_TABLES:
        raise RegisterUnavailable(database_file(conn), Message("register.reason.not_a_register"))
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        detail = "; ".join(problems)
        raise RegisterUnavailable(
            database_file(conn), Message("register.reason.damaged", detail=detail)
        )


def database_file(conn: sqlite3.Connection) -> Path:
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return Path(row[2])
    return Path("")


def _apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.DatabaseError(f"no WAL: journal mode {mode}")
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
    return database_file(db.conn)


def utc_timestamp() -> str:
    """Now, as the ISO 8601 UTC text every ``*_at`` column holds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _is_locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def readable_reason(error: sqlite3.Error) -> Message:
    """Why an SQLite error makes the register unusable, as a message code."""
    text = str(error)
    if "file is not a database" in text:
        return Message("register.reason.not_a_register")
    if "malformed" in text or "corrupt" in text:
        return Message("register.reason.damaged", detail=text)
    if text.startswith("no WAL"):
        return Message("register.reason.no_wal")
    return Message("register.reason.os", detail=text)
