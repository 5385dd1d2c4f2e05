"""One date from the agreements (:class:`DueDate`): a duty to meet, a period's end, or a fixed day."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from eghnrw.core.calendar import apply_193

__all__ = ["DueDate"]


class DueDate(NamedTuple):
    """One date from the agreements: a duty to meet, a period's end, or a fixed day.

    ``nominal`` is the day the clause names (or the last day of the period ``period_start`` –
    ``nominal``); ``due`` is the same day moved by § 193 BGB where ``to_act`` and it falls on a
    Saturday, Sunday or NRW holiday.
    """

    due: date
    nominal: date
    clause: str
    de: str
    en: str
    to_act: bool
    period_start: date | None = None

    @property
    def moved_by_193(self) -> bool:
        """Whether § 193 BGB moved the day."""
        return self.due != self.nominal


def act_on(nominal: date, clause: str, de: str, en: str) -> DueDate:
    """A day to act by: § 193 BGB moves it off Saturdays, Sundays and NRW holidays."""
    return DueDate(apply_193(nominal), nominal, clause, de, en, to_act=True)


def fixed_on(nominal: date, clause: str, de: str, en: str) -> DueDate:
    """A day on which something takes effect or ends: not moved."""
    return DueDate(nominal, nominal, clause, de, en, to_act=False)
