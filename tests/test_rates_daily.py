"""Daily flat rates (M4): contract example, occupancy 100 %, Berechnungstage parameter, typed modules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from eghnrw.core.enums import Nutzungsintensitaet
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.doors.batch import daily_rates
from eghnrw.verguetung.rates.daily import DailyCostBasis, daily_rate, fachmodul_wohnen_rate, tagesstruktur_rate

ON = date(2024, 1, 1)
#: A Fachmodul Wohnen cost basis as a mapping, Berechnungstage left to the parameter (or an override).
BASIS = {
    "places": 24,
    "occupancy_percent": "96",
    "posts_per_place": "0.25",
    "cost_per_post": "60000",
    "surcharges_percent": {"sachaufwand": "10"},
}


def test_contract_example() -> None:
    # 20 × 365 × 0.95 = 6,935; 1,000,000 / 6,935 = 144.1961… → 144.20
    d = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    assert d.amount == Decimal("144.20")
    assert d.billable_days == Decimal(6935)
    assert d.parameters == ()
    assert d.citations == ("LRV A.4.5 Abs. 2",)


def test_occupancy_100_percent() -> None:
    # 10 × 365 × 1 = 3,650; 365,000 / 3,650 = 100
    assert daily_rate(annual_cost="365000", places=10, occupancy_percent=100, days=365).amount == Decimal("100.00")


def test_half_cent_edge() -> None:
    # 1 place × 100 days × 100 %: 10.005 → 1,000.50 / 100 = 10.005 → 10.01; 1,000.49 → 10.0049 → 10.00
    assert daily_rate(annual_cost="1000.50", places=1, occupancy_percent=100, days=100).amount == Decimal("10.01")
    assert daily_rate(annual_cost="1000.49", places=1, occupancy_percent=100, days=100).amount == Decimal("10.00")


def test_days_from_the_dated_parameter() -> None:
    d = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", on=ON)
    assert d.amount == Decimal("144.20")
    assert d.parameters[0].name == "berechnungstage"
    # an agreed day count as override: 20 × 250 × 0.95 = 4,750; 1,000,000 / 4,750 = 210.5263… → 210.53
    d = daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", on=ON, overrides={"berechnungstage": 250})
    assert d.amount == Decimal("210.53")


def test_neither_days_nor_on_says_what_to_pass() -> None:
    with pytest.raises(InvalidInputError, match=r"pass days=\.\.\. .* or on=date"):
        daily_rate(annual_cost="1", places=1, occupancy_percent=100)


def test_no_parameter_before_2020() -> None:
    with pytest.raises(ParameterNotFoundError, match="berechnungstage"):
        daily_rate(annual_cost="1", places=1, occupancy_percent=100, on=date(2019, 1, 1))


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"annual_cost": -1}, "annual_cost"),
        ({"annual_cost": 1e6}, "annual_cost"),
        ({"annual_cost": "1.000.000,00"}, "annual_cost"),
        ({"places": 0}, "places"),
        ({"places": True}, "places"),
        ({"places": "20"}, "places"),
        ({"places": 2.0}, "places"),
        ({"occupancy_percent": 0}, "occupancy_percent"),
        ({"occupancy_percent": "100.01"}, "occupancy_percent"),
        ({"occupancy_percent": "NaN"}, "occupancy_percent"),
        ({"days": 0}, "days"),
        ({"days": 367}, "days"),
        ({"days": None, "on": ON, "overrides": {"berechnungstage": "0"}}, "overrides['berechnungstage']"),
        ({"on": date(2024, 1, 1).isoformat()}, "on"),
    ],
)
def test_bad_input(kwargs: dict[str, object], argument: str) -> None:
    args: dict[str, object] = {"annual_cost": "1000", "places": 2, "occupancy_percent": 90, "days": 365, **kwargs}
    with pytest.raises(InvalidInputError) as info:
        daily_rate(**args)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_daily_rate_refuses_a_misspelt_override_even_when_days_are_given():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        daily_rate(
            annual_cost="1000000", places=20, occupancy_percent="95", days=365, overrides={"berechnungstag": "1"}
        )


def test_daily_rate_with_a_tiny_occupancy_names_it():
    # the rate would lie beyond 10^15: the refusal names the inputs that make it, not "value: got ..."
    with pytest.raises(InvalidInputError, match=r"occupancy_percent|days|places"):
        daily_rate(annual_cost="1000000", places=20, occupancy_percent=Decimal("1E-66"), days=365)


def test_a_billable_day_count_that_underflows_to_zero_is_refused():
    # places × days × occupancy_percent would underflow to 0: refused by daily_rate, and by the batch as a row error
    with pytest.raises(InvalidInputError):
        daily_rate(annual_cost=0, places=1, occupancy_percent=Decimal("1E-999999"), days=Decimal("1E-999999"))
    result = daily_rates(annual_cost=[0], places=1, occupancy_percent=Decimal("1E-999999"), days=[Decimal("1E-999999")])
    assert result.errors[0].index == 0


# --- typed modules ---------------------------------------------------------------------------------


def _wohnen() -> DailyCostBasis:
    return DailyCostBasis(
        places=24,
        occupancy_percent=Decimal(96),
        posts_per_place=Decimal("0.25"),
        cost_per_post=Decimal(60000),
        surcharges_percent={"gemeinkosten": Decimal(12), "sachaufwand": Decimal(8)},
        other_annual_costs=Decimal(12000),
        days=Decimal(365),
    )


def test_fachmodul_wohnen() -> None:
    # 24 × 0.25 = 6 posts × 60,000 = 360,000; surcharges 20 % = 72,000; + 12,000 = 444,000
    # 24 × 365 × 0.96 = 8,409.6; 444,000 / 8,409.6 = 52.7968… → 52.80
    r = fachmodul_wohnen_rate(basis=_wohnen())
    assert r.amount == Decimal("52.80")
    assert (r.personnel_cost, r.surcharges, r.annual_cost) == (Decimal(360000), Decimal(72000), Decimal(444000))
    assert r.module == "Fachmodul Wohnen"
    assert "LRV B.4.6 Abs. 2" in r.citations
    # an adult module's surcharges are an Aufschlagskalkulation (A.2.2 Abs. 1 d), not B.1.5.3; the
    # Sachaufwand surcharge rests on A.4.6.2 Abs. 1 (issue 20 item 4), their sum on both
    assert [step.clause for step in r.steps[4:7]] == [
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
        "LRV A.2.2 Abs. 1 d, A.4.6.2 Abs. 1",
    ]
    assert "LRV B.1.5.3" not in r.citations


@pytest.mark.parametrize(
    ("rule", "clause"), [("teilhabe_an_bildung", "LRV B.1.5.3"), ("assistenz_kinder_familie", "LRV B.1.6.2")]
)
def test_the_daily_rates_take_a_surcharge_rule(rule: str, clause: str) -> None:
    # the same 52.80 (444,000 ÷ 8,409.6); each surcharge line and their sum cite the children's clause
    r = fachmodul_wohnen_rate(basis=_wohnen(), surcharge_rule=rule)
    assert r.amount == Decimal("52.80")
    assert [step.clause for step in r.steps[4:7]] == [clause, clause, clause]
    assert r.inputs["surcharge_rule"] == rule
    t = tagesstruktur_rate(intensity="intensitaet_1", bases={"intensitaet_1": _wohnen()}, surcharge_rule=rule)
    assert (t.amount, r.steps[4].clause) == (Decimal("52.80"), clause)
    with pytest.raises(InvalidInputError, match=r"^surcharge_rule: got 'x'"):
        fachmodul_wohnen_rate(basis=_wohnen(), surcharge_rule="x")
    with pytest.raises(InvalidInputError, match=r"^surcharge_rule: got 'x'"):
        tagesstruktur_rate(intensity="intensitaet_1", bases={"intensitaet_1": _wohnen()}, surcharge_rule="x")


def test_fachmodul_wohnen_from_mapping_and_parameter_days() -> None:
    basis = _wohnen().model_dump(exclude={"days"})
    r = fachmodul_wohnen_rate(basis=basis, on=ON)
    assert r.amount == Decimal("52.80")
    assert r.parameters[0].name == "berechnungstage"


def test_tagesstruktur_two_intensities() -> None:
    # intensity 1: 12 × 0.2 = 2.4 posts × 55,000 = 132,000; 12 × 250 = 3,000 days → 44.00
    # intensity 2: 12 × 0.35 = 4.2 posts × 55,000 = 231,000; 10 % = 23,100 → 254,100;
    #              12 × 250 × 0.9 = 2,700 → 94.1111… → 94.11
    one = DailyCostBasis(places=12, occupancy_percent=100, posts_per_place="0.2", cost_per_post=55000, days=250)
    two = DailyCostBasis(
        places=12,
        occupancy_percent=90,
        posts_per_place="0.35",
        cost_per_post=55000,
        surcharges_percent={"sachaufwand": "10"},
        days=250,
    )
    bases = {Nutzungsintensitaet.INTENSITAET_1: one, Nutzungsintensitaet.INTENSITAET_2: two}
    r1 = tagesstruktur_rate(intensity=Nutzungsintensitaet.INTENSITAET_1, bases=bases)
    r2 = tagesstruktur_rate(intensity="intensitaet_2", bases=bases)
    assert (r1.amount, r2.amount) == (Decimal("44.00"), Decimal("94.11"))
    assert r2.intensity is Nutzungsintensitaet.INTENSITAET_2
    assert "LRV B.4.10 Abs. 2" in r2.citations


def test_module_rates_pass_overrides_on_to_the_berechnungstage():
    # 24 places × 0.25 posts × 60,000 € = 360,000 €, + 10 % Sachaufwand = 396,000 €;
    # overridden 300 Berechnungstage × 24 places × 96 % = 6,912 days; 396,000 ÷ 6,912 = 57.2916… → 57.29
    # (with the parameter's 365 days: 396,000 ÷ 8,409.6 = 47.09).
    overrides = {"berechnungstage": "300"}
    wohnen = fachmodul_wohnen_rate(basis=BASIS, on=date(2024, 1, 1), overrides=overrides)
    tages = tagesstruktur_rate(
        intensity="intensitaet_1", bases={"intensitaet_1": BASIS}, on=date(2024, 1, 1), overrides=overrides
    )
    assert wohnen.amount == tages.amount == Decimal("57.29")
    assert fachmodul_wohnen_rate(basis=BASIS, on=date(2024, 1, 1)).amount == Decimal("47.09")


def test_tagesstruktur_bad_input() -> None:
    one = DailyCostBasis(places=1, occupancy_percent=100, posts_per_place="1", cost_per_post=1, days=1)
    with pytest.raises(InvalidInputError) as info:
        tagesstruktur_rate(intensity="intensitaet_3", bases={"intensitaet_1": one})
    assert info.value.argument == "intensity"
    with pytest.raises(InvalidInputError) as info:
        tagesstruktur_rate(intensity="intensitaet_2", bases={"intensitaet_1": one})
    assert info.value.argument == "intensity"
    with pytest.raises(InvalidInputError) as info:
        tagesstruktur_rate(intensity="intensitaet_1", bases={"intensitaet_1": {"places": 0}})
    assert info.value.argument == "bases['intensitaet_1'].places"
    assert info.value.errors
    with pytest.raises(InvalidInputError) as info:
        tagesstruktur_rate(intensity="intensitaet_1", bases=[one])  # type: ignore[arg-type]
    assert info.value.argument == "bases"


def test_cost_basis_is_strict() -> None:
    with pytest.raises(ValueError, match="floats"):
        DailyCostBasis(places=1, occupancy_percent=100, posts_per_place=0.5, cost_per_post=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Extra inputs"):
        DailyCostBasis(places=1, occupancy_percent=100, posts_per_place=1, cost_per_post=1, staff=2)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="occupancy"):
        DailyCostBasis(places=1, occupancy_percent=0, posts_per_place=1, cost_per_post=1)
    with pytest.raises(InvalidInputError) as info:
        fachmodul_wohnen_rate(basis="x")  # type: ignore[arg-type]
    assert info.value.argument == "basis"


def test_a_cost_basis_takes_a_zero_surcharge_and_refuses_a_negative_one():
    assert DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "0"}}).surcharges_percent == {"x": Decimal(0)}
    with pytest.raises(ValidationError) as negative:
        DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "-0.01"}})
    error = negative.value.errors()[0]
    assert (error["loc"], error["msg"]) == (
        ("surcharges_percent", "x"),
        "Value error, value: got '-0.01'; pass a percentage from 0 up to 100",
    )
    with pytest.raises(ValidationError) as word:
        DailyCostBasis(**BASIS | {"surcharges_percent": {"x": "abc"}})
    assert word.value.errors()[0]["msg"] == (
        "Value error, value: got 'abc'; expected plain decimal syntax such as \"1234.56\" (no exponent, no separators)"
    )


def test_cost_basis_refuses_negatives_and_absurd_totals() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        DailyCostBasis(places=1, occupancy_percent=100, posts_per_place=1, cost_per_post=-1)
    with pytest.raises(ValueError, match="percentage from 0 up to 100"):
        DailyCostBasis(
            places=1, occupancy_percent=100, posts_per_place=1, cost_per_post=1, surcharges_percent={"a": -1}
        )
    # 10^9 places × 1,000 posts × 10^9 € exceeds 10^15 €: refused, not an overflow
    huge = DailyCostBasis(places=10**9, occupancy_percent=100, posts_per_place=1000, cost_per_post=10**9, days=1)
    with pytest.raises(InvalidInputError) as info:
        fachmodul_wohnen_rate(basis=huge)
    assert info.value.argument == "basis"


def test_cost_basis_refused_at_the_limit_naming_the_basis() -> None:
    # 2 places × 1 post × 500,000,000,000,000 € = 10^15 €, the first annual cost refused (not only above it)
    at_limit = DailyCostBasis(places=2, occupancy_percent=100, posts_per_place=1, cost_per_post=5 * 10**14, days=1)
    with pytest.raises(InvalidInputError) as info:
        fachmodul_wohnen_rate(basis=at_limit)
    assert (info.value.argument, info.value.value) == ("basis", at_limit)
    assert str(info.value).endswith("; the annual cost 1000000000000000 exceeds 1,000,000,000,000,000")


def test_cost_basis_rate_beyond_the_limit_names_the_division() -> None:
    # 10^13 € ÷ (1 place × 1 day × 1 % ÷ 100 = 0.01) = 10^15 €: the rate is refused, naming what it divides
    small = DailyCostBasis(places=1, occupancy_percent=1, posts_per_place=1, cost_per_post=10**13, days=1)
    with pytest.raises(InvalidInputError) as info:
        fachmodul_wohnen_rate(basis=small)
    assert info.value.argument == "basis: annual cost ÷ (places × days × occupancy_percent ÷ 100)"
    assert info.value.value == Decimal(10**15)
    # one euro of annual cost less: (10^13 − 1) ÷ 0.01 = 999,999,999,999,900.00
    below = small.model_copy(update={"cost_per_post": Decimal(10**13 - 1)})
    assert fachmodul_wohnen_rate(basis=below).amount == Decimal("999999999999900.00")


@pytest.mark.parametrize("days", ["365.5", Decimal("0.5"), "366.01"])
def test_berechnungstage_are_whole_days(days):
    # "365.5" was accepted and divided by; Berechnungstage count days (decisions.md).
    with pytest.raises(InvalidInputError, match=r"^days: got .*; pass a whole number of days from 1 to 366$"):
        daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=days)
    # a whole number written with decimals is that number: 1,000,000 / (20 × 365 × 0.95) = 144.1961…
    assert daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days="365.0").amount == Decimal(
        "144.20"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("occupancy_percent", "0", "occupancy_percent: got '0'; pass an occupancy in percent above 0 and at most 100"),
        ("days", "0", "days: got '0'; pass a whole number of days from 1 to 366"),
    ],
)
def test_a_daily_cost_basis_names_the_field_it_refuses(field, value, message):
    basis = {"places": 10, "occupancy_percent": "95", "posts_per_place": "1", "cost_per_post": "50000"}
    with pytest.raises(ValidationError) as caught:
        DailyCostBasis(**{**basis, field: value})
    (error,) = caught.value.errors()
    assert (error["loc"], error["msg"]) == ((field,), f"Value error, {message}")
