"""Organisationsmodul (M5): every component, subsidies deducted, subsidies above the investment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.rates.organisation import organisationsmodul_rate

BASE: dict[str, Any] = {
    "persons": 40,
    "posts_per_person": "0.025",
    "cost_per_post": "70000",
    "sachaufwand_percent": "10",
    "investment": "30000",
    "public_subsidies": "10000",
    "operating_costs": "5000",
    "occupancy_percent": "100",
    "days": 365,
}


def test_components_and_rate() -> None:
    # personnel 40 × 0.025 × 70,000 = 70,000; Sachaufwand 10 % = 7,000; investment 30,000 − 10,000
    # = 20,000; operating 5,000 → 102,000 / (40 × 365) = 6.9863… → 6.99
    r = organisationsmodul_rate(**BASE)
    assert r.amount == Decimal("6.99")
    assert (r.personnel_cost, r.sachaufwand, r.investitionsbetrag, r.operating_costs, r.travel_costs) == (
        Decimal(70000),
        Decimal(7000),
        Decimal(20000),
        Decimal(5000),
        Decimal(0),
    )
    assert r.annual_cost == Decimal(102000)
    for clause in ("LRV B.4.7 Abs. 4", "LRV B.4.7 Abs. 6", "LRV B.4.7 Abs. 8", "LRV B.4.7 Abs. 10"):
        assert clause in r.citations
    assert "Fahrtaufwand: nicht vereinbart" in r.explain()


def test_the_sachaufwand_step_shows_its_figures_in_each_language() -> None:
    # 12.5 % of 40 × 0.025 × 70,000 = 70,000 is 8,750: "12,5" and "70.000,00" in German, "12.5" and
    # "70,000.00" in English
    r = organisationsmodul_rate(**{**BASE, "sachaufwand_percent": "12.5"})
    step = next(s for s in r.steps if s.clause == "LRV B.4.7 Abs. 6")
    assert step.de == "Sachaufwand: 12,5 % auf Brutto-Personalkosten 70.000,00"
    assert step.en == "material cost: 12.5 % of gross personnel cost 70,000.00"
    assert step.value == Decimal(8750)


def test_travel_care_personnel_and_occupancy() -> None:
    # Sachaufwand on (70,000 + 30,000) × 10 % = 10,000; travel 3,650
    # 70,000 + 10,000 + 20,000 + 5,000 + 3,650 = 108,650; 40 × 365 × 0.9 = 13,140 → 8.2686… → 8.27
    r = organisationsmodul_rate(
        **{**BASE, "travel_costs": "3650", "care_personnel_cost": "30000", "occupancy_percent": 90}
    )
    assert (r.sachaufwand, r.annual_cost, r.amount) == (Decimal(10000), Decimal(108650), Decimal("8.27"))
    assert r.notes == ()
    # the base of the Sachaufwand is a value of the result: 70,000 + 30,000 = 100,000
    assert (r.sachaufwand_base, r.care_personnel_cost) == (Decimal(100000), Decimal(30000))


def test_a_missing_care_personnel_cost_is_noted_not_silently_zero() -> None:
    # B.4.7 Abs. 6: the Sachaufwand "für Leitung, Verwaltung und für das Betreuungspersonal" is a
    # surcharge on the Bruttopersonalkosten. Without care_personnel_cost the base is the 70,000 of
    # Leitung/Verwaltung only (7,000, rate 6.99 as before), and the result says so; 0 says "none".
    missing = organisationsmodul_rate(**BASE)
    assert (missing.sachaufwand, missing.amount) == (Decimal(7000), Decimal("6.99"))
    assert len(missing.notes) == 1
    assert missing.notes[0].startswith("care_personnel_cost not given")
    assert missing.inputs["care_personnel_cost"] is None
    assert any(
        s.clause == "LRV B.4.7 Abs. 6" and s.de.startswith("Hinweis: Brutto-Personalkosten des Betreuungs")
        for s in missing.steps
    )
    none = organisationsmodul_rate(**{**BASE, "care_personnel_cost": 0})
    assert (none.amount, none.notes, none.inputs["care_personnel_cost"]) == (Decimal("6.99"), (), Decimal(0))
    # issue 20 item 8: the omission is a value of the result, not only a note — the base of the
    # Sachaufwand (70,000: Leitung/Verwaltung alone) and no care personnel cost (None), against 0 given
    assert (missing.sachaufwand_base, missing.care_personnel_cost) == (Decimal(70000), None)
    assert (none.sachaufwand_base, none.care_personnel_cost) == (Decimal(70000), Decimal(0))
    record = missing.model_dump(mode="json")
    assert (record["sachaufwand_base"], record["care_personnel_cost"]) == ("70000.000", None)  # 40 × 0.025 × 70,000


def test_subsidies_equal_to_investment_give_zero() -> None:
    r = organisationsmodul_rate(**{**BASE, "public_subsidies": "30000"})
    assert r.investitionsbetrag == Decimal(0)
    assert r.uncredited_subsidies == Decimal(0)


def test_subsidies_above_investment_are_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"LRV B\.4\.7 Abs\. 8") as info:
        organisationsmodul_rate(**{**BASE, "public_subsidies": "30000.01"})
    assert info.value.argument == "public_subsidies"


def test_subsidies_above_investment_capped_on_request() -> None:
    # credited 30,000 (the whole investment), 5,000 not credited: 70,000 + 7,000 + 0 + 5,000 = 82,000
    # / 14,600 = 5.6164… → 5.62
    r = organisationsmodul_rate(**{**BASE, "public_subsidies": "35000", "cap_subsidies": True})
    assert (r.investitionsbetrag, r.uncredited_subsidies, r.amount) == (Decimal(0), Decimal(5000), Decimal("5.62"))
    assert "nicht angerechnet" in r.explain()


def test_days_from_parameter() -> None:
    r = organisationsmodul_rate(**{**BASE, "days": None, "on": date(2024, 1, 1)})
    assert r.amount == Decimal("6.99")
    assert r.parameters[0].name == "berechnungstage"


@pytest.mark.parametrize(
    ("change", "argument"),
    [
        ({"persons": 0}, "persons"),
        ({"posts_per_person": -1}, "posts_per_person"),
        ({"cost_per_post": 1.5}, "cost_per_post"),
        ({"sachaufwand_percent": "-1"}, "sachaufwand_percent"),
        ({"investment": "x"}, "investment"),
        ({"operating_costs": -1}, "operating_costs"),
        ({"travel_costs": -1}, "travel_costs"),
        ({"care_personnel_cost": -1}, "care_personnel_cost"),
        ({"occupancy_percent": 101}, "occupancy_percent"),
        ({"cap_subsidies": 1}, "cap_subsidies"),
        ({"days": None}, "on"),
    ],
)
def test_bad_input(change: dict[str, Any], argument: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        organisationsmodul_rate(**{**BASE, **change})
    assert info.value.argument == argument


def test_a_rate_beyond_the_limit_names_the_division_it_comes_from():
    # 900,000,000,000,000 € a year ÷ (1 person × 1 day × 0.000001 %) = 9 × 10^22 €: refused, naming
    # the inputs of the division (a divisor near zero), not a figure the caller passed
    with pytest.raises(InvalidInputError) as caught:
        organisationsmodul_rate(
            persons=1,
            posts_per_person="1",
            cost_per_post="900000000000000",
            sachaufwand_percent="0",
            investment="0",
            occupancy_percent="0.000001",
            days=1,
        )
    assert caught.value.argument == "annual costs ÷ (persons × days × occupancy_percent ÷ 100)"
    assert caught.value.value == Decimal("9E+22")
