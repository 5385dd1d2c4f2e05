"""Run every benchmark in benchmarks/ and print their figures: ``python benchmarks/run.py``.

``--quick`` passes ``--rows 10000`` to the scripts that take ``--rows`` (a smoke run; the figures in
docs/benchmarks.md come from a full run). Exits non-zero if a script fails.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description="Run every benchmarks/bench_*.py and print ratios.")
    parser.add_argument("--quick", action="store_true", help="smaller inputs (--rows 10000) for a smoke run")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.platform()}, {platform.processor() or platform.machine()}")
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        extra = ["--rows", "10000"] if args.quick and "--rows" in script.read_text(encoding="utf-8") else []
        print(f"\n=== {script.name} {' '.join(extra)}".rstrip(), flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *extra], cwd=HERE.parent)  # noqa: S603 - our own scripts
        print(f"--- {script.name}: exit {code}, {time.perf_counter() - start:.1f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
