"""``eghnrw.fristen.deadlines.deadline``, the generic period rule the procedural deadlines rest on.

Every trace step is pinned: clause, German and English text, value. Dates worked by hand:

- 03.10.2017 + 4 weeks → Tue 31.10.2017 (Reformationstag, a holiday in 2017 only) → Wed 01.11.
  (Allerheiligen) → due Thu 02.11.2017 (§ 193 BGB); as a waiting period it stays on 31.10.
- 31.01.2024 + 1 month → 29.02.2024 (§ 188 Abs. 3 BGB, leap year), a Thursday: not moved;
  + 1 month + 1 day → 01.03.2024, counted under § 188 Abs. 2 (no clamp: days were added).
- 31.10.2024 + 5 Werktage → 07.11. (01.11. holiday, Sat 02.11. counts, Sun 03.11. not);
  without Saturdays → 08.11.
- 04.05.2024 + 28 days → Sat 01.06.2024 → due Mon 03.06.2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.deadlines import deadline

EVENT = ("Ereignis am", "event on")
START = ("§ 187 Abs. 1 BGB", "Frist beginnt am Folgetag", "the period starts the next day")
NOT_MOVED_TO_ACT = (
    "§ 193 BGB",
    "Frist zum Handeln endet an einem Werktag: keine Verschiebung",
    "deadline to act ends on a working day: not moved",
)
NOT_TO_ACT = (
    "§ 193 BGB",
    "keine Frist zum Handeln (Warte-/Kündigungsfrist): keine Verschiebung",
    "not a deadline to act (waiting or notice period): not moved",
)


def _inputs(event, *, days=0, weeks=0, months=0, werktage=0, to_act=True, saturday=True, clause="§ 186 BGB"):
    return {
        "event_day": event,
        "days": days,
        "weeks": weeks,
        "months": months,
        "werktage": werktage,
        "to_act": to_act,
        "saturday_is_werktag": saturday,
        "clause": clause,
    }


def test_four_weeks_over_reformationstag_and_allerheiligen_2017():
    r = deadline(event_day=date(2017, 10, 3), weeks=4)
    assert (r.event_day, r.period_end, r.due, r.to_act, r.moved_by_193) == (
        date(2017, 10, 3),
        date(2017, 10, 31),
        date(2017, 11, 2),
        True,
        True,
    )
    assert [tuple(s) for s in r.steps] == [
        ("§ 186 BGB", *EVENT, date(2017, 10, 3)),
        (*START, date(2017, 10, 4)),
        ("§ 188 Abs. 2 BGB", "rechnerisches Fristende", "period end", date(2017, 10, 31)),
        (
            "§ 193 BGB",
            "Frist zum Handeln: Reformationstag → nächster Werktag",
            "deadline to act: 31.10.2017 is a Saturday, Sunday or holiday → next working day",
            date(2017, 11, 2),
        ),
    ]
    assert dict(r.inputs) == _inputs(date(2017, 10, 3), weeks=4)


def test_the_same_period_as_a_waiting_period_is_not_moved():
    r = deadline(event_day=date(2017, 10, 3), weeks=4, to_act=False)
    assert (r.period_end, r.due, r.to_act, r.moved_by_193) == (date(2017, 10, 31), date(2017, 10, 31), False, False)
    assert tuple(r.steps[-1]) == (*NOT_TO_ACT, date(2017, 10, 31))
    assert dict(r.inputs) == _inputs(date(2017, 10, 3), weeks=4, to_act=False)


def test_a_month_from_31_january_ends_on_29_february_under_188_abs_3():
    r = deadline(event_day=date(2024, 1, 31), months=1, clause="LRV A.6.2.3")
    assert (r.period_end, r.due, r.moved_by_193) == (date(2024, 2, 29), date(2024, 2, 29), False)
    assert [tuple(s) for s in r.steps] == [
        ("LRV A.6.2.3", *EVENT, date(2024, 1, 31)),
        (*START, date(2024, 2, 1)),
        ("§ 188 Abs. 3 BGB", "rechnerisches Fristende", "period end", date(2024, 2, 29)),
        (*NOT_MOVED_TO_ACT, date(2024, 2, 29)),
    ]
    assert r.citations == ("LRV A.6.2.3", "§ 187 Abs. 1 BGB", "§ 188 Abs. 3 BGB", "§ 193 BGB")


def test_a_month_and_a_day_is_no_month_end_clamp():
    r = deadline(event_day=date(2024, 1, 31), months=1, days=1)
    assert r.due == date(2024, 3, 1)
    assert tuple(r.steps[2]) == ("§ 188 Abs. 2 BGB", "rechnerisches Fristende", "period end", date(2024, 3, 1))
    assert dict(r.inputs) == _inputs(date(2024, 1, 31), days=1, months=1)


def test_werktage_count_saturdays_by_default():
    r = deadline(event_day=date(2024, 10, 31), werktage=5)
    assert (r.period_end, r.due) == (date(2024, 11, 7), date(2024, 11, 7))
    assert [tuple(s) for s in r.steps] == [
        ("§ 186 BGB", *EVENT, date(2024, 10, 31)),
        ("§ 3 Abs. 2 BUrlG", "5. Werktag nach dem Ereignis", "5th Werktag after the event", date(2024, 11, 7)),
        (*NOT_MOVED_TO_ACT, date(2024, 11, 7)),
    ]


def test_werktage_without_saturdays_as_a_waiting_period():
    r = deadline(event_day=date(2024, 10, 31), werktage=5, saturday_is_werktag=False, to_act=False)
    assert (r.period_end, r.due) == (date(2024, 11, 8), date(2024, 11, 8))
    assert tuple(r.steps[1]) == (
        "§ 3 Abs. 2 BUrlG",
        "5. Werktag nach dem Ereignis",
        "5th Werktag after the event",
        date(2024, 11, 8),
    )
    assert tuple(r.steps[2]) == (*NOT_TO_ACT, date(2024, 11, 8))
    assert dict(r.inputs) == _inputs(date(2024, 10, 31), werktage=5, to_act=False, saturday=False)


def test_28_days_ending_on_a_saturday_move_to_monday():
    r = deadline(event_day=date(2024, 5, 4), days=28)
    assert (r.period_end, r.due, r.moved_by_193) == (date(2024, 6, 1), date(2024, 6, 3), True)
    assert tuple(r.steps[-1]) == (
        "§ 193 BGB",
        "Frist zum Handeln: Samstag → nächster Werktag",
        "deadline to act: 01.06.2024 is a Saturday, Sunday or holiday → next working day",
        date(2024, 6, 3),
    )


def test_the_explanation_names_the_values():
    text = deadline(event_day=date(2024, 5, 4), days=28).explain()
    assert text.splitlines()[:5] == [
        "Frist",
        "  Ereignis am: 04.05.2024",
        "  rechnerisches Fristende: 01.06.2024",
        "  Frist endet am: 03.06.2024",
        "  verschoben nach § 193 BGB: ja",
    ]


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"werktage": 2, "days": 1}, "werktage"),
        ({}, "days/weeks/months/werktage"),
        ({"days": -1}, "days"),
        ({"weeks": True}, "weeks"),
        ({"months": 1_201}, "months"),
        ({"werktage": 10_001}, "werktage"),
        ({"days": 1, "to_act": "yes"}, "to_act"),
        ({"days": 1, "saturday_is_werktag": None}, "saturday_is_werktag"),
        ({"days": 1, "clause": ""}, "clause"),
    ],
)
def test_bad_input_names_the_argument(kwargs, named):
    with pytest.raises(InvalidInputError, match=rf"^{named}: got"):
        deadline(event_day=date(2024, 1, 1), **kwargs)


def test_a_period_past_the_calendar_names_the_event_day():
    # 31.12.2196 (the last event day accepted) + 1,200 months = 31.12.2296, beyond 2199
    with pytest.raises(
        InvalidInputError,
        match=r"^event_day: got datetime\.date\(2196, 12, 31\); the result would be 2296-12-31, outside the years 1991",
    ):
        deadline(event_day=date(2196, 12, 31), months=1_200)
