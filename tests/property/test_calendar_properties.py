"""Properties of the BGB/NRW calendar: periods from their start in one step, month-end clamps, Werktage."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from eghnrw.core.calendar import (
    add_period,
    add_period_from_start_of_day,
    add_werktage,
    apply_193,
    is_werktag,
    latest_event_day,
    next_werktag,
    period_end,
    werktage_between,
)
from strategies import (
    calendar_dates,
    dates,
    month_end_dates,
    period_days,
    period_months,
    period_weeks,
    period_years,
    werktag_counts,
)

event_days = st.one_of(calendar_dates, month_end_dates)
lengths = st.fixed_dictionaries(
    {"days": period_days, "weeks": period_weeks, "months": period_months, "years": period_years}
)


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


@given(first=event_days, second=event_days, length=lengths)
def test_add_period_is_monotonic_in_the_event_day(first, second, length):
    early, late = sorted((first, second))
    assert add_period(early, **length) <= add_period(late, **length)


@given(day=event_days, months=period_months, years=period_years)
def test_month_periods_end_on_the_same_day_number_unless_the_month_is_shorter(day, months, years):
    end = add_period(day, months=months, years=years)
    assert type(end) is date
    assert _months_between(day, end) == 12 * years + months
    # § 188 Abs. 2/3 BGB: the same day number, or the month's last day if it has fewer days
    last = monthrange(end.year, end.month)[1]
    assert end.day == min(day.day, last)
    assert end.day <= day.day


@given(day=event_days, months=period_months)
def test_add_period_months_matches_relativedelta_in_one_step(day, months):
    assert add_period(day, months=months) == day + relativedelta(months=months)


@given(day=event_days, weeks=period_weeks, days=period_days)
def test_weeks_and_days_are_exact_day_counts(day, weeks, days):
    end = add_period(day, weeks=weeks, days=days)
    assert (end - day).days == 7 * weeks + days
    if days == 0:
        assert end.weekday() == day.weekday()  # § 188 Abs. 2: the day with the same name


@given(day=event_days, months=period_months, days=period_days)
def test_days_are_counted_after_the_months(day, months, days):
    # § 189 Abs. 2 BGB: whole months first, then the days
    assert add_period(day, months=months, days=days) == add_period(day, months=months) + timedelta(days=days)


@given(day=dates, length=lengths)
def test_shift_to_werktag_is_apply_193_of_the_unshifted_end(day, length):
    end = add_period(day, **length)
    shifted = add_period(day, shift_to_werktag=True, **length)
    assert shifted == apply_193(end)
    assert end <= shifted <= end + timedelta(days=5)  # at most a long Easter or Christmas weekend
    assert is_werktag(shifted, saturday_is_werktag=False)


@given(day=calendar_dates, months=st.integers(min_value=1, max_value=36), days=period_days)
def test_period_from_the_start_of_a_day(day, months, days):
    end = add_period_from_start_of_day(day, months=months)
    matching = day + relativedelta(months=months)
    if matching.day == day.day:  # § 188 Abs. 2, 2nd case: the day before the matching day
        assert end == matching - timedelta(days=1)
    else:  # § 188 Abs. 3: the matching day is missing, the month's last day
        assert end == matching
        assert end.day == monthrange(end.year, end.month)[1]
    # days after the months (§ 189 Abs. 2)
    assert add_period_from_start_of_day(day, months=months, days=days) == end + timedelta(days=days)


@given(day=calendar_dates, days=st.integers(min_value=1, max_value=400))
def test_day_periods_from_the_start_of_a_day_count_the_first_day(day, days):
    assert add_period_from_start_of_day(day, days=days) == day + timedelta(days=days - 1)
    assert add_period_from_start_of_day(day, days=days) == add_period(day - timedelta(days=1), days=days)


@given(target=st.dates(min_value=date(2005, 1, 1), max_value=date(2184, 12, 31)), length=lengths)
def test_latest_event_day_is_the_last_day_that_still_makes_it(target, length):
    # lengths reach 10 years + 36 months + 60 weeks + 400 days < 15 years: the event day stays after 1991,
    # and a target up to 2184 keeps "one day later + the length" inside the calendar (to 2199)
    assume(any(length.values()))
    latest = latest_event_day(target, **length)
    assert add_period(latest, **length) <= target
    assert add_period(latest + timedelta(days=1), **length) > target


@given(day=dates, n=werktag_counts, saturday=st.booleans())
def test_add_werktage_lands_on_a_werktag_with_exactly_n_werktage_after_the_start(day, n, saturday):
    end = add_werktage(day, n, saturday_is_werktag=saturday)
    assert type(end) is date
    assert werktage_between(day, end, saturday_is_werktag=saturday) == n
    if n:
        assert is_werktag(end, saturday_is_werktag=saturday)
        # the n-th Werktag, not a later one: one day earlier there were only n − 1
        assert werktage_between(day, end - timedelta(days=1), saturday_is_werktag=saturday) == n - 1
    else:
        assert end == day


@given(day=dates, n=werktag_counts)
def test_without_saturdays_it_never_ends_sooner(day, n):
    assert add_werktage(day, n, saturday_is_werktag=False) >= add_werktage(day, n)


@given(day=dates, saturday=st.booleans())
def test_next_werktag_is_add_werktage_one_from_the_day_before(day, saturday):
    found = next_werktag(day, saturday_is_werktag=saturday)
    assert found == add_werktage(day - timedelta(days=1), 1, saturday_is_werktag=saturday)
    assert type(is_werktag(day, saturday_is_werktag=saturday)) is bool


@given(day=dates)
def test_sundays_are_never_werktage(day):
    sunday = day + timedelta(days=(6 - day.weekday()))
    assume(sunday.year <= 2199)
    assert is_werktag(sunday) is False


@pytest.mark.parametrize("year", [1991, 2000, 2024, 2100, 2199])
def test_every_year_of_the_range_has_between_nine_and_thirteen_holidays_off_sunday(year):
    # NRW has 11 fixed and movable holidays (12 in 2017); some fall on a Sunday.
    start = date(year - 1, 12, 31) if year > 1991 else date(1991, 1, 1)
    days = (date(year, 12, 31) - start).days
    sundays = sum(1 for i in range(1, days + 1) if (start + timedelta(days=i)).weekday() == 6)
    holidays_off_sunday = days - sundays - werktage_between(start, date(year, 12, 31))
    assert 9 <= holidays_off_sunday <= 12


@given(day=event_days, length=lengths, from_start_of_day=st.booleans())
def test_period_end_is_the_day_of_add_period_and_cites_abs_3_only_for_a_missing_day(day, length, from_start_of_day):
    assume(not from_start_of_day or any(length.values()))
    end = period_end(day, from_start_of_day=from_start_of_day, **length)
    same = add_period_from_start_of_day(day, **length) if from_start_of_day else add_period(day, **length)
    assert end.day == same
    by_months = day + relativedelta(months=length["months"], years=length["years"])
    # § 188 Abs. 3 BGB: the month (or year) part lands in a month that lacks the day, and nothing is counted after it
    lacks = bool(length["months"] or length["years"]) and by_months.day != day.day
    assert end.month_lacks_day is (lacks and not (length["days"] or length["weeks"]))
    if end.month_lacks_day:
        assert end.day == by_months
        assert end.day.day == monthrange(end.day.year, end.day.month)[1]
