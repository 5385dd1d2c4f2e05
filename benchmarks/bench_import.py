"""Benchmark: the first result in a fresh interpreter against pydantic's own start, in the same run.

Run: ``python benchmarks/bench_import.py`` (``--runs N`` to change the number of fresh interpreters
per statement, ``--budget-ms M`` for the allowed extra cost). Target (issue 15, "first result
fast"): ``import eghnrw`` plus a first ``hourly_rate`` costs at most 100 ms more than importing
pydantic and validating one model — what every command-line call and every notebook pays first.
Heavy dependencies (holidays) are not imported before a date needs them.

Each sample is a fresh interpreter that times the import statement itself with
``time.perf_counter`` (interpreter start-up and ``site`` are not counted, they are the same for
both). Runs of the two modules alternate, so a burst of load on the machine hits both alike, and
the median of each is compared. Bytecode is compiled beforehand (one warm-up import each) and
never written during the runs.

Prints the figures and whether they are within budget; with ``--check`` the exit code is 1 when the
first result costs more than pydantic's start + the budget (without it, always 0: a benchmark
reports, it does not fail a build on a busy machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

PROBE = """
import sys, time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
print(elapsed, int("holidays" in sys.modules), len(sys.modules))
"""


#: What is timed: pydantic's start (import, one model validated) against eghnrw's first result;
#: ``import eghnrw`` alone and a first audit record are shown for information.
STATEMENTS = {
    "pydantic": "import pydantic\nclass M(pydantic.BaseModel):\n    a: int\nM(a=1)",
    "eghnrw": "import eghnrw",
    "first result": "import datetime, eghnrw\n"
    "eghnrw.hourly_rate(annual_personnel_cost='63360', on=datetime.date(2024, 1, 1))",
    "first record": "import datetime, eghnrw\n"
    "eghnrw.hourly_rate(annual_personnel_cost='63360', on=datetime.date(2024, 1, 1)).model_dump_json()",
}


def measure(statement: str) -> tuple[float, bool, int]:
    """Seconds to run ``statement`` in a fresh interpreter; whether holidays got imported; modules loaded."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COV"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run(  # noqa: S603 - our own interpreter and probe
        [sys.executable, "-c", PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    return float(out[0]), out[1] == "1", int(out[2])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per module (default 15)")
    parser.add_argument("--budget-ms", type=float, default=100.0, help="allowed extra over pydantic (default 100)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget (default: report only)")
    args = parser.parse_args(argv)

    # Warm up: compile bytecode (if not yet cached) and the OS file cache for both imports.
    for module in ("pydantic", "eghnrw"):
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)  # noqa: S603

    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    heavy = False
    counts: dict[str, int] = {}
    for _ in range(args.runs):
        for name, statement in STATEMENTS.items():
            seconds, holidays_loaded, modules = measure(statement)
            times[name].append(seconds)
            counts[name] = modules
            heavy |= holidays_loaded

    pyd = statistics.median(times["pydantic"]) * 1000
    egh = statistics.median(times["eghnrw"]) * 1000
    first = statistics.median(times["first result"]) * 1000
    record = statistics.median(times["first record"]) * 1000
    diff = first - pyd
    ratio = first / pyd
    within = diff <= args.budget_ms and not heavy
    print(f"python {sys.version.split()[0]} on {sys.platform}, {args.runs} fresh interpreters per statement (median)")
    print(f"import pydantic + one model validated: {pyd:8.1f} ms ({counts['pydantic']} modules)")
    print(f"import eghnrw + first hourly_rate:     {first:8.1f} ms ({counts['first result']} modules)")
    print(f"  import eghnrw alone:                 {egh:8.1f} ms (for information)")
    print(f"  first result + its audit record:     {record:8.1f} ms (for information)")
    print(f"difference:                            {diff:+8.1f} ms (budget +{args.budget_ms:.0f} ms)")
    print(f"ratio:                                 {ratio:8.2f} x  eghnrw first result / pydantic start")
    print(f"holidays imported before a date needs them: {'YES' if heavy else 'no'}")
    print("OK: within budget" if within else "FAIL: the first result costs more than pydantic's start + budget")
    if args.json:
        print(
            json.dumps(
                {
                    "pydantic_ms": pyd,
                    "eghnrw_ms": egh,
                    "first_result_ms": first,
                    "first_record_ms": record,
                    "diff_ms": diff,
                    "ratio": ratio,
                    "holidays": heavy,
                    "ok": within,
                }
            )
        )
    # A figure, not a test (a loaded machine moves it): the exit code says "over budget" only when asked.
    return 1 if args.check and not within else 0


if __name__ == "__main__":
    raise SystemExit(main())
