"""Stundensätze (hourly rates) for time-based Assistenz (RULES M1, M2).

- **Formula** (LRV A.4.6 Abs. 2, A.4.6.1, A.2.2 Abs. 1 d): annual gross personnel cost of a
  full-time post × (1 + Σ surcharges %) ÷ annual working hours, rounded once to the cent. The
  surcharges are an Aufschlagskalkulation (A.2.2 Abs. 1 d; a Sachaufwand surcharge A.4.6.2 Abs. 1);
  B.1.5.3 / B.1.6.2 are cited only for the children's services they cover (``surcharge_rule=``, see
  :mod:`eghnrw.verguetung.rates.surcharges`).
- **Annual hours** default to the dated KGSt Normalarbeitszeit (``kgst_normalarbeitszeit``,
  1,584 hours for a 39-hour week, "in der jeweils gültigen Fassung"); ``annual_hours=`` or
  ``overrides=`` replace it. Where a full-time post has another weekly working time,
  ``weekly_hours=`` converts explicitly: KGSt hours × weekly hours ÷ 39 (``kgst_wochenarbeitszeit``).
- **Billable hours** (LRV A.2.2 Abs. 2): the Rahmenleistungsbeschreibungen fix the number of
  billable hours a year and whether indirect work counts. By default every annual working hour is
  billable (the divisor is the annual hours); ``billable_share_percent=`` takes a share of them,
  ``billable_hours=`` an agreed number of billable hours instead (see docs/decisions.md).
- **Rate tables** (LRV A.4.6 Abs. 5, B.4.2 Abs. 2, B.4.4 Abs. 2, B.4.5 Abs. 2): rates are agreed
  landeseinheitlich per Assistenz kind and Tarifwerk / kirchliche Arbeitsrechtsregelung. No Euro
  rates are published in the sources, so the table is supplied by the caller
  (:class:`HourlyRateTable`); an individually negotiated rate always wins
  (:func:`assistenz_hourly_rate`, ``negotiated_rate=``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Annotated

from pydantic import BeforeValidator, Field, Strict, model_validator

from eghnrw.core._check import check_date, check_non_negative, check_positive, check_share, enum_value
from eghnrw.core._rule import rule
from eghnrw.core._types import StrictModel
from eghnrw.core._validity import check_period, covers, first_clash
from eghnrw.core.enums import AssistenzKind
from eghnrw.core.errors import InvalidInputError, ParameterNotFoundError
from eghnrw.core.money import CENT, CONTEXT, Amount, parse_amount, round_result
from eghnrw.core.params import DATED_ARGUMENTS, Parameter, check_overrides, parameter
from eghnrw.core.trace import Label, Result, Step, rounded_step, step_of
from eghnrw.verguetung.rates._arithmetic import hourly_exact
from eghnrw.verguetung.rates.surcharges import (
    SURCHARGE_RULE_ARGUMENT,
    SurchargeRule,
    check_surcharges,
    surcharge_clause,
    surcharges_clause,
)

__all__ = [
    "AssistenzRateResult",
    "HourlyRateEntry",
    "HourlyRateResult",
    "HourlyRateTable",
    "assistenz_hourly_rate",
    "hourly_rate",
]

_A462 = "LRV A.4.6 Abs. 2"
_A222 = "LRV A.2.2 Abs. 2"
_ZERO = Decimal(0)


@lru_cache(maxsize=64)
def _kgst_step(hours: Decimal) -> Step:
    return step_of(
        (
            _A462,
            "Jahresarbeitsstunden (KGSt-Normalarbeitszeit)",
            "annual working hours (KGSt normal working time)",
            hours,
        )
    )


class HourlyRateResult(Result):
    """An hourly rate with the hours and surcharges it rests on."""

    title = ("Stundensatz", "Hourly rate")

    amount: Annotated[Decimal, Label("Stundensatz", "Hourly rate")]
    annual_hours: Annotated[Decimal, Label("Jahresarbeitsstunden", "Annual working hours")]
    surcharge_percent: Annotated[Decimal, Label("Zuschläge gesamt in %", "Total surcharges in %")]
    annual_cost: Decimal
    #: The hours the cost is divided by: ``annual_hours`` unless a billable share or number was given.
    billable_hours: Annotated[Decimal | None, Label("abrechenbare Stunden", "Billable hours")] = None


@rule(
    ids=("M1", "M2"),
    clauses=("LRV A.4.6 Abs. 2", "LRV A.4.6.1", "LRV A.2.2 Abs. 1 d"),
    parameters=("kgst_normalarbeitszeit",),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    example={"annual_personnel_cost": "63360", "on": date(2024, 1, 1)},
    arguments={
        "annual_personnel_cost": "annual Brutto-Personalkosten of one full-time post",
        "surcharges_percent": "surcharges in % (Gemeinkosten, Sachaufwand; LRV A.2.2 Abs. 1 d)",
        "annual_hours": "agreed annual hours (replaces the KGSt parameter)",
        "weekly_hours": "weekly hours of the post (KGSt hours × weekly ÷ 39)",
        **DATED_ARGUMENTS,
        "surcharge_rule": SURCHARGE_RULE_ARGUMENT,
        "billable_share_percent": "billable share of the annual hours in % (LRV A.2.2 Abs. 2)",
        "billable_hours": "agreed billable hours a year (replaces the annual hours)",
    },
)
def hourly_rate(
    *,
    annual_personnel_cost: Amount,
    surcharges_percent: Mapping[str, Amount] | None = None,
    annual_hours: Amount | None = None,
    weekly_hours: Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    surcharge_rule: SurchargeRule | str = SurchargeRule.AUFSCHLAGSKALKULATION,
    billable_share_percent: Amount | None = None,
    billable_hours: Amount | None = None,
) -> HourlyRateResult:
    """Stundensatz = Brutto-Personalkosten × (1 + Σ Zuschläge %) ÷ Jahresarbeitsstunden.

    LRV A.4.6 Abs. 2 (KGSt Normalarbeitszeit, 1,584 hours at 39 hours a week), A.4.6.1
    (Personalaufwand), A.2.2 Abs. 1 d (surcharges on Brutto-Personalkosten by
    Aufschlagskalkulation). Rounded once, to the cent. For Schulbegleitung and autismusspezifische
    Fachleistungen (B.1.5.1–B.1.5.2) pass ``surcharge_rule="teilhabe_an_bildung"`` (B.1.5.3), for
    Assistenz für Kinder im familiären Kontext (B.1.6.1) ``"assistenz_kinder_familie"`` (B.1.6.2).

    ``annual_hours`` replaces the KGSt parameter; otherwise ``on`` is needed to read it (and
    ``overrides={"kgst_normalarbeitszeit": ...}`` wins over the maintained value).
    ``weekly_hours`` converts the KGSt hours to a post with another weekly working time:
    KGSt hours × ``weekly_hours`` ÷ ``kgst_wochenarbeitszeit`` (39).

    Billable hours (A.2.2 Abs. 2: the Rahmenleistungsbeschreibung fixes "die Anzahl der jährlich
    erbring- und abrechnungsfähigen Betreuungsstunden", with or without indirect work): by default
    every annual working hour is billable. ``billable_share_percent`` (above 0, at most 100)
    divides by that share of the annual hours; ``billable_hours`` by an agreed number of billable
    hours per full-time post and year instead of the annual hours (then ``annual_hours``,
    ``weekly_hours`` and ``on`` are not used and must not be given).

    >>> hourly_rate(annual_personnel_cost=Decimal("63360"), on=date(2024, 1, 1)).amount
    Decimal('40.00')
    >>> hourly_rate(annual_personnel_cost="63360", on=date(2024, 1, 1), billable_share_percent="80").amount
    Decimal('50.00')
    >>> hourly_rate(annual_personnel_cost="63360", surcharges_percent={"gemeinkosten": "20",
    ...             "sachaufwand": "15"}, on=date(2024, 1, 1)).amount
    Decimal('54.00')

    Raises:
        InvalidInputError: a cost or percentage negative or not a number; hours zero or
            negative; both ``annual_hours`` and ``weekly_hours``; neither ``annual_hours`` nor ``on``;
            an unknown ``surcharge_rule``; a billable share outside (0, 100]; ``billable_hours`` not
            above zero, or given with ``billable_share_percent``, ``annual_hours`` or ``weekly_hours``.
        ParameterNotFoundError: no KGSt value on ``on``.
    """
    overrides = check_overrides(overrides)
    rule = enum_value(SurchargeRule, surcharge_rule, "surcharge_rule")
    cost = check_non_negative(annual_personnel_cost, "annual_personnel_cost")
    surcharges = {} if surcharges_percent is None else check_surcharges(surcharges_percent)
    if billable_hours is not None or billable_share_percent is not None:
        return _billable_rate(
            cost=cost,
            surcharges=surcharges,
            annual_hours=annual_hours,
            weekly_hours=weekly_hours,
            on=on,
            overrides=overrides,
            surcharge_rule=rule,
            billable_share_percent=billable_share_percent,
            billable_hours=billable_hours,
        )
    with localcontext(CONTEXT):
        pct = sum(surcharges.values(), _ZERO) if surcharges else _ZERO
        hours, numerator, denominator, hours_step, parameters = _annual_hours(annual_hours, weekly_hours, on, overrides)
        # hours = numerator ÷ denominator; one division of exact figures, so the rate is rounded once.
        exact = hourly_exact(cost, pct, numerator, denominator)
        annual_cost = cost * (100 + pct) / 100 if surcharges else cost
    amount = round_result(exact, "annual_personnel_cost × (1 + surcharges_percent) ÷ annual_hours")
    steps = (
        *_cost_steps(cost, surcharges, rule, annual_cost, with_total=bool(surcharges)),
        hours_step,
        step_of((_A462, "Stundensatz = Kosten ÷ Jahresarbeitsstunden", "hourly rate = cost ÷ annual hours", exact)),
        rounded_step(_A462, amount),
    )
    inputs = _inputs(cost, surcharges, rule, on=on, annual_hours=annual_hours, hours=hours, weekly_hours=weekly_hours)
    return HourlyRateResult.build(
        amount=amount,
        annual_hours=hours,
        surcharge_percent=pct,
        annual_cost=annual_cost,
        billable_hours=hours,
        inputs=inputs,
        parameters=parameters,
        steps=steps,
    )


def _cost_steps(
    cost: Decimal, surcharges: dict[str, Decimal], rule: SurchargeRule, annual_cost: Decimal, *, with_total: bool
) -> tuple[Step, ...]:
    """The cost per post; ``with_total``: then each surcharge and the cost including them (A.4.6.1, A.2.2 Abs. 1 d)."""
    cost_step = step_of(
        (
            "LRV A.4.6.1 Abs. 1",
            "Brutto-Personalkosten je Vollzeitstelle und Jahr",
            "annual gross personnel cost per full-time post",
            cost,
        )
    )
    if not with_total:
        return (cost_step,)
    return (
        cost_step,
        *(
            Step(surcharge_clause(name, rule), f"Zuschlag {name} in %", f"surcharge {name} in %", value)
            for name, value in surcharges.items()
        ),
        Step(
            surcharges_clause(surcharges, rule),
            "Kosten einschließlich Zuschlägen",
            "cost including surcharges",
            annual_cost,
        ),
    )


def _inputs(
    cost: Decimal,
    surcharges: dict[str, Decimal],
    rule: SurchargeRule,
    *,
    on: date | None,
    annual_hours: Amount | None,
    hours: Decimal | None,
    weekly_hours: Amount | None,
) -> dict[str, object]:
    """The record's inputs: the cost, the surcharges and ``on``, then what was given besides the defaults."""
    inputs: dict[str, object] = {"annual_personnel_cost": cost, "surcharges_percent": surcharges, "on": on}
    if rule is not SurchargeRule.AUFSCHLAGSKALKULATION:
        inputs["surcharge_rule"] = rule
    if annual_hours is not None:
        inputs["annual_hours"] = hours
    if weekly_hours is not None:
        inputs["weekly_hours"] = weekly_hours
    return inputs


def _billable_rate(
    *,
    cost: Decimal,
    surcharges: dict[str, Decimal],
    annual_hours: Amount | None,
    weekly_hours: Amount | None,
    on: date | None,
    overrides: Mapping[str, Amount] | None,
    surcharge_rule: SurchargeRule,
    billable_share_percent: Amount | None,
    billable_hours: Amount | None,
) -> HourlyRateResult:
    """:func:`hourly_rate` divided by billable hours: a share of the annual hours or an agreed number (A.2.2 Abs. 2)."""
    parameters: tuple[Parameter, ...] = ()
    hours: Decimal | None = None
    share: Decimal | None = None
    hours_steps: tuple[Step, ...] = ()
    if billable_hours is not None:
        for name, value in (
            ("billable_share_percent", billable_share_percent),
            ("annual_hours", annual_hours),
            ("weekly_hours", weekly_hours),
        ):
            if value is not None:
                raise InvalidInputError(
                    name, value, "pass billable_hours alone: it replaces the annual hours and their billable share"
                )
        billable = check_positive(billable_hours, "billable_hours")
        if on is not None:
            check_date(on, "on")
        with localcontext(CONTEXT):
            pct = sum(surcharges.values(), _ZERO)
            exact = hourly_exact(cost, pct, billable)
            annual_cost = cost * (100 + pct) / 100
    else:
        share = check_share(billable_share_percent, "billable_share_percent")
        with localcontext(CONTEXT):
            pct = sum(surcharges.values(), _ZERO)
            hours, numerator, denominator, hours_step, parameters = _annual_hours(
                annual_hours, weekly_hours, on, overrides
            )
            billable = hours * share / 100
            exact = hourly_exact(cost, pct, numerator, denominator, share)
            annual_cost = cost * (100 + pct) / 100
        hours_steps = (
            hours_step,
            Step(
                _A222,
                f"abrechenbarer Anteil der Jahresarbeitsstunden in % (vereinbart): {share}",
                f"billable share of the annual hours in % (agreed): {share}",
                billable,
            ),
        )
    amount = round_result(exact, "annual_personnel_cost × (1 + surcharges_percent) ÷ billable hours")
    steps = (
        *_cost_steps(cost, surcharges, surcharge_rule, annual_cost, with_total=True),
        *hours_steps,
        *(
            ()
            if hours_steps
            else (
                Step(
                    _A222,
                    "abrechenbare Stunden je Vollzeitstelle und Jahr (vereinbart)",
                    "billable hours per full-time post and year (agreed)",
                    billable,
                ),
            )
        ),
        Step(_A222, "Stundensatz = Kosten ÷ abrechenbare Stunden", "hourly rate = cost ÷ billable hours", exact),
        rounded_step(_A462, amount),
    )
    inputs = _inputs(
        cost, surcharges, surcharge_rule, on=on, annual_hours=annual_hours, hours=hours, weekly_hours=weekly_hours
    )
    if share is not None:
        inputs["billable_share_percent"] = share
    else:
        inputs["billable_hours"] = billable
    return HourlyRateResult.build(
        amount=amount,
        annual_hours=hours if hours is not None else billable,
        surcharge_percent=pct,
        annual_cost=annual_cost,
        billable_hours=billable,
        inputs=inputs,
        parameters=parameters,
        steps=steps,
    )


def kgst_hours(on: date, overrides: Mapping[str, Amount] | None) -> Parameter:
    """The KGSt Normalarbeitszeit on ``on`` (LRV A.4.6 Abs. 2), read once for every rule that needs it.

    Raises:
        InvalidInputError: an override of zero hours or less (only an override can be).
        ParameterNotFoundError: no value on ``on``.
    """
    kgst = parameter("kgst_normalarbeitszeit", on, overrides=overrides)
    if kgst.value <= 0:  # refused before it divides
        raise InvalidInputError("overrides['kgst_normalarbeitszeit']", kgst.value, "pass a number of hours above zero")
    return kgst


def _annual_hours(
    annual_hours: Amount | None, weekly_hours: Amount | None, on: date | None, overrides: Mapping[str, Amount] | None
) -> tuple[Decimal, Decimal, Decimal | int, Step, tuple[Parameter, ...]]:
    """Annual hours as (hours, numerator, denominator, step, parameters used); hours = numerator ÷ denominator."""
    if annual_hours is not None:
        if weekly_hours is not None:
            raise InvalidInputError("weekly_hours", weekly_hours, "pass either annual_hours or weekly_hours, not both")
        hours = check_positive(annual_hours, "annual_hours")
        if on is not None:
            check_date(on, "on")
        return (
            hours,
            hours,
            1,
            step_of((_A462, "Jahresarbeitsstunden (vereinbart)", "annual working hours (agreed)", hours)),
            (),
        )
    if on is None:
        raise InvalidInputError(
            "on", on, "pass on=date(...) to read the KGSt Normalarbeitszeit for that day, or annual_hours=..."
        )
    kgst = kgst_hours(on, overrides)
    if weekly_hours is None:
        return kgst.value, kgst.value, 1, _kgst_step(kgst.value), (kgst,)
    week = check_positive(weekly_hours, "weekly_hours")
    reference = parameter("kgst_wochenarbeitszeit", on, overrides=overrides)
    if reference.value <= 0:
        raise InvalidInputError(
            "overrides['kgst_wochenarbeitszeit']", reference.value, "pass a number of hours above zero"
        )
    hours = kgst.value * week / reference.value
    step = step_of(
        (
            _A462,
            f"Jahresarbeitsstunden: {kgst.value} × {week} ÷ {reference.value} Wochenstunden",
            f"annual working hours: {kgst.value} × {week} ÷ {reference.value} weekly hours",
            hours.quantize(Decimal("0.0001")),
        )
    )
    return hours, kgst.value * week, reference.value, step, (kgst, reference)


# --- caller-supplied rate tables ---------------------------------------------------------------


def _rate_field(value: object) -> Decimal:
    """A rate in a table: a positive amount in whole cents (an agreed, paid figure)."""
    rate = parse_amount(value, "rate")
    if rate <= 0 or rate != rate.quantize(CENT, context=CONTEXT):
        raise ValueError('a rate is an agreed amount above zero in whole cents, e.g. "54.30"')
    return rate


class HourlyRateEntry(StrictModel):
    """One landeseinheitlicher Stundensatz: Assistenz kind × Tarifwerk × validity period.

    ``tarifwerk`` is the caller's key for a Tarifwerk or kirchliche Arbeitsrechtsregelung
    (e.g. ``"TVöD-SuE"``, ``"AVR Caritas"``); eghnrw does not fix a list, as the sources name none.
    """

    kind: AssistenzKind
    tarifwerk: Annotated[str, Field(min_length=1)]
    valid_from: date
    valid_until: date | None = None
    rate: Annotated[Decimal, BeforeValidator(_rate_field)]
    source: Annotated[str, Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> HourlyRateEntry:
        check_period(self.valid_from, self.valid_until)
        return self

    def covers(self, day: date) -> bool:
        """Whether the entry is valid on ``day``."""
        return covers(self, day)


class HourlyRateTable(StrictModel):
    """A caller-supplied table of landeseinheitliche Stundensätze (LRV A.4.6 Abs. 5, B.4.2 Abs. 2).

    Strict: kinds are :class:`~eghnrw.core.enums.AssistenzKind` members (or their values in
    JSON via ``model_validate_json``), dates are ``datetime.date``, rates are amounts in whole
    cents (floats refused). Two entries for the same kind and Tarifwerk must not overlap in time.
    """

    entries: Annotated[tuple[HourlyRateEntry, ...], Strict(strict=False)]

    @model_validator(mode="after")
    def _no_overlap(self) -> HourlyRateTable:
        by_key: dict[tuple[AssistenzKind, str], list[HourlyRateEntry]] = {}
        for entry in self.entries:
            by_key.setdefault((entry.kind, entry.tarifwerk), []).append(entry)
        for (kind, tarifwerk), entries in by_key.items():
            clash = first_clash(entries)
            if clash:
                raise ValueError(
                    f"{kind.value} / {tarifwerk}: entries from {clash[0].valid_from} and {clash[1].valid_from} overlap"
                )
        return self

    def find(self, *, kind: AssistenzKind | str, tarifwerk: str, on: date) -> HourlyRateEntry:
        """The entry for ``kind`` and ``tarifwerk`` valid on ``on``.

        Raises:
            InvalidInputError: unknown ``kind``; a ``tarifwerk`` the table has no rates for.
            ParameterNotFoundError: no entry valid on ``on``.
        """
        kind_e = _check_kind(kind)
        day = check_date(on, "on")
        if not isinstance(tarifwerk, str):
            raise InvalidInputError("tarifwerk", tarifwerk, "pass the Tarifwerk key as a string")
        for_kind = [e for e in self.entries if e.kind is kind_e]
        candidates = [e for e in for_kind if e.tarifwerk == tarifwerk]
        if not candidates:
            known = sorted({e.tarifwerk for e in for_kind})
            raise InvalidInputError(
                "tarifwerk",
                tarifwerk,
                f"the table has no {kind_e.value} rates for this Tarifwerk; known: {', '.join(known) or '(none)'}",
            )
        for entry in candidates:
            if entry.covers(day):
                return entry
        periods = ", ".join(f"{e.valid_from}–{e.valid_until or 'open'}" for e in candidates)
        raise ParameterNotFoundError(
            f"on: no {kind_e.value} rate for {tarifwerk} on {day.isoformat()}; the table covers {periods}"
        )


def _check_kind(kind: object) -> AssistenzKind:
    if isinstance(kind, AssistenzKind):
        return kind
    return enum_value(AssistenzKind, kind, "kind")


_KIND_CLAUSE = {
    AssistenzKind.QUALIFIZIERTE_ASSISTENZ: "LRV B.4.2 Abs. 2",
    AssistenzKind.QUALIFIZIERTE_ELTERNASSISTENZ: "LRV B.4.3 Abs. 2",
    AssistenzKind.UNTERSTUETZENDE_ASSISTENZ: "LRV B.4.4 Abs. 2",
    AssistenzKind.EINFACHE_ASSISTENZ: "LRV B.4.5 Abs. 2",
}


class AssistenzRateResult(Result):
    """The hourly rate that applies to one Assistenz kind and Tarifwerk on a day."""

    title = ("Stundensatz Assistenz", "Assistenz hourly rate")

    amount: Annotated[Decimal, Label("Stundensatz", "Hourly rate")]
    kind: Annotated[AssistenzKind, Label("Assistenzart", "Kind of Assistenz")]
    tarifwerk: Annotated[str, Label("Tarifwerk", "Collective agreement")]
    negotiated: Annotated[bool, Label("individuell vereinbart", "individually negotiated")]
    source: str


@rule(
    ids=("M2",),
    clauses=("LRV B.4.2 Abs. 2", "LRV B.4.4 Abs. 2", "LRV B.4.5 Abs. 2", "LRV A.4.6 Abs. 2"),
    rounding="amount: as agreed in the rate table (to the cent)",
)
def assistenz_hourly_rate(
    *,
    kind: AssistenzKind | str,
    tarifwerk: str,
    on: date,
    table: HourlyRateTable | None = None,
    negotiated_rate: Amount | None = None,
) -> AssistenzRateResult:
    """The Stundensatz for ``kind`` × ``tarifwerk`` on ``on``: negotiated if given, else from ``table``.

    LRV B.4.2 Abs. 2, B.4.4 Abs. 2, B.4.5 Abs. 2: landeseinheitlich agreed hourly rates,
    differentiated by Tarifwerk / kirchliche Arbeitsrechtsregelung; "das Recht auf
    Einzelverhandlungen ... bleibt unberührt" — a ``negotiated_rate`` always wins (A.4.6 Abs. 5).

    >>> t = HourlyRateTable(entries=[HourlyRateEntry(kind=AssistenzKind.EINFACHE_ASSISTENZ,
    ...     tarifwerk="Haustarif A", valid_from=date(2024, 1, 1), rate=Decimal("41.10"),
    ...     source="example table of the caller")])
    >>> assistenz_hourly_rate(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2024, 6, 1), table=t).amount
    Decimal('41.10')
    >>> assistenz_hourly_rate(kind="einfache_assistenz", tarifwerk="Haustarif A", on=date(2024, 6, 1),
    ...                       table=t, negotiated_rate="43.00").amount
    Decimal('43.00')

    Raises:
        InvalidInputError: unknown ``kind`` or ``tarifwerk``; no ``table`` and no ``negotiated_rate``;
            a negotiated rate that is not a positive amount in whole cents.
        ParameterNotFoundError: the table has no rate valid on ``on``.
    """
    kind_e = _check_kind(kind)
    day = check_date(on, "on")
    key: object = tarifwerk
    if not isinstance(key, str) or not key:
        raise InvalidInputError("tarifwerk", tarifwerk, "pass the Tarifwerk key as a non-empty string")
    clause = _KIND_CLAUSE[kind_e]
    if table is not None and not isinstance(table, HourlyRateTable):
        raise InvalidInputError(
            "table", table, "pass an HourlyRateTable (no Euro rates are published), or None with negotiated_rate=..."
        )
    if negotiated_rate is not None:
        try:
            rate = _rate_field(negotiated_rate)
        except ValueError as exc:
            raise InvalidInputError("negotiated_rate", negotiated_rate, str(exc)) from None
        return AssistenzRateResult.build(
            amount=rate,
            kind=kind_e,
            tarifwerk=tarifwerk,
            negotiated=True,
            source="individually negotiated rate passed by the caller",
            inputs={"kind": kind_e, "tarifwerk": tarifwerk, "on": day, "negotiated_rate": rate},
            steps=(
                Step(
                    clause,
                    "individuell vereinbarter Stundensatz (Recht auf Einzelverhandlungen)",
                    "individually negotiated hourly rate (right to individual negotiation)",
                    rate,
                ),
            ),
        )
    if table is None:
        raise InvalidInputError(
            "table", table, "pass an HourlyRateTable (no Euro rates are published) or negotiated_rate=..."
        )
    entry = table.find(kind=kind_e, tarifwerk=tarifwerk, on=day)
    return AssistenzRateResult.build(
        amount=entry.rate,
        kind=kind_e,
        tarifwerk=tarifwerk,
        negotiated=False,
        source=entry.source,
        inputs={"kind": kind_e, "tarifwerk": tarifwerk, "on": day},
        steps=(
            Step(
                clause,
                f"landeseinheitlicher Stundensatz {kind_e.value}, {tarifwerk}, gültig ab {entry.valid_from:%d.%m.%Y}",
                f"state-wide hourly rate {kind_e.value}, {tarifwerk}, valid from {entry.valid_from.isoformat()}",
                entry.rate,
            ),
        ),
    )
