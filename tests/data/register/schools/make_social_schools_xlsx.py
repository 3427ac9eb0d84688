"""Writes social-schools.xlsx, the made-up Social Schools export (see README.md).

Run from the checkout: ``.venv/bin/python tests/data/register/schools/make_social_schools_xlsx.py``.
The workbook is committed so that the tests read a real file; this script says how it was made.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def main() -> None:
    book = Workbook()
    about = book.active
    about.title = "Uitleg"  # a sheet without the list comes first: the import looks further
    about["A1"] = "Export van de toestemmingen uit Social Schools (voorbeeld, verzonnen namen)"
    about["A2"] = "Het blad Toestemmingen bevat de antwoorden per leerling."

    sheet = book.create_sheet("Toestemmingen")
    sheet.append(["Toestemmingen beeldmateriaal - groep 7 en 8"])  # a title row above the header
    sheet.append([])
    sheet.append(
        [
            "Roepnaam",
            "Tussenvoegsel",
            "Achternaam",
            "Geboortedatum",
            "Klasnaam",
            "Beeldmateriaal binnen Social Schools",
            "Beeldmateriaal buiten Social Schools",
        ]
    )
    sheet.append(["Mila", None, "Hendriks", "04-04-2014", "Groep 7", "Ja", "Ja"])
    # A real date cell, as Excel makes of a date typed into a cell.
    sheet.append(["Luuk", "van", "Dam", datetime(2013, 10, 12), "Groep 8", "Ja", "Nee"])
    sheet.append(["Tess", None, "Kok", "21-12-2013", "Groep 8", "Ja", "Niet ingevuld"])
    sheet["D5"].number_format = "DD-MM-YYYY"
    book.save(HERE / "social-schools.xlsx")


if __name__ == "__main__":
    main()
