"""Benchmark: ``eghnrw run`` on a generated book of cases against an inline-Decimal loop of the same formulas.

Run: ``python benchmarks/bench_cli.py`` (``--rows N``, default 100,000; ``--memory`` for the
streaming check below).

The file mixes hourly rates (LRV A.4.6 Abs. 2), daily rates (A.4.5 Abs. 2) and KdU checks
(B.4.14 Abs. 7). Both sides read the same CSV and write one JSON line per case:

- ``eghnrw run`` (in-process, ``eghnrw.doors.cli.main``): converts and checks every field, computes the
  traced result and writes the full audit record (steps, clauses, parameters, editions);
- the inline loop: ``csv.DictReader``, the bare formula with ``Decimal`` inside
  ``localcontext``, ``quantize`` to the cent, and a JSON line with the amount only.

Prints rows/s for both and the ratio (how many times longer ``eghnrw run`` takes), the best of
``--repeat`` runs each in CPU time of the process (``time.process_time``: the other programs of a
shared machine count less); ``--jobs`` in wall time, as its work is done in other processes.
``--memory [SIZES]`` runs ``eghnrw run`` in a fresh interpreter per size and prints its peak
resident memory: streaming keeps it flat whatever the book's size (``--memory 50000,500000,1000000``
for the full check; the default sizes are a smoke run).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

from eghnrw.core.money import CENT, CONTEXT
from eghnrw.doors.cli import main

COLUMNS = ["kind", "id", "annual_personnel_cost", "on", "annual_cost", "places", "occupancy_percent", "days",
           "actual_costs", "adequacy_limit"]  # fmt: skip


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """A CSV of ``rows`` cases, a third of each kind, with varied figures."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(rows):
            kind = i % 3
            if kind == 0:
                writer.writerow(["hourly-rate", i, rng.randrange(40_000, 90_000), "2024-01-01", "", "", "", "", "", ""])
            elif kind == 1:
                writer.writerow(
                    ["daily-rate", i, "", "", rng.randrange(200_000, 3_000_000), rng.randrange(8, 60),
                     rng.choice(["90", "95", "96.5", "100"]), "365", "", ""]
                )  # fmt: skip
            else:
                writer.writerow(
                    ["kdu", i, "", "", "", "", "", "", f"{rng.randrange(40_000, 120_000) / 100:.2f}",
                     rng.randrange(400, 700)]
                )  # fmt: skip


def inline(source: Path, target: Path) -> None:
    """The same formulas, written by hand: no checks, no trace, the amount only."""
    hours = Decimal(1584)
    quarter = Decimal("1.25")
    with source.open(newline="", encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line, row in enumerate(csv.DictReader(src), 2):
            with localcontext(CONTEXT):
                kind = row["kind"]
                if kind == "hourly-rate":
                    value = {
                        "amount": str((Decimal(row["annual_personnel_cost"]) / hours).quantize(CENT, ROUND_HALF_UP))
                    }
                elif kind == "daily-rate":
                    billable = int(row["places"]) * Decimal(row["days"]) * Decimal(row["occupancy_percent"]) / 100
                    value = {"amount": str((Decimal(row["annual_cost"]) / billable).quantize(CENT, ROUND_HALF_UP))}
                else:
                    actual, limit = Decimal(row["actual_costs"]), Decimal(row["adequacy_limit"])
                    threshold = limit * quarter
                    sgb = min(actual, threshold).quantize(CENT, ROUND_HALF_UP)
                    value = {"sgb_xii_share": str(sgb), "eingliederungshilfe_share": str(actual - sgb)}
            out.write(json.dumps({"line": line, "id": row["id"], "kind": kind, "result": value}) + "\n")


def timed(
    func: Callable[..., object], *args: object, repeat: int = 1, clock: Callable[[], float] = time.process_time
) -> float:
    """The best of ``repeat`` runs, in seconds of ``clock`` (CPU time of this process by default)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        func(*args)
        best = min(best, clock() - start)
    return best


_PEAK = (
    "import resource, sys\n"
    "from eghnrw.doors.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"  # Linux: the high-water mark of this program (ru_maxrss would keep the parent's across exec)
    "    kib = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
    "except OSError:\n"
    "    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == 'darwin' else 1)\n"
    "print(kib, code)\n"
)


def peak_rss_mib(cases: Path, target: Path, fmt: str) -> float:
    """Peak resident memory of ``eghnrw run`` in a fresh interpreter, in MiB."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", _PEAK, "run", str(cases), "--format", fmt, "-o", str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    kib, code = done.stdout.split()
    assert code == "0", done.stderr
    return int(kib) / 1024


def memory(sizes: list[int]) -> None:
    """Peak memory of ``eghnrw run`` for books of each size: flat if it streams."""
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("jsonl", "csv"):
            peaks = []
            for rows in sizes:
                cases = Path(tmp) / f"cases-{rows}.csv"
                if not cases.exists():
                    generate(cases, rows)
                peaks.append(peak_rss_mib(cases, Path(tmp) / f"out.{fmt}", fmt))
                print(f"eghnrw run --format {fmt}, {rows:>9,} cases: peak RSS {peaks[-1]:6.1f} MiB", flush=True)
            print(f"  growth from {sizes[0]:,} to {sizes[-1]:,} cases: {peaks[-1] / peaks[0]:.2f} x")


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument(
        "--memory",
        nargs="?",
        const="5000,50000",
        metavar="SIZES",
        help="also measure peak memory for these book sizes (default 5000,50000)",
    )
    args = parser.parse_args()
    rows, repeat = args.rows, args.repeat
    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases.csv"
        generate(cases, rows)
        out_cli, out_inline = Path(tmp) / "cli.jsonl", Path(tmp) / "inline.jsonl"
        cli_seconds = timed(lambda: main(["run", str(cases), "--output", str(out_cli), "--no-progress"]), repeat=repeat)
        inline_seconds = timed(inline, cases, out_inline, repeat=repeat)
        out_csv = Path(tmp) / "cli.csv"
        csv_seconds = timed(lambda: main(["run", str(cases), "--output", str(out_csv), "--no-progress"]), repeat=repeat)
        jobs = os.cpu_count() or 1
        out_jobs = Path(tmp) / "jobs.jsonl"
        jobs_seconds = timed(
            lambda: main(["run", str(cases), "-o", str(out_jobs), "--jobs", str(jobs)]),
            repeat=repeat,
            clock=time.perf_counter,  # the workers' CPU time is not this process's
        )
        assert out_jobs.read_bytes() == out_cli.read_bytes(), "--jobs must write the same bytes"
        written = sum(1 for _ in out_cli.open(encoding="utf-8"))
        assert written == rows, f"eghnrw run wrote {written} of {rows} cases"
        for mine, theirs in zip(out_cli.open(encoding="utf-8"), out_inline.open(encoding="utf-8"), strict=True):
            record, plain = json.loads(mine), json.loads(theirs)
            for key, value in plain["result"].items():
                assert record["result"][key] == value, (record, plain)
    print(f"eghnrw run, {rows:,} cases (CSV -> JSON lines, full audit records): {cli_seconds:.2f} s, "
          f"{rows / cli_seconds:,.0f} rows/s")  # fmt: skip
    print(f"eghnrw run, {rows:,} cases (CSV -> CSV of values):                  {csv_seconds:.2f} s, "
          f"{rows / csv_seconds:,.0f} rows/s")  # fmt: skip
    print(f"eghnrw run --jobs {jobs} (one per CPU), same file, JSON lines:          {jobs_seconds:.2f} s, "
          f"{rows / jobs_seconds:,.0f} rows/s")  # fmt: skip
    print(f"inline Decimal loop, same formulas and file (amounts only):      {inline_seconds:.2f} s, "
          f"{rows / inline_seconds:,.0f} rows/s")  # fmt: skip
    print(f"ratio eghnrw run / inline loop (CPU time): {cli_seconds / inline_seconds:.2f} x; CSV of values: "
          f"{csv_seconds / inline_seconds:.2f} x; with --jobs {jobs} (wall time): "
          f"{jobs_seconds / inline_seconds:.2f} x (best of {repeat})")  # fmt: skip
    if args.memory:
        memory([int(size) for size in args.memory.split(",")])


if __name__ == "__main__":
    main_bench()
