"""Properties of RV § 19 and LRV C.4."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.calendar import add_period
from eghnrw.fristen.terms import lrv_termination, rv_end_date, rv_termination
from strategies import lrv_notice_days, rv_notice_days


@given(rv_notice_days, st.booleans())
def test_rv_end_is_a_31_12_on_or_after_the_first_term(received, shift):
    end = rv_end_date(notice_received=received, shift_to_werktag=shift)
    assert (end.month, end.day) == (12, 31)
    assert end >= date(2025, 12, 31)
    assert end > received
    # at most the following period: never more than two years ahead
    assert end.year <= max(received.year, 2025) + 1


@given(rv_notice_days, st.booleans())
def test_rv_a_later_notice_never_ends_earlier(received, shift):
    today = rv_end_date(notice_received=received, shift_to_werktag=shift)
    tomorrow = rv_end_date(notice_received=received + timedelta(days=1), shift_to_werktag=shift)
    assert tomorrow >= today


@given(rv_notice_days)
def test_rv_notice_deadline_is_30_09_and_timeliness_matches(received):
    t = rv_termination(notice_received=received)
    assert (t.last_day_for_notice.month, t.last_day_for_notice.day) == (9, 30)
    assert t.last_day_for_notice.year == t.current_period_end.year
    assert t.timely is (received <= t.last_day_for_notice)
    assert t.end_date == (t.current_period_end if t.timely else date(t.current_period_end.year + 1, 12, 31))


@given(rv_notice_days)
def test_rv_193_reading_never_ends_later(received):
    assert rv_end_date(notice_received=received, shift_to_werktag=True) <= rv_end_date(notice_received=received)


@given(lrv_notice_days)
def test_lrv_effective_date_is_twelve_months_after_receipt(received):
    effective = lrv_termination(notice_received=received).effective_date
    assert (effective.year, effective.month) == (received.year + 1, received.month)
    last_day = calendar.monthrange(effective.year, effective.month)[1]
    assert effective.day == min(received.day, last_day)  # same day, or the month's last day (§ 188 Abs. 3)


@given(lrv_notice_days, st.sampled_from(["event", "start_of_day"]))
def test_lrv_aftereffect_ends_at_most_twelve_months_after_the_termination_date(received, counting):
    t = lrv_termination(notice_received=received, aftereffect_counting=counting)
    assert t.effective_date < t.aftereffect_until
    assert t.aftereffect_until <= t.effective_date + relativedelta(months=12, days=1)
    if counting == "event":
        assert t.aftereffect_until == add_period(t.effective_date, months=12)


@given(lrv_notice_days, st.integers(min_value=1, max_value=1200))
def test_lrv_replacement_only_shortens(received, days_after):
    full = lrv_termination(notice_received=received)
    replaced = received + timedelta(days=days_after)
    t = lrv_termination(notice_received=received, replaced_on=replaced)
    assert t.effective_date == full.effective_date
    assert t.effective_date <= t.aftereffect_until <= full.aftereffect_until
    assert t.terms_apply_until == min(full.aftereffect_until, replaced - timedelta(days=1))


@given(lrv_notice_days)
def test_lrv_a_later_notice_never_ends_earlier(received):
    today = lrv_termination(notice_received=received)
    tomorrow = lrv_termination(notice_received=received + timedelta(days=1))
    assert tomorrow.effective_date >= today.effective_date
    assert tomorrow.aftereffect_until >= today.aftereffect_until
