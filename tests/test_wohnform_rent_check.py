"""warmmiete_check (M15, LRV B.4.14 Abs. 7 last sentence): the Warmmiete charged against the costs."""

from __future__ import annotations

from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError
from eghnrw.unterkunft.wohnform import warmmiete_check


def test_charged_above_the_costs() -> None:
    # 520 − 500 = 20; 20 ÷ 500 × 100 = 4 %
    w = e.warmmiete_check(warmmiete_charged="520.00", unterkunft_costs="500.00")
    assert (w.covered_by_costs, w.difference, w.difference_percent) == (False, Decimal("20.00"), Decimal("4.00"))
    assert (w.warmmiete_charged, w.unterkunft_costs) == (Decimal("520.00"), Decimal("500.00"))
    assert w.citations == ("LRV B.4.14 Abs. 7 letzter Satz",)


def test_charged_below_or_equal_to_the_costs() -> None:
    # 100 − 300 = −200; −200 ÷ 300 × 100 = −66.666… → −66.67 (half up, away from zero)
    w = warmmiete_check(warmmiete_charged="100.00", unterkunft_costs="300.00")
    assert (w.covered_by_costs, w.difference, w.difference_percent) == (True, Decimal("-200.00"), Decimal("-66.67"))
    w = warmmiete_check(warmmiete_charged="458.52", unterkunft_costs="458.52")
    assert (w.covered_by_costs, w.difference, w.difference_percent) == (True, Decimal("0.00"), Decimal("0.00"))


def test_no_costs_no_percentage() -> None:
    w = warmmiete_check(warmmiete_charged="50", unterkunft_costs="0")
    assert (w.covered_by_costs, w.difference, w.difference_percent) == (False, Decimal("50.00"), None)
    assert "Differenz in % der Kosten" not in w.explain().split("Rechenweg:")[0]


def test_explanation() -> None:
    text = warmmiete_check(warmmiete_charged="470.00", unterkunft_costs="458.52").explain()
    assert "Differenz (Warmmiete − Kosten): 11,48" in text
    assert "Warmmiete durch die Kosten gedeckt: nein" in text


@pytest.mark.parametrize(
    ("changed", "argument"),
    [
        ({"warmmiete_charged": "-1"}, "warmmiete_charged"),
        ({"warmmiete_charged": 470.0}, "warmmiete_charged"),
        ({"unterkunft_costs": "-0.01"}, "unterkunft_costs"),
        ({"unterkunft_costs": None}, "unterkunft_costs"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(changed: dict[str, object], argument: str) -> None:
    call: dict[str, object] = {"warmmiete_charged": "470.00", "unterkunft_costs": "458.52"}
    with pytest.raises(InvalidInputError) as caught:
        warmmiete_check(**(call | changed))  # type: ignore[arg-type]
    assert caught.value.argument == argument


def test_a_percentage_beyond_reason_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="unterkunft_costs"):
        warmmiete_check(warmmiete_charged="999999999", unterkunft_costs="0.0000000001")


@pytest.mark.parametrize(
    ("charged", "difference", "percent", "covered"),
    [
        # issue 20: `exact <= 0` → `exact <= 1` survived mutation: a Warmmiete 1 € above the costs
        # counted as covered. 500.00 − 500.00 = 0 → covered; 500.01 − 500.00 = 0.01 (0.002 % → 0.00 %)
        # and 501.00 − 500.00 = 1.00 (0.2 % → 0.20 %) → not covered; 499.99: −0.01 → covered
        ("499.99", "-0.01", "0.00", True),
        ("500.00", "0.00", "0.00", True),
        ("500.01", "0.01", "0.00", False),
        ("501.00", "1.00", "0.20", False),
    ],
)
def test_covered_only_up_to_the_costs_to_the_cent(charged: str, difference: str, percent: str, covered: bool) -> None:
    w = warmmiete_check(warmmiete_charged=charged, unterkunft_costs="500.00")
    assert (w.difference, w.difference_percent, w.covered_by_costs) == (Decimal(difference), Decimal(percent), covered)
    assert w.steps[-1].value is covered
