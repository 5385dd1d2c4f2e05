"""Properties of the DataFrames of results: exact Arrow decimal columns give back every value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.doors.frames import frame
from strategies import exact_amounts, signed_cents

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


@given(st.lists(st.one_of(signed_cents, exact_amounts, st.none()), max_size=30))
def test_arrow_decimal_columns_give_back_every_value_exactly(values: list[Decimal | None]):
    df = frame(({"v": value} for value in values), ("v",), arrow=True)
    assert [None if pd.isna(v) else v for v in df["v"].tolist()] == values
    assert frame(({"v": value} for value in values), ("v",))["v"].tolist() == values
