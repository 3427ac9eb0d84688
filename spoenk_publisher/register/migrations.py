"""Bringing a register's schema up to date with the numbered SQL files in ``consent_db/migrations``.

A file ``NNNN_what.sql`` is migration NNNN; the numbers run 1, 2, 3, ... without gaps. Each one
is applied in its own transaction and recorded in ``schema_version``, so a register is never left
half-migrated, and two programs opening a new register at once apply each migration only once.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from spoenk_publisher.messages import Message
from spoenk_publisher.paths import CONSENT_DB_DIR
from spoenk_publisher.register.db import database_path, utc_timestamp, write_transaction
from spoenk_publisher.register.errors import RegisterTooNew, RegisterUnavailable

MIGRATIONS_DIR = CONSENT_DB_DIR / "migrations"

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    """One numbered schema step."""

    version: int
    name: str
    path: Path

    def statements(self) -> list[str]:
        """The file's SQL statements, one by one (a trigger body stays whole)."""
        return split_statements(self.path.read_text(encoding="utf-8"))


def available_migrations(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations in ``folder``, in order; a gap or a duplicate number is a packaging bug."""
    if not folder.is_dir():
        raise FileNotFoundError(f"the register's schema files are missing ({folder})")
    found: list[Migration] = []
    for path in folder.iterdir():
        match = _FILE_NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), path))
    found.sort(key=lambda migration: migration.version)
    versions = [migration.version for migration in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations in {folder} are not numbered 1, 2, 3, ...: {versions}")
    return found


def schema_version(db: Database) -> int:
    """The highest migration applied to this register (0 for a new, empty one)."""
    exists = db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    return db.conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]


def apply_migrations(db: Database, folder: Path = MIGRATIONS_DIR) -> list[int]:
    """Apply every migration the register lacks; returns the versions applied now."""
    path = database_path(db)
    try:
        migrations = available_migrations(folder)
    except FileNotFoundError:
        reason = Message("register.reason.schema_missing", folder=str(folder))
        raise RegisterUnavailable(path, reason) from None
    newest = migrations[-1].version if migrations else 0
    current = schema_version(db)
    if current > newest:
        raise RegisterTooNew(path, current, newest)
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= current:
            continue
        with write_transaction(db):
            db.conn.execute(_SCHEMA_VERSION_TABLE)
            # Another program may have migrated while this one waited for the lock.
            if schema_version(db) >= migration.version:
                continue
            for statement in migration.statements():
                try:
                    db.conn.execute(statement)
                except sqlite3.Error as error:
                    raise RuntimeError(
                        f"migration {migration.path.name} failed: {error}\n{statement}"
                    ) from error
            db.conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_timestamp()),
            )
        applied.append(migration.version)
    return applied


def split_statements(sql: str) -> list[str]:
    """Split a script at the semicolons that end a statement (not those in strings or triggers)."""
    statements: list[str] = []
    start = 0
    for end in (m.end() for m in re.finditer(";", sql)):
        candidate = sql[start:end]
        if sqlite3.complete_statement(candidate):
            if _has_code(candidate):
                statements.append(candidate.strip())
            start = end
    if _has_code(sql[start:]):
        raise ValueError(f"unterminated SQL statement: {sql[start:].strip()[:80]}")
    return statements


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in sql.splitlines())
    return any(line and line != ";" for line in lines)
