"""Shared delivery (M6, § 116 Abs. 2 SGB IX): total rounded once, shares add up to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.rates.shared import shared_delivery


def test_equal_shares_with_leftover_cents() -> None:
    # 50.00 × 1 h = 50.00; / 3 = 16.666… → 16.67, 16.67, 16.66 (two leftover cents to the first two)
    r = shared_delivery(rate="50.00", hours="1", participants=3)
    assert r.amount == Decimal("50.00")
    assert r.shares == (Decimal("16.67"), Decimal("16.67"), Decimal("16.66"))
    assert sum(r.shares) == r.amount
    assert "§ 116 Abs. 2 SGB IX" in r.citations


def test_total_rounded_once_before_splitting() -> None:
    # 54.13 × 0.75 = 40.5975 → 40.60; split 2 → 20.30 each
    r = shared_delivery(rate="54.13", hours="0.75", participants=2)
    assert (r.amount, r.shares) == (Decimal("40.60"), (Decimal("20.30"), Decimal("20.30")))


def test_weighted_shares() -> None:
    # 100.00 by minutes 60, 30, 30 → 50.00, 25.00, 25.00
    r = shared_delivery(rate="100", hours="1", participants=["60", "30", "30"])
    assert r.shares == (Decimal("50.00"), Decimal("25.00"), Decimal("25.00"))
    assert r.participants == 3


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"rate": -1}, "rate"),
        ({"hours": 1.5}, "hours"),
        ({"participants": 0}, "participants"),
        ({"participants": True}, "participants"),
        ({"participants": "3"}, "participants"),
        ({"participants": ["0", "0"]}, "participants"),
        ({"participants": ["1", "x"]}, "participants[1]"),
    ],
)
def test_bad_input(kwargs: dict[str, object], argument: str) -> None:
    args: dict[str, object] = {"rate": "50", "hours": "1", "participants": 2, **kwargs}
    with pytest.raises(InvalidInputError) as info:
        shared_delivery(**args)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_the_total_is_rounded_once_from_the_exact_product():
    # 0.00499999999999999999999999999999 € × 1 h: exact, 0.00 (below half a cent). Python's default
    # context (28 digits) would round the product to 0.005 first, and that rounds half up to 0.01.
    r = shared_delivery(rate="0.00499999999999999999999999999999", hours="1", participants=1)
    assert r.amount == Decimal("0.00")


def test_a_total_beyond_the_limit_names_the_inputs_it_comes_from():
    # 10^12 € × 1,000 h = 10^15 €: refused, naming rate × hours (the caller's two inputs)
    with pytest.raises(InvalidInputError) as caught:
        shared_delivery(rate="1000000000000", hours="1000", participants=2)
    assert caught.value.argument == "rate × hours"
    assert caught.value.value == Decimal(1000000000000000)
