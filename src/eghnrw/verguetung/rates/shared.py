"""Gemeinsame Inanspruchnahme: hours delivered to several persons together (RULES M6).

§ 116 Abs. 2 SGB IX; LRV A.4.5 Abs. 1 (Basispauschale for shared use), B.4.2 Abs. 3, B.4.4 Abs. 3,
B.4.5 Abs. 3 (Assistenz "an mehrere Leistungsberechtigte gemeinsam"). The cost of the hours is
rounded once to the cent and then split per person with :func:`eghnrw.core.money.allocate`, so the
shares add up to the cent: equally, or by weights (e.g. minutes each person took part).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from typing import Annotated

from eghnrw.core._check import check_non_negative
from eghnrw.core._rule import rule
from eghnrw.core.errors import InvalidInputError
from eghnrw.core.money import CONTEXT, Amount, allocate, parse_amount, round_result
from eghnrw.core.trace import Label, Result, Step

__all__ = ["SharedDeliveryResult", "shared_delivery"]


class SharedDeliveryResult(Result):
    """The cost of jointly delivered hours and each person's share (shares sum to ``amount``)."""

    title = ("Gemeinsame Inanspruchnahme", "Shared delivery")

    amount: Annotated[Decimal, Label("Kosten gesamt", "Total cost")]
    participants: Annotated[int, Label("Personen", "Persons")]
    shares: tuple[Decimal, ...]


@rule(
    ids=("M6",),
    clauses=("§ 116 Abs. 2 SGB IX", "LRV A.4.5 Abs. 1", "LRV B.4.2 Abs. 3"),
    rounding="shares: allocated to the cent, adding up to the total",
    example={"rate": "54.00", "hours": "1.5", "participants": 3},
    arguments={
        "rate": "the hourly rate",
        "hours": "hours delivered",
        "participants": "number of persons, or one weight per person",
    },
)
def shared_delivery(*, rate: Amount, hours: Amount, participants: int | Sequence[Amount]) -> SharedDeliveryResult:
    """Gemeinsame Inanspruchnahme: the cost of hours at a rate, split per person to the cent.

    ``hours`` at ``rate`` delivered to several persons together (§ 116 Abs. 2 SGB IX, LRV A.4.5
    Abs. 1, B.4.2 Abs. 3); ``participants`` is the number of persons (equal shares) or one weight per person.
    Total = rate × hours rounded once; the shares come from ``allocate`` (largest remainder,
    ties to the earlier person) and add up to the total exactly.

    >>> r = shared_delivery(rate="54.00", hours="1.5", participants=3)
    >>> r.amount, r.shares
    (Decimal('81.00'), (Decimal('27.00'), Decimal('27.00'), Decimal('27.00')))
    >>> shared_delivery(rate="50.00", hours="1", participants=3).shares
    (Decimal('16.67'), Decimal('16.67'), Decimal('16.66'))

    Raises:
        InvalidInputError: ``rate`` or ``hours`` negative or not a number; ``participants`` not
            a count from 1 or a sequence of non-negative weights with one above zero.
    """
    price = check_non_negative(rate, "rate")
    time = check_non_negative(hours, "hours")
    given: object = participants
    if isinstance(given, bool):
        raise InvalidInputError("participants", participants, "pass a number of persons or a sequence of weights")
    if isinstance(participants, int):
        weights: int | list[Decimal] = participants
        count = participants
    elif isinstance(given, Sequence) and not isinstance(given, str):
        weights = [parse_amount(w, f"participants[{i}]") for i, w in enumerate(given)]
        count = len(weights)
    else:
        raise InvalidInputError("participants", participants, "pass a number of persons or a sequence of weights")
    with localcontext(CONTEXT):
        exact = price * time
    total = round_result(exact, "rate × hours")
    try:
        shares = allocate(total, weights)
    except InvalidInputError as exc:
        raise InvalidInputError("participants", participants, exc.expected) from None
    steps = [
        Step("LRV A.4.5 Abs. 1", "Stundensatz", "hourly rate", price),
        Step("LRV A.4.5 Abs. 1", "gemeinsam erbrachte Stunden", "hours delivered together", time),
        Step(
            "§ 116 Abs. 2 SGB IX",
            "Kosten = Satz × Stunden, gerundet auf den Cent",
            "cost = rate × hours, rounded to the cent",
            total,
        ),
    ]
    steps += [
        Step("§ 116 Abs. 2 SGB IX", f"Anteil Person {i}", f"share of person {i}", share)
        for i, share in enumerate(shares, 1)
    ]
    return SharedDeliveryResult.build(
        amount=total,
        participants=count,
        shares=shares,
        inputs={"rate": price, "hours": time, "participants": weights},
        steps=tuple(steps),
    )
