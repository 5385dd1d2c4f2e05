"""Argument checks shared by every public function.

Each check returns the value in its canonical type or raises
:class:`~eghnrw.errors.InvalidInputError` naming the argument, the value received and what
would be valid. Amounts are checked in :mod:`eghnrw.money`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from eghnrw.errors import InvalidInputError
from eghnrw.money import parse_amount

__all__ = [
    "check_bool",
    "check_count",
    "check_date",
    "check_non_negative",
    "check_percent",
    "check_positive",
    "enum_value",
]

E = TypeVar("E", bound=Enum)


def check_date(value: object, argument: str) -> date:
    """A ``datetime.date`` (not a ``datetime``, whose time and zone a date rule would ignore)."""
    if isinstance(value, datetime):
        raise InvalidInputError(argument, value, "pass a datetime.date, not a datetime (use .date())")
    if not isinstance(value, date):
        raise InvalidInputError(argument, value, f"pass a datetime.date, not {type(value).__name__}")
    return value


def check_count(value: object, argument: str, *, minimum: int = 0, maximum: int = 10**9) -> int:
    """A whole number (``int``, not ``bool``) from ``minimum`` to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(argument, value, f"pass a whole number (int) from {minimum} to {maximum:,}")
    if not minimum <= value <= maximum:
        raise InvalidInputError(argument, value, f"pass a whole number from {minimum} to {maximum:,}")
    return value


def check_bool(value: object, argument: str) -> bool:
    """``True`` or ``False`` and nothing else (no ``0``/``1``, no strings)."""
    if not isinstance(value, bool):
        raise InvalidInputError(argument, value, "pass True or False")
    return value


def check_non_negative(value: object, argument: str) -> Decimal:
    """An amount of zero or more."""
    number = parse_amount(value, argument)
    if number < 0:
        raise InvalidInputError(argument, value, "pass an amount of zero or more")
    return number


def check_positive(value: object, argument: str) -> Decimal:
    """An amount above zero (a divisor, a count of hours or days)."""
    number = parse_amount(value, argument)
    if number <= 0:
        raise InvalidInputError(argument, value, "pass an amount above zero")
    return number


def check_percent(value: object, argument: str, *, above_zero: bool = False, at_most_100: bool = False) -> Decimal:
    """A percentage: zero or more (above zero if ``above_zero``; at most 100 if ``at_most_100``)."""
    number = parse_amount(value, argument)
    low_ok = number > 0 if above_zero else number >= 0
    if not low_ok or (at_most_100 and number > 100):
        low = "above 0" if above_zero else "from 0"
        high = " up to 100" if at_most_100 else ""
        raise InvalidInputError(argument, value, f"pass a percentage {low}{high}")
    return number


def enum_value(kind: type[E], value: object, argument: str) -> E:
    """``value`` as a member of ``kind`` (the member or its string value), or :class:`InvalidInputError`.

    Only members and strings are looked up: anything else is refused before the enum sees it.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in kind)
    raise InvalidInputError(argument, value, f"pass one of {allowed}")
