"""A besondere Wohnform as data: its areas, its costs and its residents (RULES M15; LRV B.4.14).

:class:`House` holds what :func:`eghnrw.wohnform_split` needs to go from areas and costs to each
resident's KdU split and the Fachleistung's Investitionsbetrag:

- the areas (Abs. 2–5): the agreed Fachleistungsflächen, the rooms for shared use, the Mischflächen
  and the reading of their share; the personal rooms are the residents' rooms;
- the annual costs (:class:`HouseCost`), each of a :class:`~eghnrw.core.enums.CostKind` that says how
  it is split (by area, or wholly to one side);
- the residents (:class:`Resident`), one per personal room, with the room's area; a room not let
  is listed with ``vacant: true`` (it keeps its share of the areas and of the costs);
- the Angemessenheitsgrenze (monthly; set locally, so an input) and the KdU readings.

Amounts are strings in plain decimal syntax in JSON (``"49500.00"``), never JSON fractions.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictBool, ValidationInfo, model_validator

from eghnrw.core._types import Area, Cents, FrozenModel, Percent, PositiveAmount, Text, enum_value
from eghnrw.core.enums import CostKind, SharedRoomsKey
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT

__all__ = ["House"]

#: What the KdU check of a resident is made on (LRV B.4.14 Abs. 7; see docs/decisions.md):
#: ``"charged"`` the Warmmiete of the resident's WBVG contract where it is known, else the cost
#: share; ``"costs"`` the Warmmiete as the provider's costs split by area (Abs. 7 last sentence).
KduBasis = Literal["charged", "costs"]


def _member(kind: type[StrEnum]) -> BeforeValidator:
    """Only a member or its string reaches the enum (pydantic would repr any other value, however deep)."""

    def check(value: object, info: ValidationInfo) -> object:
        return enum_value(kind, value, info.field_name or "value")

    return BeforeValidator(check)


class HouseCost(FrozenModel):
    """One block of a house's annual costs, in whole cents, and how it is split (:class:`CostKind`).

    >>> HouseCost(name="Miete", kind="kapitalkosten", annual_amount="49500.00").kind
    <CostKind.KAPITALKOSTEN: 'kapitalkosten'>
    """

    name: Text
    kind: Annotated[CostKind, _member(CostKind)]
    annual_amount: Cents


class Resident(FrozenModel):
    """A personal room of the house and the person living in it (``vacant``: nobody; not let).

    ``room_m2``: the area of the personal room (LRV B.4.14 Abs. 3), above zero.
    ``warmmiete_charged``: the monthly Warmmiete of the WBVG contract, if known: the "tatsächlichen
    Aufwendungen" of Abs. 7 that the KdU check is made on (see :class:`House` ``kdu_basis``), and
    compared with the costs (Abs. 7, last sentence). ``itemised`` and ``preconditions_met`` override the house's KdU
    readings for this resident (see :func:`eghnrw.kdu_check`).
    """

    id: Text
    room_m2: PositiveAmount
    vacant: StrictBool = False
    warmmiete_charged: Cents | None = None
    itemised: StrictBool | None = None
    preconditions_met: StrictBool | None = None

    @model_validator(mode="after")
    def _let_if_charged(self) -> Resident:
        if self.vacant and self.warmmiete_charged is not None:
            raise InvalidInputError(
                "warmmiete_charged", self.warmmiete_charged, "a vacant room charges no Warmmiete: leave it out"
            )
        return self


class House(FrozenModel):
    """A besondere Wohnform: areas, annual costs and residents (LRV B.4.14 Abs. 2–7).

    Areas in m²: ``fachleistung_m2`` the agreed Fachleistungsflächen (Abs. 2), ``gemeinschaft_m2``
    the rooms for shared use (Abs. 3), ``misch_m2`` the Mischflächen (Abs. 2), shared pro rata
    unless ``misch_fachleistung_percent`` (a fixed share) or ``misch_fachleistung_m2`` (the area
    agreed with the Flächentool, Anlage B.3) is given. The personal rooms are the residents'.
    ``shared_rooms``: how the shared rooms are split among the residents. ``adequacy_limit``: the
    monthly Angemessenheitsgrenze (§ 42a Abs. 5 SGB XII, set locally). ``itemised`` and
    ``preconditions_met``: the KdU readings for every resident (each may override them).
    ``kdu_basis``: the KdU check is made on the Warmmiete a resident's WBVG contract charges, where
    given (``"charged"``, default: the actual expenses of Abs. 7), or on the cost share
    (``"costs"``, the Träger's check of Abs. 7 last sentence).
    """

    name: Text
    fachleistung_m2: Area
    gemeinschaft_m2: Area = Decimal(0)
    misch_m2: Area = Decimal(0)
    misch_fachleistung_percent: Percent | None = None
    misch_fachleistung_m2: Area | None = None
    shared_rooms: Annotated[SharedRoomsKey, _member(SharedRoomsKey)] = SharedRoomsKey.PER_HEAD
    costs: Annotated[tuple[HouseCost, ...], Field(min_length=1)]
    residents: Annotated[tuple[Resident, ...], Field(min_length=1)]
    adequacy_limit: PositiveAmount
    itemised: StrictBool = True
    preconditions_met: StrictBool = True
    kdu_basis: KduBasis = "charged"
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> House:
        if self.misch_fachleistung_percent is not None and self.misch_fachleistung_m2 is not None:
            raise InvalidInputError(
                "misch_fachleistung_m2",
                self.misch_fachleistung_m2,
                "give either misch_fachleistung_percent or misch_fachleistung_m2, not both",
            )
        if self.misch_fachleistung_percent is not None and self.misch_fachleistung_percent > 100:
            raise InvalidInputError(
                "misch_fachleistung_percent", self.misch_fachleistung_percent, "pass a percentage from 0 up to 100"
            )
        if self.misch_fachleistung_m2 is not None and self.misch_fachleistung_m2 > self.misch_m2:
            raise InvalidInputError(
                "misch_fachleistung_m2",
                self.misch_fachleistung_m2,
                f"give at most the Mischflächen (misch_m2 = {self.misch_m2})",
            )
        seen: set[str] = set()
        for index, resident in enumerate(self.residents):
            if resident.id in seen:
                raise InvalidInputError(f"residents[{index}].id", resident.id, "give each resident a different id")
            seen.add(resident.id)
        return self

    @property
    def wohnen_m2(self) -> Decimal:
        """The personal rooms: the sum of the residents' rooms (vacant ones included)."""
        with localcontext(CONTEXT):
            return sum((r.room_m2 for r in self.residents), Decimal(0))
