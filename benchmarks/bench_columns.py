"""Benchmark: batch functions on columns of every form against an inline Decimal loop over the same column.

Run: ``python benchmarks/bench_columns.py`` (default 200,000 rows; ``--rows 1000000`` for the size the
issue names; ``benchmarks/run.py --quick`` passes ``--rows 10000``). Target (issue 15): a batch of
daily rates costs at most 1.5 × the inline loop whatever the column holds — ``Decimal``, ``int`` or
``str`` — and refused rows add no more than their share.

The inline loop is what a user writes without eghnrw: the daily-rate formula inside
``localcontext(CONTEXT)``, rounded with ``quantize``, converting each value with ``Decimal(x)``
(a Decimal column is used as it is); for pandas, numpy and pyarrow columns it first takes their
Python values (``tolist()`` / ``to_pylist()``), as a user must (``Decimal(numpy.int64(5))`` fails).
No checks, no errors: refused rows are measured against the clean loop. Both sides give the same
amounts (asserted). A row "÷ guarded" measures the same batch with 1 % refused rows against the
tightest loop that can run through such a column at all (``try``/``except`` a row, ``None`` where
``Decimal`` fails; still without checks): the loop a person writes for a column with bad cells.
Each figure is the best of a few runs taken in turn in CPU time of this process.

Also measured, for information: ``hourly_rates`` and ``kdu_checks`` against their inline formulas
(the KdU loop works out the same four figures as ``kdu_check``: exceeded, SGB XII, Eingliederungshilfe,
uncovered) and against a loop of single calls (how they ran before they got the column treatment).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from importlib.util import find_spec
from typing import Any

from eghnrw.core.money import CENT, CONTEXT
from eghnrw.doors.batch import daily_rates, hourly_rates, kdu_checks
from eghnrw.unterkunft.kdu import kdu_check
from eghnrw.verguetung.rates.hourly import hourly_rate

DAYS = 365


def best_interleaved(funcs: list[Callable[[], object]], repeat: int = 3) -> list[float]:
    """CPU seconds of this process per call of each function, best of ``repeat`` runs taken in turn.

    CPU time (``time.process_time``) leaves out the time other processes on a shared machine take
    from this one; taking the runs in turn exposes every function to the same cache and memory load.
    """
    best = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for i, func in enumerate(funcs):
            start = time.process_time()
            func()
            best[i] = min(best[i], time.process_time() - start)
    return best


def _inline_daily(costs: list[Any], places: list[int], occupancy: list[Any], *, convert: bool) -> list[Decimal]:
    with localcontext(CONTEXT):
        if convert:
            return [
                (Decimal(c) / (p * DAYS * Decimal(o) / 100)).quantize(CENT)
                for c, p, o in zip(costs, places, occupancy, strict=True)
            ]
        return [(c / (p * DAYS * o / 100)).quantize(CENT) for c, p, o in zip(costs, places, occupancy, strict=True)]


def _tight_daily(costs: list[Any], places: list[int], occupancy: list[Any], *, convert: bool) -> list[Decimal]:
    """The tightest loop a person would write: days ÷ 100 worked out once, one division a row."""
    with localcontext(CONTEXT):
        share = Decimal(DAYS) / 100
        if convert:
            return [
                (Decimal(c) / (p * share * Decimal(o))).quantize(CENT)
                for c, p, o in zip(costs, places, occupancy, strict=True)
            ]
        return [(c / (p * share * o)).quantize(CENT) for c, p, o in zip(costs, places, occupancy, strict=True)]


def _tight_daily_guarded(costs: list[Any], places: list[int], occupancy: list[Any], *, convert: bool) -> list[Any]:
    """The tightest loop that runs through a column with rows it cannot compute: ``None`` for such a row.

    A list comprehension stops at the first value ``Decimal`` refuses (``"1.234,56"``, ``None``);
    the loop a person writes for such a column catches the error row by row. It still checks
    nothing (a float, ``"-1"`` or ``"1e5"`` goes through): a speed baseline, not a correct one.
    """
    out: list[Any] = []
    append = out.append
    with localcontext(CONTEXT):
        share = Decimal(DAYS) / 100
        for c, p, o in zip(costs, places, occupancy, strict=True):
            try:
                append(((Decimal(c) if convert else c) / (p * share * (Decimal(o) if convert else o))).quantize(CENT))
            except (ArithmeticError, TypeError, ValueError):
                append(None)
    return out


def _columns(rows: int) -> dict[str, tuple[list[Any], list[int], list[Any]]]:
    rng = random.Random(4)  # noqa: S311 - reproducible test data, not cryptography
    cents = [rng.randrange(100_000_00, 5_000_000_00) for _ in range(rows)]
    places = [rng.randrange(4, 80) for _ in range(rows)]
    tenths = [rng.randrange(800, 1001) for _ in range(rows)]
    costs = [Decimal(c).scaleb(-2) for c in cents]
    occupancy = [Decimal(o).scaleb(-1) for o in tenths]
    return {
        "Decimal": (costs, places, occupancy),
        "int": ([c // 100 for c in cents], places, [o // 10 for o in tenths]),
        "str": ([str(c) for c in costs], places, [str(o) for o in occupancy]),
    }


def _spoiled(column: list[Any], every: int) -> list[Any]:
    """``column`` with every ``every``-th value replaced by one the single call refuses (text, float, negative)."""
    spoiled = list(column)
    wrong = ["1.234,56", 1.5, "-1", "1e5", None]
    for n, i in enumerate(range(every // 2, len(spoiled), every)):
        spoiled[i] = wrong[n % len(wrong)]
    return spoiled


def daily(rows: int) -> list[tuple[str, float, float, float]]:
    """(label, batch, inline, tightest inline) seconds for every form, clean and with refused rows."""
    results = []
    for form, (costs, places, occupancy) in _columns(rows).items():
        convert = form != "Decimal"
        one_bad = [*costs[:-1], "x"]
        one_percent = _spoiled(costs, 100)

        def inline(c: list[Any] = costs, p: list[int] = places, o: list[Any] = occupancy, *, cv: bool = convert) -> Any:
            return _inline_daily(c, p, o, convert=cv)

        def tight(c: list[Any] = costs, p: list[int] = places, o: list[Any] = occupancy, *, cv: bool = convert) -> Any:
            return _tight_daily(c, p, o, convert=cv)

        def batch(c: list[Any] = costs, p: list[int] = places, o: list[Any] = occupancy) -> Any:
            return daily_rates(annual_cost=c, places=p, occupancy_percent=o, days=DAYS)

        assert batch().amounts == inline() == tight()
        refused = batch(one_percent)
        assert len(refused.errors) == len(range(50, rows, 100)), len(refused.errors)

        def guarded(
            c: list[Any] = one_percent, p: list[int] = places, o: list[Any] = occupancy, *, cv: bool = convert
        ) -> Any:
            return _tight_daily_guarded(c, p, o, convert=cv)

        clean, one, percent, loop, tightest, through = best_interleaved(
            [batch, lambda c=one_bad: batch(c), lambda c=one_percent: batch(c), inline, tight, guarded]
        )
        results += [
            (f"{form} list", clean, loop, tightest),
            (f"{form} list, one refused row", one, loop, tightest),
            (f"{form} list, 1 % refused rows", percent, loop, tightest),
            (f"{form} list, 1 % refused ÷ guarded", percent, loop, through),
        ]
    return results


def daily_libraries(rows: int) -> list[tuple[str, float, float, float]]:
    """The same for pandas Series, numpy arrays and pyarrow arrays (where installed)."""
    columns = _columns(rows)
    forms: dict[str, tuple[Any, Any, Any]] = {}
    if find_spec("numpy"):
        import numpy as np  # noqa: PLC0415 - optional

        c, p, o = columns["int"]
        forms["numpy int64"] = (np.array(c, dtype=np.int64), np.array(p, dtype=np.int64), np.array(o, dtype=np.int64))
    if find_spec("pandas"):
        import pandas as pd  # noqa: PLC0415 - optional

        c, p, o = columns["str"]
        forms["pandas str (object)"] = (pd.Series(c, dtype=object), pd.Series(p), pd.Series(o, dtype=object))
        c, p, o = columns["Decimal"]
        forms["pandas Decimal (object)"] = (pd.Series(c, dtype=object), pd.Series(p), pd.Series(o, dtype=object))
    if find_spec("pyarrow"):
        import pyarrow as pa  # noqa: PLC0415 - optional

        c, p, o = columns["Decimal"]
        forms["pyarrow decimal128"] = (pa.array(c, pa.decimal128(12, 2)), pa.array(p), pa.array(o, pa.decimal128(4, 1)))
        c, p, o = columns["str"]
        forms["pyarrow string"] = (pa.array(c, pa.string()), pa.array(p), pa.array(o, pa.string()))
    results = []
    for form, (cost, seats, occ) in forms.items():

        def values(column: Any) -> list[Any]:
            return column.to_pylist() if hasattr(column, "to_pylist") else column.tolist()

        def inline(cost: Any = cost, seats: Any = seats, occ: Any = occ) -> Any:
            return _inline_daily(values(cost), values(seats), values(occ), convert=True)

        def tight(cost: Any = cost, seats: Any = seats, occ: Any = occ) -> Any:
            return _tight_daily(values(cost), values(seats), values(occ), convert=True)

        def batch(cost: Any = cost, seats: Any = seats, occ: Any = occ) -> Any:
            return daily_rates(annual_cost=cost, places=seats, occupancy_percent=occ, days=DAYS)

        assert batch().amounts == inline()
        lib, loop, tightest = best_interleaved([batch, inline, tight])
        results.append((form, lib, loop, tightest))
    return results


def others(rows: int) -> list[tuple[str, float, float, float]]:
    """(label, batch, inline, loop of single calls) for hourly_rates and kdu_checks on str columns."""
    rng = random.Random(5)  # noqa: S311 - reproducible test data, not cryptography
    costs = [str(rng.randrange(40_000, 90_000)) for _ in range(rows)]
    hours, quarter = Decimal(1584), Decimal("1.25")
    actual = [f"{rng.randrange(40_000, 120_000) / 100:.2f}" for _ in range(rows)]
    limits = [str(rng.randrange(400, 700)) for _ in range(rows)]
    small = max(rows // 20, 1)  # single calls are slow: time a twentieth and scale

    def hourly_inline() -> list[Decimal]:
        with localcontext(CONTEXT):
            return [(Decimal(c) * 100 / (hours * 100)).quantize(CENT, ROUND_HALF_UP) for c in costs]

    def hourly_batch() -> list[Decimal | None]:
        return hourly_rates(annual_personnel_cost=costs, annual_hours=hours).amounts

    def hourly_singles() -> list[Decimal]:
        return [hourly_rate(annual_personnel_cost=c, annual_hours=hours).amount for c in costs[:small]]

    def kdu_inline() -> list[tuple[bool, Decimal, Decimal, Decimal]]:
        out = []
        zero = Decimal("0.00")
        with localcontext(CONTEXT):
            for a, b in zip(actual, limits, strict=True):
                cost, threshold = Decimal(a), Decimal(b) * quarter
                exceeds = cost > threshold
                sgb = min(cost, threshold).quantize(CENT, ROUND_HALF_UP)
                eh = cost - threshold.quantize(CENT, ROUND_HALF_UP) if exceeds else zero
                out.append((exceeds, sgb, eh, cost - sgb - eh))
        return out

    def kdu_batch() -> Any:
        return kdu_checks(actual_costs=actual, adequacy_limit=limits).columns

    def kdu_singles() -> list[Any]:
        return [kdu_check(actual_costs=a, adequacy_limit=b) for a, b in zip(actual[:small], limits, strict=False)]

    assert hourly_batch() == hourly_inline()
    assert list(zip(*kdu_batch().values(), strict=True)) == kdu_inline()
    h_batch, h_inline, h_single, k_batch, k_inline, k_single = best_interleaved(
        [hourly_batch, hourly_inline, hourly_singles, kdu_batch, kdu_inline, kdu_singles]
    )
    scale = rows / small
    return [
        ("hourly_rates (str)", h_batch, h_inline, h_single * scale),
        ("kdu_checks (str)", k_batch, k_inline, k_single * scale),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows per column (default 200,000)")
    rows = parser.parse_args().rows
    print(f"daily_rates on {rows:,} rows vs the inline Decimal loops over the same column (target ≤ 1.5 ×)")
    print(f"  {'column':<32} {'eghnrw':>8} {'inline':>8} {'ratio':>6} {'tightest':>8} {'ratio':>6}")
    for label, lib, loop, tightest in [*daily(rows), *daily_libraries(rows)]:
        print(f"  {label:<32} {lib:7.3f}s {loop:7.3f}s {lib / loop:6.2f} {tightest:7.3f}s {lib / tightest:6.2f}")
    print(f"hourly_rates and kdu_checks on {rows:,} rows of strings (for information)")
    print(f"  {'function':<20} {'eghnrw':>8} {'inline':>8} {'ratio':>6}   {'single calls':>12} {'ratio':>6}")
    for label, lib, loop, singles in others(rows):
        print(f"  {label:<20} {lib:7.3f}s {loop:7.3f}s {lib / loop:6.2f}   {singles:11.3f}s {singles / loop:6.2f}")


if __name__ == "__main__":
    main()
