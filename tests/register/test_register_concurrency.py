"""Two programs writing to one register at the same time: no write lost, no corruption."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from spoenk_publisher.register import Person, Register

RECORDS_PER_WRITER = 50

# Each writer waits for the start signal, then records its consent one transaction at a time,
# re-reading the register between writes (as the app does) so the two interleave.
_WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    from pathlib import Path
    from spoenk_publisher.register import Register

    register_path, person_id, go, count = sys.argv[1:5]
    go, count = Path(go), int(count)
    with Register.open(register_path, actor=f"writer-{person_id}") as register:
        (go.parent / f"ready-{person_id}").touch()
        while not go.exists():
            time.sleep(0.001)
        channels = [channel.name for channel in register.channels()]
        for i in range(count):
            register.record_consent(
                person_id, channels[i % len(channels)], i % 2 == 0,
                valid_from=date(2026, 11, 25), note=f"write {i}",
            )
            register.consent_statuses(channels[0], date(2026, 11, 25))
            time.sleep(0.002)
    """
)


def test_two_processes_write_at_once_and_no_write_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "register.db"
    with Register.open(path) as register:
        register.add_person(Person("1001", "Sanne de Vries"))
        register.add_person(Person("1002", "Daan Jansen"))

    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), person_id, str(go), str(RECORDS_PER_WRITER)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for person_id in ("1001", "1002")
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{p}").exists() for p in ("1001", "1002")):
        assert time.monotonic() < deadline, "the writers did not start"
        stopped = [writer for writer in writers if writer.poll() is not None]
        assert not stopped, stopped[0].communicate()[1]
        time.sleep(0.01)
    go.touch()
    for writer in writers:
        _, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr

    with Register.open(path) as register:
        conn = register.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for person_id in ("1001", "1002"):
            notes = {record.note for record in register.consent_history(person_id)}
            assert notes == {f"write {i}" for i in range(RECORDS_PER_WRITER)}, person_id
        assert conn.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == 2 * RECORDS_PER_WRITER
        audit = conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'consent recorded'"
        ).fetchone()[0]
        assert audit == 2 * RECORDS_PER_WRITER
        # The writes really overlapped: the ids of the two writers' records interleave.
        owners = [row[0] for row in conn.execute("SELECT person_id FROM consents ORDER BY id")]
        switches = sum(1 for a, b in zip(owners, owners[1:], strict=False) if a != b)
        assert switches > 1, "the writers ran one after the other; the test proved nothing"
        assert register.may_appear("1001", "website", date(2026, 11, 25))
