"""The exact arithmetic of the money rules, each written once.

The traced single calls (:func:`~eghnrw.verguetung.rates.daily.daily_rate`, the module and Organisationsmodul
rates, the Kalkulation, :func:`~eghnrw.verguetung.negotiation.compare`,
:func:`~eghnrw.verguetung.rates.hourly.hourly_rate`)
call these functions for their figures. The column forms (:mod:`eghnrw.doors.batch`) call the
``..._cents`` functions beside them: the same formula over whole columns, arranged so that what does
not change from row to row is worked out once (measured gain in each), rounded to the cent; the
exact quotients of both forms are equal in value (only their exponent may differ), so their cents
are equal, which ``tests/property/test_batch_properties.py`` checks row by row against the single
calls. Nothing here checks inputs: the callers do. Call them inside ``localcontext(CONTEXT)``; the
cents are rounded half up whatever the context, and the columns of a ``..._cents`` function must
have a value a row each (a single value repeated as a list): a column of another length is a
``ValueError``, never a row left out.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["billable_units", "hourly_exact", "hourly_rates_cents", "unit_rate", "unit_rates_cents"]

_HUNDRED = Decimal(100)  # a Decimal divisor: ints alone would divide into a float
_CENT = Decimal("0.01")


def billable_units(capacity: Decimal | int, occupancy_percent: Decimal) -> Decimal:
    """Billable units at the agreed occupancy (LRV A.4.5 Abs. 2): capacity × occupancy ÷ 100.

    The capacity is the units at full occupancy: places × Berechnungstage for a daily rate
    (``places * days``, in that order), places × 12 for a monthly one, billable hours for an hourly one.

    >>> from decimal import localcontext
    >>> from eghnrw.core.money import CONTEXT
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
    >>> from eghnrw.core.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     unit_rate(Decimal(1000000), 20 * Decimal(365), Decimal(95))  # 1,000,000 ÷ 6,935
    Decimal('144.1961067051189617880317231434751261715933669790915645277...')
    """
    # billable_units written out: the column forms map this once per row, and a second call per row
    # costs them about a quarter of their time
    return annual_cost / (capacity * occupancy_percent / _HUNDRED)


def unit_rates_cents(
    annual_costs: list[Decimal | int], places: list[int], days: Decimal, occupancies: list[Decimal | int]
) -> list[Decimal]:
    """:func:`unit_rate` of each row with capacity = places × ``days``, rounded half up to the cent.

    annual cost ÷ (places × days × occupancy ÷ 100) = annual cost ÷ (places × (days ÷ 100) ×
    occupancy), with places × (days ÷ 100) worked out once for each number of places: one division a
    row instead of two, a quarter of the column's time (0.068 against 0.093 s for 200,000 rows).

    >>> from decimal import localcontext
    >>> from eghnrw.core.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     unit_rates_cents([Decimal(1000000), 36500], [20, 1], Decimal(365), [Decimal(95), 100])
    [Decimal('144.20'), Decimal('100.00')]
    """
    share = days / _HUNDRED
    per_place = {p: p * share for p in set(places)}
    return [
        (c / (s * o)).quantize(_CENT, ROUND_HALF_UP)
        for c, s, o in zip(annual_costs, map(per_place.__getitem__, places), occupancies, strict=True)
    ]


def hourly_exact(
    cost: Decimal, surcharge_percent: Decimal, hours: Decimal, per: Decimal | int = 1, share: Decimal | int = 100
) -> Decimal:
    """The exact hourly rate (LRV A.4.6 Abs. 2, A.2.2 Abs. 1 d and Abs. 2).

    cost × (100 + Σ surcharges %) ÷ 100 ÷ (hours ÷ ``per`` × ``share`` ÷ 100), as one division of
    exact figures: the annual hours are ``hours ÷ per`` (KGSt hours × weekly hours ÷ 39 is
    ``hours = KGSt × weekly``, ``per = 39``), of which ``share`` % are billable.

    >>> from decimal import localcontext
    >>> from eghnrw.core.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     hourly_exact(Decimal(63360), Decimal(35), Decimal(1584))  # 63,360 × 1.35 ÷ 1,584
    Decimal('54')
    """
    return cost * (100 + surcharge_percent) * per / (hours * share)


def hourly_rates_cents(
    costs: list[Decimal | int], surcharge_percents: list[Decimal], hours: list[Decimal | int]
) -> list[Decimal]:
    """:func:`hourly_exact` of each row (``per`` 1, ``share`` 100), rounded half up to the cent.

    With 100 + Σ surcharges % formed once per distinct sum (a column has few): one addition fewer a row.

    >>> from decimal import localcontext
    >>> from eghnrw.core.money import CONTEXT
    >>> with localcontext(CONTEXT):
    ...     hourly_rates_cents([Decimal(63360)], [Decimal(35)], [Decimal(1584)])
    [Decimal('54.00')]
    """
    factors = {pct: 100 + pct for pct in set(surcharge_percents)}
    return [
        (c * f / (h * 100)).quantize(_CENT, ROUND_HALF_UP)
        for c, f, h in zip(costs, map(factors.__getitem__, surcharge_percents), hours, strict=True)
    ]
