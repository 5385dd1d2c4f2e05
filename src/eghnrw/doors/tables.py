"""Tables as people keep them — German Excel CSV and .xlsx workbooks — read into exact values.

One reader for every door: :func:`read_table` (a pandas DataFrame), and ``eghnrw run``,
``eghnrw kalkulation FILE.xlsx`` at the command line, which read their cells through the same
functions here (:func:`workbook_rows`, :func:`detect_encoding`, :func:`sniff_delimiter`) and their
numbers through :func:`eghnrw.core.money.parse_amount`.

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

import codecs
import csv
import io
import math
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from os import PathLike
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Final

from eghnrw.core._optional import optional_module
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import parse_amount

__all__ = ["read_table"]

#: The first bytes of every .xlsx file (a zip archive).
XLSX_MAGIC: Final = b"PK\x03\x04"
#: Parts of a number format that are shown as they are, not as format codes ("%" in quotes is text).
_LITERALS: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
#: The first characters that make a spreadsheet read a text cell as a formula (OWASP's CSV-injection rule).
DANGEROUS: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?", re.ASCII)
_GERMAN_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


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
        OptionalDependencyError: openpyxl is not installed (``pip install 'eghnrw[excel]'``).
    """
    module: ModuleType = optional_module("openpyxl", extra="excel", feature="reading and writing .xlsx")
    return module


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
        OptionalDependencyError: openpyxl is missing.
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


# --- CSV ----------------------------------------------------------------------------------------

_UTF8_BOM: Final = codecs.BOM_UTF8


def detect_encoding(binary: IO[bytes], chosen: str | None = None) -> str:
    """The encoding of a text file: ``chosen``, else UTF-8 (with or without BOM) if every byte is, else cp1252.

    cp1252 is what German Excel writes as "CSV (Trennzeichen-getrennt)". The whole file is checked
    (checking its beginning only could switch encodings half-way). Leaves ``binary`` anywhere.

    Raises:
        InvalidInputError: ``chosen`` is no encoding Python knows (argument ``encoding``).
    """
    if chosen is not None:
        try:
            return codecs.lookup(chosen).name
        except LookupError:
            raise InvalidInputError("encoding", chosen, "pass an encoding such as utf-8, utf-8-sig or cp1252") from None
    binary.seek(0)
    if binary.read(len(_UTF8_BOM)) == _UTF8_BOM:
        return "utf-8"
    binary.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := binary.read(1 << 20):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def sniff_delimiter(header: str) -> str:
    """``;`` (German Excel's separator, as ``,`` is its decimal comma) if the header has more of them than ``,``.

    >>> sniff_delimiter("kind;id;kosten"), sniff_delimiter("kind,id,cost")
    (';', ',')
    """
    return ";" if header.count(";") > header.count(",") else ","


# --- read_table ---------------------------------------------------------------------------------


def read_table(
    path_or_buffer: str | PathLike[str] | IO[bytes] | IO[str],
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    decimal_comma: bool | None = None,
    text: Iterable[str] = (),
) -> Any:
    r"""A CSV file or an .xlsx sheet as a pandas ``DataFrame`` with exact values: the reader of ``eghnrw run``.

    - **CSV**: ``;`` or ``,`` separated (the header row decides), UTF-8 with or without BOM or
      cp1252 (:func:`detect_encoding`); numbers with a decimal comma (``"1.658.253,19"``) where
      ``decimal_comma`` says so — by default for a ``;``-separated file — else with a decimal
      point; a percentage as Excel saves it (``95 %``) is 95.
    - **.xlsx** (recognised by its content; needs ``eghnrw[excel]``): the first sheet or ``sheet``;
      cells as Excel shows them (:func:`workbook_rows`): a percentage cell (stored 0.95) is 95.

    The first row that is not blank is the header. A column whose every value is a number holds
    ``Decimal`` values (whole numbers: ``int``); every value yes or no (a boolean cell, ``true``/``false``,
    ``ja``/``nein``, ``wahr``/``falsch``): ``bool``; every value a date (a date cell, ``2024-03-15`` or
    ``15.03.2024``): ``datetime.date``; otherwise text (``str``), and a warning names a column where
    only some values were numbers. Columns named in ``text`` stay text (an id like ``"0815"``). An
    empty cell is ``None``. Never a float.

    >>> import io
    >>> df = read_table(io.BytesIO("Haus;Kosten;Auslastung\nA;1.658.253,19;95 %\n".encode("cp1252")))
    >>> df["Kosten"][0], df["Auslastung"][0], df["Haus"][0]
    (Decimal('1658253.19'), Decimal('95'), 'A')

    Raises:
        OptionalDependencyError: pandas (``eghnrw[pandas]``) or, for .xlsx, openpyxl (``eghnrw[excel]``) is missing.
        InvalidInputError: the file cannot be read (argument ``path_or_buffer``), an unknown
            ``encoding`` or ``sheet``, a header naming a column twice, a formula Excel never computed.
    """
    pandas = _pandas()
    binary = _binary(path_or_buffer)
    try:
        if binary.read(len(XLSX_MAGIC)) == XLSX_MAGIC:
            rows, _ = workbook_rows(binary, sheet)
            german = bool(decimal_comma)
            records = list(rows)
        else:
            records, german = _csv_records(binary, encoding, decimal_comma=decimal_comma)
    finally:
        if binary is not path_or_buffer:
            binary.close()
    header, body = _split_header(records)
    keep = set(text)
    columns = {name: _column(name, [row[i] if i < len(row) else None for row in body], german, keep) for i, name in
               enumerate(header)}  # fmt: skip
    return pandas.DataFrame({name: pandas.Series(values, dtype=_dtype(values)) for name, values in columns.items()})


def _pandas() -> Any:
    return optional_module("pandas", extra="pandas", feature="read_table")


#: The characters of a path a refusal shows (its repr, quotes included, stays within 80).
_PATH_SHOWN: Final = 78


def _binary(source: object) -> IO[bytes]:
    if isinstance(source, (str, PathLike)):
        try:
            return Path(source).open("rb")
        except OSError as exc:
            shown = str(source)  # a long path keeps its end, the file's name (the refusal shows 80 characters)
            shown = shown if len(shown) <= _PATH_SHOWN else "..." + shown[3 - _PATH_SHOWN :]
            raise InvalidInputError("path_or_buffer", shown, f"pass a readable file ({exc.strerror})") from None
    read = getattr(source, "read", None)
    if read is None:
        raise InvalidInputError("path_or_buffer", source, "pass a path or an open file (bytes or text)")
    if isinstance(source, io.TextIOBase) or isinstance(getattr(source, "encoding", None), str):
        return io.BytesIO(read().encode("utf-8"))
    return source  # type: ignore[return-value] # a binary file


def _csv_records(
    binary: IO[bytes], encoding: str | None, *, decimal_comma: bool | None
) -> tuple[list[tuple[int, list[object]]], bool]:
    binary.seek(0)
    chosen = detect_encoding(binary, encoding)
    binary.seek(0)
    try:
        content = binary.read().decode(chosen)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            "encoding", chosen, f"the file is not {chosen} ({exc.reason}): pass its encoding"
        ) from None
    content = content.removeprefix("\ufeff")
    first = next((line for line in content.splitlines() if line.strip()), "")
    delimiter = sniff_delimiter(first)
    german = delimiter == ";" if decimal_comma is None else decimal_comma
    try:
        rows = [
            (n, list(row)) for n, row in enumerate(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter), 1)
        ]
    except csv.Error as exc:
        raise InvalidInputError("path_or_buffer", "…", f"pass a valid CSV file ({exc})") from None
    return [(n, [unneutralise(cell.strip()) for cell in row]) for n, row in rows], german


def _split_header(records: list[tuple[int, list[object]]]) -> tuple[list[str], list[list[object]]]:
    for at, (_, row) in enumerate(records):
        if any(cell not in (None, "") for cell in row):
            header = ["" if cell is None else str(cell).strip() for cell in row]
            named = [name for name in header if name]
            twice = sorted({name for name in named if named.count(name) > 1})
            if twice:
                raise InvalidInputError("path_or_buffer", twice, "the header names these columns twice: name each once")
            body = [row for _, row in records[at + 1 :] if any(cell not in (None, "") for cell in row)]
            return header, body
    return [], []


def _column(name: str, cells: list[object], german: bool, keep: set[str]) -> list[object]:  # noqa: FBT001
    values = [None if cell == "" else cell for cell in cells]
    for row, value in enumerate(values, 2):
        if isinstance(value, Uncomputed):
            raise InvalidInputError(f"column {name!r}, row {row}", value.formula, value.explain())
    if name in keep:
        return [None if value is None else str(value) for value in values]
    given = [value for value in values if value is not None]
    if given and all(_truth(value) is not None for value in given):
        return [None if value is None else _truth(value) for value in values]
    if given and all(_is_day(value) for value in given):
        return [None if value is None else as_date(value) for value in values]
    numbers = [_number(value, german) for value in values]
    found = sum(number is not None for number in numbers)
    if given and found == len(given):
        whole = all(isinstance(number, int) for number in numbers if number is not None)
        return list(numbers) if whole else [None if n is None else Decimal(n) for n in numbers]
    if found:
        bad = next(value for value, number in zip(values, numbers, strict=True) if value is not None and number is None)
        warnings.warn(
            f"column {name!r} is read as text: {found} of its {len(given)} values are numbers, but not {bad!r}",
            UserWarning,
            stacklevel=3,
        )
    return [None if value is None else value if isinstance(value, str) else str(value) for value in values]


#: The yes/no words a clerk types in a column of flags (``skilled``: ``ja``), German or English.
_TRUTH: Final = {"true": True, "false": False, "wahr": True, "falsch": False, "ja": True, "nein": False}


def _truth(value: object) -> bool | None:
    """``True``/``False`` for a yes/no cell (a boolean cell, or one of :data:`_TRUTH` in any case), else ``None``."""
    if isinstance(value, bool):
        return value
    return _TRUTH.get(value.strip().lower()) if isinstance(value, str) else None


def _number(value: object, german: bool) -> Decimal | int | None:  # noqa: FBT001
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Percent):
        return Decimal(value)
    if isinstance(value, (int, Decimal)):
        return value
    if not isinstance(value, str):
        return None
    plain = value.removesuffix("%").rstrip()
    try:
        number = parse_amount(plain, "cell", decimal_comma=german)
    except InvalidInputError:
        return None
    return int(number) if plain == value and plain.lstrip("+-").isdigit() else number  # a count stays whole


def _is_day(value: object) -> bool:
    return as_date(value) is not None


def as_date(value: object) -> date | None:
    """A date as a table holds it — a date cell, ``2024-03-15`` or ``15.03.2024`` (German Excel's) — or ``None``.

    >>> as_date("15.03.2024"), as_date("2024-03-15"), as_date("31.02.2024"), as_date("15.3.24")
    (datetime.date(2024, 3, 15), datetime.date(2024, 3, 15), None, None)
    """
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        found = _GERMAN_DATE.fullmatch(value)
        try:
            if found:
                return date(int(found[3]), int(found[2]), int(found[1]))
            return date.fromisoformat(value) if _ISO_DATE.fullmatch(value) else None
        except ValueError:
            return None
    return None


def _dtype(values: list[object]) -> str:
    """``int64`` for a column of whole numbers without gaps, ``object`` for every other (exact values, never floats)."""
    if values and all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return "int64"
    return "object"
