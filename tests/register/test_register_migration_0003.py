"""Migration 0003 on a register made before it: nothing is lost, the new columns are empty."""

from __future__ import annotations

import shutil
from pathlib import Path

from spoenk_publisher.register import Person, Register
from spoenk_publisher.register.db import open_database
from spoenk_publisher.register.migrations import MIGRATIONS_DIR, apply_migrations, schema_version


def test_a_register_of_schema_2_gains_the_import_tables(tmp_path: Path, today) -> None:
    old_migrations = tmp_path / "migrations"
    old_migrations.mkdir()
    for name in ("0001_initial.sql", "0002_publications_and_manual_decisions.sql"):
        shutil.copy(MIGRATIONS_DIR / name, old_migrations / name)
    path = tmp_path / "old.db"
    db = open_database(path)
    apply_migrations(db, old_migrations)
    assert schema_version(db) == 2
    old = Register(db, actor="tester")
    old.add_person(Person("1001", "Sanne de Vries", "5B"))
    old.db.conn.execute(
        "INSERT INTO consents (person_id, channel, status, valid_from, valid_until, recorded_at,"
        " recorded_by, source) VALUES ('1001', 'website', 'granted', ?, ?, ?, 'tester', 'form')",
        (today.isoformat(), today.isoformat(), "2026-01-01T00:00:00+00:00"),
    )
    db.close()

    with Register.open(path, actor="tester") as register:
        assert schema_version(register.db) == 3
        assert register.may_appear("1001", "website", today)
        record = register.consent_history("1001")[0]
        assert record.answered_by is None
        assert register.turns_16_months() == {}
        key = register.db.conn.execute("SELECT value FROM register_keys").fetchone()[0]
        assert len(key) == 32
        assert register.db.conn.execute("SELECT COUNT(*) FROM import_layouts").fetchone()[0] == 0


def test_every_register_has_its_own_key(tmp_path: Path) -> None:
    keys = set()
    for name in ("a.db", "b.db"):
        with Register.open(tmp_path / name) as register:
            keys.add(register.db.conn.execute("SELECT value FROM register_keys").fetchone()[0])
    assert len(keys) == 2
