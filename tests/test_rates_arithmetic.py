"""The column arithmetic of eghnrw.verguetung.rates._arithmetic: half up whatever the context, a row each or an error.

The batch functions call these inside eghnrw's context and with columns of one length; the tests
pin the two promises that hold beyond that: a cent is rounded half up (LRV money rule, DESIGN.md
"Money") under any context, and a column of another length is refused, not cut to the shortest.
"""

from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

import pytest

from eghnrw.verguetung.rates._arithmetic import hourly_rates_cents, unit_rates_cents

D = Decimal
#: A caller's context that rounds half to even: 0.125 → 0.12 there, 0.13 half up.
HALF_EVEN = Context(prec=28, rounding=ROUND_HALF_EVEN)


def test_unit_rates_round_half_up_under_a_half_even_context():
    # 0.125 ÷ (1 place × 100 days × 1 % ÷ 100) = 0.125 → 0.13 half up (0.12 half even);
    # 0.375 ÷ (1 × 100 × 1 ÷ 100) = 0.375 → 0.38 (either way)
    with localcontext(HALF_EVEN):
        assert unit_rates_cents([D("0.125"), D("0.375")], [1, 1], D(100), [D(1), 1]) == [D("0.13"), D("0.38")]


def test_hourly_rates_round_half_up_under_a_half_even_context():
    # 12.5 × (100 + 0) ÷ (100 hours × 100) = 0.125 → 0.13; 1 × (100 + 25) ÷ (1,000 × 100) = 0.00125 → 0.00
    with localcontext(HALF_EVEN):
        assert hourly_rates_cents([D("12.5"), 1], [D(0), D(25)], [D(100), 1000]) == [D("0.13"), D("0.00")]


@pytest.mark.parametrize(
    ("costs", "places", "occupancies"),
    [
        ([D(36500), D(36500)], [1], [D(100), D(100)]),  # a column of places one row short
        ([D(36500)], [1, 1], [D(100), D(100)]),  # costs one row short
        ([D(36500), D(36500)], [1, 1], [D(100)]),  # occupancy one row short
    ],
)
def test_unit_rates_refuse_columns_of_different_lengths(costs, places, occupancies):
    with pytest.raises(ValueError, match="zip"):
        unit_rates_cents(costs, places, D(365), occupancies)


@pytest.mark.parametrize(
    ("costs", "percents", "hours"),
    [
        ([D(63360), D(63360)], [D(35)], [D(1584), D(1584)]),
        ([D(63360)], [D(35), D(35)], [D(1584), D(1584)]),
        ([D(63360), D(63360)], [D(35), D(35)], [D(1584)]),
    ],
)
def test_hourly_rates_refuse_columns_of_different_lengths(costs, percents, hours):
    with pytest.raises(ValueError, match="zip"):
        hourly_rates_cents(costs, percents, hours)


def test_columns_of_one_length_give_a_cent_each():
    # 36,500 ÷ (1 × 365 × 100 ÷ 100) = 100.00; 73,000 ÷ (2 × 3.65 × 50) = 200.00
    assert unit_rates_cents([D(36500), 73000], [1, 2], D(365), [D(100), 50]) == [D("100.00"), D("200.00")]
    # 63,360 × 135 ÷ (1,584 × 100) = 54.00
    assert hourly_rates_cents([D(63360)], [D(35)], [D(1584)]) == [D("54.00")]
