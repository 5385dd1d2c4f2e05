"""Batch API: same rounding and errors as the single calls, bad rows reported by index, records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eghnrw.batch import daily_rates, hourly_rates, kdu_checks
from eghnrw.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.kdu import kdu_check
from eghnrw.rates.daily import daily_rate
from eghnrw.rates.hourly import hourly_rate

ON = date(2024, 1, 1)


def test_clean_columns_match_single_calls() -> None:
    costs = [Decimal(1000000), Decimal(365000), Decimal("1000.50"), Decimal(0)]
    places = [20, 10, 1, 3]
    occupancy = [Decimal(95), Decimal(100), Decimal(100), Decimal("50.5")]
    r = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=100)
    expected = [
        daily_rate(annual_cost=c, places=p, occupancy_percent=o, days=100).amount
        for c, p, o in zip(costs, places, occupancy, strict=True)
    ]
    assert r.amounts == expected
    assert r.ok
    assert len(r) == 4
    # 1,000.50 / (1 × 100 × 1) = 10.005 → 10.01, the half-cent edge as in the single call
    assert r.amounts[2] == Decimal("10.01")


def test_bad_rows_reported_with_index_others_kept() -> None:
    r = daily_rates(
        annual_cost=[Decimal(1000000), Decimal(-1), 1000.0, "NaN", Decimal(365000), "365000"],
        places=[20, 20, 20, 20, 0, 10],
        occupancy_percent=Decimal(95),
        days=365,
    )
    assert r.amounts[0] == Decimal("144.20")
    assert r.amounts[1:5] == [None, None, None, None]
    assert r.amounts[5] == Decimal("105.26")  # a string is fine: 365,000 / 3,467.5 = 105.263… → 105.26
    assert [(e.index, e.argument) for e in r.errors] == [
        (1, "annual_cost"),
        (2, "annual_cost"),
        (3, "annual_cost"),
        (4, "places"),
    ]
    assert "floats cannot hold cents" in r.errors[1].message
    assert not r.ok
    with pytest.raises(InvalidInputError, match=r"rows\[1\]\.annual_cost") as info:
        r.raise_for_errors()
    assert "4 row(s)" in info.value.expected


def test_nan_and_bool_in_clean_looking_columns() -> None:
    # a NaN hidden among Decimals and a bool among ints take the row-by-row path
    r = daily_rates(
        annual_cost=[Decimal(100), Decimal("NaN"), Decimal(100)],
        places=[1, 1, True],
        occupancy_percent=Decimal(100),
        days=1,
    )
    assert r.amounts == [Decimal("100.00"), None, None]
    assert [(e.index, e.argument) for e in r.errors] == [(1, "annual_cost"), (2, "places")]
    r = daily_rates(annual_cost=[Decimal(1)], places=[1], occupancy_percent=[Decimal("Infinity")], days=1)
    assert r.errors[0].argument == "occupancy_percent"


def test_days_from_parameter_and_per_row() -> None:
    r = daily_rates(annual_cost=["1000000"], places=[20], occupancy_percent=["95"], on=ON)
    assert r.amounts == [Decimal("144.20")]
    r = daily_rates(annual_cost=["1000", "1000"], places=1, occupancy_percent=100, days=[100, 0])
    assert r.amounts == [Decimal("10.00"), None]
    assert r.errors[0].argument == "days"


def test_batch_wide_arguments_raise_once() -> None:
    with pytest.raises(InvalidInputError) as info:
        daily_rates(annual_cost=["1"], places=[1], occupancy_percent=[1])
    assert info.value.argument == "on"
    with pytest.raises(InvalidInputError) as info:
        daily_rates(annual_cost=["1"], places=[1], occupancy_percent=[1], days=0)
    assert info.value.argument == "days"
    with pytest.raises(ParameterNotFoundError):
        daily_rates(annual_cost=["1"], places=[1], occupancy_percent=[1], on=date(2019, 1, 1))
    with pytest.raises(InvalidInputError) as info:
        daily_rates(annual_cost=["1", "2"], places=[1], occupancy_percent=[1], days=1)
    assert info.value.argument == "places"
    with pytest.raises(InvalidInputError) as info:
        daily_rates(annual_cost="1", places=1, occupancy_percent=1, days=1)
    assert info.value.argument == "annual_cost"


def test_empty_batch() -> None:
    r = daily_rates(annual_cost=[], places=[], occupancy_percent=[], days=365)
    assert (r.amounts, r.errors, r.records()) == ([], (), [])


def test_records_and_columns_for_pandas() -> None:
    r = daily_rates(annual_cost=["1000", "-1"], places=1, occupancy_percent=100, days=10)
    assert r.records() == [
        {"index": 0, "amount": Decimal("100.00"), "error": None},
        {"index": 1, "amount": None, "error": r.errors[0].message},
    ]
    assert r.columns == {"amount": [Decimal("100.00"), None]}


def test_hourly_rates() -> None:
    r = hourly_rates(
        annual_personnel_cost=["63360", "63360", "-5"],
        surcharges_percent=[None, {"gemeinkosten": "20", "sachaufwand": "15"}, None],
        on=ON,
    )
    assert r.amounts == [Decimal("40.00"), Decimal("54.00"), None]
    assert (
        r.amounts[1]
        == hourly_rate(
            annual_personnel_cost="63360", surcharges_percent={"gemeinkosten": "20", "sachaufwand": "15"}, on=ON
        ).amount
    )
    assert [(e.index, e.argument) for e in r.errors] == [(2, "annual_personnel_cost")]
    r = hourly_rates(annual_personnel_cost=["60000"], annual_hours=["1500"])
    assert r.amounts == [Decimal("40.00")]
    with pytest.raises(InvalidInputError) as info:
        hourly_rates(annual_personnel_cost=["1"])
    assert info.value.argument == "on"
    with pytest.raises(InvalidInputError) as info:
        hourly_rates(annual_personnel_cost=["1"], on=ON, overrides={"nope": 1})
    assert info.value.argument == "overrides"
    with pytest.raises(InvalidInputError) as info:
        hourly_rates(annual_personnel_cost=["1", "2"], surcharges_percent=[None], on=ON)
    assert info.value.argument == "surcharges_percent"


def test_kdu_checks() -> None:
    r = kdu_checks(actual_costs=["700", "625.00", "600", "x"], adequacy_limit="500", itemised=False)
    single = kdu_check(actual_costs="700", adequacy_limit="500", itemised=False)
    assert r.columns["sgb_xii_share"][:3] == [single.sgb_xii_share, Decimal("500.00"), Decimal("500.00")]
    assert r.columns["uncovered_share"][:3] == [Decimal("125.00"), Decimal("125.00"), Decimal("100.00")]
    assert r.columns["exceeds_threshold"] == [True, False, False, None]
    assert [(e.index, e.argument) for e in r.errors] == [(3, "actual_costs")]
    assert r.records()[3]["error"] == r.errors[0].message
