"""Kosten der Unterkunft in besonderen Wohnformen, and the personal means a person keeps (RULES M7, M8).

**KdU split** (LRV B.4.14 Abs. 7; § 42a Abs. 5–6 SGB XII; § 113 Abs. 5 SGB IX). The threshold is
the Angemessenheitsgrenze × 1.25. Up to it, housing costs (Warmmiete plus besondere Nebenkosten)
stay with the Grundsicherung (SGB XII) — above 100 % of the limit only when the WBVG contract
itemises the costs (``itemised=True``, the default). If the actual costs exceed the limit "um mehr
als 25 %", the part above the threshold is an Eingliederungshilfe cost (Existenzsichernde
Leistungen II). Exactly 125 % does not exceed. With ``itemised=False`` SGB XII carries at most
100 % of the limit and the part between 100 % and 125 % is carried by neither
(``uncovered_share``). The three shares always add up to the actual costs, to the cent.

**At the cent.** The threshold is compared exactly: costs in whole cents exceed 125 % of the
limit as soon as they are above it by any fraction of a cent (625.03 > 500.02 × 1.25 = 625.025).
SGB XII carries *up to* its cap, so a cap that is not a whole amount of cents is rounded down —
the share never exceeds 125 % (or 100 %) of the limit — and an exceeding result always moves at
least one cent to the Eingliederungshilfe. ``threshold_at_cent=True`` compares with the threshold
rounded to the cent instead (625.03 is then not above 625.03), see docs/decisions.md.

The LRV cites "§ 42a Abs. 5 Satz 4 SGB XII"; the arithmetic does not depend on the numbering
(see docs/decisions.md on the citation).

**Personal means** (LRV B.4.1 Abs. 1): a person keeps at least personal means equal to
Regelbedarfsstufe 2 (dated parameter ``regelbedarfsstufe_2``).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_DOWN, Decimal, localcontext
from functools import cache
from itertools import repeat
from typing import Annotated

from eghnrw.core._check import check_bool, check_non_negative
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, Amount, parse_amount, round_cents, round_result
from eghnrw.core.params import DATED_ARGUMENTS, Parameter, check_overrides, parameter
from eghnrw.core.trace import Label, Result, Step, step_of

__all__ = ["KduResult", "PersonalMeansResult", "kdu_check", "personal_means_check"]

_CLAUSE = "LRV B.4.14 Abs. 7"
_ZERO = Decimal("0.00")
#: The day the KdU rule applies from: the LRV in force since 01.01.2020 (LRV C.1). Without ``on``,
#: the factor is the one valid that day (the statutory 1.25, unchanged since).
_IN_FORCE = date(2020, 1, 1)


def threshold_factor(on: date | None = None, overrides: Mapping[str, Amount] | None = None) -> Parameter:
    """The dated parameter ``kdu_schwellenfaktor`` (1.25, LRV B.4.14 Abs. 7) on ``on`` (default: 01.01.2020).

    An entry ``kdu_schwellenfaktor`` in ``overrides`` wins, as for every dated parameter.

    >>> threshold_factor().value, threshold_factor(overrides={"kdu_schwellenfaktor": "1.3"}).value
    (Decimal('1.25'), Decimal('1.3'))
    """
    return parameter("kdu_schwellenfaktor", _IN_FORCE if on is None else on, overrides=overrides)


@cache  # one factor in practice: its texts are made once, not on every call
def _percent(factor: Decimal) -> tuple[str, str]:
    """The threshold in percent of the limit and the excess it allows, for the steps (``"125"``, ``"25"``)."""
    with localcontext(CONTEXT):  # not the caller's context, whatever it traps
        return f"{(factor * 100).normalize():f}", f"{((factor - 1) * 100).normalize():f}"


_SGB_XII_NOT_ITEMISED = (
    _CLAUSE,
    "Anteil SGB XII bis 100 % (Kosten nicht ausgewiesen)",
    "SGB XII share up to 100 % (costs not itemised)",
)
_EH_TAKES_OVER = (
    "§ 113 Abs. 5 SGB IX",
    "Anteil Eingliederungshilfe: Betrag über der Schwelle",
    "Eingliederungshilfe share: amount above the threshold",
)
_EH_PRECONDITIONS_MISSING = (
    _CLAUSE,
    "Anteil Eingliederungshilfe: Voraussetzungen (Vereinbarungen, WBVG-Vertrag) fehlen",
    "Eingliederungshilfe share: preconditions (agreements, WBVG contract) not met",
)


class KduResult(Result):
    """The KdU threshold check and the split of the actual costs between the payers."""

    title = (
        "Kosten der Unterkunft: 25-%-Schwelle",
        "Housing costs: 25 % threshold",
    )

    exceeds_threshold: Annotated[
        bool, Label("Schwelle überschritten (mehr als 125 %)", "threshold exceeded (more than 125 %)")
    ]
    threshold: Decimal
    actual_costs: Decimal
    adequacy_limit: Decimal
    sgb_xii_share: Annotated[Decimal, Label("Anteil SGB XII (Grundsicherung)", "SGB XII share")]
    eingliederungshilfe_share: Annotated[Decimal, Label("Anteil Eingliederungshilfe", "Eingliederungshilfe share")]
    uncovered_share: Annotated[Decimal, Label("von keinem Träger getragen", "carried by neither")]


@rule(
    ids=("M7",),
    clauses=("LRV B.4.14 Abs. 7", "§ 42a Abs. 5 SGB XII", "§ 42a Abs. 6 SGB XII", "§ 113 Abs. 5 SGB IX"),
    rounding="shares: to the cent, adding up to the actual costs",
    command="kdu",
    example={"actual_costs": "700", "adequacy_limit": "500"},
    arguments={
        "actual_costs": "monthly Warmmiete plus besondere Nebenkosten (whole cents)",
        "adequacy_limit": "monthly Angemessenheitsgrenze",
        "itemised": "the WBVG contract itemises the costs (default true)",
        "preconditions_met": "Leistungs-/Vergütungsvereinbarung and WBVG contract exist",
        "threshold_at_cent": "compare with the 125 % threshold rounded to the cent",
        "on": "the day (the factor valid then; default: the one in force since 01.01.2020)",
        "overrides": "individually agreed parameter values, e.g. kdu_schwellenfaktor=1.25",
    },
    parameters=("kdu_schwellenfaktor",),
)
def kdu_check(
    *,
    actual_costs: Amount,
    adequacy_limit: Amount,
    itemised: bool = True,
    preconditions_met: bool = True,
    threshold_at_cent: bool = False,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> KduResult:
    """Whether housing costs exceed the Angemessenheitsgrenze by more than 25 %, and who pays what.

    LRV B.4.14 Abs. 7. ``actual_costs`` (Warmmiete plus besondere Nebenkosten, whole cents) and
    ``adequacy_limit`` (the Angemessenheitsgrenze) are monthly amounts. ``itemised``: the WBVG
    contract itemises the costs, so SGB XII carries up to 125 %; otherwise up to 100 % and the part
    between is ``uncovered_share``. ``preconditions_met``: a Leistungs- und Vergütungsvereinbarung
    and a written WBVG contract exist; without them the Eingliederungshilfe takes over nothing
    and the excess is uncovered too.

    The threshold is compared exactly ("um mehr als 25 %"), and the SGB XII share is its cap
    rounded down to the cent, so that an exceeding result moves at least one cent:
    ``kdu_check(actual_costs="625.03", adequacy_limit="500.02")`` exceeds 625.025 and gives the
    Eingliederungshilfe 0.01. ``threshold_at_cent=True`` compares with the threshold rounded
    half up to the cent (625.03) and caps SGB XII there (then 625.03 does not exceed).

    The factor 1.25 is the dated parameter ``kdu_schwellenfaktor`` (``threshold_factor``): the one
    valid on ``on``, by default the one in force since 01.01.2020; ``overrides`` may replace it.
    The result lists it under ``parameters``.

    >>> k = kdu_check(actual_costs=Decimal("700"), adequacy_limit=Decimal("500"))
    >>> k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share, k.uncovered_share
    (True, Decimal('625.00'), Decimal('75.00'), Decimal('0.00'))
    >>> kdu_check(actual_costs="625.00", adequacy_limit="500").exceeds_threshold   # exactly 125 %
    False
    >>> k = kdu_check(actual_costs="625.03", adequacy_limit="500.02")   # 625.03 > 625.025
    >>> k.exceeds_threshold, k.sgb_xii_share, k.eingliederungshilfe_share
    (True, Decimal('625.02'), Decimal('0.01'))

    Raises:
        InvalidInputError: an amount negative, not a number, or ``actual_costs`` not in whole
            cents; ``adequacy_limit`` zero; ``itemised``, ``preconditions_met`` or
            ``threshold_at_cent`` not a bool; ``on`` not a date; ``overrides`` not a mapping of
            known parameter names to amounts, or a factor below 1.
        ParameterNotFoundError: ``on`` before 01.01.2020 (no factor).
    """
    factor = threshold_factor(on, check_overrides(overrides))
    if factor.value < 1:
        raise InvalidInputError(
            "overrides", overrides, "pass a kdu_schwellenfaktor of at least 1 (the threshold is above the limit)"
        )
    actual = check_non_negative(actual_costs, "actual_costs")
    limit = parse_amount(adequacy_limit, "adequacy_limit")
    if limit <= 0:
        raise InvalidInputError("adequacy_limit", adequacy_limit, "pass an Angemessenheitsgrenze above zero")
    check_bool(itemised, "itemised")
    check_bool(preconditions_met, "preconditions_met")
    at_cent = check_bool(threshold_at_cent, "threshold_at_cent")
    with localcontext(CONTEXT):
        actual_c = actual.quantize(CENT)
        if actual_c != actual:
            raise InvalidInputError("actual_costs", actual_costs, "pass an amount in whole cents (round it first)")
        threshold, compared, exceeds, sgb_xii, eingliederungshilfe, uncovered = split(
            actual_c, limit, factor.value, itemised=itemised, at_cent=at_cent, preconditions_met=preconditions_met
        )
    shown, excess = _percent(factor.value)
    sgb_text = (
        (
            _CLAUSE,
            f"Anteil SGB XII bis {shown} % (Kosten im WBVG-Vertrag ausgewiesen)",
            f"SGB XII share up to {shown} % (costs itemised in the WBVG contract)",
        )
        if itemised
        else _SGB_XII_NOT_ITEMISED
    )
    eh_text = _EH_TAKES_OVER if preconditions_met else _EH_PRECONDITIONS_MISSING
    steps = (
        step_of(
            (
                _CLAUSE,
                "tatsächliche Aufwendungen (Warmmiete zzgl. besonderer Nebenkosten)",
                "actual costs (rent incl. heating plus special costs)",
                actual_c,
            )
        ),
        step_of((_CLAUSE, "Angemessenheitsgrenze", "adequacy limit", limit)),
        step_of(
            (
                _CLAUSE,
                f"Schwelle = Angemessenheitsgrenze × {shown} %",
                f"threshold = adequacy limit × {shown} %",
                threshold,
            )
        ),
        *(
            (
                step_of(
                    (
                        _CLAUSE,
                        "Schwelle auf den Cent gerundet (threshold_at_cent=True)",
                        "threshold rounded to the cent (threshold_at_cent=True)",
                        compared,
                    )
                ),
            )
            if at_cent
            else ()
        ),
        step_of(
            (
                _CLAUSE,
                f"übersteigt die Grenze um mehr als {excess} %",
                f"exceeds the limit by more than {excess} %",
                exceeds,
            )
        ),
        step_of((*sgb_text, sgb_xii)),
        step_of((*eh_text, eingliederungshilfe)),
        step_of((_CLAUSE, "von keinem Träger getragen", "carried by neither", uncovered)),
    )
    return KduResult.build(
        exceeds_threshold=exceeds,
        threshold=threshold,
        actual_costs=actual_c,
        adequacy_limit=limit,
        sgb_xii_share=sgb_xii,
        eingliederungshilfe_share=eingliederungshilfe,
        uncovered_share=uncovered,
        inputs={
            "actual_costs": actual_c,
            "adequacy_limit": limit,
            "itemised": itemised,
            "preconditions_met": preconditions_met,
            "threshold_at_cent": at_cent,
        }
        | ({"on": on} if on is not None else {}),
        parameters=(factor,),
        steps=steps,
    )


def split(
    actual: Decimal, limit: Decimal, factor: Decimal, *, itemised: bool, at_cent: bool, preconditions_met: bool
) -> tuple[Decimal, Decimal, bool, Decimal, Decimal, Decimal]:
    """The KdU split of ``actual`` (whole cents) against ``limit`` (LRV B.4.14 Abs. 7), written once.

    Returns the threshold (limit × ``factor``, the parameter ``kdu_schwellenfaktor``: 1.25), the
    figure compared with (the threshold, or with ``at_cent`` the threshold rounded half up to the
    cent), whether ``actual`` exceeds it, and the SGB XII, Eingliederungshilfe and uncovered shares.
    :func:`kdu_check` calls it, :func:`eghnrw.doors.batch.kdu_checks` maps it over columns. No checks: call it inside
    ``localcontext(CONTEXT)`` with checked figures.

    >>> with localcontext(CONTEXT):
    ...     split(Decimal("700.00"), Decimal(500), Decimal("1.25"),
    ...           itemised=True, at_cent=False, preconditions_met=True)
    (Decimal('625.00'), Decimal('625.00'), True, Decimal('625.00'), Decimal('75.00'), Decimal('0.00'))
    """
    threshold = limit * factor
    if at_cent:  # the other reading: the threshold as an amount of cents (half up), SGB XII up to it
        compared = round_result(threshold, f"adequacy_limit × {factor}")
        cap = compared if itemised else round_result(limit, "adequacy_limit")
    else:  # "um mehr als 25 %": compared exactly; SGB XII carries up to its cap, never above it
        compared = threshold
        cap = threshold if itemised else limit
    exceeds = actual > compared
    # costs in whole cents up to the cap are within its cents rounded down, so only above it is rounded
    sgb_xii = actual if actual <= cap else round_result(_cents_down(cap), "adequacy_limit")
    # above the threshold: at least one cent, as the costs are whole cents above an exact figure
    above_threshold = actual - _cents_down(compared) if exceeds else _ZERO
    eingliederungshilfe = above_threshold if preconditions_met else _ZERO
    return threshold, compared, exceeds, sgb_xii, eingliederungshilfe, actual - sgb_xii - eingliederungshilfe


def split_columns(
    actual: list[Decimal], limits: list[Decimal], factor: Decimal, *, itemised: bool
) -> tuple[list[Decimal], list[bool], list[Decimal], list[Decimal], list[Decimal]]:
    """:func:`split` over whole columns (exact threshold, preconditions met), for :func:`eghnrw.doors.batch.kdu_checks`.

    Returns the thresholds, whether each row exceeds its threshold, and the SGB XII,
    Eingliederungshilfe and uncovered shares. The same arithmetic as :func:`split`, arranged for
    columns: costs in whole cents up to the cap are within its cents rounded down, so SGB XII carries
    ``min()`` of the two; above the threshold ``max()`` with 0.00 (whole cents above an exact figure
    are at least a cent above it). Every step maps a C function over the columns: 2.4 times faster
    than :func:`split` a row (0.34 against 0.82 s for 200,000 rows). Call inside ``localcontext(CONTEXT)``.
    """
    thresholds = list(map(operator.mul, limits, repeat(factor)))
    caps = thresholds if itemised else limits
    sgb_xii = list(map(min, actual, map(Decimal.quantize, caps, repeat(CENT), repeat(ROUND_DOWN))))
    above = map(operator.sub, actual, map(Decimal.quantize, thresholds, repeat(CENT), repeat(ROUND_DOWN)))
    eingliederungshilfe = list(map(max, repeat(_ZERO), above))
    exceeds = list(map(operator.gt, actual, thresholds))
    uncovered = list(map(operator.sub, map(operator.sub, actual, sgb_xii), eingliederungshilfe))
    return thresholds, exceeds, sgb_xii, eingliederungshilfe, uncovered


def _cents_down(value: Decimal) -> Decimal:
    """``value`` rounded down to the cent: a cap on a share is never exceeded by rounding."""
    return value.quantize(CENT, rounding=ROUND_DOWN)


class PersonalMeansResult(Result):
    """Whether a person keeps at least Regelbedarfsstufe 2 as personal means."""

    title = ("Persönliche Mittel (Regelbedarfsstufe 2)", "Personal means (RBS 2)")

    sufficient: Annotated[bool, Label("mindestens Regelbedarfsstufe 2", "at least Regelbedarfsstufe 2")]
    minimum: Annotated[Decimal, Label("Regelbedarfsstufe 2", "Regelbedarfsstufe 2")]
    personal_means: Decimal
    shortfall: Annotated[Decimal, Label("Fehlbetrag", "Shortfall")]


@rule(
    ids=("M8",),
    clauses=("LRV B.4.1 Abs. 1",),
    parameters=("regelbedarfsstufe_2",),
    command="personal-means",
    example={"personal_means": "500", "on": date(2024, 7, 1)},
    arguments={
        "personal_means": "the monthly personal means a person keeps",
        "on": "the day (Regelbedarfsstufe 2 of that year)",
        "overrides": DATED_ARGUMENTS["overrides"],
    },
)
def personal_means_check(
    *, personal_means: Amount, on: date, overrides: Mapping[str, Amount] | None = None
) -> PersonalMeansResult:
    """Whether the monthly ``personal_means`` reach Regelbedarfsstufe 2 on ``on`` (LRV B.4.1 Abs. 1).

    >>> r = personal_means_check(personal_means="480", on=date(2024, 7, 1))
    >>> r.sufficient, r.minimum, r.shortfall      # 506 − 480 = 26
    (False, Decimal('506'), Decimal('26.00'))

    Raises:
        InvalidInputError: ``personal_means`` negative or not a number; ``on`` not a date.
        ParameterNotFoundError: no Regelbedarfsstufe 2 on ``on``.
    """
    overrides = check_overrides(overrides)
    means = check_non_negative(personal_means, "personal_means")
    rbs2 = parameter("regelbedarfsstufe_2", on, overrides=overrides)
    with localcontext(CONTEXT):
        sufficient = means >= rbs2.value
        shortfall = _ZERO if sufficient else round_cents(rbs2.value - means)
    return PersonalMeansResult.build(
        sufficient=sufficient,
        minimum=rbs2.value,
        personal_means=means,
        shortfall=shortfall,
        inputs={"personal_means": means, "on": on},
        parameters=(rbs2,),
        steps=(
            Step("LRV B.4.1 Abs. 1", "persönliche Mittel je Monat", "personal means per month", means),
            Step("LRV B.4.1 Abs. 1", "mindestens Regelbedarfsstufe 2", "at least Regelbedarfsstufe 2", rbs2.value),
            Step("LRV B.4.1 Abs. 1", "Mindestbetrag erreicht", "minimum reached", sufficient),
            Step("LRV B.4.1 Abs. 1", "Fehlbetrag", "shortfall", shortfall),
        ),
    )
