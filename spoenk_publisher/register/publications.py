"""What was published, and the face decisions made by hand: the tables of migration 0002."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from spoenk_publisher.base import Box, ManualDecision, same_face
from spoenk_publisher.register.db import utc_timestamp


class PublishedFile(Protocol):
    """What the register records of one exported file (``core.export.ExportedFile`` fits)."""

    @property
    def file(self) -> Path: ...
    @property
    def output_sha256(self) -> str: ...
    @property
    def source_sha256(self) -> str: ...
    @property
    def faces_blurred(self) -> int: ...
    @property
    def people(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class PublishedPhoto:
    """One exported file that shows a person unblurred."""

    exported_at: datetime
    actor: str
    channel: str
    out_dir: Path
    event: str
    file_name: str
    output_sha256: str
    source_sha256: str

    def __str__(self) -> str:
        when = self.exported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{when}  {self.channel}  {self.out_dir / self.file_name}  (by {self.actor})"


def insert_export(db: Database, actor: str, channel: str, out_dir: Path, event: str) -> int:
    cursor = db.conn.execute(
        "INSERT INTO exports (at, actor, channel, out_dir, event) VALUES (?, ?, ?, ?, ?)",
        (utc_timestamp(), actor, channel, str(Path(out_dir).resolve()), event),
    )
    return int(cursor.lastrowid)


def insert_exported_file(
    db: Database,
    export_id: int,
    file_name: str,
    output_sha256: str,
    source_sha256: str,
    faces_blurred: int,
    people: tuple[str, ...],
) -> None:
    cursor = db.conn.execute(
        "INSERT INTO exported_files (export_id, file_name, output_sha256, source_sha256,"
        " faces_blurred) VALUES (?, ?, ?, ?, ?)",
        (export_id, file_name, output_sha256, source_sha256, faces_blurred),
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO exported_people (file_id, person_id) VALUES (?, ?)",
        [(cursor.lastrowid, person_id) for person_id in people],
    )


def published_with(db: Database, person_id: str) -> list[PublishedPhoto]:
    """Every exported file showing ``person_id`` unblurred, oldest first."""
    rows = db.conn.execute(
        "SELECT e.at, e.actor, e.channel, e.out_dir, e.event, f.file_name, f.output_sha256,"
        " f.source_sha256 FROM exported_people p JOIN exported_files f ON f.id = p.file_id"
        " JOIN exports e ON e.id = f.export_id WHERE p.person_id = ? ORDER BY e.at, f.id",
        (person_id,),
    )
    return [
        PublishedPhoto(
            datetime.fromisoformat(at), actor, channel, Path(out), event, name, out_sha, src
        )
        for at, actor, channel, out, event, name, out_sha, src in rows
    ]


def is_exported_output(db: Database, sha256: str) -> bool:
    return (
        db.conn.execute(
            "SELECT 1 FROM exported_files WHERE output_sha256 = ? LIMIT 1", (sha256,)
        ).fetchone()
        is not None
    )


def manual_decisions(db: Database, photo_sha256: str) -> list[ManualDecision]:
    rows = db.conn.execute(
        "SELECT x0, y0, x1, y1, kind, person_id FROM manual_decisions WHERE photo_sha256 = ?"
        " ORDER BY id",
        (photo_sha256,),
    )
    return [
        ManualDecision(Box(x0, y0, x1, y1), kind, person) for x0, y0, x1, y1, kind, person in rows
    ]


def replace_manual_decision(
    db: Database, actor: str, photo_sha256: str, decision: ManualDecision
) -> None:
    """Store ``decision``, dropping earlier decisions about the same face."""
    _delete_overlapping(db, photo_sha256, decision.box)
    db.conn.execute(
        "INSERT INTO manual_decisions (photo_sha256, x0, y0, x1, y1, kind, person_id,"
        " decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            photo_sha256,
            *decision.box.as_list(),
            decision.kind,
            decision.person_id,
            utc_timestamp(),
            actor,
        ),
    )


def delete_manual_decision(db: Database, photo_sha256: str, box: Box) -> int:
    """Forget the decisions about the face at ``box``; returns how many were removed."""
    return _delete_overlapping(db, photo_sha256, box)


def _delete_overlapping(db: Database, photo_sha256: str, box: Box) -> int:
    rows = db.conn.execute(
        "SELECT id, x0, y0, x1, y1 FROM manual_decisions WHERE photo_sha256 = ?", (photo_sha256,)
    ).fetchall()
    doomed = [row[0] for row in rows if same_face(Box(*row[1:]), box)]
    db.conn.executemany("DELETE FROM manual_decisions WHERE id = ?", [(i,) for i in doomed])
    return len(doomed)
