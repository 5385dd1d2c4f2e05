"""Exact quotients written out plainly (shared by the area split and the residents' keys)."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["plain"]

_UNIT = Decimal(0)


def plain(value: Decimal) -> Decimal:
    """``value`` without a positive exponent: an exact quotient such as 6,600 ÷ 82.5 is ``Decimal('8E+1')``.

    Its text would then depend on the caller's decimal context (``capitals``) and read oddly in an
    audit record; adding a zero of exponent 0 gives the same number as ``Decimal('80')``.
    Call it inside ``localcontext(CONTEXT)``.

    >>> plain(Decimal(6600) / Decimal("82.5")), plain(Decimal("2.50"))
    (Decimal('80'), Decimal('2.50'))
    """
    return value + _UNIT
