"""The public contract of DESIGN.md, part 2 (negotiating a whole Vergütung), call for call, verbatim."""

from __future__ import annotations

from decimal import Decimal

import eghnrw as e


def test_kalkulation() -> None:
    k = e.kalkulation(
        unit="day",
        places=24,
        occupancy_percent="96",
        days=365,
        posts=[
            {"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
            {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False},
        ],
        surcharges_percent={"leitung_verwaltung": "10"},
        material_costs="30000",
        investment="24000",
    )
    assert k.amount == Decimal("67.11")  # 564,400 ÷ (24 × 365 × 0.96) = 67.1137…
    assert k.annual_cost == Decimal("564400.00")  # 464,000 + 46,400 + 30,000 + 24,000
    assert k.skilled_share_percent == Decimal("75.00")  # Fachkraftquote: 6 of 8 FTE


def test_occupancy() -> None:
    # 1,000,000 ÷ (150 × 20 × 365) = 91.3242…%, rounded up
    assert e.break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", days=365).percent == Decimal("91.33")
    # the highest cost whose daily_rate is still 150.00
    assert e.max_annual_cost(rate="150.00", places=20, occupancy_percent="95", days=365).amount == Decimal("1040284.67")
    o = e.occupancy_analysis(
        annual_cost="1000000", places=20, agreed_occupancy_percent="95", actual_occupancy_percent="90", days=365
    )
    assert o.rate == Decimal("144.20")
    assert o.revenue == Decimal("947394.00")
    assert o.revenue_difference == Decimal("-52606.00")  # Mindererlös at 90 % occupancy


def test_fortschreibung() -> None:
    assert e.fortschreibung(
        rate="144.20",
        personnel_share_percent="80",
        tariff_increase_percent="5.5",
        material_share_percent="15",
        price_index_percent="2.0",
    ).amount == Decimal("150.98")


def test_compare() -> None:
    old = e.kalkulation(
        unit="day",
        places=24,
        occupancy_percent="96",
        days=365,
        posts=[{"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True}],
        material_costs="30000",
    )
    new = e.kalkulation(
        unit="day",
        places=22,
        occupancy_percent="94",
        days=365,
        posts=[{"role": "Fachkraft", "fte": "6.5", "annual_cost": "63000", "skilled": True}],
        material_costs="31000",
        investment="12000",
    )
    d = e.compare(old, new)
    assert d.amount_difference == new.amount - old.amount
    assert sum(d.contributions.values()) == d.amount_difference  # exactly, to the cent, one entry per driver
    assert len(d.contributions) == len(set(d.contributions))
