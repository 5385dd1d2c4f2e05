"""The Kalkulation: a service's Leistungspauschale from its annual costs, component by component (RULES M12).

LRV A.4.3 Abs. 2, A.4.5 Abs. 1–2, A.4.6, A.4.6.1, A.4.6.2 Abs. 1, A.2.2 Abs. 1 a–d. The annual cost is

    Σ posts (FTE × annual gross cost per full-time post)          A.4.6.1 Abs. 1, A.2.2 Abs. 1 a–c
    + surcharges on that personnel cost                          A.2.2 Abs. 1 d, A.4.6.1 (Sachaufwand:
                                                                 A.4.6.2 Abs. 1; B.1.5.3, B.1.6.2)
    + Leitung/Verwaltung (an agreed amount)                      A.4.6.1 Abs. 3
    + Sachaufwand                                                A.4.6.2 Abs. 1
    + Investitionsbetrag (less public subsidies) + Betriebskosten A.4.5 Abs. 2 (B.4.7 Abs. 8)
    + costs under § 42a Abs. 6 SGB XII                            A.4.5 Abs. 2

and the Leistungspauschale is that divided by the billable units at the agreed occupancy (places ×
Berechnungstage, places × 12 months, or billable hours), rounded once to the cent. Readings the
sources leave open — how surcharges combine, what counts as billable hours, how occupancy below
100 % treats the Investitionsbetrag — are options of :class:`~eghnrw.kommission.models.service_costs.Kalkulation`
(docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Annotated, Any, NamedTuple

from eghnrw.core._check import check_date, validated
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CENT, CONTEXT, Amount, allocate, round_result
from eghnrw.core.params import Parameter, check_overrides
from eghnrw.core.trace import Label, Result, Step, format_value, rounded_step
from eghnrw.kommission.models.service_costs import Kalkulation, Post
from eghnrw.verguetung.rates._arithmetic import billable_units, unit_rate
from eghnrw.verguetung.rates.daily import berechnungstage
from eghnrw.verguetung.rates.hourly import kgst_hours
from eghnrw.verguetung.rates.surcharges import (
    SurchargeRule,
    management_surcharges,
    material_surcharges,
    surcharges_clause,
)

__all__ = ["KalkulationResult", "kalkulation"]

_PERSONNEL = "LRV A.4.6.1 Abs. 1"
_MANAGEMENT = "LRV A.4.6.1 Abs. 3"
_SURCHARGE = "LRV A.2.2 Abs. 1 d, A.4.6.1"
_MATERIAL = "LRV A.4.6.2 Abs. 1"
_COMPONENTS = "LRV A.4.5 Abs. 2"
_SUBSIDIES = "LRV B.4.7 Abs. 8"
_HOUSING = "LRV A.4.5 Abs. 2 (§ 42a Abs. 6 SGB XII)"
_HOUSING_TEXT = (
    "Kosten nach § 42a Abs. 6 SGB XII (Unterkunft über 125 % der Angemessenheitsgrenze)",
    "costs under § 42a Abs. 6 SGB XII (housing above 125 % of the limit)",
)
_QUOTA = "LRV A.2.2 Abs. 2"
_RATE = "LRV A.4.5 Abs. 1"
_KGST = "LRV A.4.6 Abs. 2"
_REFINANCED = "LRV A.4.6 Abs. 4"
_WAY_CLAUSE = {"hours": "LRV A.2.2 Abs. 1 a", "staff_key": "LRV A.2.2 Abs. 1 b", "fte": "LRV A.2.2 Abs. 1 c"}
_UNIT_TEXT = {"hour": ("Stunde", "hour"), "day": ("Tag", "day"), "month": ("Monat", "month")}
#: The inputs the billable units of each unit come from, named in a refusal of a rate beyond 10^15.
_UNIT_INPUTS = {
    "day": "places, days, occupancy_percent",
    "month": "places, occupancy_percent",
    "hour": "billable_hours or care FTE × hours_per_fte × billable_share_percent, occupancy_percent",
}
_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_SHARE_TOTAL = Decimal("100.00")
_ZERO_CENTS = Decimal("0.00")
#: Share weights are the component amounts to 10^-10 € (a pathological 10^-999999 would cost seconds).
_WEIGHT = Decimal("1E-10")
_QUOTA_PLACES = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class CostComponent:
    """One component of a Kalkulation's annual cost, with its share of the whole.

    ``key`` names it for :func:`~eghnrw.verguetung.negotiation.compare` and the what-if (``personnel[Fachkraft]``,
    ``surcharges[leitung_verwaltung]``, ``management_costs``, ``material_costs``, ``investment``,
    ``operating_costs``, ``housing_costs_above_threshold``); ``share_percent`` is its share of the
    annual cost, allocated so the shares add up to exactly 100.00. (A frozen dataclass: a result
    builds several on every call.)
    """

    key: str
    de: str
    en: str
    clause: str
    amount: Decimal
    share_percent: Decimal


class Resolved(NamedTuple):
    """The dated figures a Kalkulation needs, resolved once: Berechnungstage and KGSt hours per FTE."""

    days: Decimal | None
    hours_per_fte: Decimal | None
    parameters: tuple[Parameter, ...]


class Figures(NamedTuple):
    """The figures of a Kalkulation: its lines in cents, the units and the exact rate, and ``amount`` rounded once."""

    post_fte: tuple[Decimal, ...]
    post_cost: tuple[Decimal, ...]
    roles: dict[str, Decimal]
    personnel: Decimal
    surcharges: dict[str, Decimal]
    net_investment: Decimal
    annual: Decimal
    capacity: Decimal
    billable: Decimal
    exact: Decimal
    amount: Decimal
    fte: Decimal
    care_fte: Decimal
    skilled_fte: Decimal


class KalkulationResult(Result):
    """A Kalkulation's Leistungspauschale, its annual cost by component and its Fachkraftquote."""

    title = ("Kalkulation der Leistungspauschale", "Kalkulation (cost-based rate)")

    amount: Annotated[Decimal, Label("Leistungspauschale", "Rate (Leistungspauschale)")]
    unit: Annotated[str, Label("je", "per")]
    annual_cost: Annotated[Decimal, Label("Jahreskosten", "Annual cost")]
    personnel_cost: Annotated[Decimal, Label("Personalaufwand", "Personnel cost")]
    surcharges: Decimal
    management_costs: Decimal
    material_costs: Decimal
    investment: Decimal
    operating_costs: Decimal
    components: tuple[CostComponent, ...]
    fte: Decimal
    skilled_share_percent: Annotated[Decimal | None, Label("Fachkraftquote in %", "Skilled-staff quota in %")]
    billable_units: Annotated[
        Decimal, Label("Berechnungseinheiten bei vereinbarter Auslastung", "Billable units at agreed occupancy")
    ]
    days: Decimal | None
    hours_per_fte: Decimal | None
    kalkulation: Kalkulation
    #: Things the caller should check, in English (the steps carry them in German and English): a
    #: cost in the Kalkulation more than once, part of the investment not refinanced.
    notes: tuple[str, ...] = ()
    #: The costs under § 42a Abs. 6 SGB XII in the annual cost (LRV A.4.5 Abs. 2), in cents.
    housing_costs_above_threshold: Decimal = Decimal("0.00")

    def to_pandas(self, *, arrow: bool = False, table: str = "components") -> Any:
        """The annual cost by component, or (``table="posts"``) the Kalkulation's posts, one row each.

        Components: key, German and English text, clause, amount, share in %; posts: the fields of
        each :class:`~eghnrw.Post`.

        Raises:
            InvalidInputError: ``table`` is neither ``"components"`` nor ``"posts"``.
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame_of  # noqa: PLC0415 - pandas only for who asks

        if table == "components":
            return frame_of(self.components, CostComponent, arrow=arrow)
        if table == "posts":
            return frame_of(self.kalkulation.posts, Post, arrow=arrow)
        raise InvalidInputError("table", table, 'pass "components" or "posts"')


# --- input ----------------------------------------------------------------------------------------


def as_kalkulation(value: object, argument: str) -> Kalkulation:
    """``value`` as a :class:`Kalkulation`: the model, a :class:`KalkulationResult`'s, or a mapping validated.

    Raises:
        InvalidInputError: anything else, or a mapping that does not validate (naming the field path).
    """
    if isinstance(value, Kalkulation):
        return value
    if isinstance(value, KalkulationResult):
        return value.kalkulation
    if isinstance(value, Mapping):
        return validated(Kalkulation.model_validate, dict(value), argument)
    raise InvalidInputError(argument, value, "pass a Kalkulation (eghnrw.Kalkulation), its result, or a mapping")


def _hours_needed(k: Kalkulation) -> bool:
    return (k.unit == "hour" and k.billable_hours is None) or any(post.hours is not None for post in k.posts)


def resolve(k: Kalkulation, on: date | None, overrides: Mapping[str, Decimal]) -> Resolved:
    """Read the dated parameters a Kalkulation needs on ``on`` (default: its ``period_start``).

    Raises:
        InvalidInputError: a parameter is needed and there is neither ``on`` nor ``period_start``.
        ParameterNotFoundError: no value of a needed parameter on that day.
    """
    day = on if on is not None else k.period_start
    parameters: list[Parameter] = []
    days: Decimal | None = None
    if k.unit == "day":
        days, found = berechnungstage(k.days, day, overrides)
        parameters += found
    hours: Decimal | None = None
    if _hours_needed(k):
        if day is None:
            raise InvalidInputError(
                "on",
                None,
                "pass on=date(...) (or a period_start) to read the KGSt Normalarbeitszeit for hours and billable hours",
            )
        kgst = kgst_hours(day, overrides)
        hours = kgst.value
        parameters.append(kgst)
    return Resolved(days, hours, tuple(parameters))


# --- the arithmetic -------------------------------------------------------------------------------


def _post_fte(post: Post, places: int | None, hours_per_fte: Decimal | None) -> Decimal:
    if post.fte is not None:
        return post.fte
    if post.staff_key is not None:
        persons = post.persons if post.persons is not None else places
        return post.staff_key * (persons or 0)
    return post.hours / hours_per_fte if post.hours is not None and hours_per_fte else _ZERO


def _surcharges(k: Kalkulation, personnel: Decimal) -> dict[str, Decimal]:
    """Each surcharge on the personnel cost, in cents: additively, or each on the cost plus the ones before."""
    surcharges: dict[str, Decimal] = {}
    base = personnel
    for name, percent in k.surcharges_percent.items():
        amount = cents(base * percent / _HUNDRED)
        surcharges[name] = amount
        if k.surcharge_mode == "compound":
            base += amount
    return surcharges


def _capacity(k: Kalkulation, days: Decimal | None, hours_per_fte: Decimal | None, care_fte: Decimal) -> Decimal:
    """Billable units at 100 % occupancy: places × days, places × 12, or billable hours."""
    if k.unit == "day":
        return (k.places or 0) * (days or _ZERO)
    if k.unit == "month":
        return Decimal((k.places or 0) * 12)
    if k.billable_hours is not None:
        return k.billable_hours
    capacity = (hours_per_fte or _ZERO) * care_fte
    if k.billable_share_percent is not None:
        capacity = capacity * k.billable_share_percent / _HUNDRED
    return capacity


class PostSums(NamedTuple):
    """The posts of a Kalkulation summed: each post's FTE and cost, the cost by role, and the totals."""

    post_fte: tuple[Decimal, ...]
    post_cost: tuple[Decimal, ...]
    roles: dict[str, Decimal]
    personnel: Decimal
    fte: Decimal
    care_fte: Decimal
    skilled_fte: Decimal


def post_sums(posts: Iterable[Post], places: int | None, hours_per_fte: Decimal | None) -> PostSums:
    """Each post's FTE and cost (LRV A.4.6.1 Abs. 1, A.2.2 Abs. 1 a–c) and their sums. Call inside ``CONTEXT``."""
    post_fte: list[Decimal] = []
    post_cost: list[Decimal] = []
    roles: dict[str, Decimal] = {}
    personnel = fte_total = care_fte = skilled_fte = _ZERO
    for post in posts:
        fte = post.fte
        if fte is None:
            fte = _post_fte(post, places, hours_per_fte)
        cost = fte * post.annual_cost
        if cost.as_tuple().exponent < -2:  # type: ignore[operator] # finite: a line of the Kalkulation is in cents
            cost = cents(cost)
        post_fte.append(fte)
        post_cost.append(cost)
        roles[post.role] = roles.get(post.role, _ZERO) + cost
        personnel += cost
        fte_total += fte
        if not post.management:
            care_fte += fte
            if post.skilled:
                skilled_fte += fte
    return PostSums(tuple(post_fte), tuple(post_cost), roles, personnel, fte_total, care_fte, skilled_fte)


class Rate(NamedTuple):
    """A Kalkulation's figures from its personnel cost on: the annual cost, the units and the exact rate."""

    surcharges: dict[str, Decimal]
    net_investment: Decimal
    annual: Decimal
    capacity: Decimal
    billable: Decimal
    exact: Decimal


def exact_rate(
    k: Kalkulation, days: Decimal | None, hours_per_fte: Decimal | None, personnel: Decimal, care_fte: Decimal
) -> Rate:
    """The annual cost of ``k`` with this personnel cost (in cents), and its exact rate. Call inside ``CONTEXT``.

    Every line of the annual cost is in cents, computed from the lines above it as shown (a surcharge
    on the personnel cost in cents); the annual cost is their sum, and the rate that divided by the
    billable units, rounded once by the caller (docs/decisions.md, "Where a Kalkulation rounds").

    The rate is :func:`~eghnrw.verguetung.rates._arithmetic.unit_rate`, the daily-rate division, for every unit;
    with ``investment_occupancy="full"`` the Investitionsbetrag and Betriebskosten are spread over the
    full capacity instead.

    Raises:
        InvalidInputError: no billable units (e.g. billable hours from posts without FTE).
    """
    surcharges = _surcharges(k, personnel)
    net_investment = cents(k.investment) - cents(k.public_subsidies)
    operating = cents(k.operating_costs)
    annual = (
        personnel
        + sum(surcharges.values(), _ZERO)
        + cents(k.management_costs)
        + cents(k.material_costs)
        + net_investment
        + operating
        + cents(k.housing_costs_above_threshold)
    )
    occupancy = k.occupancy_percent
    capacity = _capacity(k, days, hours_per_fte, care_fte)
    billable = billable_units(capacity, occupancy)
    if billable <= 0:
        raise InvalidInputError(
            "posts", [post.role for post in k.posts], "no billable hours: give posts with FTE, or billable_hours"
        )
    if k.investment_occupancy == "full":
        group = net_investment + operating
        exact = ((annual - group) * _HUNDRED + group * occupancy) / (capacity * occupancy)
    else:
        exact = unit_rate(annual, capacity, occupancy)
    return Rate(surcharges, net_investment, annual, capacity, billable, exact)


def compute(k: Kalkulation, days: Decimal | None, hours_per_fte: Decimal | None) -> Figures:
    """The exact figures of ``k`` with the resolved day count and KGSt hours, and its rate rounded once.

    No argument checks (``k`` is a validated model or a consistent copy of one); used by
    :func:`kalkulation`, the what-if, :func:`~eghnrw.verguetung.negotiation.compare` and the occupancy checks.

    Raises:
        InvalidInputError: no billable units (e.g. billable hours from posts without FTE), or a
            rate of 10^15 or more.
    """
    with localcontext(CONTEXT):
        p = post_sums(k.posts, k.places, hours_per_fte)
        r = exact_rate(k, days, hours_per_fte, p.personnel, p.care_fte)
    amount = round_result(r.exact, f"kalkulation: annual cost ÷ billable units ({_UNIT_INPUTS[k.unit]})")
    return Figures(
        p.post_fte,
        p.post_cost,
        p.roles,
        p.personnel,
        r.surcharges,
        r.net_investment,
        r.annual,
        r.capacity,
        r.billable,
        r.exact,
        amount,
        p.fte,
        p.care_fte,
        p.skilled_fte,
    )


# --- the traced result ----------------------------------------------------------------------------


def _n(value: Decimal) -> tuple[str, str]:
    """A number in a step text, German and English (:func:`~eghnrw.core.trace.format_value` without grouping)."""
    return format_value(value, "de", grouping=False), format_value(value, "en", grouping=False)


def _post_step(post: Post, fte: Decimal, cost: Decimal, places: int | None, hours_per_fte: Decimal | None) -> Step:
    role = post.role
    fte_de, fte_en = _n(fte)
    cost_de, cost_en = _n(post.annual_cost)
    if post.fte is not None:
        de = f"Stelle {role}: {fte_de} VK × {cost_de} € je Vollzeitstelle"
        en = f"post {role}: {fte_en} FTE × {cost_en} € per full-time post"
    elif post.staff_key is not None:
        persons = post.persons if post.persons is not None else places
        key_de, key_en = _n(post.staff_key)
        de = f"Stelle {role}: Personalschlüssel {key_de} × {persons} Personen = {fte_de} VK × {cost_de} €"
        en = f"post {role}: staff key {key_en} × {persons} persons = {fte_en} FTE × {cost_en} €"
    else:
        hours_de, hours_en = _n(post.hours or _ZERO)
        kgst_de, kgst_en = _n(hours_per_fte or _ZERO)
        de = f"Stelle {role}: {hours_de} bewilligte Stunden ÷ {kgst_de} Stunden = {fte_de} VK × {cost_de} €"
        en = f"post {role}: {hours_en} granted hours ÷ {kgst_en} hours = {fte_en} FTE × {cost_en} €"
    return Step(_WAY_CLAUSE[post.way], de, en, cost)


def kalkulation_surcharge_clause(k: Kalkulation, name: str) -> str:
    """The clause of the Kalkulation's surcharge ``name`` (see :func:`kalkulation_surcharges_clause`)."""
    return kalkulation_surcharges_clause([name], k.surcharge_rule)


def kalkulation_surcharges_clause(names: Iterable[str], rule: SurchargeRule | str) -> str:
    """The clause of a Kalkulation's surcharges ``names`` under ``rule``, each once, as its components cite them.

    A Pauschale für Personal on the Personalaufwand (LRV A.2.2 Abs. 1 d, A.4.6.1), the Sachaufwand
    (A.4.6.2 Abs. 1), or the children's B.1.5.3 / B.1.6.2; :func:`~eghnrw.compare` cites a
    Kalkulation's surcharges the same way.
    """
    return surcharges_clause(names, rule, personnel=_SURCHARGE)


def _components(k: Kalkulation, f: Figures) -> list[tuple[str, str, str, str, Decimal]]:
    """The components of the annual cost, each in cents as its line shows it: they add up to the annual cost."""
    management_roles = {post.role for post in k.posts if post.management}
    parts = [
        (
            f"personnel[{role}]",
            f"Personalaufwand {role}",
            f"personnel cost {role}",
            _MANAGEMENT if role in management_roles else _PERSONNEL,
            cost,
        )
        for role, cost in f.roles.items()
    ]
    parts += [
        (f"surcharges[{name}]", f"Zuschlag {name}", f"surcharge {name}", kalkulation_surcharge_clause(k, name), amount)
        for name, amount in f.surcharges.items()
    ]
    if k.management_costs:
        parts.append(
            (
                "management_costs",
                "Leitung und Verwaltung (vereinbarter Betrag)",
                "management and administration (agreed amount)",
                _MANAGEMENT,
                cents(k.management_costs),
            )
        )
    parts += [
        ("material_costs", "Sachaufwand", "material costs (Sachaufwand)", _MATERIAL, cents(k.material_costs)),
        (
            "investment",
            "Investitionsbetrag",
            "investment amount (Investitionsbetrag)",
            _COMPONENTS,
            f.net_investment,
        ),
    ]
    if k.operating_costs:
        parts.append(("operating_costs", "Betriebskosten", "operating costs", _COMPONENTS, cents(k.operating_costs)))
    if k.housing_costs_above_threshold:
        parts.append(
            (
                "housing_costs_above_threshold",
                _HOUSING_TEXT[0],
                _HOUSING_TEXT[1],
                _HOUSING,
                cents(k.housing_costs_above_threshold),
            )
        )
    return parts


def cents(value: Decimal) -> Decimal:
    """A cost as a person reads it: rounded half up to the cent (``564400`` → ``564400.00``).

    A Kalkulation computes with its exact figures and rounds its rate once; every cost it shows —
    the result's cost fields, the components, the steps — is in cents (docs/decisions.md).
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def _shares(amounts: list[Decimal], total: Decimal) -> tuple[Decimal, ...]:
    """Each amount's share of the total in percent, adding up to 100.00 (weights to 10^-10 €)."""
    if total <= 0:
        return tuple(_ZERO for _ in amounts)
    return allocate(_SHARE_TOTAL, [amount.quantize(_WEIGHT, context=CONTEXT) for amount in amounts])


def _quota(f: Figures) -> Decimal | None:
    if f.care_fte <= 0:
        return None
    with localcontext(CONTEXT):
        return (f.skilled_fte * _HUNDRED / f.care_fte).quantize(_QUOTA_PLACES, rounding=ROUND_HALF_UP)


def evaluate(
    k: Kalkulation, resolved: Resolved, *, on: date | None = None, figures: Figures | None = None
) -> KalkulationResult:
    """The traced result of ``k`` with its resolved dated figures (``figures`` if already computed).

    Raises:
        InvalidInputError: as :func:`compute`.
    """
    f = figures if figures is not None else compute(k, resolved.days, resolved.hours_per_fte)
    with localcontext(CONTEXT):  # the sums of the trace, never in the caller's context
        return _traced(k, resolved, f, on)


def _traced(k: Kalkulation, resolved: Resolved, f: Figures, on: date | None) -> KalkulationResult:
    unit_de, unit_en = _UNIT_TEXT[k.unit]
    steps: list[Step] = [
        _post_step(post, fte, cost, k.places, resolved.hours_per_fte)
        for post, fte, cost in zip(k.posts, f.post_fte, f.post_cost, strict=True)
    ]
    annual = f.annual
    parts = _components(k, f)
    amounts = [part[4] for part in parts]
    shown = dict(zip((part[0] for part in parts), amounts, strict=True))
    personnel = f.personnel
    surcharges = sum(f.surcharges.values(), _ZERO_CENTS)
    steps.append(Step(_PERSONNEL, "Personalaufwand gesamt", "personnel cost, total", personnel))
    compound = k.surcharge_mode == "compound"
    for name, percent in k.surcharges_percent.items():
        basis_de = "Personalaufwand und vorige Zuschläge" if compound else "Personalaufwand"
        basis_en = "personnel cost and earlier surcharges" if compound else "personnel cost"
        steps.append(
            Step(
                kalkulation_surcharge_clause(k, name),
                f"Zuschlag {name}: {_n(percent)[0]} % auf {basis_de}",
                f"surcharge {name}: {_n(percent)[1]} % of {basis_en}",
                shown[f"surcharges[{name}]"],
            )
        )
    if k.management_costs:
        steps.append(
            Step(
                _MANAGEMENT,
                "Leitung und Verwaltung (vereinbarter Betrag)",
                "management and administration (agreed amount)",
                shown["management_costs"],
            )
        )
    steps.append(Step(_MATERIAL, "Sachaufwand", "material costs (Sachaufwand)", shown["material_costs"]))
    if k.public_subsidies:
        steps += [
            Step(
                _COMPONENTS,
                "Investitionsbetrag vor Zuschüssen",
                "investment before subsidies",
                cents(k.investment),
            ),
            Step(
                _SUBSIDIES,
                "öffentliche Zuschüsse angerechnet (wie LRV B.4.7 Abs. 8)",
                "public subsidies credited (as LRV B.4.7 Abs. 8)",
                cents(k.public_subsidies),
            ),
        ]
    steps.append(Step(_COMPONENTS, "Investitionsbetrag", "investment amount", shown["investment"]))
    if k.operating_costs:
        steps.append(Step(_COMPONENTS, "Betriebskosten", "operating costs", shown["operating_costs"]))
    if k.housing_costs_above_threshold:
        steps.append(Step(_HOUSING, *_HOUSING_TEXT, shown["housing_costs_above_threshold"]))
    steps.append(Step(_COMPONENTS, "Jahreskosten", "annual cost", annual))

    shares = _shares(amounts, f.annual)
    components = tuple(
        CostComponent(key, de, en, clause, amount, share)
        for (key, de, en, clause, _), amount, share in zip(parts, amounts, shares, strict=True)
    )
    steps += [
        Step(
            c.clause,
            f"{c.de} ({_n(c.share_percent)[0]} % der Jahreskosten)",
            f"{c.en} ({_n(c.share_percent)[1]} % of the annual cost)",
            c.amount,
        )
        for c in components
    ]
    quota = _quota(f)
    if quota is not None:
        steps.append(
            Step(
                _QUOTA,
                "Fachkraftquote: Fachkraft-VK ÷ VK ohne Leitung/Verwaltung, in %",
                "skilled-staff quota: skilled FTE ÷ FTE other than management, in %",
                quota,
            )
        )
    notes = [*_overlaps(k), *_unrecovered(k, f)]
    steps += _divisor_steps(k, f, resolved)
    steps += [
        Step(
            _RATE,
            f"Leistungspauschale je {unit_de} = Jahreskosten ÷ Berechnungseinheiten",
            f"rate per {unit_en} = annual cost ÷ billable units",
            f.exact,
        ),
        rounded_step(_RATE, f.amount),
        *(step for _, step in notes),
    ]
    inputs: dict[str, Any] = {"on": on}
    return KalkulationResult.build(
        amount=f.amount,
        unit=k.unit,
        annual_cost=annual,
        personnel_cost=personnel,
        surcharges=surcharges,
        management_costs=shown.get("management_costs", _ZERO_CENTS),
        material_costs=shown["material_costs"],
        investment=shown["investment"],
        operating_costs=shown.get("operating_costs", _ZERO_CENTS),
        housing_costs_above_threshold=shown.get("housing_costs_above_threshold", _ZERO_CENTS),
        components=components,
        fte=f.fte,
        skilled_share_percent=quota,
        billable_units=f.billable,
        days=resolved.days,
        hours_per_fte=resolved.hours_per_fte,
        kalkulation=k,
        notes=tuple(note for note, _ in notes),
        inputs=inputs,
        parameters=resolved.parameters,
        steps=tuple(steps),
    )


def _listed(names: Iterable[str]) -> str:
    return ", ".join(names)


def _overlaps(k: Kalkulation) -> list[tuple[str, Step]]:
    """Notes on costs held twice: Leitung/Verwaltung (LRV A.4.6.1 Abs. 3), the Sachaufwand (A.4.6.2 Abs. 1).

    A cost may be given as posts, as a surcharge on all posts or as an amount; two of these ways for
    the same cost pay it twice (a Leitung/Verwaltung surcharge is laid on the management posts too).
    """
    notes: list[tuple[str, Step]] = []
    managing = management_surcharges(k.surcharges_percent)
    posts = list(dict.fromkeys(post.role for post in k.posts if post.management))
    ways_de: list[str] = []
    ways_en: list[str] = []
    if managing:
        on_posts = f" (auch auf die Stellen {_listed(posts)})" if posts else ""
        on_posts_en = f" (laid on the posts {_listed(posts)} too)" if posts else ""
        ways_de.append(f"Zuschlag {_listed(managing)} auf alle Stellen{on_posts}")
        ways_en.append(f"surcharge {_listed(managing)} on all posts{on_posts_en}")
    if posts:
        ways_de.append(f"Stellen Leitung/Verwaltung ({_listed(posts)})")
        ways_en.append(f"Leitung/Verwaltung posts ({_listed(posts)})")
    if k.management_costs:
        ways_de.append("management_costs")
        ways_en.append("management_costs")
    if len(ways_en) > 1:
        notes.append(
            (
                (
                    f"Leitung/Verwaltung is in the Kalkulation {len(ways_en)} times: {'; '.join(ways_en)} "
                    "(LRV A.4.6.1 Abs. 3): check that it is not paid twice"
                ),
                Step(
                    _MANAGEMENT,
                    f"Hinweis: Leitung/Verwaltung {len(ways_de)}-fach enthalten — {'; '.join(ways_de)}: "
                    "nicht doppelt vergüten",
                    f"note: Leitung/Verwaltung is included {len(ways_en)} times — {'; '.join(ways_en)}: not twice",
                ),
            )
        )
    material = material_surcharges(k.surcharges_percent)
    if material and k.material_costs:
        notes.append(
            (
                (
                    f"the Sachaufwand is in the Kalkulation twice: surcharge {_listed(material)} and material_costs "
                    "(LRV A.4.6.2 Abs. 1): check that it is not paid twice"
                ),
                Step(
                    _MATERIAL,
                    f"Hinweis: Sachaufwand doppelt enthalten — Zuschlag {_listed(material)} und material_costs: "
                    "nicht doppelt vergüten",
                    f"note: material costs included twice — surcharge {_listed(material)} and material_costs: "
                    "not twice",
                ),
            )
        )
    return notes


def _unrecovered(k: Kalkulation, f: Figures) -> list[tuple[str, Step]]:
    """With ``investment_occupancy="full"``: the part of the investment the rate leaves unrecovered (A.4.6 Abs. 4).

    Spread over full capacity, the Investitionsbetrag and Betriebskosten are paid for the billable
    units at the agreed occupancy only: (100 − occupancy) % of them are not refinanced.
    """
    if k.investment_occupancy != "full" or k.occupancy_percent >= _HUNDRED:
        return []
    group = f.net_investment + cents(k.operating_costs)
    unrecovered = cents(group * (_HUNDRED - k.occupancy_percent) / _HUNDRED)
    if not unrecovered:
        return []
    occupancy_de, occupancy_en = _n(k.occupancy_percent)
    return [
        (
            (
                f"investment_occupancy='full': at the agreed occupancy of {occupancy_en} % the rate leaves "
                f"{format_value(unrecovered, 'en')} of the Investitionsbetrag and Betriebskosten unrecovered a year, "
                "although all betriebsnotwendigen Aufwendungen are to be refinanced (LRV A.4.6 Abs. 4)"
            ),
            Step(
                _REFINANCED,
                f"Hinweis: bei der vereinbarten Auslastung von {occupancy_de} % nicht refinanzierter Teil von "
                "Investitionsbetrag und Betriebskosten (investment_occupancy='full')",
                f"note: part of the investment and operating costs not refinanced at the agreed occupancy of "
                f"{occupancy_en} % (investment_occupancy='full')",
                unrecovered,
            ),
        )
    ]


def _divisor_steps(k: Kalkulation, f: Figures, resolved: Resolved) -> list[Step]:
    steps: list[Step] = []
    if k.unit != "hour":
        steps.append(Step(_COMPONENTS, "vereinbarte Kapazität (Plätze)", "agreed capacity (places)", k.places))
    if k.unit == "day":
        steps.append(
            Step(_COMPONENTS, "Berechnungstage je Platz und Jahr", "calculation days per place", resolved.days)
        )
    elif k.unit == "month":
        steps.append(Step(_RATE, "Monate je Platz und Jahr", "months per place and year", 12))
    elif k.billable_hours is not None:
        steps.append(
            Step("LRV A.2.2 Abs. 2", "vereinbarte abrechnungsfähige Stunden", "agreed billable hours", f.capacity)
        )
    else:
        steps.append(
            Step(_KGST, "Normalarbeitszeit je Vollzeitstelle", "normal working hours per FTE", resolved.hours_per_fte)
        )
        share = "" if k.billable_share_percent is None else f" × {_n(k.billable_share_percent)[0]} %"
        share_en = "" if k.billable_share_percent is None else f" × {_n(k.billable_share_percent)[1]} %"
        steps.append(
            Step(
                "LRV A.2.2 Abs. 2",
                f"abrechnungsfähige Stunden = Normalarbeitszeit × VK ohne Leitung/Verwaltung{share}",
                f"billable hours = normal working hours × FTE other than management{share_en}",
                f.capacity,
            )
        )
    steps.append(Step(_COMPONENTS, "vereinbarte Auslastung in %", "agreed occupancy in %", k.occupancy_percent))
    steps.append(
        Step(
            _COMPONENTS,
            "Berechnungseinheiten = Kapazität × Auslastung ÷ 100",
            "billable units = capacity × occupancy ÷ 100",
            f.billable,
        )
    )
    if k.unit == "hour" and k.billable_share_percent is not None and k.occupancy_percent < _HUNDRED:
        with localcontext(CONTEXT):
            together = k.billable_share_percent * k.occupancy_percent / _HUNDRED
        steps.append(
            Step(
                _COMPONENTS,
                (
                    "abrechnungsfähiger Anteil und Auslastung mindern beide: berechnet werden "
                    "Anteil × Auslastung ÷ 100, in % der Normalarbeitszeit"
                ),
                (
                    "the billable share and the occupancy both reduce the hours: billed are "
                    "share × occupancy ÷ 100, in % of the normal working hours"
                ),
                together,
            )
        )
    if k.investment_occupancy == "full":
        steps.append(
            Step(
                _COMPONENTS,
                "Investitionsbetrag und Betriebskosten auf volle Kapazität (investment_occupancy='full')",
                "investment and operating costs spread over full capacity (investment_occupancy='full')",
                f.net_investment + k.operating_costs,
            )
        )
    return steps


@rule(
    ids=("M12", "M18"),
    clauses=(
        "LRV A.4.5",
        "LRV A.4.6",
        "LRV A.2.2 Abs. 1 d",
        "LRV A.4.6.2 Abs. 1",
        "LRV B.1.5.3",
        "LRV B.1.6.2",
        "§ 42a Abs. 6 SGB XII",
    ),
    parameters=("berechnungstage", "kgst_normalarbeitszeit"),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
)
def kalkulation(
    data: Kalkulation | Mapping[str, Any] | None = None,
    /,
    *,
    unit: str | None = None,
    posts: Any = None,
    places: int | None = None,
    occupancy_percent: Amount | None = None,
    days: Amount | None = None,
    surcharges_percent: Mapping[str, Amount] | None = None,
    surcharge_mode: str | None = None,
    surcharge_rule: SurchargeRule | str | None = None,
    management_costs: Amount | None = None,
    material_costs: Amount | None = None,
    investment: Amount | None = None,
    public_subsidies: Amount | None = None,
    operating_costs: Amount | None = None,
    housing_costs_above_threshold: Amount | None = None,
    investment_occupancy: str | None = None,
    billable_hours: Amount | None = None,
    billable_share_percent: Amount | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    label: str | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> KalkulationResult:
    """The Leistungspauschale of a prospective Kalkulation, rounded once (LRV A.4.5, A.4.6, A.2.2).

    Pass the fields of a :class:`~eghnrw.kommission.models.service_costs.Kalkulation` as keywords, or one
    Kalkulation (or a mapping of its fields, e.g. loaded from JSON or TOML) as the first argument.
    ``on`` is the day the dated parameters are read for (default: ``period_start``): the
    Berechnungstage when ``days`` is not given, the KGSt Normalarbeitszeit for ``hours`` posts and
    for billable hours; ``overrides`` replace them. ``housing_costs_above_threshold`` are the
    annual costs under § 42a Abs. 6 SGB XII, a component of its own (A.4.5 Abs. 2; RULES M18).
    ``surcharge_rule`` names the clause the
    surcharges rest on, as for :func:`~eghnrw.verguetung.rates.surcharge`: by default A.2.2 Abs. 1 d (a
    Sachaufwand surcharge A.4.6.2 Abs. 1), ``"teilhabe_an_bildung"`` B.1.5.3 (Schulbegleitung,
    autismusspezifische Fachleistungen), ``"assistenz_kinder_familie"`` B.1.6.2.

    >>> k = kalkulation(unit="day", places=24, occupancy_percent="96", days=365,
    ...     posts=[{"role": "Fachkraft", "fte": "6", "annual_cost": "62000", "skilled": True},
    ...            {"role": "Hilfskraft", "fte": "2", "annual_cost": "46000", "skilled": False}],
    ...     surcharges_percent={"leitung_verwaltung": "10"}, material_costs="30000", investment="24000")
    >>> k.amount, k.annual_cost, k.skilled_share_percent   # 564,400 ÷ (24 × 365 × 0.96)
    (Decimal('67.11'), Decimal('564400.00'), Decimal('75.00'))

    Raises:
        InvalidInputError: a field invalid (the message names its path, e.g. ``posts[1].fte``):
            a negative FTE or cost, an occupancy outside (0, 100], no posts, an unknown unit, a
            float anywhere; both a Kalkulation and keywords; a needed date missing.
        ParameterNotFoundError: no Berechnungstage or KGSt hours on ``on``.
    """
    given = dict(locals())  # the arguments only, in the order of the signature
    checked_overrides = check_overrides(overrides)
    if on is not None:
        check_date(on, "on")
    # the keywords are the Kalkulation's fields, besides data, on and overrides
    fields = {name: value for name, value in given.items() if name in Kalkulation.model_fields and value is not None}
    if data is not None:
        k = data if isinstance(data, Kalkulation) else as_kalkulation(data, "data")
        if fields:
            name = next(iter(fields))
            raise InvalidInputError(
                name, fields[name], "pass either a Kalkulation (data) or its fields as keywords, not both"
            )
    else:
        k = validated(Kalkulation.model_validate, fields, "")
    resolved = resolve(k, on, checked_overrides)
    return evaluate(k, resolved, on=on)
