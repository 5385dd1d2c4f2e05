"""German Excel's number and date syntax, read and written at the command line's boundary only.

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

from eghnrw.errors import InvalidInputError

__all__ = ["excel_number", "german_amount", "german_date"]

_COMMA: Final = re.compile(r"[+-]?\d+(?:,\d+)?", re.ASCII)
_GROUPED: Final = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+", re.ASCII)
_EURO: Final = re.compile(r"\s*€$")
_DATE: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)


def german_amount(text: str, argument: str) -> str:
    """``text`` in German number syntax as plain decimal syntax (the library's), or refuse it.

    >>> german_amount("1.234,56", "cost"), german_amount("700", "cost"), german_amount("-3,5 €", "cost")
    ('1234.56', '700', '-3.5')
    >>> german_amount("1.234", "cost")
    Traceback (most recent call last):
    ...
    eghnrw.errors.InvalidInputError: cost: got '1.234'; ...

    Raises:
        InvalidInputError: not a number in German syntax (a decimal point, or thousands points
            without a decimal comma).
    """
    plain = _EURO.sub("", text.replace("\u00a0", " ").strip())
    if _COMMA.fullmatch(plain):
        return plain.replace(",", ".")
    if _GROUPED.fullmatch(plain):
        return plain.replace(".", "").replace(",", ".")
    if "." in plain and "," not in plain:
        raise InvalidInputError(
            argument,
            text,
            "this input is read with decimal commas (German Excel): write the amount with a decimal comma "
            "(1234,56; thousands points only with a comma, as in 1.234,56), or pass --no-decimal-comma "
            "if the file uses decimal points",
        )
    return plain  # not a number at all: the library names what is wrong with it


def german_date(text: str) -> date | None:
    """A ``TT.MM.JJJJ`` date (German Excel's), or ``None`` if ``text`` is not one.

    >>> german_date("31.12.2026"), german_date("2026-12-31")
    (datetime.date(2026, 12, 31), None)
    """
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    try:
        return date(int(found[3]), int(found[2]), int(found[1]))
    except ValueError:
        return None


def excel_number(value: Decimal | int) -> str:
    """A number as German Excel reads it from CSV: a decimal comma, no thousands points, no exponent.

    >>> excel_number(Decimal("1234.50")), excel_number(-3), excel_number(Decimal("1E+3"))
    ('1234,50', '-3', '1000')
    """
    return f"{value:f}".replace(".", ",") if isinstance(value, Decimal) else str(value)
