"""The negotiation workbench at the edges its golden records and refusals do not reach (issue 20)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import eghnrw as e
from eghnrw.core.errors import InvalidInputError
from eghnrw.verguetung.negotiation.update import FortschreibungResult

#: A rate per hour: two Fachkräfte (2 × 63,360) and a Leitung (0.5 × 80,000), 1,584 KGSt hours per FTE.
_HOUR = {
    "unit": "hour",
    "occupancy_percent": "100",
    "posts": [
        {"role": "Fachkraft", "fte": "2", "annual_cost": "63360", "skilled": True},
        {"role": "Leitung", "fte": "0.5", "annual_cost": "80000", "skilled": True, "management": True},
    ],
}


def test_a_rate_per_hour_and_its_fortschreibung_keep_their_kgst_hours() -> None:
    # 126,720 + 40,000 = 166,720 ÷ (1,584 × 2 = 3,168 hours) = 52.6262… → 52.63
    # + 5 %: Fachkraft first: 133,056 + 40,000 = 173,056 ÷ 3,168 = 54.6262… → 54.63 (+2.00)
    # then the Leitung: 133,056 + 42,000 = 175,056 ÷ 3,168 = 55.2575… → 55.26 (+0.63)
    k = e.kalkulation(**_HOUR, on=date(2024, 1, 1))
    f = e.fortschreibung(kalkulation=k, tariff_increase_percent="5")
    assert (k.amount, f.amount, f.hours_per_fte, f.previous_hours_per_fte) == (
        Decimal("52.63"),
        Decimal("55.26"),
        Decimal(1584),
        Decimal(1584),
    )
    expected = {"personnel[Fachkraft]": Decimal("2.00"), "personnel[Leitung]": Decimal("0.63")}
    for old in (k, "52.63"):  # the Kalkulation, or the rate alone (then the Fortschreibung's previous)
        d = e.compare(old, f)
        assert {key: v for key, v in d.contributions.items() if v} == expected
        # the hours are the same on both sides: no arrow (an old side without hours would read "— → 1.584")
        assert ("LRV A.4.6 Abs. 2", "Beitrag parameters", "contribution of parameters", Decimal("0.00")) in d.steps
        assert d.amount_difference == Decimal("2.63")


@pytest.mark.parametrize(
    ("missing", "old", "expected"),
    [
        ("successor", "kalkulation", "a Fortschreibung of a Kalkulation without its successor"),
        ("previous", "rate", "a Fortschreibung of a Kalkulation without its previous Kalkulation"),
    ],
)
def test_a_fortschreibung_record_without_its_kalkulation_is_refused(missing: str, old: str, expected: str) -> None:
    # an audit record read back (Result.from_record) with the Kalkulation left out
    k = e.kalkulation(**_HOUR, on=date(2024, 1, 1))
    f = e.fortschreibung(kalkulation=k, tariff_increase_percent="5")
    record = f.model_dump(mode="json") | {missing: None}
    cut = FortschreibungResult.from_record(record)
    assert isinstance(cut, FortschreibungResult)
    with pytest.raises(InvalidInputError) as caught:
        e.compare(k if old == "kalkulation" else "52.63", cut)
    assert (caught.value.argument, caught.value.value, caught.value.expected) == ("new", cut, expected)
    assert str(caught.value).startswith("new: got FortschreibungResult(")


@pytest.mark.parametrize(
    ("unit", "fields", "inputs"),
    [
        ("day", {"places": 1, "days": 1, "occupancy_percent": "0.01"}, "places, days, occupancy_percent"),
        ("month", {"places": 1, "occupancy_percent": "0.01"}, "places, occupancy_percent"),
        (
            "hour",
            {"billable_hours": "0.0001", "occupancy_percent": "100"},
            "billable_hours or care FTE × hours_per_fte × billable_share_percent, occupancy_percent",
        ),
    ],
)
def test_a_rate_beyond_the_limit_names_the_inputs_of_its_unit(
    unit: str, fields: dict[str, object], inputs: str
) -> None:
    # 2 × 999,999,999,999 a year over 0.01 % of one place-day (0.0001 units: 2 × 10^16), of 12 place-months
    # at 0.01 % (0.0012 units: 1.67 × 10^15) or 0.0001 billable hours (2 × 10^16): each beyond 10^15;
    # an hourly rate has no places or days to check
    post = {"role": "Fachkraft", "fte": "2", "annual_cost": "999999999999", "skilled": True}
    with pytest.raises(InvalidInputError) as caught:
        e.kalkulation(unit=unit, posts=[post], **fields)
    assert caught.value.argument == f"kalkulation: annual cost ÷ billable units ({inputs})"
