"""A whole besondere Wohnform: from areas and costs to each resident's KdU split (RULES M15, M7).

LRV B.4.14 Abs. 2–7, B.4.7 Abs. 3, 7. :func:`wohnform_split` takes a :class:`~eghnrw.kommission.models.House`
and goes through the chain, each step its own traced function:

1. each annual cost block is split by area (:func:`~eghnrw.unterkunft.wohnform.area_split`) or, by its
   :class:`~eghnrw.core.enums.CostKind`, given wholly to one side: the Fachleistung gets the
   **Investitionsbetrag** (its part of rent or capital costs, plus Ausstattung, Abs. 4) and the
   **Betriebsnebenkosten der Fachleistungsfläche** (its part of the Betriebskosten) — the
   ``investment`` and ``operating_costs`` of :func:`eghnrw.organisationsmodul_rate` (B.4.7 Abs. 3);
   the Unterkunft gets the Warmmiete part and the besondere Nebenkosten (Abs. 7);
2. **annual to monthly**, the one rounding of the chain: the house's annual Warmmiete part and its
   besondere Nebenkosten are each divided by 12 and rounded to the cent (half up) — a Warmmiete is
   agreed and paid monthly in whole cents; ``annual_rounding_difference`` shows what 12 months
   charge more (or less) than the annual costs;
3. each monthly amount is split among the residents (:func:`~eghnrw.unterkunft.wohnform.resident_shares`,
   to the cent), so the residents' amounts add up to the house's exactly;
4. each resident's "tatsächliche Aufwendungen" (Abs. 7) — the Warmmiete of the resident's WBVG
   contract where it is given (``warmmiete_charged``), else the cost share, plus the besondere
   Nebenkosten — go through :func:`eghnrw.kdu_check` against the Angemessenheitsgrenze
   (``House.kdu_basis="costs"``: the cost share for everyone); a vacant room's share stays with
   the provider (``vacancy``);
5. where the WBVG contract's Warmmiete is known, :func:`~eghnrw.unterkunft.wohnform.warmmiete_check`
   compares it with the costs (Abs. 7, last sentence), per resident and for the house.

The monthly totals — SGB XII + Eingliederungshilfe + carried by neither + vacancy — add up to the
house's monthly Unterkunft costs plus what the WBVG contracts charge above them
(``charged_above_costs_monthly``), to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import Annotated, Any, TypedDict

from eghnrw.core._check import validated
from eghnrw.core._rule import rule
from eghnrw.core._types import Row
from eghnrw.core.enums import CostKind, SharedRoomsKey
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, round_result
from eghnrw.core.trace import Label, Result, Step, format_value
from eghnrw.kommission.models.house import House, HouseCost, Resident
from eghnrw.unterkunft.kdu import KduResult, kdu_check
from eghnrw.unterkunft.wohnform.areas import AreaSplitResult, area_split
from eghnrw.unterkunft.wohnform.rent_check import WarmmieteCheckResult, warmmiete_check
from eghnrw.unterkunft.wohnform.residents import resident_shares

__all__ = ["WohnformSplitResult", "wohnform_split"]

_ABS4 = "LRV B.4.14 Abs. 4"
_ABS6 = "LRV B.4.14 Abs. 6"
_ABS7 = "LRV B.4.14 Abs. 7"
_CHECK = "LRV B.4.14 Abs. 7 letzter Satz"
_ZERO = Decimal("0.00")
_MONTHS = 12
_BY_AREA = frozenset({CostKind.KAPITALKOSTEN, CostKind.BETRIEBSKOSTEN})


class RateInputs(TypedDict):
    """The Fachleistung part as keywords of a rate (``**split.rate_inputs()``; typed, so mypy checks the call)."""

    investment: Decimal
    operating_costs: Decimal


class CostSplit(Row):
    """One annual cost block of the house and its two parts (they add up to ``annual_amount``)."""

    name: str
    kind: CostKind
    annual_amount: Decimal
    fachleistung: Decimal
    unterkunft: Decimal
    clause: str


class ResidentHousing(Row):
    """One resident's monthly housing costs and their KdU split (all amounts monthly).

    ``warmmiete`` is the Warmmiete the KdU check is made on: the WBVG contract's where it is given
    (with ``House.kdu_basis="charged"``, the default), else ``warmmiete_cost_share``, the resident's
    share of the provider's costs. ``actual_costs`` = ``warmmiete`` + ``besondere_nebenkosten`` =
    ``sgb_xii_share`` + ``eingliederungshilfe_share`` + ``uncovered_share`` + ``vacancy``. ``kdu``
    is the full traced :func:`~eghnrw.kdu_check` (``None`` for a vacant room, whose costs are
    ``vacancy``).
    """

    id: str
    room_m2: Decimal
    #: The personal room plus the resident's share of the shared rooms (the split key).
    area: Decimal
    vacant: bool
    warmmiete: Decimal
    warmmiete_cost_share: Decimal
    besondere_nebenkosten: Decimal
    actual_costs: Decimal
    exceeds_threshold: bool
    sgb_xii_share: Decimal
    eingliederungshilfe_share: Decimal
    uncovered_share: Decimal
    vacancy: Decimal
    kdu: KduResult | None
    warmmiete_check: WarmmieteCheckResult | None


class WohnformSplitResult(Result):
    """A house split into Fachleistung (annual) and each resident's Unterkunft with its KdU split (monthly).

    ``investment`` and ``operating_costs`` are the Fachleistung's annual Investitionsbetrag and
    Betriebsnebenkosten: ``rate_inputs()`` gives them as keywords for
    :func:`eghnrw.organisationsmodul_rate` (or a Kalkulation). The monthly totals
    ``sgb_xii_monthly + eingliederungshilfe_monthly + uncovered_monthly + vacancy_monthly`` equal
    ``unterkunft_monthly + charged_above_costs_monthly``, to the cent.
    """

    title = (
        "Besondere Wohnform: Fachleistung und Unterkunft",
        "Besondere Wohnform: Fachleistung and Unterkunft",
    )

    house: Annotated[str, Label("Haus", "House")]
    fachleistung: Annotated[Decimal, Label("Fachleistung je Jahr", "Fachleistung per year")]
    investment: Annotated[Decimal, Label("davon Investitionsbetrag", "of which investment amount")]
    operating_costs: Annotated[Decimal, Label("davon Betriebsnebenkosten", "of which operating costs")]
    unterkunft: Annotated[Decimal, Label("Unterkunft je Jahr", "Unterkunft per year")]
    warmmiete: Decimal
    besondere_nebenkosten: Decimal
    warmmiete_monthly: Decimal
    besondere_nebenkosten_monthly: Decimal
    unterkunft_monthly: Annotated[Decimal, Label("Unterkunft je Monat", "Unterkunft per month")]
    annual_rounding_difference: Annotated[
        Decimal,
        Label(
            "12 Monate − Jahreskosten Unterkunft (Rundung)",
            "12 months − annual Unterkunft costs (rounding)",
            after="charged_above_costs_monthly",
        ),
    ]
    sgb_xii_monthly: Annotated[Decimal, Label("davon SGB XII je Monat", "of which SGB XII per month")]
    eingliederungshilfe_monthly: Annotated[
        Decimal,
        Label(
            "davon Eingliederungshilfe (über 125 %) je Monat", "of which Eingliederungshilfe (above 125 %) per month"
        ),
    ]
    uncovered_monthly: Annotated[
        Decimal, Label("davon von keinem Träger getragen je Monat", "of which carried by neither per month")
    ]
    vacancy_monthly: Annotated[Decimal, Label("davon Leerstand je Monat", "of which vacancy per month")]
    #: What the WBVG contracts charge above the cost shares, monthly, for the residents whose KdU
    #: check is made on the charged Warmmiete (negative: below; zero with ``kdu_basis="costs"``).
    charged_above_costs_monthly: Annotated[
        Decimal,
        Label(
            "Warmmiete laut WBVG-Verträgen über den Kosten je Monat (KdU-Grundlage)",
            "Warmmiete charged above the costs per month (KdU basis)",
        ),
    ]
    #: The basis of the residents' KdU checks: ``"charged"`` or ``"costs"`` (``House.kdu_basis``).
    kdu_basis: str
    areas: AreaSplitResult
    costs: tuple[CostSplit, ...]
    residents: tuple[ResidentHousing, ...]
    #: The house's Warmmiete charged against its costs, monthly, over the residents whose
    #: Warmmiete is given (``None`` if none is).
    warmmiete_check: WarmmieteCheckResult | None

    def rate_inputs(self) -> RateInputs:
        """The Fachleistung part as keywords of :func:`eghnrw.organisationsmodul_rate` (or a Kalkulation).

        ``{"investment": ..., "operating_costs": ...}``: the annual Investitionsbetrag before
        public subsidies (credit them there, B.4.7 Abs. 8) and the Betriebsnebenkosten.
        """
        return RateInputs(investment=self.investment, operating_costs=self.operating_costs)

    def to_pandas(self, *, arrow: bool = False) -> Any:
        """One row per resident: room, key area, monthly costs and their KdU split.

        The traced ``kdu`` and ``warmmiete_check`` results are left out (the audit record has them).

        Raises:
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame_of  # noqa: PLC0415 - pandas only for who asks

        return frame_of(self.residents, ResidentHousing, arrow=arrow, leave_out=("kdu", "warmmiete_check"))


def _as_house(value: object) -> House:
    if isinstance(value, House):
        return value
    if isinstance(value, Mapping):
        return validated(House.model_validate, dict(value), "house")
    raise InvalidInputError("house", value, "pass a House (or a mapping with its fields, e.g. from JSON)")


def _split_cost(cost: HouseCost, areas: dict[str, Any]) -> tuple[CostSplit, list[Step]]:
    """One cost block: by area (rent/capital costs, Betriebskosten) or wholly to one side, by its kind."""
    amount = cost.annual_amount
    if cost.kind in _BY_AREA:
        split = area_split(annual_costs=amount, **areas)
        fach, unterkunft, clause = split.fachleistung, split.unterkunft, _ABS6
    elif cost.kind is CostKind.AUSSTATTUNG:
        fach, unterkunft, clause = amount, _ZERO, _ABS4
    else:
        fach, unterkunft, clause = _ZERO, amount, _ABS7
    line = CostSplit(
        name=cost.name, kind=cost.kind, annual_amount=amount, fachleistung=fach, unterkunft=unterkunft, clause=clause
    )
    steps = [
        Step(
            clause,
            f"{cost.name} ({cost.kind.value}): Jahreskosten",
            f"{cost.name} ({cost.kind.value}): annual cost",
            amount,
        ),
        Step(clause, f"{cost.name}: Anteil Fachleistung", f"{cost.name}: Fachleistung part", fach),
        Step(clause, f"{cost.name}: Anteil Unterkunft", f"{cost.name}: Unterkunft part", unterkunft),
    ]
    return line, steps


def _resident(
    resident: Resident, house: House, area: Decimal, warmmiete: Decimal, nebenkosten: Decimal
) -> ResidentHousing:
    charged = resident.warmmiete_charged
    basis = charged if charged is not None and house.kdu_basis == "charged" else warmmiete
    with localcontext(CONTEXT):
        actual = basis + nebenkosten
    kdu: KduResult | None = None
    check: WarmmieteCheckResult | None = None
    if not resident.vacant:  # a vacant room's costs stay with the provider (vacancy): no KdU split
        met = house.preconditions_met if resident.preconditions_met is None else resident.preconditions_met
        kdu = kdu_check(
            actual_costs=actual,
            adequacy_limit=house.adequacy_limit,
            itemised=house.itemised if resident.itemised is None else resident.itemised,
            preconditions_met=met,
        )
        if charged is not None:
            check = warmmiete_check(warmmiete_charged=charged, unterkunft_costs=warmmiete)
    return ResidentHousing(
        id=resident.id,
        room_m2=resident.room_m2,
        area=area,
        vacant=resident.vacant,
        warmmiete=basis,
        warmmiete_cost_share=warmmiete,
        besondere_nebenkosten=nebenkosten,
        actual_costs=actual,
        exceeds_threshold=kdu is not None and kdu.exceeds_threshold,
        sgb_xii_share=_ZERO if kdu is None else kdu.sgb_xii_share,
        eingliederungshilfe_share=_ZERO if kdu is None else kdu.eingliederungshilfe_share,
        uncovered_share=_ZERO if kdu is None else kdu.uncovered_share,
        vacancy=actual if kdu is None else _ZERO,
        kdu=kdu,
        warmmiete_check=check,
    )


def _resident_steps(line: ResidentHousing, *, basis: str) -> list[Step]:
    who = line.id
    shown = (format_value(line.warmmiete), format_value(line.besondere_nebenkosten))
    shown_en = (format_value(line.warmmiete, "en"), format_value(line.besondere_nebenkosten, "en"))
    by_contract = line.warmmiete_check is not None and basis == "charged"
    rent = ("Warmmiete laut WBVG-Vertrag", "Warmmiete charged (WBVG)") if by_contract else ("Warmmiete", "Warmmiete")
    steps = [
        Step(
            _ABS7,
            f"{who}: {rent[0]} {shown[0]} + besondere Nebenkosten {shown[1]} je Monat",
            f"{who}: {rent[1]} {shown_en[0]} + special costs {shown_en[1]} per month",
            line.actual_costs,
        )
    ]
    if line.vacant:
        steps.append(
            Step(
                _ABS7, f"{who}: Leerstand, trägt der Leistungserbringer", f"{who}: vacant, the provider's", line.vacancy
            )
        )
        return steps
    steps += [
        Step(_ABS7, f"{who}: Anteil SGB XII", f"{who}: SGB XII share", line.sgb_xii_share),
        Step(
            "§ 113 Abs. 5 SGB IX",
            f"{who}: Anteil Eingliederungshilfe (über 125 %)",
            f"{who}: Eingliederungshilfe share (above 125 %)",
            line.eingliederungshilfe_share,
        ),
    ]
    if line.uncovered_share:
        steps.append(
            Step(_ABS7, f"{who}: von keinem Träger getragen", f"{who}: carried by neither", line.uncovered_share)
        )
    if line.warmmiete_check is not None:
        steps.append(
            Step(
                _CHECK,
                f"{who}: Warmmiete laut Vertrag {format_value(line.warmmiete_check.warmmiete_charged)} − Kosten",
                f"{who}: Warmmiete charged {format_value(line.warmmiete_check.warmmiete_charged, 'en')} − costs",
                line.warmmiete_check.difference,
            )
        )
    return steps


@rule(
    ids=("M15", "M7"),
    clauses=("LRV B.4.14 Abs. 2", "LRV B.4.14 Abs. 7", "LRV B.4.7 Abs. 3"),
    rounding="parts and shares: to the cent, adding up",
)
def wohnform_split(house: House | Mapping[str, Any]) -> WohnformSplitResult:
    """Split a besondere Wohnform into Fachleistung and Unterkunft, through to each resident's KdU check.

    LRV B.4.14 Abs. 2–7; B.4.7 Abs. 3, 7. ``house``: a :class:`~eghnrw.kommission.models.House` or a mapping
    of its fields (e.g. parsed JSON). Annual figures for the house's costs and the Fachleistung;
    monthly figures for the residents (rounded once, see the module). ``rate_inputs()`` of the
    result feeds :func:`eghnrw.organisationsmodul_rate`.

    >>> s = wohnform_split({"name": "Haus", "fachleistung_m2": "60", "gemeinschaft_m2": "40",
    ...     "costs": [{"name": "Miete", "kind": "kapitalkosten", "annual_amount": "24000"}],
    ...     "residents": [{"id": "A", "room_m2": "20"}, {"id": "B", "room_m2": "20"}],
    ...     "adequacy_limit": "500"})
    >>> s.investment, s.unterkunft, s.unterkunft_monthly    # 24,000 × 60 ÷ 140; the rest ÷ 12
    (Decimal('10285.71'), Decimal('13714.29'), Decimal('1142.86'))
    >>> [(r.actual_costs, r.sgb_xii_share, r.eingliederungshilfe_share) for r in s.residents]
    [(Decimal('571.43'), Decimal('571.43'), Decimal('0.00')), (Decimal('571.43'), Decimal('571.43'), Decimal('0.00'))]

    Raises:
        InvalidInputError: ``house`` not a House nor a mapping that validates as one (the message
            names the field, e.g. ``house.residents[2].room_m2``).
    """
    checked = _as_house(house)
    areas: dict[str, Any] = {
        "fachleistung_m2": checked.fachleistung_m2,
        "wohnen_m2": checked.wohnen_m2,
        "gemeinschaft_m2": checked.gemeinschaft_m2,
        "misch_m2": checked.misch_m2,
        "misch_fachleistung_percent": checked.misch_fachleistung_percent,
        "misch_fachleistung_m2": checked.misch_fachleistung_m2,
    }
    area_result = area_split(annual_costs=0, **areas)
    lines: list[CostSplit] = []
    steps: list[Step] = [
        Step(_ABS6, "Fläche Fachleistung (m²)", "Fachleistung area (m²)", area_result.fachleistung_area),
        Step(_ABS6, "Fläche Unterkunft (m²)", "Unterkunft area (m²)", area_result.unterkunft_area),
    ]
    for cost in checked.costs:
        line, cost_steps = _split_cost(cost, areas)
        lines.append(line)
        steps += cost_steps
    with localcontext(CONTEXT):
        zero = Decimal("0.00")
        investment = sum((c.fachleistung for c in lines if c.kind is not CostKind.BETRIEBSKOSTEN), zero)
        operating = sum((c.fachleistung for c in lines if c.kind is CostKind.BETRIEBSKOSTEN), zero)
        warmmiete = sum((c.unterkunft for c in lines if c.kind in _BY_AREA), zero)
        nebenkosten = sum((c.unterkunft for c in lines if c.kind is CostKind.BESONDERE_NEBENKOSTEN), zero)
        fachleistung = investment + operating
        unterkunft = warmmiete + nebenkosten
        warmmiete_monthly = round_result(warmmiete / _MONTHS, "house.costs (Warmmiete part) ÷ 12")
        nebenkosten_monthly = round_result(nebenkosten / _MONTHS, "house.costs (besondere Nebenkosten) ÷ 12")
        unterkunft_monthly = warmmiete_monthly + nebenkosten_monthly
        rounding = unterkunft_monthly * _MONTHS - unterkunft
    rooms = {r.id: r.room_m2 for r in checked.residents}
    rent_shares = resident_shares(
        amount=warmmiete_monthly,
        rooms=rooms,
        gemeinschaft_m2=checked.gemeinschaft_m2,
        shared_rooms=checked.shared_rooms,
    )
    extra_shares = resident_shares(
        amount=nebenkosten_monthly,
        rooms=rooms,
        gemeinschaft_m2=checked.gemeinschaft_m2,
        shared_rooms=checked.shared_rooms,
    )
    residents = tuple(
        _resident(resident, checked, rent.area, rent.share, extra.share)
        for resident, rent, extra in zip(checked.residents, rent_shares.shares, extra_shares.shares, strict=True)
    )
    with localcontext(CONTEXT):
        sgb_xii = sum((r.sgb_xii_share for r in residents), zero)
        eingliederungshilfe = sum((r.eingliederungshilfe_share for r in residents), zero)
        uncovered = sum((r.uncovered_share for r in residents), zero)
        vacancy = sum((r.vacancy for r in residents), zero)
        charged = [r for r in residents if r.warmmiete_check is not None]
        charged_total = sum((r.warmmiete_check.warmmiete_charged for r in charged if r.warmmiete_check), zero)
        costs_total = sum((r.warmmiete_cost_share for r in charged), zero)
        above_costs = sum((r.warmmiete - r.warmmiete_cost_share for r in residents), zero)
    house_check = warmmiete_check(warmmiete_charged=charged_total, unterkunft_costs=costs_total) if charged else None
    per_head = checked.shared_rooms is SharedRoomsKey.PER_HEAD
    steps += [
        Step(
            "LRV B.4.7 Abs. 3",
            "Investitionsbetrag der Fachleistung (Miete/Kapitalkosten und Ausstattung)",
            "investment amount of the Fachleistung (rent/capital costs and furnishing)",
            investment,
        ),
        Step(
            "LRV B.4.7 Abs. 3",
            "Betriebsnebenkosten der Fachleistungsfläche",
            "operating costs of the Fachleistung area",
            operating,
        ),
        Step(_ABS6, "Fachleistung je Jahr", "Fachleistung per year", fachleistung),
        Step(
            _ABS7,
            "Warmmiete (Flächenanteil Unterkunft) je Jahr",
            "Warmmiete (Unterkunft area share) per year",
            warmmiete,
        ),
        Step(_ABS7, "besondere Nebenkosten je Jahr", "special costs (besondere Nebenkosten) per year", nebenkosten),
        Step(
            _ABS7,
            "Warmmiete je Monat = je Jahr ÷ 12, auf den Cent (kaufmännisch)",
            "Warmmiete per month = per year ÷ 12, to the cent (half up)",
            warmmiete_monthly,
        ),
        Step(
            _ABS7,
            "besondere Nebenkosten je Monat = je Jahr ÷ 12, auf den Cent",
            "special costs per month = per year ÷ 12, to the cent",
            nebenkosten_monthly,
        ),
        Step(_ABS7, "Unterkunft je Monat", "Unterkunft per month", unterkunft_monthly),
        Step(
            _ABS7,
            "12 Monate − Jahreskosten (Rundungsdifferenz)",
            "12 months − annual costs (rounding difference)",
            rounding,
        ),
        Step(
            _ABS7,
            "Gemeinschaftsflächen zu gleichen Teilen je Zimmer"
            if per_head
            else "Gemeinschaftsflächen nach Zimmergröße",
            "shared rooms in equal parts per room" if per_head else "shared rooms in proportion to the rooms",
            checked.gemeinschaft_m2,
        ),
        Step(_ABS7, "Angemessenheitsgrenze je Monat", "adequacy limit per month", checked.adequacy_limit),
        Step(
            _ABS7 if checked.kdu_basis == "charged" else _CHECK,
            "KdU-Prüfung an den tatsächlichen Aufwendungen: Warmmiete laut WBVG-Vertrag, wo angegeben"
            if checked.kdu_basis == "charged"
            else "KdU-Prüfung an der Warmmiete als Ergebnis der Kosten (kdu_basis='costs')",
            "KdU check on the actual expenses: the Warmmiete of the WBVG contract where given"
            if checked.kdu_basis == "charged"
            else "KdU check on the Warmmiete as the result of the costs (kdu_basis='costs')",
            checked.kdu_basis,
        ),
    ]
    for housing in residents:
        steps += _resident_steps(housing, basis=checked.kdu_basis)
    steps += [
        Step(_ABS7, "Summe SGB XII je Monat", "total SGB XII per month", sgb_xii),
        Step(
            "§ 113 Abs. 5 SGB IX",
            "Summe Eingliederungshilfe je Monat",
            "total Eingliederungshilfe per month",
            eingliederungshilfe,
        ),
        Step(_ABS7, "Summe von keinem Träger getragen je Monat", "total carried by neither per month", uncovered),
        Step(_ABS7, "Summe Leerstand je Monat", "total vacancy per month", vacancy),
        Step(
            _ABS7,
            "Warmmiete laut WBVG-Verträgen über den Kosten je Monat (KdU-Grundlage)",
            "Warmmiete charged above the costs per month (KdU basis)",
            above_costs,
        ),
    ]
    if house_check is not None:
        steps.append(
            Step(
                _CHECK,
                "Warmmiete laut Verträgen − Kosten, je Monat (Bewohner mit Angabe)",
                "Warmmiete charged − costs, per month (residents where given)",
                house_check.difference,
            )
        )
    return WohnformSplitResult.build(
        house=checked.name,
        fachleistung=fachleistung,
        investment=investment,
        operating_costs=operating,
        unterkunft=unterkunft,
        warmmiete=warmmiete,
        besondere_nebenkosten=nebenkosten,
        warmmiete_monthly=warmmiete_monthly,
        besondere_nebenkosten_monthly=nebenkosten_monthly,
        unterkunft_monthly=unterkunft_monthly,
        annual_rounding_difference=rounding,
        sgb_xii_monthly=sgb_xii,
        eingliederungshilfe_monthly=eingliederungshilfe,
        uncovered_monthly=uncovered,
        vacancy_monthly=vacancy,
        charged_above_costs_monthly=above_costs,
        kdu_basis=checked.kdu_basis,
        areas=area_result,
        costs=tuple(lines),
        residents=residents,
        warmmiete_check=house_check,
        inputs={"house": checked.model_dump()},
        steps=tuple(steps),
    )
