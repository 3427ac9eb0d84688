"""The demo register makes the demo event show every kind of decision without any setup."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from spoenk_publisher.cli import main
from spoenk_publisher.core.analysis import analyse_photo
from spoenk_publisher.core.decisions import ConsentSnapshot, decide_photo
from spoenk_publisher.demo import NotADemoRegister, create_demo_register
from spoenk_publisher.paths import DEMO_EVENT_DIR, demo_register_path
from spoenk_publisher.register import Person, Register, Role


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory) -> Path:
    return create_demo_register(tmp_path_factory.mktemp("demo") / "demo-register.db")


def test_the_demo_event_shows_every_kind_of_decision(demo_register, today):
    analysis = analyse_photo(DEMO_EVENT_DIR / "obama_and_biden.jpg")
    with Register.open(demo_register) as register:
        snapshot = ConsentSnapshot.from_register(register, "instagram", today)
        assert register.reference_face_count() == 4
    decision = decide_photo(analysis.faces, snapshot)

    kinds = {(face.action, face.reason, face.name) for face in decision.faces}
    assert ("keep", "consent", "Barack Obama") in kinds
    assert ("blur", "no_consent", "Joe Biden") in kinds
    # The child: out of focus in the background, so not even compared with the register.
    assert ("blur", "unreliable", None) in kinds
    assert decision.verdict == "blur"


def test_making_it_again_replaces_the_earlier_demo(demo_register, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_register, path)  # an earlier demo
    with Register.open(path) as register:  # which the user played with
        register.record_consent("DEMO-4", "website", True)
    create_demo_register(path)
    with Register.open(path) as register:
        assert [p.name for p in register.people()] == [
            "Barack Obama",
            "Joe Biden",
            "Kit Harington",
            "Rose Leslie",
        ]
        assert register.reference_face_count() == 4
        assert register.consent_history("DEMO-4") == []  # the demo as shipped again


def test_a_real_register_is_never_overwritten(tmp_path):
    path = tmp_path / "register.db"
    with Register.open(path) as register:
        register.add_person(Person("1001", "Sanne de Vries", "5B", Role.PUPIL))

    with pytest.raises(NotADemoRegister):
        create_demo_register(path)

    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM people").fetchall() == [("Sanne de Vries",)]


def test_a_cancelled_demo_leaves_nothing_behind(tmp_path):
    path = tmp_path / "demo.db"
    assert create_demo_register(path, cancelled=lambda: True) is None
    assert list(tmp_path.iterdir()) == []


def test_the_default_place_is_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("SPOENK_REGISTER", str(tmp_path / "real.db"))
    assert demo_register_path() == tmp_path / "spoenk-publisher" / "demo-register.db"


def test_the_demo_command_says_where_it_made_the_register(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "spoenk-publisher" / "demo-register.db"
    assert str(path) in result.output
    assert path.exists()
