"""KdU split (M7) and personal means (M8): exactly 125 %, itemised or not, preconditions, bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.core.params import parameter
from eghnrw.unterkunft.kdu import kdu_check, personal_means_check


def test_contract_example() -> None:
    # limit 500 → threshold 625; 700 > 625: SGB XII 625, Eingliederungshilfe 700 − 625 = 75
    k = kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500))
    assert k.exceeds_threshold is True
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("625.00"),
        Decimal("75.00"),
        Decimal("0.00"),
    )
    assert k.threshold == Decimal(625)
    assert "LRV B.4.14 Abs. 7" in k.citations


def test_exactly_125_percent_does_not_exceed() -> None:
    # 625.00 = 500 × 1.25 exactly: "um mehr als 25 %" is not met
    k = kdu_check(actual_costs="625.00", adequacy_limit="500")
    assert k.exceeds_threshold is False
    assert (k.sgb_xii_share, k.eingliederungshilfe_share) == (Decimal("625.00"), Decimal("0.00"))
    # one cent more exceeds
    k = kdu_check(actual_costs="625.01", adequacy_limit="500")
    assert k.exceeds_threshold is True
    assert (k.sgb_xii_share, k.eingliederungshilfe_share) == (Decimal("625.00"), Decimal("0.01"))


def test_threshold_with_fractions_of_a_cent() -> None:
    # limit 500.01 → threshold 625.0125: 625.01 does not exceed; 625.02 does, SGB XII 625.01 (rounded
    # threshold), Eingliederungshilfe 0.01
    assert kdu_check(actual_costs="625.01", adequacy_limit="500.01").exceeds_threshold is False
    k = kdu_check(actual_costs="625.02", adequacy_limit="500.01")
    assert (k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share) == (
        True,
        Decimal("625.01"),
        Decimal("0.01"),
    )
    # limit 500.004 → threshold 625.005; 625.01 exceeds it; SGB XII carries up to 125 %, its cap
    # rounded down to 625.00 (half up would be 625.01 = all of it, and the excess would vanish),
    # so the Eingliederungshilfe gets 0.01 — it got 0.00 when the cap was rounded half up
    k = kdu_check(actual_costs="625.01", adequacy_limit="500.004")
    assert (k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share) == (
        True,
        Decimal("625.00"),
        Decimal("0.01"),
    )


def test_an_exceeding_result_moves_at_least_a_cent() -> None:
    # 500.02 × 1.25 = 625.025; 625.03 is above it by half a cent: exceeded (compared
    # exactly); SGB XII up to 625.02 (the cap rounded down), Eingliederungshilfe 625.03 − 625.02
    k = kdu_check(actual_costs="625.03", adequacy_limit="500.02")
    assert (k.exceeds_threshold, k.threshold, k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        True,
        Decimal("625.0250"),
        Decimal("625.02"),
        Decimal("0.01"),
        Decimal("0.00"),
    )
    assert kdu_check(actual_costs="625.02", adequacy_limit="500.02").exceeds_threshold is False  # 625.02 < 625.025
    # the other reading: the threshold as cents, half up (625.03); 625.03 does not exceed it, 625.04 does
    k = kdu_check(actual_costs="625.03", adequacy_limit="500.02", threshold_at_cent=True)
    assert (k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share) == (
        False,
        Decimal("625.03"),
        Decimal("0.00"),
    )
    assert k.steps[3].de == "Schwelle auf den Cent gerundet (threshold_at_cent=True)"
    k = kdu_check(actual_costs="625.04", adequacy_limit="500.02", threshold_at_cent=True)
    assert (k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share) == (
        True,
        Decimal("625.03"),
        Decimal("0.01"),
    )
    # not itemised: SGB XII up to 100 % = 500.02; 500.02 × 1.25 exceeded as above
    k = kdu_check(actual_costs="625.03", adequacy_limit="500.02", itemised=False)
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("500.02"),
        Decimal("0.01"),
        Decimal("125.00"),
    )


def test_below_the_limit_all_with_sgb_xii() -> None:
    k = kdu_check(actual_costs="480.50", adequacy_limit="500")
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("480.50"),
        Decimal("0.00"),
        Decimal("0.00"),
    )


def test_not_itemised_caps_sgb_xii_at_100_percent() -> None:
    # 700 against 500: SGB XII 500, the part 500–625 (125) is carried by neither, EH 75
    k = kdu_check(actual_costs="700", adequacy_limit="500", itemised=False)
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("500.00"),
        Decimal("75.00"),
        Decimal("125.00"),
    )
    # 600 against 500, not exceeding: SGB XII 500, 100 uncovered
    k = kdu_check(actual_costs="600", adequacy_limit="500", itemised=False)
    assert (k.exceeds_threshold, k.sgb_xii_share, k.uncovered_share) == (False, Decimal("500.00"), Decimal("100.00"))


def test_without_preconditions_the_excess_is_uncovered() -> None:
    k = kdu_check(actual_costs="700", adequacy_limit="500", preconditions_met=False)
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("625.00"),
        Decimal("0.00"),
        Decimal("75.00"),
    )
    assert "Voraussetzungen" in k.explain()


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"actual_costs": 700.0}, "actual_costs"),
        ({"actual_costs": "-1"}, "actual_costs"),
        ({"actual_costs": "700.005"}, "actual_costs"),
        ({"actual_costs": "sNaN"}, "actual_costs"),
        ({"adequacy_limit": 0}, "adequacy_limit"),
        ({"adequacy_limit": "-500"}, "adequacy_limit"),
        ({"adequacy_limit": True}, "adequacy_limit"),
        ({"itemised": 1}, "itemised"),
        ({"preconditions_met": "yes"}, "preconditions_met"),
    ],
)
def test_bad_input(kwargs: dict[str, object], argument: str) -> None:
    args: dict[str, object] = {"actual_costs": "700", "adequacy_limit": "500", **kwargs}
    with pytest.raises(InvalidInputError) as info:
        kdu_check(**args)  # type: ignore[arg-type]
    assert info.value.argument == argument


def test_personal_means() -> None:
    # RBS 2 on 01.07.2024: 506 €; 480 leaves 26 short; 506 is enough
    r = personal_means_check(personal_means="480", on=date(2024, 7, 1))
    assert (r.sufficient, r.minimum, r.shortfall) == (False, Decimal(506), Decimal("26.00"))
    r = personal_means_check(personal_means="506.00", on=date(2024, 7, 1))
    assert (r.sufficient, r.shortfall) == (True, Decimal("0.00"))
    # 2023: 451 €
    assert personal_means_check(personal_means="451", on=date(2023, 3, 1)).sufficient is True
    assert personal_means_check(personal_means="450.99", on=date(2023, 3, 1)).shortfall == Decimal("0.01")
    assert personal_means_check(
        personal_means="500", on=date(2024, 7, 1), overrides={"regelbedarfsstufe_2": "499"}
    ).sufficient


def test_personal_means_check_is_exact_under_the_callers_odd_context():
    # Regelbedarfsstufe 2 in 2024: 506 €; 506 − 480.55 = 25.45 (prec=3 would give 25.4).
    import decimal  # noqa: PLC0415 - local to the one test that needs it

    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        r = personal_means_check(personal_means="480.55", on=date(2024, 7, 1))
    assert (r.sufficient, r.minimum, r.shortfall) == (False, Decimal(506), Decimal("25.45"))


def test_personal_means_bad_input() -> None:
    with pytest.raises(InvalidInputError) as info:
        personal_means_check(personal_means=-1, on=date(2024, 7, 1))
    assert info.value.argument == "personal_means"
    with pytest.raises(InvalidInputError) as info:
        personal_means_check(personal_means=1, on="2024-07-01")  # type: ignore[arg-type]
    assert info.value.argument == "on"
    with pytest.raises(ParameterNotFoundError):
        personal_means_check(personal_means=1, on=date(2019, 7, 1))


def test_personal_means_check_refuses_overrides_that_are_not_a_mapping():
    with pytest.raises(InvalidInputError, match=r"overrides"):
        personal_means_check(personal_means="480", on=date(2024, 7, 1), overrides=0)  # type: ignore[arg-type]


def test_the_factor_is_the_dated_parameter_with_its_source() -> None:
    factor = parameter("kdu_schwellenfaktor", on=date(2020, 1, 1))
    assert factor.value == Decimal("1.25")
    assert factor.source.startswith("LRV B.4.14 Abs. 7")
    # 500 × 1.25 = 625.00, as the step says
    k = kdu_check(actual_costs="700", adequacy_limit="500")
    assert k.steps[2].de == "Schwelle = Angemessenheitsgrenze × 125 %"
    assert k.threshold == Decimal(500) * factor.value


def test_not_itemised_with_the_threshold_at_the_cent_caps_sgb_xii_at_the_limit() -> None:
    # Limit 500.01: threshold 625.0125, at the cent 625.01 (half up). Not itemised: SGB XII carries up
    # to the limit 500.01 only; 600.00 does not exceed 625.01, so no Eingliederungshilfe, and the
    # 99.99 between the limit and the costs is carried by neither.
    k = kdu_check(
        actual_costs=Decimal("600.00"), adequacy_limit=Decimal("500.01"), itemised=False, threshold_at_cent=True
    )
    assert (k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        False,
        Decimal("500.01"),
        Decimal("0.00"),
        Decimal("99.99"),
    )
    # above the threshold at the cent: 700.00 − 625.01 = 74.99 to the Eingliederungshilfe
    k = kdu_check(
        actual_costs=Decimal("700.00"), adequacy_limit=Decimal("500.01"), itemised=False, threshold_at_cent=True
    )
    assert (k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share) == (
        Decimal("500.01"),
        Decimal("74.99"),
        Decimal("125.00"),
    )


@pytest.mark.parametrize("itemised", [True, False])
def test_a_threshold_beyond_the_limit_of_amounts_names_what_was_multiplied(itemised: bool) -> None:
    # 900,000,000,000,000 × 1.25 lies beyond 10^15: refused, naming the product it comes from
    with pytest.raises(InvalidInputError) as caught:
        kdu_check(
            actual_costs=Decimal("1.00"),
            adequacy_limit=Decimal(900000000000000),
            itemised=itemised,
            threshold_at_cent=True,
        )
    assert caught.value.argument == "adequacy_limit × 1.25"


def test_sufficient_personal_means_have_no_shortfall() -> None:
    # 600 € against Regelbedarfsstufe 2 of 2024 (506 €): sufficient, shortfall 0.00 (not 506 − 600)
    r = personal_means_check(personal_means=Decimal(600), on=date(2024, 7, 1))
    assert (r.sufficient, r.shortfall) == (True, Decimal(0))
    assert r.steps[-1] == ("LRV B.4.1 Abs. 1", "Fehlbetrag", "shortfall", Decimal(0))


def test_the_kdu_refusals_and_the_cent_reading_say_what_they_are() -> None:
    with pytest.raises(InvalidInputError) as caught:
        kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(0))
    assert (caught.value.argument, caught.value.expected) == (
        "adequacy_limit",
        "pass an Angemessenheitsgrenze above zero",
    )
    with pytest.raises(InvalidInputError) as caught:
        kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500), threshold_at_cent="yes")  # type: ignore[arg-type]
    assert caught.value.argument == "threshold_at_cent"
    k = kdu_check(actual_costs=Decimal(700), adequacy_limit=Decimal(500), threshold_at_cent=True)
    texts = {(step.de, step.en) for step in k.steps}
    assert (
        "Schwelle auf den Cent gerundet (threshold_at_cent=True)",
        "threshold rounded to the cent (threshold_at_cent=True)",
    ) in texts


def test_the_factor_can_be_overridden_per_call_and_is_recorded() -> None:
    # an individually agreed factor 1.30 (not the law's 1.25): threshold 500 × 1.30 = 650.00;
    # 700.00 exceeds it by 50.00, which the Eingliederungshilfe carries; SGB XII carries 650.00
    k = kdu_check(actual_costs="700.00", adequacy_limit="500", overrides={"kdu_schwellenfaktor": "1.30"})
    assert (k.threshold, k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share) == (
        Decimal("650.00"),
        True,
        Decimal("650.00"),
        Decimal("50.00"),
    )
    (factor,) = k.parameters
    assert (factor.name, factor.value, factor.overridden) == ("kdu_schwellenfaktor", Decimal("1.30"), True)
    texts = [s.en for s in k.steps]
    assert "threshold = adequacy limit × 130 %" in texts
    assert "exceeds the limit by more than 30 %" in texts
    assert "SGB XII share up to 130 % (costs itemised in the WBVG contract)" in texts
    # 640.00 is above the law's 625.00 but not above 650.00
    assert not kdu_check(
        actual_costs="640", adequacy_limit="500", overrides={"kdu_schwellenfaktor": "1.3"}
    ).exceeds_threshold


def test_the_factor_is_read_on_the_day_asked_for() -> None:
    k = kdu_check(actual_costs="625.01", adequacy_limit="500", on=date(2024, 7, 1))
    assert (k.exceeds_threshold, k.eingliederungshilfe_share) == (True, Decimal("0.01"))
    assert k.parameters[0].value == Decimal("1.25")
    assert k.inputs["on"] == date(2024, 7, 1)
    assert "on" not in kdu_check(actual_costs="1", adequacy_limit="1").inputs
    with pytest.raises(ParameterNotFoundError, match="kdu_schwellenfaktor has no value on 2019-12-31"):
        kdu_check(actual_costs="700", adequacy_limit="500", on=date(2019, 12, 31))


@pytest.mark.parametrize("factor", ["0.99", "0"])
def test_a_factor_below_one_is_refused(factor: str) -> None:
    with pytest.raises(InvalidInputError, match="kdu_schwellenfaktor of at least 1") as caught:
        kdu_check(actual_costs="700", adequacy_limit="500", overrides={"kdu_schwellenfaktor": factor})
    assert caught.value.argument == "overrides"
    # exactly 1 is allowed: then every cent above the limit is Eingliederungshilfe
    one = kdu_check(actual_costs="500.01", adequacy_limit="500", overrides={"kdu_schwellenfaktor": "1"})
    assert (one.sgb_xii_share, one.eingliederungshilfe_share) == (Decimal("500.00"), Decimal("0.01"))


def test_the_columns_use_the_same_factor() -> None:
    from eghnrw.doors.batch import kdu_checks  # noqa: PLC0415 - the column form beside the single call

    overrides = {"kdu_schwellenfaktor": "1.3"}
    batch = kdu_checks(actual_costs=["700", "640", "650.01"], adequacy_limit="500", overrides=overrides)
    singles = [kdu_check(actual_costs=a, adequacy_limit="500", overrides=overrides) for a in ("700", "640", "650.01")]
    assert batch.columns["eingliederungshilfe_share"] == [k.eingliederungshilfe_share for k in singles]
    assert batch.columns["eingliederungshilfe_share"] == [Decimal("50.00"), Decimal("0.00"), Decimal("0.01")]
    with pytest.raises(InvalidInputError, match="at least 1"):
        kdu_checks(actual_costs=["700"], adequacy_limit="500", overrides={"kdu_schwellenfaktor": "0.5"})


def test_a_factor_below_one_is_refused_with_what_to_pass() -> None:
    given = {"kdu_schwellenfaktor": "0.9"}
    with pytest.raises(InvalidInputError) as info:
        kdu_check(actual_costs="700", adequacy_limit="500", overrides=given)
    assert (info.value.argument, info.value.value) == ("overrides", given)
    assert str(info.value).endswith("; pass a kdu_schwellenfaktor of at least 1 (the threshold is above the limit)")
