"""A fresh register in a temporary folder, and a pupil in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spoenk_publisher.register import Person, Register, Role


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return tmp_path / "register.db"


@pytest.fixture
def register(register_path: Path) -> Iterator[Register]:
    with Register.open(register_path, actor="tester") as opened:
        yield opened


@pytest.fixture
def sanne(register: Register) -> Person:
    """A pupil without any consent record."""
    return register.add_person(Person("1001", "Sanne de Vries", "5B", Role.PUPIL))
