"""Tagesgleiche Pauschalen (daily flat rates) from annual cost, capacity and occupancy (RULES M4).

LRV A.4.5 Abs. 2 names the cost components and the agreed *Kapazität* and *Auslastung*;
B.4.6 Abs. 2 (Fachmodul Wohnen), B.4.7 Abs. 10 (Organisationsmodul) and B.4.10 Abs. 2
(Tagesstruktur, differentiated by two Nutzungsintensitäten) agree a *tagesgleiche Pauschale*:

    daily rate = annual cost ÷ (places × Berechnungstage × occupancy % ÷ 100), rounded once.

The staff keys, occupancy and day counts of the landeseinheitliche Kalkulationsgrundlagen
(Anlage B) are not public: they are inputs (:class:`DailyCostBasis`), and the day count falls back
to the dated, overridable parameter ``berechnungstage``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict

from eghnrw.core._check import check_count, check_date, check_non_negative, check_percent, enum_value, validated
from eghnrw.core._rule import rule
from eghnrw.core._types import Money, StrictModel
from eghnrw.core.enums import Nutzungsintensitaet
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, LIMIT, Amount, parse_amount, round_result
from eghnrw.core.params import DATED_ARGUMENTS, Parameter, check_overrides, parameter
from eghnrw.core.trace import Label, Result, Step, rounded_step, step_of
from eghnrw.verguetung.rates._arithmetic import billable_units, unit_rate
from eghnrw.verguetung.rates.surcharges import (
    SURCHARGE_RULE_ARGUMENT,
    SurchargeRule,
    surcharge_clause,
    surcharges_clause,
)

__all__ = [
    "CostBasisRate",
    "DailyCostBasis",
    "DailyRateResult",
    "daily_rate",
    "fachmodul_wohnen_rate",
    "tagesstruktur_rate",
]

_CLAUSE = "LRV A.4.5 Abs. 2"
_MAX_DAYS = 366
_RATE_TEXT = (_CLAUSE, "Tagessatz = Jahreskosten ÷ Berechnungstage", "daily rate = annual cost ÷ billable days")


def check_occupancy(value: object, argument: str = "occupancy_percent") -> Decimal:
    """An agreed occupancy (Auslastung) in percent, above 0 and at most 100."""
    number = parse_amount(value, argument)
    if not 0 < number <= 100:
        raise InvalidInputError(argument, value, "pass an occupancy in percent above 0 and at most 100")
    return number


def _check_days(value: object, argument: str) -> Decimal:
    """Berechnungstage: a whole number of days from 1 to 366 (``"365.5"`` is refused, ``"365.0"`` is 365)."""
    if type(value) is int and 0 < value <= _MAX_DAYS:  # the common case, without Decimal comparisons
        return Decimal(value)
    number = parse_amount(value, argument)
    if not 0 < number <= _MAX_DAYS or number != number.to_integral_value():
        raise InvalidInputError(argument, value, f"pass a whole number of days from 1 to {_MAX_DAYS}")
    return number


def berechnungstage(
    days: Amount | None, on: date | None, overrides: Mapping[str, Amount] | None
) -> tuple[Decimal, tuple[Parameter, ...]]:
    """The day count: ``days`` if given, else the dated parameter ``berechnungstage`` on ``on``.

    Raises:
        InvalidInputError: neither ``days`` nor ``on``; days outside (0, 366].
    """
    if days is not None:
        if on is not None:
            check_date(on, "on")
        return _check_days(days, "days"), ()
    if on is None:
        raise InvalidInputError(
            "on",
            None,
            "pass days=... (the agreed Berechnungstage), or on=date(...) to read the dated parameter berechnungstage",
        )
    found = parameter("berechnungstage", on, overrides=overrides)
    return _check_days(found.value, "overrides['berechnungstage']"), (found,)


class DailyRateResult(Result):
    """A daily flat rate with the billable days it divides by."""

    title = ("Tagessatz (tagesgleiche Pauschale)", "Daily flat rate")

    amount: Annotated[Decimal, Label("Tagessatz", "Daily rate")]
    billable_days: Annotated[Decimal, Label("Berechnungstage gesamt (Plätze × Tage × Auslastung)", "Billable days")]
    days: Decimal


@rule(
    ids=("M4",),
    clauses=("LRV A.4.5 Abs. 2", "LRV B.4.6 Abs. 2", "LRV B.4.7 Abs. 10", "LRV B.4.10 Abs. 2"),
    parameters=("berechnungstage",),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    example={"annual_cost": "1000000", "places": 20, "occupancy_percent": "95", "days": "365"},
    arguments={
        "annual_cost": "agreed annual cost",
        "places": "agreed capacity (places)",
        "occupancy_percent": "agreed occupancy in percent, above 0, at most 100",
        "days": "Berechnungstage per place (default: the dated parameter for --on)",
        **DATED_ARGUMENTS,
    },
)
def daily_rate(
    *,
    annual_cost: Amount,
    places: int,
    occupancy_percent: Amount,
    days: Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> DailyRateResult:
    """Tagessatz = annual cost ÷ (places × days × occupancy % ÷ 100), rounded once to the cent.

    LRV A.4.5 Abs. 2 (Kapazität, Auslastung), B.4.6 Abs. 2, B.4.7 Abs. 10, B.4.10 Abs. 2.
    Without ``days`` the dated parameter ``berechnungstage`` is read for ``on``.

    >>> daily_rate(annual_cost="1000000", places=20, occupancy_percent="95", days=365).amount
    Decimal('144.20')

    Raises:
        InvalidInputError: ``annual_cost`` negative; ``places`` not a whole number of at least 1;
            occupancy outside (0, 100]; days outside (0, 366]; neither ``days`` nor ``on``.
        ParameterNotFoundError: no ``berechnungstage`` on ``on``.
    """
    overrides = check_overrides(overrides)
    cost = check_non_negative(annual_cost, "annual_cost")
    seats = check_count(places, "places", minimum=1)
    occupancy = check_occupancy(occupancy_percent)
    day_count, parameters = berechnungstage(days, on, overrides)
    with localcontext(CONTEXT):
        capacity = seats * day_count
        billable = billable_units(capacity, occupancy)
        exact = unit_rate(cost, capacity, occupancy)
    amount = round_result(exact, "annual_cost ÷ (places × days × occupancy_percent ÷ 100)")
    return DailyRateResult.build(
        amount=amount,
        billable_days=billable,
        days=day_count,
        inputs={
            "annual_cost": cost,
            "places": seats,
            "occupancy_percent": occupancy,
            "days": day_count,
            "on": on,
        },
        parameters=parameters,
        steps=(
            step_of((_CLAUSE, "Jahreskosten", "annual cost", cost)),
            step_of((_CLAUSE, "vereinbarte Kapazität (Plätze)", "agreed capacity (places)", seats)),
            step_of((_CLAUSE, "vereinbarte Auslastung in %", "agreed occupancy in %", occupancy)),
            step_of((_CLAUSE, "Berechnungstage je Platz und Jahr", "calculation days per place and year", day_count)),
            step_of((_CLAUSE, "Plätze × Tage × Auslastung ÷ 100", "places × days × occupancy ÷ 100", billable)),
            step_of(
                (
                    _CLAUSE,
                    "Tagessatz = Jahreskosten ÷ Berechnungstage",
                    "daily rate = annual cost ÷ billable days",
                    exact,
                )
            ),
            rounded_step(_CLAUSE, amount),
        ),
    )


# --- typed module calculations (inputs from Anlage B, which is not public) ----------------------


def _percent_field(value: object) -> Decimal:
    return check_percent(value, "value")


def _occupancy_field(value: object) -> Decimal:
    return check_occupancy(value, "occupancy_percent")


def _days_field(value: object) -> Decimal | None:
    return None if value is None else _check_days(value, "days")


class DailyCostBasis(StrictModel):
    """The cost basis of one daily flat rate (one module, or one Nutzungsintensität).

    Inputs, since the landeseinheitlichen Kalkulationsgrundlagen (Anlage B) are not public:

    - ``places``: agreed capacity (Kapazität, LRV A.4.5 Abs. 2);
    - ``occupancy_percent``: agreed occupancy (Auslastung), above 0 and at most 100;
    - ``posts_per_place``: the Personalschlüssel as full-time posts per place (1 : 4 → ``"0.25"``);
    - ``cost_per_post``: annual Brutto-Personalkosten of one full-time post (A.4.6.1);
    - ``surcharges_percent``: surcharges on the Brutto-Personalkosten by Aufschlagskalkulation
      (LRV A.2.2 Abs. 1 d); for adults the Organisationsmodul pays Leitung/Verwaltung and the
      Sachaufwand (B.4.7 Abs. 1, 3, 6), so such surcharges are flagged by :func:`eghnrw.module_rate`;
    - ``other_annual_costs``: further agreed annual costs not covered by a surcharge;
    - ``days``: agreed Berechnungstage per place (``None`` = the dated parameter).

    Amounts are Decimal, int or plain-syntax strings (floats refused); unknown keys are refused.
    """

    places: Annotated[int, Field(ge=1, le=10**9, description="agreed capacity: places (Kapazität, LRV A.4.5 Abs. 2)")]
    occupancy_percent: Annotated[
        Decimal,
        BeforeValidator(_occupancy_field),
        Field(description="agreed occupancy in percent (Auslastung), above 0, at most 100"),
    ]
    posts_per_place: Annotated[Money, Field(description="Personalschlüssel as full-time posts per place (1:4 → 0.25)")]
    cost_per_post: Annotated[
        Money, Field(description="annual Brutto-Personalkosten of one full-time post (LRV A.4.6.1)")
    ]
    surcharges_percent: Annotated[
        dict[str, Annotated[Decimal, BeforeValidator(_percent_field)]], Strict(strict=False)
    ] = Field(default_factory=dict, description="surcharges in % on the Brutto-Personalkosten (LRV A.2.2 Abs. 1 d)")
    other_annual_costs: Annotated[
        Money, Field(description="further agreed annual costs not covered by a surcharge")
    ] = Decimal(0)
    days: Annotated[
        Decimal | None,
        BeforeValidator(_days_field),
        Field(description="agreed Berechnungstage per place (default: the dated parameter for --on)"),
    ] = None


def _as_basis(value: object, argument: str) -> DailyCostBasis:
    if isinstance(value, DailyCostBasis):
        return value
    if isinstance(value, Mapping):
        return validated(DailyCostBasis.model_validate, dict(value), argument)
    raise InvalidInputError(argument, value, "pass a DailyCostBasis (or a mapping with its fields)")


class CostBasisRate(Result):
    """The daily flat rate of a module computed from its :class:`DailyCostBasis`, with each cost component.

    What ``fachmodul_wohnen_rate`` and ``tagesstruktur_rate`` return; ``module_rate`` returns a
    :class:`~eghnrw.verguetung.module_rates.ModuleRate` for any module and keeps this result as its ``detail``.
    """

    title = ("Tagessatz Fachmodul", "Module daily rate")

    amount: Annotated[Decimal, Label("Tagessatz", "Daily rate")]
    module: Annotated[str, Label("Modul", "Module")]
    intensity: Nutzungsintensitaet | None = None
    personnel_cost: Decimal
    surcharges: Decimal
    annual_cost: Annotated[Decimal, Label("Jahreskosten", "Annual cost")]
    billable_days: Decimal


def _module_rate(
    basis: DailyCostBasis,
    *,
    module: str,
    clause: str,
    intensity: Nutzungsintensitaet | None,
    on: date | None,
    overrides: Mapping[str, Amount] | None,
    surcharge_rule: SurchargeRule,
) -> CostBasisRate:
    day_count, parameters = berechnungstage(basis.days, on, overrides)
    with localcontext(CONTEXT):
        posts = basis.places * basis.posts_per_place
        personnel = posts * basis.cost_per_post
        pct = sum(basis.surcharges_percent.values(), Decimal(0))
        surcharges = personnel * pct / 100
        annual = personnel + surcharges + basis.other_annual_costs
        if annual >= LIMIT:
            raise InvalidInputError("basis", basis, f"the annual cost {annual} exceeds {LIMIT:,}")
        capacity = basis.places * day_count
        billable = billable_units(capacity, basis.occupancy_percent)
        exact = unit_rate(annual, capacity, basis.occupancy_percent)
    amount = round_result(exact, "basis: annual cost ÷ (places × days × occupancy_percent ÷ 100)")
    steps = [
        Step(clause, f"{module}: tagesgleiche Pauschale", f"{module}: daily flat rate"),
        Step(
            "LRV A.4.6 Abs. 3",
            "Personalschlüssel: Vollzeitstellen je Platz",
            "staff key: posts per place",
            basis.posts_per_place,
        ),
        Step("LRV A.4.6 Abs. 3", "Vollzeitstellen = Plätze × Schlüssel", "posts = places × key", posts),
        Step(
            "LRV A.4.6.1 Abs. 1",
            "Personalkosten = Stellen × Kosten je Stelle",
            "personnel cost = posts × cost per post",
            personnel,
        ),
        *(
            Step(surcharge_clause(name, surcharge_rule), f"Zuschlag {name} in %", f"surcharge {name} in %", value)
            for name, value in basis.surcharges_percent.items()
        ),
        Step(
            surcharges_clause(basis.surcharges_percent, surcharge_rule),
            "Zuschläge auf die Brutto-Personalkosten (Aufschlagskalkulation)",
            "surcharges on gross personnel cost (Aufschlagskalkulation)",
            surcharges,
        ),
        Step(_CLAUSE, "weitere vereinbarte Jahreskosten", "further agreed annual costs", basis.other_annual_costs),
        Step(_CLAUSE, "Jahreskosten", "annual cost", annual),
        Step(_CLAUSE, "Plätze × Tage × Auslastung ÷ 100", "places × days × occupancy ÷ 100", billable),
        Step(clause, "Tagessatz = Jahreskosten ÷ Berechnungstage", "daily rate = annual cost ÷ billable days", exact),
        rounded_step(clause, amount),
    ]
    inputs: dict[str, Any] = {"basis": basis.model_dump(), "on": on}
    if intensity is not None:
        inputs["intensity"] = intensity
    if surcharge_rule is not SurchargeRule.AUFSCHLAGSKALKULATION:
        inputs["surcharge_rule"] = surcharge_rule
    return CostBasisRate.build(
        amount=amount,
        module=module,
        intensity=intensity,
        personnel_cost=personnel,
        surcharges=surcharges,
        annual_cost=annual,
        billable_days=billable,
        inputs=inputs,
        parameters=parameters,
        steps=tuple(steps),
    )


@rule(
    ids=("M4",),
    clauses=(
        "LRV B.4.6 Abs. 2",
        "LRV A.4.5 Abs. 2",
        "LRV A.4.6 Abs. 3",
        "LRV A.4.6.1",
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
    ),
    parameters=("berechnungstage",),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    command="fachmodul-wohnen",
    example={
        "basis": {
            "places": 24,
            "occupancy_percent": "96",
            "posts_per_place": "0.25",
            "cost_per_post": "60000",
            "surcharges_percent": {"sachaufwand": "10"},
            "days": "365",
        }
    },
    arguments={
        "basis": "the cost basis (a DailyCostBasis, or a mapping of its fields)",
        **DATED_ARGUMENTS,
        "surcharge_rule": SURCHARGE_RULE_ARGUMENT,
    },
)
def fachmodul_wohnen_rate(
    *,
    basis: DailyCostBasis | Mapping[str, Any],
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    surcharge_rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
) -> CostBasisRate:
    """Tagessatz of the Fachmodul Wohnen from its cost basis (LRV B.4.6 Abs. 2, A.4.5 Abs. 2).

    Annual cost = places × posts per place × cost per post × (1 + Σ surcharges %) + other costs;
    the rate is that divided by places × days × occupancy, rounded once. Each surcharge cites its
    clause as :func:`~eghnrw.verguetung.rates.surcharge` does under ``surcharge_rule`` (A.2.2 Abs. 1 d, a
    Sachaufwand surcharge A.4.6.2 Abs. 1; B.1.5.3 / B.1.6.2 for the children's services).

    >>> b = DailyCostBasis(places=24, occupancy_percent=Decimal("96"), posts_per_place=Decimal("0.25"),
    ...                    cost_per_post=Decimal("60000"), surcharges_percent={"sachaufwand": Decimal("10")},
    ...                    days=Decimal("365"))
    >>> fachmodul_wohnen_rate(basis=b).amount   # 396,000 ÷ 8,409.6 = 47.0890…
    Decimal('47.09')

    Raises:
        InvalidInputError: ``basis`` not a DailyCostBasis (or invalid as a mapping); neither
            ``basis.days`` nor ``on``; an unknown ``surcharge_rule``.
    """
    overrides = check_overrides(overrides)
    checked = _as_basis(basis, "basis")
    rule = enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    return _module_rate(
        checked,
        module="Fachmodul Wohnen",
        clause="LRV B.4.6 Abs. 2",
        intensity=None,
        on=on,
        overrides=overrides,
        surcharge_rule=rule,
    )


@rule(
    ids=("M4",),
    clauses=("LRV B.4.10 Abs. 2", "LRV A.4.5 Abs. 2"),
    parameters=("berechnungstage",),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    command="tagesstruktur",
    example={
        "intensity": "intensitaet_1",
        "bases": {
            "intensitaet_1": {
                "places": 12,
                "occupancy_percent": "100",
                "posts_per_place": "0.2",
                "cost_per_post": "55000",
                "days": "250",
            }
        },
    },
    arguments={
        "intensity": "the Nutzungsintensität",
        "bases": "one cost basis (a DailyCostBasis, or a mapping of its fields) per Nutzungsintensität",
        **DATED_ARGUMENTS,
        "surcharge_rule": SURCHARGE_RULE_ARGUMENT,
    },
)
def tagesstruktur_rate(
    *,
    intensity: Nutzungsintensitaet | str,
    bases: Mapping[Nutzungsintensitaet, DailyCostBasis] | Mapping[str, Any],
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    surcharge_rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
) -> CostBasisRate:
    """Tagessatz of the Fachmodul Tagesstruktur for one Nutzungsintensität (LRV B.4.10 Abs. 2).

    The daily rate is differentiated by two Nutzungsintensitäten, each with its own cost basis
    (staff key, costs, occupancy) from Anlage B: ``bases`` maps each intensity to its
    :class:`DailyCostBasis`; ``intensity`` picks the one to compute. ``surcharge_rule`` as for
    :func:`fachmodul_wohnen_rate`.

    >>> b1 = DailyCostBasis(places=12, occupancy_percent=Decimal("100"), posts_per_place=Decimal("0.2"),
    ...                     cost_per_post=Decimal("55000"), days=Decimal("250"))
    >>> tagesstruktur_rate(intensity=Nutzungsintensitaet.INTENSITAET_1,
    ...                    bases={Nutzungsintensitaet.INTENSITAET_1: b1}).amount   # 132,000 ÷ 3,000
    Decimal('44.00')

    Raises:
        InvalidInputError: unknown ``intensity`` or none of its basis in ``bases``; an unknown
            ``surcharge_rule``.
    """
    overrides = check_overrides(overrides)
    level = enum_value(Nutzungsintensitaet, intensity, "intensity")
    if not isinstance(bases, Mapping):
        raise InvalidInputError("bases", bases, "pass a mapping of Nutzungsintensitaet to DailyCostBasis")
    basis = bases.get(level)  # a StrEnum member also finds its string value as a key
    if basis is None:
        raise InvalidInputError(
            "intensity", intensity, f"bases has no cost basis for {level.value}; pass one in bases={{...}}"
        )
    checked = _as_basis(basis, f"bases[{level.value!r}]")
    rule = enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    return _module_rate(
        checked,
        module=f"Fachmodul Tagesstruktur ({level.value})",
        clause="LRV B.4.10 Abs. 2",
        intensity=level,
        on=on,
        overrides=overrides,
        surcharge_rule=rule,
    )
