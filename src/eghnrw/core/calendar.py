"""The German civil-law calendar for NRW: BGB periods (§§ 187–193), Werktage, public holidays.

- **§ 187 Abs. 1 BGB**: a period started by an event (a notice arrives, an audit ends) begins on
  the next day; **§ 188 Abs. 2** (1st case): it ends with the day whose number or name matches
  the event day; **§ 188 Abs. 3**: if that month lacks the day, with the month's last day.
- **§ 187 Abs. 2 BGB**: a period that begins at the start of a day (a term from 01.01) ends
  with the day *before* the matching day (§ 188 Abs. 2, 2nd case).
- :func:`period_end` is the one place that says which of § 188 Abs. 2 and Abs. 3 a last day
  rests on; every rule that cites it asks it rather than choosing by itself.
- Month and year periods are computed from the start in one step with
  :class:`dateutil.relativedelta.relativedelta`, which clamps to the month's last day exactly
  as § 188 Abs. 3 does — never chained month by month.
- **§ 193 BGB** moves the last day of a deadline *to act* off Saturdays, Sundays and public
  holidays to the next day that is none of these; it does not move notice periods or the dates
  on which something takes effect (BGH, Urteil vom 28.09.1972 - VII ZR 186/71; BGH III ZR 172/04).
- **Werktage**: every day but Sundays and public holidays (§ 3 Abs. 2 BUrlG); Saturday counts
  unless ``saturday_is_werktag=False``.

Public holidays are those of North Rhine-Westphalia from ``holidays.Germany(subdiv="NW")``,
imported on first use and cached per year (``import eghnrw`` does not load them).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

from dateutil.relativedelta import relativedelta

from eghnrw.core._check import check_bool, check_count, check_date
from eghnrw.core.errors import InvalidInputError

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = [
    "add_period",
    "add_period_from_start_of_day",
    "add_werktage",
    "apply_193",
    "is_werktag",
    "latest_event_day",
    "next_werktag",
    "werktage_between",
]

#: Holidays are known from German reunification (holidays' data for Germany starts in 1990)
#: up to a far but finite year, so no date arithmetic overflows.
FIRST_YEAR = 1991
LAST_YEAR = 2199

_SATURDAY, _SUNDAY = 5, 6

#: The clause of a last day that matches the start day by number or name (§ 188 Abs. 2 BGB).
MATCHING_DAY: Final = "§ 188 Abs. 2 BGB"
#: The clause of a last day that is a month's last day because that month lacks the matching day.
MONTH_LACKS_DAY: Final = "§ 188 Abs. 3 BGB"


def check_day(value: object, argument: str) -> date:
    """A ``datetime.date`` within the calendar's years (1991–2199), or :class:`InvalidInputError`."""
    day = check_date(value, argument)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInputError(argument, value, f"pass a date in the years {FIRST_YEAR} to {LAST_YEAR}")
    return day


def _in_range(day: date, argument: str, given: object) -> date:
    """``day``, computed from the caller's ``argument`` (which was ``given``), if it lies in 1991–2199.

    The error names the caller's argument with the value the caller passed, and the computed day
    in its explanation: the computed day was never the caller's value.
    """
    if FIRST_YEAR <= day.year <= LAST_YEAR:
        return day
    raise InvalidInputError(
        argument, given, f"the result would be {day.isoformat()}, outside the years {FIRST_YEAR} to {LAST_YEAR}"
    )


@lru_cache(maxsize=256)
def _holidays(year: int) -> dict[date, str]:
    return dict(_nrw_holidays_class()(subdiv="NW", years=year, language="de"))


@cache
def _nrw_holidays_class() -> type[HolidayBase]:
    """``holidays.Germany``, with its rules applied up to ``LAST_YEAR``.

    python-holidays returns *no* holidays at all after its ``end_year`` (2100), which would make
    Christmas 2150 a Werktag. The same statutory rules are carried forward to 2199, as they are for
    every future year before 2100.
    """
    from holidays.countries.germany import Germany  # noqa: PLC0415 - imported on first use: `import eghnrw` stays light

    class NrwHolidays(Germany):
        end_year = LAST_YEAR

    return NrwHolidays


def is_nrw_holiday(day: date) -> bool:
    """Whether ``day`` is a public holiday in North Rhine-Westphalia.

    >>> is_nrw_holiday(date(2024, 5, 30))  # Fronleichnam, a holiday in NRW but not in Berlin
    True
    """
    day = check_day(day, "day")
    return day in _holidays(day.year)


def nrw_holiday_name(day: date) -> str | None:
    """The German name of the NRW public holiday on ``day``, or ``None``.

    >>> nrw_holiday_name(date(2024, 11, 1))
    'Allerheiligen'
    """
    day = check_day(day, "day")
    return _holidays(day.year).get(day)


def is_werktag(day: date, *, saturday_is_werktag: bool = True) -> bool:
    """Whether ``day`` is a Werktag in NRW: not a Sunday, not a public holiday.

    Saturdays are Werktage (§ 3 Abs. 2 BUrlG reading); pass ``saturday_is_werktag=False`` where
    the practice counts only Monday to Friday.

    >>> is_werktag(date(2024, 11, 1))  # Allerheiligen
    False
    >>> is_werktag(date(2024, 11, 2)), is_werktag(date(2024, 11, 2), saturday_is_werktag=False)
    (True, False)

    Raises:
        InvalidInputError: ``day`` not a ``datetime.date`` in 1991–2199; ``saturday_is_werktag`` not a bool.
    """
    day = check_day(day, "day")
    saturday_counts = check_bool(saturday_is_werktag, "saturday_is_werktag")
    weekday = day.weekday()
    if weekday == _SUNDAY or (weekday == _SATURDAY and not saturday_counts):
        return False
    return day not in _holidays(day.year)


def next_werktag(day: date, *, saturday_is_werktag: bool = True) -> date:
    """``day`` itself if it is a Werktag, else the next Werktag.

    >>> next_werktag(date(2024, 12, 25))  # 1. Weihnachtstag, then 2. Weihnachtstag
    datetime.date(2024, 12, 27)

    Raises:
        InvalidInputError: ``day`` not a ``datetime.date`` in 1991–2199; ``saturday_is_werktag`` not a bool.
    """
    day = check_day(day, "day")
    # 31.12.2199, a Tuesday and no holiday, is a Werktag: the next one never lies past the calendar
    while not is_werktag(day, saturday_is_werktag=saturday_is_werktag):
        day += timedelta(days=1)
    return day


def apply_193(day: date) -> date:
    """§ 193 BGB: a last day on a Saturday, Sunday or NRW holiday moves to the next day that is none.

    Use it for deadlines to *act* (make a statement, send a report) — not for notice periods or
    effective dates, which § 193 does not move.

    >>> apply_193(date(2024, 6, 1))  # a Saturday
    datetime.date(2024, 6, 3)

    Raises:
        InvalidInputError: ``day`` not a ``datetime.date`` in 1991–2199.
    """
    return next_werktag(day, saturday_is_werktag=False)


def add_werktage(day: date, n: int, *, saturday_is_werktag: bool = True) -> date:
    """The ``n``-th Werktag after ``day`` (``day`` itself does not count; ``n=0`` returns ``day``).

    >>> add_werktage(date(2024, 10, 31), 5)  # 1.11. Allerheiligen and Sunday 3.11. do not count
    datetime.date(2024, 11, 7)

    Raises:
        InvalidInputError: ``day`` not a ``datetime.date`` in 1991–2199; ``n`` not a whole number from 0
            to 100,000; ``saturday_is_werktag`` not a bool; the result beyond 2199.
    """
    given = day = check_day(day, "day")
    count = check_count(n, "n", maximum=100_000)
    check_bool(saturday_is_werktag, "saturday_is_werktag")
    while count:
        day = _in_range(day + timedelta(days=1), "day", given)
        if is_werktag(day, saturday_is_werktag=saturday_is_werktag):
            count -= 1
    return day


def werktage_between(start: date, end: date, *, saturday_is_werktag: bool = True) -> int:
    """How many Werktage lie after ``start`` up to and including ``end`` (0 if ``end == start``).

    >>> werktage_between(date(2024, 10, 31), date(2024, 11, 7))
    5

    Raises:
        InvalidInputError: ``start`` or ``end`` not a ``datetime.date`` in 1991–2199; ``end``
            before ``start`` (a count runs forwards: swap them); ``saturday_is_werktag`` not a bool.
    """
    first = check_day(start, "start")
    last = check_day(end, "end")
    check_bool(saturday_is_werktag, "saturday_is_werktag")
    if last < first:
        raise InvalidInputError("end", end, f"pass a day on or after start ({first.isoformat()}): swap them")
    return sum(1 for d in _days_after(first, last) if is_werktag(d, saturday_is_werktag=saturday_is_werktag))


def _days_after(start: date, end: date) -> Iterator[date]:
    day = start + timedelta(days=1)
    while day <= end:
        yield day
        day += timedelta(days=1)


def _delta(days: int, weeks: int, months: int, years: int, *, max_years: int = 100) -> relativedelta:
    return relativedelta(
        days=check_count(days, "days", maximum=100_000),
        weeks=check_count(weeks, "weeks", maximum=10_000),
        months=check_count(months, "months", maximum=1_200),
        years=check_count(years, "years", maximum=max_years),
    )


class PeriodEnd(NamedTuple):
    """The last day of a period and the clause it rests on (:data:`MATCHING_DAY` or :data:`MONTH_LACKS_DAY`)."""

    day: date
    clause: str

    @property
    def month_lacks_day(self) -> bool:
        """Whether the period ends on a month's last day because the month lacks the day (§ 188 Abs. 3 BGB)."""
        return self.clause == MONTH_LACKS_DAY


def _end(start: date, delta: relativedelta, *, from_start_of_day: bool, argument: str) -> PeriodEnd:
    """The last day of the period ``delta`` from ``start`` (checked), and its clause of § 188 BGB.

    Month and year parts are counted first, in one step (§ 189 Abs. 2: days and weeks after
    them); relativedelta clamps them to a shorter month's last day exactly as § 188 Abs. 3 does.
    The clause is Abs. 3 only when that clamped day is itself the last day (no days or weeks
    after it); a period begun at the start of a day ends with the day before the matching day,
    unless the matching day is missing (then the month's last day, Abs. 3).
    """
    by_months = _plus(start, relativedelta(months=delta.months, years=delta.years), argument)
    lacks_day = bool(delta.months or delta.years) and by_months.day != start.day
    matching = _plus(start, delta, argument)
    day = matching - timedelta(days=1) if from_start_of_day and not lacks_day else matching
    clause = MONTH_LACKS_DAY if lacks_day and not delta.days else MATCHING_DAY
    return PeriodEnd(_in_range(day, argument, start), clause)


def period_end(
    start: date,
    *,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    years: int = 0,
    from_start_of_day: bool = False,
    argument: str = "start",
) -> PeriodEnd:
    """The last day of a period and the clause it rests on: § 188 Abs. 2 BGB, or Abs. 3 when the month lacks the day.

    By default the period starts with an event on ``start`` (§ 187 Abs. 1 BGB, as
    :func:`add_period`); with ``from_start_of_day=True`` it begins at the start of ``start``
    (§ 187 Abs. 2 BGB, as :func:`add_period_from_start_of_day`). The day is the one those
    functions return; the clause is :data:`MONTH_LACKS_DAY` when the month or year part lands in
    a month that lacks the matching day and so ends on that month's last day, else
    :data:`MATCHING_DAY`. ``years`` may span the calendar (up to 208); ``argument`` is the name
    an error gives ``start`` (the caller's own argument).

    >>> period_end(date(2024, 1, 31), months=1)          # 31.02. is missing
    PeriodEnd(day=datetime.date(2024, 2, 29), clause='§ 188 Abs. 3 BGB')
    >>> period_end(date(2022, 3, 1), years=2, from_start_of_day=True)  # the day before 01.03.2024
    PeriodEnd(day=datetime.date(2024, 2, 29), clause='§ 188 Abs. 2 BGB')

    Raises:
        InvalidInputError: ``start`` not a ``datetime.date`` in 1991–2199; a length not a whole
            number of zero or more; no length for a period from the start of a day;
            ``from_start_of_day`` not a bool; the end beyond 2199.
    """
    first = check_day(start, argument)
    whole_day = check_bool(from_start_of_day, "from_start_of_day")
    delta = _delta(days, weeks, months, years, max_years=LAST_YEAR - FIRST_YEAR)
    if whole_day:
        _check_length(delta)
    return _end(first, delta, from_start_of_day=whole_day, argument=argument)


def _check_length(delta: relativedelta) -> None:
    if delta == relativedelta():
        raise InvalidInputError("days/weeks/months/years", 0, "a period from the start of a day needs a length")


def add_period(
    event_day: date,
    *,
    days: int = 0,
    weeks: int = 0,
    months: int = 0,
    years: int = 0,
    shift_to_werktag: bool = False,
) -> date:
    """The last day of a period that starts with an event on ``event_day``.

    § 187 Abs. 1 BGB (the event day does not count), § 188 Abs. 2 BGB (the period ends with the
    day of the same number or name), § 188 Abs. 3 BGB (or the month's last day). With
    ``shift_to_werktag=True`` a last day on a Saturday, Sunday or NRW holiday moves to the next
    day that is none of these (§ 193 BGB, for deadlines to act only).

    >>> add_period(date(2024, 5, 8), weeks=4)
    datetime.date(2024, 6, 5)
    >>> add_period(date(2023, 1, 31), months=1)  # § 188 Abs. 3 BGB
    datetime.date(2023, 2, 28)

    Raises:
        InvalidInputError: ``event_day`` not a ``datetime.date`` in 1991–2199; a length not a whole
            number of zero or more; ``shift_to_werktag`` not a bool; the end beyond 2199.
    """
    start = check_day(event_day, "event_day")
    shift = check_bool(shift_to_werktag, "shift_to_werktag")
    end = _end(start, _delta(days, weeks, months, years), from_start_of_day=False, argument="event_day").day
    return apply_193(end) if shift else end


def add_period_from_start_of_day(
    first_day: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0
) -> date:
    """The last day of a period that begins at the start of ``first_day`` (§ 187 Abs. 2 BGB).

    It ends with the day before the day whose number matches ``first_day`` (§ 188 Abs. 2, 2nd
    case); if that month lacks the day, with the month's last day (§ 188 Abs. 3).

    >>> add_period_from_start_of_day(date(2021, 1, 1), years=5)
    datetime.date(2025, 12, 31)
    >>> add_period_from_start_of_day(date(2024, 1, 31), months=1)  # 31.02. does not exist
    datetime.date(2024, 2, 29)

    Raises:
        InvalidInputError: ``first_day`` not a ``datetime.date`` in 1991–2199; a length not a whole
            number of zero or more, or all lengths zero; the end beyond 2199.
    """
    start = check_day(first_day, "first_day")
    delta = _delta(days, weeks, months, years)
    _check_length(delta)
    return _end(start, delta, from_start_of_day=True, argument="first_day").day


def latest_event_day(last_day: date, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0) -> date:
    """The latest event day whose period (:func:`add_period`) still ends on or before ``last_day``.

    Counting backwards for "notice by": notice of three months to 31.12 must arrive by 30.09.

    >>> latest_event_day(date(2025, 12, 31), months=3)
    datetime.date(2025, 9, 30)

    Raises:
        InvalidInputError: ``last_day`` not a ``datetime.date`` in 1991–2199; a length not a whole
            number of zero or more; the event day before 1991.
    """
    target = check_day(last_day, "last_day")
    delta = _delta(days, weeks, months, years)
    # From a day in 1991–2199, no length _delta allows (about 670 years at the most, all parts
    # together) leaves datetime's years 1–9999; the result's own range is checked at the end.
    # relativedelta's clamping can leave the first guess a few days off: step to the exact answer.
    candidate = target - delta
    while candidate + timedelta(days=1) + delta <= target:
        candidate += timedelta(days=1)
    while candidate + delta > target:
        candidate -= timedelta(days=1)
    return _in_range(candidate, "last_day", target)


def _plus(day: date, delta: relativedelta, argument: str) -> date:
    """``day + delta``; past ``datetime``'s range, an error on the caller's ``argument``, whose value ``day`` is."""
    try:
        result: date = day + delta
    except (OverflowError, ValueError) as exc:
        raise InvalidInputError(argument, day, f"the period runs past the calendar's range ({exc})") from None
    return result
