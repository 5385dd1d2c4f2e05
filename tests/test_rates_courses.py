"""Schulungen und Projekte: the recognised Kursgebühr is paid as it is (LRV B.4.10 Abs. 3, RULES M19)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eghnrw as e
from eghnrw.core.errors import InvalidInputError


def test_the_recognised_fee_is_paid_as_it_is() -> None:
    r = e.kursgebuehr(recognised_fee="240.00")
    assert r.amount == Decimal("240.00")
    assert r.steps == (
        (
            "LRV B.4.10 Abs. 3",
            "vom Träger anerkannte Kursgebühr",
            "course fee recognised by the Träger",
            Decimal("240.00"),
        ),
        ("LRV B.4.10 Abs. 3", "übernommen, wie anerkannt", "paid as recognised", Decimal("240.00")),
    )
    assert r.inputs == {"recognised_fee": Decimal("240.00")}
    assert "LRV B.4.10 Abs. 3" in r.explain()
    assert e.kursgebuehr.__rule__.editions == ("LRV B.4",)  # B.4 as changed on 15.12.2021 (RULES C13)


def test_a_whole_euro_fee_is_shown_in_cents() -> None:
    assert str(e.kursgebuehr(recognised_fee=199).amount) == "199.00"


@pytest.mark.parametrize("fee", ["-0.01", "12.345", "", "zwölf", 1.5, None, True])
def test_a_fee_that_is_not_whole_cents_of_zero_or_more_is_refused(fee: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        e.kursgebuehr(recognised_fee=fee)  # type: ignore[arg-type]
    assert caught.value.argument == "recognised_fee"


@given(st.integers(min_value=0, max_value=10**12))
def test_any_fee_in_cents_is_paid_to_the_cent(cents: int) -> None:
    fee = Decimal(cents).scaleb(-2)
    result = e.kursgebuehr(recognised_fee=fee)
    assert result.amount == fee
    assert type(result).model_validate_json(result.model_dump_json()) == result
