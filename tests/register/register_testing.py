"""Constants shared by the register tests (imported as a module: conftest files are not)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CSV_DIR = DATA_DIR / "register"
PEOPLE_DIR = DATA_DIR / "people"

#: "Today" in these tests: in the school year that ends on 2027-07-31.
TODAY = date(2026, 11, 25)
