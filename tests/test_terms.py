"""RV § 19, LRV C.1 and LRV C.4: dates worked by hand from the sources."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.fristen.terms import (
    lrv_in_force,
    lrv_termination,
    rv_current_period,
    rv_end_date,
    rv_last_day_for_notice,
    rv_termination,
)

# --- RV § 19 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "end"),
    [
        (date(2026, 9, 30), date(2026, 12, 31)),  # the contract example: last day in time
        (date(2026, 10, 1), date(2027, 12, 31)),  # one day late: the following period
        (date(2019, 7, 23), date(2025, 12, 31)),  # signature day: ends the first term
        (date(2024, 3, 15), date(2025, 12, 31)),  # during the first term
        (date(2025, 9, 30), date(2025, 12, 31)),  # 30.09.2025: in time for the first term
        (date(2025, 10, 1), date(2026, 12, 31)),
        (date(2025, 12, 31), date(2026, 12, 31)),  # last day of the first term: too late for it
        (date(2026, 1, 1), date(2026, 12, 31)),  # first day of the 2026 period
        (date(2028, 2, 29), date(2028, 12, 31)),
        (date(2028, 10, 2), date(2029, 12, 31)),  # 30.09.2028 is a Saturday: not moved
        (date(2029, 10, 1), date(2030, 12, 31)),  # 30.09.2029 is a Sunday: not moved
    ],
)
def test_rv_end_date(received, end):
    assert rv_end_date(notice_received=received) == end


@pytest.mark.parametrize(
    ("received", "end"),
    [
        (date(2028, 10, 2), date(2028, 12, 31)),  # Sat 30.09.2028 -> Mon 02.10.2028
        (date(2028, 10, 3), date(2029, 12, 31)),
        (date(2029, 10, 1), date(2029, 12, 31)),  # Sun 30.09.2029 -> Mon 01.10.2029
        (date(2026, 10, 1), date(2027, 12, 31)),  # 30.09.2026 is a Wednesday: nothing to move
    ],
)
def test_rv_end_date_with_193_reading(received, end):
    assert rv_end_date(notice_received=received, shift_to_werktag=True) == end


def test_rv_termination_result_and_trace():
    t = rv_termination(notice_received=date(2024, 3, 15))
    assert (t.current_period_start, t.current_period_end) == (date(2020, 1, 1), date(2025, 12, 31))
    assert t.last_day_for_notice == date(2025, 9, 30)
    assert t.timely is True
    assert t.end_date == date(2025, 12, 31)
    assert "RV § 19 Abs. 2 Satz 1" in t.citations
    assert "§ 193 BGB" in t.citations
    assert any("III ZR 172/04" in s.de for s in t.steps)
    assert "Rahmenvereinbarung NRW" in t.editions[0]
    assert "31.12.2025" in t.explain()


def test_rv_termination_late():
    t = rv_termination(notice_received=date(2027, 11, 2))
    assert (t.current_period_start, t.current_period_end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert t.last_day_for_notice == date(2027, 9, 30)
    assert t.timely is False
    assert t.end_date == date(2028, 12, 31)


@pytest.mark.parametrize(
    ("on", "start", "end", "notice", "first"),
    [
        (date(2020, 1, 1), date(2020, 1, 1), date(2025, 12, 31), date(2025, 9, 30), True),
        (date(2025, 12, 31), date(2020, 1, 1), date(2025, 12, 31), date(2025, 9, 30), True),
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 12, 31), date(2026, 9, 30), False),
        (date(2028, 2, 29), date(2028, 1, 1), date(2028, 12, 31), date(2028, 9, 30), False),
    ],
)
def test_rv_current_period(on, start, end, notice, first):
    p = rv_current_period(on=on)
    assert (p.start, p.end, p.last_day_for_notice, p.first_term) == (start, end, notice, first)


def test_rv_last_day_for_notice():
    assert rv_last_day_for_notice(period_end=date(2025, 12, 31)) == date(2025, 9, 30)
    assert rv_last_day_for_notice(period_end=date(2029, 12, 31)) == date(2029, 9, 30)
    assert rv_last_day_for_notice(period_end=date(2029, 12, 31), shift_to_werktag=True) == date(2029, 10, 1)


def test_rv_last_day_for_notice_wants_the_31_12_that_ends_a_period():
    with pytest.raises(InvalidInputError) as info:
        rv_last_day_for_notice(period_end=date(2028, 6, 30))
    assert str(info.value) == (
        "period_end: got datetime.date(2028, 6, 30); pass the 31.12 that ends a Gültigkeitsperiode (RV § 19)"
    )
    assert info.value.value == date(2028, 6, 30)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: rv_end_date(notice_received=date(2019, 7, 22)), "notice_received"),
        (lambda: rv_end_date(notice_received=datetime(2026, 9, 30, 12)), "notice_received"),  # noqa: DTZ001
        (lambda: rv_end_date(notice_received="2026-09-30"), "notice_received"),
        (lambda: rv_end_date(notice_received=date(2026, 9, 30), shift_to_werktag=1), "shift_to_werktag"),
        (lambda: rv_end_date(notice_received=date(2199, 1, 1)), "notice_received"),
        (lambda: rv_current_period(on=date(2019, 12, 31)), "on"),
        (lambda: rv_last_day_for_notice(period_end=date(2026, 12, 30)), "period_end"),
        (lambda: rv_last_day_for_notice(period_end=date(2024, 12, 31)), "period_end"),
    ],
)
def test_rv_bad_input(call, argument):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.argument == argument
    assert str(info.value).startswith(argument)


# --- LRV C.4 ------------------------------------------------------------------------------------


def test_lrv_termination_contract_example():
    t = lrv_termination(notice_received=date(2024, 3, 15))
    assert t.effective_date == date(2025, 3, 15)  # § 187 Abs. 1: 16.03.2024 .. § 188 Abs. 2: 15.03.2025
    assert t.aftereffect_until == date(2026, 3, 15)
    assert t.aftereffect_max_until == date(2026, 3, 15)
    assert t.terms_apply_until == date(2026, 3, 15)
    assert t.whole is True
    assert t.has_aftereffect is True
    assert t.citations[:4] == ("LRV C.4 Abs. 3", "LRV C.4 Abs. 1 Satz 1", "§ 187 Abs. 1 BGB", "§ 188 Abs. 2 BGB")
    assert "Landesrahmenvertrag" in t.editions[0]


@pytest.mark.parametrize(
    ("received", "effective", "until"),
    [
        (date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28)),  # § 188 Abs. 3: 29.02.2025 lacking
        (date(2024, 1, 31), date(2025, 1, 31), date(2026, 1, 31)),
        (date(2024, 4, 30), date(2025, 4, 30), date(2026, 4, 30)),
        (date(2025, 3, 15), date(2026, 3, 15), date(2027, 3, 15)),  # 15.03.2026 is a Sunday: not moved
        (date(2024, 11, 1), date(2025, 11, 1), date(2026, 11, 1)),  # Allerheiligen (a Saturday): not moved
        (date(2024, 6, 19), date(2025, 6, 19), date(2026, 6, 19)),  # Fronleichnam 2025: not moved
        (date(2019, 10, 31), date(2020, 10, 31), date(2021, 10, 31)),
    ],
)
def test_lrv_effective_dates(received, effective, until):
    t = lrv_termination(notice_received=received)
    assert (t.effective_date, t.aftereffect_until) == (effective, until)


def test_lrv_month_end_clamp_is_cited():
    t = lrv_termination(notice_received=date(2024, 2, 29))
    assert "§ 188 Abs. 3 BGB" in t.citations


def test_lrv_aftereffect_counting_readings_differ_only_before_a_leap_day():
    event = lrv_termination(notice_received=date(2026, 2, 28))
    start = lrv_termination(notice_received=date(2026, 2, 28), aftereffect_counting="start_of_day")
    assert event.effective_date == start.effective_date == date(2027, 2, 28)
    assert event.aftereffect_until == date(2028, 2, 28)  # § 190: from the end of the termination date
    assert start.aftereffect_until == date(2028, 2, 29)  # § 187 Abs. 2: from 01.03.2027, day before 01.03.2028
    same = lrv_termination(notice_received=date(2024, 3, 15), aftereffect_counting="start_of_day")
    assert same.aftereffect_until == date(2026, 3, 15)


@pytest.mark.parametrize(
    ("replaced", "until", "applies", "has"),
    [
        (date(2025, 10, 1), date(2025, 9, 30), date(2025, 9, 30), True),  # day before the replacement
        (date(2026, 3, 16), date(2026, 3, 15), date(2026, 3, 15), True),  # exactly at the maximum
        (date(2027, 1, 1), date(2026, 3, 15), date(2026, 3, 15), True),  # later: the maximum holds
        (date(2025, 3, 16), date(2025, 3, 15), date(2025, 3, 15), False),  # replaced at once: no Nachwirkung
        (date(2024, 12, 1), date(2025, 3, 15), date(2024, 11, 30), False),  # replaced before the termination date
    ],
)
def test_lrv_replacement(replaced, until, applies, has):
    t = lrv_termination(notice_received=date(2024, 3, 15), replaced_on=replaced)
    assert t.replaced_on == replaced
    assert t.aftereffect_until == until
    assert t.terms_apply_until == applies
    assert t.has_aftereffect is has


def test_lrv_nachwirkung_from_28_february_rests_on_190_bgb():
    # Notice received 28.02.2026: twelve months from the day after receipt (§ 187 Abs. 1) end on
    # 28.02.2027, the termination date. The Nachwirkung follows that period: § 190 BGB counts it from
    # the end of 28.02.2027, so the termination date stands in for the event day and twelve months
    # end on 28.02.2028 (§ 188 Abs. 2, the day with the same number). Its first day is 01.03.2027,
    # its last day 28.02.2028 — not 29.02.2028, which counting from the start of 01.03.2027 gives.
    t = lrv_termination(notice_received=date(2026, 2, 28))
    assert (t.effective_date, t.aftereffect_max_until, t.aftereffect_until) == (
        date(2027, 2, 28),
        date(2028, 2, 28),
        date(2028, 2, 28),
    )
    first, counted, last = [s for s in t.steps if s.value in {date(2027, 3, 1), date(2028, 2, 28)}]
    assert (first.clause, first.de, first.value) == (
        "LRV C.4 Abs. 4 Satz 2",
        "erster Tag der Nachwirkung (Tag nach dem Kündigungstermin)",
        date(2027, 3, 1),
    )
    assert (counted.clause, counted.value) == ("§ 190, § 188 Abs. 2 BGB", date(2028, 2, 28))
    assert "vom Ablauf des Kündigungstermins an" in counted.de
    assert (last.de, last.value) == ("letzter Tag der Nachwirkung", date(2028, 2, 28))
    # a termination date on 29.02.2028 (notice 29.02.2027 does not exist: received 28.02.2027 gives
    # 28.02.2028); notice received 29.02.2028 → termination date 28.02.2029 (§ 188 Abs. 3) → 28.02.2030
    leap = lrv_termination(notice_received=date(2028, 2, 29))
    assert (leap.effective_date, leap.aftereffect_until) == (date(2029, 2, 28), date(2030, 2, 28))


def test_lrv_partial_termination_party_and_side():
    t = lrv_termination(notice_received=date(2024, 3, 15), parts=["B.4.9", "C. 4", "B.4.9", "Anlage U"], party="LWL")
    assert t.parts == ("B.4.9", "C.4", "Anlage U")
    assert t.whole is False
    scope = next(s for s in t.steps if s.clause == "LRV C.4 Abs. 1 Satz 1")
    assert (scope.de, scope.en) == (
        "gekündigt teilweise: B.4.9, C.4, Anlage U, Frist 12 Monate",
        "terminated in part: B.4.9, C.4, Anlage U, 12 months",
    )
    assert (t.party, t.side) == ("LWL", "traeger_der_eingliederungshilfe")
    assert any(s.clause == "LRV C.4 Abs. 1 Satz 2" and s.value == "LWL" for s in t.steps)
    assert (
        lrv_termination(notice_received=date(2024, 3, 15), party="Städtetag NRW").side
        == "traeger_der_eingliederungshilfe"
    )
    # every party of the LRV's rubrum gives its side, both sides
    assert lrv_termination(notice_received=date(2024, 3, 15), party="bpa").side == "leistungserbringer"
    assert lrv_termination(notice_received=date(2024, 3, 15), party="bpa", side="leistungserbringer").side == (
        "leistungserbringer"
    )
    assert lrv_termination(notice_received=date(2024, 3, 15), party="Fachverband Sucht e. V.").side == (
        "leistungserbringer"
    )
    # a name that is no party of the LRV needs its side; with it, it is kept as given
    with pytest.raises(InvalidInputError, match=r"^party: got 'Foo e\.V\.'; name a party of the LRV"):
        lrv_termination(notice_received=date(2024, 3, 15), party="Foo e.V.")
    other = lrv_termination(notice_received=date(2024, 3, 15), party="Foo e.V.", side="leistungserbringer")
    assert (other.party, other.side) == ("Foo e.V.", "leistungserbringer")
    # a side that contradicts the rubrum is refused
    with pytest.raises(InvalidInputError, match=r"^side: got 'leistungserbringer'; LWL is on the side"):
        lrv_termination(notice_received=date(2024, 3, 15), party="LWL", side="leistungserbringer")


def test_lrv_signature_bounds_notice():
    ok = lrv_termination(notice_received=date(2019, 7, 23), signed_on=date(2019, 7, 23))
    assert ok.effective_date == date(2020, 7, 23)
    with pytest.raises(InvalidInputError, match="notice_received"):
        lrv_termination(notice_received=date(2019, 7, 22), signed_on=date(2019, 7, 23))


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"notice_received": date(2018, 12, 31)}, "notice_received"),
        ({"notice_received": None}, "notice_received"),
        ({"notice_received": date(2024, 3, 15), "replaced_on": date(2024, 3, 15)}, "replaced_on"),
        ({"notice_received": date(2024, 3, 15), "replaced_on": date(2024, 3, 1)}, "replaced_on"),
        ({"notice_received": date(2024, 3, 15), "replaced_on": "2025-01-01"}, "replaced_on"),
        ({"notice_received": date(2024, 3, 15), "parts": "B.4.9"}, "parts"),
        ({"notice_received": date(2024, 3, 15), "parts": ["X.1"]}, "parts"),
        ({"notice_received": date(2024, 3, 15), "parts": [4]}, "parts"),
        ({"notice_received": date(2024, 3, 15), "party": "  "}, "party"),
        ({"notice_received": date(2024, 3, 15), "side": "kommunen"}, "side"),
        ({"notice_received": date(2024, 3, 15), "aftereffect_counting": "187_2"}, "aftereffect_counting"),
        ({"notice_received": date(2024, 3, 15), "signed_on": date(2018, 1, 1)}, "signed_on"),
    ],
)
def test_lrv_bad_input(kwargs, argument):
    with pytest.raises(InvalidInputError) as info:
        lrv_termination(**kwargs)
    assert info.value.argument == argument


# --- LRV C.1 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "parts", "whole", "old"),
    [
        (date(2019, 7, 22), (), False, True),  # before signature: nothing
        (date(2019, 7, 23), ("A.9", "C", "Anlage U"), False, True),  # signature: A.9, C, Anlage U
        (date(2019, 12, 31), ("A.9", "C", "Anlage U"), False, True),  # § 79 SGB XII contracts' last day
        (date(2020, 1, 1), ("A", "B", "C", "Anlagen"), True, False),
        (date(2024, 2, 29), ("A", "B", "C", "Anlagen"), True, False),
    ],
)
def test_lrv_in_force(on, parts, whole, old):
    r = lrv_in_force(on=on, signed_on=date(2019, 7, 23))
    assert r.parts_in_force == parts
    assert r.whole_in_force is whole
    assert r.old_rahmenvertraege_in_force is old
    assert r.in_force is bool(parts)
    assert "LRV C.1 Satz 2" in r.citations


def test_lrv_in_force_signature_up_to_and_including_01_01_2020():
    assert lrv_in_force(on=date(2020, 1, 1), signed_on=date(2020, 1, 1)).whole_in_force is True
    with pytest.raises(InvalidInputError) as info:
        lrv_in_force(on=date(2020, 1, 1), signed_on=date(2020, 1, 2))
    assert str(info.value) == (
        "signed_on: got datetime.date(2020, 1, 2); pass a signature date up to 01.01.2020 (the LRV of 2019)"
    )
    assert info.value.value == date(2020, 1, 2)


@pytest.mark.parametrize("signed", [date(2018, 12, 31), date(2020, 1, 2)])
def test_lrv_in_force_refuses_signature_outside_2019(signed):
    with pytest.raises(InvalidInputError, match="signed_on"):
        lrv_in_force(on=date(2020, 1, 1), signed_on=signed)


def test_lrv_month_end_clamp_is_named_in_the_steps_and_a_partial_notice_in_both_languages():
    # notice of B.4 received 29.02.2024: twelve months end on 28.02.2025, as 29.02.2025 is missing
    t = lrv_termination(notice_received=date(2024, 2, 29), parts=["B.4"])
    texts = {(s.de, s.en) for s in t.steps}
    assert ("gekündigt teilweise: B.4, Frist 12 Monate", "terminated in part: B.4, 12 months") in texts
    assert any(
        s.de == "Kündigungstermin (Monatsletzter, der Tag fehlt)"
        and s.en == "termination date (month's last day, the day is missing)"
        and s.value == date(2025, 2, 28)
        for s in t.steps
    )


def test_lrv_notice_before_the_signature_is_refused_with_the_reason():
    with pytest.raises(
        InvalidInputError,
        match=r"^notice_received: got datetime\.date\(2024, 2, 1\); pass a date on or after 01\.03\.2024 "
        r"\(notice cannot precede the signature \(LRV C\.1 Satz 2: C applies from signature\)\)$",
    ):
        lrv_termination(notice_received=date(2024, 2, 1), signed_on=date(2024, 3, 1))
