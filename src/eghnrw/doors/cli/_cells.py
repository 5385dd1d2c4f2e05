"""A value as a table cell (CSV or spreadsheet): amounts at their rounding, lists readable, text safe.

- **Amounts** are shown at their rounding: an exact intermediate that is whole cents
  (``870000.000``) is shown as cents (``870000.00``); other figures keep every digit (the JSON
  audit record has them all in any case).
- **Lists** read as text, not JSON: ``29.30; 29.29; 29.29``; a timeline entry as its date, its
  step and its clause.
- **Formula injection** (OWASP's CSV-injection rule): a text cell that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return is written with a leading ``'``, so Excel and LibreOffice
  show it as text instead of running it. Numbers stay numbers (``-5.00`` is not text). eghnrw's
  readers take the ``'`` off again (:func:`unneutralise`), so a table eghnrw wrote reads back equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Final

from eghnrw.core.trace import Lang
from eghnrw.doors.cli._german import excel_number
from eghnrw.doors.tables import DANGEROUS, is_dangerous, neutralise, unneutralise

__all__ = ["DANGEROUS", "cell_text", "is_dangerous", "neutralise", "shown", "unneutralise"]

_CENT: Final = Decimal("0.01")


def shown(value: Decimal) -> Decimal:
    """An amount at its rounding: whole cents with more places are shown as cents.

    >>> shown(Decimal("870000.000")), shown(Decimal("108.625856")), shown(Decimal("8409.6"))
    (Decimal('870000.00'), Decimal('108.625856'), Decimal('8409.6'))
    """
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value.is_finite():
        cents = value.quantize(_CENT)
        if cents == value:
            return cents
    return value


def cell_text(value: object, *, excel: bool = False, lang: Lang = "de") -> str:
    """``value`` as the text of a CSV cell, safe against formula injection.

    ``excel``: German Excel's syntax (decimal comma, ``TT.MM.JJJJ``, ``WAHR``/``FALSCH``).

    >>> cell_text(Decimal("870000.000")), cell_text(Decimal("870000.000"), excel=True)
    ('870000.00', '870000,00')
    >>> cell_text((Decimal("29.30"), Decimal("29.29"))), cell_text(True, excel=True)
    ('29.30; 29.29', 'WAHR')
    >>> cell_text("=1+1")
    "'=1+1"
    """
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, (bool, int, Decimal, date)):
        return _scalar(value, excel=excel)
    return neutralise(_readable(value, excel=excel, lang=lang))


def _scalar(value: bool | int | Decimal | date, *, excel: bool) -> str:  # noqa: FBT001
    if isinstance(value, bool):
        if excel:
            return "WAHR" if value else "FALSCH"
        return "true" if value else "false"
    if isinstance(value, Decimal):
        value = shown(value)
        return excel_number(value) if excel else f"{value:f}"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y") if excel else value.isoformat()
    return str(value)


def _readable(value: object, *, excel: bool, lang: Lang) -> str:
    """A composite value as text: lists by ``; ``, mappings as ``name=value``, timeline entries by date."""
    if value is None or isinstance(value, (Enum, str, bool, int, Decimal, date)):
        return cell_text(value, excel=excel, lang=lang).removeprefix("'")
    if isinstance(value, Mapping):
        return "; ".join(f"{key}={_readable(item, excel=excel, lang=lang)}" for key, item in value.items())
    day, clause = getattr(value, "day", None), getattr(value, "clause", None)
    if isinstance(day, date) and isinstance(clause, str):  # a timeline entry
        text = getattr(value, "de" if lang == "de" else "en", "")
        return f"{_scalar(day, excel=excel)} {text} [{clause}]".replace("  ", " ")
    if isinstance(value, (list, tuple)):
        return "; ".join(_readable(item, excel=excel, lang=lang) for item in value)
    return str(value)
