"""Properties of the negotiation workbench: monotone rates, exact inverses, exact attributions, round trips."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import eghnrw as e
from eghnrw.kommission.models.service_costs import SURCHARGE_RULES, Kalkulation, parse_kalkulation
from eghnrw.verguetung.negotiation.costing import compute
from eghnrw.verguetung.rates.daily import daily_rate
from strategies import (
    kalkulationen,
    negotiation_amounts,
    rate_costs,
    rate_days,
    rate_occupancies,
    rate_places,
)

CENT = Decimal("0.01")
rates = st.integers(min_value=1, max_value=1_000_000).map(lambda c: Decimal(c).scaleb(-2))


@given(kalkulationen(), st.sampled_from(["material_costs", "investment", "operating_costs", "management_costs"]),
       negotiation_amounts)  # fmt: skip
def test_the_rate_rises_with_every_cost(data: dict, component: str, more: Decimal) -> None:
    before = e.kalkulation(data).amount
    changed = {**data, component: Decimal(data.get(component, 0)) + more}  # type: ignore[arg-type]
    assert e.kalkulation(changed).amount >= before


@given(kalkulationen(), st.integers(min_value=0, max_value=5), negotiation_amounts)
def test_the_rate_rises_with_a_post_cost_and_its_fte(data: dict, index: int, more: Decimal) -> None:
    posts = list(data["posts"])
    index %= len(posts)
    before = e.kalkulation(data).amount
    dearer = [*posts[:index], {**posts[index], "annual_cost": posts[index]["annual_cost"] + more}, *posts[index + 1 :]]
    assert e.kalkulation({**data, "posts": dearer}).amount >= before
    more_staff = [*posts[:index], {**posts[index], "fte": posts[index]["fte"] + 1}, *posts[index + 1 :]]
    assert e.kalkulation({**data, "posts": more_staff}).amount >= before


@given(kalkulationen(), st.integers(min_value=1, max_value=50), st.integers(min_value=0, max_value=5_000))
def test_the_rate_falls_with_capacity_and_occupancy(data: dict, places: int, hundredths: int) -> None:
    before = e.kalkulation(data).amount
    assert e.kalkulation({**data, "places": data["places"] + places}).amount <= before
    occupancy = min(Decimal(100), data["occupancy_percent"] + Decimal(hundredths).scaleb(-2))
    assert e.kalkulation({**data, "occupancy_percent": occupancy}).amount <= before


@given(kalkulationen())
def test_shares_add_up_and_components_make_the_annual_cost(data: dict) -> None:
    k = e.kalkulation(data)
    assert sum(c.amount for c in k.components) == k.annual_cost
    assert sum(c.share_percent for c in k.components) == (Decimal("100.00") if k.annual_cost > 0 else 0)
    assert k.amount == k.amount.quantize(CENT)


@given(rates, rate_places, rate_occupancies, rate_days)
def test_max_annual_cost_is_the_exact_inverse_of_daily_rate(
    rate: Decimal, places: int, occupancy: Decimal, days: int
) -> None:
    highest = e.max_annual_cost(rate=rate, places=places, occupancy_percent=occupancy, days=days).amount
    assert highest == highest.quantize(CENT)
    assert daily_rate(annual_cost=highest, places=places, occupancy_percent=occupancy, days=days).amount <= rate
    one_more = highest + CENT
    assert daily_rate(annual_cost=one_more, places=places, occupancy_percent=occupancy, days=days).amount > rate


@given(kalkulationen(), rates)
def test_max_annual_cost_of_a_kalkulation_is_headroom_exact(data: dict, rate: Decimal) -> None:
    r = e.max_annual_cost(kalkulation=data, rate=rate)
    k = Kalkulation.model_validate(data)
    result = e.kalkulation(k)
    assert r.headroom == r.amount - result.annual_cost  # both in cents, as shown
    # raise the exact annual cost to the highest on the Sachaufwand: still within the rate, one cent more is not
    exact = compute(k, result.days, result.hours_per_fte).annual
    if k.material_costs + r.amount - exact >= 0:
        at = k.model_copy(update={"material_costs": k.material_costs + r.amount - exact})
        assert e.kalkulation(at).amount <= rate
        above = k.model_copy(update={"material_costs": k.material_costs + r.amount - exact + CENT})
        assert e.kalkulation(above).amount > rate


@given(rate_costs, rate_places, rates, rate_days)
def test_break_even_covers_and_one_hundredth_less_does_not(
    annual: Decimal, places: int, rate: Decimal, days: int
) -> None:
    r = e.break_even_occupancy(annual_cost=annual, places=places, rate=rate, days=days)
    capacity = rate * places * days
    required = r.required_percent
    assert capacity * required / 100 >= annual
    if required > CENT:
        assert capacity * (required - CENT) / 100 < annual
    assert r.covered == (required <= 100)
    assert (r.percent is None) == (not r.covered)


@given(rates, st.integers(min_value=0, max_value=10_000).map(lambda p: Decimal(p).scaleb(-2)))
def test_a_fortschreibung_of_zero_percent_returns_the_same_rate(rate: Decimal, share: Decimal) -> None:
    same = e.fortschreibung(rate=rate, personnel_share_percent=share, tariff_increase_percent=0)
    assert same.amount == rate


@given(kalkulationen())
def test_a_kalkulation_fortschreibung_of_zero_percent_returns_the_same_rate(data: dict) -> None:
    f = e.fortschreibung(kalkulation=data, tariff_increase_percent="0", price_index_percent="0")
    assert f.amount == f.previous_amount == e.kalkulation(data).amount


@given(st.sampled_from(["day", "month"]).flatmap(lambda unit: st.tuples(kalkulationen(unit), kalkulationen(unit))))
def test_compare_contributions_add_up_exactly_for_random_pairs(pair: tuple[dict, dict]) -> None:
    old, new = (e.kalkulation(data) for data in pair)
    d = e.compare(old, new)
    assert sum(d.contributions.values()) == d.amount_difference == new.amount - old.amount


daily_figures = st.tuples(rate_costs, rate_places, rate_occupancies, rate_days)


@given(daily_figures, daily_figures)
def test_compare_daily_rates_adds_up_exactly(
    before: tuple[Decimal, int, Decimal, int], after: tuple[Decimal, int, Decimal, int]
) -> None:
    old, new = (
        daily_rate(annual_cost=cost, places=places, occupancy_percent=occupancy, days=days)
        for cost, places, occupancy, days in (before, after)
    )
    d = e.compare(old, new)
    assert sum(d.contributions.values()) == d.amount_difference == new.amount - old.amount


@given(kalkulationen())
def test_a_kalkulation_survives_a_json_round_trip_equal(data: dict) -> None:
    k = Kalkulation.model_validate(data)
    again = parse_kalkulation(k.model_dump_json())
    assert again == k
    assert e.kalkulation(again).amount == e.kalkulation(k).amount


@given(kalkulationen(unit="day"))
def test_what_if_at_the_kalkulations_own_value_gives_its_rate(data: dict) -> None:
    w = e.what_if(data, vary="occupancy_percent", values=[data["occupancy_percent"]])
    assert w.rows[0].amount == w.base_amount
    assert w.rows[0].difference == 0


@given(kalkulationen())
def test_the_headroom_at_a_kalkulations_own_rate_is_never_below_zero(data: dict) -> None:
    k = e.kalkulation(Kalkulation.model_validate(data))
    assert e.max_annual_cost(kalkulation=k, rate=k.amount).headroom >= 0
    assert all(-value.as_tuple().exponent <= 2 for value in (k.annual_cost, k.personnel_cost, k.surcharges))


@given(kalkulationen())
def test_the_surcharge_rule_changes_clauses_never_figures(data: dict) -> None:
    # issue 20 item 4: the rule names the clause (A.2.2 Abs. 1 d / A.4.6.2 Abs. 1, B.1.5.3, B.1.6.2)
    results = [e.kalkulation({**data, "surcharge_rule": rule}) for rule in SURCHARGE_RULES]
    assert len({(k.amount, k.annual_cost) for k in results}) == 1


@given(
    kalkulationen(),
    st.integers(min_value=-9_999, max_value=0).map(lambda p: Decimal(p).scaleb(-2)),
    st.integers(min_value=-9_999, max_value=0).map(lambda p: Decimal(p).scaleb(-2)),
)
def test_a_falling_index_or_tariff_never_raises_the_rate(data: dict, tariff: Decimal, index: Decimal) -> None:
    # issue 20 item 6: changes above −100 % are accepted; a fall lowers the rate or keeps it
    f = e.fortschreibung(kalkulation=data, tariff_increase_percent=tariff, price_index_percent=index)
    assert f.amount <= f.previous_amount
    assert f.increase == f.amount - f.previous_amount


@given(kalkulationen(), negotiation_amounts, st.booleans())
def test_a_changed_investment_is_noted_unless_agreed(data: dict, more: Decimal, agreed: bool) -> None:
    # M16: exactly when the Investitionsbetrag (before subsidies) changes and the caller has not stated the agreement
    old = e.kalkulation(data)
    new = e.kalkulation({**data, "investment": Decimal(data["investment"]) + more})  # type: ignore[arg-type]
    notes = e.compare(old, new, investment_agreed=agreed).notes
    flagged = [note for note in notes if note.startswith("the Investitionsbetrag changes")]
    assert len(flagged) == (1 if more and not agreed else 0)


@given(kalkulationen(), st.integers(min_value=0, max_value=5), negotiation_amounts)
def test_a_cheaper_post_under_its_tarifwerk_is_noted(data: dict, index: int, less: Decimal) -> None:
    # M17: a comparison notes a post paid less under the same Tarifwerk, and only then
    posts = list(data["posts"])
    index %= len(posts)
    cost = posts[index]["annual_cost"]
    cheaper = {**posts[index], "annual_cost": max(Decimal(0), cost - less)}  # type: ignore[operator]
    new = e.kalkulation({**data, "posts": [*posts[:index], cheaper, *posts[index + 1 :]]})
    notes = e.compare(e.kalkulation(data), new).notes
    assert any(note.startswith(f"post {posts[index]['role']} ") for note in notes) == (cheaper["annual_cost"] < cost)
