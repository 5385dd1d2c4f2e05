"""The Organisationsmodul: its cost components and its per-person daily flat rate (RULES M5).

LRV B.4.7 Abs. 3–10. Annual cost, each component a line of the trace:

1. Leitung/Verwaltung personnel by Personalschlüssel (Abs. 3, 4): persons × posts per person ×
   annual cost per post;
2. Sachaufwand as a percentage surcharge on the Brutto-Personalkosten (Abs. 5, 6) — of the
   Leitung/Verwaltung staff and of the Betreuungspersonal (``care_personnel_cost``). Abs. 6 names
   the Betreuungspersonal, so a missing ``care_personnel_cost`` is visible in the result
   (``care_personnel_cost`` is ``None``, ``sachaufwand_base`` the Leitung/Verwaltung cost alone, a
   note and a step) rather than silently taken as zero; pass ``0`` to say there is none;
3. Investitionsbetrag (Abs. 7–9) with public subsidies deducted (Abs. 8: "Öffentliche Zuschüsse
   sind bei der Vereinbarung der Vergütung anzurechnen");
4. Betriebsnebenkosten for the Fachleistungsfläche;
5. optional einzugsbereichsbezogener Fahrtaufwand.

Per-person daily rate (Abs. 10, A.4.5 Abs. 2) = annual cost ÷ (persons × days × occupancy),
rounded once. The Personalschlüssel and Kalkulationsmuster (Anlage 5.4, B.4, B.5) are not
public: they are inputs.

Subsidies larger than the investment are refused by default (``InvalidInputError`` naming
``public_subsidies``): a subsidy cannot be credited against more than it subsidises, and such
input usually means a wrong period or base. ``cap_subsidies=True`` sets the Investitionsbetrag
to zero instead and records the excess in the trace (see docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Annotated

from eghnrw.core._check import check_bool, check_count, check_non_negative, check_percent
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, round_result
from eghnrw.core.params import DATED_ARGUMENTS, check_overrides
from eghnrw.core.trace import Label, Result, Step, format_value, rounded_step
from eghnrw.verguetung.rates._arithmetic import billable_units, unit_rate
from eghnrw.verguetung.rates.daily import berechnungstage, check_occupancy

__all__ = ["OrganisationsmodulResult", "organisationsmodul_rate"]

_CARE_MISSING = (
    (
        "care_personnel_cost not given: the Sachaufwand surcharge was applied to the Leitung/Verwaltung personnel "
        "cost only, although LRV B.4.7 Abs. 6 names the Betreuungspersonal too; pass its annual gross personnel "
        "cost, or 0 if none"
    ),
)


class OrganisationsmodulResult(Result):
    """The Organisationsmodul's per-person daily rate with every annual cost component."""

    title = ("Organisationsmodul", "Organisation module")

    amount: Annotated[Decimal, Label("Tagessatz je Person", "Daily rate per person")]
    annual_cost: Annotated[Decimal, Label("Jahreskosten", "Annual cost")]
    personnel_cost: Decimal
    sachaufwand: Decimal
    investitionsbetrag: Annotated[Decimal, Label("Investitionsbetrag", "Investment amount")]
    operating_costs: Decimal
    travel_costs: Decimal
    billable_days: Decimal
    uncredited_subsidies: Decimal
    #: Things the caller should check, in English (the steps carry them in German and English).
    notes: tuple[str, ...] = ()
    #: The Brutto-Personalkosten the Sachaufwand surcharge was laid on (Abs. 6): Leitung/Verwaltung
    #: plus the Betreuungspersonal's ``care_personnel_cost``.
    sachaufwand_base: Decimal | None = None
    #: The Betreuungspersonal's annual Brutto-Personalkosten in that base; ``None``: not given, so
    #: the base lacks the Betreuungspersonal that Abs. 6 names (a note says so).
    care_personnel_cost: Decimal | None = None


@rule(
    ids=("M5",),
    clauses=("LRV B.4.7 Abs. 3", "LRV B.4.7 Abs. 6", "LRV B.4.7 Abs. 10", "LRV A.4.5 Abs. 2"),
    parameters=("berechnungstage",),
    rounding="amount: once, to the cent (ROUND_HALF_UP)",
    command="organisationsmodul",
    example={
        "persons": 40,
        "posts_per_person": "0.025",
        "cost_per_post": "70000",
        "sachaufwand_percent": "10",
        "investment": "30000",
        "public_subsidies": "10000",
        "operating_costs": "5000",
        "occupancy_percent": "100",
        "days": "365",
    },
    arguments={
        "persons": "agreed capacity: persons served",
        "posts_per_person": "Personalschlüssel Leitung/Verwaltung: posts per person",
        "cost_per_post": "annual cost of one post",
        "sachaufwand_percent": "Sachaufwand in % on Brutto-Personalkosten (Abs. 6)",
        "investment": "Investitionsbetrag before public subsidies (Abs. 7)",
        "occupancy_percent": "agreed occupancy in percent",
        "public_subsidies": "public subsidies to credit (Abs. 8)",
        "operating_costs": "Betriebsnebenkosten of the Fachleistungsfläche",
        "travel_costs": "einzugsbereichsbezogener Fahrtaufwand, if agreed",
        "care_personnel_cost": "Betreuungspersonal cost the Sachaufwand applies to",
        "days": "Berechnungstage (default: the dated parameter for --on)",
        **DATED_ARGUMENTS,
        "cap_subsidies": "credit subsidies only up to the investment instead of refusing",
    },
)
def organisationsmodul_rate(
    *,
    persons: int,
    posts_per_person: Amount,
    cost_per_post: Amount,
    sachaufwand_percent: Amount,
    investment: Amount,
    occupancy_percent: Amount,
    public_subsidies: Amount = 0,
    operating_costs: Amount = 0,
    travel_costs: Amount | None = None,
    care_personnel_cost: Amount | None = None,
    days: Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
    cap_subsidies: bool = False,
) -> OrganisationsmodulResult:
    """Organisationsmodul as a tagesgleiche Pauschale for each person (LRV B.4.7 Abs. 3–10).

    All amounts are annual. ``persons`` is the agreed capacity (persons served);
    ``posts_per_person`` the Personalschlüssel for Leitung und Verwaltung (Abs. 4);
    ``sachaufwand_percent`` the surcharge on Brutto-Personalkosten (Abs. 6), applied to the
    Leitung/Verwaltung personnel cost plus ``care_personnel_cost``, the annual Brutto-Personalkosten
    of the Betreuungspersonal (``None``, the default, counts as zero and adds a note: Abs. 6 names
    the Betreuungspersonal; pass ``0`` when there is none); ``investment`` the
    Investitionsbetrag before ``public_subsidies`` (Abs. 8); ``operating_costs`` the
    Betriebsnebenkosten; ``travel_costs`` the optional Fahrtaufwand (``None`` = not agreed).

    >>> r = organisationsmodul_rate(persons=40, posts_per_person="0.025", cost_per_post="70000",
    ...     sachaufwand_percent="10", investment="30000", public_subsidies="10000",
    ...     operating_costs="5000", occupancy_percent="100", days=365)
    >>> r.annual_cost, r.amount     # 70,000 + 7,000 + 20,000 + 5,000 = 102,000; ÷ 14,600
    (Decimal('102000.000'), Decimal('6.99'))

    Raises:
        InvalidInputError: any amount negative or not a number; ``persons`` below 1; occupancy
            outside (0, 100]; ``public_subsidies`` above ``investment`` (unless ``cap_subsidies``);
            neither ``days`` nor ``on``.
    """
    overrides = check_overrides(overrides)
    count = check_count(persons, "persons", minimum=1)
    key = check_non_negative(posts_per_person, "posts_per_person")
    per_post = check_non_negative(cost_per_post, "cost_per_post")
    sach_pct = check_percent(sachaufwand_percent, "sachaufwand_percent")
    invest = check_non_negative(investment, "investment")
    subsidies = check_non_negative(public_subsidies, "public_subsidies")
    operating = check_non_negative(operating_costs, "operating_costs")
    travel = Decimal(0) if travel_costs is None else check_non_negative(travel_costs, "travel_costs")
    care_missing = care_personnel_cost is None
    care = Decimal(0) if care_missing else check_non_negative(care_personnel_cost, "care_personnel_cost")
    occupancy = check_occupancy(occupancy_percent)
    cap = check_bool(cap_subsidies, "cap_subsidies")
    if subsidies > invest and not cap:
        raise InvalidInputError(
            "public_subsidies",
            public_subsidies,
            f"public subsidies may be credited at most up to the investment ({invest}) (LRV B.4.7 Abs. 8); "
            "check period and base, or pass cap_subsidies=True to set the Investitionsbetrag to zero",
        )
    day_count, parameters = berechnungstage(days, on, overrides)
    with localcontext(CONTEXT):
        posts = count * key
        personnel = posts * per_post
        gross_personnel = personnel + care
        sachaufwand = gross_personnel * sach_pct / 100
        credited = min(subsidies, invest)
        uncredited = subsidies - credited
        investitionsbetrag = invest - credited
        annual = personnel + sachaufwand + investitionsbetrag + operating + travel
        capacity = count * day_count
        billable = billable_units(capacity, occupancy)
        exact = unit_rate(annual, capacity, occupancy)
    amount = round_result(exact, "annual costs ÷ (persons × days × occupancy_percent ÷ 100)")
    steps = [
        Step(
            "LRV B.4.7 Abs. 4",
            "Personalschlüssel Leitung/Verwaltung: Stellen je Person",
            "staff key: posts per person",
            key,
        ),
        Step("LRV B.4.7 Abs. 4", "Stellen = Personen × Schlüssel", "posts = persons × key", posts),
        Step(
            "LRV B.4.7 Abs. 3",
            "Personalaufwand Leitung/Verwaltung = Stellen × Kosten je Stelle",
            "management and administration personnel = posts × cost per post",
            personnel,
        ),
        Step(
            "LRV B.4.7 Abs. 6",
            f"Sachaufwand: {format_value(sach_pct)} % auf Brutto-Personalkosten {format_value(gross_personnel)}",
            f"material cost: {format_value(sach_pct, 'en')} % of gross personnel cost "
            f"{format_value(gross_personnel, 'en')}",
            sachaufwand,
        ),
        *(
            (
                Step(
                    "LRV B.4.7 Abs. 6",
                    "Hinweis: Brutto-Personalkosten des Betreuungspersonals nicht angegeben — Sachaufwand nur auf "
                    "Leitung/Verwaltung berechnet (Abs. 6 nennt auch das Betreuungspersonal)",
                    "note: gross personnel cost of the care staff not given — material cost on management and "
                    "administration only (Abs. 6 names the care staff too)",
                ),
            )
            if care_missing
            else ()
        ),
        Step("LRV B.4.7 Abs. 7", "Investitionsbetrag vor Zuschüssen", "investment before subsidies", invest),
        Step("LRV B.4.7 Abs. 8", "öffentliche Zuschüsse angerechnet", "public subsidies credited", credited),
    ]
    if uncredited:
        steps.append(
            Step(
                "LRV B.4.7 Abs. 8",
                "Zuschüsse über dem Investitionsbetrag, nicht angerechnet (cap_subsidies=True)",
                "subsidies above the investment, not credited (cap_subsidies=True)",
                uncredited,
            )
        )
    steps += [
        Step(
            "LRV B.4.7 Abs. 8", "Investitionsbetrag nach Zuschüssen", "investment after subsidies", investitionsbetrag
        ),
        Step(
            "LRV B.4.7 Abs. 3",
            "Betriebsnebenkosten der Fachleistungsfläche",
            "operating costs of the service area",
            operating,
        ),
        Step(
            "LRV B.4.7 Abs. 3",
            "Fahrtaufwand (optional)" if travel_costs is not None else "Fahrtaufwand: nicht vereinbart",
            "travel cost (optional)" if travel_costs is not None else "travel cost: not agreed",
            travel,
        ),
        Step("LRV A.4.5 Abs. 2", "Jahreskosten Organisationsmodul", "annual cost of the organisation module", annual),
        Step("LRV A.4.5 Abs. 2", "Personen × Tage × Auslastung ÷ 100", "persons × days × occupancy ÷ 100", billable),
        Step(
            "LRV B.4.7 Abs. 10",
            "Tagessatz je Person = Jahreskosten ÷ Berechnungstage",
            "daily rate per person = annual cost ÷ billable days",
            exact,
        ),
        rounded_step("LRV B.4.7 Abs. 10", amount),
    ]
    return OrganisationsmodulResult.build(
        amount=amount,
        annual_cost=annual,
        personnel_cost=personnel,
        sachaufwand=sachaufwand,
        investitionsbetrag=investitionsbetrag,
        operating_costs=operating,
        travel_costs=travel,
        billable_days=billable,
        uncredited_subsidies=uncredited,
        notes=_CARE_MISSING if care_missing else (),
        sachaufwand_base=gross_personnel,
        care_personnel_cost=None if care_missing else care,
        inputs={
            "persons": count,
            "posts_per_person": key,
            "cost_per_post": per_post,
            "sachaufwand_percent": sach_pct,
            "investment": invest,
            "public_subsidies": subsidies,
            "operating_costs": operating,
            "travel_costs": None if travel_costs is None else travel,
            "care_personnel_cost": None if care_missing else care,
            "occupancy_percent": occupancy,
            "days": day_count,
            "on": on,
            "cap_subsidies": cap,
        },
        parameters=parameters,
        steps=tuple(steps),
    )
