"""Occupancy (M14): break-even occupancy, the highest cost a rate covers, revenue at the occupancy reached."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.rates.daily import daily_rate

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


def test_break_even_contract_example() -> None:
    # 1,000,000 ÷ (150 × 20 × 365) = 91.3242…% → 91.33; 1,095,000 × 0.9133 = 1,000,063.50 ≥ 1,000,000,
    # 1,095,000 × 0.9132 = 999,954.00 < 1,000,000
    r = e.break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", days=365)
    assert (r.percent, r.covered, r.required_percent) == (Decimal("91.33"), True, Decimal("91.33"))
    assert r.revenue == Decimal("1000063.50")
    assert r.shortfall == Decimal("0.00")
    assert r.capacity == Decimal(7300)
    assert r.citations == ("LRV A.4.5 Abs. 2",)


def test_break_even_exactly_on_a_hundredth() -> None:
    # 547,500 ÷ (100 × 20 × 365) = 75 % exactly: 75.00 covers, 74.99 does not
    assert e.break_even_occupancy(annual_cost="547500", places=20, rate="100", days=365).percent == Decimal("75.00")
    # exactly 100 %: 730,000 = 100 × 7,300
    r = e.break_even_occupancy(annual_cost="730000", places=20, rate="100.00", days=365)
    assert (r.percent, r.covered) == (Decimal("100.00"), True)
    # no cost: the lowest occupancy there is
    assert e.break_even_occupancy(annual_cost="0", places=20, rate="1.00", days=365).percent == Decimal("0.01")


def test_break_even_says_when_no_occupancy_covers_the_cost() -> None:
    # 1,000,000 ÷ (100 × 7,300) = 136.986…% → 136.99 needed; at 100 %: 730,000, short by 270,000
    r = e.break_even_occupancy(annual_cost="1000000", places=20, rate="100.00", days=365)
    assert (r.percent, r.covered, r.required_percent) == (None, False, Decimal("136.99"))
    assert (r.revenue, r.shortfall) == (Decimal("730000.00"), Decimal("270000.00"))
    assert "keine Auslastung bis 100 % deckt die Jahreskosten" in r.explain()
    assert "no occupancy up to 100 % covers the annual cost" in r.explain("en")


def test_break_even_of_a_kalkulation() -> None:
    # own rate 67.11: 564,400 ÷ (67.11 × 24 × 365) = 96.0054…% → 96.01 (rounding the rate down costs 0.01 %)
    r = e.break_even_occupancy(kalkulation=CONTRACT)
    assert (r.percent, r.rate) == (Decimal("96.01"), Decimal("67.11"))
    # a landeseinheitliche rate from elsewhere: 564,400 ÷ (70 × 8,760) = 92.0417…% → 92.05
    assert e.break_even_occupancy(kalkulation=e.kalkulation(**CONTRACT), rate="70.00").percent == Decimal("92.05")


def test_break_even_refusals() -> None:
    with pytest.raises(InvalidInputError, match=r"^rate: got '0'; pass a rate above zero"):
        e.break_even_occupancy(annual_cost="1", places=1, rate="0", days=365)
    with pytest.raises(InvalidInputError, match=r"^rate: got '150.005'; pass an amount in whole cents"):
        e.break_even_occupancy(annual_cost="1", places=1, rate="150.005", days=365)
    with pytest.raises(InvalidInputError, match=r"^rate: got None; pass the agreed rate"):
        e.break_even_occupancy(annual_cost="1", places=1, days=365)
    with pytest.raises(InvalidInputError, match=r"^places: got 24; the Kalkulation gives this"):
        e.break_even_occupancy(kalkulation=CONTRACT, places=24)
    with pytest.raises(InvalidInputError, match=r"^annual_cost: got None"):
        e.break_even_occupancy(places=1, rate="1.00", days=365)
    with pytest.raises(InvalidInputError, match=r"^kalkulation\.posts\[0\]\.fte: got '-6'"):
        e.break_even_occupancy(kalkulation={**CONTRACT, "posts": [{**CONTRACT["posts"][0], "fte": "-6"}]})


def test_max_annual_cost_contract_example_is_the_inverse_of_daily_rate() -> None:
    # (150 + 0.005) × 20 × 365 × 0.95 = 150.005 × 6,935 = 1,040,284.675 → the highest cent below: 1,040,284.67
    r = e.max_annual_cost(rate="150.00", places=20, occupancy_percent="95", days=365)
    assert r.amount == Decimal("1040284.67")
    assert r.headroom is None
    assert daily_rate(annual_cost=r.amount, places=20, occupancy_percent="95", days=365).amount == Decimal("150.00")
    one_cent_more = r.amount + Decimal("0.01")
    assert daily_rate(annual_cost=one_cent_more, places=20, occupancy_percent="95", days=365).amount == Decimal(
        "150.01"
    )


def test_max_annual_cost_on_the_boundary() -> None:
    # 100.005 × 1 × 100 × 100 % = 10,000.50 exactly: that cost gives 100.005 → 100.01, so 10,000.49
    r = e.max_annual_cost(rate="100.00", places=1, occupancy_percent=100, days=100)
    assert r.amount == Decimal("10000.49")
    assert daily_rate(annual_cost="10000.50", places=1, occupancy_percent=100, days=100).amount == Decimal("100.01")


def test_max_annual_cost_of_a_kalkulation() -> None:
    # 67.115 × 8,409.6 = 564,410.304 → 564,410.30; the Kalkulation's 564,400 leaves 10.30 of headroom
    r = e.max_annual_cost(kalkulation=CONTRACT, rate="67.11")
    assert (r.amount, r.headroom) == (Decimal("564410.30"), Decimal("10.30"))
    # investment at full capacity: 67.005 × 8,409.6 + 24,000 × 4 % = 563,485.248 + 960 = 564,445.248 → 564,445.24
    full = {**CONTRACT, "investment_occupancy": "full"}
    r = e.max_annual_cost(kalkulation=full, rate="67.00")
    assert r.amount == Decimal("564445.24")
    # check: ((564,445.24 − 24,000) × 100 + 24,000 × 96) ÷ (8,760 × 96) = 67.004999… → 67.00
    posts = [{"role": "Fachkraft", "fte": "1", "annual_cost": str(r.amount - 24000), "skilled": True}]
    at = e.kalkulation(**{**full, "posts": posts, "surcharges_percent": {}, "material_costs": "0"})
    assert at.amount == Decimal("67.00")
    posts[0]["annual_cost"] = str(r.amount - 24000 + Decimal("0.01"))
    assert e.kalkulation(**{**full, "posts": posts, "surcharges_percent": {}, "material_costs": "0"}).amount == Decimal(
        "67.01"
    )


def test_max_annual_cost_refusals() -> None:
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got None"):
        e.max_annual_cost(rate="1.00", places=1, days=365)
    with pytest.raises(InvalidInputError, match=r"^rate: got '-1'"):
        e.max_annual_cost(rate="-1", places=1, occupancy_percent=100, days=365)
    with pytest.raises(InvalidInputError, match=r"^occupancy_percent: got '96'; the Kalkulation gives this"):
        e.max_annual_cost(rate="1.00", kalkulation=CONTRACT, occupancy_percent="96")


def test_occupancy_analysis_contract_example() -> None:
    # rate: 1,000,000 ÷ 6,935 = 144.1961… → 144.20; revenue at 90 %: 144.20 × 20 × 365 × 0.9 = 144.20 × 6,570
    # = 947,394.00; Mindererlös 947,394.00 − 1,000,000 = −52,606.00
    o = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    assert (o.rate, o.revenue, o.revenue_difference) == (Decimal("144.20"), Decimal("947394.00"), Decimal("-52606.00"))
    # at the agreed occupancy: 144.20 × 6,935 = 1,000,027.00;
    # cost-covering at 90 %: 1,000,000 ÷ 6,570 = 152.2070… → 152.21
    assert (o.agreed_revenue, o.cost_covering_rate) == (Decimal("1000027.00"), Decimal("152.21"))


def test_occupancy_analysis_with_a_rate_from_elsewhere() -> None:
    # a landeseinheitliche rate of 150.00: 150 × 6,570 = 985,500.00; 985,500 − 1,000,000 = −14,500.00
    o = e.occupancy_analysis(
        annual_cost="1000000",
        places=20,
        agreed_occupancy_percent="95",
        actual_occupancy_percent="90",
        days=365,
        rate="150.00",
    )
    assert (o.rate, o.revenue_difference) == (Decimal("150.00"), Decimal("-14500.00"))
    assert "LRV A.4.2 Abs. 2" in o.citations


def test_occupancy_analysis_of_a_kalkulation() -> None:
    # 67.11 × 24 × 365 × 0.9 = 67.11 × 7,884 = 529,095.24; − 564,400 = −35,304.76
    o = e.occupancy_analysis(kalkulation=CONTRACT, actual_occupancy_percent="90")
    assert (o.rate, o.revenue, o.revenue_difference) == (Decimal("67.11"), Decimal("529095.24"), Decimal("-35304.76"))
    # a monthly rate: 2 × 60,000 = 120,000 ÷ (10 × 12) = 1,000.00; at 90 %: 1,000 × 108 = 108,000; −12,000.00
    monthly = {
        "unit": "month",
        "places": 10,
        "occupancy_percent": 100,
        "posts": [{"role": "Fachkraft", "fte": "2", "annual_cost": "60000", "skilled": True}],
    }
    o = e.occupancy_analysis(kalkulation=monthly, actual_occupancy_percent="90")
    assert (o.rate, o.revenue, o.revenue_difference) == (Decimal("1000.00"), Decimal("108000.00"), Decimal("-12000.00"))
    assert o.unit == "month"


def test_occupancy_analysis_refusals() -> None:
    with pytest.raises(InvalidInputError, match=r"^actual_occupancy_percent: got '101'"):
        e.occupancy_analysis(kalkulation=CONTRACT, actual_occupancy_percent="101")
    with pytest.raises(InvalidInputError, match=r"^agreed_occupancy_percent: got None"):
        e.occupancy_analysis(annual_cost="1", places=1, actual_occupancy_percent="90", days=365)
    with pytest.raises(InvalidInputError, match=r"^days: got 365; the Kalkulation gives this"):
        e.occupancy_analysis(kalkulation=CONTRACT, actual_occupancy_percent="90", days=365)
    with pytest.raises(InvalidInputError, match=r"^on: got None"):
        e.occupancy_analysis(annual_cost="1", places=1, agreed_occupancy_percent="90", actual_occupancy_percent="90")
    with pytest.raises(InvalidInputError, match=r"^on: got '2025-01-01'"):
        e.occupancy_analysis(kalkulation=CONTRACT, actual_occupancy_percent="90", on="2025-01-01")  # type: ignore[arg-type]


def test_berechnungstage_parameter_on_plain_figures() -> None:
    r = e.break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", on=date(2025, 1, 1))
    assert r.percent == Decimal("91.33")
    assert r.parameters[0].name == "berechnungstage"


def _tiny() -> e.KalkulationResult:
    # one post of 0.0001 FTE × 1 € = 0.0001 €: a line of 0.00 €, an annual cost of 0.00 €, a rate of 0.00
    return e.kalkulation(
        unit="day",
        places=1,
        occupancy_percent="100",
        days=1,
        posts=[{"role": "A", "fte": "0.0001", "annual_cost": "1", "skilled": True}],
    )


def test_break_even_at_sub_cent_costs_agrees_with_what_is_shown() -> None:
    # the annual cost is shown as 0.00: covered at the lowest occupancy, revenue 0.00 ≥ cost 0.00
    # (it said covered at 1 % with revenue 0.00 against a cost of 0.0001)
    r = e.break_even_occupancy(kalkulation=_tiny(), rate="0.01")
    assert (r.percent, r.covered, r.revenue, r.annual_cost) == (
        Decimal("0.01"),
        True,
        Decimal("0.00"),
        Decimal("0.00"),
    )
    assert r.revenue >= r.annual_cost


def test_the_headroom_at_a_kalkulations_own_rate_is_never_below_zero() -> None:
    k = _tiny()
    assert e.max_annual_cost(rate=k.amount, kalkulation=k).headroom == Decimal("0.00")  # was −0.0001
    # 7,281.18 at 6.86 a day (test_negotiation_costing): below 6.865 × 1,062.15 = 7,291.65975 → 7,291.65
    k = e.kalkulation(
        unit="day",
        places=3,
        occupancy_percent="97",
        days=365,
        posts=[{"role": "A", "fte": "0.125", "annual_cost": "45678.91", "skilled": True}],
        surcharges_percent={"verwaltung": "10"},
        material_costs="1000.333",
    )
    m = e.max_annual_cost(rate=k.amount, kalkulation=k)
    assert (m.amount, m.headroom) == (Decimal("7291.65"), Decimal("10.47"))


def test_the_agreed_occupancy_of_a_kalkulation_is_its_own_not_100() -> None:
    # issue 20: the Kalkulation's agreed 96 % must be used (a mutant replaced it by 100).
    # revenue at the agreed occupancy: 67.11 × 8,760 × 0.96 = 67.11 × 8,409.6 = 564,368.256 → 564,368.26
    # (at 100 % it would be 67.11 × 8,760 = 587,883.60)
    o = e.occupancy_analysis(kalkulation=CONTRACT, actual_occupancy_percent="90")
    assert (o.agreed_occupancy_percent, o.agreed_revenue) == (Decimal(96), Decimal("564368.26"))
    # the highest cost at the Kalkulation's 96 %: 67.115 × 8,409.6 = 564,410.304 → 564,410.30 (at 100 %: 587,927.40)
    m = e.max_annual_cost(rate="67.11", kalkulation=e.kalkulation(**CONTRACT))
    assert (m.billable_units, m.amount) == (Decimal("8409.6"), Decimal("564410.30"))


def test_break_even_reads_the_berechnungstage_of_the_day_with_the_callers_override() -> None:
    # 1,000,000 ÷ (150 × 20 × 360) = 92.592…% → 92.60 with 360 negotiated days; 91.33 with the 365 of 2024
    r = e.break_even_occupancy(
        annual_cost="1000000", places=20, rate="150.00", on=date(2024, 1, 1), overrides={"berechnungstage": "360"}
    )
    assert r.percent == Decimal("92.60")
    assert e.break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", on=date(2024, 1, 1)).percent == (
        Decimal("91.33")
    )


def test_occupancy_analysis_reads_the_berechnungstage_with_the_callers_override() -> None:
    # 360 negotiated days: rate 1,000,000 ÷ (20 × 360 × 0.95 = 6,840) = 146.198… → 146.20; revenue at
    # 90 %: 146.20 × 20 × 360 × 0.9 (6,480) = 947,376.00; against the cost −52,624.00
    r = e.occupancy_analysis(
        annual_cost="1000000",
        places=20,
        agreed_occupancy_percent="95",
        actual_occupancy_percent="90",
        on=date(2024, 1, 1),
        overrides={"berechnungstage": "360"},
    )
    assert (r.rate, r.revenue, r.revenue_difference) == (Decimal("146.20"), Decimal("947376.00"), Decimal("-52624.00"))
    assert r.parameters[0].overridden


def test_max_annual_cost_reads_the_berechnungstage_with_the_callers_override() -> None:
    # 360 negotiated days: (150 + 0.005) × 20 × 360 × 0.95 = 150.005 × 6,840 = 1,026,034.20 exactly, a cost
    # that rounds up to 150.01: the highest is one cent less, 1,026,034.19 (1,040,284.67 with the 365 days)
    r = e.max_annual_cost(
        rate="150.00", places=20, occupancy_percent="95", on=date(2024, 1, 1), overrides={"berechnungstage": "360"}
    )
    assert (r.amount, r.parameters[0].overridden) == (Decimal("1026034.19"), True)
