"""The test run cannot touch a real file: the guard in ``sandbox.py`` is itself tested here."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
import sandbox

from spoenk_publisher.paths import default_register_path, user_data_dir
from spoenk_publisher.register import Register


@pytest.fixture
def caught():
    """The guard's record of this test's attempts, emptied afterwards (they were on purpose)."""
    yield sandbox.VIOLATIONS
    sandbox.VIOLATIONS.clear()


def test_writing_into_the_checkout_is_stopped_and_recorded(caught):
    probe = sandbox.CHECKOUT / "written-by-a-test.txt"
    with pytest.raises(sandbox.WriteOutsideTemporaryFolders):
        probe.write_text("no")
    assert not probe.exists()
    assert caught and str(probe) in caught[-1]


def test_the_default_register_cannot_be_opened_by_a_test(caught):
    # What a test gets that forgets to choose a register: the real one is never created.
    assert os.environ.get("SPOENK_REGISTER") is None
    real = default_register_path()
    existed = real.exists()
    with pytest.raises(sandbox.WriteOutsideTemporaryFolders):
        sqlite3.connect(real)
    with pytest.raises(Exception):  # noqa: B017 - whatever the register makes of it
        Register.open()
    assert real.exists() == existed
    assert any("sqlite3.connect" in attempt for attempt in caught)


def test_home_settings_caches_and_data_are_temporary():
    temp = Path(tempfile.gettempdir()).resolve()
    for folder in (Path.home(), user_data_dir(), Path(os.environ["XDG_CACHE_HOME"])):
        assert temp in folder.resolve().parents
    assert sandbox.REAL_HOME not in Path.home().resolve().parents


def test_temporary_folders_and_read_only_opens_are_allowed(tmp_path, caught):
    (tmp_path / "fine.txt").write_text("yes")
    sqlite3.connect(tmp_path / "fine.db").close()
    assert (sandbox.CHECKOUT / "README.md").read_text(encoding="utf-8")
    assert caught == []
