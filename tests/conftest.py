"""What every test runs in: the sandbox (``sandbox.py``: no screen, a private home, a guard
against writes outside the temporary folders) and the app's clock, set with ``--today``."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
import sandbox  # noqa: F401 - first: it sets up the environment before anything reads it
from sandbox import PRIVATE_HOME, VIOLATIONS, changed_user_files

# -- the clock --------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today",
        default=os.environ.get("SPOENK_TEST_TODAY"),
        metavar="YYYY-MM-DD",
        help="Run the suite as if it were this day (the app's clock, spoenk_publisher.clock).",
    )


def _chosen_day(config: pytest.Config) -> date | None:
    value = config.getoption("--today")
    return date.fromisoformat(value) if value else None


def pytest_configure(config: pytest.Config) -> None:
    # Session and module fixtures (a register built once) run on the chosen day too.
    from spoenk_publisher import clock

    clock.set_today(_chosen_day(config))


def pytest_report_header(config: pytest.Config) -> str:
    day = config.getoption("--today")
    return f"spoenk clock: {day or 'the real date'}; home: {PRIVATE_HOME}"


@pytest.fixture(autouse=True)
def _app_clock(request: pytest.FixtureRequest):
    """Every test runs on the day given with --today (default: the real date)."""
    from spoenk_publisher import clock

    clock.set_today(_chosen_day(request.config))
    yield
    clock.set_today(_chosen_day(request.config))


@pytest.fixture(autouse=True)
def _messages_in_dutch():
    """Every test starts with the messages in Dutch (the default), whatever a test before it
    chose with --lang."""
    from spoenk_publisher import messages

    messages.set_language(None)
    yield
    messages.set_language(None)


@pytest.fixture
def today() -> date:
    """The day this test runs on (see --today)."""
    from spoenk_publisher import clock

    return clock.today()


@pytest.fixture
def set_today():
    """Set the app's clock for the rest of one test (reset after it by ``_app_clock``)."""
    from spoenk_publisher import clock

    return clock.set_today


@pytest.fixture(autouse=True)
def _no_writes_outside_temporary_folders():
    """Fail the test that wrote outside the temporary folders, even if the app caught the
    error the guard raised."""
    VIOLATIONS.clear()
    yield
    if VIOLATIONS:
        found = "; ".join(dict.fromkeys(VIOLATIONS))
        VIOLATIONS.clear()
        pytest.fail(f"the test wrote outside its temporary folders: {found}")


# -- the end of the run -----------------------------------------------------------------------


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(PRIVATE_HOME, ignore_errors=True)
    # With test processes (pytest-xdist) this runs in each and in the controller, whose
    # snapshot of the user's files was taken before any test ran: it sees what any process did.
    changed = changed_user_files()
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                "FAILED: the run changed files outside its temporary folders: "
                + ", ".join(changed),
                red=True,
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
