"""Batch API: same rounding and errors as the single calls, bad rows reported by index, records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext

import pytest

from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.core.money import CONTEXT
from eghnrw.doors._columns import Read, certain_amounts
from eghnrw.doors.batch import daily_rates, hourly_rates, kdu_checks
from eghnrw.unterkunft.kdu import kdu_check
from eghnrw.verguetung.rates.daily import daily_rate
from eghnrw.verguetung.rates.hourly import hourly_rate

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


# --- single values: checked once, as the single call checks them ------------------------------------


def test_a_single_value_is_checked_once_and_raises_the_single_calls_error() -> None:
    with pytest.raises(InvalidInputError) as info:
        daily_rates(annual_cost=["1000", "2000"], places=0, occupancy_percent="95", days=365)
    with pytest.raises(InvalidInputError) as single:
        daily_rate(annual_cost="1000", places=0, occupancy_percent="95", days=365)
    assert (info.value.argument, str(info.value)) == ("places", str(single.value))
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got '0'"):
        daily_rates(annual_cost=["1000"], places=[1], occupancy_percent="0", days=365)
    with pytest.raises(InvalidInputError, match=r"^surcharges_percent\['x'\]: got 1\.5; floats"):
        hourly_rates(annual_personnel_cost=["63360"], surcharges_percent={"x": 1.5}, on=ON)
    with pytest.raises(InvalidInputError, match=r"^annual_hours: got '0'"):
        hourly_rates(annual_personnel_cost=["63360"], annual_hours="0")
    with pytest.raises(InvalidInputError, match=r"^adequacy_limit: got '0'"):
        kdu_checks(actual_costs=["700"], adequacy_limit="0")
    with pytest.raises(InvalidInputError, match=r"^actual_costs: got '700\.001'; pass an amount in whole cents"):
        kdu_checks(actual_costs="700.001", adequacy_limit=["500"])


def test_a_float_single_value_is_refused_even_without_rows() -> None:
    # kdu_checks(actual_costs=0.0, adequacy_limit=[]) returned an empty result: a float single value is refused
    with pytest.raises(InvalidInputError, match=r"^actual_costs: got 0\.0; floats cannot hold cents"):
        kdu_checks(actual_costs=0.0, adequacy_limit=[])  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got 95\.0; floats"):
        daily_rates(annual_cost=[], places=[], occupancy_percent=95.0, days=365)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^annual_personnel_cost: got 1\.5; floats"):
        hourly_rates(annual_personnel_cost=1.5, annual_hours=[], on=ON)  # type: ignore[arg-type]


def test_hourly_rates_refuses_overrides_that_are_not_a_mapping():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        hourly_rates(annual_personnel_cost=["63360"], on=date(2024, 1, 1), overrides=True)  # type: ignore[arg-type]


def test_an_empty_batch_still_checks_its_arguments():
    with pytest.raises(InvalidInputError, match=r"^itemised"):
        kdu_checks(actual_costs=[], adequacy_limit="500", itemised=None)  # type: ignore[arg-type]


# --- every input form, at the speed of the fast path ------------------------------------------------


def test_strings_as_a_csv_gives_them() -> None:
    r = daily_rates(
        annual_cost=["1000000", "365000", " 365000 ", "1.234,56", "1e6", "\u0661\u0660\u0660", "1000000.004"],
        places=[20, 10, 10, 1, 1, 1, 20],
        occupancy_percent=["95", "100", "100", "100", "100", "100", "95"],
        days="365",
    )
    # 1,000,000 ÷ (20 × 365 × 0.95 = 6,935) = 144.196… → 144.20; 365,000 ÷ 3,650 = 100.00 (padded: the
    # single call strips it); 1,000,000.004 ÷ 6,935 = 144.1961… → 144.20
    assert r.amounts == [Decimal("144.20"), Decimal("100.00"), Decimal("100.00"), None, None, None, Decimal("144.20")]
    assert [(e.index, e.argument) for e in r.errors] == [(3, "annual_cost"), (4, "annual_cost"), (5, "annual_cost")]
    assert "German number format" in r.errors[0].message
    assert "plain decimal syntax" in r.errors[1].message


def test_ints_and_mixed_columns() -> None:
    r = daily_rates(
        annual_cost=[1_000_000, "365000", Decimal("1000.50"), 10**15, True, None],
        places=20,
        occupancy_percent=[95, Decimal(95), "95", 95, 95, 95],
        days=365,
    )
    # 365,000 ÷ 6,935 = 52.63…; 1,000.50 ÷ 6,935 = 0.1442… → 0.14
    assert r.amounts[:3] == [Decimal("144.20"), Decimal("52.63"), Decimal("0.14")]
    assert r.amounts[3:] == [None, None, None]
    assert [e.message.split(";")[1].strip()[:24] for e in r.errors] == [
        "pass a number smaller in",
        "pass a number (Decimal, ",
        "expected a Decimal, an i",
    ]


def test_a_rate_beyond_ten_to_the_fifteen_is_refused_as_the_single_call_does() -> None:
    # 999,999,999,999,999 ÷ (1 × 1 × 0.001 ÷ 100) = 10^20: daily_rate refuses it, naming the formula
    r = daily_rates(annual_cost=[Decimal(999_999_999_999_999), Decimal(1)], places=1, occupancy_percent="0.001", days=1)
    assert r.amounts == [None, Decimal("100000.00")]
    assert r.errors[0].argument == "annual_cost ÷ (places × days × occupancy_percent ÷ 100)"


def test_days_per_row_without_a_value_read_the_parameter() -> None:
    # 365,000 ÷ (1 × 365 × 1) = 1,000.00 from berechnungstage on 2024-01-01 (365); 365,000 ÷ 100 = 3,650.00
    r = daily_rates(annual_cost=["365000", "365000"], places=1, occupancy_percent=100, days=[None, 100], on=ON)
    assert r.amounts == [Decimal("1000.00"), Decimal("3650.00")]
    r = daily_rates(annual_cost=["365000"], places=1, occupancy_percent=100, days=[None])
    assert r.errors[0].argument == "on"


def test_hourly_rates_per_row_hours_and_surcharges() -> None:
    r = hourly_rates(
        annual_personnel_cost=[63360, "63360", Decimal(60000), "1e5"],
        surcharges_percent=[None, {"gemeinkosten": "20"}, None, None],
        annual_hours=[None, "1584", Decimal(1500), 1500],
        on=ON,
    )
    # 63,360 ÷ 1,584 (KGSt) = 40.00; × 1.2 = 48.00; 60,000 ÷ 1,500 = 40.00
    assert r.amounts == [Decimal("40.00"), Decimal("48.00"), Decimal("40.00"), None]
    assert [(e.index, e.argument) for e in r.errors] == [(3, "annual_personnel_cost")]


def test_hourly_rates_with_a_kgst_override_of_zero_refuse_each_row() -> None:
    r = hourly_rates(annual_personnel_cost=["1", "2"], on=ON, overrides={"kgst_normalarbeitszeit": 0})
    assert r.amounts == [None, None]
    assert {e.argument for e in r.errors} == {"overrides['kgst_normalarbeitszeit']"}


def test_kdu_checks_of_every_form() -> None:
    r = kdu_checks(
        actual_costs=[700, "625.00", Decimal("600.5"), "700.005", 700.0], adequacy_limit=["500", 500, 500, 500, 500]
    )
    # 700 > 625: SGB XII 625.00, EGH 75.00; exactly 625: not exceeded; 600.50 ≤ 625: SGB XII 600.50
    assert r.columns["sgb_xii_share"] == [Decimal("625.00"), Decimal("625.00"), Decimal("600.50"), None, None]
    assert r.columns["eingliederungshilfe_share"][:3] == [Decimal("75.00"), Decimal("0.00"), Decimal("0.00")]
    assert r.columns["exceeds_threshold"] == [True, False, False, None, None]
    assert [(e.index, e.argument) for e in r.errors] == [(3, "actual_costs"), (4, "actual_costs")]
    assert "whole cents" in r.errors[0].message


def test_inputs_table_and_messages() -> None:
    r = kdu_checks(actual_costs=("700", "x"), adequacy_limit=500)
    assert r.inputs == {"actual_costs": ["700", "x"], "adequacy_limit": (500, 500)}
    assert r.messages() == [None, r.errors[0].message]
    assert r.table() == {
        "actual_costs": ["700", "x"],
        "adequacy_limit": [500, 500],
        "exceeds_threshold": [True, None],
        "sgb_xii_share": [Decimal("625.00"), None],
        "eingliederungshilfe_share": [Decimal("75.00"), None],
        "uncovered_share": [Decimal("0.00"), None],
        "error": [None, r.errors[0].message],
    }


def test_the_callers_list_is_never_changed() -> None:
    costs = ["1000", "x", 1.5, Decimal("NaN")]
    occupancy = [Decimal(100), Decimal(-1), Decimal(100), Decimal(100)]
    daily_rates(annual_cost=costs, places=1, occupancy_percent=occupancy, days=10)
    assert costs == ["1000", "x", 1.5, costs[3]]
    assert occupancy == [Decimal(100), Decimal(-1), Decimal(100), Decimal(100)]


# --- pandas, numpy, pyarrow ---------------------------------------------------------------------


def _needs(name: str) -> pytest.MarkDecorator:
    from importlib.util import find_spec  # noqa: PLC0415 - only to decide the skips

    return pytest.mark.skipif(find_spec(name) is None, reason=f"{name} is not installed (the [test] extra installs it)")


@_needs("numpy")
def test_numpy_arrays_and_scalars() -> None:
    import numpy as np  # noqa: PLC0415 - optional

    costs = np.array([1_000_000, 365_000], dtype=np.int64)
    r = daily_rates(annual_cost=costs, places=np.array([20, 10]), occupancy_percent=np.array(["95", "100"]), days=365)
    assert r.amounts == [Decimal("144.20"), Decimal("100.00")]
    assert r.inputs["annual_cost"] == [1_000_000, 365_000]  # numpy.int64 read as int
    # numpy scalars in a list, and as a single value: ints are ints; floats and bools are refused
    r = daily_rates(
        annual_cost=[np.int64(365_000), np.float64(1), np.bool_(True)],
        places=np.int32(10),
        occupancy_percent=100,
        days=365,
    )
    assert r.amounts == [Decimal("100.00"), None, None]
    assert "floats cannot hold cents" in r.errors[0].message
    # an object array of Decimals
    r = kdu_checks(actual_costs=np.array([Decimal("700.00")], dtype=object), adequacy_limit=np.int64(500))
    assert r.columns["eingliederungshilfe_share"] == [Decimal("75.00")]
    with pytest.raises(InvalidInputError, match=r"^annual_cost: got 'an array of 2 dimensions'"):
        daily_rates(annual_cost=np.zeros((2, 2), dtype=np.int64), places=1, occupancy_percent=100, days=1)


@_needs("pandas")
def test_a_dataframe_in_and_out() -> None:
    import pandas as pd  # noqa: PLC0415 - optional

    book = pd.DataFrame(
        {"cost": ["1000000", "-1", "365000"], "places": [20, 20, 10], "occupancy": [Decimal(95), Decimal(95), None]},
        index=pd.Index(["A-1", "A-2", "B-7"], name="case"),
    )
    r = daily_rates(annual_cost=book["cost"], places=book["places"], occupancy_percent=book["occupancy"], days=365)
    frame = r.to_pandas()
    assert list(frame.index) == ["A-1", "A-2", "B-7"]
    assert list(frame.columns) == ["annual_cost", "places", "occupancy_percent", "days", "amount", "error"]
    assert {str(dtype) for dtype in frame.dtypes} == {"object"}
    assert frame.loc["A-1", "amount"] == Decimal("144.20")
    assert isinstance(frame.loc["A-1", "amount"], Decimal)
    assert frame.loc["A-2", "amount"] is None
    assert frame.loc["A-2", "error"] == "annual_cost: got '-1'; pass an amount of zero or more"
    assert frame.loc["B-7", "error"].startswith("occupancy_percent: got None")
    assert list(book.join(frame[["amount"]])["amount"]) == [Decimal("144.20"), None, None]
    # Series that are not aligned are refused, not paired by position
    with pytest.raises(InvalidInputError, match=r"^places: got 'a Series with another index'"):
        daily_rates(
            annual_cost=book["cost"], places=book["places"].reset_index(drop=True), occupancy_percent=95, days=365
        )
    # nullable integers and Arrow-backed strings
    r = kdu_checks(
        actual_costs=pd.Series([700, None], dtype="Int64"), adequacy_limit=pd.Series(["500", "500"], dtype="string")
    )
    assert r.columns["sgb_xii_share"] == [Decimal("625.00"), None]
    assert r.errors[0].index == 1


@_needs("pandas")
def test_to_pandas_without_a_series_counts_rows_from_zero() -> None:
    frame = kdu_checks(actual_costs=["700", 1.5], adequacy_limit=500).to_pandas()
    assert list(frame.index) == [0, 1]
    assert frame["actual_costs"].tolist() == ["700", 1.5]  # inputs as given, object dtype
    assert frame["exceeds_threshold"].tolist() == [True, None]


@_needs("pyarrow")
def test_pyarrow_arrays_in_and_a_table_out() -> None:
    import pyarrow as pa  # noqa: PLC0415 - optional

    actual = pa.chunked_array(
        [pa.array([Decimal("700.00"), None], pa.decimal128(10, 2)), pa.array([Decimal("600.00")], pa.decimal128(10, 2))]
    )
    limits = pa.array(["500", "500", "500"], pa.string())
    r = kdu_checks(actual_costs=actual, adequacy_limit=limits)
    assert r.columns["sgb_xii_share"] == [Decimal("625.00"), None, Decimal("600.00")]
    table = r.to_arrow()
    assert table.column_names == [
        "actual_costs",
        "adequacy_limit",
        "exceeds_threshold",
        "sgb_xii_share",
        "eingliederungshilfe_share",
        "uncovered_share",
        "error",
    ]
    assert pa.types.is_decimal(table.schema.field("sgb_xii_share").type)
    assert table.column("sgb_xii_share").to_pylist() == [Decimal("625.00"), None, Decimal("600.00")]
    assert table.column("exceeds_threshold").type == pa.bool_()
    assert table.column("error").to_pylist()[1].startswith("actual_costs: got None")
    # inputs a row was refused for that Arrow would store as floats are given as text
    table = daily_rates(annual_cost=[Decimal(1000), 1.5], places=1, occupancy_percent=100, days=10).to_arrow()
    assert table.column("annual_cost").to_pylist() == ["1000", "1.5"]
    assert table.column("amount").to_pylist() == [Decimal("100.00"), None]


def test_the_collector_is_paused_only_while_rows_are_refused_and_restored() -> None:
    import gc  # noqa: PLC0415 - only here

    assert gc.isenabled()
    r = daily_rates(annual_cost=["1", "x", 1.5], places=1, occupancy_percent=100, days=1)
    assert len(r.errors) == 2
    assert gc.isenabled()
    gc.disable()
    try:
        kdu_checks(actual_costs=["1.001", "x"], adequacy_limit=1)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_a_single_cost_for_columns_of_places() -> None:
    # 36,500 ÷ (1 × 365 × 1) = 100.00 and ÷ (2 × 365 × 1) = 50.00
    r = daily_rates(annual_cost="36500", places=[1, 2], occupancy_percent=100, days=365)
    assert r.amounts == [Decimal("100.00"), Decimal("50.00")]
    r.raise_for_errors()  # nothing refused: no error
    with pytest.raises(InvalidInputError, match=r"^annual_cost: got '-1'"):
        daily_rates(annual_cost="-1", places=[1, 2], occupancy_percent=100, days=365)


def test_kdu_checks_take_the_threshold_at_the_cent_like_the_single_call():
    # 625.03 against 500.02: the threshold 625.025 compared exactly is exceeded (0.01 to the
    # Eingliederungshilfe); compared at the cent (625.03) it is not (decisions.md).
    exact = kdu_checks(actual_costs=["625.03", "700.00"], adequacy_limit="500.02")
    at_cent = kdu_checks(actual_costs=["625.03", "700.00"], adequacy_limit="500.02", threshold_at_cent=True)
    assert exact.columns["eingliederungshilfe_share"] == [Decimal("0.01"), Decimal("74.98")]
    assert at_cent.columns["eingliederungshilfe_share"] == [Decimal("0.00"), Decimal("74.97")]
    for i, cost in enumerate(["625.03", "700.00"]):
        single = kdu_check(actual_costs=cost, adequacy_limit="500.02", threshold_at_cent=True)
        assert at_cent.columns["sgb_xii_share"][i] == single.sgb_xii_share
    with pytest.raises(InvalidInputError, match="threshold_at_cent"):
        kdu_checks(actual_costs=[], adequacy_limit="500", threshold_at_cent=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("limit", ["", ".", "+", "1.2.3", Decimal("NaN"), Decimal("sNaN")])
def test_a_one_row_limit_that_is_no_number_is_refused_like_the_single_call(limit: object) -> None:
    # A one-row column has no comparison inside min()/max(): the NaN that "" or "1.2.3" becomes
    # must still be found, or all 900.00 would go to SGB XII without a word.
    r = kdu_checks(actual_costs=["900.00"], adequacy_limit=[limit])
    with pytest.raises(InvalidInputError) as info:
        kdu_check(actual_costs="900.00", adequacy_limit=limit)  # type: ignore[arg-type]
    assert [(e.index, e.argument, e.message) for e in r.errors] == [(0, "adequacy_limit", str(info.value))]
    assert r.columns["sgb_xii_share"] == [None]


@pytest.mark.parametrize("value", ["", ".", "+", "1.2.3", Decimal("NaN"), Decimal("sNaN")])
def test_a_one_row_column_that_is_no_number_is_refused_in_every_batch(value: object) -> None:
    for argument, r in (
        ("annual_cost", daily_rates(annual_cost=[value], places=1, occupancy_percent=100, days=1)),
        ("occupancy_percent", daily_rates(annual_cost=1, places=1, occupancy_percent=[value], days=1)),
        ("days", daily_rates(annual_cost=1, places=1, occupancy_percent=100, days=[value])),
        ("annual_personnel_cost", hourly_rates(annual_personnel_cost=[value], annual_hours=1)),
        ("annual_hours", hourly_rates(annual_personnel_cost=1, annual_hours=[value])),
        ("actual_costs", kdu_checks(actual_costs=[value], adequacy_limit=1)),
    ):
        assert [(e.index, e.argument) for e in r.errors] == [(0, argument)], argument


@pytest.mark.parametrize("value", ["", "1.2.3", Decimal("NaN")])
def test_the_column_reader_sets_aside_a_lone_nan(value: object) -> None:
    # the reader alone, without the batches' re-check of their results: a column of one value that
    # is no number is left to the single call, as it is among other values
    with localcontext(CONTEXT):
        for column in ([value], [Decimal(5), value]):
            numbers, bad = certain_amounts(Read("x", column), Decimal(0), Decimal(10))
            assert bad == [len(column) - 1]
            assert numbers[-1] == Decimal(1)  # the placeholder


_FLOAT_ADVICE = (
    "which cannot hold cents exactly. Read the table with eghnrw.read_table(...), which gives exact Decimal "
    "columns (German numbers included), or read it with dtype=str and convert each value with "
    "eghnrw.parse_amount(value, decimal_comma=True)."
)


def test_a_float_column_is_explained_once_at_the_top_of_the_result() -> None:
    r = daily_rates(annual_cost=[1000000.0, "1000000", 2.5], places=20, occupancy_percent=95, days=365)
    assert r.notice == f"2 of 3 rows refused: annual_cost holds floats (a pandas float64 column, say), {_FLOAT_ADVICE}"
    assert [e.index for e in r.errors] == [0, 2]  # each row still says why it was refused
    r = kdu_checks(actual_costs=[700.0], adequacy_limit=[500.0])
    assert r.notice == (
        f"1 of 1 rows refused: actual_costs, adequacy_limit hold floats (a pandas float64 column, say), {_FLOAT_ADVICE}"
    )
    assert hourly_rates(annual_personnel_cost=[63360.0], on=ON).notice is not None
    assert daily_rates(annual_cost=["1000000"], places=20, occupancy_percent=95, days=365).notice is None


def test_the_float_notice_counts_each_row_with_a_float_once_whatever_refused_it() -> None:
    # row 0: a float cost; row 1: a cost not in plain syntax (refused for it) and a float occupancy;
    # row 2: a float occupancy; row 3: a negative cost and no float (refused, not counted); row 4: fine.
    r = daily_rates(
        annual_cost=[1.5, "1.234,56", "365000", "-1", "365000"],
        places=1,
        occupancy_percent=["100", 90.0, 2.5, "100", "100"],
        days=365,
    )
    assert [(e.index, e.argument) for e in r.errors] == [
        (0, "annual_cost"),
        (1, "annual_cost"),
        (2, "occupancy_percent"),
        (3, "annual_cost"),
    ]
    assert r.amounts[4] == Decimal("1000.00")  # 365,000 ÷ (1 × 365 × 100 %)
    held = "annual_cost, occupancy_percent hold floats"
    assert r.notice == f"3 of 5 rows refused: {held} (a pandas float64 column, say), {_FLOAT_ADVICE}"


@_needs("pandas")
def test_a_pandas_float64_series_is_explained_once() -> None:
    import pandas as pd  # noqa: PLC0415 - optional

    costs = pd.Series([1000000, 365000], dtype="float64")  # what pd.read_csv gives with decimal=","
    r = daily_rates(annual_cost=costs, places=20, occupancy_percent=95, days=365)
    assert r.amounts == [None, None]
    assert str(r.notice).startswith("2 of 2 rows refused: annual_cost holds floats")
