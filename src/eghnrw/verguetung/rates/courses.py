"""Schulungen und Projekte: the recognised course fee is paid as it is (RULES M19).

LRV B.4.10 Abs. 3: "Für Schulungen und Projekte wird die vom Träger der Eingliederungshilfe
anerkannte Kursgebühr übernommen." Time-limited courses and projects (B.4.10 Abs. 1, second
bullet) are not paid by the Tagesstruktur's daily rate (Abs. 2) but by the course fee the Träger
recognised — as it is: no surcharge, no division by places or days, no rounding of its own. A fee
is an amount in whole cents; what the Träger recognises is the caller's input.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from eghnrw.core._check import check_cents
from eghnrw.core._rule import rule
from eghnrw.core.money import CENT, CONTEXT, Amount
from eghnrw.core.trace import Label, Result, Step

__all__ = ["KursgebuehrResult", "kursgebuehr"]

_CLAUSE = "LRV B.4.10 Abs. 3"


class KursgebuehrResult(Result):
    """The course fee the Träger pays for a Schulung or a Projekt."""

    title = ("Kursgebühr (Schulungen und Projekte)", "Course fee (courses and projects)")

    amount: Annotated[Decimal, Label("übernommene Kursgebühr", "course fee paid")]


@rule(ids="M19", clauses=_CLAUSE, rounding="none: the recognised fee, in whole cents, is paid as it is",
      example={"recognised_fee": "240.00"})  # fmt: skip
def kursgebuehr(*, recognised_fee: Amount) -> KursgebuehrResult:
    """The Kursgebühr of a Schulung or Projekt, paid as the Träger recognised it (LRV B.4.10 Abs. 3).

    >>> kursgebuehr(recognised_fee="240.00").amount
    Decimal('240.00')

    Raises:
        InvalidInputError: ``recognised_fee`` negative, not a number, or with fractions of a cent.
    """
    fee = check_cents(recognised_fee, "recognised_fee").quantize(CENT, context=CONTEXT)  # 240 is 240.00: exact
    return KursgebuehrResult.build(
        amount=fee,
        inputs={"recognised_fee": fee},
        steps=(
            Step(_CLAUSE, "vom Träger anerkannte Kursgebühr", "course fee recognised by the Träger", fee),
            Step(_CLAUSE, "übernommen, wie anerkannt", "paid as recognised", fee),
        ),
    )
