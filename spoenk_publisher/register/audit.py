"""The audit log: who (the OS user) changed what in the register, and when.

A line names the person by id only and holds no names, groups or face data, so it can outlive
a removed person. The schema refuses to change or delete a line.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlite_utils import Database

from spoenk_publisher.register.db import utc_timestamp


class AuditAction(StrEnum):
    """The kinds of change the log records."""

    PERSON_ADDED = "person added"
    PERSON_UPDATED = "person updated"
    PERSON_REMOVED = "person removed"
    CONSENT_RECORDED = "consent recorded"
    CONSENT_WITHDRAWN = "consent withdrawn"
    FACE_ENROLLED = "reference face added"
    CHANNEL_ADDED = "channel added"
    CSV_IMPORTED = "csv imported"
    PHOTOS_EXPORTED = "photos exported"
    FACE_DECIDED = "face decided by hand"


@dataclass(frozen=True)
class AuditEntry:
    """One line of the log."""

    id: int
    at: datetime
    actor: str
    action: str
    person_id: str | None
    detail: str

    def __str__(self) -> str:
        local = self.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        who = f" {self.person_id}" if self.person_id else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{local}  {self.actor}  {self.action}{who}{detail}"


def current_actor() -> str:
    """The OS user running the app (the "who" of every change)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service): still say something useful
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown user"


def record_change(
    db: Database,
    actor: str,
    action: AuditAction,
    person_id: str | None = None,
    detail: str = "",
) -> None:
    """Append one line; call it inside the transaction that makes the change."""
    db.conn.execute(
        "INSERT INTO audit_log (at, actor, action, person_id, detail) VALUES (?, ?, ?, ?, ?)",
        (utc_timestamp(), actor, str(action), person_id, detail),
    )


def audit_entries(
    db: Database, person_id: str | None = None, limit: int | None = None
) -> list[AuditEntry]:
    """The log, oldest first (the last ``limit`` lines when given)."""
    sql = "SELECT id, at, actor, action, person_id, detail FROM audit_log"
    params: list[object] = []
    if person_id is not None:
        sql += " WHERE person_id = ?"
        params.append(person_id)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = db.conn.execute(sql, params).fetchall()
    return [
        AuditEntry(entry_id, datetime.fromisoformat(at), actor, action, pid, detail)
        for entry_id, at, actor, action, pid, detail in reversed(rows)
    ]
