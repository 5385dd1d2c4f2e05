"""Properties of the KdU split: the shares add up to the actual costs and never exceed them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from eghnrw.unterkunft.kdu import kdu_check
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


@given(kdu_limits, st.booleans(), st.booleans())
def test_every_cent_around_125_percent_moves_at_least_a_cent_when_it_exceeds(
    limit: Decimal, itemised: bool, at_cent: bool
) -> None:
    # every amount of cents from 50 cents below to 50 cents above 125 % of the limit: exceeding
    # (compared exactly, or with the threshold rounded half up to the cent) gives the
    # Eingliederungshilfe at least one cent; SGB XII never gets more than 125 % (100 % if not
    # itemised) in the exact reading; the shares add up to the cent
    threshold = limit * Decimal("1.25")
    rounded = threshold.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    compared = rounded if at_cent else threshold
    for offset in range(-50, 51):
        actual = rounded + Decimal(offset).scaleb(-2)
        if actual < 0:
            continue
        k = kdu_check(actual_costs=actual, adequacy_limit=limit, itemised=itemised, threshold_at_cent=at_cent)
        assert k.exceeds_threshold == (actual > compared)
        assert (k.eingliederungshilfe_share >= Decimal("0.01")) == k.exceeds_threshold
        assert k.sgb_xii_share + k.eingliederungshilfe_share + k.uncovered_share == actual
        if not at_cent:
            assert k.sgb_xii_share <= (threshold if itemised else limit)
        if k.exceeds_threshold and itemised:
            assert k.sgb_xii_share + k.eingliederungshilfe_share == actual
