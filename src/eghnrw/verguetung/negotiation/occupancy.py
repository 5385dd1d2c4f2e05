"""Capacity and occupancy: what a rate earns, the occupancy it needs, the cost it covers (RULES M14).

LRV A.4.5 Abs. 2: a Vergütung rests on an agreed capacity (Kapazität) and an agreed occupancy
(Auslastung). Three questions follow, each answered on plain figures (a daily rate: annual cost,
places, Berechnungstage) or on a :class:`~eghnrw.kommission.models.service_costs.Kalkulation` (any unit):

- :func:`occupancy_analysis` — the rate at the agreed occupancy, the revenue at the occupancy
  reached, and the Mehr- or Mindererlös against the annual cost;
- :func:`break_even_occupancy` — the lowest occupancy, in hundredths of a percent, at which a rate
  earns the annual cost (the rate may come from elsewhere, e.g. a landeseinheitliche rate);
- :func:`max_annual_cost` — the highest annual cost, to the cent, whose rate does not exceed a
  given rate: the exact inverse of :func:`~eghnrw.verguetung.rates.daily_rate` under its rounding.

Revenue is rate × billable units at an occupancy (capacity × occupancy ÷ 100), rounded to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from typing import Annotated, Any, NamedTuple

from eghnrw.core._check import check_cents, check_count, check_date, check_non_negative
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, Amount, round_result
from eghnrw.core.params import Parameter, check_overrides
from eghnrw.core.trace import Label, Result, Step
from eghnrw.kommission.models.service_costs import Kalkulation
from eghnrw.verguetung.negotiation.costing import KalkulationResult, as_kalkulation, cents, compute, resolve
from eghnrw.verguetung.rates.daily import berechnungstage, check_occupancy, daily_rate

__all__ = [
    "BreakEvenResult",
    "MaxAnnualCostResult",
    "OccupancyAnalysisResult",
    "break_even_occupancy",
    "max_annual_cost",
    "occupancy_analysis",
]

_CLAUSE = "LRV A.4.5 Abs. 2"
_HUNDRED = Decimal(100)
_HALF_CENT = Decimal("0.005")
_HUNDREDTH = Decimal("0.01")
_BEYOND = 20  # an occupancy of 10^21 % or more is refused, not searched


class _Basis(NamedTuple):
    """What the occupancy questions need of a Kalkulation or of plain figures."""

    annual: Decimal | None
    capacity: Decimal  # billable units at 100 % occupancy
    occupancy: Decimal | None  # the agreed occupancy
    fixed: Decimal  # cost spread over full capacity (investment_occupancy="full"), else 0
    unit: str
    rate: Decimal | None  # the Kalkulation's own rate
    parameters: tuple[Parameter, ...]
    inputs: dict[str, Any]
    steps: tuple[Step, ...]


def _given(figure: Decimal | None) -> Decimal:
    """A figure of the basis that this path always has: a Kalkulation's occupancy, the cost asked for."""
    assert figure is not None  # noqa: S101 - _from_kalkulation sets both, _plain(need_cost=True) the cost
    return figure


def _refuse_with_kalkulation(given: Mapping[str, object]) -> None:
    for name, value in given.items():
        if value is not None:
            raise InvalidInputError(name, value, "the Kalkulation gives this: leave it out, or pass no kalkulation")


def _from_kalkulation(value: object, on: date | None, overrides: Mapping[str, Decimal]) -> _Basis:
    k: Kalkulation = as_kalkulation(value, "kalkulation")
    if isinstance(value, KalkulationResult):
        days, hours, parameters = value.days, value.hours_per_fte, value.parameters
    else:
        days, hours, parameters = resolve(k, on, overrides)
    f = compute(k, days, hours)
    annual = cents(f.annual)  # as the Kalkulation shows it: what the revenue is compared with
    with localcontext(CONTEXT):
        fixed = f.net_investment + k.operating_costs if k.investment_occupancy == "full" else Decimal(0)
    steps = (
        Step(_CLAUSE, "Jahreskosten der Kalkulation", "annual cost of the Kalkulation", annual),
        Step(
            _CLAUSE,
            "Berechnungseinheiten bei voller Auslastung (Kapazität)",
            "billable units at full occupancy (capacity)",
            f.capacity,
        ),
    )
    return _Basis(
        annual,
        f.capacity,
        k.occupancy_percent,
        fixed,
        k.unit,
        f.amount,
        parameters,
        {"kalkulation": k.model_dump(mode="json"), "on": on},
        steps,
    )


def _plain(
    annual_cost: Amount | None,
    places: int | None,
    days: Amount | None,
    on: date | None,
    overrides: Mapping[str, Decimal],
    *,
    need_cost: bool,
) -> _Basis:
    annual: Decimal | None = None
    if need_cost:
        if annual_cost is None:
            raise InvalidInputError("annual_cost", None, "pass the annual cost (or kalkulation=...)")
        annual = check_non_negative(annual_cost, "annual_cost")
    if places is None:
        raise InvalidInputError("places", None, "pass the agreed capacity (places), or kalkulation=...")
    seats = check_count(places, "places", minimum=1)
    day_count, parameters = berechnungstage(days, on, overrides)
    with localcontext(CONTEXT):
        capacity = seats * day_count
    steps = [
        Step(_CLAUSE, "vereinbarte Kapazität (Plätze)", "agreed capacity (places)", seats),
        Step(_CLAUSE, "Berechnungstage je Platz und Jahr", "calculation days per place and year", day_count),
        Step(_CLAUSE, "Plätze × Tage", "places × days", capacity),
    ]
    if annual is not None:
        steps.insert(0, Step(_CLAUSE, "Jahreskosten", "annual cost", annual))
    inputs: dict[str, Any] = {"annual_cost": annual, "places": seats, "days": day_count, "on": on}
    return _Basis(annual, capacity, None, Decimal(0), "day", None, parameters, inputs, tuple(steps))


# --- break-even occupancy --------------------------------------------------------------------------


class BreakEvenResult(Result):
    """The lowest occupancy (hundredths of a percent) at which a rate earns the annual cost.

    ``percent`` is ``None`` and ``covered`` is ``False`` when no occupancy up to 100 % does;
    ``required_percent`` then says what would be needed and ``shortfall`` what is missing at 100 %.
    """

    title = ("Auslastung für Kostendeckung", "Break-even occupancy")

    percent: Annotated[Decimal | None, Label("Auslastung in %", "Occupancy in %")]
    covered: Annotated[bool, Label("bis 100 % Auslastung gedeckt", "covered up to 100 % occupancy")]
    required_percent: Annotated[Decimal, Label("nötige Auslastung in %", "required occupancy in %")]
    rate: Decimal
    annual_cost: Decimal
    capacity: Decimal
    revenue: Decimal
    shortfall: Annotated[Decimal, Label("Fehlbetrag bei 100 % Auslastung", "shortfall at 100 % occupancy")]
    unit: str


def _covers(rate: Decimal, capacity: Decimal, percent: Decimal, annual: Decimal) -> bool:
    with localcontext(CONTEXT):
        return rate * capacity * percent >= annual * _HUNDRED


@rule(ids=("M14",), clauses=("LRV A.4.5 Abs. 2",), rounding="percent: up to the hundredth")
def break_even_occupancy(
    *,
    rate: Amount | None = None,
    annual_cost: Amount | None = None,
    places: int | None = None,
    days: Amount | None = None,
    kalkulation: Kalkulation | KalkulationResult | Mapping[str, Any] | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BreakEvenResult:
    """The lowest occupancy in hundredths of a percent at which ``rate`` earns the annual cost (LRV A.4.5 Abs. 2).

    Occupancy = annual cost ÷ (rate × capacity) × 100, rounded up to 0.01 %: at that occupancy
    rate × capacity × occupancy ÷ 100 ≥ annual cost, one hundredth less falls short. Capacity is
    places × Berechnungstage (plain figures) or the Kalkulation's billable units at 100 %.
    With ``kalkulation`` the ``rate`` defaults to the Kalkulation's own rate; an agreed rate from
    elsewhere (a landeseinheitliche rate) may be passed instead. When even 100 % falls short,
    ``percent`` is ``None``, ``covered`` is ``False`` and ``shortfall`` says by how much.

    >>> r = break_even_occupancy(annual_cost="1000000", places=20, rate="150.00", days=365)
    >>> r.percent, r.covered          # 1,000,000 ÷ (150 × 20 × 365) = 91.3242…%, rounded up
    (Decimal('91.33'), True)

    Raises:
        InvalidInputError: ``rate`` not above zero or not in whole cents; ``annual_cost`` negative;
            ``places`` below 1; days outside (0, 366]; a plain figure missing, or given beside a
            ``kalkulation``; the Kalkulation invalid.
        ParameterNotFoundError: no Berechnungstage (or KGSt hours) on ``on``.
    """
    checked = check_overrides(overrides)
    if on is not None:
        check_date(on, "on")
    if kalkulation is not None:
        basis = _from_kalkulation(kalkulation, on, checked)
        _refuse_with_kalkulation({"annual_cost": annual_cost, "places": places, "days": days})
    else:
        basis = _plain(annual_cost, places, days, on, checked, need_cost=True)
    if rate is not None:
        agreed = check_cents(rate, "rate")
    elif basis.rate is not None:
        agreed = basis.rate
    else:
        raise InvalidInputError("rate", None, "pass the agreed rate (e.g. rate='150.00')")
    if agreed <= 0:
        raise InvalidInputError("rate", rate, "pass a rate above zero: a rate of zero earns nothing")
    annual = _given(basis.annual)
    with localcontext(CONTEXT):
        exact = annual * _HUNDRED / (agreed * basis.capacity)
        if not exact.is_finite() or exact.adjusted() > _BEYOND:  # a capacity near zero: nothing to find
            raise InvalidInputError(
                "annual_cost ÷ (rate × places × days)",
                exact,
                "the occupancy needed lies beyond any meaning: check the rate, places and days",
            )
        required = max(exact.quantize(_HUNDREDTH, rounding=ROUND_CEILING), _HUNDREDTH)
        # The quotient is rounded to the nearest of 60 digits, so its ceiling is never a hundredth
        # too high (a hundredth between the true and the rounded quotient would be nearer); a
        # quotient rounded down past a hundredth is caught by the exact products.
        while not _covers(agreed, basis.capacity, required, annual):
            required += _HUNDREDTH
        covered = required <= _HUNDRED
        shown = required if covered else _HUNDRED
        revenue = round_result(agreed * basis.capacity * shown / _HUNDRED, "rate × capacity × occupancy")
        shortfall = Decimal("0.00") if covered else round_result(annual - revenue, "annual_cost − revenue")
    steps = [
        *basis.steps,
        Step(_CLAUSE, "Satz (vereinbart)", "rate (agreed)", agreed),
        Step(
            _CLAUSE,
            "Auslastung = Jahreskosten ÷ (Satz × Kapazität) × 100",
            "occupancy = annual cost ÷ (rate × capacity) × 100",
            exact,
        ),
        Step(_CLAUSE, "aufgerundet auf 0,01 %", "rounded up to 0.01 %", required),
    ]
    if covered:
        steps.append(Step(_CLAUSE, "Erlös bei dieser Auslastung", "revenue at this occupancy", revenue))
    else:
        steps += [
            Step(
                _CLAUSE,
                "keine Auslastung bis 100 % deckt die Jahreskosten",
                "no occupancy up to 100 % covers the annual cost",
                value=False,
            ),
            Step(_CLAUSE, "Erlös bei 100 % Auslastung", "revenue at 100 % occupancy", revenue),
            Step(_CLAUSE, "Fehlbetrag bei 100 % Auslastung", "shortfall at 100 % occupancy", shortfall),
        ]
    return BreakEvenResult.build(
        percent=required if covered else None,
        covered=covered,
        required_percent=required,
        rate=agreed,
        annual_cost=annual,
        capacity=basis.capacity,
        revenue=revenue,
        shortfall=shortfall,
        unit=basis.unit,
        inputs={**basis.inputs, "rate": agreed},
        parameters=basis.parameters,
        steps=tuple(steps),
    )


# --- the highest cost a rate covers ----------------------------------------------------------------


class MaxAnnualCostResult(Result):
    """The highest annual cost, to the cent, whose rate does not exceed a given rate."""

    title = ("Höchste gedeckte Jahreskosten", "Highest annual cost a rate covers")

    amount: Annotated[Decimal, Label("höchste Jahreskosten", "highest annual cost")]
    rate: Annotated[Decimal, Label("Satz", "rate")]
    billable_units: Decimal
    headroom: Annotated[
        Decimal | None, Label("Spielraum gegenüber der Kalkulation", "headroom against the Kalkulation")
    ] = None
    unit: str


@rule(ids=("M14",), clauses=("LRV A.4.5 Abs. 2",), rounding="amount: down to the cent")
def max_annual_cost(
    *,
    rate: Amount,
    places: int | None = None,
    occupancy_percent: Amount | None = None,
    days: Amount | None = None,
    kalkulation: Kalkulation | KalkulationResult | Mapping[str, Any] | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> MaxAnnualCostResult:
    """The highest annual cost, to the cent, whose rate is still at most ``rate`` (LRV A.4.5 Abs. 2).

    The exact inverse of :func:`~eghnrw.verguetung.rates.daily_rate` under its rounding (half up): a cost C
    gives a rate of at most ``rate`` exactly when C ÷ billable units < rate + 0.005, so the answer is
    the largest whole-cent C below (rate + 0.005) × billable units; one cent more raises the rate.
    With ``kalkulation`` the billable units are the Kalkulation's, and ``headroom`` says how far its
    annual cost lies below (positive) or above (negative) that highest cost; with
    ``investment_occupancy="full"`` its Investitionsbetrag and Betriebskosten are held as they are.

    >>> max_annual_cost(rate="150.00", places=20, occupancy_percent="95", days=365).amount
    Decimal('1040284.67')

    Raises:
        InvalidInputError: ``rate`` negative or not in whole cents; ``places`` below 1; occupancy
            outside (0, 100]; days outside (0, 366]; a plain figure missing or given beside a
            ``kalkulation``.
        ParameterNotFoundError: no Berechnungstage (or KGSt hours) on ``on``.
    """
    checked = check_overrides(overrides)
    if on is not None:
        check_date(on, "on")
    agreed = check_cents(rate, "rate")
    if kalkulation is not None:
        basis = _from_kalkulation(kalkulation, on, checked)
        _refuse_with_kalkulation({"places": places, "occupancy_percent": occupancy_percent, "days": days})
        occupancy = _given(basis.occupancy)
    else:
        if occupancy_percent is None:
            raise InvalidInputError("occupancy_percent", None, "pass the agreed occupancy in percent")
        occupancy = check_occupancy(occupancy_percent)
        basis = _plain(None, places, days, on, checked, need_cost=False)
    with localcontext(CONTEXT):
        billable = basis.capacity * occupancy / _HUNDRED
        limit = (agreed + _HALF_CENT) * billable + basis.fixed * (_HUNDRED - occupancy) / _HUNDRED
        highest = limit.quantize(CENT, rounding=ROUND_FLOOR)
        if highest == limit:  # exactly on the boundary: that cost would round up
            highest -= CENT
        headroom = None if basis.annual is None else highest - basis.annual
    steps = [
        *basis.steps,
        Step(_CLAUSE, "vereinbarte Auslastung in %", "agreed occupancy in %", occupancy),
        Step(_CLAUSE, "Berechnungseinheiten", "billable units", billable),
        Step(_CLAUSE, "Satz", "rate", agreed),
        Step(
            _CLAUSE,
            "Grenze: (Satz + 0,005) × Berechnungseinheiten (kaufmännische Rundung)",
            "limit: (rate + 0.005) × billable units (rounding half up)",
            limit,
        ),
        Step(
            _CLAUSE,
            "höchste Jahreskosten in ganzen Cent unter der Grenze",
            "highest annual cost in whole cents below the limit",
            highest,
        ),
    ]
    if basis.fixed:
        steps.insert(
            -2,
            Step(
                _CLAUSE,
                "Investitionsbetrag und Betriebskosten auf volle Kapazität verteilt (bleiben gleich)",
                "investment and operating costs spread over full capacity (held as they are)",
                basis.fixed,
            ),
        )
    if headroom is not None:
        steps.append(
            Step(_CLAUSE, "Spielraum: höchste Jahreskosten − Jahreskosten", "headroom: highest − annual cost", headroom)
        )
    return MaxAnnualCostResult.build(
        amount=highest,
        rate=agreed,
        billable_units=billable,
        headroom=headroom,
        unit=basis.unit,
        inputs={**basis.inputs, "rate": agreed, "occupancy_percent": occupancy},
        parameters=basis.parameters,
        steps=tuple(steps),
    )


# --- revenue at the occupancy reached -------------------------------------------------------------


class OccupancyAnalysisResult(Result):
    """The rate, the revenue at the occupancy reached, and the Mehr- or Mindererlös."""

    title = ("Auslastung: Erlös und Mehr-/Mindererlös", "Occupancy: revenue and difference")

    rate: Annotated[Decimal, Label("Satz", "Rate")]
    revenue: Annotated[Decimal, Label("Erlös bei erreichter Auslastung", "Revenue at the occupancy reached")]
    revenue_difference: Annotated[
        Decimal, Label("Mehr-/Mindererlös gegenüber den Jahreskosten", "Surplus/shortfall against annual cost")
    ]
    agreed_revenue: Annotated[Decimal, Label("Erlös bei vereinbarter Auslastung", "Revenue at the agreed occupancy")]
    cost_covering_rate: Annotated[
        Decimal, Label("kostendeckender Satz bei erreichter Auslastung", "Cost-covering rate at that occupancy")
    ]
    annual_cost: Decimal
    agreed_occupancy_percent: Decimal
    actual_occupancy_percent: Decimal
    unit: str

    def to_pandas(self, *, arrow: bool = False) -> Any:
        """Two rows, the agreed and the reached occupancy, with the rate, the revenue and the annual cost.

        Columns: ``occupancy`` (``"agreed"``, ``"reached"``), ``occupancy_percent``, ``rate``,
        ``revenue``, ``annual_cost``.

        Raises:
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame  # noqa: PLC0415 - pandas only for who asks

        rows = (
            {"occupancy": "agreed", "occupancy_percent": self.agreed_occupancy_percent, "revenue": self.agreed_revenue},
            {"occupancy": "reached", "occupancy_percent": self.actual_occupancy_percent, "revenue": self.revenue},
        )
        columns = ("occupancy", "occupancy_percent", "rate", "revenue", "annual_cost")
        return frame(({"rate": self.rate, "annual_cost": self.annual_cost} | row for row in rows), columns, arrow=arrow)

    def plot(self, *, ax: Any = None, lang: str = "de") -> Any:
        """The revenue at the agreed and the reached occupancy against the annual cost.

        Returns the matplotlib Axes (``ax``: draw into it); titles and labels in German or English.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
            OptionalDependencyError: matplotlib is not installed (``pip install 'eghnrw[plot]'``).
        """
        from eghnrw.doors.plots import occupancy_chart  # noqa: PLC0415 - matplotlib only for who asks

        return occupancy_chart(self, ax=ax, lang=lang)


@rule(ids=("M14",), clauses=("LRV A.4.5 Abs. 2",), rounding="amount: once, to the cent (ROUND_HALF_UP)")
def occupancy_analysis(
    *,
    actual_occupancy_percent: Amount,
    annual_cost: Amount | None = None,
    places: int | None = None,
    agreed_occupancy_percent: Amount | None = None,
    days: Amount | None = None,
    rate: Amount | None = None,
    kalkulation: Kalkulation | KalkulationResult | Mapping[str, Any] | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> OccupancyAnalysisResult:
    """Revenue at the occupancy reached against the annual cost (LRV A.4.5 Abs. 2).

    The rate is the one calculated at the agreed occupancy (:func:`~eghnrw.verguetung.rates.daily_rate`, or
    the Kalkulation's), unless an agreed ``rate`` from elsewhere is passed. Revenue = rate ×
    capacity × occupancy reached ÷ 100, rounded to the cent; ``revenue_difference`` = revenue −
    annual cost (a Mehrerlös above zero, a Mindererlös below), rounded to the cent.

    >>> o = occupancy_analysis(annual_cost="1000000", places=20, agreed_occupancy_percent="95",
    ...                        actual_occupancy_percent="90", days=365)
    >>> o.rate, o.revenue, o.revenue_difference     # 144.20 × 6,570 = 947,394.00
    (Decimal('144.20'), Decimal('947394.00'), Decimal('-52606.00'))

    Raises:
        InvalidInputError: an occupancy outside (0, 100]; ``annual_cost`` negative; ``places``
            below 1; ``rate`` negative or not in whole cents; a plain figure missing or given beside
            a ``kalkulation``.
        ParameterNotFoundError: no Berechnungstage (or KGSt hours) on ``on``.
    """
    checked = check_overrides(overrides)
    if on is not None:
        check_date(on, "on")
    actual = check_occupancy(actual_occupancy_percent, "actual_occupancy_percent")
    if kalkulation is not None:
        basis = _from_kalkulation(kalkulation, on, checked)
        _refuse_with_kalkulation(
            {
                "annual_cost": annual_cost,
                "places": places,
                "agreed_occupancy_percent": agreed_occupancy_percent,
                "days": days,
            }
        )
        agreed_occupancy = _given(basis.occupancy)
        computed = basis.rate
    else:
        if agreed_occupancy_percent is None:
            raise InvalidInputError("agreed_occupancy_percent", None, "pass the agreed occupancy in percent")
        agreed_occupancy = check_occupancy(agreed_occupancy_percent, "agreed_occupancy_percent")
        basis = _plain(annual_cost, places, days, on, checked, need_cost=True)
        computed = None
    annual = _given(basis.annual)
    steps = list(basis.steps)
    if rate is not None:
        the_rate = check_cents(rate, "rate")
        steps.append(Step("LRV A.4.2 Abs. 2", "vereinbarter Satz", "agreed rate", the_rate))
    elif computed is not None:
        the_rate = computed
        steps.append(Step(_CLAUSE, "Satz der Kalkulation", "rate of the Kalkulation", the_rate))
    else:
        seats = basis.inputs["places"]
        the_rate = daily_rate(
            annual_cost=annual, places=seats, occupancy_percent=agreed_occupancy, days=basis.inputs["days"]
        ).amount
        steps.append(
            Step(_CLAUSE, "Tagessatz bei vereinbarter Auslastung", "daily rate at the agreed occupancy", the_rate)
        )
    with localcontext(CONTEXT):
        actual_units = basis.capacity * actual / _HUNDRED
        agreed_units = basis.capacity * agreed_occupancy / _HUNDRED
        revenue = round_result(the_rate * actual_units, "rate × capacity × actual_occupancy_percent")
        agreed_revenue = round_result(the_rate * agreed_units, "rate × capacity × agreed_occupancy_percent")
        difference = round_result(revenue - annual, "revenue − annual_cost")
        covering = round_result(annual / actual_units, "annual_cost ÷ (capacity × actual_occupancy_percent)")
    steps += [
        Step(_CLAUSE, "vereinbarte Auslastung in %", "agreed occupancy in %", agreed_occupancy),
        Step(_CLAUSE, "Erlös bei vereinbarter Auslastung", "revenue at the agreed occupancy", agreed_revenue),
        Step(_CLAUSE, "erreichte Auslastung in %", "occupancy reached in %", actual),
        Step(_CLAUSE, "Berechnungseinheiten bei erreichter Auslastung", "billable units reached", actual_units),
        Step(_CLAUSE, "Erlös = Satz × Berechnungseinheiten", "revenue = rate × billable units", revenue),
        Step(
            _CLAUSE,
            "Mehr-/Mindererlös = Erlös − Jahreskosten",
            "surplus/shortfall = revenue − annual cost",
            difference,
        ),
        Step(
            _CLAUSE,
            "kostendeckender Satz bei erreichter Auslastung",
            "cost-covering rate at the occupancy reached",
            covering,
        ),
    ]
    return OccupancyAnalysisResult.build(
        rate=the_rate,
        revenue=revenue,
        revenue_difference=difference,
        agreed_revenue=agreed_revenue,
        cost_covering_rate=covering,
        annual_cost=annual,
        agreed_occupancy_percent=agreed_occupancy,
        actual_occupancy_percent=actual,
        unit=basis.unit,
        inputs={
            **basis.inputs,
            "agreed_occupancy_percent": agreed_occupancy,
            "actual_occupancy_percent": actual,
            "rate": None if rate is None else the_rate,
        },
        parameters=basis.parameters,
        steps=tuple(steps),
    )
