"""Columns for the batch functions: read any sequence or array, and sort its values at C speed.

A column is a list or tuple, or anything with ``to_pylist()`` (pyarrow arrays) or a
one-dimensional ``tolist()`` (numpy arrays, pandas Series): eghnrw imports none of those
libraries, it asks the object for its Python values. Number scalars of other libraries
(``numpy.int64``, ``numpy.float64``) are read as the ``int`` or ``float`` they are, as
``Series.tolist()`` does (a float is then refused like any float).

:func:`certain_amounts` and :func:`certain_counts` then split a column into the values that
:func:`eghnrw.core.money.parse_amount` (or :func:`eghnrw.core._check.check_count`) certainly accepts and
that lie in the rule's range — converted, ready to compute — and the positions of all others,
which the batch hands to the single call to decide (a result or its exact error). The checks run
over whole columns (``map``, ``min``, ``max``, one ``bytes.translate``), not a Python loop per
row, so a column of strings costs little more than one of Decimals.

Everything here runs inside ``localcontext(CONTEXT)``: comparisons with a NaN then raise only the
context's ``InvalidOperation`` flag (no trap) and are false, so a NaN lands among the others.
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation, getcontext
from itertools import accumulate, compress, count, repeat
from numbers import Integral
from typing import Any, Final, SupportsIndex, cast

from eghnrw.core.errors import InvalidInputError

__all__ = ["Read", "certain_amounts", "certain_counts", "pandas_index", "plain_number", "replaced"]

#: The characters of plain decimal syntax; a text of only these that ``Decimal`` reads as a number
#: is exactly what :func:`eghnrw.core.money.parse_amount` accepts (no exponent, NaN, space or ``_``).
_SIGNED_MARKS: Final = bytes(0 if chr(b) in "0123456789.+-" else 1 for b in range(256))
#: Where no value below zero is valid, a text with "-" is left to the single call (no range scan).
_UNSIGNED_MARKS: Final = bytes(0 if chr(b) in "0123456789.+" else 1 for b in range(256))
_MAX_TEXT: Final = 64  # parse_amount refuses longer strings
_NUMBERS: Final = frozenset({Decimal, int})
_BUILTIN_KINDS: Final = frozenset({int, float, Decimal, str})
#: Put in place of a value that the single call must decide; inside every range checked here. A
#: Decimal among Decimals (comparing a Decimal with an int converts the int every time), an int
#: among ints.
PLACEHOLDER: Final = Decimal(1)
COUNT_PLACEHOLDER: Final = 1


class Read:
    """One argument of a batch: what was passed, and its values if it is a column."""

    __slots__ = ("given", "kinds", "name", "rows", "single")

    def __init__(self, name: str, given: object) -> None:
        self.name = name
        self.given = given
        values = _python_values(name, given)
        if values is None:
            self.rows: list[Any] | None = None
            self.kinds: frozenset[type] = frozenset()
            self.single: Any = plain_number(given)
            return
        kinds = set(map(type, values))
        foreign = {kind for kind in kinds if _is_foreign_number(kind)}
        if foreign:  # numpy.int64 and the like: the int (or float) they are
            values = [plain_number(v) if type(v) in foreign else v for v in values]
            kinds = set(map(type, values))
        self.rows = values
        self.kinds = frozenset(kinds)
        self.single = None

    def at(self, index: int) -> Any:
        """The value of row ``index`` (the single value for every row)."""
        return self.single if self.rows is None else self.rows[index]


def _python_values(name: str, value: object) -> list[Any] | None:
    """The values of a column as Python objects, or ``None`` if ``value`` is a single value."""
    if isinstance(value, list):
        return value
    if isinstance(value, (str, bytes, bytearray, Mapping)):
        return None
    if isinstance(value, Sequence):
        return list(value)
    to_pylist = getattr(value, "to_pylist", None)  # pyarrow Array, ChunkedArray
    if callable(to_pylist):
        return list(to_pylist())
    tolist = getattr(value, "tolist", None)  # numpy arrays, pandas Series, Index and arrays
    if callable(tolist):
        dimensions = getattr(value, "ndim", 1)
        if dimensions == 1:
            return list(tolist())
        if dimensions != 0:  # a numpy scalar (0 dimensions) is a single value
            raise InvalidInputError(name, f"an array of {dimensions} dimensions", "pass a one-dimensional column")
    return None


def _is_foreign_number(kind: type) -> bool:
    """Another library's integer (``numpy.int64``) or float (``numpy.float64``, a subclass of float)."""
    if kind in _BUILTIN_KINDS or issubclass(kind, bool):
        return False
    return issubclass(kind, (Integral, float))


def plain_number(value: object) -> object:
    """``value``, or the ``int`` or ``float`` it is if it is another library's number (``numpy.int64``)."""
    if not _is_foreign_number(type(value)):
        return value
    return float(value) if isinstance(value, float) else operator.index(cast("SupportsIndex", value))


def pandas_index(value: object) -> Any:
    """The index of a pandas Series (or anything with a non-callable ``index`` that has ``equals``), else None."""
    index = getattr(value, "index", None)
    return index if index is not None and not callable(index) and callable(getattr(index, "equals", None)) else None


def replaced(values: list[Any], positions: Sequence[int], placeholder: Any) -> list[Any]:
    """A copy of ``values`` with ``placeholder`` at ``positions`` (the caller's list is never changed)."""
    copy = list(values)
    for i in positions:
        copy[i] = placeholder
    return copy


def _unplain(texts: list[str], *, signed: bool) -> list[int]:
    """Positions of the texts that are not certainly plain decimal syntax.

    That is: more than 64 characters, or any character besides ``0-9 . +`` (and ``-`` if
    ``signed``). A text of these characters that is still no number (``""``, ``"1.2.3"``) becomes
    NaN in ``Decimal`` and is caught by the range check. The characters are checked in one string of
    all texts, a byte each (``bytes.translate`` marks the others, ``bytes.find`` jumps to them).
    """
    lengths = list(map(len, texts))
    bad: set[int] = set()
    if lengths and max(lengths) > _MAX_TEXT:
        bad.update(compress(count(), map(_MAX_TEXT.__lt__, lengths)))
    # one byte per character: a non-ASCII character becomes "?", itself a character to refuse
    marks = "".join(texts).encode("ascii", "replace").translate(_SIGNED_MARKS if signed else _UNSIGNED_MARKS)
    at = marks.find(1)
    if at >= 0:
        ends = list(accumulate(lengths))
        while at >= 0:
            row = bisect_right(ends, at)
            bad.add(row)
            at = marks.find(1, ends[row])  # the next row with a character to refuse
    return sorted(bad)


def _numbers(values: list[Any], kinds: frozenset[type], *, signed: bool) -> tuple[list[Any], list[int], Any]:
    """Decimals and ints as they are, plain-syntax texts as Decimals; the positions of all others.

    A column of one kind is read as a whole. In a column of several kinds the most common of
    Decimal, int and str (in a sample of a thousand rows) is read as a whole, and the other values
    one by one: Decimals and ints are kept, anything else is left to the single call. The third
    item is the placeholder for the others, of the column's main kind.
    """
    if kinds <= _NUMBERS:
        return values, [], COUNT_PLACEHOLDER if kinds == {int} else PLACEHOLDER
    if kinds == {str}:
        bad = _unplain(values, signed=signed)
        return list(map(Decimal, replaced(values, bad, "1") if bad else values)), bad, PLACEHOLDER
    candidates = kinds & {Decimal, int, str}
    sample = list(map(type, values[:: max(len(values) // 1000, 1)]))  # the main kind, from a thousand rows
    main = max(candidates, key=sample.count) if candidates else None
    placeholder = COUNT_PLACEHOLDER if main is int else PLACEHOLDER
    odd = list(compress(count(), map(operator.is_not, map(type, values), repeat(main))))
    if main is str:
        texts = replaced(values, odd, "1")
        bad = _unplain(texts, signed=signed)
        numbers: list[Any] = list(map(Decimal, replaced(texts, bad, "1") if bad else texts))
    else:
        numbers, bad = list(values), []
    for i in odd:
        kind = type(values[i])
        if kind is Decimal or kind is int:
            numbers[i] = values[i]
        else:
            numbers[i] = placeholder
            bad.append(i)
    return numbers, sorted(bad), placeholder


def _outside(
    values: list[Any], low: Decimal | int, high: Decimal | int, *, low_open: bool, high_open: bool, placeholder: Any
) -> list[int]:
    """Positions of the values not inside the interval (NaN and infinities included).

    ``min`` and ``max`` answer for the whole column; only if one of them lies outside is the column
    scanned, on that side only. A NaN raises the context's ``InvalidOperation`` flag when it is
    compared — inside ``min``/``max``, or, in a column of one value (which ``min`` never compares),
    against the ends — and is then found first and set aside.
    """
    if not values:
        return []
    context = getcontext()
    context.clear_flags()
    low_ok, high_ok = _inside(min(values), max(values), low, high, low_open=low_open, high_open=high_open)
    bad: list[int] = []
    if context.flags[InvalidOperation]:  # a NaN: the only value unequal to itself
        bad = list(compress(count(), map(operator.ne, values, values)))
        values = replaced(values, bad, placeholder)
        low_ok, high_ok = _inside(min(values), max(values), low, high, low_open=low_open, high_open=high_open)
    if not low_ok:
        bad += compress(count(), map(operator.ge if low_open else operator.gt, repeat(low), values))
    if not high_ok:
        bad += compress(count(), map(operator.le if high_open else operator.lt, repeat(high), values))
    return bad


def _inside(
    smallest: Any, largest: Any, low: Decimal | int, high: Decimal | int, *, low_open: bool, high_open: bool
) -> tuple[bool, bool]:
    """Whether the smallest value lies above the low end, and the largest below the high end."""
    return (
        smallest > low if low_open else smallest >= low,
        largest < high if high_open else largest <= high,
    )


def certain_amounts(
    column: Read, low: Decimal, high: Decimal, *, low_open: bool = False, high_open: bool = True
) -> tuple[list[Any], list[int]]:
    """The column's values ready to compute, and the positions the single call must decide.

    A value is ready if :func:`~eghnrw.core.money.parse_amount` accepts it and it lies between ``low``
    and ``high`` (each end open or closed): a Decimal or int as it is, a plain-syntax string as its
    Decimal. Every other position holds a placeholder (1) the rule accepts.
    """
    assert column.rows is not None  # noqa: S101 - only columns are read here
    numbers, bad, placeholder = _numbers(column.rows, column.kinds, signed=low < 0)
    outside = _outside(numbers, low, high, low_open=low_open, high_open=high_open, placeholder=placeholder)
    if outside:
        bad = sorted({*bad, *outside})
    if bad:
        numbers = replaced(numbers, bad, placeholder)
    return numbers, bad


def certain_counts(column: Read, low: int, high: int) -> tuple[list[Any], list[int]]:
    """Like :func:`certain_amounts` for whole numbers: ``int`` values (not bool) from ``low`` to ``high``."""
    assert column.rows is not None  # noqa: S101 - only columns are read here
    values = column.rows
    bad: list[int] = []
    if not column.kinds <= {int}:
        bad = list(compress(count(), map(operator.is_not, map(type, values), repeat(int))))
        values = replaced(values, bad, COUNT_PLACEHOLDER)
    outside = _outside(values, low, high, low_open=False, high_open=False, placeholder=COUNT_PLACEHOLDER)
    if outside:
        bad = sorted({*bad, *outside})
        values = replaced(values, bad, COUNT_PLACEHOLDER)
    return values, bad
