"""Zuschläge (surcharges) as percentages on Brutto-Personalkosten (RULES M3).

LRV B.1.5.3 and B.1.6.2: calculations contain surcharges on gross personnel costs for the
Gemeinkosten (Leitung und Verwaltung) and for the Sachaufwand incl. betriebsnotwendiger Anlagen
und Ausstattung; B.4.7 Abs. 6 does the same for the Organisationsmodul. The *Plausibilitätswerte*
are orientation values that individual negotiations may exceed or undercut: eghnrw reports the
deviation, it never blocks it.

No plausibility values are published in the sources, so they are inputs
(``plausibility_percent``), never built-in figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import ClassVar, Final

from pydantic import BaseModel, ConfigDict

from eghnrw._check import check_non_negative, check_percent
from eghnrw.errors import InvalidInputError
from eghnrw.money import CONTEXT, Amount, round_result
from eghnrw.trace import Result, Step

__all__ = [
    "GEMEINKOSTEN",
    "SACHAUFWAND",
    "SurchargeLine",
    "SurchargeResult",
    "SurchargeScheduleResult",
    "check_surcharges",
    "surcharge",
    "surcharge_schedule",
]

#: Key of the Gemeinkosten surcharge (Leitung und Verwaltung), LRV B.1.5.3.
GEMEINKOSTEN: Final = "gemeinkosten"
#: Key of the Sachaufwand surcharge (incl. betriebsnotwendiger Anlagen und Ausstattung), LRV B.1.5.3.
SACHAUFWAND: Final = "sachaufwand"

_CLAUSE = "LRV B.1.5.3"
_PLAUSIBILITY_CLAUSE = "LRV B.1.5.3 Satz 5"


def check_surcharges(value: object, argument: str = "surcharges_percent") -> dict[str, Decimal]:
    """A mapping of surcharge name to a percentage of zero or more (``None`` = no surcharges).

    >>> check_surcharges({"gemeinkosten": "20", "sachaufwand": 15})
    {'gemeinkosten': Decimal('20'), 'sachaufwand': Decimal('15')}
    """
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInputError(argument, value, 'pass a mapping of name to percent, e.g. {"gemeinkosten": "20"}')
    checked: dict[str, Decimal] = {}
    for name, percent in value.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError(argument, name, "name every surcharge with a non-empty string")
        checked[name] = check_percent(percent, f"{argument}[{name!r}]")
    return checked


class SurchargeResult(Result):
    """One surcharge: ``amount`` = ``base`` × ``percent`` ÷ 100, rounded once to the cent."""

    title: ClassVar[tuple[str, str]] = ("Zuschlag", "Surcharge")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "amount": ("Zuschlag", "Surcharge"),
        "percent": ("Prozentsatz", "Percent"),
        "deviation_percent": ("Abweichung vom Plausibilitätswert (Prozentpunkte)", "Deviation from plausibility value"),
    }

    amount: Decimal
    name: str
    base: Decimal
    percent: Decimal
    plausibility_percent: Decimal | None = None
    deviation_percent: Decimal | None = None


def surcharge(
    *, base: Amount, percent: Amount, name: str = "zuschlag", plausibility_percent: Amount | None = None
) -> SurchargeResult:
    """Zuschlag: ``percent`` % of ``base``, rounded once to the cent.

    LRV B.1.5.3, B.1.6.2, B.4.7 Abs. 6: surcharges are percentages on Brutto-Personalkosten.
    With ``plausibility_percent`` the deviation from the plausibility value is reported
    (``deviation_percent``, percentage points); it may be positive or negative (B.1.5.3 Satz 5).

    >>> surcharge(base=Decimal("50000"), percent=Decimal("17.5")).amount
    Decimal('8750.00')
    >>> surcharge(base="50000", percent="22", plausibility_percent="20").deviation_percent
    Decimal('2')

    Raises:
        InvalidInputError: ``base`` or ``percent`` negative or not a number; ``name`` not a string.
    """
    base_d = check_non_negative(base, "base")
    pct = check_percent(percent, "percent")
    name_o: object = name
    if not isinstance(name_o, str) or not name_o.strip():
        raise InvalidInputError("name", name, "pass a non-empty string")
    with localcontext(CONTEXT):
        exact = base_d * pct / 100
    amount = round_result(exact, "base × percent ÷ 100")
    steps = [
        Step("LRV A.4.6.1 Abs. 1", "Brutto-Personalkosten (Basis)", "gross personnel cost (base)", base_d),
        Step(_CLAUSE, f"Zuschlag {name} in %", f"surcharge {name} in %", pct),
        Step(_CLAUSE, "Zuschlag = Basis × % ÷ 100", "surcharge = base × % ÷ 100", exact),
        Step(_CLAUSE, "gerundet auf den Cent (kaufmännisch)", "rounded to the cent (half up)", amount),
    ]
    plausibility = deviation = None
    inputs: dict[str, object] = {"base": base_d, "percent": pct, "name": name}
    if plausibility_percent is not None:
        plausibility = check_percent(plausibility_percent, "plausibility_percent")
        with localcontext(CONTEXT):
            deviation = pct - plausibility
        inputs["plausibility_percent"] = plausibility
        steps.append(
            Step(
                _PLAUSIBILITY_CLAUSE,
                "Abweichung vom Plausibilitätswert in Prozentpunkten (Über- und Unterschreitung zulässig)",
                "deviation from the plausibility value in percentage points (allowed either way)",
                deviation,
            )
        )
    return SurchargeResult.build(
        amount=amount,
        name=name,
        base=base_d,
        percent=pct,
        plausibility_percent=plausibility,
        deviation_percent=deviation,
        inputs=inputs,
        steps=tuple(steps),
    )


class SurchargeLine(BaseModel):
    """One line of a surcharge schedule."""

    model_config = ConfigDict(frozen=True)

    name: str
    percent: Decimal
    amount: Decimal
    plausibility_percent: Decimal | None = None
    deviation_percent: Decimal | None = None


class SurchargeScheduleResult(Result):
    """Several surcharges on one base: one rounded amount per line, ``amount`` = sum of the lines."""

    title: ClassVar[tuple[str, str]] = ("Zuschläge", "Surcharges")
    labels: ClassVar[dict[str, tuple[str, str]]] = {
        "amount": ("Summe der Zuschläge", "Total surcharges"),
        "total_percent": ("Summe der Prozentsätze", "Total percent"),
    }

    amount: Decimal
    base: Decimal
    total_percent: Decimal
    lines: tuple[SurchargeLine, ...] = ()


def surcharge_schedule(
    *,
    base: Amount,
    surcharges_percent: Mapping[str, Amount],
    plausibility_percent: Mapping[str, Amount] | None = None,
) -> SurchargeScheduleResult:
    """A schedule of surcharges (e.g. Gemeinkosten and Sachaufwand) on one base.

    LRV B.1.5.3, B.1.6.2: each surcharge is a percentage of the Brutto-Personalkosten; each line
    is rounded to the cent, and the total is the sum of the rounded lines (what is paid).
    Plausibility values (inputs; none are published) give each line's deviation, never an error.

    >>> s = surcharge_schedule(base="50000", surcharges_percent={GEMEINKOSTEN: "12.5", SACHAUFWAND: "5"})
    >>> [line.amount for line in s.lines], s.amount
    ([Decimal('6250.00'), Decimal('2500.00')], Decimal('8750.00'))

    Raises:
        InvalidInputError: ``base`` negative; a percentage negative or not a number; a
            plausibility value for a surcharge that is not in the schedule.
    """
    base_d = check_non_negative(base, "base")
    if surcharges_percent is None:
        raise InvalidInputError(
            "surcharges_percent", None, 'pass a mapping of name to percent, e.g. {"gemeinkosten": "20"}'
        )
    percents = check_surcharges(surcharges_percent)
    plausible = check_surcharges(plausibility_percent, "plausibility_percent")
    unknown = sorted(set(plausible) - set(percents))
    if unknown:
        raise InvalidInputError(
            "plausibility_percent", unknown, f"give plausibility values only for: {', '.join(percents) or '(none)'}"
        )
    lines: list[SurchargeLine] = []
    steps = [Step("LRV A.4.6.1 Abs. 1", "Brutto-Personalkosten (Basis)", "gross personnel cost (base)", base_d)]
    with localcontext(CONTEXT):
        for name, pct in percents.items():
            amount = round_result(base_d * pct / 100, f"base × surcharges_percent[{name!r}] ÷ 100")
            plaus = plausible.get(name)
            deviation = None if plaus is None else pct - plaus
            lines.append(
                SurchargeLine(
                    name=name, percent=pct, amount=amount, plausibility_percent=plaus, deviation_percent=deviation
                )
            )
            steps.append(
                Step(_CLAUSE, f"Zuschlag {name}: {pct} % der Basis", f"surcharge {name}: {pct} % of the base", amount)
            )
            if deviation is not None:
                steps.append(
                    Step(
                        _PLAUSIBILITY_CLAUSE,
                        f"Abweichung {name} vom Plausibilitätswert {plaus} % (zulässig)",
                        f"deviation of {name} from the plausibility value {plaus} % (allowed)",
                        deviation,
                    )
                )
        total = sum((line.amount for line in lines), Decimal("0.00"))
        total_percent = sum(percents.values(), Decimal(0))
    steps.append(Step(_CLAUSE, "Summe der gerundeten Zuschläge", "sum of the rounded surcharges", total))
    return SurchargeScheduleResult.build(
        amount=total,
        base=base_d,
        total_percent=total_percent,
        lines=tuple(lines),
        inputs={"base": base_d, "surcharges_percent": percents, "plausibility_percent": plausible},
        steps=tuple(steps),
    )
