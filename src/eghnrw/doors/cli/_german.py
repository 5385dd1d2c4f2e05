"""German Excel's number and date syntax, read and written at the command line's boundary only.

The grammar of German numbers is :func:`eghnrw.core.money.plain_syntax` (one for every reader:
``parse_amount(..., decimal_comma=True)``, ``read_table``, the command); this module adds the
command's messages and the walk through a whole document (:func:`german_document`).

German Excel writes ``;``-separated CSV with decimal commas (``700,00``), dates as ``TT.MM.JJJJ``
and, where a cell is so formatted, thousands points (``1.234,56``) and a Euro sign. The library
refuses all of it on purpose (``"1.234"`` is 1234 in German and 1.234 in plain syntax); the command
converts it only where the user says so or the file is detected as German Excel, and then strictly:

- ``700``, ``700,5``, ``-3,25``: a decimal comma;
- ``1.234,56``: thousands points only together with a decimal comma (``1.234`` alone is ambiguous
  and refused);
- a trailing ``€`` is dropped;
- a decimal point without thousands grouping (``625.00``) is refused: the file says it uses commas.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Final

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import plain_syntax
from eghnrw.doors.tables import as_date

__all__ = ["excel_number", "german_amount", "german_date", "german_document"]

_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
#: Text that is meant as a number (digits, points, commas, a sign, a Euro sign), not as a name.
_NUMBERISH: Final = re.compile(r"\s*[+-]?[\d.,]*\d[\d.,]*\s*€?\s*")


def german_amount(text: str, argument: str) -> str:
    """``text`` in German number syntax as plain decimal syntax (the library's), or refuse it.

    >>> german_amount("1.234,56", "cost"), german_amount("700", "cost"), german_amount("-3,5 €", "cost")
    ('1234.56', '700', '-3.5')
    >>> german_amount("1.234", "cost")
    Traceback (most recent call last):
    ...
    eghnrw.core.errors.InvalidInputError: cost: got '1.234'; ...

    Raises:
        InvalidInputError: not a number in German syntax (a decimal point, or thousands points
            without a decimal comma).
    """
    converted = plain_syntax(text)
    if converted is not None:
        return converted
    plain = text.strip()
    if "." in plain and "," not in plain:
        raise InvalidInputError(
            argument,
            text,
            "this input is read with decimal commas (German Excel): write the amount with a decimal comma "
            "(1234,56; thousands points only with a comma, as in 1.234,56), or pass --no-decimal-comma "
            "if the file uses decimal points",
        )
    return plain  # not a number at all: the library names what is wrong with it


def german_document(value: object, path: str = "data") -> object:
    """A JSON or TOML document (or a workbook's cells) with its German numbers and dates in the library's syntax.

    Every text that is a number (``"62.000,50"``) becomes plain syntax, every ``TT.MM.JJJJ`` an ISO
    date; names and other text stay as they are. ``path`` names a refused value (``data.posts[1].fte``).

    >>> german_document({"places": 24, "material_costs": "42.000,50", "posts": [{"fte": "2,5", "role": "VK 1"}]})
    {'places': 24, 'material_costs': '42000.50', 'posts': [{'fte': '2.5', 'role': 'VK 1'}]}

    Raises:
        InvalidInputError: a number not in German syntax (``625.00``, ``1.234``), named by its path.
    """
    if isinstance(value, dict):
        return {key: german_document(item, f"{path}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [german_document(item, f"{path}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, str):
        if (day := german_date(value.strip())) is not None:
            return day.isoformat()
        if _NUMBERISH.fullmatch(value):
            return german_amount(value, path)
    return value


def german_date(text: str) -> date | None:
    """A ``TT.MM.JJJJ`` date (German Excel's), or ``None`` if ``text`` is not one.

    >>> german_date("31.12.2026"), german_date("2026-12-31")
    (datetime.date(2026, 12, 31), None)
    """
    day = as_date(text) if _DATE.fullmatch(text) else None
    return day if isinstance(day, date) else None


def excel_number(value: Decimal | int) -> str:
    """A number as German Excel reads it from CSV: a decimal comma, no thousands points, no exponent.

    >>> excel_number(Decimal("1234.50")), excel_number(-3), excel_number(Decimal("1E+3"))
    ('1234,50', '-3', '1000')
    """
    return f"{value:f}".replace(".", ",") if isinstance(value, Decimal) else str(value)
