"""Benchmark: the negotiation workbench against the same arithmetic written inline with Decimal.

Run: ``python benchmarks/bench_negotiation.py``. Prints one line per measurement; targets from the
issue:

- a Kalkulation of 30 posts with its full traced result (every post, component with its share, the
  Fachkraftquote, the steps with their clauses) ≤ 20 × the same arithmetic inline: every figure
  the result holds (post costs, role totals, FTE and Fachkraftquote, surcharge, annual cost, shares
  by largest remainder, the rate quantized), inside ``localcontext(CONTEXT)``, without validation or
  trace. Further lines: against the rate alone inline, and with validating the Kalkulation from a
  mapping;
- a what-if over 1,000 values of one input (occupancy) in under a second.

Each figure is the best of several short runs taken in turn (the least disturbed by other processes).
"""

from __future__ import annotations

import timeit
from collections.abc import Callable, Sequence
from decimal import Decimal, localcontext
from typing import Any

from eghnrw.core.money import CENT, CONTEXT
from eghnrw.kommission.models.service_costs import Kalkulation
from eghnrw.verguetung.negotiation import kalkulation, what_if

ROLES = ("Fachkraft", "Heilerziehungspflege", "Hilfskraft", "Nachtwache", "Hauswirtschaft", "Fachdienst")


def best_interleaved(funcs: Sequence[Callable[[], object]], number: int, repeat: int = 15) -> list[float]:
    """Seconds per call of each function, best of ``repeat`` short runs taken in turn."""
    timers = [timeit.Timer(func) for func in funcs]
    results = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for i, timer in enumerate(timers):
            results[i] = min(results[i], timer.timeit(number))
    return [r / number for r in results]


def thirty_posts() -> dict[str, Any]:
    posts = [
        {
            "role": ROLES[i % len(ROLES)],
            "fte": str(Decimal(50 + 7 * i).scaleb(-2)),  # 0.50 … 2.53 FTE
            "annual_cost": str(44_000 + 750 * i),
            "skilled": i % 3 != 2,
            "tarifwerk": "TVöD-SuE" if i % 2 else "AVR",
        }
        for i in range(30)
    ]
    return {
        "unit": "day",
        "places": 48,
        "occupancy_percent": "96",
        "days": 365,
        "posts": posts,
        "surcharges_percent": {"leitung_verwaltung": "10"},
        "material_costs": "60000",
        "investment": "48000",
    }


def kalkulation_call() -> tuple[float, float, float, float]:
    data = thirty_posts()
    model = Kalkulation.model_validate(data)
    posts = [(p["role"], Decimal(p["fte"]), Decimal(p["annual_cost"]), p["skilled"]) for p in data["posts"]]
    percent, material, investment = Decimal(10), Decimal(60000), Decimal(48000)
    places, days, occupancy = 48, 365, Decimal(96)

    def rate_only() -> Decimal:
        with localcontext(CONTEXT):
            personnel = sum((fte * cost for _, fte, cost, _ in posts), Decimal(0))
            annual = personnel + personnel * percent / 100 + material + investment
            return (annual / (places * days * occupancy / 100)).quantize(CENT)

    def every_figure() -> Decimal:
        """The same figures the result holds: post costs, role totals, FTE, quota, shares, rate."""
        with localcontext(CONTEXT):
            costs, roles = [], {}
            personnel = fte_total = skilled_fte = Decimal(0)
            for role, fte, cost, skilled in posts:
                amount = fte * cost
                costs.append(amount)
                roles[role] = roles.get(role, Decimal(0)) + amount
                personnel += amount
                fte_total += fte
                if skilled:
                    skilled_fte += fte
            surcharge = personnel * percent / 100
            annual = personnel + surcharge + material + investment
            quota = (skilled_fte * 100 / fte_total).quantize(CENT)
            parts = [*roles.values(), surcharge, material, investment]
            cents = [int(part * 10_000 // annual) for part in parts]  # shares in hundredths of a percent
            rests = sorted(range(len(parts)), key=lambda i: part_rest(parts[i], annual), reverse=True)
            for i in rests[: 10_000 - sum(cents)]:
                cents[i] += 1
            billable = places * days * occupancy / 100
            assert quota
            assert len(costs) == len(posts)
            return (annual / billable).quantize(CENT)

    def part_rest(part: Decimal, annual: Decimal) -> Decimal:
        return part * 10_000 % annual

    def traced() -> Decimal:
        return kalkulation(model).amount

    def validated() -> Decimal:
        return kalkulation(data).amount

    assert rate_only() == every_figure() == traced() == validated()
    lib, base, full, bare = best_interleaved([traced, every_figure, validated, rate_only], number=200)
    return lib, base, full, bare


def what_if_call() -> tuple[float, int]:
    model = Kalkulation.model_validate(thirty_posts())

    def run() -> int:
        return len(what_if(model, vary="occupancy_percent", start="90.01", stop="100", step="0.01").rows)

    rows = run()
    (seconds,) = best_interleaved([run], number=1, repeat=5)
    return seconds, rows


def main() -> None:
    lib, inline, full, bare = kalkulation_call()
    print("a Kalkulation of 30 posts with its full trace vs the same arithmetic inline with Decimal (µs per call)")
    print(f"  eghnrw {lib * 1e6:8.1f}   inline {inline * 1e6:6.1f}   ratio {lib / inline:5.1f}   target ≤ 20")
    print(f"  against the rate alone inline ({bare * 1e6:.1f} µs): ratio {lib / bare:5.1f}")
    print(f"  validating the Kalkulation from a mapping too: {full * 1e6:8.1f}   ratio {full / inline:5.1f}")
    seconds, rows = what_if_call()
    print(f"what-if over {rows:,} values of occupancy_percent (30 posts): {seconds:.3f} s   target < 1 s")


if __name__ == "__main__":
    main()
