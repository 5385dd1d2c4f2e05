"""Properties of the procedural deadlines: deadlines to act never fall on a day one cannot act."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.calendar import add_period, add_period_from_start_of_day, is_nrw_holiday
from eghnrw.fristen.deadlines import (
    audit_timetable,
    deadline,
    evaluation_period_check,
    fixed_dates,
    hospital_need_report,
    recurring_due_dates,
    schiedsstelle_available_from,
    schiedsstelle_window,
    schiedsstelle_window_without_checklist,
)
from eghnrw.kommission.models import commission_chair
from strategies import chair_first_starts, lrv_days, sgb_ix_days


def _can_act_on(day: date) -> bool:
    return day.weekday() < 5 and not is_nrw_holiday(day)


@given(lrv_days, st.booleans(), st.sampled_from(["quality", "billing"]))
def test_audit_deadlines_are_days_to_act(last, saturday, audit):
    t = audit_timetable(last_audit_day=last, audit=audit, saturday_is_werktag=saturday)
    days = [t.draft_report_due, t.statement_due, t.final_report_due]
    if t.closing_meeting_due is not None:
        days.append(t.closing_meeting_due)
        assert last < t.closing_meeting_due <= last + timedelta(days=14)
    assert all(_can_act_on(d) for d in days)
    assert days[0] < days[1] < days[2]


@given(lrv_days, st.integers(min_value=0, max_value=30))
def test_later_actual_meeting_never_moves_deadlines_earlier(last, delay):
    early = audit_timetable(last_audit_day=last, closing_meeting_held=last)
    later = audit_timetable(last_audit_day=last, closing_meeting_held=last + timedelta(days=delay))
    assert later.draft_report_due >= early.draft_report_due
    assert later.final_report_due >= early.final_report_due


@given(lrv_days, st.booleans())
def test_hospital_report_is_a_day_to_act(learned, saturday):
    d = hospital_need_report(learned_on=learned, saturday_is_werktag=saturday)
    assert _can_act_on(d.due)
    assert learned < d.due <= learned + timedelta(days=10)


@given(
    st.dates(min_value=date(1995, 1, 1), max_value=date(2150, 12, 31)),
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["days", "weeks", "months", "werktage"]),
)
def test_generic_deadline_to_act(event, length, unit):
    d = deadline(event_day=event, **{unit: length})
    assert _can_act_on(d.due)
    assert d.period_end <= d.due
    waiting = deadline(event_day=event, to_act=False, **{unit: length})
    assert waiting.due == waiting.period_end == d.period_end


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2060, 12, 31)), st.integers(min_value=0, max_value=3000))
def test_recurring_deadlines_to_act(start, days):
    for item in recurring_due_dates(start=start, end=start + timedelta(days=days)):
        if item.to_act:
            assert _can_act_on(item.due)
        assert item.nominal <= item.due


def test_fixed_deadlines_to_act():
    assert all(_can_act_on(d.due) for d in fixed_dates() if d.to_act)


@given(sgb_ix_days)
def test_schiedsstelle_window_is_three_months_and_monotone(requested):
    available = schiedsstelle_available_from(negotiation_requested=requested)
    assert available == add_period(requested, months=3) + timedelta(days=1)
    assert schiedsstelle_available_from(negotiation_requested=requested + timedelta(days=1)) >= available


@given(
    chair_first_starts,
    st.integers(min_value=0, max_value=20 * 366),
    st.sampled_from(["from_first_term", "term_by_term"]),
)
def test_recurring_chair_terms_agree_with_commission_chair(first, offset, counting):
    # every day from the first term's start belongs to exactly one term, the same in both functions
    day = first + timedelta(days=offset)
    r = commission_chair(on=day, first_term_start=first, first_side="leistungserbringer", term_counting=counting)
    items = list(
        recurring_due_dates(
            start=r.term_start,
            end=r.term_end,
            duties=["chair_term"],
            chair_first_term_start=first,
            chair_term_counting=counting,
        )
    )
    assert [(d.period_start, d.due) for d in items] == [(r.term_start, r.term_end)]  # exactly one term
    assert r.term_start <= day <= r.term_end


@given(lrv_days, st.integers(min_value=0, max_value=800))
def test_an_evaluation_period_of_a_year_ends_no_earlier_than_the_calendar_says(start, length):
    # at least one calendar year (B.4.15 Abs. 3): allowed exactly from the day before the same date
    # a year on (or 28.02 from a 29.02), and a period that contains a whole calendar year is one
    end = start + timedelta(days=length)
    r = evaluation_period_check(period_start=start, period_end=end)
    assert r.allowed is (end >= add_period_from_start_of_day(start, years=1))
    whole = evaluation_period_check(period_start=start, period_end=end, reading="calendar_year")
    if whole.allowed:
        assert r.allowed


@given(sgb_ix_days)
def test_the_window_without_checklist_is_the_window_of_the_request(requested):
    # without Anlage C the request alone starts the three months: the same window as a request
    # whose documents arrive the same day
    plain = schiedsstelle_window_without_checklist(negotiation_requested=requested)
    same = schiedsstelle_window(negotiation_requested=requested, documents_received=requested)
    assert (plain.window_end, plain.available_from) == (same.window_end, same.available_from)
