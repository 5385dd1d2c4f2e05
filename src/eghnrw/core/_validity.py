"""Validity periods of dated values: a parameter value, an entry of a rate table.

A period runs from ``valid_from`` to ``valid_until`` inclusive; ``valid_until=None`` leaves it open.
One module for the three questions every dated table asks: is a period in order, does it cover a
day, and do periods of the same thing overlap (or leave a gap, where a table must be complete).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Protocol, TypeVar

__all__ = ["Dated", "check_period", "covers", "first_clash"]


class Dated(Protocol):
    """Anything with a validity period."""

    @property
    def valid_from(self) -> date: ...

    @property
    def valid_until(self) -> date | None: ...


def check_period(valid_from: date, valid_until: date | None) -> None:
    """Raise ``ValueError`` (a pydantic validation error in a model) if the period ends before it starts."""
    if valid_until is not None and valid_until < valid_from:
        raise ValueError(f"valid_until {valid_until} lies before valid_from {valid_from}")


def covers(period: Dated, day: date) -> bool:
    """Whether ``period`` is valid on ``day``."""
    return period.valid_from <= day and (period.valid_until is None or day <= period.valid_until)


T = TypeVar("T", bound=Dated)


def first_clash(periods: Sequence[T], *, gapless: bool = False) -> tuple[T, T] | None:
    """The first two periods (by ``valid_from``) that overlap — or, if ``gapless``, that do not adjoin."""
    for earlier, later in pairwise(sorted(periods, key=lambda p: p.valid_from)):
        if earlier.valid_until is None or earlier.valid_until >= later.valid_from:
            return earlier, later
        if gapless and earlier.valid_until + timedelta(days=1) != later.valid_from:
            return earlier, later
    return None
