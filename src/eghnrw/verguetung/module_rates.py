"""A service module computes its own rate: :func:`module_rate` dispatches to the calculation.

Calculation side (it imports the models and :mod:`eghnrw.verguetung.rates`; the models import nothing from
here). Each module kind goes to the function of the Vergütung calculations that fits its inputs:

==========================  =====================================================================
Assistenz                   agreed rate → :func:`~eghnrw.verguetung.rates.assistenz_hourly_rate` (negotiated);
                            ``table`` → the same from a rate table; else :func:`~eghnrw.verguetung.rates.hourly_rate`
Fachmodul Wohnen            ``annual_cost`` → :func:`~eghnrw.verguetung.rates.daily_rate`;
                            ``staffing`` → :func:`~eghnrw.verguetung.rates.fachmodul_wohnen_rate`;
                            ``kalkulation`` → :func:`~eghnrw.verguetung.negotiation.kalkulation`
Fachmodul Tagesstruktur     ``annual_cost`` → :func:`~eghnrw.verguetung.rates.daily_rate`;
                            ``staffing`` → :func:`~eghnrw.verguetung.rates.tagesstruktur_rate`;
                            ``kalkulation`` → :func:`~eghnrw.verguetung.negotiation.kalkulation`
Organisationsmodul          :func:`~eghnrw.verguetung.rates.organisationsmodul_rate`
Fachmodul Pflegefamilien    LWL: the agreed Leistungspauschale; LVR: hours × hourly rate + flat rate
Mobilität                   the agreed rate (no Rahmenleistungsbeschreibung fixes a formula)
==========================  =====================================================================

An agreed daily rate (``agreed_daily_rate``) wins over the calculation (LRV A.4.2 Abs. 2: the right
to negotiate freely).

The modules are those of adults' Soziale Teilhabe (LRV B.4), which the Organisationsmodul
complements (B.4.7 Abs. 1): it pays the personnel for Leitung und allgemeine Verwaltung and the
Sachaufwand for Leitung, Verwaltung and Betreuungspersonal (Abs. 3, 6). Where an Assistenz, Fachmodul
Wohnen or Tagesstruktur rate adds such costs as surcharges (a surcharge named Gemeinkosten, Leitung,
Verwaltung, Sachaufwand or Sachkosten), the result keeps the rate and says so in ``notes`` and in a
step citing B.4.7 — a note, not an exception or a Python warning: the result stays a pure value
and the audit record keeps it (see docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from eghnrw.core._check import check_date, enum_value, validated
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import Amount
from eghnrw.core.params import check_overrides
from eghnrw.core.trace import AnyResult, Label, Result, Step
from eghnrw.kommission.models import (
    Assistenz,
    FachmodulTagesstruktur,
    FachmodulWohnen,
    Mobilitaet,
    Organisationsmodul,
    PflegefamilienLVR,
    PflegefamilienLWL,
    RatePeriod,
    ServiceModule,
)
from eghnrw.kommission.models.modules import MODULE_ADAPTER, Personalbemessung
from eghnrw.verguetung.billing import pflegefamilie_verguetung
from eghnrw.verguetung.negotiation import kalkulation
from eghnrw.verguetung.rates import (
    DailyCostBasis,
    HourlyRateTable,
    assistenz_hourly_rate,
    daily_rate,
    fachmodul_wohnen_rate,
    hourly_rate,
    organisationsmodul_rate,
    tagesstruktur_rate,
)
from eghnrw.verguetung.rates.surcharges import SurchargeRule, organisationsmodul_overlap

__all__ = ["AgreedRate", "ModuleRate", "module_rate"]


class ModuleRate(Result):
    """A module's rate: the amount, what it is paid per, and the calculation it came from.

    ``steps`` and ``parameters`` are those of the calculation (``detail``), after a first step that
    names the module and the function used.
    """

    title = ("Vergütung des Moduls", "Module rate")

    amount: Annotated[Decimal, Label("Betrag", "Amount")]
    per: Annotated[RatePeriod, Label("je", "per")]
    kind: Annotated[str, Label("Modul", "Module")]
    calculation: Annotated[str, Label("Berechnung", "Calculation")]
    agreed: bool
    detail: AnyResult | None = None
    #: Things the caller should check, in English (the steps carry them in German and English).
    notes: tuple[str, ...] = ()


_ORGANISATIONSMODUL_CLAUSE = "LRV B.4.7 Abs. 1, 3, 6"
_MODULE_CLAUSE = {
    "assistenz": "LRV B.4.1 Abs. 2 Nr. 1",
    "fachmodul_wohnen": "LRV B.4.6 Abs. 2",
    "fachmodul_pflegefamilien": "LRV B.4.9",
    "fachmodul_tagesstruktur": "LRV B.4.10 Abs. 2",
    "mobilitaet": "LRV B.4.11",
    "organisationsmodul": "LRV B.4.7 Abs. 10",
}


@rule(
    ids=("M3", "M5", "M12", "C10"),
    clauses=("LRV B.4", "LRV A.4.5 Abs. 2", "LRV A.4.6"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
)
def module_rate(
    module: ServiceModule | Mapping[str, Any],
    *,
    on: date,
    table: HourlyRateTable | None = None,
    overrides: Mapping[str, Amount] | None = None,
    surcharge_rule: SurchargeRule | str | None = None,
) -> ModuleRate:
    """The rate of one service module on ``on``, computed by the calculation that fits its kind.

    ``module`` is a module model or a mapping validated as one (by ``kind``). ``table`` is a
    caller's table of landeseinheitliche Assistenz hourly rates (none are published);
    ``overrides`` replace dated parameters (KGSt hours, Berechnungstage). ``surcharge_rule`` names
    the clause the module's surcharges rest on, as for :func:`~eghnrw.verguetung.rates.surcharge` (``None``:
    the generic Aufschlagskalkulation, or a Kalkulation's own rule; given, it replaces the
    Kalkulation's); under a children's rule (B.1.5.3, B.1.6.2) the surcharges pay Leitung/Verwaltung
    and Sachaufwand by that clause, and no Organisationsmodul overlap is noted.

    >>> from eghnrw.kommission.models import FachmodulWohnen
    >>> m = FachmodulWohnen(annual_cost="1000000", places=20, occupancy_percent="95", days=365)
    >>> r = module_rate(m, on=date(2024, 1, 1))
    >>> r.amount, r.per.value, r.calculation
    (Decimal('144.20'), 'day', 'daily_rate')

    Raises:
        InvalidInputError: ``module`` is not a module (or its mapping is invalid, the pydantic
            errors kept in ``errors``); ``on`` is not a date; an unknown ``surcharge_rule``; the
            calculation refuses an input.
        ParameterNotFoundError: a dated parameter the calculation needs has no value on ``on``.
    """
    overrides = check_overrides(overrides)
    day = check_date(on, "on")
    rule = None if surcharge_rule is None else enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    checked = _as_module(module)
    if table is not None and not isinstance(table, HourlyRateTable):
        raise InvalidInputError("table", table, "pass an HourlyRateTable, or None")
    if isinstance(checked, Assistenz):
        return _assistenz(checked, day, table, overrides, rule)
    if isinstance(checked, (FachmodulWohnen, FachmodulTagesstruktur)):
        return _daily(checked, day, overrides, rule)
    if isinstance(checked, Organisationsmodul):
        return _organisation(checked, day, overrides)
    if isinstance(checked, (PflegefamilienLVR, PflegefamilienLWL)):
        return _pflegefamilien(checked)
    return _mobilitaet(checked)


def _as_module(module: object) -> ServiceModule:
    if isinstance(
        module,
        (
            Assistenz,
            FachmodulWohnen,
            FachmodulTagesstruktur,
            Organisationsmodul,
            PflegefamilienLVR,
            PflegefamilienLWL,
            Mobilitaet,
        ),
    ):
        return module
    if isinstance(module, Mapping):
        return validated(MODULE_ADAPTER.validate_python, dict(module), "module")
    raise InvalidInputError(
        "module", module, "pass a service module model (eghnrw.kommission.models) or a mapping with 'kind'"
    )


def _overlap_note(
    surcharges: Mapping[str, Decimal], rule: SurchargeRule | str | None = None
) -> tuple[tuple[str, ...], tuple[Step, ...]]:
    """The note and step for surcharges the Organisationsmodul may already pay (LRV B.4.7 Abs. 1, 3, 6).

    None under a children's rule: B.1.5.3 and B.1.6.2 put Leitung/Verwaltung and Sachaufwand into
    the surcharges themselves, and the Organisationsmodul is the adults' (B.4.7 Abs. 1).
    """
    names = organisationsmodul_overlap(surcharges)
    if not names or (rule is not None and rule != SurchargeRule.AUFSCHLAGSKALKULATION):
        return (), ()
    listed = ", ".join(names)
    note = (
        f"surcharges {listed} add Leitung/Verwaltung or Sachaufwand to an adult's rate; the Organisationsmodul "
        "may already pay them (LRV B.4.7 Abs. 1, 3, 6): check that they are not paid twice"
    )
    step = Step(
        _ORGANISATIONSMODUL_CLAUSE,
        f"Hinweis: Zuschläge {listed} (Leitung/Verwaltung, Sachaufwand) zahlt für Erwachsene ggf. schon das "
        "Organisationsmodul — nicht doppelt vergüten",
        f"note: surcharges {listed} (Leitung/Verwaltung, Sachaufwand) may already be paid by the "
        "Organisationsmodul for adults — not twice",
    )
    return (note,), (step,)


def _wrap(
    module: ServiceModule,
    detail: Result,
    *,
    amount: Decimal,
    per: RatePeriod,
    calculation: str,
    agreed: bool = False,
    notes: tuple[str, ...] = (),
    note_steps: tuple[Step, ...] = (),
) -> ModuleRate:
    head = Step(
        _MODULE_CLAUSE[module.kind],
        f"Modul {module.kind}: berechnet mit {calculation}",
        f"module {module.kind}: computed with {calculation}",
    )
    detail_notes: tuple[str, ...] = getattr(detail, "notes", ())
    return ModuleRate.build(
        amount=amount,
        per=per,
        kind=module.kind,
        calculation=calculation,
        agreed=agreed,
        detail=detail,
        notes=(*detail_notes, *notes),
        inputs={"module": module.model_dump(mode="json")},
        parameters=detail.parameters,
        steps=(head, *detail.steps, *note_steps),
    )


def _assistenz(
    module: Assistenz,
    day: date,
    table: HourlyRateTable | None,
    overrides: Mapping[str, Amount] | None,
    rule: SurchargeRule | None,
) -> ModuleRate:
    tarifwerk = module.tarifwerk or "individuell vereinbart"
    if module.agreed_hourly_rate is not None or table is not None:
        result = assistenz_hourly_rate(
            kind=module.assistenz, tarifwerk=tarifwerk, on=day, table=table, negotiated_rate=module.agreed_hourly_rate
        )
        return _wrap(
            module,
            result,
            amount=result.amount,
            per=RatePeriod.HOUR,
            calculation="assistenz_hourly_rate",
            agreed=result.negotiated,
        )
    hourly = hourly_rate(
        annual_personnel_cost=module.annual_personnel_cost,
        surcharges_percent=module.surcharges_percent,
        annual_hours=module.annual_hours,
        on=day,
        overrides=overrides,
        surcharge_rule=rule or SurchargeRule.AUFSCHLAGSKALKULATION,
    )
    notes, note_steps = _overlap_note(module.surcharges_percent, rule)
    return _wrap(
        module,
        hourly,
        amount=hourly.amount,
        per=RatePeriod.HOUR,
        calculation="hourly_rate",
        notes=notes,
        note_steps=note_steps,
    )


def _basis(module: FachmodulWohnen | FachmodulTagesstruktur, staffing: Personalbemessung) -> DailyCostBasis:
    """The module's capacity and days with its staffing's fields (a Personalbemessung holds a basis's staff)."""
    return DailyCostBasis(
        places=module.places,
        occupancy_percent=module.occupancy_percent,
        days=None if module.days is None else Decimal(module.days),
        **staffing.model_dump(),
    )


def _daily(
    module: FachmodulWohnen | FachmodulTagesstruktur,
    day: date,
    overrides: Mapping[str, Amount] | None,
    rule: SurchargeRule | None,
) -> ModuleRate:
    result: Result
    generic = rule or SurchargeRule.AUFSCHLAGSKALKULATION
    if module.kalkulation is not None:
        k = module.kalkulation
        if k.days is None and module.days is not None:
            k = k.model_copy(update={"days": Decimal(module.days)})
        if rule is not None:
            k = k.model_copy(update={"surcharge_rule": rule.value})
        result = kalkulation(k, on=day, overrides=overrides)
        calculation = "kalkulation"
    elif module.staffing is None:
        result = daily_rate(
            annual_cost=module.annual_cost if module.annual_cost is not None else Decimal(0),
            places=module.places,
            occupancy_percent=module.occupancy_percent,
            days=module.days,
            on=day,
            overrides=overrides,
        )
        calculation = "daily_rate"
    elif isinstance(module, FachmodulWohnen):
        result = fachmodul_wohnen_rate(
            basis=_basis(module, module.staffing), on=day, overrides=overrides, surcharge_rule=generic
        )
        calculation = "fachmodul_wohnen_rate"
    else:
        intensity = module.nutzungsintensitaet
        result = tagesstruktur_rate(
            intensity=intensity,
            bases={intensity: _basis(module, module.staffing)},
            on=day,
            overrides=overrides,
            surcharge_rule=generic,
        )
        calculation = "tagesstruktur_rate"
    return _agreed_or(module, result, calculation, rule)


def _organisation(module: Organisationsmodul, day: date, overrides: Mapping[str, Amount] | None) -> ModuleRate:
    # the model's fields are the rule's keywords, but for what names the module and its agreed rate
    keywords = module.model_dump(exclude={"kind", "label", "agreed_daily_rate"})
    result = organisationsmodul_rate(**keywords, on=day, overrides=overrides)
    return _agreed_or(module, result, "organisationsmodul_rate")


def _agreed_or(
    module: FachmodulWohnen | FachmodulTagesstruktur | Organisationsmodul,
    result: Result,
    calculation: str,
    rule: SurchargeRule | None = None,
) -> ModuleRate:
    computed: Decimal = result.amount  # type: ignore[attr-defined] # every daily calculation has amount
    staffing = getattr(module, "staffing", None)
    notes, note_steps = _overlap_note(staffing.surcharges_percent, rule) if staffing is not None else ((), ())
    agreed = module.agreed_daily_rate
    wrapped = _wrap(
        module,
        result,
        amount=computed if agreed is None else agreed,
        per=RatePeriod.DAY,
        calculation=calculation,
        notes=notes,
        note_steps=note_steps,
    )
    if agreed is None:
        return wrapped
    agreed_step = Step(
        "LRV A.4.2 Abs. 2",
        "individuell vereinbarter Tagessatz gilt (freie Verhandlung)",
        "the individually agreed daily rate applies (free negotiation)",
        agreed,
    )
    return wrapped.model_copy(update={"agreed": True, "steps": (*wrapped.steps, agreed_step)})


def _pflegefamilien(module: PflegefamilienLVR | PflegefamilienLWL) -> ModuleRate:
    if isinstance(module, PflegefamilienLWL):
        detail = pflegefamilie_verguetung(landschaftsverband=module.landschaftsverband, flat_rate=module.flat_rate)
        return _wrap(module, detail, amount=detail.amount, per=module.flat_rate_period, calculation="pflegefamilien")
    if module.flat_rate_period is not RatePeriod.MONTH:
        raise InvalidInputError(
            "flat_rate_period",
            module.flat_rate_period.value,
            "for the LVR variant pass the flat rate per month, to add it to the monthly care hours (LRV B.4.9 Abs. 3)",
        )
    detail = pflegefamilie_verguetung(
        landschaftsverband=module.landschaftsverband,
        flat_rate=module.flat_rate,
        care_hours=module.hours_per_month,
        hourly_rate=module.hourly_rate,
    )
    return _wrap(module, detail, amount=detail.amount, per=RatePeriod.MONTH, calculation="pflegefamilien")


class AgreedRate(Result):
    """A rate taken as agreed, with no formula in the agreements (Mobilität, LRV B.4.11)."""

    title = ("Vereinbarter Satz", "Agreed rate")

    amount: Annotated[Decimal, Label("Betrag", "Amount")]


def _mobilitaet(module: Mobilitaet) -> ModuleRate:
    step = Step(
        "LRV B.4.11 Abs. 5",
        "vereinbarter Satz (Recht auf Einzelverhandlungen)",
        "agreed rate (right to individual negotiation)",
        module.agreed_rate,
    )
    detail = AgreedRate.build(amount=module.agreed_rate, steps=(step,))
    return _wrap(module, detail, amount=module.agreed_rate, per=module.rate_period, calculation="agreed", agreed=True)
