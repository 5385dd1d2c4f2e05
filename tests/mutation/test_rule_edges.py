"""Edges the mutation run found untested: boundaries of ordering checks, and errors reached only
when two arguments clash. Values worked by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

import eghnrw as e
from eghnrw import InvalidInputError, ParameterNotFoundError
from eghnrw.rates.hourly import HourlyRateEntry

BASIS = {
    "places": 24,
    "occupancy_percent": "96",
    "posts_per_place": "0.25",
    "cost_per_post": "60000",
    "surcharges_percent": {"sachaufwand": "10"},
}


def _table() -> e.HourlyRateTable:
    kind = e.AssistenzKind("einfache_assistenz")
    return e.HourlyRateTable(
        entries=(
            HourlyRateEntry(
                kind=kind,
                tarifwerk="Haustarif A",
                valid_from=date(2024, 1, 1),
                valid_until=date(2024, 12, 31),
                rate=Decimal("41.10"),
                source="s",
            ),
            HourlyRateEntry(
                kind=kind, tarifwerk="Haustarif A", valid_from=date(2025, 1, 1), rate=Decimal("42.30"), source="s"
            ),
        )
    )


def test_fixed_dates_takes_a_one_day_window_and_refuses_an_end_before_the_start():
    assert e.fixed_dates(start=date(2024, 1, 1), end=date(2024, 1, 1)) == ()
    with pytest.raises(InvalidInputError) as info:
        e.fixed_dates(start=date(2024, 1, 2), end=date(2024, 1, 1))
    assert str(info.value) == "end: got datetime.date(2024, 1, 1); pass an end on or after start"
    assert (info.value.argument, info.value.value) == ("end", date(2024, 1, 1))


def test_rv_last_day_for_notice_wants_the_31_12_that_ends_a_period():
    with pytest.raises(InvalidInputError) as info:
        e.rv_last_day_for_notice(period_end=date(2028, 6, 30))
    assert str(info.value) == (
        "period_end: got datetime.date(2028, 6, 30); pass the 31.12 that ends a Gültigkeitsperiode (RV § 19)"
    )
    assert info.value.value == date(2028, 6, 30)


def test_lrv_in_force_signature_up_to_and_including_01_01_2020():
    assert e.lrv_in_force(on=date(2020, 1, 1), signed_on=date(2020, 1, 1)).whole_in_force is True
    with pytest.raises(InvalidInputError) as info:
        e.lrv_in_force(on=date(2020, 1, 1), signed_on=date(2020, 1, 2))
    assert str(info.value) == (
        "signed_on: got datetime.date(2020, 1, 2); pass a signature date up to 01.01.2020 (the LRV of 2019)"
    )
    assert info.value.value == date(2020, 1, 2)


def test_hourly_rate_table_find_names_what_is_wrong():
    table = _table()
    assert table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2024, 12, 31)).rate == Decimal(
        "41.10"
    )
    assert table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2025, 1, 1)).rate == Decimal("42.30")
    cases = [
        ({"tarifwerk": 5}, "tarifwerk: got 5; pass the Tarifwerk key as a string"),
        ({"on": "2024-06-01"}, "on: got '2024-06-01'; pass a datetime.date, not str"),
        (
            {"tarifwerk": "B"},
            "tarifwerk: got 'B'; the table has no einfache_assistenz rates for this Tarifwerk; known: Haustarif A",
        ),
        (
            {"kind": "qualifizierte_assistenz", "tarifwerk": "B"},
            "tarifwerk: got 'B'; the table has no qualifizierte_assistenz rates for this Tarifwerk; known: (none)",
        ),
    ]
    for change, message in cases:
        call = {"kind": "einfache_assistenz", "tarifwerk": "Haustarif A", "on": date(2024, 6, 1)} | change
        with pytest.raises(InvalidInputError) as info:
            table.find(**call)
        assert str(info.value) == message
        assert info.value.value == change.get("tarifwerk", change.get("on"))
    with pytest.raises(ParameterNotFoundError) as missing:
        table.find(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2023, 12, 31))
    assert str(missing.value) == (
        "on: no einfache_assistenz rate for Haustarif A on 2023-12-31; "
        "the table covers 2024-01-01–2024-12-31, 2025-01-01–open"
    )


def test_a_cost_basis_takes_a_zero_surcharge_and_refuses_a_negative_one():
    assert e.DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "0"}}).surcharges_percent == {"x": Decimal(0)}
    with pytest.raises(ValidationError) as negative:
        e.DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "-0.01"}})
    error = negative.value.errors()[0]
    assert (error["loc"], error["msg"]) == (
        ("surcharges_percent", "x"),
        "Value error, value: got '-0.01'; pass a percentage from 0 up to 100",
    )
    with pytest.raises(ValidationError) as word:
        e.DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "abc"}})
    assert word.value.errors()[0]["msg"] == (
        "Value error, value: got 'abc'; expected plain decimal syntax such as \"1234.56\" (no exponent, no separators)"
    )


def test_module_rates_pass_overrides_on_to_the_berechnungstage():
    # 24 places × 0.25 posts × 60,000 € = 360,000 €, + 10 % Sachaufwand = 396,000 €;
    # overridden 300 Berechnungstage × 24 places × 96 % = 6,912 days; 396,000 ÷ 6,912 = 57.2916… → 57.29
    # (with the parameter's 365 days: 396,000 ÷ 8,409.6 = 47.09).
    overrides = {"berechnungstage": "300"}
    wohnen = e.fachmodul_wohnen_rate(basis=BASIS, on=date(2024, 1, 1), overrides=overrides)
    tages = e.tagesstruktur_rate(
        intensity="intensitaet_1", bases={"intensitaet_1": BASIS}, on=date(2024, 1, 1), overrides=overrides
    )
    assert wohnen.amount == tages.amount == Decimal("57.29")
    assert e.fachmodul_wohnen_rate(basis=BASIS, on=date(2024, 1, 1)).amount == Decimal("47.09")


def test_chair_terms_of_a_window_that_opens_on_a_term_end():
    dues = [
        d.due
        for d in e.recurring_due_dates(
            start=date(2025, 12, 31),
            end=date(2026, 1, 1),
            duties=["chair_term"],
            chair_first_term_start=date(2024, 1, 1),
        )
    ]
    assert dues == [date(2025, 12, 31), date(2027, 12, 31)]


def test_personal_means_check_is_exact_under_the_callers_odd_context():
    # Regelbedarfsstufe 2 in 2024: 506 €; 506 − 480.55 = 25.45 (prec=3 would give 25.4).
    import decimal  # noqa: PLC0415 - local to the one test that needs it

    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        r = e.personal_means_check(personal_means="480.55", on=date(2024, 7, 1))
    assert (r.sufficient, r.minimum, r.shortfall) == (False, Decimal(506), Decimal("25.45"))
