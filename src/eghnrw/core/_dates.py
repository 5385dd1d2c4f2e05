"""Private date helpers shared by :mod:`eghnrw.fristen.terms` and :mod:`eghnrw.fristen.deadlines`.

- :func:`agreement_day`: a ``datetime.date`` argument on or after the day a rule can apply and
  within the calendar's range (a few years of period arithmetic must stay inside it);
- :func:`non_werktag_reason`: why a day is no day for acting under § 193 BGB (its NRW holiday
  name, Samstag or Sonntag), for the traces;
- :func:`period_start_step`: the § 187 Abs. 1 BGB step every period started by an event shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from eghnrw.core._check import check_date
from eghnrw.core.calendar import LAST_YEAR, nrw_holiday_name
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.trace import Step

__all__ = ["EARLIEST_ANY", "LATEST_DAY", "agreement_day", "non_werktag_reason", "period_start_step"]

#: The earliest date a rule without a date of its own accepts: the calendar's first year.
EARLIEST_ANY: Final = date(1991, 1, 1)
#: The latest date a term or deadline rule accepts: a few years of period arithmetic stay inside the calendar.
LATEST_DAY: Final = date(LAST_YEAR - 3, 12, 31)

_WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def agreement_day(value: object, argument: str, *, earliest: date, why: str) -> date:
    """A ``datetime.date`` on or after ``earliest`` (``why`` says why) and within the calendar's range.

    Raises:
        InvalidInputError: ``value`` not a date, before ``earliest`` or after :data:`LATEST_DAY`.
    """
    day = check_date(value, argument)
    if day < earliest:
        raise InvalidInputError(argument, value, f"pass a date on or after {earliest:%d.%m.%Y} ({why})")
    if day > LATEST_DAY:
        raise InvalidInputError(argument, value, f"pass a date up to {LATEST_DAY:%d.%m.%Y} (the calendar's range)")
    return day


def non_werktag_reason(day: date) -> str:
    """Why ``day`` is not a day for acting under § 193 BGB: its holiday name, Samstag or Sonntag ('' if none)."""
    name = nrw_holiday_name(day)
    if name:
        return name
    return _WEEKDAYS_DE[day.weekday()] if day.weekday() >= 5 else ""


def period_start_step(
    event: date, de: str = "Frist beginnt am Folgetag", en: str = "the period starts the next day"
) -> Step:
    """The § 187 Abs. 1 BGB step: a period started by an event on ``event`` begins the next day."""
    return Step("§ 187 Abs. 1 BGB", de, en, event + timedelta(days=1))
