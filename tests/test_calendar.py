"""The BGB/NRW calendar: §§ 187–193 BGB periods, Werktage, NRW public holidays.

Every expected date is worked by hand from the BGB and a 2017/2021/2024/2025 calendar; the
reasoning is in the comment beside it. Weekdays used below: 01.11.2024 Fri, 02.11.2024 Sat,
03.11.2024 Sun; 29.03.2024 Karfreitag, 31.03.2024 Ostersonntag, 01.04.2024 Ostermontag;
30.05.2024 Fronleichnam (Thu); 25./26.12.2024 Wed/Thu; 31.10.2017 Tue.
"""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import eghnrw
from eghnrw.core.calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    add_period,
    add_period_from_start_of_day,
    add_werktage,
    apply_193,
    is_nrw_holiday,
    is_werktag,
    latest_event_day,
    next_werktag,
    nrw_holiday_name,
    period_end,
    werktage_between,
)
from eghnrw.core.errors import InvalidInputError

# --- contract examples ---------------------------------------------------------------------------


def test_contract_examples():
    # 08.05.2024 (Wed) + 4 weeks: § 188 Abs. 2 → the Wednesday four weeks on, 05.06.2024.
    assert eghnrw.add_period(date(2024, 5, 8), weeks=4) == date(2024, 6, 5)
    assert eghnrw.is_werktag(date(2024, 11, 1)) is False  # Allerheiligen
    # after Thu 31.10.2024: Fri 01.11 holiday, Sat 02.11 (1), Sun 03.11 no, Mon 04 (2), Tue 05 (3),
    # Wed 06 (4), Thu 07 (5).
    assert eghnrw.add_werktage(date(2024, 10, 31), 5) == date(2024, 11, 7)


# --- add_period (§ 187 Abs. 1, § 188 Abs. 2 and 3 BGB) --------------------------------------------


@pytest.mark.parametrize(
    ("event_day", "length", "expected"),
    [
        # months: the day with the same number; if the month lacks it, its last day (§ 188 Abs. 3)
        (date(2023, 1, 31), {"months": 1}, date(2023, 2, 28)),
        (date(2024, 1, 31), {"months": 1}, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), {"months": 2}, date(2023, 3, 31)),  # one step, not 28.02 → 28.03
        (date(2024, 1, 31), {"months": 2}, date(2024, 3, 31)),
        (date(2024, 1, 30), {"months": 1}, date(2024, 2, 29)),
        (date(2024, 1, 29), {"months": 1}, date(2024, 2, 29)),  # exists in a leap year: no clamp
        (date(2023, 1, 29), {"months": 1}, date(2023, 2, 28)),
        (date(2024, 3, 31), {"months": 1}, date(2024, 4, 30)),  # April has no 31st
        (date(2024, 4, 30), {"months": 1}, date(2024, 5, 30)),  # not "month end to month end": 30.05
        (date(2024, 4, 30), {"months": 10}, date(2025, 2, 28)),
        (date(2024, 4, 30), {"months": 12}, date(2025, 4, 30)),
        (date(2023, 2, 28), {"months": 1}, date(2023, 3, 28)),  # the 28th, not 31.03
        (date(2024, 8, 31), {"months": 6}, date(2025, 2, 28)),
        (date(2024, 12, 31), {"months": 3}, date(2025, 3, 31)),
        (date(2025, 11, 30), {"months": 3}, date(2026, 2, 28)),
        # years
        (date(2024, 2, 29), {"years": 1}, date(2025, 2, 28)),  # § 188 Abs. 3: no 29.02.2025
        (date(2024, 2, 29), {"years": 4}, date(2028, 2, 29)),
        (date(2024, 3, 15), {"years": 1}, date(2025, 3, 15)),
        (date(2024, 3, 15), {"years": 1, "months": 6}, date(2025, 9, 15)),
        (date(2022, 8, 31), {"years": 1, "months": 6}, date(2024, 2, 29)),  # 18 months in one step
        # weeks: the same weekday (§ 188 Abs. 2)
        (date(2024, 5, 8), {"weeks": 4}, date(2024, 6, 5)),
        (date(2024, 12, 27), {"weeks": 2}, date(2025, 1, 10)),
        (date(2024, 2, 22), {"weeks": 1}, date(2024, 2, 29)),
        # days: § 187 Abs. 1 → the event day does not count
        (date(2024, 12, 31), {"days": 1}, date(2025, 1, 1)),
        (date(2024, 12, 20), {"days": 14}, date(2025, 1, 3)),
        (date(2024, 2, 28), {"days": 2}, date(2024, 3, 1)),
        (date(2023, 2, 28), {"days": 2}, date(2023, 3, 2)),
        # combined: months first, then the days (§ 189 Abs. 2: "die 15 Tage zuletzt zu zählen")
        (date(2024, 1, 31), {"months": 1, "days": 15}, date(2024, 3, 15)),  # 29.02 + 15 days
        (date(2024, 1, 15), {"months": 1, "weeks": 1}, date(2024, 2, 22)),
        # nothing to add: the event day itself
        (date(2024, 5, 8), {}, date(2024, 5, 8)),
    ],
)
def test_add_period(event_day, length, expected):
    assert add_period(event_day, **length) == expected


def test_add_period_does_not_shift_unless_asked():
    # 04.05.2024 (Sat) + 4 weeks = 01.06.2024, a Saturday: stays without shift_to_werktag.
    assert add_period(date(2024, 5, 4), weeks=4) == date(2024, 6, 1)
    # 15.03.2024 + 2 weeks = 29.03.2024, Karfreitag: stays too (a notice period is not moved).
    assert add_period(date(2024, 3, 15), weeks=2) == date(2024, 3, 29)


@pytest.mark.parametrize(
    ("event_day", "length", "expected"),
    [
        # Sat 01.06.2024 → Mon 03.06.2024 (Saturday is no day for § 193)
        (date(2024, 5, 4), {"weeks": 4}, date(2024, 6, 3)),
        # Sun 02.06.2024 → Mon 03.06.2024
        (date(2024, 5, 5), {"weeks": 4}, date(2024, 6, 3)),
        # Karfreitag 29.03 → Sat 30.03, Sun 31.03, Ostermontag 01.04 → Tue 02.04.2024
        (date(2024, 3, 15), {"weeks": 2}, date(2024, 4, 2)),
        # Fronleichnam Thu 30.05.2024 → Fri 31.05.2024
        (date(2024, 4, 30), {"months": 1}, date(2024, 5, 31)),
        # a Werktag stays: Wed 05.06.2024
        (date(2024, 5, 8), {"weeks": 4}, date(2024, 6, 5)),
    ],
)
def test_add_period_shift_to_werktag(event_day, length, expected):
    assert add_period(event_day, shift_to_werktag=True, **length) == expected


# --- § 193 BGB and the next Werktag --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 6, 1), date(2024, 6, 3)),  # Sat → Mon
        (date(2024, 6, 2), date(2024, 6, 3)),  # Sun → Mon
        (date(2024, 6, 5), date(2024, 6, 5)),  # Wed stays
        (date(2024, 5, 30), date(2024, 5, 31)),  # Fronleichnam → Fri
        (date(2024, 11, 1), date(2024, 11, 4)),  # Allerheiligen (Fri), then the weekend → Mon
        (date(2024, 12, 25), date(2024, 12, 27)),  # 1. and 2. Weihnachtstag → Fri
        (date(2021, 12, 25), date(2021, 12, 27)),  # Christmas on Sat/Sun 2021 → Mon
        (date(2024, 3, 29), date(2024, 4, 2)),  # Karfreitag, Sat, Ostersonntag, Ostermontag → Tue
        (date(2017, 10, 31), date(2017, 11, 2)),  # Reformationstag 2017, Allerheiligen → Thu
        (date(2024, 12, 31), date(2024, 12, 31)),  # Silvester is no holiday
        (date(2024, 12, 28), date(2024, 12, 30)),  # Sat, Sun → Mon
    ],
)
def test_apply_193(day, expected):
    assert apply_193(day) == expected


@pytest.mark.parametrize(
    ("day", "saturday_is_werktag", "expected"),
    [
        (date(2024, 12, 25), True, date(2024, 12, 27)),
        (date(2024, 11, 1), True, date(2024, 11, 2)),  # Saturday counts by default
        (date(2024, 11, 1), False, date(2024, 11, 4)),
        (date(2024, 11, 2), True, date(2024, 11, 2)),
        (date(2024, 11, 3), True, date(2024, 11, 4)),
        (date(2024, 11, 4), False, date(2024, 11, 4)),
    ],
)
def test_next_werktag(day, saturday_is_werktag, expected):
    assert next_werktag(day, saturday_is_werktag=saturday_is_werktag) == expected


# --- holidays and Werktage -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 1, 1), "Neujahr"),
        (date(2024, 3, 29), "Karfreitag"),
        (date(2024, 4, 1), "Ostermontag"),
        (date(2024, 5, 1), "Erster Mai"),
        (date(2024, 5, 9), "Christi Himmelfahrt"),
        (date(2024, 5, 20), "Pfingstmontag"),
        (date(2024, 5, 30), "Fronleichnam"),  # NRW, not nationwide
        (date(2024, 10, 3), "Tag der Deutschen Einheit"),
        (date(2024, 11, 1), "Allerheiligen"),  # NRW, not nationwide
        (date(2024, 12, 25), "Erster Weihnachtstag"),
        (date(2024, 12, 26), "Zweiter Weihnachtstag"),
        # 500 years of the Reformation: a one-off holiday in every Land in 2017, NRW included.
        (date(2017, 10, 31), "Reformationstag"),
        (date(2025, 4, 18), "Karfreitag"),
        (date(2025, 6, 19), "Fronleichnam"),
    ],
)
def test_nrw_holidays(day, name):
    assert is_nrw_holiday(day) is True
    assert nrw_holiday_name(day) == name
    assert is_werktag(day) is False


@pytest.mark.parametrize(
    "day",
    [
        date(2018, 10, 31),  # Reformationstag is a holiday in other Länder, in NRW only in 2017
        date(2024, 10, 31),
        date(2024, 12, 24),  # Heiligabend: no public holiday
        date(2024, 12, 31),  # Silvester: no public holiday
        date(2024, 3, 30),  # Karsamstag
        date(2024, 11, 20),  # Buß- und Bettag: a holiday in Saxony only
        date(2024, 3, 8),  # Frauentag: Berlin and Mecklenburg-Vorpommern only
        date(2024, 8, 15),  # Mariä Himmelfahrt: Saarland and parts of Bavaria only
        date(2024, 1, 6),  # Heilige Drei Könige: BW, BY, ST only (and a Saturday in 2024)
    ],
)
def test_not_nrw_holidays(day):
    assert is_nrw_holiday(day) is False
    assert nrw_holiday_name(day) is None


def test_nrw_has_eleven_holidays_in_2024():
    # Eleven NRW holidays, none on a Sunday in 2024 (listed in test_nrw_holidays).
    days = [date(2024, 1, 1) + (date(2024, 1, 2) - date(2024, 1, 1)) * i for i in range(366)]
    assert sum(is_nrw_holiday(d) for d in days) == 11


@pytest.mark.parametrize(
    ("day", "with_saturday", "without_saturday"),
    [
        (date(2024, 11, 2), True, False),  # Saturday
        (date(2024, 11, 3), False, False),  # Sunday
        (date(2024, 11, 4), True, True),  # Monday
        (date(2024, 3, 31), False, False),  # Ostersonntag (a Sunday)
        (date(2024, 3, 30), True, False),  # Karsamstag (a Saturday, no holiday)
        (date(2024, 5, 30), False, False),  # Fronleichnam
        (date(2025, 11, 1), False, False),  # Allerheiligen on a Saturday: a holiday beats Saturday
    ],
)
def test_is_werktag(day, with_saturday, without_saturday):
    assert is_werktag(day) is with_saturday
    assert is_werktag(day, saturday_is_werktag=True) is with_saturday
    assert is_werktag(day, saturday_is_werktag=False) is without_saturday


@pytest.mark.parametrize(
    ("day", "n", "saturday_is_werktag", "expected"),
    [
        (date(2024, 10, 31), 5, True, date(2024, 11, 7)),  # the contract example
        # without Saturdays: Mon 04 (1), Tue 05 (2), Wed 06 (3), Thu 07 (4), Fri 08 (5)
        (date(2024, 10, 31), 5, False, date(2024, 11, 8)),
        # Christmas: Tue 24.12 (1), 25 and 26 holidays, Fri 27 (2), Sat 28 (3)
        (date(2024, 12, 23), 3, True, date(2024, 12, 28)),
        (date(2024, 12, 23), 3, False, date(2024, 12, 30)),  # 24 (1), 27 (2), Mon 30 (3)
        # New Year: 01.01.2025 a holiday → Thu 02.01.2025
        (date(2024, 12, 31), 1, True, date(2025, 1, 2)),
        # Easter: Karfreitag 29.03, Sat 30.03 (1), Ostersonntag, Ostermontag 01.04, Tue 02.04 (2)
        (date(2024, 3, 28), 2, True, date(2024, 4, 2)),
        (date(2024, 3, 28), 2, False, date(2024, 4, 3)),  # 02.04 (1), 03.04 (2)
        # Fronleichnam Thu 30.05.2024 → Fri 31.05 (1)
        (date(2024, 5, 29), 1, True, date(2024, 5, 31)),
        # 2017: Mon 30.10 → Tue 31.10 Reformationstag, Wed 01.11 Allerheiligen → Thu 02.11 (1)
        (date(2017, 10, 30), 1, True, date(2017, 11, 2)),
        (date(2017, 10, 27), 3, False, date(2017, 11, 3)),  # Mon 30.10 (1), Thu 02.11 (2), Fri 03.11 (3)
        # n = 0: the day itself, even on a holiday
        (date(2024, 11, 1), 0, True, date(2024, 11, 1)),
        # from a holiday: the count starts the next day; Sat 02.11 (1)
        (date(2024, 11, 1), 1, True, date(2024, 11, 2)),
    ],
)
def test_add_werktage(day, n, saturday_is_werktag, expected):
    assert add_werktage(day, n, saturday_is_werktag=saturday_is_werktag) == expected
    assert werktage_between(day, expected, saturday_is_werktag=saturday_is_werktag) == n


def test_add_werktage_default_counts_saturday():
    assert add_werktage(date(2024, 11, 1), 1) == date(2024, 11, 2)


@pytest.mark.parametrize(
    ("start", "end", "saturday_is_werktag", "expected"),
    [
        (date(2024, 10, 31), date(2024, 11, 7), True, 5),
        (date(2024, 10, 31), date(2024, 10, 31), True, 0),  # the start day never counts
        # 2024: 366 days − 52 Sundays − 11 holidays (none on a Sunday) = 303 Werktage with Saturdays;
        # − 52 Saturdays more = 251 Mon–Fri working days, NRW's published figure for 2024.
        (date(2023, 12, 31), date(2024, 12, 31), True, 303),
        (date(2023, 12, 31), date(2024, 12, 31), False, 251),
        # 2017: 365 − 53 Sundays (01.01.2017 was a Sunday) − 11 holidays not on a Sunday
        # (Neujahr fell on the Sunday; Reformationstag added) = 301
        (date(2016, 12, 31), date(2017, 12, 31), True, 301),
    ],
)
def test_werktage_between(start, end, saturday_is_werktag, expected):
    assert werktage_between(start, end, saturday_is_werktag=saturday_is_werktag) == expected


def test_werktage_between_refuses_an_end_before_the_start():
    # A count runs forwards: 07.11 → 31.10 is a mistake (it answered 0), not an empty period.
    with pytest.raises(InvalidInputError, match=r"^end: got datetime\.date\(2024, 10, 31\); pass a day on or after "):
        werktage_between(date(2024, 11, 7), date(2024, 10, 31))
    assert werktage_between(date(2024, 11, 7), date(2024, 11, 7)) == 0  # the same day: none after it


def test_werktage_between_checks_its_flag_even_for_an_empty_range():
    with pytest.raises(InvalidInputError, match=r"^saturday_is_werktag"):
        werktage_between(date(2024, 7, 3), date(2024, 6, 3), saturday_is_werktag="no")  # type: ignore[arg-type]


# --- § 187 Abs. 2 BGB: periods that begin at the start of a day ----------------------------------


@pytest.mark.parametrize(
    ("first_day", "length", "expected"),
    [
        (date(2021, 1, 1), {"years": 5}, date(2025, 12, 31)),  # RV § 19: 2021–2025
        (date(2020, 1, 1), {"years": 1}, date(2020, 12, 31)),
        (date(2024, 1, 31), {"months": 1}, date(2024, 2, 29)),  # 31.02 missing → end of February
        (date(2023, 1, 31), {"months": 1}, date(2023, 2, 28)),
        (date(2024, 1, 30), {"months": 1}, date(2024, 2, 29)),  # 30.02 missing → end of February
        (date(2024, 1, 29), {"months": 1}, date(2024, 2, 28)),  # 29.02.2024 exists → the day before
        (date(2024, 2, 1), {"months": 1}, date(2024, 2, 29)),
        (date(2024, 3, 15), {"months": 1}, date(2024, 4, 14)),
        (date(2024, 3, 31), {"months": 1}, date(2024, 4, 30)),
        (date(2024, 2, 29), {"years": 1}, date(2025, 2, 28)),  # 29.02.2025 missing → 28.02
        (date(2024, 1, 1), {"days": 10}, date(2024, 1, 10)),  # 01.01 counts: 01.–10.01
        (date(2024, 5, 6), {"weeks": 1}, date(2024, 5, 12)),  # Mon → Sun
        # months first, then the days (§ 189 Abs. 2): 01.01 + 1 month ends 31.01; + 15 days → 15.02
        (date(2024, 1, 1), {"months": 1, "days": 15}, date(2024, 2, 15)),
        (date(2024, 1, 1), {"months": 1, "weeks": 1}, date(2024, 2, 7)),
        # 31.01 + 1 month ends 29.02 (clamped); + 1 day → 01.03
        (date(2024, 1, 31), {"months": 1, "days": 1}, date(2024, 3, 1)),
    ],
)
def test_add_period_from_start_of_day(first_day, length, expected):
    assert add_period_from_start_of_day(first_day, **length) == expected


def test_add_period_from_start_of_day_needs_a_length():
    with pytest.raises(InvalidInputError, match="needs a length"):
        add_period_from_start_of_day(date(2024, 1, 1))


# --- the last day and its clause: § 188 Abs. 2 or Abs. 3 BGB ----------------------------------------

ABS_2, ABS_3 = "§ 188 Abs. 2 BGB", "§ 188 Abs. 3 BGB"


@pytest.mark.parametrize(
    ("start", "length", "from_start_of_day", "day", "clause"),
    [
        # an event on 31.01.2024 + 1 month: 31.02 is missing → the month's last day 29.02 (Abs. 3)
        (date(2024, 1, 31), {"months": 1}, False, date(2024, 2, 29), ABS_3),
        (date(2023, 1, 31), {"months": 1}, False, date(2023, 2, 28), ABS_3),
        # 29.02.2024 exists: the matching day (Abs. 2)
        (date(2024, 1, 29), {"months": 1}, False, date(2024, 2, 29), ABS_2),
        (date(2024, 5, 8), {"weeks": 4}, False, date(2024, 6, 5), ABS_2),
        # 31.01 + 1 month ends 29.02 (clamped), the day counted after it (§ 189 Abs. 2) ends 01.03
        (date(2024, 1, 31), {"months": 1, "days": 1}, False, date(2024, 3, 1), ABS_2),
        # from the start of 01.03.2022, two years: the day before 01.03.2024 = 29.02.2024 (Abs. 2, 2nd case)
        (date(2022, 3, 1), {"years": 2}, True, date(2024, 2, 29), ABS_2),
        # from the start of 29.02.2020, two years: 29.02.2022 is missing → 28.02.2022 (Abs. 3)
        (date(2020, 2, 29), {"years": 2}, True, date(2022, 2, 28), ABS_3),
        # four years: 29.02.2024 exists → the day before, 28.02.2024 (Abs. 2)
        (date(2020, 2, 29), {"years": 4}, True, date(2024, 2, 28), ABS_2),
        (date(2024, 2, 29), {"months": 12}, True, date(2025, 2, 28), ABS_3),
        (date(2021, 1, 1), {"years": 5}, True, date(2025, 12, 31), ABS_2),
    ],
)
def test_period_end_gives_the_day_and_the_clause(start, length, from_start_of_day, day, clause):
    end = period_end(start, from_start_of_day=from_start_of_day, **length)
    assert (end.day, end.clause) == (day, clause)
    assert end.month_lacks_day is (clause == ABS_3)
    same = add_period_from_start_of_day(start, **length) if from_start_of_day else add_period(start, **length)
    assert end.day == same


def test_period_end_counts_years_across_the_whole_calendar():
    # from the start of 01.01.1991, 208 years: the day before 01.01.2199 (add_period stops at 100 years)
    assert period_end(date(1991, 1, 1), years=208, from_start_of_day=True).day == date(2198, 12, 31)
    with pytest.raises(InvalidInputError, match=r"^years: got 209; pass a whole number from 0 to 208"):
        period_end(date(1991, 1, 1), years=209)


def test_period_end_names_the_callers_argument_and_needs_a_length_from_the_start_of_a_day():
    with pytest.raises(
        InvalidInputError,
        match=r"^event_day: got datetime.date\(2199, 12, 1\); the result would be 2200-01-01, outside the years",
    ):
        period_end(date(2199, 12, 1), months=1, argument="event_day")
    with pytest.raises(InvalidInputError, match="needs a length"):
        period_end(date(2024, 1, 1), from_start_of_day=True)
    assert period_end(date(2024, 1, 1)).day == date(2024, 1, 1)  # an event period of no length ends that day
    with pytest.raises(InvalidInputError, match=r"^from_start_of_day: got 1; pass True or False"):
        period_end(date(2024, 1, 1), months=1, from_start_of_day=1)  # type: ignore[arg-type]


# --- counting backwards: the latest event day ----------------------------------------------------


@pytest.mark.parametrize(
    ("last_day", "length", "expected"),
    [
        # three months' notice to 31.12.2025: 30.09 + 3 months = 30.12 ≤ 31.12; 01.10 + 3 = 01.01 > 31.12
        (date(2025, 12, 31), {"months": 3}, date(2025, 9, 30)),
        # to 28.02.2025: 31.01 + 1 month = 28.02 (clamped); 01.02 + 1 month = 01.03 is too late
        (date(2025, 2, 28), {"months": 1}, date(2025, 1, 31)),
        # to 31.03.2024: 29.02 + 1 month = 29.03 ≤ 31.03; 01.03 + 1 month = 01.04 >
        (date(2024, 3, 31), {"months": 1}, date(2024, 2, 29)),
        (date(2024, 6, 30), {"weeks": 2}, date(2024, 6, 16)),
        (date(2024, 1, 10), {"days": 10}, date(2023, 12, 31)),
        (date(2026, 3, 15), {"months": 12}, date(2025, 3, 15)),
    ],
)
def test_latest_event_day(last_day, length, expected):
    assert latest_event_day(last_day, **length) == expected
    assert add_period(expected, **length) <= last_day
    assert add_period(date.fromordinal(expected.toordinal() + 1), **length) > last_day


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument", "hint"),
    [
        (lambda: add_period(datetime(2024, 5, 8, 12, 0, tzinfo=UTC), weeks=4), "event_day", "not a datetime"),
        (lambda: add_period("2024-05-08", weeks=4), "event_day", "not str"),
        (lambda: add_period(date(2024, 5, 8), weeks=-1), "weeks", "from 0"),
        (lambda: add_period(date(2024, 5, 8), days=True), "days", "whole number"),
        (lambda: add_period(date(2024, 5, 8), months=1.0), "months", "whole number"),
        (lambda: add_period(date(2024, 5, 8), years=101), "years", "from 0 to 100"),
        (lambda: add_period(date(2024, 5, 8), shift_to_werktag=1), "shift_to_werktag", "True or False"),
        (lambda: add_period(date(2199, 12, 1), months=1), "event_day", "years 1991 to 2199"),
        (lambda: add_period(date(1990, 12, 31), days=1), "event_day", "years 1991 to 2199"),
        (lambda: is_werktag(date(1990, 12, 31)), "day", "years 1991 to 2199"),
        (lambda: is_werktag(date(2200, 1, 1)), "day", "years 1991 to 2199"),
        (lambda: is_werktag(datetime(2024, 11, 1, tzinfo=UTC)), "day", "not a datetime"),
        (lambda: is_werktag(datetime(2024, 11, 1)), "day", "not a datetime"),  # noqa: DTZ001 - naive, refused too
        (lambda: is_werktag(date(2024, 11, 1), saturday_is_werktag="no"), "saturday_is_werktag", "True or False"),
        (lambda: is_nrw_holiday(None), "day", "not NoneType"),
        (lambda: nrw_holiday_name(20241101), "day", "not int"),
        (lambda: add_werktage(date(2024, 1, 1), -1), "n", "from 0"),
        (lambda: add_werktage(date(2024, 1, 1), True), "n", "whole number"),
        (lambda: add_werktage(date(2024, 1, 1), "5"), "n", "whole number"),
        (lambda: add_werktage(date(2024, 1, 1), 100_001), "n", "100,000"),
        (lambda: add_werktage(date(2024, 1, 1), 1, saturday_is_werktag=0), "saturday_is_werktag", "True or False"),
        (lambda: add_werktage(date(2199, 12, 30), 5), "day", "years 1991 to 2199"),  # runs past 2199
        (lambda: next_werktag(datetime(2024, 1, 1, tzinfo=UTC)), "day", "not a datetime"),
        (lambda: apply_193("2024-06-01"), "day", "not str"),
        (lambda: werktage_between(date(2024, 1, 1), datetime(2024, 2, 1, tzinfo=UTC)), "end", "not a datetime"),
        (lambda: werktage_between(date(1990, 1, 1), date(2024, 2, 1)), "start", "years 1991 to 2199"),
        (lambda: add_period_from_start_of_day(date(2199, 12, 31), days=2), "first_day", "years 1991 to 2199"),
        (
            lambda: add_period_from_start_of_day(datetime(2024, 1, 1, tzinfo=UTC), years=1),
            "first_day",
            "not a datetime",
        ),
        (lambda: latest_event_day(date(1991, 1, 15), months=1), "last_day", "years 1991 to 2199"),
        (lambda: latest_event_day(date(2024, 1, 15), months=-1), "months", "from 0"),
    ],
)
def test_errors_name_the_argument(call, argument, hint):
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert caught.value.argument == argument
    assert hint in str(caught.value)


def test_calendar_range_constants():
    assert (FIRST_YEAR, LAST_YEAR) == (1991, 2199)
    assert is_werktag(date(1991, 1, 2)) is True  # Wed, the first working day the calendar knows
    assert add_period(date(2199, 12, 1), days=30) == date(2199, 12, 31)


def test_return_types_are_plain_dates_and_bools():
    assert type(add_period(date(2024, 5, 8), weeks=4)) is date
    assert type(add_werktage(date(2024, 5, 8), 3)) is date
    assert type(is_werktag(date(2024, 5, 8))) is bool
    assert type(werktage_between(date(2024, 5, 8), date(2024, 6, 8))) is int


def test_holidays_are_known_in_every_year_of_the_range():
    # python-holidays stops at 2100 (its end_year) and would return no holidays at all after it,
    # making Christmas 2150 a Werktag; eghnrw carries the rules forward to LAST_YEAR.
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert nrw_holiday_name(date(year, 12, 25)) == "Erster Weihnachtstag", year
        assert nrw_holiday_name(date(year, 10, 3)) == "Tag der Deutschen Einheit", year


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # Easter Sunday 2101 is 17.04 and 2199 is 14.04 (Gauss/dateutil.easter), so Karfreitag is
        # two days before and Ostermontag one day after.
        (date(2101, 4, 15), "Karfreitag"),
        (date(2101, 4, 18), "Ostermontag"),
        (date(2199, 4, 12), "Karfreitag"),
        (date(2199, 11, 1), "Allerheiligen"),
    ],
)
def test_holidays_after_2100(day, name):
    assert nrw_holiday_name(day) == name
    assert is_werktag(day) is False


@pytest.mark.parametrize(
    ("call", "argument", "given", "computed"),
    [
        # 01.12.2199 + 1 month = 01.01.2200 (§ 188 Abs. 2)
        (lambda: add_period(date(2199, 12, 1), months=1), "event_day", date(2199, 12, 1), "2200-01-01"),
        # from the start of 31.12.2199, two days: 31.12.2199 and 01.01.2200
        (lambda: add_period_from_start_of_day(date(2199, 12, 31), days=2), "first_day", date(2199, 12, 31),
         "2200-01-01"),
        # five Werktage after 30.12.2199: only 31.12 is left in 2199, the count runs into 01.01.2200
        (lambda: add_werktage(date(2199, 12, 30), 5), "day", date(2199, 12, 30), "2200-01-01"),
        # 15.01.1991 − 1 month = 15.12.1990, before the calendar's first year
        (lambda: latest_event_day(date(1991, 1, 15), months=1), "last_day", date(1991, 1, 15), "1990-12-15"),
        (lambda: period_end(date(2199, 6, 1), months=7, argument="first_term_start"), "first_term_start",
         date(2199, 6, 1), "2200-01-01"),
        (lambda: period_end(date(2199, 6, 1), months=7), "start", date(2199, 6, 1), "2200-01-01"),  # its own name
    ],
)  # fmt: skip
def test_a_result_past_the_calendar_names_the_callers_value_and_the_computed_day(call, argument, given, computed):
    # The error's value is what the caller passed, not the day computed from it (which the caller
    # never gave): the computed day is named in the explanation.
    with pytest.raises(InvalidInputError) as caught:
        call()
    assert (caught.value.argument, caught.value.value) == (argument, given)
    assert f"the result would be {computed}, outside the years 1991 to 2199" in str(caught.value)


def test_overflow_guard_turns_date_overflow_into_invalid_input():
    # Not reachable through the public functions (the range 1991–2199 and the length limits keep
    # every result far from date.max); the guard is there should either limit change.
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - only this test needs it

    from eghnrw.core.calendar import _plus  # noqa: PLC0415

    with pytest.raises(
        InvalidInputError, match=r"^event_day: got datetime\.date\(9999, 12, 31\); the period runs past"
    ):
        _plus(date(9999, 12, 31), relativedelta(days=1), "event_day")


def test_a_period_from_the_start_of_a_day_needs_a_length_and_says_which():
    with pytest.raises(InvalidInputError, match=r"^days/weeks/months/years: got 0; a period from the start"):
        add_period_from_start_of_day(date(2024, 1, 1))


def test_only_the_calendar_chooses_between_abs_2_and_abs_3():
    # One place for the § 188 choice: no other module writes "§ 188 Abs. 3" outside its docstrings,
    # so every rule that cites the clause takes it from calendar.period_end.
    found = []
    for path in Path(eghnrw.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            path.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            if "188 Abs. 3" in node.value
        ]
    assert found == ["calendar.py"]


def test_the_calendar_ends_on_a_werktag_so_the_next_one_is_never_past_it():
    # next_werktag steps day by day without a range check: 31.12.2199 (a Tuesday) ends every search
    assert date(2199, 12, 31).weekday() == 1
    assert (
        next_werktag(date(2199, 12, 31))
        == next_werktag(date(2199, 12, 31), saturday_is_werktag=False)
        == date(2199, 12, 31)
    )
    assert next_werktag(date(2199, 12, 27), saturday_is_werktag=False) == date(2199, 12, 27)  # a Friday
    assert apply_193(date(2199, 12, 28)) == date(2199, 12, 30)  # Saturday → Monday


def test_a_saturday_is_a_werktag_unless_the_caller_says_otherwise():
    # the default reading of Werktag (§ 3 Abs. 2 BUrlG) counts Saturdays; apply_193 does not
    assert next_werktag(date(2024, 6, 1)) == date(2024, 6, 1)  # a Saturday
    assert next_werktag(date(2024, 6, 1), saturday_is_werktag=False) == date(2024, 6, 3)


def test_a_result_in_the_calendar_s_first_year_is_allowed():
    # 15.02.1991 − 1 month = 15.01.1991: the first year of the calendar is inside it
    assert latest_event_day(date(1991, 2, 15), months=1) == date(1991, 1, 15)


@pytest.mark.parametrize(("given", "argument"), [({}, "start"), ({"argument": "notice_received"}, "notice_received")])
def test_period_end_names_the_callers_argument_for_a_start_outside_the_calendar(given, argument) -> None:
    with pytest.raises(InvalidInputError) as info:
        period_end(date(1990, 12, 31), days=1, **given)
    assert str(info.value) == f"{argument}: got datetime.date(1990, 12, 31); pass a date in the years 1991 to 2199"
