"""Reading a school's list as rows of text cells: CSV in any of Excel's encodings and separators,
or an .xlsx workbook. What the cells mean is decided elsewhere (``import_columns``).

A school exports its list from ParnasSys, Magister, SOMtoday or Social Schools and should not
have to edit it first, so this module accepts what those files look like in practice: UTF-8
with or without BOM, Windows-1252 (Excel's "CSV" on a Dutch Windows), UTF-16 (Excel's "Unicode
text"), ``;``, ``,`` or tab, title rows above the header, and the first sheet of a workbook (or
the first one with a recognisable header).

Cells are kept verbatim except for surrounding spaces, and the ``'`` that ``export_csv`` puts
before a cell Excel would run as a formula is taken off again (see ``unescape_formula``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from spoenk_publisher.messages import Message
from spoenk_publisher.register.errors import ImportProblem, RegisterImportError

#: How far down the header may be: title rows, an empty line, a date of export above it.
HEADER_SEARCH_ROWS = 20

#: Characters that make Excel (and LibreOffice) treat a cell as a formula: OWASP's list for
#: CSV injection. ``export_csv`` writes such a cell with a leading ``'``.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Quotes (what escaping added before) and then a formula start.
_FORMULA = re.compile("^'*[" + re.escape("".join(FORMULA_STARTS)) + "]")
_DELIMITERS = (";", ",", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


@dataclass(frozen=True)
class Table:
    """The rows of one file (or sheet) from its header on, with the line each came from."""

    kind: str  # "csv" or "xlsx"
    encoding: str  # for CSV: "utf-8", "utf-8-sig", "windows-1252", "utf-16"; "" for xlsx
    delimiter: str  # for CSV; "" for xlsx
    sheet: str  # for xlsx: the sheet's name; "" for CSV
    header_line: int
    header: list[str]
    rows: list[tuple[int, list[str]]]


def escape_formula(cell: str) -> str:
    """``cell`` as Excel shows it but never runs it: a leading ``'`` before a formula start.

    A cell that already starts with quotes and then a formula start gets one more, so that
    ``unescape_formula`` gives every cell back exactly (``'=x`` -> ``''=x`` -> ``'=x``).
    """
    return "'" + cell if _FORMULA.match(cell) else cell


def unescape_formula(cell: str) -> str:
    """Undo exactly ``escape_formula``: one ``'`` is removed from a cell that is quotes and then
    a formula start; any other cell stays as it is."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def clean_cell(cell: str) -> str:
    """A cell as the register keeps it: spaces around it removed, nothing else changed.

    Tabs and line breaks stay: stripping a leading tab would turn ``\\t=2+2`` into a formula.
    """
    return unescape_formula(cell.strip(" "))


def read_table(path: Path, header_score: Callable[[list[str]], int]) -> Table:
    """Read ``path`` and find its header: the row among the first ``HEADER_SEARCH_ROWS`` with
    the highest ``header_score`` (0 means "not a header"). Raises ``RegisterImportError``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        raise _problem(path, Message("csv_import.unreadable", detail=detail)) from None
    if not data.strip(b"\xef\xbb\xbf\r\n\t ;,"):
        raise _problem(path, Message("csv_import.empty"))
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(path, header_score)
    if data.startswith(_OLE_MAGIC):
        raise _problem(path, Message("csv_import.old_excel"))
    text, encoding = _decode(data)
    return _read_csv(path, text, encoding, header_score)


def _problem(path: Path, message: Message, line: int = 1) -> RegisterImportError:
    return RegisterImportError(path, [ImportProblem(line, None, message)])


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass  # a BOM and then Windows-1252: rare, but read it rather than refuse it
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Excel on a Dutch Windows saves "CSV (gescheiden door lijstscheidingsteken)" in
    # Windows-1252. Its five unused bytes are decoded as Latin-1 would, so no file is refused.
    return data.decode("windows-1252", errors=_LATIN1_FALLBACK), "windows-1252"


def _latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return "".join(chr(byte) for byte in error.object[error.start : error.end]), error.end


_LATIN1_FALLBACK = "spoenk-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1)


def _read_csv(
    path: Path, text: str, encoding: str, header_score: Callable[[list[str]], int]
) -> Table:
    lines = text.splitlines()
    first = lines[0].strip() if lines else ""
    sep_line = first.lower().startswith("sep=") and len(first) == 5
    candidates = (first[4],) if sep_line else _DELIMITERS
    best: tuple[int, int, str, list[tuple[int, list[str]]]] | None = None
    for delimiter in candidates:
        try:
            rows = _csv_rows(text, delimiter, skip_first=sep_line)
        except csv.Error as error:
            raise _problem(path, Message("csv_import.not_csv", detail=str(error))) from None
        score, index = _header_row(rows, header_score)
        # The best header wins; on a tie, the separator that splits the header into most cells.
        width = len(rows[index][1]) if index >= 0 else 0
        if best is None or (score, width) > (best[0], best[1]):
            best = (score, width, delimiter, rows[index:] if index >= 0 else [])
    assert best is not None
    score, _width, delimiter, rows = best
    if score <= 0:
        raise _problem(path, Message("csv_import.no_header", rows=HEADER_SEARCH_ROWS))
    (header_line, header), *body = rows
    return Table("csv", encoding, delimiter, "", header_line, header, body)


def _csv_rows(text: str, delimiter: str, *, skip_first: bool) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for cells in reader:
        line = start
        start = reader.line_num + 1
        if skip_first and line == 1:
            continue
        rows.append((line, [clean_cell(cell) for cell in cells]))
    return rows


def _header_row(
    rows: list[tuple[int, list[str]]], header_score: Callable[[list[str]], int]
) -> tuple[int, int]:
    """The score and index of the best header row among the first rows (index -1: none)."""
    best_score, best_index = 0, -1
    for index, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells)
        if score > best_score:
            best_score, best_index = score, index
    return best_score, best_index


def _read_xlsx(path: Path, header_score: Callable[[list[str]], int]) -> Table:
    from openpyxl import load_workbook  # imported here: only a workbook needs it

    try:
        # read_only streams the sheet (a school's list can be thousands of rows); data_only
        # gives the value a formula last showed in Excel, never the formula itself.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged or foreign file
        detail = str(error) or type(error).__name__
        raise _problem(path, Message("csv_import.xlsx_unreadable", detail=detail)) from None
    try:
        found: Table | None = None
        for sheet in workbook.worksheets:
            rows = _sheet_rows(sheet.iter_rows(values_only=True))
            score, index = _header_row(rows, header_score)
            if score > 0:
                header_line, header = rows[index]
                found = Table("xlsx", "", "", sheet.title, header_line, header, rows[index + 1 :])
                break  # the first sheet with a header: schools put the list first
    finally:
        workbook.close()
    if found is None:
        raise _problem(path, Message("csv_import.no_header", rows=HEADER_SEARCH_ROWS))
    return found


def _sheet_rows(values: Iterable[tuple[object, ...]]) -> list[tuple[int, list[str]]]:
    rows = []
    for line, row in enumerate(values, start=1):
        cells = [_cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        rows.append((line, cells))
    return rows


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a pupil number typed as a number: 123456.0 -> 123456
    return clean_cell(str(value))
