"""What-if: one input of a Kalkulation varied, a table of rates."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, localcontext

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError

CONTRACT = {
    "unit": "day",
    "places": 24,
    "occupancy_percent": "96",
    "days": 365,
    "posts": [
        {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
        {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
    ],
    "surcharges_percent": {"leitung_verwaltung": "10"},
    "material_costs": "30000",
    "investment": "24000",
}


def test_occupancy_90_to_100() -> None:
    # 564,400 ÷ (8,760 × 0.90 = 7,884) = 71.5880… → 71.59; ÷ 8,322 = 67.8202… → 67.82; ÷ 8,760 = 64.4292… → 64.43
    w = e.what_if(CONTRACT, vary="occupancy_percent", start="90", stop="100", step="5")
    assert [(r.value, r.amount, r.difference) for r in w.rows] == [
        (Decimal(90), Decimal("71.59"), Decimal("4.48")),
        (Decimal(95), Decimal("67.82"), Decimal("0.71")),
        (Decimal(100), Decimal("64.43"), Decimal("-2.68")),
    ]
    assert w.base_amount == Decimal("67.11")
    assert w.rows[0].annual_cost == Decimal("564400.00")


def test_tariff_increase_0_to_8() -> None:
    # 0 %: the rate itself; 8 %: 464,000 × 1.08 × 1.1 + 54,000 = 605,232 ÷ 8,409.6 = 71.9691… → 71.97
    w = e.what_if(e.kalkulation(**CONTRACT), vary="tariff_increase_percent", start="0", stop="8", step="1")
    assert len(w.rows) == 9
    assert (w.amounts[0], w.amounts[-1]) == (Decimal("67.11"), Decimal("71.97"))
    assert w.citations[-1] == "LRV A.4.6 Abs. 5"


@pytest.mark.parametrize(
    ("vary", "value", "rate"),
    [
        ("price_index_percent", "10", "67.47"),  # Sachaufwand 33,000: 567,400 ÷ 8,409.6 = 67.4705…
        ("surcharges_percent.leitung_verwaltung", "0", "61.60"),  # 518,000 ÷ 8,409.6 = 61.5963…
        ("posts[1].fte", "3", "73.13"),  # (372,000 + 138,000) × 1.1 + 54,000 = 615,000 ÷ 8,409.6 = 73.1307…
        ("places", "25", "64.43"),  # 564,400 ÷ (25 × 365 × 0.96 = 8,760)
        ("days", "360", "68.05"),  # 564,400 ÷ (24 × 360 × 0.96 = 8,294.4) = 68.0460…
        ("material_costs", "0", "63.55"),  # 534,400 ÷ 8,409.6 = 63.5464…
        ("investment", "0", "64.26"),  # 540,400 ÷ 8,409.6 = 64.2599…
        ("operating_costs", "8409.60", "68.11"),  # + 1.00 a day
    ],
)
def test_each_kind_of_input(vary: str, value: str, rate: str) -> None:
    assert e.what_if(CONTRACT, vary=vary, values=[value]).amounts == (Decimal(rate),)


def test_refusals_name_what_to_fix() -> None:
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got Decimal\('101'\); pass an occupancy"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="99", stop="101", step="1")
    with pytest.raises(InvalidInputError, match=r"^places: got Decimal\('24.5'\); pass a whole number"):
        e.what_if(CONTRACT, vary="places", values=["24.5"])
    with pytest.raises(InvalidInputError, match=r"^vary: got 'colour'; pass one of occupancy_percent"):
        e.what_if(CONTRACT, vary="colour", values=["1"])
    with pytest.raises(InvalidInputError, match=r"^vary: got 'posts\[2\]\.fte'; the Kalkulation has posts\[0\] to"):
        e.what_if(CONTRACT, vary="posts[2].fte", values=["1"])
    with pytest.raises(InvalidInputError, match=r"^stop: got '90'; pass a stop at or above start"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="95", stop="90", step="1")
    with pytest.raises(InvalidInputError, match=r"^step: got '0'; pass a step above zero"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="90", stop="95", step="0")
    with pytest.raises(InvalidInputError, match=r"^step: got '0.0001'; at most 100,000 rows"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="1", stop="100", step="0.0001")
    with pytest.raises(InvalidInputError, match=r"^values: .*pass either values or start, stop and step"):
        e.what_if(CONTRACT, vary="occupancy_percent", values=["90"], start="90")
    with pytest.raises(InvalidInputError, match=r"^stop: got None"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="90")
    with pytest.raises(InvalidInputError, match=r"^values\[0\]: got 0\.9; floats"):
        e.what_if(CONTRACT, vary="occupancy_percent", values=[0.9])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got Decimal\('0'\); pass an occupancy"):
        e.what_if(CONTRACT, vary="occupancy_percent", values=frozenset({"0"}))  # found by fuzz: any iterable
    with pytest.raises(InvalidInputError, match=r"^tariff_increase_percent: got Decimal\('-100'\)"):
        e.what_if(CONTRACT, vary="tariff_increase_percent", values=["-100"])


def test_display_is_a_table_of_rates() -> None:
    w = e.what_if(CONTRACT, vary="occupancy_percent", values=["90", "100"])
    assert "occupancy_percent = 90: Satz (Differenz 4,48): 71,59 [LRV A.4.5 Abs. 2]" in w.explain()
    assert "occupancy_percent = 100: rate (difference -2.68): 64.43" in w.explain("en")
    assert "| 2 | occupancy_percent = 90: Satz (Differenz 4,48) | 71,59 | LRV A.4.5 Abs. 2 |" in w._repr_markdown_()
    assert "<td>71,59</td>" in w._repr_html_()


def test_a_post_index_of_thousands_of_digits_is_refused_cleanly() -> None:
    post = {"role": "A", "fte": "1", "annual_cost": "1", "skilled": True}
    k = {"unit": "month", "places": 1, "occupancy_percent": "100", "posts": [post]}
    with pytest.raises(InvalidInputError, match=r"^vary: .*the Kalkulation has posts\[0\] to posts\[0\]$"):
        e.what_if(k, vary=f"posts[{'9' * 4301}].fte", values=["1"])


def test_a_what_if_of_one_value() -> None:
    # one value given, a range of one value (start = stop), and a step that passes the stop: one row each
    # 564,400 ÷ (8,760 × 0.90 = 7,884) = 71.5880… → 71.59
    one = e.what_if(CONTRACT, vary="occupancy_percent", values=["90"])
    assert [(r.value, r.amount, r.difference) for r in one.rows] == [(Decimal(90), Decimal("71.59"), Decimal("4.48"))]
    same = e.what_if(CONTRACT, vary="occupancy_percent", start="90", stop="90", step="1")
    assert same.rows == one.rows
    short = e.what_if(CONTRACT, vary="occupancy_percent", start="90", stop="94", step="5")
    assert short.rows == one.rows


def test_the_days_of_each_row_come_from_the_parameter_when_the_kalkulation_has_none() -> None:
    # no days in the Kalkulation: the Berechnungstage parameter on `on` (overridden to 350) for every row;
    # 564,400 ÷ (24 × 350 × 0.90 = 7,560) = 74.6560… → 74.66; at 96 %: ÷ 8,064 = 69.9900… → 69.99
    data = {k: v for k, v in CONTRACT.items() if k != "days"}
    w = e.what_if(
        data, vary="occupancy_percent", values=["90", "96"], on=date(2024, 1, 1), overrides={"berechnungstage": 350}
    )
    assert w.amounts == (Decimal("74.66"), Decimal("69.99"))
    assert w.base_amount == Decimal("69.99")
    # varying the days themselves: the row's days, not the parameter's: 564,400 ÷ (24 × 360 × 0.96) = 68.05
    w = e.what_if(data, vary="days", values=["360"], on=date(2024, 1, 1), overrides={"berechnungstage": 350})
    assert w.amounts == (Decimal("68.05"),)


def test_the_row_limit_is_100_000() -> None:
    # 0 to 99,999 by 1: 100,000 rows are allowed (the first, 0 %, is then refused by the Kalkulation);
    # 0 to 100,000: 100,001 rows, refused before any is computed
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got Decimal\('0'\)"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="0", stop="99999", step="1")
    with pytest.raises(InvalidInputError, match=r"^step: got '1'; at most 100,000 rows"):
        e.what_if(CONTRACT, vary="occupancy_percent", start="0", stop="100000", step="1")
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got Decimal\('0'\)"):
        e.what_if(CONTRACT, vary="occupancy_percent", values=["0"] * 100_000)
    with pytest.raises(InvalidInputError, match=r"^values: got 100001; pass from 1 to 100,000 values"):
        e.what_if(CONTRACT, vary="occupancy_percent", values=["0"] * 100_001)


def test_a_price_index_what_if_is_exact_whatever_the_callers_decimal_context() -> None:
    # Sachaufwand 30,000 × (100 + 12.3456) ÷ 100 = 33,703.68; annual cost 534,400 + 33,703.68 =
    # 568,103.68 ÷ 8,409.6 = 67.5541… → 67.55 — also under a caller's context of 3 digits, rounding down
    def rows() -> list[tuple[Decimal, Decimal, Decimal]]:
        w = e.what_if(CONTRACT, vary="price_index_percent", start="12.3456", stop="12.3456", step="1")
        return [(r.value, r.amount, r.annual_cost) for r in w.rows]

    expected = [(Decimal("12.3456"), Decimal("67.55"), Decimal("568103.68"))]
    assert rows() == expected
    with localcontext(Context(prec=3, rounding=ROUND_DOWN)):
        assert rows() == expected
