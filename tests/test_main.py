"""`python -m spoenk_publisher` (and the bundled executable): command line or desktop app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spoenk_publisher.__main__ import opens_gui
from spoenk_publisher.cli import main as cli

DEMO_PHOTO = (
    Path(__file__).resolve().parents[1] / "resources" / "demo_event" / "obama_and_biden.jpg"
)


@pytest.mark.parametrize(
    "args",
    [
        [],
        [str(DEMO_PHOTO)],  # "Open with" on one photo
        [str(DEMO_PHOTO.parent), str(DEMO_PHOTO)],
    ],
)
def test_no_arguments_or_only_paths_open_the_desktop_app(args):
    assert opens_gui(args, cli.commands)


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(DEMO_PHOTO), "--channel", "instagram"],
        ["--version"],
        ["-h"],
        ["chek", str(DEMO_PHOTO)],  # a typo: the command line says which commands exist
        [str(DEMO_PHOTO), "--channel", "instagram"],
    ],
)
def test_a_command_or_an_option_goes_to_the_command_line(args):
    assert not opens_gui(args, cli.commands)


def test_a_command_wins_over_a_file_of_the_same_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "export").mkdir()
    assert not opens_gui(["export"], cli.commands)


def test_python_m_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "spoenk_publisher", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("spoenk-publisher, version ")
