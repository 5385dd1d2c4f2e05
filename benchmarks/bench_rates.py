"""Benchmark: eghnrw's rate calculations against the same formula written inline with Decimal.

Run: ``python benchmarks/bench_rates.py`` (add ``--rows N`` for a smaller batch). Prints one line
per measurement with the ratio eghnrw / inline; targets from the issue:

- one ``hourly_rate`` / ``daily_rate`` / ``kdu_check`` call with its full traced result
  ≤ 10 × the inline formula (inline = the same arithmetic inside ``localcontext(CONTEXT)`` and
  rounded with ``quantize``; a second baseline without ``localcontext`` is printed for reference);
- a batch of 1,000,000 daily rates ≤ 1.5 × an inline Decimal loop, and under 2 s.

Each figure is the best of several short runs taken in turn (the least disturbed by other processes).
A batch whose columns are all clean Decimals is checked column by column at C speed; one bad
row switches to row-by-row checks, also measured.
"""

from __future__ import annotations

import argparse
import random
import timeit
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext

from eghnrw.batch import daily_rates
from eghnrw.kdu import kdu_check
from eghnrw.money import CENT, CONTEXT
from eghnrw.rates.daily import daily_rate
from eghnrw.rates.hourly import hourly_rate

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


def batch(rows: int) -> tuple[float, float, float]:
    rng = random.Random(4)  # noqa: S311 - reproducible test data, not cryptography
    costs = [Decimal(rng.randrange(100_000_00, 5_000_000_00)).scaleb(-2) for _ in range(rows)]
    places = [rng.randrange(4, 80) for _ in range(rows)]
    occupancy = [Decimal(rng.randrange(800, 1001)).scaleb(-1) for _ in range(rows)]
    days = 365

    def inline() -> list[Decimal]:
        with localcontext(CONTEXT):
            return [(c / (p * days * o / 100)).quantize(CENT) for c, p, o in zip(costs, places, occupancy, strict=True)]

    def library() -> list[Decimal | None]:
        return daily_rates(annual_cost=costs, places=places, occupancy_percent=occupancy, days=days).amounts

    dirty = [*costs[:-1], Decimal(-1)]  # one bad row: every row is checked on its own

    def library_dirty() -> list[Decimal | None]:
        result = daily_rates(annual_cost=dirty, places=places, occupancy_percent=occupancy, days=days)
        assert result.errors[0].index == rows - 1
        return result.amounts

    assert inline() == library()
    lib_t, inline_t, dirty_t = best_interleaved([library, inline, library_dirty], number=1, repeat=3)
    return lib_t, inline_t, dirty_t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the batch (default 1,000,000)")
    args = parser.parse_args()
    print("single call with full result vs inline Decimal (µs per call)")
    print(f"  {'function':<12} {'eghnrw':>8} {'inline':>8} {'ratio':>6}   {'bare':>6} {'ratio':>6}  target ≤ 10")
    for name, lib, inline, bare in single_calls():
        print(
            f"  {name:<12} {lib * 1e6:8.2f} {inline * 1e6:8.2f} {lib / inline:6.2f}   "
            f"{bare * 1e6:6.2f} {lib / bare:6.2f}"
        )
    lib, inline, dirty = batch(args.rows)
    print(f"batch of {args.rows:,} daily rates vs an inline Decimal loop")
    print(f"  eghnrw {lib:.3f} s, inline {inline:.3f} s, ratio {lib / inline:.2f}   target ≤ 1.5 and < 2 s")
    print(f"  with one bad row (row-by-row checks): {dirty:.3f} s, ratio {dirty / inline:.2f}")


if __name__ == "__main__":
    main()
