"""Results with rows as pandas DataFrames: one implementation for every ``to_pandas()``.

Each result that holds rows (a what-if, a comparison, a Kalkulation's posts and components, a
timeline, the residents of a Wohnform split, an occupancy analysis) turns them into a list of
mappings, one per row, and hands them to :func:`frame`. Amounts stay exact: by default every
column has ``object`` dtype and holds the ``Decimal`` values themselves (as
``BatchResult.to_pandas`` does); with ``arrow=True`` each column of decimals becomes an exact
Arrow decimal column (``pd.ArrowDtype(pa.decimal128(precision, scale))``, the scale that of the
value with most decimal places), so ``sum()``, ``min()``, ``max()`` and ``groupby(...).sum()``
compute on it and give ``Decimal`` values back. pandas (and pyarrow, for ``arrow=True``) are
imported on first use; without them :class:`OptionalDependencyError` says which extra to install.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from eghnrw.core._optional import optional_module

__all__ = ["frame", "frame_of"]

#: Arrow decimals hold up to 38 digits in 128 bits and 76 in 256 bits.
_DECIMAL128_DIGITS = 38
_DECIMAL256_DIGITS = 76


def frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, arrow: bool = False) -> Any:
    """A DataFrame of ``rows`` with the given ``columns`` (in that order), amounts exact.

    ``arrow=False``: every column of ``object`` dtype, its values as the rows hold them.
    ``arrow=True``: a column of ``Decimal`` values (and ``None``) becomes an Arrow decimal column
    wide enough for every value, exactly; other columns keep ``object`` dtype. A column whose
    values need more than 76 digits stays an ``object`` column.

    Raises:
        OptionalDependencyError: pandas (or, with ``arrow=True``, pyarrow) is not installed.
    """
    pd: Any = optional_module("pandas", extra="pandas", feature="to_pandas()")
    listed = [dict(row) for row in rows]
    data = {name: [row.get(name) for row in listed] for name in columns}
    if not arrow:
        return pd.DataFrame(data, columns=list(columns), dtype=object)
    pa: Any = optional_module("pyarrow", extra="arrow", feature="to_pandas(arrow=True)")
    return pd.DataFrame({name: _column(pd, pa, values) for name, values in data.items()}, columns=list(columns))


def frame_of(items: Sequence[Any], kind: type, *, arrow: bool = False, leave_out: Iterable[str] = ()) -> Any:
    """A DataFrame with one row per item, one column per field of ``kind`` (a model, named tuple or dataclass).

    ``leave_out``: fields not shown (a whole result nested in a row). Fields keep their values
    (``Decimal``, ``date``, ``bool``, text); an enum shows its value.

    Raises:
        OptionalDependencyError: pandas (or, with ``arrow=True``, pyarrow) is not installed.
    """
    fields: Iterable[str] = (
        getattr(kind, "model_fields", None)
        or getattr(kind, "_fields", None)
        or [item.name for item in dataclasses.fields(kind)]
    )
    skipped = set(leave_out)
    columns = [name for name in fields if name not in skipped]
    rows = ({name: _plain(getattr(item, name)) for name in columns} for item in items)
    return frame(rows, columns, arrow=arrow)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def _column(pd: Any, pa: Any, values: list[Any]) -> Any:
    present = [value for value in values if value is not None]
    if not present or not all(isinstance(value, Decimal) and value.is_finite() for value in present):
        return pd.Series(values, dtype=object)
    scale = max(0, *(-_exponent(value) for value in present))
    digits = max(0, *(len(value.as_tuple().digits) + _exponent(value) for value in present))  # before the point
    precision = max(1, digits + scale)
    if precision > _DECIMAL256_DIGITS:
        return pd.Series(values, dtype=object)
    kind = pa.decimal128 if precision <= _DECIMAL128_DIGITS else pa.decimal256
    return pd.Series(values, dtype=pd.ArrowDtype(kind(precision, scale)))


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0
