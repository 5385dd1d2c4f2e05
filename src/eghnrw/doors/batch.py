"""Column-oriented batch calculations for a whole book of cases.

Pass one column per argument — a list, a tuple, a ``pandas.Series``, a numpy or pyarrow array —
or a single value that applies to every row; get back a :class:`BatchResult` whose ``columns`` are
plain lists of ``Decimal`` / ``bool`` values, one per row, with ``None`` where a row was refused.
Each refused row is reported in ``errors`` with its index, the argument and the message the single
call would have raised; the other rows are not lost. Amounts may be ``Decimal``, ``int`` or
``str`` in every form (pyarrow ``decimal128`` arrives as ``Decimal``); floats are refused as in the
single calls. eghnrw depends on none of these libraries: it asks a column for its Python values
(``to_pylist()``, ``tolist()``).

Rounding and errors are those of the single calls (:func:`eghnrw.verguetung.rates.daily.daily_rate`,
:func:`eghnrw.verguetung.rates.hourly.hourly_rate`, :func:`eghnrw.unterkunft.kdu.kdu_check`): the values each single
call certainly accepts are checked and computed column by column with the single call's own
expression; every other row is computed by the single call itself, which returns its result or
raises the error reported for the row.

The whole table — inputs, results and the reason a row was refused — loads into pandas or Arrow
(where installed) with exact decimals, never floats::

    result.to_pandas()      # a DataFrame, object dtype: Decimal stays Decimal; a Series' index is kept
    result.to_arrow()       # a pyarrow Table: decimal128 amounts

A single value (one that applies to every row) and the arguments of the whole batch (``on``,
``overrides``, ``itemised``) are checked once: if one is wrong, the whole call raises
:class:`~eghnrw.core.errors.InvalidInputError`, even for a batch of no rows.
"""

from __future__ import annotations

import gc
import html
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Context, Decimal, InvalidOperation, localcontext
from itertools import compress, count, repeat
from typing import Any, Protocol, TypeAlias

from eghnrw.core._check import check_bool, check_date
from eghnrw.core._optional import optional_module
from eghnrw.core.errors import InvalidInputError, _safe_repr
from eghnrw.core.money import CENT, CONTEXT, LIMIT, Amount, parse_amount
from eghnrw.core.params import check_overrides
from eghnrw.core.trace import Lang, check_lang, format_value
from eghnrw.doors._columns import Read, certain_amounts, certain_counts, pandas_index, replaced
from eghnrw.unterkunft.kdu import kdu_check, split_columns, threshold_factor
from eghnrw.verguetung.rates._arithmetic import hourly_rates_cents, unit_rate, unit_rates_cents
from eghnrw.verguetung.rates.daily import berechnungstage, daily_rate
from eghnrw.verguetung.rates.hourly import hourly_rate, kgst_hours
from eghnrw.verguetung.rates.surcharges import check_surcharges

__all__ = ["BatchResult", "RowError", "daily_rates", "hourly_rates", "kdu_checks"]

_MAX_PLACES = 10**9
_MAX_DAYS = Decimal(366)
_ZERO = Decimal(0)
_ZERO_CENTS = Decimal("0.00")
#: The columns of a KdU batch, in the order of kdu_check's result.
_KDU_NAMES = ("exceeds_threshold", "sgb_xii_share", "eingliederungshilfe_share", "uncovered_share")
#: Below this Angemessenheitsgrenze the 125 % threshold stays below 10^15, so no share is refused.
_KDU_LIMIT_CERTAIN = Decimal(8) * 10**14


class _ToList(Protocol):
    def tolist(self) -> Any: ...  # numpy arrays, pandas Series


class _ToPylist(Protocol):
    def to_pylist(self) -> Any: ...  # pyarrow arrays


Column: TypeAlias = Sequence[Any] | _ToList | _ToPylist
"""One value per row: a list or tuple, a ``pandas.Series``, a numpy or pyarrow array."""


@dataclass(frozen=True, slots=True)
class RowError:
    """A refused row: its index, the argument at fault, the value received, and the message."""

    index: int
    argument: str
    value: Any
    message: str

    def __repr__(self) -> str:
        """The value shortened (it may be an int of 5,000 digits, whose repr would fail)."""
        value, message = _safe_repr(self.value), _short(self.message, 200)
        return f"RowError(index={self.index}, argument={self.argument!r}, value={value}, message={message!r})"


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One entry per row in each column (``None`` where the row is in ``errors``).

    ``columns`` holds the results, ``inputs`` the arguments of each row as they were passed (a
    caller's list itself, not a copy; a single value repeated), ``errors`` the refused rows;
    :meth:`table`, :meth:`to_pandas` and :meth:`to_arrow` put the three side by side. ``index`` is
    the pandas index of the Series passed (``None`` for other columns); :meth:`to_pandas` labels the
    rows with it. ``notice`` says once what the whole batch should know (why a float column
    refused its rows, and what to pass instead), or is ``None``.
    """

    columns: dict[str, list[Any]]
    errors: tuple[RowError, ...] = field(default=())
    inputs: dict[str, Sequence[Any]] = field(default_factory=dict)
    index: Any = field(default=None, repr=False, compare=False)
    notice: str | None = field(default=None, compare=False)

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

    def messages(self) -> list[str | None]:
        """Why each row was refused (the single call's message), or ``None`` for a computed row."""
        reasons: list[str | None] = [None] * len(self)
        for error in self.errors:
            reasons[error.index] = error.message
        return reasons

    def records(self) -> list[dict[str, Any]]:
        """One dict per row: ``index``, every result column, and ``error`` (the message, or ``None``)."""
        reasons = self.messages()
        names = list(self.columns)
        return [
            {"index": i, **{name: self.columns[name][i] for name in names}, "error": reasons[i]}
            for i in range(len(self))
        ]

    def table(self) -> dict[str, list[Any]]:
        """Every column side by side: the inputs, the results, and ``error`` (why a row was refused).

        >>> daily_rates(annual_cost=["1000", "-1"], places=1, occupancy_percent=100, days=10).table()
        ... # doctest: +NORMALIZE_WHITESPACE
        {'annual_cost': ['1000', '-1'], 'places': [1, 1], 'occupancy_percent': [100, 100], 'days': [10, 10],
         'amount': [Decimal('100.00'), None],
         'error': [None, "annual_cost: got '-1'; pass an amount of zero or more"]}
        """
        return {
            **{name: list(values) for name, values in self.inputs.items()},
            **{name: list(values) for name, values in self.columns.items()},
            "error": self.messages(),
        }

    def to_pandas(self) -> Any:
        """The :meth:`table` as a ``pandas.DataFrame`` (needs pandas: ``pip install eghnrw[pandas]``).

        Every column has ``object`` dtype, so amounts stay exact ``Decimal`` values and no ``None``
        turns a column into floats. The rows carry the index of the Series passed (else 0 … n-1).

        Raises:
            OptionalDependencyError: pandas is not installed (an ``ImportError`` naming the extra).
        """
        pd = optional_module("pandas", extra="pandas", feature="BatchResult.to_pandas()")
        index = self.index if self.index is not None else pd.RangeIndex(len(self))
        return pd.DataFrame(self.table(), index=index, dtype=object)

    def to_arrow(self) -> Any:
        """The :meth:`table` as a ``pyarrow.Table`` (needs pyarrow: ``pip install eghnrw[arrow]``).

        Amounts become ``decimal128`` columns (exact), flags ``bool``, ``error`` a string column.
        An input column that does not form one exact Arrow type (floats a row was refused for,
        mixed kinds) is given as text.

        Raises:
            OptionalDependencyError: pyarrow is not installed (an ``ImportError`` naming the extra).
        """
        pa = optional_module("pyarrow", extra="arrow", feature="BatchResult.to_arrow()")
        return pa.table({name: _arrow_array(pa, values) for name, values in self.table().items()})

    def __repr__(self) -> str:
        """Short whatever the size: the number of rows and refusals, and the first rows.

        >>> daily_rates(annual_cost=["1000", "-1"], places=1, occupancy_percent=100, days=10)  # doctest: +ELLIPSIS
        BatchResult: 2 rows, 1 refused
          [0] annual_cost='1000', places=1, occupancy_percent=100, days=10, amount=Decimal('100.00')
          [1] annual_cost='-1', places=1, occupancy_percent=100, days=10, amount=None; refused: ...
        """
        n = len(self)
        lines = [f"BatchResult: {n:,} row{'s' * (n != 1)}, {len(self.errors):,} refused"]
        reasons = self._first_reasons(_REPR_ROWS)
        for i in range(min(n, _REPR_ROWS)):
            cells = ", ".join(f"{name}={_short(_safe_repr(values[i]), 40)}" for name, values in self._shown_columns())
            refused = f"; refused: {_short(reasons[i], 120)}" if i in reasons else ""
            lines.append(f"  [{self._label(i)}] {cells}{refused}")
        if n > _REPR_ROWS:
            lines.append(f"  … {n - _REPR_ROWS:,} more rows (to_pandas(), table(), errors)")
        return "\n".join(lines)

    def to_html(self, lang: Lang = "de") -> str:
        """The head of the table as HTML, as pandas shows a DataFrame: the first rows, then the refusals summed up.

        Jupyter shows the German one (``_repr_html_``); all text is escaped.

        Raises:
            InvalidInputError: ``lang`` neither ``"de"`` nor ``"en"``.
        """
        de = check_lang(lang) == "de"
        n = len(self)
        count = format_value(Decimal(n), lang)
        refused = format_value(Decimal(len(self.errors)), lang)
        words = f"{count} Zeilen, davon {refused} abgelehnt" if de else f"{count} rows, {refused} refused"
        shown = self._shown_columns()
        reasons = self._first_reasons(_HTML_ROWS)
        head = "".join(f"<th>{html.escape(name)}</th>" for name, _ in shown)
        parts = [
            f"<div class='eghnrw-batch'><strong>{words}</strong>",
            f"<table><thead><tr><th></th>{head}<th>{'Ablehnung' if de else 'refused'}</th></tr></thead><tbody>",
        ]
        for i in range(min(n, _HTML_ROWS)):
            cells = "".join(f"<td>{html.escape(_cell(values[i], lang))}</td>" for _, values in shown)
            reason = html.escape(_short(reasons.get(i, ""), 120))
            parts.append(f"<tr><th>{html.escape(self._label(i))}</th>{cells}<td>{reason}</td></tr>")
        if n > _HTML_ROWS:
            more = format_value(Decimal(n - _HTML_ROWS), lang)
            parts.append(
                f"<tr><td colspan='{len(shown) + 2}'>… {more} {'weitere Zeilen' if de else 'more rows'}</td></tr>"
            )
        parts.append("</tbody></table>")
        if self.errors:
            by_argument = Counter(error.argument for error in self.errors)
            summary = "; ".join(
                f"{html.escape(name)}: {format_value(Decimal(times), lang)}"
                for name, times in by_argument.most_common()
            )
            parts.append(f"<p>{'Abgelehnt nach Argument' if de else 'Refused by argument'}: {summary}</p>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _shown_columns(self) -> list[tuple[str, Sequence[Any]]]:
        """The inputs and the results, side by side (a result column takes the place of an input of its name)."""
        return list({**self.inputs, **self.columns}.items())

    def _first_reasons(self, rows: int) -> dict[int, str]:
        """Why each of the first ``rows`` rows was refused."""
        return {error.index: error.message for error in self.errors if error.index < rows}

    def _label(self, i: int) -> str:
        """Row ``i`` as the caller knows it: its pandas index label, or its position."""
        return str(i) if self.index is None else _short(_text(self.index[i]), 40)

    def raise_for_errors(self) -> None:
        """Raise the first row's error as :class:`InvalidInputError` (argument ``rows[i].name``).

        Raises:
            InvalidInputError: a row was refused.
        """
        if self.errors:
            first = self.errors[0]
            raise InvalidInputError(
                f"rows[{first.index}].{first.argument}",
                first.value,
                f"{first.message} ({len(self.errors)} row(s) refused in all)",
            )


#: Rows shown by ``repr()`` and by the notebook table of a batch (its head, as pandas shows one).
_REPR_ROWS = 5
_HTML_ROWS = 10


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell(value: object, lang: Lang) -> str:
    """A cell of the notebook table: numbers, dates and flags as :func:`format_value` shows them, text cut."""
    if value is None or isinstance(value, (bool, Decimal, date)):
        return format_value(value, lang)
    return _short(_text(value), 40)


def _arrow_array(pa: Any, values: list[Any]) -> Any:
    """An exact Arrow array of ``values``, or their text where Arrow would need floats or cannot type them."""
    try:
        array = pa.array(values, from_pandas=False)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        array = None
    if array is None or pa.types.is_floating(array.type):
        array = pa.array([None if value is None else _text(value) for value in values], pa.string())
    return array


def _text(value: object) -> str:
    """A cell's text: ``str(value)``; an int of more than 4,300 digits by its exact digits (via Decimal)."""
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - a caller's object whose __str__ fails is named, never an escape
        # str() refuses ints of more than 4,300 digits; Decimal converts them without that limit
        return f"{Decimal(value):f}" if isinstance(value, int) else _safe_repr(value)


# --- reading the arguments -----------------------------------------------------------------------


def _read(arguments: Mapping[str, object]) -> tuple[int, list[Read], Any]:
    """The number of rows, each argument read, and the pandas index of the Series among them."""
    read = [Read(name, given) for name, given in arguments.items()]
    lengths = {r.name: len(r.rows) for r in read if r.rows is not None}
    if not lengths:
        raise InvalidInputError(
            read[0].name,
            "(no column)",
            "pass at least one argument as a column (a list, tuple, pandas Series, numpy or pyarrow array)",
        )
    n = max(lengths.values())
    for name, size in lengths.items():
        if size != n:
            raise InvalidInputError(name, f"{size} values", f"pass {n} values, like the other columns")
    index, index_of = None, ""
    for r in read:
        found = pandas_index(r.given) if r.rows is not None else None
        if found is None:
            continue
        if index is None:
            index, index_of = found, r.name
        elif not found.equals(index):
            raise InvalidInputError(
                r.name,
                "a Series with another index",
                f"pass Series with the same index as {index_of} (align them first, e.g. reset_index(drop=True))",
            )
    return n, read, index


def _float_notice(read: Iterable[Read], n: int, errors: Sequence[RowError]) -> str | None:
    """Why the rows of a float column were refused, and what to pass instead; ``None`` if no column holds floats.

    A float64 column (``pd.read_csv`` without ``dtype=str``) refuses every row, each with the same
    message: the batch says it once, with the way out. The single call refuses every float, so the
    rows that hold one are among the refused rows (``errors``): only those are looked at, not the
    whole column (7 ms of a 200,000-row batch with 1 % refused rows).
    """
    floats = {r.name: r.rows for r in read if r.rows is not None and float in r.kinds}
    if not floats:
        return None
    rows = [e.index for e in errors if any(type(column[e.index]) is float for column in floats.values())]
    names = ", ".join(floats)
    hold = "hold" if len(floats) > 1 else "holds"
    return (
        f"{len(rows):,} of {n:,} rows refused: {names} {hold} floats (a pandas float64 column, say), which "
        "cannot hold cents exactly. Read the table with eghnrw.read_table(...), which gives exact Decimal "
        "columns (German numbers included), or read it with dtype=str and convert each value with "
        "eghnrw.parse_amount(value, decimal_comma=True)."
    )


def _inputs(read: Iterable[Read], n: int) -> dict[str, Sequence[Any]]:
    """Each argument's values: the column as read (a caller's list is not copied), a single value repeated."""
    return {r.name: r.rows if r.rows is not None else (r.single,) * n for r in read}


def _ready(
    column: Read, n: int, low: Decimal, high: Decimal, *, low_open: bool = False, high_open: bool = True
) -> tuple[list[Any], list[int]]:
    """The values to compute with, a row each, and the rows the single call must decide (a single value: none)."""
    if column.rows is None:
        return [parse_amount(column.single, column.name)] * n, []
    return certain_amounts(column, low, high, low_open=low_open, high_open=high_open)


def _decimals(values: list[Any]) -> list[Decimal]:
    """``values`` as Decimals (an int column converted)."""
    return values if set(map(type, values)) <= {Decimal} else list(map(Decimal, values))


def _beyond(amounts: list[Any], context: Context) -> list[int]:
    """Rows whose rounded amount is not certainly below 10^15 (or no number): the single call decides."""
    if not amounts or (not context.flags[InvalidOperation] and max(amounts) < LIMIT):
        return []
    return list(compress(count(), map(operator.not_, map(LIMIT.__gt__, amounts))))


def _row_error(index: int, exc: InvalidInputError) -> RowError:
    return RowError(index, exc.argument, exc.value, str(exc))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while rows are computed one by one by the single call.

    Each refused row allocates an exception with its traceback; with columns of a million values
    alive, every collection those allocations trigger walks them (about 50 ms a list). Nothing
    cyclic is left behind (the name of an ``except ... as`` block is deleted at its end), so the
    pause frees no less; the collector's state is restored however the loop ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _decide(rows: Iterable[int], single: Callable[[int], Any], results: list[Any]) -> tuple[RowError, ...]:
    """Compute ``rows`` by the single call: its result, or ``None`` and the error it raised."""
    errors = []
    with _collector_paused():
        for i in rows:
            try:
                results[i] = single(i)
            except InvalidInputError as exc:
                results[i] = None
                errors.append(_row_error(i, exc))
    return tuple(errors)


# --- the batch functions -------------------------------------------------------------------------


def _amounts_result(
    function: Callable[..., Any],
    fixed: Mapping[str, Any],
    read: list[Read],
    index: Any,
    computed: tuple[list[Any], set[int]],
) -> BatchResult:
    """A batch of one ``amount`` column: the amounts computed, and the rows left undecided by the single call.

    A row's call to ``function``: each argument read under its own name (a column's value in that
    row), and ``fixed``.
    """
    amounts, undecided = computed
    n = len(amounts)
    given = dict(fixed)

    def single(i: int) -> Decimal:
        amount: Decimal = function(**({r.name: r.at(i) for r in read} | given)).amount
        return amount

    errors = _decide(sorted(undecided), single, amounts)
    return BatchResult({"amount": amounts}, errors, _inputs(read, n), index, _float_notice(read, n, errors))


def daily_rates(
    *,
    annual_cost: Column | Amount,
    places: Column | int,
    occupancy_percent: Column | Amount,
    days: Column | Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BatchResult:
    """Daily flat rates for many rows: column ``amount``, as :func:`~eghnrw.verguetung.rates.daily.daily_rate` computes.

    A single ``days`` (or the dated parameter ``berechnungstage`` on ``on``) applies to every row;
    ``days`` may also be a column (a row without days then reads the parameter on ``on``).

    >>> r = daily_rates(annual_cost=[Decimal("1000000"), Decimal("-1")], places=20,
    ...                 occupancy_percent=Decimal("95"), days=365)
    >>> r.amounts, r.errors[0].index, r.errors[0].argument
    ([Decimal('144.20'), None], 1, 'annual_cost')

    Raises:
        InvalidInputError: no argument a column; columns of different lengths or pandas indexes;
            a single value that is invalid (e.g. ``places=0``); neither ``days`` nor ``on``.
        ParameterNotFoundError: no ``berechnungstage`` on ``on``.
    """
    overrides = check_overrides(overrides)
    _, read, index = _read(
        {"annual_cost": annual_cost, "places": places, "occupancy_percent": occupancy_percent, "days": days}
    )
    cost, seats, occupancy, per_row = read
    # A single value applies to every row: the single call checks it once, beside values it accepts.
    if cost.rows is None:
        daily_rate(annual_cost=cost.single, places=1, occupancy_percent=100, days=1)
    if seats.rows is None:
        daily_rate(annual_cost=0, places=seats.single, occupancy_percent=100, days=1)
    if occupancy.rows is None:
        daily_rate(annual_cost=0, places=1, occupancy_percent=occupancy.single, days=1)
    day_count = None
    if per_row.rows is None:
        day_count, _ = berechnungstage(per_row.single, on, overrides)
    elif on is not None:
        check_date(on, "on")
    fixed = {"on": on, "overrides": overrides} | ({} if day_count is None else {"days": day_count})
    return _amounts_result(daily_rate, fixed, read, index, _daily_amounts(cost, seats, occupancy, per_row, day_count))


def _rows(*read: Read) -> int:
    """The number of rows of the first of ``read`` that is a column (a batch has at least one)."""
    return next(len(r.rows) for r in read if r.rows is not None)


def _daily_amounts(
    cost: Read, seats: Read, occupancy: Read, per_row: Read, day_count: Decimal | None
) -> tuple[list[Any], set[int]]:
    """The daily rates of the rows each argument certainly allows, and the rows the single call must decide."""
    n = _rows(cost, seats, occupancy, per_row)
    with localcontext(CONTEXT) as context:
        costs, bad_costs = _ready(cost, n, _ZERO, LIMIT)
        if seats.rows is None:
            counts: list[Any] = [seats.single] * n
            bad_seats: list[int] = []
        else:
            counts, bad_seats = certain_counts(seats, 1, _MAX_PLACES)
        shares, bad_occupancy = _ready(occupancy, n, _ZERO, Decimal(100), low_open=True, high_open=False)
        undecided = {*bad_costs, *bad_seats, *bad_occupancy}
        context.clear_flags()
        if day_count is not None:
            # daily_rate's division in its column form (unit_rates_cents)
            amounts = unit_rates_cents(costs, counts, day_count, shares)
        else:
            day_values, bad_days = certain_amounts(per_row, _ZERO, _MAX_DAYS, low_open=True, high_open=False)
            undecided.update(bad_days)
            # Berechnungstage are whole days: a fraction is the single call's to refuse
            undecided.update(i for i, d in enumerate(day_values) if type(d) is Decimal and d != d.to_integral_value())
            context.clear_flags()
            # daily_rate's division (unit_rate) a row: the days differ from row to row
            capacities = map(operator.mul, counts, day_values)
            amounts = list(map(Decimal.quantize, map(unit_rate, costs, capacities, shares), repeat(CENT)))
        undecided.update(_beyond(amounts, context))
    return amounts, undecided


def hourly_rates(
    *,
    annual_personnel_cost: Column | Amount,
    surcharges_percent: Column | Mapping[str, Amount] | None = None,
    annual_hours: Column | Amount | None = None,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BatchResult:
    """Hourly rates for many rows: column ``amount``, each as :func:`~eghnrw.verguetung.rates.hourly.hourly_rate`.

    ``surcharges_percent`` is one mapping for every row or a column of mappings (or ``None``);
    ``annual_hours`` one value, a column, or ``None`` for the KGSt Normalarbeitszeit on ``on``.

    >>> hourly_rates(annual_personnel_cost=["63360", "0.1x"], on=date(2024, 1, 1)).amounts
    [Decimal('40.00'), None]

    Raises:
        InvalidInputError: no argument a column; columns of different lengths or pandas indexes;
            a single value that is invalid; no ``on`` while a row has no ``annual_hours``.
        ParameterNotFoundError: no KGSt value on ``on``.
    """
    overrides = check_overrides(overrides)
    n, read, index = _read(
        {
            "annual_personnel_cost": annual_personnel_cost,
            "surcharges_percent": surcharges_percent,
            "annual_hours": annual_hours,
        }
    )
    cost, surcharges, hours = read
    if cost.rows is None:
        hourly_rate(annual_personnel_cost=cost.single, annual_hours=1)
    if surcharges.rows is None:
        hourly_rate(annual_personnel_cost=0, surcharges_percent=surcharges.single, annual_hours=1)
    if hours.rows is None and hours.single is not None:
        hourly_rate(annual_personnel_cost=0, annual_hours=hours.single)
    # Arguments of the whole batch are checked once, not reported n times.
    kgst = None
    if on is not None:
        try:
            kgst = kgst_hours(check_date(on, "on"), overrides).value
        except InvalidInputError as exc:
            if exc.argument != "overrides['kgst_normalarbeitszeit']":
                raise
            kgst = _ZERO  # an override of zero hours or less: each row is refused by the single call
    elif (hours.rows is None and hours.single is None) or (hours.rows is not None and None in hours.rows):
        raise InvalidInputError(
            "on", on, "pass on=date(...) to read the KGSt Normalarbeitszeit, or annual_hours for every row"
        )
    computed = _hourly_amounts(cost, surcharges, hours, kgst, n)
    return _amounts_result(hourly_rate, {"on": on, "overrides": overrides}, read, index, computed)


def _hourly_amounts(
    cost: Read, surcharges: Read, hours: Read, kgst: Decimal | None, n: int
) -> tuple[list[Any], set[int]]:
    """The hourly rates of the rows each argument certainly allows, and the rows the single call must decide."""
    with localcontext(CONTEXT) as context:
        costs, undecided_costs = _ready(cost, n, _ZERO, LIMIT)
        undecided = set(undecided_costs)
        percents = _surcharge_percents(surcharges, undecided, n)
        context.clear_flags()
        # hourly_rate's formula (hourly_exact) mapped over the columns: agreed hours or the KGSt hours
        if hours.rows is not None:
            per_row, bad_hours = certain_amounts(hours, _ZERO, LIMIT, low_open=True)
            undecided.update(bad_hours)
            context.clear_flags()
            numerators = per_row
        else:
            numerator = parse_amount(hours.single) if hours.single is not None else kgst
            if numerator is None or numerator <= 0:  # a KGSt override of zero or less: each row refused
                numerator = Decimal(1)
                undecided.update(range(n))
            numerators = [numerator] * n
        amounts = hourly_rates_cents(costs, percents, numerators)
        undecided.update(_beyond(amounts, context))
    return amounts, undecided


def _surcharge_percents(surcharges: Read, undecided: set[int], n: int) -> list[Decimal]:
    """Σ surcharges % of each row, as hourly_rate forms it; rows whose mapping it refuses go to ``undecided``."""
    if surcharges.rows is None:
        checked = check_surcharges(surcharges.single)
        return [sum(checked.values(), _ZERO) if checked else _ZERO] * n
    percents = []
    for i, mapping in enumerate(surcharges.rows):
        try:
            checked = check_surcharges(mapping)
        except InvalidInputError:
            undecided.add(i)
            percents.append(_ZERO)
            continue
        percents.append(sum(checked.values(), _ZERO) if checked else _ZERO)
    return percents


def kdu_checks(
    *,
    actual_costs: Column | Amount,
    adequacy_limit: Column | Amount,
    itemised: bool = True,
    threshold_at_cent: bool = False,
    on: date | None = None,
    overrides: Mapping[str, Amount] | None = None,
) -> BatchResult:
    """KdU checks for many rows, each as :func:`~eghnrw.unterkunft.kdu.kdu_check`.

    ``itemised``, ``threshold_at_cent``, ``on`` and ``overrides`` apply to every row (see
    ``kdu_check``; the factor 1.25 is the dated parameter ``kdu_schwellenfaktor``); with
    ``threshold_at_cent=True`` each row is computed by the single call.

    Columns: ``exceeds_threshold``, ``sgb_xii_share``, ``eingliederungshilfe_share``,
    ``uncovered_share``.

    >>> r = kdu_checks(actual_costs=["700", "600"], adequacy_limit="500")
    >>> r.columns["eingliederungshilfe_share"], r.columns["exceeds_threshold"]
    ([Decimal('75.00'), Decimal('0.00')], [True, False])

    Raises:
        InvalidInputError: no argument a column; columns of different lengths or pandas indexes;
            a single value that is invalid; ``itemised`` or ``threshold_at_cent`` not a bool;
            ``on`` or ``overrides`` as ``kdu_check`` refuses them.
    """
    check_bool(itemised, "itemised")  # batch-wide arguments: checked once, even for no rows
    at_cent = check_bool(threshold_at_cent, "threshold_at_cent")
    kdu_check(actual_costs=0, adequacy_limit=1, on=on, overrides=overrides)  # the factor's day: checked once
    factor = threshold_factor(on, overrides).value
    n, read, index = _read({"actual_costs": actual_costs, "adequacy_limit": adequacy_limit})
    actual, limit = read
    if actual.rows is None:
        kdu_check(actual_costs=actual.single, adequacy_limit=1, itemised=itemised)
    if limit.rows is None:
        kdu_check(actual_costs=0, adequacy_limit=limit.single, itemised=itemised)
    if at_cent:  # the other reading is the single call's alone
        columns: dict[str, list[Any]] = {name: [None] * n for name in _KDU_NAMES}
        undecided: set[int] = set(range(n))
    else:
        columns, undecided = _kdu_columns(actual, limit, n, factor, itemised=itemised)
    exceeds_column, sgb_column, eh_column, uncovered_column = columns.values()
    errors = []
    with _collector_paused():
        for i in sorted(undecided):
            try:
                k = kdu_check(
                    actual_costs=actual.at(i),
                    adequacy_limit=limit.at(i),
                    itemised=itemised,
                    threshold_at_cent=at_cent,
                    on=on,
                    overrides=overrides,
                )
            except InvalidInputError as exc:
                for column in columns.values():
                    column[i] = None
                errors.append(_row_error(i, exc))
                continue
            exceeds_column[i] = k.exceeds_threshold
            sgb_column[i] = k.sgb_xii_share
            eh_column[i] = k.eingliederungshilfe_share
            uncovered_column[i] = k.uncovered_share
    return BatchResult(columns, tuple(errors), _inputs(read, n), index, _float_notice(read, n, errors))


def _kdu_columns(
    actual: Read, limit: Read, n: int, factor: Decimal, *, itemised: bool
) -> tuple[dict[str, list[Any]], set[int]]:
    """The KdU shares of the rows each argument certainly allows, and the rows the single call must decide."""
    with localcontext(CONTEXT) as context:
        costs, bad_costs = _ready(actual, n, _ZERO, LIMIT)
        limits, bad_limits = _ready(limit, n, _ZERO, _KDU_LIMIT_CERTAIN, low_open=True, high_open=True)
        undecided = {*bad_costs, *bad_limits}
        context.clear_flags()
        costs, limits = _decimals(costs), _decimals(limits)
        cents = list(map(Decimal.quantize, costs, repeat(CENT)))
        if cents != costs:  # not whole cents: the single call refuses them
            fractions = list(compress(count(), map(operator.ne, cents, costs)))
            undecided.update(fractions)
            costs = cents = replaced(cents, fractions, _ZERO_CENTS)
        # kdu_check's split in its column form
        thresholds, exceeds, sgb_xii, eingliederungshilfe, uncovered = split_columns(
            cents, limits, factor, itemised=itemised
        )
        columns: dict[str, list[Any]] = {
            "exceeds_threshold": exceeds,
            "sgb_xii_share": sgb_xii,
            "eingliederungshilfe_share": eingliederungshilfe,
            "uncovered_share": uncovered,
        }
        # as in the other batches: a row whose threshold is no number certainly below 10^15 (a NaN
        # compares false and would give every cent to SGB XII) is the single call's to decide
        undecided.update(_beyond(thresholds, context))
    return columns, undecided
