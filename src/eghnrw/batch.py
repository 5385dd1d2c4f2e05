"""Column-oriented batch calculations for a whole book of cases.

Pass one sequence per argument (or a single value that applies to every row); get back a
:class:`BatchResult` whose columns are plain lists of ``Decimal`` / ``bool`` values, one per row,
with ``None`` where a row was refused. Each refused row is reported in ``errors`` with its index,
the argument and the message the single call would have raised; the other rows are not lost.
Rounding and errors are those of the single calls (:func:`eghnrw.rates.daily.daily_rate`,
:func:`eghnrw.rates.hourly.hourly_rate`, :func:`eghnrw.kdu.kdu_check`) — a row that does not pass
the fast checks is computed by the single call itself.

The records load into pandas without eghnrw depending on it::

    pandas.DataFrame(result.columns)      # or pandas.DataFrame.from_records(result.records())

An argument that applies to the whole batch (``on``, ``overrides``, a single ``days``) is checked
once: if it is wrong, the whole call raises :class:`~eghnrw.errors.InvalidInputError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation, getcontext, localcontext
from itertools import repeat
from typing import Any, cast

from eghnrw._check import check_bool, check_date
from eghnrw.errors import InvalidInputError
from eghnrw.kdu import kdu_check
from eghnrw.money import CENT, CONTEXT, LIMIT, Amount
from eghnrw.params import check_overrides, parameter
from eghnrw.rates.daily import berechnungstage, daily_rate
from eghnrw.rates.hourly import hourly_rate

__all__ = ["BatchResult", "RowError", "daily_rates", "hourly_rates", "kdu_checks"]

_MAX_PLACES = 10**9


@dataclass(frozen=True, slots=True)
class RowError:
    """A refused row: its index, the argument at fault, the value received, and the message."""

    index: int
    argument: str
    value: Any
    message: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Columns of results, one entry per row (``None`` where the row is in ``errors``)."""

    columns: dict[str, list[Any]]
    errors: tuple[RowError, ...] = field(default=())

    @property
    def amounts(self) -> list[Decimal | None]:
        """The ``amount`` column (rates); for KdU checks use ``columns`` by name."""
        return self.columns["amount"]

    @property
    def ok(self) -> bool:
        """Whether every row was computed."""
        return not self.errors

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def records(self) -> list[dict[str, Any]]:
        """One dict per row: ``index``, every column, and ``error`` (the message, or ``None``)."""
        messages = {e.index: e.message for e in self.errors}
        names = list(self.columns)
        return [
            {"index": i, **{name: self.columns[name][i] for name in names}, "error": messages.get(i)}
            for i in range(len(self))
        ]

    def raise_for_errors(self) -> None:
        """Raise the first row's error as :class:`InvalidInputError` (argument ``rows[i].name``)."""
        if self.errors:
            first = self.errors[0]
            raise InvalidInputError(
                f"rows[{first.index}].{first.argument}",
                first.value,
                f"{first.message} ({len(self.errors)} row(s) refused in all)",
            )


def _columns(length_of: Mapping[str, object]) -> int:
    """The common length of the sequence arguments (strings and mappings count as single values)."""
    lengths = {name: len(cast("Sequence[Any]", value)) for name, value in length_of.items() if _is_column(value)}
    if not lengths:
        raise InvalidInputError(
            next(iter(length_of)), "(no sequence)", "pass at least one argument as a sequence (one value per row)"
        )
    n = max(lengths.values())
    for name, size in lengths.items():
        if size != n:
            raise InvalidInputError(name, f"{size} values", f"pass {n} values, like the other columns")
    return n


def _is_column(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def _column(value: object, n: int) -> Sequence[Any]:
    return value if _is_column(value) else list(repeat(value, n))  # type: ignore[return-value] # narrowed by _is_column


def _row_error(index: int, exc: InvalidInputError) -> RowError:
    return RowError(index, exc.argument, exc.value, str(exc))


def _all_decimal_in(values: Sequence[Any], low: Decimal, high: Decimal, *, low_open: bool, high_open: bool) -> bool:
    """Whether every value is a finite Decimal in the interval: C-level passes, no Python loop per row.

    Must run inside ``localcontext(CONTEXT)`` (no traps): an ordering comparison with a NaN then
    returns False and raises the context's ``InvalidOperation`` flag, which ``min``/``max`` leave
    behind — so a NaN anywhere is caught without a separate ``is_finite`` pass. Infinities fall
    outside every interval.
    """
    if not values:
        return True
    if set(map(type, values)) != {Decimal}:
        return False
    context = getcontext()
    context.clear_flags()
    smallest, largest = min(values), max(values)
    if context.flags[InvalidOperation]:
        return False
    low_ok: bool = smallest > low if low_open else smallest >= low
    high_ok: bool = largest < high if high_open else largest <= high
    return low_ok and high_ok


def daily_rates(
    *,
    annual_cost: Sequence[Amount] | Amount,
    places: Sequence[int] | int,
    occupancy_percent: Sequence[Amount] | Amount,
    days: Sequence[Amount] | Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BatchResult:
    """Daily flat rates for many rows: column ``amount``, as :func:`~eghnrw.rates.daily.daily_rate` computes.

    A single ``days`` (or the dated parameter ``berechnungstage`` on ``on``) applies to every row;
    ``days`` may also be a sequence.

    >>> r = daily_rates(annual_cost=[Decimal("1000000"), Decimal("-1")], places=20,
    ...                 occupancy_percent=Decimal("95"), days=365)
    >>> r.amounts, r.errors[0].index, r.errors[0].argument
    ([Decimal('144.20'), None], 1, 'annual_cost')

    Raises:
        InvalidInputError: columns of different lengths; a single ``days`` that is invalid;
            neither ``days`` nor ``on``.
        ParameterNotFoundError: no ``berechnungstage`` on ``on``.
    """
    overrides = check_overrides(overrides)
    n = _columns({"annual_cost": annual_cost, "places": places, "occupancy_percent": occupancy_percent, "days": days})
    costs = _column(annual_cost, n)
    seats = _column(places, n)
    occupancy = _column(occupancy_percent, n)
    if _is_column(days):
        per_row_days: Sequence[Any] = days  # type: ignore[assignment] # narrowed by _is_column
        return _rowwise(
            n,
            lambda i: (
                daily_rate(
                    annual_cost=costs[i], places=seats[i], occupancy_percent=occupancy[i], days=per_row_days[i]
                ).amount
            ),
        )
    day_count, _ = berechnungstage(days, on, overrides)  # type: ignore[arg-type] # a single value here
    with localcontext(CONTEXT):
        # places × (days ÷ 100) × occupancy is exactly places × days × occupancy ÷ 100 (the
        # expression of daily_rate), with one Decimal division fewer per row.
        day_share = day_count / 100
        if (
            _all_decimal_in(costs, Decimal(0), LIMIT, low_open=False, high_open=True)
            and _all_decimal_in(occupancy, Decimal(0), Decimal(100), low_open=True, high_open=False)
            and (not seats or (set(map(type, seats)) == {int} and min(seats) >= 1 and max(seats) <= _MAX_PLACES))
        ):
            # Every row is valid: the same expression as daily_rate, without per-row checks.
            amounts: list[Decimal | None] = [
                (c / (p * day_share * o)).quantize(CENT) for c, p, o in zip(costs, seats, occupancy, strict=True)
            ]
            return BatchResult(columns={"amount": amounts})
        amounts = []
        errors: list[RowError] = []
        append = amounts.append
        for i, (c, p, o) in enumerate(zip(costs, seats, occupancy, strict=True)):
            if (
                type(c) is Decimal
                and type(p) is int
                and type(o) is Decimal
                and 0 <= c < LIMIT
                and 0 < o <= 100
                and 0 < p <= _MAX_PLACES
            ):
                append((c / (p * day_share * o)).quantize(CENT))
                continue
            try:
                append(daily_rate(annual_cost=c, places=p, occupancy_percent=o, days=day_count).amount)
            except InvalidInputError as exc:
                append(None)
                errors.append(_row_error(i, exc))
    return BatchResult(columns={"amount": amounts}, errors=tuple(errors))


def _rowwise(n: int, compute: Callable[[int], Decimal]) -> BatchResult:
    amounts: list[Decimal | None] = []
    errors: list[RowError] = []
    for i in range(n):
        try:
            amounts.append(compute(i))
        except InvalidInputError as exc:
            amounts.append(None)
            errors.append(_row_error(i, exc))
    return BatchResult(columns={"amount": amounts}, errors=tuple(errors))


def hourly_rates(
    *,
    annual_personnel_cost: Sequence[Amount] | Amount,
    surcharges_percent: Sequence[Mapping[str, Amount] | None] | Mapping[str, Amount] | None = None,
    annual_hours: Sequence[Amount | None] | Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BatchResult:
    """Hourly rates for many rows: column ``amount``, each as :func:`~eghnrw.rates.hourly.hourly_rate`.

    >>> hourly_rates(annual_personnel_cost=["63360", "0.1x"], on=date(2024, 1, 1)).amounts
    [Decimal('40.00'), None]

    Raises:
        InvalidInputError: columns of different lengths.
        ParameterNotFoundError: no KGSt value on ``on``.
    """
    overrides = check_overrides(overrides)
    n = _columns({"annual_personnel_cost": annual_personnel_cost, "annual_hours": annual_hours})
    costs = _column(annual_personnel_cost, n)
    hours = _column(annual_hours, n)
    surcharges = (
        _column(surcharges_percent, n) if isinstance(surcharges_percent, Sequence) else [surcharges_percent] * n
    )
    if len(surcharges) != n:
        raise InvalidInputError(
            "surcharges_percent", f"{len(surcharges)} values", f"pass {n} values, like the other columns"
        )
    # Arguments of the whole batch are checked once, not reported n times.
    if on is not None:
        parameter("kgst_normalarbeitszeit", check_date(on, "on"), overrides=overrides)
    elif any(h is None for h in hours):
        raise InvalidInputError(
            "on", on, "pass on=date(...) to read the KGSt Normalarbeitszeit, or annual_hours for every row"
        )
    return _rowwise(
        n,
        lambda i: (
            hourly_rate(
                annual_personnel_cost=costs[i],
                surcharges_percent=surcharges[i],
                annual_hours=hours[i],
                on=on,
                overrides=overrides,
            ).amount
        ),
    )


def kdu_checks(
    *,
    actual_costs: Sequence[Amount] | Amount,
    adequacy_limit: Sequence[Amount] | Amount,
    itemised: bool = True,
) -> BatchResult:
    """KdU checks for many rows, each as :func:`~eghnrw.kdu.kdu_check`.

    Columns: ``exceeds_threshold``, ``sgb_xii_share``, ``eingliederungshilfe_share``,
    ``uncovered_share``.

    >>> r = kdu_checks(actual_costs=["700", "600"], adequacy_limit="500")
    >>> r.columns["eingliederungshilfe_share"], r.columns["exceeds_threshold"]
    ([Decimal('75.00'), Decimal('0.00')], [True, False])

    Raises:
        InvalidInputError: columns of different lengths.
    """
    check_bool(itemised, "itemised")  # a batch-wide argument: checked once, even for no rows
    n = _columns({"actual_costs": actual_costs, "adequacy_limit": adequacy_limit})
    actual = _column(actual_costs, n)
    limits = _column(adequacy_limit, n)
    names = ("exceeds_threshold", "sgb_xii_share", "eingliederungshilfe_share", "uncovered_share")
    columns: dict[str, list[Any]] = {name: [] for name in names}
    errors: list[RowError] = []
    for i in range(n):
        try:
            k = kdu_check(actual_costs=actual[i], adequacy_limit=limits[i], itemised=itemised)
        except InvalidInputError as exc:
            for name in names:
                columns[name].append(None)
            errors.append(_row_error(i, exc))
            continue
        columns["exceeds_threshold"].append(k.exceeds_threshold)
        columns["sgb_xii_share"].append(k.sgb_xii_share)
        columns["eingliederungshilfe_share"].append(k.eingliederungshilfe_share)
        columns["uncovered_share"].append(k.uncovered_share)
    return BatchResult(columns=columns, errors=tuple(errors))
