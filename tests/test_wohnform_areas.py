"""area_split (M15, LRV B.4.14 Abs. 2–6): the DESIGN example, the Mischflächen readings, ties, bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError
from eghnrw.unterkunft.wohnform import area_split


def test_design_contract_example() -> None:
    # 300 m² Fachleistung against 600 + 200 m² Unterkunft: 120,000 × 300 ÷ 1,100 = 32,727.27|27… and
    # 120,000 × 800 ÷ 1,100 = 87,272.72|72…; the one cent left over goes to the larger remainder (.72…):
    # 32,727.27 + 87,272.73 = 120,000.00
    s = e.area_split(annual_costs="120000", fachleistung_m2="300", wohnen_m2="600", gemeinschaft_m2="200", misch_m2="0")
    assert (s.fachleistung, s.unterkunft) == (Decimal("32727.27"), Decimal("87272.73"))
    assert s.fachleistung + s.unterkunft == Decimal(120000)
    assert (s.fachleistung_area, s.unterkunft_area, s.misch_fachleistung_area) == (Decimal(300), Decimal(800), 0)
    assert s.annual_costs == Decimal(120000)
    assert s.citations == ("LRV B.4.14 Abs. 2", "LRV B.4.14 Abs. 3", "LRV B.4.14 Abs. 6")


def test_steps_name_each_area_and_part() -> None:
    s = area_split(annual_costs="120000", fachleistung_m2="300", wohnen_m2="600", gemeinschaft_m2="200")
    values = [step.value for step in s.steps]
    # F, W, G, M, Mischanteil, F area, U area, share % (300 ÷ 1,100 × 100 = 27.27…), costs, parts
    assert values[:8] == [
        Decimal(300),
        Decimal(600),
        Decimal(200),
        Decimal(0),
        0,
        Decimal(300),
        Decimal(800),
        values[7],
    ]
    assert str(values[7]).startswith("27.2727272727")
    assert values[8:] == [Decimal(120000), Decimal("32727.27"), Decimal("87272.73")]
    assert "pro rata to the other areas" in s.explain("en")
    assert "Anteil Fachleistung: 32.727,27" in s.explain()


def test_misch_pro_rata_changes_no_share() -> None:
    # 110 m² Mischflächen pro rata: 110 × 300 ÷ 1,100 = 30 m² to the Fachleistung, 80 m² to the Unterkunft;
    # 330 ÷ 1,210 = 300 ÷ 1,100: the same 32,727.27
    s = area_split(annual_costs="120000", fachleistung_m2="300", wohnen_m2="600", gemeinschaft_m2="200", misch_m2="110")
    assert (s.fachleistung, s.unterkunft) == (Decimal("32727.27"), Decimal("87272.73"))
    assert (s.misch_fachleistung_area, s.fachleistung_area, s.unterkunft_area) == (
        Decimal(30),
        Decimal(330),
        Decimal(880),
    )


def test_misch_fixed_percent() -> None:
    # half of 100 m² Mischflächen: 300 + 50 = 350 of 1,200 m²: 120,000 × 350 ÷ 1,200 = 35,000
    s = area_split(
        annual_costs="120000",
        fachleistung_m2="300",
        wohnen_m2="600",
        gemeinschaft_m2="200",
        misch_m2="100",
        misch_fachleistung_percent="50",
    )
    assert (s.fachleistung, s.unterkunft) == (Decimal("35000.00"), Decimal("85000.00"))
    assert s.misch_fachleistung_area == Decimal(50)
    assert "fester Anteil 50 %" in s.explain()


def test_misch_agreed_area() -> None:
    # Flächentool: 20 of 100 m² Mischflächen to the Fachleistung: 320 of 1,200 m² → 120,000 × 320 ÷ 1,200 = 32,000
    s = area_split(
        annual_costs="120000",
        fachleistung_m2="300",
        wohnen_m2="600",
        gemeinschaft_m2="200",
        misch_m2="100",
        misch_fachleistung_m2="20",
    )
    assert (s.fachleistung, s.unterkunft) == (Decimal("32000.00"), Decimal("88000.00"))
    assert s.unterkunft_area == Decimal(880)
    assert "Flächentool" in s.explain()


def test_misch_readings_at_the_edges() -> None:
    # all Mischflächen to the Unterkunft (0 %) or all to the Fachleistung (100 % = the agreed whole area)
    low = area_split(
        annual_costs="1000", fachleistung_m2="100", wohnen_m2="100", misch_m2="50", misch_fachleistung_percent=0
    )
    assert low.fachleistung == Decimal("400.00")  # 1,000 × 100 ÷ 250
    high = area_split(
        annual_costs="1000", fachleistung_m2="100", wohnen_m2="100", misch_m2="50", misch_fachleistung_m2="50"
    )
    assert high.fachleistung == Decimal("600.00")  # 1,000 × 150 ÷ 250


def test_cent_rounding_and_tie() -> None:
    # 100.00 × 1 ÷ 3 = 33.333…: 33.33 and 66.67
    s = area_split(annual_costs="100.00", fachleistung_m2="1", wohnen_m2="2")
    assert (s.fachleistung, s.unterkunft) == (Decimal("33.33"), Decimal("66.67"))
    # one cent, half and half: an exact tie goes to the Fachleistung (the earlier part)
    s = area_split(annual_costs="0.01", fachleistung_m2="1", wohnen_m2="1")
    assert (s.fachleistung, s.unterkunft) == (Decimal("0.01"), Decimal("0.00"))


def test_no_fachleistung_area_or_no_costs() -> None:
    s = area_split(annual_costs="5000", fachleistung_m2="0", wohnen_m2="100", gemeinschaft_m2="20", misch_m2="10")
    assert (s.fachleistung, s.unterkunft) == (Decimal("0.00"), Decimal("5000.00"))
    s = area_split(annual_costs="0", fachleistung_m2="40", wohnen_m2="100")
    assert (s.fachleistung, s.unterkunft) == (Decimal("0.00"), Decimal("0.00"))


@pytest.mark.parametrize(
    ("changed", "argument", "words"),
    [
        ({"fachleistung_m2": "-1"}, "fachleistung_m2", "zero or more"),
        ({"wohnen_m2": 12.5}, "wohnen_m2", "floats cannot hold cents"),
        ({"gemeinschaft_m2": "1,5"}, "gemeinschaft_m2", "German number format"),
        ({"misch_m2": "-0.5"}, "misch_m2", "zero or more"),
        ({"annual_costs": "-100"}, "annual_costs", "zero or more"),
        ({"annual_costs": "100.005"}, "annual_costs", "whole cents"),
        ({"annual_costs": 100.0}, "annual_costs", "floats"),
        ({"misch_fachleistung_percent": "101"}, "misch_fachleistung_percent", "up to 100"),
        ({"misch_fachleistung_m2": "11"}, "misch_fachleistung_m2", "at most the Mischflächen"),
        ({"misch_fachleistung_m2": "5", "misch_fachleistung_percent": "5"}, "misch_fachleistung_m2", "not both"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(changed: dict[str, object], argument: str, words: str) -> None:
    call: dict[str, object] = {"annual_costs": "1000", "fachleistung_m2": "10", "wohnen_m2": "20", "misch_m2": "10"}
    with pytest.raises(InvalidInputError, match=words) as caught:
        area_split(**(call | changed))  # type: ignore[arg-type]
    assert caught.value.argument == argument


def test_no_area_at_all_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="at least one area above zero") as caught:
        area_split(annual_costs="1000", fachleistung_m2=0, wohnen_m2=0, gemeinschaft_m2=0, misch_m2=0)
    assert caught.value.argument == "fachleistung_m2 + wohnen_m2 + gemeinschaft_m2 + misch_m2"


def test_misch_pro_rata_needs_other_areas() -> None:
    with pytest.raises(InvalidInputError, match="pro rata") as caught:
        area_split(annual_costs="1000", fachleistung_m2=0, wohnen_m2=0, misch_m2="30")
    assert caught.value.argument == "misch_m2"
    # with a fixed share it is well defined: 30 % of 30 m² to the Fachleistung → 300.00
    s = area_split(annual_costs="1000", fachleistung_m2=0, wohnen_m2=0, misch_m2="30", misch_fachleistung_percent="30")
    assert s.fachleistung == Decimal("300.00")


def test_exact_quotients_are_written_out() -> None:
    # 110 × 60 ÷ 82.5 = 80 exactly, which Decimal writes 8E+1 (its text would follow the caller's context)
    s = area_split(annual_costs="1000", fachleistung_m2="60", wohnen_m2="20", gemeinschaft_m2="2.5", misch_m2="110")
    assert str(s.misch_fachleistung_area) == "80"
    assert str(s.fachleistung_area) == "140"
    assert '"misch_fachleistung_area":"80"' in s.model_dump_json()
