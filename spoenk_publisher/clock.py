"""The app's one clock: every "today" the app decides with comes from here.

Consent is valid *today*, a grant ends on 31 July of *this* school year, caches expire after
*n* days unused: a single place that says what day it is lets the tests set the day (and prove
that nothing breaks when the calendar moves on) without a second code path in the product.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

#: Set only by tests (``tests/conftest.py``), through ``set_today``.
_fixed_today: date | None = None


def today() -> date:
    """Today's date on this computer (or the day a test set)."""
    return _fixed_today or date.today()


def now_utc() -> datetime:
    """The current moment in UTC, for timestamps in the register and the caches."""
    return datetime.now(UTC)


def set_today(day: date | None) -> None:
    """Make ``today()`` answer ``day`` (None: the real date again). For tests only."""
    global _fixed_today
    _fixed_today = day
