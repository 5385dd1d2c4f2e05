"""The exact arithmetic of the money rules, each written once.

The traced single calls (:func:`~eghnrw.rates.daily.daily_rate`, the module and Organisationsmodul
rates, the Kalkulation, :func:`~eghnrw.negotiation.compare`, :func:`~eghnrw.rates.hourly.hourly_rate`)
call these functions for their figures; the column forms (:mod:`eghnrw.batch`) map them over
columns. Nothing here checks or rounds: the callers check the inputs, and round where the rule
rounds. Call them inside ``localcontext(CONTEXT)``.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["billable_units", "hourly_exact", "unit_rate"]

_HUNDRED = Decimal(100)  # a Decimal divisor: ints alone would divide into a float


def billable_units(capacity: Decimal | int, occupancy_percent: Decimal) -> Decimal:
    """Billable units at the agreed occupancy (LRV A.4.5 Abs. 2): capacity × occupancy ÷ 100.

    The capacity is the units at full occupancy: places × Berechnungstage for a daily rate
    (``places * days``, in that order), places × 12 for a monthly one, billable hours for an hourly one.

    >>> from decimal import localcontext
    >>> from eghnrw.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     billable_units(20 * Decimal(365), Decimal(95))
    Decimal('6935')
    """
    return capacity * occupancy_percent / _HUNDRED


def unit_rate(annual_cost: Decimal, capacity: Decimal | int, occupancy_percent: Decimal) -> Decimal:
    """The exact rate per unit (LRV A.4.5 Abs. 2): annual cost ÷ (capacity × occupancy ÷ 100).

    For a tagesgleiche Pauschale (B.4.6 Abs. 2, B.4.7 Abs. 10, B.4.10 Abs. 2) the capacity is
    places × Berechnungstage: the daily-rate division, written once.

    >>> from decimal import localcontext
    >>> from eghnrw.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     unit_rate(Decimal(1000000), 20 * Decimal(365), Decimal(95))  # 1,000,000 ÷ 6,935
    Decimal('144.1961067051189617880317231434751261715933669790915645277...')
    """
    # billable_units written out: the column forms map this once per row, and a second call per row
    # costs them about a quarter of their time
    return annual_cost / (capacity * occupancy_percent / _HUNDRED)


def hourly_exact(
    cost: Decimal, surcharge_percent: Decimal, hours: Decimal, per: Decimal | int = 1, share: Decimal | int = 100
) -> Decimal:
    """The exact hourly rate (LRV A.4.6 Abs. 2, A.2.2 Abs. 1 d and Abs. 2).

    cost × (100 + Σ surcharges %) ÷ 100 ÷ (hours ÷ ``per`` × ``share`` ÷ 100), as one division of
    exact figures: the annual hours are ``hours ÷ per`` (KGSt hours × weekly hours ÷ 39 is
    ``hours = KGSt × weekly``, ``per = 39``), of which ``share`` % are billable.

    >>> from decimal import localcontext
    >>> from eghnrw.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     hourly_exact(Decimal(63360), Decimal(35), Decimal(1584))  # 63,360 × 1.35 ÷ 1,584
    Decimal('54')
    """
    return cost * (100 + surcharge_percent) * per / (hours * share)
