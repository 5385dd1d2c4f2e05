"""Properties of the rate calculations: monotonicity, additivity, exact allocation, no floats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from eghnrw.doors.batch import daily_rates
from eghnrw.verguetung.rates.daily import daily_rate
from eghnrw.verguetung.rates.hourly import hourly_rate
from eghnrw.verguetung.rates.organisation import organisationsmodul_rate
from eghnrw.verguetung.rates.shared import shared_delivery
from eghnrw.verguetung.rates.surcharges import surcharge, surcharge_schedule
from strategies import (
    cents,
    part_counts,
    rate_costs,
    rate_days,
    rate_hours,
    rate_occupancies,
    rate_percents,
    rate_places,
    rate_surcharges,
)

CENT = Decimal("0.01")


def _no_float(value: Any) -> bool:
    if isinstance(value, float):
        return False
    if isinstance(value, dict):
        return all(_no_float(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_no_float(v) for v in value)
    return True


@given(rate_costs, rate_costs, rate_hours, rate_surcharges)
def test_hourly_rate_rises_with_cost(a: Decimal, b: Decimal, hours: Decimal, surcharges: dict[str, Decimal]) -> None:
    low, high = sorted((a, b))
    r_low = hourly_rate(annual_personnel_cost=low, annual_hours=hours, surcharges_percent=surcharges)
    r_high = hourly_rate(annual_personnel_cost=high, annual_hours=hours, surcharges_percent=surcharges)
    assert r_low.amount <= r_high.amount
    assert r_low.amount == r_low.amount.quantize(CENT)
    assert _no_float(r_high.model_dump())


@given(rate_costs, rate_hours, rate_hours)
def test_hourly_rate_falls_with_hours(cost: Decimal, a: Decimal, b: Decimal) -> None:
    few, many = sorted((a, b))
    assert (
        hourly_rate(annual_personnel_cost=cost, annual_hours=few).amount
        >= hourly_rate(annual_personnel_cost=cost, annual_hours=many).amount
    )


@given(rate_costs, rate_percents, rate_percents)
def test_hourly_rate_rises_with_surcharges(cost: Decimal, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    on = date(2024, 1, 1)
    assert (
        hourly_rate(annual_personnel_cost=cost, surcharges_percent={"x": low}, on=on).amount
        <= hourly_rate(annual_personnel_cost=cost, surcharges_percent={"x": high}, on=on).amount
    )


@given(rate_costs, rate_costs, rate_places, rate_occupancies, rate_days)
def test_daily_rate_rises_with_cost(a: Decimal, b: Decimal, places: int, occupancy: Decimal, days: int) -> None:
    low, high = sorted((a, b))
    assert (
        daily_rate(annual_cost=low, places=places, occupancy_percent=occupancy, days=days).amount
        <= daily_rate(annual_cost=high, places=places, occupancy_percent=occupancy, days=days).amount
    )


@given(cost=rate_costs, places=rate_places, o1=rate_occupancies, o2=rate_occupancies, d1=rate_days, d2=rate_days)
def test_daily_rate_falls_with_occupancy_and_days(
    *, cost: Decimal, places: int, o1: Decimal, o2: Decimal, d1: int, d2: int
) -> None:
    (o_low, o_high), (d_low, d_high) = sorted((o1, o2)), sorted((d1, d2))
    low = daily_rate(annual_cost=cost, places=places, occupancy_percent=o_low, days=d_low)
    assert low.amount >= daily_rate(annual_cost=cost, places=places, occupancy_percent=o_high, days=d_low).amount
    assert low.amount >= daily_rate(annual_cost=cost, places=places, occupancy_percent=o_low, days=d_high).amount
    assert low.amount == low.amount.quantize(CENT)
    # the rate is the exact quotient rounded once: within half a cent of it
    assert abs(low.amount - cost / low.billable_days) <= Decimal("0.005")


@given(st.lists(st.tuples(rate_costs, rate_places, rate_occupancies), max_size=20), rate_days)
def test_batch_equals_single_calls(rows: list[tuple[Decimal, int, Decimal]], days: int) -> None:
    costs, places, occupancy = [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
    batch = daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=days)
    assert batch.amounts == [
        daily_rate(annual_cost=c, places=p, occupancy_percent=o, days=days).amount for c, p, o in rows
    ]


@given(rate_costs, rate_percents, rate_percents)
def test_surcharges_are_additive(base: Decimal, p1: Decimal, p2: Decimal) -> None:
    assume(p1 + p2 <= 100)  # a single surcharge is at most 100 %
    one, two = surcharge(base=base, percent=p1), surcharge(base=base, percent=p2)
    both = surcharge(base=base, percent=p1 + p2)
    # exactly additive before rounding; each rounding moves at most half a cent
    assert one.steps[2].value + two.steps[2].value == both.steps[2].value  # type: ignore[operator]
    assert abs(one.amount + two.amount - both.amount) <= CENT
    schedule = surcharge_schedule(base=base, surcharges_percent={"a": p1, "b": p2})
    assert schedule.amount == one.amount + two.amount == sum(line.amount for line in schedule.lines)


@given(cents, cents, rate_percents)
def test_surcharge_additive_in_the_base(b1: Decimal, b2: Decimal, pct: Decimal) -> None:
    assert (
        abs(
            surcharge(base=b1, percent=pct).amount
            + surcharge(base=b2, percent=pct).amount
            - surcharge(base=b1 + b2, percent=pct).amount
        )
        <= CENT
    )


@given(cents, st.integers(min_value=0, max_value=4000).map(lambda q: Decimal(q).scaleb(-2)), part_counts)
def test_shared_delivery_adds_up(rate: Decimal, hours: Decimal, persons: int) -> None:
    r = shared_delivery(rate=rate, hours=hours, participants=persons)
    assert sum(r.shares) == r.amount
    assert max(r.shares) - min(r.shares) <= CENT
    assert len(r.shares) == persons


@given(rate_costs, rate_costs, rate_costs)
def test_organisationsmodul_falls_with_subsidies(investment: Decimal, s1: Decimal, s2: Decimal) -> None:
    low, high = sorted((min(s1, investment), min(s2, investment)))
    args: dict[str, Any] = {
        "persons": 40,
        "posts_per_person": "0.025",
        "cost_per_post": "70000",
        "sachaufwand_percent": "10",
        "investment": investment,
        "occupancy_percent": "95",
        "days": 365,
    }
    with_low = organisationsmodul_rate(**args, public_subsidies=low)
    with_high = organisationsmodul_rate(**args, public_subsidies=high)
    assert with_low.amount >= with_high.amount
    assert with_high.investitionsbetrag >= 0
    assert _no_float(with_high.model_dump())


@given(rate_costs, rate_percents, st.integers(min_value=1, max_value=100))
def test_a_billable_share_never_lowers_the_hourly_rate(cost, percent, share):
    # fewer billable hours for the same cost: the rate is at least the all-hours rate, and the
    # share of 100 % is the default (A.2.2 Abs. 2)
    on = date(2024, 1, 1)
    surcharges = {"gemeinkosten": percent}
    base = hourly_rate(annual_personnel_cost=cost, surcharges_percent=surcharges, on=on)
    part = hourly_rate(annual_personnel_cost=cost, surcharges_percent=surcharges, on=on, billable_share_percent=share)
    assert part.amount >= base.amount
    if share == 100:
        assert part.amount == base.amount
