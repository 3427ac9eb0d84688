"""The register file: where it is, its rights, its pragmas, its schema and migrations."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from register_testing import TODAY

from spoenk_publisher.paths import REGISTER_ENV
from spoenk_publisher.register import (
    Person,
    Register,
    RegisterTooNew,
    RegisterUnavailable,
)
from spoenk_publisher.register.migrations import (
    MIGRATIONS_DIR,
    available_migrations,
    schema_version,
    split_statements,
)


def test_new_register_is_owner_only_with_its_wal_files(register_path: Path) -> None:
    with Register.open(register_path) as register:
        register.add_person(Person("1001", "Sanne de Vries"))
        for path in (register_path, Path(f"{register_path}-wal"), Path(f"{register_path}-shm")):
            assert path.exists(), path
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_register_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "register.db"
    with Register.open(path) as register:
        assert register.path == path.resolve()
    assert path.exists()


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("journal_mode", "wal"),
        ("foreign_keys", 1),
        ("secure_delete", 1),
        ("synchronous", 2),  # FULL
    ],
)
def test_connection_pragmas(register: Register, pragma: str, expected: object) -> None:
    assert register.db.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_busy_timeout_lets_a_writer_wait(register: Register) -> None:
    assert register.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_migrations_are_recorded_and_applied_once(register_path: Path) -> None:
    newest = available_migrations()[-1].version
    with Register.open(register_path) as register:
        assert schema_version(register.db) == newest
        assert set(register.db.table_names()) >= {
            "people",
            "channels",
            "consents",
            "reference_faces",
            "audit_log",
            "schema_version",
        }
    with Register.open(register_path) as register:  # reopening applies nothing again
        rows = register.db.conn.execute("SELECT version FROM schema_version").fetchall()
        assert [row[0] for row in rows] == list(range(1, newest + 1))


def test_default_channels_follow_the_protocol(register: Register) -> None:
    assert [channel.name for channel in register.channels()] == [
        "website",
        "newsletter",
        "instagram",
        "facebook",
        "x",
        "youtube",
        "linkedin",
        "yurls",
    ]


def test_a_channel_can_be_added(register: Register) -> None:
    register.add_channel("tiktok", "TikTok")
    assert register.channels()[-1].name == "tiktok"
    assert register.consent_statuses("tiktok", TODAY) == {}


def test_a_register_from_a_newer_app_is_refused(register_path: Path) -> None:
    with Register.open(register_path) as register:
        register.db.conn.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 'x')"
        )
    with pytest.raises(RegisterTooNew, match="999"):
        Register.open(register_path)


def test_a_file_that_is_not_a_register_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, " * 100)
    with pytest.raises(RegisterUnavailable, match="not a consent register"):
        Register.open(path)


def test_environment_variable_chooses_the_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv(REGISTER_ENV, str(path))
    with Register.open() as register:
        assert register.path == path.resolve()


def test_migration_files_split_into_whole_statements() -> None:
    statements = split_statements(
        "CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- a comment; with a semicolon\n"
        "CREATE TRIGGER t BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\n"
        "-- trailing comment\n"
    )
    assert len(statements) == 2
    assert "CREATE TRIGGER" in statements[1] and statements[1].endswith("END;")
    for migration in available_migrations(MIGRATIONS_DIR):
        assert migration.statements()


def test_audit_log_cannot_be_changed(register: Register) -> None:
    register.add_person(Person("1001", "Sanne de Vries"))
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        register.db.conn.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        register.db.conn.execute("UPDATE audit_log SET actor = 'someone else'")
