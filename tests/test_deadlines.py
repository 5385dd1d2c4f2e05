"""Procedural deadlines: dates worked by hand (weekdays and NRW holidays checked in a calendar)."""

from __future__ import annotations

from datetime import date

import pytest

import eghnrw.fristen.deadlines as d
import eghnrw.fristen.terms as t
from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.deadlines import (
    Duty,
    audit_timetable,
    audit_window_check,
    deadline,
    fixed_dates,
    hospital_need_report,
    reaudit_check,
    recurring_due_dates,
    reduction_schiedsstelle_window,
    schiedsstelle_available_from,
    schiedsstelle_window,
)
from eghnrw.kommission.models import commission_chair

# --- § 126 Abs. 2 SGB IX ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "available"),
    [
        (date(2024, 5, 15), date(2024, 8, 16)),  # the contract example: three months end Thu 15.08.
        (date(2023, 11, 30), date(2024, 3, 1)),  # ends 29.02.2024 (§ 188 Abs. 3)
        (date(2022, 11, 30), date(2023, 3, 1)),  # ends 28.02.2023
        (date(2024, 1, 31), date(2024, 5, 1)),  # ends 30.04.2024
        (date(2024, 3, 1), date(2024, 6, 2)),  # ends Sat 01.06.2024: a waiting period, not moved
        (date(2025, 3, 19), date(2025, 6, 20)),  # ends on Fronleichnam 19.06.2025: not moved
        (date(2024, 8, 1), date(2024, 11, 2)),  # ends on Allerheiligen 01.11.2024: not moved
        (date(2018, 1, 1), date(2018, 4, 2)),  # first day of § 126 SGB IX
    ],
)
def test_schiedsstelle_available_from(requested, available):
    assert schiedsstelle_available_from(negotiation_requested=requested) == available


@pytest.mark.parametrize(
    ("requested", "window_end", "available"),
    [
        (date(2024, 3, 1), date(2024, 6, 3), date(2024, 6, 4)),  # Sat 01.06. -> Mon 03.06.
        (date(2025, 3, 19), date(2025, 6, 20), date(2025, 6, 21)),  # Fronleichnam -> Fri 20.06.
        (date(2024, 8, 1), date(2024, 11, 4), date(2024, 11, 5)),  # Allerheiligen (Fri), Sat, Sun
        (date(2024, 5, 15), date(2024, 8, 15), date(2024, 8, 16)),  # 15.08. is no holiday in NRW
    ],
)
def test_schiedsstelle_window_shifted_reading(requested, window_end, available):
    w = schiedsstelle_window(negotiation_requested=requested, shift_to_werktag=True)
    assert (w.window_end, w.available_from) == (window_end, available)


def test_schiedsstelle_window_trace_says_not_moved():
    w = schiedsstelle_window(negotiation_requested=date(2024, 3, 1))
    assert w.window_end == date(2024, 6, 1)
    assert any(s.clause == "§ 193 BGB" and "Wartefrist" in s.de for s in w.steps)
    assert w.steps[-1].clause == "§ 126 Abs. 2 Satz 1 SGB IX"


def test_schiedsstelle_window_starts_with_the_later_documents():
    w = schiedsstelle_window(negotiation_requested=date(2024, 5, 15), documents_received=date(2024, 6, 3))
    assert w.window_start_event == date(2024, 6, 3)
    assert w.available_from == date(2024, 9, 4)
    assert "LRV A.2.3 Abs. 3" in w.citations
    early = schiedsstelle_window(negotiation_requested=date(2024, 5, 15), documents_received=date(2024, 5, 2))
    assert early.available_from == date(2024, 8, 16)


def test_schiedsstelle_refuses_dates_before_sgb_ix_contract_law():
    with pytest.raises(InvalidInputError) as info:
        schiedsstelle_available_from(negotiation_requested=date(2017, 10, 31))
    assert info.value.argument == "negotiation_requested"
    with pytest.raises(InvalidInputError, match="documents_received"):
        schiedsstelle_window(negotiation_requested=date(2024, 5, 15), documents_received=date(2017, 12, 31))


def test_reduction_window_starts_with_final_report():
    w = reduction_schiedsstelle_window(final_report_notified=date(2024, 1, 31))
    assert (w.window_end, w.available_from) == (date(2024, 4, 30), date(2024, 5, 1))
    assert "LRV A.8.5 Abs. 2 Satz 3" in w.citations
    assert "§ 129 Abs. 1 Satz 4 SGB IX" in w.citations
    with pytest.raises(InvalidInputError, match="final_report_notified"):
        reduction_schiedsstelle_window(final_report_notified=date(2019, 12, 31))


# --- a deadline of any length -------------------------------------------------------------------


def test_deadline_over_reformationstag_2017():
    d = deadline(event_day=date(2017, 10, 3), weeks=4)
    assert d.period_end == date(2017, 10, 31)  # Reformationstag 2017: a holiday everywhere that year
    assert d.due == date(2017, 11, 2)  # 01.11. Allerheiligen too
    assert d.moved_by_193 is True
    assert any("Reformationstag" in s.de for s in d.steps)
    waiting = deadline(event_day=date(2017, 10, 3), weeks=4, to_act=False)
    assert waiting.due == date(2017, 10, 31)
    assert waiting.moved_by_193 is False


@pytest.mark.parametrize(
    ("kwargs", "period_end", "due"),
    [
        ({"event_day": date(2024, 1, 31), "months": 1}, date(2024, 2, 29), date(2024, 2, 29)),
        ({"event_day": date(2023, 1, 31), "months": 1}, date(2023, 2, 28), date(2023, 2, 28)),
        ({"event_day": date(2024, 5, 2), "weeks": 4}, date(2024, 5, 30), date(2024, 5, 31)),  # Fronleichnam
        ({"event_day": date(2024, 5, 8), "weeks": 4}, date(2024, 6, 5), date(2024, 6, 5)),
        ({"event_day": date(2024, 10, 31), "werktage": 5}, date(2024, 11, 7), date(2024, 11, 7)),
        ({"event_day": date(2024, 6, 3), "werktage": 5}, date(2024, 6, 8), date(2024, 6, 10)),  # Saturday
        ({"event_day": date(2024, 12, 20), "days": 5}, date(2024, 12, 25), date(2024, 12, 27)),
    ],
)
def test_deadline_examples(kwargs, period_end, due):
    d = deadline(**kwargs)
    assert (d.period_end, d.due) == (period_end, due)


def test_deadline_month_end_clamp_cited():
    assert "§ 188 Abs. 3 BGB" in deadline(event_day=date(2024, 1, 31), months=1).citations


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"event_day": date(2024, 1, 1), "weeks": -1}, "weeks"),
        ({"event_day": date(2024, 1, 1)}, "days/weeks/months/werktage"),
        ({"event_day": date(2024, 1, 1), "weeks": 1, "werktage": 2}, "werktage"),
        ({"event_day": date(2024, 1, 1), "weeks": 1, "clause": ""}, "clause"),
        ({"event_day": date(2024, 1, 1), "weeks": 1, "to_act": "yes"}, "to_act"),
        ({"event_day": "2024-01-01", "weeks": 1}, "event_day"),
        ({"event_day": date(2024, 1, 1), "months": 10**6}, "months"),
    ],
)
def test_deadline_bad_input(kwargs, argument):
    with pytest.raises(InvalidInputError) as info:
        deadline(**kwargs)
    assert info.value.argument == argument


# --- audit windows ------------------------------------------------------------------------------


def test_audit_window_allowed():
    c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=date(2019, 1, 1), period_end=date(2020, 12, 31))
    assert c.allowed is True
    assert (c.earliest_start, c.latest_end) == (date(2019, 1, 1), date(2020, 12, 31))
    assert c.problems == ()
    assert "LRV A.8.2 Abs. 2" in c.citations


def test_audit_window_too_far_back():
    c = audit_window_check(
        audit_notice=date(2024, 3, 15), period_start=date(2018, 12, 31), period_end=date(2019, 6, 30)
    )
    assert c.allowed is False
    assert "5 years back" in c.problems[0]


def test_audit_window_to_the_day_reading():
    c = audit_window_check(
        audit_notice=date(2024, 3, 15),
        period_start=date(2019, 1, 1),
        period_end=date(2020, 12, 31),
        calendar_years=False,
    )
    assert c.earliest_start == date(2019, 3, 15)
    assert c.allowed is False
    leap = audit_window_check(
        audit_notice=date(2024, 2, 29),
        period_start=date(2019, 2, 28),
        period_end=date(2020, 12, 31),
        calendar_years=False,
    )
    assert leap.earliest_start == date(2019, 2, 28)
    assert leap.allowed is True


@pytest.mark.parametrize(
    ("start", "end", "latest", "allowed"),
    [
        (date(2022, 3, 1), date(2024, 2, 29), date(2024, 2, 29), True),  # 24 months from 01.03.2022
        (date(2022, 3, 1), date(2024, 3, 1), date(2024, 2, 29), False),
        (date(2022, 1, 31), date(2024, 1, 30), date(2024, 1, 30), True),
        (date(2022, 1, 31), date(2024, 1, 31), date(2024, 1, 30), False),
    ],
)
def test_audit_window_24_months(start, end, latest, allowed):
    c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=start, period_end=end, audit="billing")
    assert (c.latest_end, c.allowed) == (latest, allowed)
    assert "LRV A.6.2.2 Abs. 1" in c.citations


def test_audit_window_cites_abs_3_when_24_months_end_on_a_missing_29_february():
    # from the start of 29.02.2024, 24 months end with the day before 29.02.2026, which is missing:
    # the last day of February 2026, 28.02.2026 (§ 188 Abs. 3 BGB)
    c = audit_window_check(audit_notice=date(2026, 3, 2), period_start=date(2024, 2, 29), period_end=date(2026, 2, 28))
    step = next(s for s in c.steps if s.en == "at most 24 months: ends by")
    assert (step.clause, step.value, c.allowed) == ("§ 188 Abs. 3 BGB", date(2026, 2, 28), True)


def test_audit_window_must_lie_in_the_past():
    c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=date(2023, 1, 1), period_end=date(2024, 3, 16))
    assert c.allowed is False
    assert "after the audit notice" in c.problems[0]


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"audit_notice": date(2019, 12, 31)}, "audit_notice"),
        ({"period_end": date(2021, 12, 31)}, "period_end"),
        ({"audit": "tax"}, "audit"),
        ({"calendar_years": None}, "calendar_years"),
    ],
)
def test_audit_window_bad_input(kwargs, argument):
    base = {"audit_notice": date(2024, 3, 15), "period_start": date(2022, 1, 1), "period_end": date(2023, 12, 31)}
    with pytest.raises(InvalidInputError) as info:
        audit_window_check(**(base | kwargs))
    assert info.value.argument == argument


# --- audit timetable ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # Thu 31.10.2024: 01.11. Allerheiligen and Sun 03.11. do not count -> Thu 07.11.; then 4 weeks each
        (
            {"last_audit_day": date(2024, 10, 31)},
            (date(2024, 11, 7), date(2024, 12, 5), date(2025, 1, 2), date(2025, 1, 30)),
        ),
        # Mon-Fri only: 04., 05., 06., 07., 08.11.
        (
            {"last_audit_day": date(2024, 10, 31), "saturday_is_werktag": False},
            (date(2024, 11, 8), date(2024, 12, 6), date(2025, 1, 3), date(2025, 1, 31)),
        ),
        # Mon 03.06.2024: the 5th Werktag is Sat 08.06. -> § 193 BGB: Mon 10.06.
        (
            {"last_audit_day": date(2024, 6, 3)},
            (date(2024, 6, 10), date(2024, 7, 8), date(2024, 8, 5), date(2024, 9, 2)),
        ),
        # Fri 24.05.2024: Sat 25. (1), 27., 28., 29. (4), Fronleichnam 30. skipped, Fri 31.05. (5)
        (
            {"last_audit_day": date(2024, 5, 24)},
            (date(2024, 5, 31), date(2024, 6, 28), date(2024, 7, 26), date(2024, 8, 23)),
        ),
        # actual closing meeting Mon 04.11.2024: later steps count from it
        (
            {"last_audit_day": date(2024, 10, 31), "closing_meeting_held": date(2024, 11, 4)},
            (date(2024, 11, 7), date(2024, 12, 2), date(2024, 12, 30), date(2025, 1, 27)),
        ),
        # meeting Wed 27.11.2024: draft due 25.12. (1. Weihnachtstag), 26.12. too -> Fri 27.12.
        (
            {"last_audit_day": date(2024, 11, 25), "closing_meeting_held": date(2024, 11, 27)},
            (date(2024, 12, 2), date(2024, 12, 27), date(2025, 1, 24), date(2025, 2, 21)),
        ),
    ],
)
def test_quality_audit_timetable(kwargs, expected):
    t = audit_timetable(**kwargs)
    assert (t.closing_meeting_due, t.draft_report_due, t.statement_due, t.final_report_due) == expected


def test_audit_timetable_actual_draft_and_late_steps():
    t = audit_timetable(last_audit_day=date(2024, 10, 31), draft_report_notified=date(2024, 12, 20))
    assert t.draft_report_due == date(2024, 12, 5)
    assert t.statement_due == date(2025, 1, 17)  # four weeks from the actual notice (Fri 20.12.)
    assert t.final_report_due == date(2025, 2, 14)
    assert t.late == ("draft_report",)
    # notified on its last day, Thu 05.12.2024: in time
    assert audit_timetable(last_audit_day=date(2024, 10, 31), draft_report_notified=date(2024, 12, 5)).late == ()
    late_meeting = audit_timetable(last_audit_day=date(2024, 10, 31), closing_meeting_held=date(2024, 11, 8))
    assert late_meeting.late == ("closing_meeting",)
    # held on its last day, Thu 07.11.2024 (Sat 2., Mon 4., Tue 5., Wed 6., Thu 7.: 5 Werktage, Allerheiligen
    # skipped): in time
    assert audit_timetable(last_audit_day=date(2024, 10, 31), closing_meeting_held=date(2024, 11, 7)).late == ()
    assert late_meeting.draft_report_due == date(2024, 12, 6)


def test_billing_audit_timetable():
    t = audit_timetable(last_audit_day=date(2024, 10, 31), audit="billing")
    assert t.closing_meeting_due is None
    assert t.draft_report_due == date(2024, 11, 28)
    assert t.statement_due == date(2024, 12, 27)  # 26.12. is the 2. Weihnachtstag
    assert t.final_report_due == date(2025, 1, 24)
    assert "LRV A.6.2.3 Abs. 1" in t.citations
    clarified = audit_timetable(last_audit_day=date(2024, 10, 31), audit="billing", clarified_on=date(2025, 1, 10))
    assert clarified.final_report_due == date(2025, 2, 7)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"last_audit_day": date(2019, 12, 31)}, "last_audit_day"),
        ({"last_audit_day": date(2024, 10, 31), "closing_meeting_held": date(2024, 10, 30)}, "closing_meeting_held"),
        ({"last_audit_day": date(2024, 10, 31), "draft_report_notified": date(2024, 11, 6)}, "draft_report_notified"),
        (
            {"last_audit_day": date(2024, 10, 31), "audit": "billing", "closing_meeting_held": date(2024, 11, 4)},
            "closing_meeting_held",
        ),
        ({"last_audit_day": date(2024, 10, 31), "clarified_on": date(2024, 12, 1)}, "clarified_on"),
        ({"last_audit_day": date(2024, 10, 31), "audit": "billing", "clarified_on": date(2024, 10, 1)}, "clarified_on"),
        ({"last_audit_day": date(2024, 10, 31), "saturday_is_werktag": "no"}, "saturday_is_werktag"),
    ],
)
def test_audit_timetable_bad_input(kwargs, argument):
    with pytest.raises(InvalidInputError) as info:
        audit_timetable(**kwargs)
    assert info.value.argument == argument


# --- A.8.2 Abs. 5, B.4.12 Abs. 3 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("docs", "day", "recent_until", "older"),
    [
        (date(2023, 2, 28), date(2024, 2, 29), date(2024, 2, 28), True),
        (date(2024, 2, 29), date(2025, 2, 28), date(2025, 2, 28), False),  # § 188 Abs. 3
        (date(2024, 2, 29), date(2025, 3, 1), date(2025, 2, 28), True),
        (date(2017, 10, 31), date(2020, 1, 2), date(2018, 10, 31), True),
    ],
)
def test_reaudit_check(docs, day, recent_until, older):
    c = reaudit_check(documents_dated=docs, audit_day=day)
    assert (c.recent_until, c.older_than_twelve_months, c.reaudit_allowed, c.discretion) == (
        recent_until,
        older,
        older,
        older,
    )


def test_reaudit_check_cites_abs_3_when_the_twelve_months_end_on_a_missing_29_february():
    # 29.02.2024 + 12 months: 29.02.2025 is missing → 28.02.2025, § 188 Abs. 3 BGB (not Abs. 2)
    c = reaudit_check(documents_dated=date(2024, 2, 29), audit_day=date(2025, 3, 1))
    assert (c.steps[1].clause, c.steps[1].value) == ("§ 188 Abs. 3 BGB", date(2025, 2, 28))
    c = reaudit_check(documents_dated=date(2023, 2, 28), audit_day=date(2024, 3, 1))
    assert (c.steps[1].clause, c.steps[1].value) == ("§ 188 Abs. 2 BGB", date(2024, 2, 28))


def test_reaudit_with_cause_is_not_limited():
    c = reaudit_check(documents_dated=date(2024, 2, 29), audit_day=date(2024, 6, 1), with_cause=True)
    assert (c.older_than_twelve_months, c.reaudit_allowed, c.discretion) == (False, True, False)
    with pytest.raises(InvalidInputError, match="documents_dated"):
        reaudit_check(documents_dated=date(2024, 6, 2), audit_day=date(2024, 6, 1))


@pytest.mark.parametrize(
    ("learned", "saturday", "due", "moved"),
    [
        (date(2024, 5, 29), True, date(2024, 6, 3), False),  # Fronleichnam 30.05.; Fri 31. (1), Sat 01.06. (2), Mon 03.
        (date(2024, 5, 29), False, date(2024, 6, 4), False),
        (date(2024, 6, 5), True, date(2024, 6, 10), True),  # 3rd Werktag Sat 08.06. -> Mon 10.06.
        (date(2024, 10, 30), True, date(2024, 11, 4), False),  # 31. (1), Allerheiligen, Sat 02. (2), Mon 04. (3)
    ],
)
def test_hospital_need_report(learned, saturday, due, moved):
    d = hospital_need_report(learned_on=learned, saturday_is_werktag=saturday)
    assert (d.due, d.moved_by_193) == (due, moved)
    assert d.citations[0] == "LRV B.4.12 Abs. 3"
    with pytest.raises(InvalidInputError, match="learned_on"):
        hospital_need_report(learned_on=date(2019, 12, 31))


# --- recurring and fixed dates -------------------------------------------------------------------


def test_audit_reports_every_two_years_as_at_31_december():
    # A.8.3 Abs. 6: "im Abstand von zwei Jahren – erstmals zum 31.12.2021": a Stichtag, not moved —
    # 31.12.2023 is a Sunday and stays
    items = list(recurring_due_dates(start=date(2020, 1, 1), end=date(2030, 12, 31), duties=[Duty.AUDIT_REPORT]))
    assert [(d.nominal, d.due) for d in items] == [
        (date(y, 12, 31), date(y, 12, 31)) for y in (2021, 2023, 2025, 2027, 2029)
    ]
    assert [d.to_act for d in items] == [False] * 5
    assert items[1].de == "Bericht über die Prüfungen an die Gemeinsame Kommission, Stichtag"


def test_a_day_to_act_on_the_first_or_last_day_of_the_range_is_in_it():
    # both ends are included: the report as at 31.12.2023 is in a range that starts or ends that day;
    # moved to Tuesday 02.01.2024 it belongs to a range of its named day and to one of its § 193 day
    def due(start: date, end: date, *, shift: bool = False) -> list[date]:
        dates = recurring_due_dates(start=start, end=end, duties=["audit_report"], audit_report_shift_to_werktag=shift)
        return [d.due for d in dates]

    assert due(date(2023, 12, 31), date(2024, 6, 30)) == [date(2023, 12, 31)]
    assert due(date(2023, 1, 1), date(2023, 12, 31)) == [date(2023, 12, 31)]
    assert due(date(2024, 1, 2), date(2024, 6, 30), shift=True) == [date(2024, 1, 2)]
    assert due(date(2023, 12, 31), date(2023, 12, 31), shift=True) == [date(2024, 1, 2)]
    assert due(date(2024, 1, 3), date(2024, 6, 30), shift=True) == []


def test_audit_reports_as_days_to_act_by_the_other_reading():
    # audit_report_shift_to_werktag=True: a day to act by; § 193 BGB moves Sunday 31.12.2023 past
    # Neujahr to Tuesday 02.01.2024
    items = list(
        recurring_due_dates(
            start=date(2020, 1, 1),
            end=date(2030, 12, 31),
            duties=[Duty.AUDIT_REPORT],
            audit_report_shift_to_werktag=True,
        )
    )
    assert [d.due for d in items] == [
        date(2021, 12, 31),
        date(2024, 1, 2),
        date(2025, 12, 31),
        date(2027, 12, 31),
        date(2029, 12, 31),
    ]
    assert items[1].moved_by_193 is True
    with pytest.raises(InvalidInputError, match=r"^audit_report_shift_to_werktag: got 1; pass True or False"):
        recurring_due_dates(start=date(2020, 1, 1), end=date(2020, 12, 31), audit_report_shift_to_werktag=1)  # type: ignore[arg-type]


def test_ministry_report_every_three_years_from_2021():
    items = list(recurring_due_dates(start=date(2020, 1, 1), end=date(2030, 12, 31), duties=["ministry_report"]))
    assert [d.period_start for d in items] == [date(y, 1, 1) for y in (2021, 2024, 2027, 2030)]
    assert all(d.due == date(d.period_start.year, 12, 31) and not d.to_act for d in items if d.period_start)


def test_yearly_meetings_give_only_the_days_inside_the_range():
    # the 2024 meeting's year ends inside the range (its start 01.01.2024 lies before it); the 2025
    # meeting's year begins inside it and ends after it: its first day is the event of the range
    items = list(recurring_due_dates(start=date(2024, 6, 1), end=date(2025, 2, 1), duties=["commission_meeting"]))
    assert [(d.period_start, d.due) for d in items] == [(None, date(2024, 12, 31)), (None, date(2025, 1, 1))]
    assert items[0].clause == items[1].clause == "LRV A.9.6 Abs. 1"
    assert items[1].de == "Sitzung der Gemeinsamen Kommission (mindestens jährlich): Zeitraum beginnt"
    assert items[1].en == "meeting of the Gemeinsame Kommission (at least yearly): period begins"


def test_chair_terms_alternate():
    items = list(
        recurring_due_dates(
            start=date(2020, 1, 1),
            end=date(2025, 12, 31),
            duties=["chair_term"],
            chair_first_term_start=date(2020, 3, 1),
            chair_first_side="traeger_der_eingliederungshilfe",
        )
    )
    assert [(d.period_start, d.due) for d in items] == [
        (date(2020, 3, 1), date(2022, 2, 28)),
        (date(2022, 3, 1), date(2024, 2, 29)),
        (None, date(2024, 3, 1)),  # the third term begins in the range and ends 28.02.2026, after it
    ]
    assert ["Träger" in d.de for d in items] == [True, False, True]


@pytest.mark.parametrize(
    ("counting", "terms"),
    [
        # term by term (the default): term 2 from 01.03.2022 ends the day before 01.03.2024 = 29.02.2024
        (
            "term_by_term",
            [
                (date(2020, 2, 29), date(2022, 2, 28)),
                (date(2022, 3, 1), date(2024, 2, 29)),
                (date(2024, 3, 1), date(2026, 2, 28)),
            ],
        ),
        # from the first term: term 2 ends the day before 29.02.2024 (four years from 29.02.2020)
        (
            "from_first_term",
            [
                (date(2020, 2, 29), date(2022, 2, 28)),
                (date(2022, 3, 1), date(2024, 2, 28)),
                (date(2024, 2, 29), date(2026, 2, 28)),
            ],
        ),
    ],
)
def test_chair_terms_are_those_of_commission_chair_from_29_february(counting, terms):
    # The recurring dates and commission_chair use one rule (models.chair_terms): the providers
    # chair from 29.02.2020 to 28.02.2022 (29.02.2022 is missing, § 188 Abs. 3), the Träger from
    # 01.03.2022 — no day in two terms, none in no term.
    items = list(
        recurring_due_dates(
            start=date(2020, 1, 1),
            end=date(2026, 2, 28),  # the last day of the third term
            duties=["chair_term"],
            chair_first_term_start=date(2020, 2, 29),
            **({} if counting == "term_by_term" else {"chair_term_counting": counting}),
        )
    )
    assert [(d.period_start, d.due) for d in items] == terms
    for item in items:
        for day in (item.period_start, item.due):
            r = commission_chair(
                on=day, first_term_start=date(2020, 2, 29), first_side="leistungserbringer", term_counting=counting
            )
            assert (r.term_start, r.term_end) == (item.period_start, item.due)


def test_a_bad_chair_start_is_refused_even_when_the_chair_is_not_asked_for():
    # duties=[] used to return [] without looking at chair_first_term_start
    with pytest.raises(InvalidInputError) as info:
        recurring_due_dates(start=date(2020, 1, 1), end=date(2020, 12, 31), duties=[], chair_first_term_start="x")  # type: ignore[arg-type]
    assert info.value.argument == "chair_first_term_start"
    with pytest.raises(InvalidInputError, match=r"^chair_term_counting: got"):
        recurring_due_dates(start=date(2020, 1, 1), end=date(2020, 12, 31), chair_term_counting="x")  # type: ignore[arg-type]


def test_chair_terms_of_a_window_that_opens_on_a_term_end():
    dues = [
        d.due
        for d in recurring_due_dates(
            start=date(2025, 12, 31),
            end=date(2026, 1, 1),
            duties=["chair_term"],
            chair_first_term_start=date(2024, 1, 1),
        )
    ]
    assert dues == [date(2025, 12, 31), date(2026, 1, 1)]  # a term ends, the next begins


def test_all_duties_are_ordered():
    items = list(recurring_due_dates(start=date(2021, 1, 1), end=date(2021, 12, 31)))
    assert [d.due for d in items] == sorted(d.due for d in items)
    assert {d.clause for d in items} == {
        "LRV A.8.3 Abs. 6",
        "LRV A.9.6 Abs. 1",
        "LRV A.9.6 Abs. 5",
        "RV § 4 Abs. 5",
        "RV § 18 Abs. 2 Satz 1",
        "RV § 18 Abs. 2 Satz 2",
        "LRV B.1.3 Abs. 5, B.1.4 Abs. 5",
    }


def test_service_goals_are_set_at_least_once_each_calendar_year():
    # D15, LRV B.1.3 Abs. 5, B.1.4 Abs. 5: "mindestens einmal jährlich" — once in each calendar year,
    # 01.01.–31.12., not moved (nobody has to act on the last day rather than in the year)
    items = list(recurring_due_dates(start=date(2024, 1, 1), end=date(2025, 12, 31), duties=["service_goals"]))
    assert [(d.period_start, d.due, d.to_act) for d in items] == [
        (date(2024, 1, 1), date(2024, 12, 31), False),
        (date(2025, 1, 1), date(2025, 12, 31), False),
    ]
    assert items[0].clause == "LRV B.1.3 Abs. 5, B.1.4 Abs. 5"
    assert Duty("service_goals") is Duty.SERVICE_GOALS


def test_cooperation_agreements_by_1_january_2020_are_a_stichtag():
    # D15, RV § 5 Abs. 1: "bis zum 1. Januar 2020" — the day the new law and the RV take effect, a
    # Stichtag: not moved off Neujahr
    (coop,) = [d for d in fixed_dates() if d.clause == "RV § 5 Abs. 1"]
    assert (coop.nominal, coop.due, coop.to_act, coop.moved_by_193) == (
        date(2020, 1, 1),
        date(2020, 1, 1),
        False,
        False,
    )
    # the other reading: a day to act by; 01.01.2020 is Neujahr, so § 193 BGB moves it to Thursday 02.01.2020
    (coop,) = [d for d in fixed_dates(cooperation_shift_to_werktag=True) if d.clause == "RV § 5 Abs. 1"]
    assert (coop.nominal, coop.due, coop.to_act, coop.moved_by_193) == (
        date(2020, 1, 1),
        date(2020, 1, 2),
        True,
        True,
    )
    with pytest.raises(InvalidInputError, match=r"^cooperation_shift_to_werktag: got None; pass True or False"):
        fixed_dates(cooperation_shift_to_werktag=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"end": date(2019, 12, 31)}, "end"),
        ({"duties": "audit_report"}, "duties"),
        ({"duties": ["audit"]}, "duties"),
        ({"duties": ["chair_term"]}, "chair_first_term_start"),
        ({"chair_first_side": "kommunen"}, "chair_first_side"),
        ({"start": "2020"}, "start"),
    ],
)
def test_recurring_bad_input_is_refused_on_the_call(kwargs, argument):
    base = {"start": date(2020, 1, 1), "end": date(2024, 12, 31)}
    with pytest.raises(InvalidInputError) as info:
        recurring_due_dates(**(base | kwargs))  # no iteration needed: checked eagerly
    assert info.value.argument == argument


def test_fixed_dates():
    items = fixed_dates()
    by = {(d.clause, d.nominal): d for d in items}
    arrangements = by["LRV B.4.15 Abs. 6", date(2024, 4, 1)]
    assert arrangements.due == date(2024, 4, 2)  # Ostermontag -> Tuesday
    assert arrangements.to_act is True
    mobility = by["LRV B.4.11 Abs. 4", date(2023, 12, 31)]
    assert mobility.due == date(2023, 12, 31)  # a Sunday, but the end of a transition: not moved
    assert by["LRV B.4.15 Abs. 6", date(2025, 9, 30)].due == date(2025, 9, 30)
    assert by["LRV C.3", date(2023, 1, 1)].to_act is False
    assert [d.due for d in items] == sorted(d.due for d in items)
    assert [d.nominal for d in fixed_dates(start=date(2025, 7, 1), end=date(2025, 12, 31))] == [
        date(2025, 9, 30),
        date(2025, 12, 31),
    ]
    extended = fixed_dates(mobility_transition_until=date(2024, 12, 31))
    assert any(d.nominal == date(2024, 12, 31) and d.clause == "LRV B.4.11 Abs. 4" for d in extended)
    with pytest.raises(InvalidInputError, match="mobility_transition_until"):
        fixed_dates(mobility_transition_until=date(2023, 6, 30))
    with pytest.raises(InvalidInputError, match="end"):
        fixed_dates(start=date(2025, 1, 1), end=date(2024, 1, 1))


def test_fixed_dates_takes_a_one_day_window_and_refuses_an_end_before_the_start():
    assert fixed_dates(start=date(2024, 1, 1), end=date(2024, 1, 1)) == ()
    with pytest.raises(InvalidInputError) as info:
        fixed_dates(start=date(2024, 1, 2), end=date(2024, 1, 1))
    assert str(info.value) == "end: got datetime.date(2024, 1, 1); pass an end on or after start"
    assert (info.value.argument, info.value.value) == ("end", date(2024, 1, 1))


def test_a_moved_deadline_belongs_to_both_ranges():
    moved = {"duties": ["audit_report"], "audit_report_shift_to_werktag": True}
    in_2023 = list(recurring_due_dates(start=date(2023, 1, 1), end=date(2023, 12, 31), **moved))
    in_2024 = list(recurring_due_dates(start=date(2024, 1, 1), end=date(2024, 12, 31), **moved))
    assert [(d.nominal, d.due) for d in in_2023] == [(date(2023, 12, 31), date(2024, 1, 2))]
    assert in_2024 == in_2023


# --- D14: effectiveness audits, widening, the reduction amount with the preliminary report ----


def test_an_effectiveness_audit_covers_one_calendar_year():
    # A.8.4 Abs. 1: all services "innerhalb eines Kalenderjahres": 01.01.–31.12.2023 is allowed
    # (notice 15.03.2024: 5 calendar years back from 01.01.2019, the year lies in the past)
    ok = audit_window_check(
        audit_notice=date(2024, 3, 15),
        period_start=date(2023, 1, 1),
        period_end=date(2023, 12, 31),
        audit="effectiveness",
    )
    assert (ok.allowed, ok.audit) == (True, "effectiveness")
    assert "LRV A.8.4 Abs. 1" in ok.citations
    # 01.07.2022–30.06.2023 spans two years: refused; within one year but not all of it: refused
    for start, end in ((date(2022, 7, 1), date(2023, 6, 30)), (date(2023, 1, 1), date(2023, 6, 30))):
        c = audit_window_check(
            audit_notice=date(2024, 3, 15), period_start=start, period_end=end, audit="effectiveness"
        )
        assert c.allowed is False
        assert c.problems[-1].startswith("an effectiveness audit covers one calendar year")
    # the other reading: any period inside one calendar year
    half = audit_window_check(
        audit_notice=date(2024, 3, 15),
        period_start=date(2023, 1, 1),
        period_end=date(2023, 6, 30),
        audit="effectiveness",
        effectiveness_period="within_year",
    )
    assert half.allowed is True


def test_a_widened_audit_period_follows_the_window():
    # Audit notice 15.03.2024 for 01.01.2022–30.06.2023 (18 months). Widened on 10.02.2025 back to
    # 01.07.2021: the whole period 01.07.2021–30.06.2023 is 24 months from the start of 01.07.2021
    # (ends 30.06.2023, § 188 Abs. 2): allowed; 5 years back from the widening notice: from 01.01.2020.
    c = audit_window_check(
        audit_notice=date(2024, 3, 15),
        period_start=date(2022, 1, 1),
        period_end=date(2023, 6, 30),
        widened_on=date(2025, 2, 10),
        widened_period_start=date(2021, 7, 1),
        widened_period_end=date(2023, 6, 30),
    )
    assert (c.allowed, c.widened_on, c.widened_period_start, c.widened_period_end, c.latest_end) == (
        True,
        date(2025, 2, 10),
        date(2021, 7, 1),
        date(2023, 6, 30),
        date(2023, 6, 30),
    )
    assert "LRV A.8.2 Abs. 7 Satz 3" in c.citations
    # back to 30.06.2021: 24 months and a day — refused
    longer = audit_window_check(
        audit_notice=date(2024, 3, 15),
        period_start=date(2022, 1, 1),
        period_end=date(2023, 6, 30),
        widened_on=date(2025, 2, 10),
        widened_period_start=date(2021, 6, 30),
    )
    assert longer.allowed is False
    assert longer.problems == ("the period spans more than 24 months (it may end on 29.06.2023 at the latest)",)
    # a billing audit widened into 2019, notified 10.02.2025: from the widening notice the earliest
    # start is 01.01.2020 (refused); from the original notice (15.03.2024) 01.01.2019 (allowed)
    args = {
        "audit_notice": date(2024, 3, 15),
        "period_start": date(2020, 1, 1),
        "period_end": date(2020, 12, 31),
        "audit": "billing",
        "widened_on": date(2025, 2, 10),
        "widened_period_start": date(2019, 1, 1),
        "widened_period_end": date(2019, 12, 31),
    }
    strict = audit_window_check(**args)
    assert strict.allowed is False
    assert strict.problems[0].startswith(
        "widened_period_start 01.01.2019 lies more than 5 years back from the widening"
    )
    assert "LRV A.6.2.2 Abs. 4" in strict.citations
    assert audit_window_check(**args, widening_reach="audit_notice").allowed is True


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"widened_on": date(2024, 3, 14)}, "widened_on"),  # before the audit notice
        ({"widened_period_start": date(2021, 1, 1)}, "widened_on"),  # a widened period without its notice
        ({"widened_on": date(2024, 4, 1), "widened_period_end": date(2018, 1, 1)}, "widened_period_end"),
        ({"widening_reach": "x"}, "widening_reach"),
        ({"effectiveness_period": "x"}, "effectiveness_period"),
        ({"audit": "wirksamkeit"}, "audit"),
    ],
)
def test_widening_bad_input(kwargs, argument):
    base = {"audit_notice": date(2024, 3, 15), "period_start": date(2022, 1, 1), "period_end": date(2023, 6, 30)}
    with pytest.raises(InvalidInputError) as info:
        audit_window_check(**(base | kwargs))
    assert info.value.argument == argument


def test_the_reduction_amount_is_due_with_the_preliminary_report():
    # A.8.5 Abs. 1 Satz 2: last audit day 31.10.2024, closing meeting by 07.11., draft report by
    # 05.12.2024 — the Kürzungsbetrag is stated with it; with an actual draft on 28.11. on that day
    t = audit_timetable(last_audit_day=date(2024, 10, 31))
    assert t.reduction_amount_due == date(2024, 12, 5)
    assert any(s.clause == "LRV A.8.5 Abs. 1 Satz 2" and s.value == date(2024, 12, 5) for s in t.steps)
    assert audit_timetable(
        last_audit_day=date(2024, 10, 31), draft_report_notified=date(2024, 11, 28)
    ).reduction_amount_due == date(2024, 11, 28)
    # no reduction after a billing audit (A.6.2) or an effectiveness audit ("Sanktionen erfolgen nicht")
    assert audit_timetable(last_audit_day=date(2024, 10, 31), audit="billing").reduction_amount_due is None
    eff = audit_timetable(last_audit_day=date(2024, 10, 31), audit="effectiveness")
    assert (eff.reduction_amount_due, eff.closing_meeting_due, eff.draft_report_due) == (
        None,
        date(2024, 11, 7),
        date(2024, 12, 5),
    )


def test_a_widening_continues_the_audit_and_the_timetable_follows():
    # widened on 20.10.2024, the audit ran until 31.10.: the deadlines count from 31.10.
    t = audit_timetable(last_audit_day=date(2024, 10, 31), widened_on=date(2024, 10, 20))
    assert (t.widened_on, t.closing_meeting_due) == (date(2024, 10, 20), date(2024, 11, 7))
    assert t.steps[0].clause == "LRV A.8.2 Abs. 7 Satz 3"
    with pytest.raises(InvalidInputError) as info:
        audit_timetable(last_audit_day=date(2024, 10, 31), widened_on=date(2024, 11, 1))
    assert info.value.argument == "widened_on"


def test_deadlines_is_a_package_that_exports_the_same_names():
    # one concept a module; `eghnrw.fristen.deadlines` keeps every public name it had
    before = {
        "SGB_IX_CONTRACT_LAW_IN_FORCE", "Audit", "AuditTimetable", "AuditWindowCheck", "Deadline", "DueDate", "Duty",
        "HospitalReportDeadline", "ReauditCheck", "SchiedsstelleWindow", "audit_timetable", "audit_window_check",
        "deadline", "fixed_dates", "hospital_need_report", "reaudit_check", "recurring_due_dates",
        "reduction_schiedsstelle_window", "schiedsstelle_available_from", "schiedsstelle_window",
    }  # fmt: skip
    assert before <= set(d.__all__)
    assert all(hasattr(d, name) for name in d.__all__)
    assert d.__path__  # a package
    # the calendar helpers live in the private eghnrw.core._dates, which terms and deadlines import
    assert t.agreement_day.__module__ == t.non_werktag_reason.__module__ == "eghnrw.core._dates"
    assert "agreement_day" not in t.__all__


@pytest.mark.parametrize(
    ("start", "end"), [(date(2025, 1, 1), date(2026, 12, 31)), (date(2025, 6, 1), date(2026, 6, 30))]
)
def test_recurring_due_dates_hold_only_days_inside_the_range(start: date, end: date):
    # 2025–2026 gave the chair terms' 01.03.2024 and 29.02.2028 (their periods touched the range)
    items = list(recurring_due_dates(start=start, end=end, chair_first_term_start=date(2020, 3, 1)))
    days = [day for d in items for day in (d.period_start, d.due) if day is not None]
    assert days
    assert all(start <= day <= end for day in days)


# --- D16: the evaluation period (LRV B.4.15 Abs. 3) --------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "reading", "allowed", "earliest"),
    [
        # B.4.15 Abs. 6's own evaluation: from the start of 01.07.2024, a year ends the day before
        # 01.07.2025 = 30.06.2025 (§ 187 Abs. 2, § 188 Abs. 2): exactly one year
        (date(2024, 7, 1), date(2025, 6, 30), "year", True, date(2025, 6, 30)),
        (date(2024, 7, 1), date(2025, 6, 29), "year", False, date(2025, 6, 30)),
        # from 29.02.2024: 29.02.2025 is missing, the year ends 28.02.2025 (§ 188 Abs. 3)
        (date(2024, 2, 29), date(2025, 2, 28), "year", True, date(2025, 2, 28)),
        # a whole calendar year: 01.07.2024–30.06.2025 contains none; 01.07.2024–31.12.2025 contains 2025
        (date(2024, 7, 1), date(2025, 6, 30), "calendar_year", False, None),
        (date(2024, 7, 1), date(2025, 12, 31), "calendar_year", True, None),
        (date(2024, 1, 1), date(2024, 12, 31), "calendar_year", True, None),
    ],
)
def test_evaluation_period_lasts_at_least_one_calendar_year(start, end, reading, allowed, earliest):
    r = d.evaluation_period_check(period_start=start, period_end=end, reading=reading)
    assert (r.allowed, r.earliest_end) == (allowed, earliest)
    assert r.citations[0] == "LRV B.4.15 Abs. 3"
    assert r.steps[-1].value is allowed


def test_evaluation_period_cites_abs_3_from_29_february_and_refuses_bad_input():
    r = d.evaluation_period_check(period_start=date(2024, 2, 29), period_end=date(2025, 2, 28))
    assert "§ 188 Abs. 3 BGB" in r.citations
    with pytest.raises(
        InvalidInputError, match=r"^period_end: got datetime.date\(2024, 6, 30\); pass a day on or after"
    ):
        d.evaluation_period_check(period_start=date(2024, 7, 1), period_end=date(2024, 6, 30))
    with pytest.raises(InvalidInputError, match=r"^reading: got 'kalenderjahr'"):
        d.evaluation_period_check(period_start=date(2024, 7, 1), period_end=date(2025, 6, 30), reading="kalenderjahr")  # type: ignore[arg-type]


# --- D17: the § 126 window without the checklists of Anlage C -----------------------------------


def test_the_window_without_checklist_starts_with_the_written_request():
    # B.1.5.1 Abs. 5 (Schulbegleitung): no checklist, so the request of 15.05.2024 starts the three
    # months: they end 15.08.2024 (§ 188 Abs. 2), the Schiedsstelle is available from 16.08.2024
    r = d.schiedsstelle_window_without_checklist(negotiation_requested=date(2024, 5, 15))
    assert (r.window_start_event, r.window_end, r.available_from) == (
        date(2024, 5, 15),
        date(2024, 8, 15),
        date(2024, 8, 16),
    )
    assert r.steps[1].clause == "LRV B.1.5.1 Abs. 5, B.1.5.2 Abs. 5, B.1.6.1 Abs. 5"
    assert "LRV A.2.3 Abs. 3" not in r.citations  # the checklist documents play no part
    # from 30.11.2023: 30.02.2024 is missing, the three months end 29.02.2024 (§ 188 Abs. 3);
    # shift_to_werktag moves Thursday 29.02 nowhere, the window is the same
    r = d.schiedsstelle_window_without_checklist(negotiation_requested=date(2023, 11, 30), shift_to_werktag=True)
    assert (r.window_end, r.available_from) == (date(2024, 2, 29), date(2024, 3, 1))
    assert "§ 188 Abs. 3 BGB" in r.citations
    with pytest.raises(InvalidInputError, match=r"^negotiation_requested: got datetime.date\(2017, 12, 31\)"):
        d.schiedsstelle_window_without_checklist(negotiation_requested=date(2017, 12, 31))


# --- D19: the duties "unverzüglich" ---------------------------------------------------------------


def test_unverzueglich_duties_are_events_from_their_trigger():
    # a notice of termination received 15.03.2024 (C.4 Abs. 3, Abs. 4) and an incident on 01.02.2024
    # (A.7.2.2 Abs. 2): ordered by day, then clause; no last day is computed
    r = d.unverzueglich_duties(
        triggers={
            "neuregelung_verhandeln": date(2024, 3, 15),
            d.UnverzueglichDuty.KUENDIGUNG_MITTEILEN: date(2024, 3, 15),
            "besonderes_vorkommnis": date(2024, 2, 1),
        }
    )
    assert [(e.duty.value, e.clause, e.triggered_on) for e in r.entries] == [
        ("besonderes_vorkommnis", "LRV A.7.2.2 Abs. 2", date(2024, 2, 1)),
        ("kuendigung_mitteilen", "LRV C.4 Abs. 3", date(2024, 3, 15)),
        ("neuregelung_verhandeln", "LRV C.4 Abs. 4", date(2024, 3, 15)),
    ]
    assert r.days == (date(2024, 2, 1), date(2024, 3, 15), date(2024, 3, 15))
    assert r.steps[-1].clause == "§ 121 Abs. 1 Satz 1 BGB"
    assert r.steps[
        0
    ].de == "besonderes Vorkommnis: der Leistungerbringer informiert den Träger schriftlich: ab".replace(
        "Leistungerbringer", "Leistungserbringer"
    )
    assert set(r.citations) >= {"LRV A.7.2.2 Abs. 2", "LRV C.4 Abs. 3", "LRV C.4 Abs. 4"}


@pytest.mark.parametrize(
    ("triggers", "argument"),
    [
        ({}, "triggers"),
        ([("besonderes_vorkommnis", date(2024, 2, 1))], "triggers"),
        ({"vorkommnis": date(2024, 2, 1)}, "triggers"),
        ({"besonderes_vorkommnis": date(2019, 12, 31)}, "triggers['besonderes_vorkommnis']"),
        ({"besonderes_vorkommnis": "2024-02-01"}, "triggers['besonderes_vorkommnis']"),
    ],
)
def test_unverzueglich_duties_refuse_bad_triggers(triggers, argument):
    with pytest.raises(InvalidInputError) as info:
        d.unverzueglich_duties(triggers=triggers)
    assert info.value.argument == argument


@pytest.mark.parametrize(
    ("audit", "clause"),
    [
        ("quality", "LRV A.8.2 Abs. 7 Satz 3"),
        ("billing", "LRV A.6.2.2 Abs. 4"),
        ("effectiveness", "LRV A.8.2 Abs. 7 Satz 3"),
    ],
)
@pytest.mark.parametrize(
    "widened", [{"widened_period_start": date(2021, 1, 1)}, {"widened_period_end": date(2023, 6, 30)}]
)
def test_a_widened_period_without_the_day_of_the_widening_is_refused(audit, clause, widened):
    # the message cites the widening's own clause: A.6.2.2 Abs. 4 for a billing audit, else A.8.2 Abs. 7 Satz 3
    with pytest.raises(InvalidInputError) as caught:
        audit_window_check(
            audit_notice=date(2024, 3, 15),
            period_start=date(2022, 1, 1),
            period_end=date(2022, 12, 31),
            audit=audit,
            **widened,
        )
    assert str(caught.value) == f"widened_on: got None; pass the day the widening was notified ({clause})"


def test_audit_window_may_end_on_the_day_of_the_notice():
    # period 16.03.2023–15.03.2024, notice 15.03.2024: it ends by the notice, so it lies in the past
    c = audit_window_check(audit_notice=date(2024, 3, 15), period_start=date(2023, 3, 16), period_end=date(2024, 3, 15))
    step = next(s for s in c.steps if s.en == "period lies in the past")
    assert (step.value, c.allowed, c.problems) == (True, True, ())


def test_the_window_without_checklist_moved_off_a_sunday_only_when_asked():
    # 16.03.2024 + 3 months = Sunday 16.06.2024 (§ 188 Abs. 2): not moved by default, the Schiedsstelle
    # is available from Monday 17.06.; shift_to_werktag=True moves the end to 17.06., available 18.06.2024
    r = d.schiedsstelle_window_without_checklist(negotiation_requested=date(2024, 3, 16))
    assert r.available_from == date(2024, 6, 17)
    r = d.schiedsstelle_window_without_checklist(negotiation_requested=date(2024, 3, 16), shift_to_werktag=True)
    assert r.available_from == date(2024, 6, 18)


def test_an_audit_timetable_refuses_the_dates_that_do_not_belong_to_it_with_the_callers_values():
    # a closing meeting is a step of LRV A.8 audits only
    with pytest.raises(
        InvalidInputError,
        match=r"^closing_meeting_held: got datetime\.date\(2024, 11, 4\); "
        r"pass None: the closing meeting belongs to LRV A\.8 audits$",
    ):
        audit_timetable(last_audit_day=date(2024, 10, 31), audit="billing", closing_meeting_held=date(2024, 11, 4))
    # a widening happens while the audit runs: on its last day at the latest
    with pytest.raises(
        InvalidInputError,
        match=r"^widened_on: got datetime\.date\(2024, 11, 1\); "
        r"pass a day up to last_audit_day: a widening happens while the audit runs$",
    ):
        audit_timetable(last_audit_day=date(2024, 10, 31), widened_on=date(2024, 11, 1))
    on_the_last_day = audit_timetable(last_audit_day=date(2024, 10, 31), widened_on=date(2024, 10, 31))
    assert on_the_last_day.widened_on == date(2024, 10, 31)


def test_a_billing_audit_is_clarified_after_its_preliminary_result_as_notified():
    # last audit day 31.10.2024; the preliminary result notified on 20.12.2024: a clarification
    # cannot come before that notice (it may come before the four weeks would have run out)
    with pytest.raises(
        InvalidInputError,
        match=r"^clarified_on: got datetime\.date\(2024, 12, 19\); "
        r"pass a date on or after 20\.12\.2024 \(the preliminary result\)$",
    ):
        audit_timetable(
            last_audit_day=date(2024, 10, 31),
            audit="billing",
            draft_report_notified=date(2024, 12, 20),
            clarified_on=date(2024, 12, 19),
        )
    # without a notice the clarification counts from the last audit day
    t = audit_timetable(last_audit_day=date(2024, 10, 31), audit="billing", clarified_on=date(2024, 11, 4))
    assert t.final_report_due == date(2024, 12, 2)  # 04.11. + 4 weeks = 02.12.2024, a Monday


def test_the_chair_terms_need_the_start_of_the_first_term():
    # LRV A.9.2 names no first day: asking for the chair's terms without it is refused, by name
    with pytest.raises(
        InvalidInputError,
        match=r"^chair_first_term_start: got None; pass the start of the first chair term \(LRV A\.9\.2\)$",
    ):
        list(recurring_due_dates(start=date(2024, 1, 1), end=date(2024, 12, 31), duties=[Duty.CHAIR_TERM]))
