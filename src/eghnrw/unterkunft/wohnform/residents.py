"""The Unterkunft part of a besondere Wohnform split among its residents (RULES M15).

LRV B.4.14 Abs. 7: a resident's Kosten der Unterkunft are those "für Wohnraum und anteilige
Gemeinschaftsflächen". Each resident's key is the area of their personal room plus their share of
the rooms for shared use (Gemeinschaftsflächen):

- ``per_head`` (default): the shared rooms in equal parts per personal room (Kopfteil) — the
  weight of room *i* is ``n × room_i + G`` (n rooms, G shared area), i.e. ``room_i + G ÷ n``;
- ``by_area``: the shared rooms in proportion to the personal rooms — the weight is ``room_i``.

The amount (annual or monthly: the function does not care, the shares are in the same unit) is
allocated to the cent with :func:`eghnrw.core.money.allocate` (largest remainder, ties to the earlier
resident), so the shares add up to it exactly. See docs/decisions.md for the choice of default.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import Annotated, Any

from eghnrw.core._check import check_cents, check_non_negative, enum_value
from eghnrw.core._rule import rule
from eghnrw.core._types import Row
from eghnrw.core.enums import SharedRoomsKey
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, allocate, parse_amount
from eghnrw.core.trace import Label, Result, Step, format_value
from eghnrw.unterkunft.wohnform._numbers import plain

__all__ = ["ResidentSharesResult", "resident_shares"]

_CLAUSE = "LRV B.4.14 Abs. 7"


class ResidentShare(Row):
    """One resident's share: their room, their key area (room plus shared-room share), the amount."""

    resident: str
    room_m2: Decimal
    #: Personal room plus the share of the shared rooms (exact; may have many decimal places).
    area: Decimal
    share: Decimal


class ResidentSharesResult(Result):
    """An amount split among residents: the ``shares`` add up to ``amount`` exactly."""

    title = ("Aufteilung auf die Bewohner", "Split among the residents")

    amount: Annotated[Decimal, Label("Betrag", "Amount")]
    shared_rooms: Annotated[SharedRoomsKey, Label("Gemeinschaftsflächen verteilt", "Shared rooms split")]
    shares: tuple[ResidentShare, ...]

    @property
    def by_resident(self) -> dict[str, Decimal]:
        """Each resident's share, by resident."""
        return {item.resident: item.share for item in self.shares}

    def to_pandas(self, *, arrow: bool = False) -> Any:
        """One row per resident: ``resident``, ``room_m2``, ``area``, ``share`` (the shares sum to ``amount``).

        Raises:
            OptionalDependencyError: pandas (or pyarrow) is not installed (an ``ImportError``).
        """
        from eghnrw.doors.frames import frame_of  # noqa: PLC0415 - pandas only for who asks

        return frame_of(self.shares, ResidentShare, arrow=arrow)


def _weights(
    rooms: Mapping[str, Decimal], gemeinschaft_m2: Decimal, shared_rooms: SharedRoomsKey
) -> tuple[list[Decimal], list[Decimal]]:
    """The allocation weights (exact, finite) and the key areas (room + shared share) of checked rooms."""
    count = len(rooms)
    with localcontext(CONTEXT):
        if shared_rooms is SharedRoomsKey.PER_HEAD:
            weights = [count * room + gemeinschaft_m2 for room in rooms.values()]
            areas = [plain(room + gemeinschaft_m2 / count) for room in rooms.values()]
        else:
            living = sum(rooms.values(), Decimal(0))
            weights = list(rooms.values())
            areas = [plain(room + gemeinschaft_m2 * room / living) for room in rooms.values()]
    return weights, areas


def _check_rooms(rooms: object, argument: str = "rooms") -> dict[str, Decimal]:
    """Residents and their room areas: a non-empty mapping of name to an area above zero."""
    if not isinstance(rooms, Mapping) or not rooms:
        raise InvalidInputError(argument, rooms, 'pass a mapping of resident to room area in m², e.g. {"A": "16.5"}')
    checked: dict[str, Decimal] = {}
    for name, area in rooms.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidInputError(argument, name, "name each resident with a non-empty text")
        room = parse_amount(area, f"{argument}[{name!r}]")
        if room <= 0:
            raise InvalidInputError(f"{argument}[{name!r}]", area, "pass the area of the resident's room, above zero")
        checked[name] = room
    return checked


@rule(ids=("M15",), clauses=("LRV B.4.14 Abs. 7",), rounding="shares: allocated to the cent")
def resident_shares(
    *,
    amount: Amount,
    rooms: Mapping[str, Amount],
    gemeinschaft_m2: Amount = 0,
    shared_rooms: SharedRoomsKey | str = SharedRoomsKey.PER_HEAD,
) -> ResidentSharesResult:
    """Split an Unterkunft amount among the residents by room area plus shared rooms (LRV B.4.14 Abs. 7).

    ``amount``: whole cents (e.g. a month's Warmmiete of the house); ``rooms``: each resident's
    personal room in m²; ``gemeinschaft_m2``: the rooms for shared use; ``shared_rooms``:
    ``"per_head"`` (equal parts, default) or ``"by_area"`` (in proportion to the rooms).

    >>> r = resident_shares(amount="1000.00", rooms={"A": "10", "B": "20", "C": "30"}, gemeinschaft_m2="30")
    >>> r.by_resident     # keys 10 + 10, 20 + 10, 30 + 10 of 90 m²: 1,000 × 20/90 = 222.22…
    {'A': Decimal('222.22'), 'B': Decimal('333.33'), 'C': Decimal('444.45')}
    >>> resident_shares(amount="1000.00", rooms={"A": "10", "B": "20", "C": "30"}, gemeinschaft_m2="30",
    ...                 shared_rooms="by_area").by_resident   # 10 : 20 : 30
    {'A': Decimal('166.67'), 'B': Decimal('333.33'), 'C': Decimal('500.00')}

    Raises:
        InvalidInputError: ``amount`` negative or not in whole cents; ``rooms`` empty, not a
            mapping, a name empty or a room area not above zero (a resident with no room);
            ``gemeinschaft_m2`` negative; ``shared_rooms`` not one of the two keys.
    """
    total = check_cents(amount, "amount")
    checked = _check_rooms(rooms)
    shared = check_non_negative(gemeinschaft_m2, "gemeinschaft_m2")
    key = enum_value(SharedRoomsKey, shared_rooms, "shared_rooms")
    weights, areas = _weights(checked, shared, key)
    shares = allocate(total, weights)
    items = tuple(
        ResidentShare(resident=name, room_m2=room, area=area, share=share)
        for (name, room), area, share in zip(checked.items(), areas, shares, strict=True)
    )
    per_head = key is SharedRoomsKey.PER_HEAD
    steps = [
        Step(_CLAUSE, "Betrag", "amount", total),
        Step(_CLAUSE, "Gemeinschaftsflächen", "rooms for shared use", shared),
        Step(
            _CLAUSE,
            "Gemeinschaftsflächen zu gleichen Teilen je Zimmer"
            if per_head
            else "Gemeinschaftsflächen nach Zimmergröße",
            "shared rooms in equal parts per room" if per_head else "shared rooms in proportion to the rooms",
            len(checked),
        ),
    ]
    for item in items:
        steps += [
            Step(
                _CLAUSE,
                f"{item.resident}: Zimmer {format_value(item.room_m2)} m² + Anteil Gemeinschaftsfläche",
                f"{item.resident}: room {format_value(item.room_m2, 'en')} m² + share of the shared rooms",
                item.area,
            ),
            Step(
                _CLAUSE,
                f"{item.resident}: Anteil (größter Rest, auf den Cent)",
                f"{item.resident}: share (largest remainder, to the cent)",
                item.share,
            ),
        ]
    return ResidentSharesResult.build(
        amount=total,
        shared_rooms=key,
        shares=items,
        inputs={"amount": total, "rooms": checked, "gemeinschaft_m2": shared, "shared_rooms": key.value},
        steps=tuple(steps),
    )
