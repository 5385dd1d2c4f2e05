"""Properties of money: allocations add up to the cent, rounding is idempotent and within half a cent."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import allocate, parse_amount, round_cents
from strategies import cents, exact_amounts, part_counts, signed_cents, weights

HALF_CENT = Decimal("0.005")


def _is_cents(value: object) -> bool:
    return type(value) is Decimal and value.as_tuple().exponent == -2


@given(total=signed_cents, n=part_counts)
def test_allocate_equal_parts_sum_exactly_and_differ_by_at_most_a_cent(total, n):
    parts = allocate(total, n)
    assert len(parts) == n
    assert all(_is_cents(p) for p in parts)
    assert sum(parts) == total
    assert max(parts) - min(parts) <= Decimal("0.01")
    # larger parts come first: leftover cents go to the earlier of equal remainders
    ordered = sorted(parts, reverse=total >= 0)
    assert list(parts) == ordered


@given(total=signed_cents, ws=weights)
def test_allocate_by_weights_sums_exactly_and_stays_within_a_cent_of_the_exact_share(total, ws):
    parts = allocate(total, ws)
    assert len(parts) == len(ws)
    assert all(_is_cents(p) for p in parts)
    assert sum(parts) == total
    weight_sum = sum(Fraction(w) for w in ws)
    for part, weight in zip(parts, ws, strict=True):
        exact = Fraction(total) * Fraction(weight) / weight_sum
        assert abs(Fraction(part) - exact) < Fraction(1, 100)
        if weight == 0:
            assert part == 0
        else:
            assert part * total >= 0  # same sign as the total (or zero)


@given(total=cents, ws=weights, factor=st.integers(min_value=1, max_value=1000))
def test_allocate_depends_only_on_the_weights_ratios(total, ws, factor):
    assert allocate(total, ws) == allocate(total, [w * factor for w in ws])


@given(total=cents, n=part_counts)
def test_allocate_of_a_credit_mirrors_the_charge(total, n):
    assert allocate(-total, n) == tuple(-p if p else p for p in allocate(total, n))


@given(value=exact_amounts)
def test_round_cents_is_idempotent_and_within_half_a_cent(value):
    rounded = round_cents(value)
    assert _is_cents(rounded)
    assert round_cents(rounded) == rounded
    assert abs(rounded - value) <= HALF_CENT
    # half-up: exactly half a cent always moves away from zero
    if abs(rounded - value) == HALF_CENT:
        assert abs(rounded) > abs(value)


@given(value=exact_amounts)
def test_round_cents_is_symmetric(value):
    assert round_cents(-value) == -round_cents(value)


@given(value=exact_amounts)
def test_round_cents_ignores_the_callers_context(value):
    expected = round_cents(value)
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        assert round_cents(value) == expected
        assert (ctx.prec, ctx.rounding) == (3, ROUND_DOWN)


@given(value=exact_amounts)
def test_plain_strings_round_trip(value):
    text = f"{value:f}"
    parsed = parse_amount(text)
    assert type(parsed) is Decimal
    assert parsed == value
    assert parse_amount(f"  {text}\t") == value


@given(value=st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_is_ever_accepted(value):
    with pytest.raises(InvalidInputError, match="floats cannot hold cents exactly"):
        parse_amount(value)
    with pytest.raises(InvalidInputError, match="floats cannot hold cents exactly"):
        round_cents(value)
    with pytest.raises(InvalidInputError, match=r"^total: .*floats cannot hold cents exactly"):
        allocate(value, 2)
