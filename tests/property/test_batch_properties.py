"""Batch = single calls: byte-identical amounts and the same refusals, whatever the column holds.

The batch functions check and compute whole columns at once and hand every value they are not
certain of to the single call. These properties draw columns that mix every form — Decimal, int,
str (plain, padded, German, exponent, non-ASCII digits), floats, bools, NaN, infinities, values at
the edges of each range — and compare each row with the single call: the same ``Decimal`` (sign,
digits and exponent) or the same error (argument and message).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from importlib.util import find_spec
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from eghnrw.core.errors import InvalidInputError
from eghnrw.doors.batch import BatchResult, daily_rates, hourly_rates, kdu_checks
from eghnrw.unterkunft.kdu import kdu_check
from eghnrw.verguetung.rates.daily import daily_rate
from eghnrw.verguetung.rates.hourly import hourly_rate
from strategies import (
    batch_costs,
    batch_days,
    batch_hours,
    batch_kdu_costs,
    batch_kdu_limits,
    batch_occupancies,
    batch_places,
    batch_surcharges,
    kdu_costs,
    kdu_limits,
    rate_costs,
    rate_days,
    rate_occupancies,
    rate_places,
)

ON = date(2024, 1, 1)
containers = st.sampled_from([list, tuple])


def _single(call: Callable[..., Any], **arguments: Any) -> Any:
    try:
        return call(**arguments)
    except InvalidInputError as exc:
        return exc


def _same_decimal(got: object, expected: Decimal) -> bool:
    return isinstance(got, Decimal) and got.as_tuple() == expected.as_tuple()


def _assert_rows(result: BatchResult, singles: Sequence[Any], fields: dict[str, str]) -> None:
    """Each row of ``result`` equals the single call's result (``fields``: column → attribute) or error."""
    errors = {error.index: error for error in result.errors}
    assert len(result) == len(singles)
    for i, single in enumerate(singles):
        if isinstance(single, InvalidInputError):
            assert i in errors, (i, single)
            assert (errors[i].argument, errors[i].message) == (single.argument, str(single))
            assert all(result.columns[column][i] is None for column in fields)
            continue
        assert i not in errors, (i, errors.get(i))
        for column, attribute in fields.items():
            expected = getattr(single, attribute)
            got = result.columns[column][i]
            assert _same_decimal(got, expected) if isinstance(expected, Decimal) else got is expected, (i, column)


@given(st.lists(st.tuples(batch_costs, batch_places, batch_occupancies), max_size=12), rate_days, containers)
def test_daily_rates_equal_single_calls(rows: list[tuple[Any, Any, Any]], days: int, container: type) -> None:
    costs, places, occupancy = (container(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    result = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=days)
    singles = [_single(daily_rate, annual_cost=c, places=p, occupancy_percent=o, days=days) for c, p, o in rows]
    _assert_rows(result, singles, {"amount": "amount"})


@given(st.lists(st.tuples(batch_costs, batch_places, batch_occupancies, batch_days), min_size=1, max_size=12))
def test_daily_rates_with_days_per_row_equal_single_calls(rows: list[tuple[Any, Any, Any, Any]]) -> None:
    costs, places, occupancy, days = (list(column) for column in zip(*rows, strict=True))
    result = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=days, on=ON)
    singles = [_single(daily_rate, annual_cost=c, places=p, occupancy_percent=o, days=d, on=ON) for c, p, o, d in rows]
    _assert_rows(result, singles, {"amount": "amount"})


@given(
    st.lists(batch_costs, min_size=1, max_size=12),
    st.one_of(rate_places, rate_places.map(str)),
    st.one_of(rate_occupancies, rate_occupancies.map(str), st.integers(1, 100)),
)
def test_daily_rates_with_single_values_equal_single_calls(costs: list[Any], places: Any, occupancy: Any) -> None:
    if not isinstance(places, int):  # a single value the single call refuses: the batch raises the same error
        with pytest.raises(InvalidInputError) as info:
            daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=365)
        single = _single(daily_rate, annual_cost=0, places=places, occupancy_percent=occupancy, days=365)
        assert str(info.value) == str(single)
        return
    result = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=365)
    singles = [_single(daily_rate, annual_cost=c, places=places, occupancy_percent=occupancy, days=365) for c in costs]
    _assert_rows(result, singles, {"amount": "amount"})


@given(st.lists(st.tuples(batch_costs, batch_surcharges, batch_hours), max_size=12), containers)
def test_hourly_rates_equal_single_calls(rows: list[tuple[Any, Any, Any]], container: type) -> None:
    costs, surcharges, hours = (container(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    result = hourly_rates(annual_personnel_cost=costs, surcharges_percent=surcharges, annual_hours=hours, on=ON)
    singles = [
        _single(hourly_rate, annual_personnel_cost=c, surcharges_percent=s, annual_hours=h, on=ON) for c, s, h in rows
    ]
    _assert_rows(result, singles, {"amount": "amount"})


@given(st.lists(batch_costs, min_size=1, max_size=12), st.none() | st.sampled_from([{"gk": "12.5"}, {"a": 3}]))
def test_hourly_rates_with_kgst_hours_equal_single_calls(costs: list[Any], surcharges: Any) -> None:
    result = hourly_rates(annual_personnel_cost=costs, surcharges_percent=surcharges, on=ON)
    singles = [_single(hourly_rate, annual_personnel_cost=c, surcharges_percent=surcharges, on=ON) for c in costs]
    _assert_rows(result, singles, {"amount": "amount"})


_KDU_FIELDS = {
    name: name for name in ("exceeds_threshold", "sgb_xii_share", "eingliederungshilfe_share", "uncovered_share")
}


@example([("900.00", "")], True, list)  # a one-row column of no number: refused, not all to SGB XII
@example([("900.00", Decimal("NaN"))], False, tuple)
@given(st.lists(st.tuples(batch_kdu_costs, batch_kdu_limits), max_size=12), st.booleans(), containers)
def test_kdu_checks_equal_single_calls(rows: list[tuple[Any, Any]], itemised: bool, container: type) -> None:
    actual, limits = (container(column) for column in zip(*rows, strict=True)) if rows else ([], [])
    result = kdu_checks(actual_costs=actual, adequacy_limit=limits, itemised=itemised)
    singles = [_single(kdu_check, actual_costs=a, adequacy_limit=limit, itemised=itemised) for a, limit in rows]
    _assert_rows(result, singles, _KDU_FIELDS)


# --- columns of pandas, numpy and pyarrow ----------------------------------------------------------

_needs = {
    name: pytest.mark.skipif(find_spec(name) is None, reason=f"{name} is not installed (the [test] extra installs it)")
    for name in ("numpy", "pandas", "pyarrow")
}


@_needs["numpy"]
@given(st.lists(st.tuples(rate_costs, rate_places, rate_occupancies), max_size=12))
def test_numpy_columns_equal_single_calls(rows: list[tuple[Decimal, int, Decimal]]) -> None:
    import numpy as np  # noqa: PLC0415 - optional

    costs = np.array([int(c) for c, _, _ in rows], dtype=np.int64)
    places = np.array([p for _, p, _ in rows], dtype=np.int64)
    occupancy = np.array([str(o) for _, _, o in rows], dtype=str)  # numpy strings are str
    result = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=365)
    singles = [
        _single(daily_rate, annual_cost=int(c), places=p, occupancy_percent=str(o), days=365) for c, p, o in rows
    ]
    _assert_rows(result, singles, {"amount": "amount"})


@_needs["pandas"]
@given(st.lists(st.tuples(batch_kdu_costs, kdu_limits), max_size=12))
def test_pandas_columns_equal_single_calls(rows: list[tuple[Any, Decimal]]) -> None:
    import pandas as pd  # noqa: PLC0415 - optional

    actual = pd.Series([a for a, _ in rows], dtype=object, index=[f"case {i}" for i in range(len(rows))])
    limits = pd.Series([str(limit) for _, limit in rows], dtype="string", index=actual.index)
    result = kdu_checks(actual_costs=actual, adequacy_limit=limits)
    singles = [_single(kdu_check, actual_costs=a, adequacy_limit=str(limit)) for a, limit in rows]
    _assert_rows(result, singles, _KDU_FIELDS)
    frame = result.to_pandas()
    assert list(frame.index) == list(actual.index)
    assert all(isinstance(v, Decimal) or v is None for v in frame["sgb_xii_share"])


@_needs["pyarrow"]
@given(st.lists(st.tuples(st.none() | kdu_costs, st.none() | kdu_limits), max_size=12))
def test_pyarrow_columns_equal_single_calls(rows: list[tuple[Decimal | None, Decimal | None]]) -> None:
    import pyarrow as pa  # noqa: PLC0415 - optional

    actual = pa.array([a for a, _ in rows], pa.decimal128(12, 2))
    limits = pa.array([None if limit is None else str(limit) for _, limit in rows], pa.string())
    result = kdu_checks(actual_costs=actual, adequacy_limit=limits)
    singles = [
        _single(kdu_check, actual_costs=a, adequacy_limit=None if limit is None else str(limit))
        for a, limit in zip(actual.to_pylist(), limits.to_pylist(), strict=True)
    ]
    _assert_rows(result, singles, _KDU_FIELDS)
    table = result.to_arrow()
    assert pa.types.is_decimal(table.schema.field("sgb_xii_share").type) or table.num_rows == len(result.errors)
