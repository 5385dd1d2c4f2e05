"""Properties of the KdU split: the shares add up to the actual costs and never exceed them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eghnrw.kdu import kdu_check
from strategies import kdu_costs, kdu_limits


@given(kdu_costs, kdu_limits, st.booleans(), st.booleans())
def test_shares_add_up_and_stay_within_the_costs(
    actual: Decimal, limit: Decimal, itemised: bool, preconditions: bool
) -> None:
    k = kdu_check(actual_costs=actual, adequacy_limit=limit, itemised=itemised, preconditions_met=preconditions)
    shares = (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share)
    assert sum(shares) == actual
    assert all(Decimal(0) <= share <= actual for share in shares)
    assert all(type(share) is Decimal and share == share.quantize(Decimal("0.01")) for share in shares)
    assert k.exceeds_threshold == (actual > limit * Decimal("1.25"))
    if not k.exceeds_threshold:
        assert k.eingliederungshilfe_share == 0
    if itemised and preconditions:
        assert k.uncovered_share == 0


@given(kdu_costs, kdu_limits)
def test_itemised_never_gives_sgb_xii_less(actual: Decimal, limit: Decimal) -> None:
    itemised = kdu_check(actual_costs=actual, adequacy_limit=limit)
    plain = kdu_check(actual_costs=actual, adequacy_limit=limit, itemised=False)
    assert itemised.sgb_xii_share >= plain.sgb_xii_share
    assert itemised.eingliederungshilfe_share == plain.eingliederungshilfe_share
