"""Zuschläge (surcharges) as percentages on Brutto-Personalkosten (RULES M3).

Which clause a surcharge rests on depends on the service (:class:`SurchargeRule`) and on what it
pays (:func:`surcharge_clause`):

- **Aufschlagskalkulation** (default): LRV A.2.2 Abs. 1 d — "per Aufschlagskalkulation bestimmte
  Pauschalen für Personal (z.B. für Leitung und Verwaltung)" — on the Personalaufwand of A.4.6.1;
  the base and height of the surcharges are left to the Rahmenleistungsbeschreibungen (A.2.2 Abs. 2).
  A surcharge for the *Sachaufwand* (its name says Sachaufwand, Sachkosten or material) is no
  Pauschale für Personal: it rests on LRV A.4.6.2 Abs. 1 (for the Organisationsmodul on B.4.7
  Abs. 6, which :func:`~eghnrw.verguetung.rates.organisationsmodul_rate` cites).
- **Teilhabe an Bildung** (``"teilhabe_an_bildung"``): LRV B.1.5.3, only for the services of
  B.1.5.1–B.1.5.2 (Schulbegleitung, schulische Ganztagsangebote, autismusspezifische Fachleistungen):
  surcharges for the Gemeinkosten (Leitung und Verwaltung) and the Sachaufwand incl.
  betriebsnotwendiger Anlagen und Ausstattung, by the KGSt systematics "Kosten eines Arbeitsplatzes".
- **Assistenz für Kinder im familiären Kontext** (``"assistenz_kinder_familie"``): LRV B.1.6.2, the
  same for the services of B.1.6.1.

For adults' Soziale Teilhabe, Leitung/Verwaltung and the Sachaufwand are paid through the
Organisationsmodul (B.4.7 Abs. 1, 3, 6): :func:`organisationsmodul_overlap` names the surcharges
it may already pay. The *Plausibilitätswerte* are orientation values that individual
negotiations may exceed or undercut: eghnrw reports the deviation, it never blocks it.

No plausibility values are published in the sources, so they are inputs
(``plausibility_percent``), never built-in figures. Only B.1.5.3 and B.1.6.2 (Satz 4–5) speak of
plausibility values; under the generic rule the value is the caller's, and the step says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, localcontext
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Final, NamedTuple

from eghnrw.core._check import check_non_negative, check_percent, enum_value
from eghnrw.core._rule import rule
from eghnrw.core._types import Row
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, round_result
from eghnrw.core.trace import Label, Result, Step, rounded_step

__all__ = ["SurchargeResult", "SurchargeRule", "SurchargeScheduleResult", "surcharge", "surcharge_schedule"]

#: Key of the Gemeinkosten surcharge (Leitung und Verwaltung), LRV A.2.2 Abs. 1 d, B.1.5.3, B.1.6.2.
GEMEINKOSTEN: Final = "gemeinkosten"
#: Key of the Sachaufwand surcharge (incl. betriebsnotwendiger Anlagen und Ausstattung), B.1.5.3, B.1.6.2.
SACHAUFWAND: Final = "sachaufwand"


class SurchargeRule(StrEnum):
    """The clause a surcharge on Brutto-Personalkosten rests on, by the service it is calculated for."""

    #: LRV A.2.2 Abs. 1 d, A.4.6.1: a generic Aufschlagskalkulation (the default).
    AUFSCHLAGSKALKULATION = "aufschlagskalkulation"
    #: LRV B.1.5.3: the services of B.1.5.1–B.1.5.2 (Schulbegleitung, autismusspezifische Fachleistungen).
    TEILHABE_AN_BILDUNG = "teilhabe_an_bildung"
    #: LRV B.1.6.2: the services of B.1.6.1 (Assistenz für Kinder und Jugendliche im familiären Kontext).
    ASSISTENZ_KINDER_FAMILIE = "assistenz_kinder_familie"


#: What the keyword ``surcharge_rule`` means, in the declaration of every rule that takes it.
SURCHARGE_RULE_ARGUMENT: Final = (
    "the clause the surcharges rest on: aufschlagskalkulation (LRV A.2.2 Abs. 1 d, default), "
    "teilhabe_an_bildung (B.1.5.3), assistenz_kinder_familie (B.1.6.2)"
)


class SurchargeClauses(NamedTuple):
    """The clauses a trace cites for a surcharge rule: a surcharge, a Sachaufwand surcharge, plausibility values.

    ``plausibility`` is ``None`` where no clause gives plausibility values (the caller's own).
    """

    surcharge: str
    plausibility: str | None
    plausibility_de: str
    plausibility_en: str
    material: str


_CHILDREN_DE = "Abweichung vom Plausibilitätswert in Prozentpunkten (Über- und Unterschreitung zulässig)"
_CHILDREN_EN = "deviation from the plausibility value in percentage points (allowed either way)"
#: What a surcharge rests on, for :func:`surcharge` and :func:`surcharge_schedule` alike (RULES M3).
_M3_CLAUSES: Final = ("LRV A.2.2 Abs. 1 d", "LRV A.4.6.2 Abs. 1", "LRV A.4.6.1", "LRV B.1.5.3", "LRV B.1.6.2")
_CLAUSES: Final = {
    SurchargeRule.AUFSCHLAGSKALKULATION: SurchargeClauses(
        "LRV A.2.2 Abs. 1 d",
        None,
        "Abweichung vom Plausibilitätswert in Prozentpunkten (Wert des Aufrufers: die LRV nennt hier keinen)",
        "deviation from the plausibility value in percentage points (the caller's value: the LRV gives none here)",
        "LRV A.4.6.2 Abs. 1",
    ),
    SurchargeRule.TEILHABE_AN_BILDUNG: SurchargeClauses(
        "LRV B.1.5.3", "LRV B.1.5.3 Satz 5", _CHILDREN_DE, _CHILDREN_EN, "LRV B.1.5.3"
    ),
    SurchargeRule.ASSISTENZ_KINDER_FAMILIE: SurchargeClauses(
        "LRV B.1.6.2", "LRV B.1.6.2 Satz 5", _CHILDREN_DE, _CHILDREN_EN, "LRV B.1.6.2"
    ),
}

#: Parts of surcharge names that stand for the Sachaufwand (LRV A.4.6.2, B.1.5.3, B.4.7 Abs. 6).
_MATERIAL_COSTS: Final = ("sachaufwand", "sachkosten", "material")
#: Parts of surcharge names that stand for Leitung und Verwaltung (LRV A.4.6.1 Abs. 3, B.1.5.3).
_MANAGEMENT_COSTS: Final = ("gemeinkosten", "leitung", "verwaltung")
#: Parts of surcharge names that stand for costs the Organisationsmodul pays for adults (B.4.7 Abs. 3, 6).
_ORGANISATIONSMODUL_COSTS: Final = _MANAGEMENT_COSTS + _MATERIAL_COSTS


def surcharge_clauses(rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION) -> SurchargeClauses:
    """The clauses a surcharge cites under ``rule`` (see :class:`SurchargeRule`).

    >>> surcharge_clauses().surcharge, surcharge_clauses("teilhabe_an_bildung").surcharge
    ('LRV A.2.2 Abs. 1 d', 'LRV B.1.5.3')

    Raises:
        InvalidInputError: ``rule`` is not a :class:`SurchargeRule`.
    """
    return _CLAUSES[enum_value(SurchargeRule, rule, "surcharge_rule")]


@lru_cache(maxsize=512)  # the hourly rate's batch path names the same few surcharges row after row
def surcharge_clause(name: str, rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION) -> str:
    """The clause the surcharge named ``name`` rests on under ``rule``.

    Under the generic rule a surcharge for the Sachaufwand (its name contains Sachaufwand,
    Sachkosten or material) rests on LRV A.4.6.2 Abs. 1, any other on A.2.2 Abs. 1 d (Pauschalen
    für Personal); the children's rules cover both in one clause.

    >>> surcharge_clause("gemeinkosten"), surcharge_clause("Sachaufwand")
    ('LRV A.2.2 Abs. 1 d', 'LRV A.4.6.2 Abs. 1')
    >>> surcharge_clause("sachaufwand", "teilhabe_an_bildung")
    'LRV B.1.5.3'

    Raises:
        InvalidInputError: ``rule`` is not a :class:`SurchargeRule`.
    """
    clauses = surcharge_clauses(rule)
    folded = name.casefold()
    return clauses.material if any(part in folded for part in _MATERIAL_COSTS) else clauses.surcharge


def surcharges_clause(
    names: Iterable[str],
    rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
    *,
    personnel: str | None = None,
) -> str:
    """The clause of several surcharges together: the clause of each, once, joined.

    ``personnel``: the clause to cite instead of LRV A.2.2 Abs. 1 d for a Pauschale für Personal
    (a Kalkulation cites "LRV A.2.2 Abs. 1 d, A.4.6.1").

    >>> surcharges_clause(["gemeinkosten", "sachaufwand"])
    'LRV A.2.2 Abs. 1 d, A.4.6.2 Abs. 1'
    >>> surcharges_clause([])
    'LRV A.2.2 Abs. 1 d'
    >>> surcharges_clause(["gemeinkosten", "sachaufwand"], personnel="LRV A.2.2 Abs. 1 d, A.4.6.1")
    'LRV A.2.2 Abs. 1 d, A.4.6.1, A.4.6.2 Abs. 1'
    """
    generic = _CLAUSES[SurchargeRule.AUFSCHLAGSKALKULATION].surcharge

    def cited(clause: str) -> str:
        return personnel if personnel is not None and clause == generic else clause

    clauses = list(dict.fromkeys(cited(surcharge_clause(name, rule)) for name in names))
    if not clauses:
        return cited(surcharge_clauses(rule).surcharge)
    return ", ".join([clauses[0], *(clause.removeprefix("LRV ") for clause in clauses[1:])])


def organisationsmodul_overlap(names: Iterable[str]) -> tuple[str, ...]:
    """The surcharge names that stand for Leitung/Verwaltung or Sachaufwand (LRV B.4.7 Abs. 1, 3, 6).

    For adults' Soziale Teilhabe the Organisationsmodul pays the personnel for Leitung und
    allgemeine Verwaltung and the Sachaufwand for Leitung, Verwaltung and Betreuungspersonal; a
    surcharge with one of these names on an adult's rate may pay them twice.

    >>> organisationsmodul_overlap(["gemeinkosten", "fortbildung", "Sachaufwand"])
    ('gemeinkosten', 'Sachaufwand')
    """
    return _named(names, _ORGANISATIONSMODUL_COSTS)


def _named(names: Iterable[str], parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if any(part in name.casefold() for part in parts))


def management_surcharges(names: Iterable[str]) -> tuple[str, ...]:
    """The surcharge names that stand for Leitung und Verwaltung (Gemeinkosten; LRV A.4.6.1 Abs. 3).

    >>> management_surcharges(["leitung_verwaltung", "Sachaufwand", "Gemeinkosten"])
    ('leitung_verwaltung', 'Gemeinkosten')
    """
    return _named(names, _MANAGEMENT_COSTS)


def material_surcharges(names: Iterable[str]) -> tuple[str, ...]:
    """The surcharge names that stand for the Sachaufwand (LRV A.4.6.2 Abs. 1).

    >>> material_surcharges(["leitung_verwaltung", "Sachaufwand", "material"])
    ('Sachaufwand', 'material')
    """
    return _named(names, _MATERIAL_COSTS)


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

    title = ("Zuschlag", "Surcharge")

    amount: Annotated[Decimal, Label("Zuschlag", "Surcharge")]
    name: str
    base: Decimal
    percent: Annotated[Decimal, Label("Prozentsatz", "Percent")]
    plausibility_percent: Decimal | None = None
    deviation_percent: Annotated[
        Decimal | None, Label("Abweichung vom Plausibilitätswert (Prozentpunkte)", "Deviation from plausibility value")
    ] = None


@rule(
    ids=("M3",),
    clauses=_M3_CLAUSES,
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    example={"base": "50000", "percent": "17.5"},
    arguments={
        "base": "the base (Brutto-Personalkosten)",
        "percent": "the surcharge in percent",
        "name": "what the surcharge is for (e.g. gemeinkosten)",
        "plausibility_percent": "the plausibility value, to report the deviation",
        "surcharge_rule": SURCHARGE_RULE_ARGUMENT,
    },
)
def surcharge(
    *,
    base: Amount,
    percent: Amount,
    name: str = "zuschlag",
    plausibility_percent: Amount | None = None,
    surcharge_rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
) -> SurchargeResult:
    """Zuschlag: a percentage of a base, rounded once to the cent.

    A surcharge on Brutto-Personalkosten (A.4.6.1): by default an Aufschlagskalkulation under
    LRV A.2.2 Abs. 1 d, or for the Sachaufwand (``name`` says Sachaufwand, Sachkosten or material)
    under A.4.6.2 Abs. 1; ``surcharge_rule="teilhabe_an_bildung"`` (B.1.5.3, services of
    B.1.5.1–B.1.5.2) or ``"assistenz_kinder_familie"`` (B.1.6.2, services of B.1.6.1) cite the
    children's clauses. With ``plausibility_percent`` the deviation from the plausibility value is
    reported (``deviation_percent``, percentage points); it may be positive or negative. Only the
    children's clauses speak of plausibility values (Satz 4–5); otherwise the value is the caller's.

    >>> surcharge(base=Decimal("50000"), percent=Decimal("17.5")).amount
    Decimal('8750.00')
    >>> surcharge(base="50000", percent="22", plausibility_percent="20").deviation_percent
    Decimal('2')

    Raises:
        InvalidInputError: ``base`` or ``percent`` negative or not a number; ``name`` not a string;
            an unknown ``surcharge_rule``.
    """
    base_d = check_non_negative(base, "base")
    pct = check_percent(percent, "percent")
    rule = enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    clauses = _CLAUSES[rule]
    name_o: object = name
    if not isinstance(name_o, str) or not name_o.strip():
        raise InvalidInputError("name", name, "pass a non-empty string")
    with localcontext(CONTEXT):
        exact = base_d * pct / 100
    amount = round_result(exact, "base × percent ÷ 100")
    clause = surcharge_clause(name, rule)
    steps = [
        Step("LRV A.4.6.1 Abs. 1", "Brutto-Personalkosten (Basis)", "gross personnel cost (base)", base_d),
        Step(clause, f"Zuschlag {name} in %", f"surcharge {name} in %", pct),
        Step(clause, "Zuschlag = Basis × % ÷ 100", "surcharge = base × % ÷ 100", exact),
        rounded_step(clause, amount),
    ]
    plausibility = deviation = None
    inputs: dict[str, object] = {"base": base_d, "percent": pct, "name": name, "surcharge_rule": rule}
    if plausibility_percent is not None:
        plausibility = check_percent(plausibility_percent, "plausibility_percent")
        with localcontext(CONTEXT):
            deviation = pct - plausibility
        inputs["plausibility_percent"] = plausibility
        steps.append(Step(clauses.plausibility or clause, clauses.plausibility_de, clauses.plausibility_en, deviation))
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


class SurchargeLine(Row):
    """One line of a surcharge schedule."""

    name: str
    percent: Decimal
    amount: Decimal
    plausibility_percent: Decimal | None = None
    deviation_percent: Decimal | None = None


class SurchargeScheduleResult(Result):
    """Several surcharges on one base: one rounded amount per line, ``amount`` = sum of the lines."""

    title = ("Zuschläge", "Surcharges")

    amount: Annotated[Decimal, Label("Summe der Zuschläge", "Total surcharges")]
    base: Decimal
    total_percent: Annotated[Decimal, Label("Summe der Prozentsätze", "Total percent")]
    lines: tuple[SurchargeLine, ...] = ()


@rule(
    ids=("M3",),
    clauses=_M3_CLAUSES,
    rounding="each surcharge: once, to the cent (ROUND_HALF_UP)",
    arguments={
        "base": "the base (Brutto-Personalkosten)",
        "surcharges_percent": "the surcharges in %, by name (e.g. gemeinkosten=12.5,sachaufwand=5)",
        "plausibility_percent": "plausibility values in %, by the surcharge's name, to report each deviation",
        "surcharge_rule": SURCHARGE_RULE_ARGUMENT,
    },
)
def surcharge_schedule(
    *,
    base: Amount,
    surcharges_percent: Mapping[str, Amount],
    plausibility_percent: Mapping[str, Amount] | None = None,
    surcharge_rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
) -> SurchargeScheduleResult:
    """A schedule of surcharges (e.g. Gemeinkosten and Sachaufwand) on one base.

    Each surcharge is a percentage of the Brutto-Personalkosten (LRV A.2.2 Abs. 1 d, A.4.6.1; for
    the children's services B.1.5.3 or B.1.6.2 with ``surcharge_rule``, see :func:`surcharge`);
    each line is rounded to the cent, and the total is the sum of the rounded lines (what is paid).
    Plausibility values (inputs; none are published) give each line's deviation, never an error.

    >>> s = surcharge_schedule(base="50000", surcharges_percent={GEMEINKOSTEN: "12.5", SACHAUFWAND: "5"})
    >>> [line.amount for line in s.lines], s.amount
    ([Decimal('6250.00'), Decimal('2500.00')], Decimal('8750.00'))

    Raises:
        InvalidInputError: ``base`` negative; a percentage negative or not a number; a
            plausibility value for a surcharge that is not in the schedule; an unknown ``surcharge_rule``.
    """
    base_d = check_non_negative(base, "base")
    rule = enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    clauses = _CLAUSES[rule]
    generic = clauses.plausibility is None  # no clause gives plausibility values: they are the caller's
    allowed_de, allowed_en = (
        (" (Wert des Aufrufers)", " (the caller's value)") if generic else (" (zulässig)", " (allowed)")
    )
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
            clause = surcharge_clause(name, rule)
            steps.append(
                Step(
                    clause,
                    f"Zuschlag {name}: {pct} % der Basis",
                    f"surcharge {name}: {pct} % of the base",
                    amount,
                )
            )
            if deviation is not None:
                steps.append(
                    Step(
                        clauses.plausibility or clause,
                        f"Abweichung {name} vom Plausibilitätswert {plaus} %{allowed_de}",
                        f"deviation of {name} from the plausibility value {plaus} %{allowed_en}",
                        deviation,
                    )
                )
        total = sum((line.amount for line in lines), Decimal("0.00"))
        total_percent = sum(percents.values(), Decimal(0))
    steps.append(
        Step(
            surcharges_clause(percents, rule), "Summe der gerundeten Zuschläge", "sum of the rounded surcharges", total
        )
    )
    return SurchargeScheduleResult.build(
        amount=total,
        base=base_d,
        total_percent=total_percent,
        lines=tuple(lines),
        inputs={
            "base": base_d,
            "surcharges_percent": percents,
            "plausibility_percent": plausible,
            "surcharge_rule": rule,
        },
        steps=tuple(steps),
    )
