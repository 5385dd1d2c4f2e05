"""Tables as people keep them — German Excel CSV and .xlsx workbooks — read into exact values.

One reader for every door: :func:`read_table` (a pandas DataFrame), and ``eghnrw run``,
``eghnrw kalkulation FILE.xlsx`` at the command line, which read their cells through the same
functions here (:func:`workbook_rows`, :func:`detect_encoding`, :func:`sniff_delimiter`) and their
numbers through :func:`eghnrw.money.parse_amount`.

A workbook cell means what Excel shows:

- a cell **formatted as a percentage** (``0 %``, ``0,00 %``) shows ``95 %`` for the stored 0.95: it
  is read as :class:`Percent` ``95``, never as 0.95;
- a **number** cell is read through its shortest decimal form (a float cell ``0.1`` is
  ``Decimal('0.1')``), a **date** cell as a date, a **text** cell stripped;
- a **formula** cell gives the value Excel last computed; a formula that was never computed (a file
  written by a program and never opened in Excel) is an :class:`Uncomputed` cell, so a reader can
  say what it is and what to do instead of reading it as empty.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Final

from eghnrw.errors import EghnrwError, InvalidInputError

__all__ = ["XLSX_MAGIC", "Percent", "Uncomputed", "workbook_rows"]

#: The first bytes of every .xlsx file (a zip archive).
XLSX_MAGIC: Final = b"PK\x03\x04"
#: Parts of a number format that are shown as they are, not as format codes ("%" in quotes is text).
_LITERALS: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
#: The first characters that make a spreadsheet read a text cell as a formula (OWASP's CSV-injection rule).
DANGEROUS: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?", re.ASCII)


class MissingExtraError(EghnrwError, ModuleNotFoundError):
    """An optional library eghnrw needs for this call is not installed; the message names the extra."""


class Percent(Decimal):
    """A number Excel shows as a percentage, in percent: the stored 0.95 of a ``0 %`` cell is ``Percent('95')``.

    A ``Decimal`` in every respect (it compares, computes and pickles as one); its type only says
    that the cell was formatted as a percentage.

    >>> Percent("95") == Decimal("95"), Percent("95") + 1
    (True, Decimal('96'))
    """

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Uncomputed:
    """A formula cell without a computed value: the workbook was written by a program, never calculated."""

    coordinate: str
    formula: str

    def explain(self) -> str:
        """What the cell is and what to do, in one sentence.

        >>> Uncomputed("C2", "=B2*12").explain()[:47]
        'cell C2 holds the formula =B2*12 but no compute'
        """
        return (
            f"cell {self.coordinate} holds the formula {self.formula[:60]} but no computed value (the workbook was "
            "written by a program and never calculated): open it in Excel or LibreOffice and save it, or type the value"
        )


def openpyxl_module() -> ModuleType:
    """The openpyxl module.

    Raises:
        MissingExtraError: openpyxl is not installed (``pip install 'eghnrw[excel]'``).
    """
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise MissingExtraError("reading and writing .xlsx needs openpyxl: pip install 'eghnrw[excel]'") from None


@lru_cache(maxsize=256)
def is_percent_format(number_format: str | None) -> bool:
    """Whether Excel shows a cell of this number format as a percentage (a ``%`` that is no literal text).

    >>> is_percent_format("0%"), is_percent_format("0.00 %"), is_percent_format('0 "%"'), is_percent_format("General")
    (True, True, False, False)
    """
    return bool(number_format) and "%" in _LITERALS.sub("", number_format or "")


def workbook_rows(
    source: str | Path | IO[bytes], sheet: str | None = None
) -> tuple[Iterator[tuple[int, list[object]]], int]:
    """The rows of a sheet (the first, or ``sheet``) as ``(row number, cell values)``, and the row count.

    Cells as described in the module's docstring: ``Percent``, ``Decimal``, ``int``, ``bool``,
    ``datetime``, ``str`` (stripped), ``None`` for an empty cell, ``Uncomputed`` for a formula
    without a computed value. Constant memory (openpyxl's read-only mode).

    Raises:
        MissingExtraError: openpyxl is missing.
        InvalidInputError: the file is not a workbook (argument ``source``), or has no such sheet
            (argument ``sheet``).
    """
    module = openpyxl_module()
    book = _load(module, source, data_only=True)
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        raise InvalidInputError("sheet", sheet, f"pass one of the workbook's sheets: {', '.join(book.sheetnames)}")
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    total = worksheet.max_row or 0
    formulas: list[dict[str, str]] = []  # filled on the first cell that may be an uncomputed formula

    def uncomputed(cell: Any) -> Uncomputed | None:
        if not formulas:
            formulas.append(_formulas(module, source, worksheet.title))
        formula = formulas[0].get(cell.coordinate)
        return None if formula is None else Uncomputed(cell.coordinate, formula)

    def rows() -> Iterator[tuple[int, list[object]]]:
        width = worksheet.max_column or 0
        try:
            for number, row in enumerate(worksheet.iter_rows(), 1):
                values = [_value(cell, uncomputed) for cell in row]
                width = max(width, len(values))  # a row's empty cells at the end may be left out of the file
                yield number, values + [None] * (width - len(values))
        finally:
            book.close()

    return rows(), total


def _load(module: ModuleType, source: str | Path | IO[bytes], *, data_only: bool) -> Any:
    if not isinstance(source, (str, Path)):
        source.seek(0)
    try:
        return module.load_workbook(source, read_only=True, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        name = source if isinstance(source, (str, Path)) else getattr(source, "name", "the stream")
        raise InvalidInputError(
            "source", str(name), f"pass a readable .xlsx workbook ({type(exc).__name__}: {str(exc)[:200]})"
        ) from None


def _formulas(module: ModuleType, source: str | Path | IO[bytes], title: str) -> dict[str, str]:
    """The formula of every formula cell of the sheet ``title``, by coordinate (a second, rarer pass)."""
    position = None if isinstance(source, (str, Path)) else source.tell()
    book = _load(module, source, data_only=False)
    try:
        return {
            cell.coordinate: str(cell.value)
            for row in book[title].iter_rows()
            for cell in row
            if getattr(cell, "data_type", None) == "f"
        }
    finally:
        book.close()
        if position is not None and not isinstance(source, (str, Path)):
            source.seek(position)


def _value(cell: Any, uncomputed: Any) -> object:
    value = cell.value
    if value is None:
        # An empty cell inside the sheet's data is a ReadOnlyCell too; only a formula cell has a formula.
        return uncomputed(cell) if hasattr(cell, "coordinate") and cell.data_type == "n" else None
    if isinstance(value, str):
        return unneutralise(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # a date, a time
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    number = Decimal(repr(value)) if isinstance(value, float) else value
    return Percent(Decimal(number).scaleb(2)) if is_percent_format(cell.number_format) else number


def is_dangerous(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (a plain number is not).

    >>> is_dangerous("=HYPERLINK(1)"), is_dangerous("-12.50"), is_dangerous("Haus A")
    (True, False, False)
    """
    return text.startswith(DANGEROUS) and _NUMBER.fullmatch(text) is None


def neutralise(text: str) -> str:
    """``text`` safe for a CSV cell: a leading ``'`` where a spreadsheet would run it as a formula (OWASP).

    >>> neutralise("+cmd|' /C calc'!A0"), neutralise("-5"), neutralise("Haus A")
    ("'+cmd|' /C calc'!A0", '-5', 'Haus A')
    """
    return "'" + text if is_dangerous(text) else text


def unneutralise(text: str) -> str:
    """The text a neutralised cell stood for (the inverse of :func:`neutralise`).

    >>> unneutralise("'=1+1"), unneutralise("'quoted'")
    ('=1+1', "'quoted'")
    """
    return text[1:] if text.startswith("'") and is_dangerous(text[1:]) else text


#: Percent fields whose value cannot be 1 % or less: an agreed occupancy (LRV A.4.5 Abs. 2) of 1 % is no occupancy.
_NEVER_AT_MOST_ONE: Final = frozenset({"occupancy_percent"})


def doubtful_percent(column: str, value: object) -> tuple[bool, str] | None:
    """A number in a percent column from a cell *not* formatted as a percentage that may mean a fraction.

    Excel stores "95 %" as 0.95 and shows it as 95 % only in a cell formatted as a percentage; the
    same 0.95 in a plain number cell (pasted, or formatted as a number) reads as 0.95 %. So a plain
    number from 0 (excluded) to 1 (included) in a column whose name says percent is doubtful:
    refused (``True``) where such a value cannot be meant (``occupancy_percent``), otherwise
    reported (``False``) and used as written; with what to do. ``None``: nothing doubtful.
    docs/decisions.md says why.

    >>> doubtful_percent("occupancy_percent", Decimal("0.95"))[0]
    True
    >>> doubtful_percent("price_index_percent", Decimal("0.8"))[0], doubtful_percent("occupancy_percent", Percent("95"))
    (False, None)
    """
    if (
        "percent" not in column.casefold()
        or isinstance(value, (bool, Percent))
        or not isinstance(value, (int, Decimal))
    ):
        return None
    if not 0 < value <= 1:
        return None
    meant = Decimal(value).scaleb(2).normalize()
    shown = f"{Decimal(value):f}"
    if column in _NEVER_AT_MOST_ONE:
        return True, (
            f"a cell not formatted as a percentage reads as {shown} %, and an agreed occupancy of 1 % or less "
            f"cannot be meant: if {meant:f} % is meant, type {meant:f} or format the cell as a percentage (0 %)"
        )
    return False, (
        f"a number of 1 or less in a cell not formatted as a percentage is read as that many percent ({shown} → "
        f"{shown} %); if {meant:f} % is meant, type {meant:f} or format the cell as a percentage (0 %)"
    )
