"""Benchmark: eghnrw's rate calculations against the same formula written inline with Decimal.

Run: ``python benchmarks/bench_rates.py``. Prints one line per measurement with the ratio
eghnrw / inline; target from the issue: one ``hourly_rate`` / ``daily_rate`` / ``kdu_check`` call
with its full traced result ≤ 10 × the inline formula (inline = the same arithmetic inside
``localcontext(CONTEXT)`` and rounded with ``quantize``; a second baseline without
``localcontext`` is printed for reference). Batches of columns: ``bench_columns.py``.

Each figure is the best of several short runs taken in turn (the least disturbed by other processes).
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext

from eghnrw.core.money import CENT, CONTEXT
from eghnrw.unterkunft.kdu import kdu_check
from eghnrw.verguetung.rates.daily import daily_rate
from eghnrw.verguetung.rates.hourly import hourly_rate

ON = date(2024, 1, 1)


def best_interleaved(funcs: Sequence[Callable[[], object]], number: int, repeat: int = 30) -> list[float]:
    """Seconds per call of each function, best of ``repeat`` short runs taken in turn.

    Taking the runs in turn exposes every function to the same load (CI machines and shared
    boxes are noisy), and the best run is the one least disturbed.
    """
    timers = [timeit.Timer(func) for func in funcs]
    results = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for i, timer in enumerate(timers):
            results[i] = min(results[i], timer.timeit(number))
    return [r / number for r in results]


def single_calls() -> list[tuple[str, float, float, float]]:
    cost, hours = Decimal(63360), Decimal(1584)
    annual, occupancy, days = Decimal(1000000), Decimal(95), 365
    actual, limit = Decimal("700.00"), Decimal(500)

    def hourly_inline() -> Decimal:
        with localcontext(CONTEXT):
            return (cost / hours).quantize(CENT)

    def hourly_bare() -> Decimal:
        return (cost / hours).quantize(CENT)

    def daily_inline() -> Decimal:
        with localcontext(CONTEXT):
            return (annual / (20 * days * occupancy / 100)).quantize(CENT)

    def daily_bare() -> Decimal:
        return (annual / (20 * days * occupancy / 100)).quantize(CENT)

    def kdu_inline() -> tuple[bool, Decimal, Decimal]:
        with localcontext(CONTEXT):
            threshold = limit * Decimal("1.25")
            exceeds = actual > threshold
            sgb = min(actual, threshold).quantize(CENT)
            return exceeds, sgb, actual - sgb

    def kdu_bare() -> tuple[bool, Decimal, Decimal]:
        threshold = limit * Decimal("1.25")
        exceeds = actual > threshold
        sgb = min(actual, threshold).quantize(CENT)
        return exceeds, sgb, actual - sgb

    cases = [
        ("hourly_rate", lambda: hourly_rate(annual_personnel_cost=cost, on=ON), hourly_inline, hourly_bare),
        (
            "daily_rate",
            lambda: daily_rate(annual_cost=annual, places=20, occupancy_percent=occupancy, days=days),
            daily_inline,
            daily_bare,
        ),
        ("kdu_check", lambda: kdu_check(actual_costs=actual, adequacy_limit=limit), kdu_inline, kdu_bare),
    ]
    rows = []
    for name, library, inline, bare in cases:
        assert library().amount if name != "kdu_check" else True
        lib_t, inline_t, bare_t = best_interleaved([library, inline, bare], number=2_000)
        rows.append((name, lib_t, inline_t, bare_t))
    return rows


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print("single call with full result vs inline Decimal (µs per call)")
    print(f"  {'function':<12} {'eghnrw':>8} {'inline':>8} {'ratio':>6}   {'bare':>6} {'ratio':>6}  target ≤ 10")
    for name, lib, inline, bare in single_calls():
        print(
            f"  {name:<12} {lib * 1e6:8.2f} {inline * 1e6:8.2f} {lib / inline:6.2f}   "
            f"{bare * 1e6:6.2f} {lib / bare:6.2f}"
        )


if __name__ == "__main__":
    main()
