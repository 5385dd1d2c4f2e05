"""Excel workbooks (.xlsx) in and out, through openpyxl (the optional extra ``eghnrw[excel]``).

A small helper the commands share (``eghnrw run``, ``eghnrw demo --save``; a Kalkulation
template can use it too): write sheets row by row, read a sheet row by row, both in constant
memory (openpyxl's write-only and read-only modes).

- **Written**: numbers as numbers (``Decimal``, shown with their decimal places, at their
  rounding), dates as date cells (``TT.MM.JJJJ``), yes/no as booleans, and text as text cells:
  a text that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is stored as a
  string cell with Excel's quote prefix, never as a formula.
- **Read**: numbers come back exact as far as the file holds them (a float cell through its
  shortest representation, ``Decimal(repr(x))``, so 0.1 is ``Decimal('0.1')``), date cells as
  dates, text cells stripped; a formula cell gives the value Excel last computed.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Final

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Lang
from eghnrw.doors.cli._cells import cell_text, is_dangerous, shown
from eghnrw.doors.cli._commands import CommandError, OutputError
from eghnrw.doors.tables import XLSX_MAGIC, workbook_rows

__all__ = ["XLSX_MAGIC", "Workbook", "openpyxl", "read_rows"]

_DATE_FORMAT: Final = "DD.MM.YYYY"
#: Most decimal places a number format shows (further places are kept in the cell's value).
_MAX_PLACES: Final = 10
#: Control characters an .xlsx cannot hold (XML 1.0): written as their visible pictures, NUL as ␀, ESC as ␛.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _pictured(found: re.Match[str]) -> str:
    """A control character as its picture in Unicode's Control Pictures block (U+2400 + its code)."""
    return chr(0x2400 + ord(found[0]))


def openpyxl() -> ModuleType:
    """The openpyxl module, or a :class:`CommandError` that says how to install it.

    Raises:
        CommandError: openpyxl is not installed.
    """
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise CommandError("reading and writing .xlsx needs openpyxl: pip install 'eghnrw[excel]'") from None


def _number_format(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = min(-exponent, _MAX_PLACES) if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


class Workbook:
    """A workbook written sheet by sheet, row by row (write-only: constant memory)."""

    def __init__(self, target: str | Path | IO[bytes], *, lang: Lang = "de") -> None:
        self._openpyxl = openpyxl()
        self._book = self._openpyxl.Workbook(write_only=True)
        self._target = target
        self._lang: Lang = lang
        self._sheets: dict[str, Any] = {}

    def sheet(self, title: str, header: Sequence[str]) -> None:
        """Add a sheet with its header row (bold, frozen)."""
        sheet = self._book.create_sheet(title)
        sheet.freeze_panes = "A2"
        bold = self._openpyxl.styles.Font(bold=True)
        sheet.append([self._cell(sheet, name, font=bold) for name in header])
        self._sheets[title] = sheet

    def append(self, title: str, values: Sequence[object]) -> None:
        """Add a row to the sheet ``title``."""
        sheet = self._sheets[title]
        sheet.append([self._cell(sheet, value) for value in values])

    def _cell(self, sheet: Any, value: object, font: Any = None) -> Any:
        cell_type = self._openpyxl.cell.WriteOnlyCell
        if isinstance(value, Enum):
            value = value.value
        if value is None or isinstance(value, (bool, int)):
            cell = cell_type(sheet, value=value)
        elif isinstance(value, Decimal):
            amount = shown(value)
            cell = cell_type(sheet, value=amount)
            cell.number_format = _number_format(amount)
        elif isinstance(value, date) and not isinstance(value, datetime):
            cell = cell_type(sheet, value=value)
            cell.number_format = _DATE_FORMAT
        else:
            text = value if isinstance(value, str) else cell_text(value, lang=self._lang).removeprefix("'")
            cell = cell_type(sheet, value=_CONTROL.sub(_pictured, text))
            cell.data_type = "s"  # never a formula, whatever the text starts with
            if is_dangerous(text):
                cell.quotePrefix = True
        if font is not None:
            cell.font = font
        return cell

    def close(self) -> None:
        """Write the workbook (to the path or stream given).

        Raises:
            OutputError: it cannot be written there.
        """
        try:
            self._book.save(self._target)
        except OSError as exc:
            raise OutputError(f"cannot write {self._target}: {exc.strerror or exc}") from None


def read_rows(
    source: str | Path | IO[bytes], sheet: str | None = None
) -> tuple[Iterator[tuple[int, list[object]]], int]:
    """The rows of a sheet (the first, or ``sheet``) as ``(row number, cell values)``, and the row count.

    The cells as :func:`eghnrw.doors.tables.workbook_rows` reads them (a percent-formatted cell as a
    ``Percent``, an uncomputed formula as an ``Uncomputed``).

    Raises:
        CommandError: openpyxl is missing, the file is not a workbook, or it has no such sheet.
    """
    openpyxl()
    try:
        return workbook_rows(source, sheet)
    except InvalidInputError as exc:
        if exc.argument == "sheet":
            raise CommandError(f"--sheet: got {sheet!r}; {exc.expected.removeprefix('pass one of ')}") from None
        raise CommandError(
            f"not a readable .xlsx workbook{exc.expected.removeprefix('pass a readable .xlsx workbook')}"
        ) from None
