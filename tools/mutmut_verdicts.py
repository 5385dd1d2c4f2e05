"""Give named mutmut mutants their verdicts quickly: collect the tests once, fork one child a mutant.

``mutmut run`` starts a forked worker per mutant and runs the tests it maps to the mutant's
function, fastest first. For a rule module reached by a thousand tests (``money``, a Kalkulation)
that costs minutes a mutant even when the module's own test file would fail at once. This script
keeps mutmut's verdict and its tests and changes only the order and the start:

- the tests are collected once, in this process, with the arguments of ``[tool.mutmut]``;
- for each mutant a child is forked; it sets ``MUTANT_UNDER_TEST`` (mutmut's trampoline then calls
  the mutant) and runs exactly the tests ``mutmut-stats.json`` maps to the mutant's function —
  those of a test file named after the module first (``test_money.py`` for ``eghnrw.core.money``),
  then the others by their duration — and stops at the first failure;
- exit 1: killed; 0: survived (every mapped test passed); 33: no test reaches it; a negative code:
  stopped by a signal (``-14``: the alarm after ``MUTMUT_VERDICT_LIMIT`` seconds, 300 by default).

Run it in a snapshot's ``mutants/`` folder after ``mutmut run`` has generated the mutants and its
statistics (docs/mutation.md, "How to run it")::

    cd /tmp/eghnrw-mutation-XXXX/mutants
    PYTHONPATH=src HYPOTHESIS_PROFILE=default python /path/to/tools/mutmut_verdicts.py NAMES OUT -- \
        -o addopts=--strict-markers --ignore=... tests

``NAMES`` lists one mutant name a line; ``OUT`` (JSON, name → exit code) is written after each
mutant, and a second run skips the names it already holds. Copy the verdicts into mutmut's
``.meta`` files to have ``mutmut results`` and ``tasks.print_mutation_scores`` count them.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

NOT_REACHED = 33  # mutmut's exit code for a mutant no test reaches


class Verdicts:
    """A pytest plugin that replaces the test loop by one forked child per mutant."""

    def __init__(self, names: list[str], out: Path, limit: int) -> None:
        stats = json.loads(Path("mutmut-stats.json").read_text(encoding="utf-8"))
        self.tests = {name: set(tests) for name, tests in stats["tests_by_mangled_function_name"].items()}
        self.duration: dict[str, float] = stats["duration_by_test"]
        self.names, self.out, self.limit = names, out, limit

    def chosen(self, items: list[Any], mutant: str) -> list[Any]:
        """The tests mutmut maps to the mutant's function: the module's own test file first, then by duration."""
        wanted = self.tests.get(mutant.split("__mutmut_", maxsplit=1)[0], set())
        module = mutant.split(".x", maxsplit=1)[0].rpartition(".")[2]  # money of eghnrw.core.money.x_f__mutmut_2
        return sorted(
            (item for item in items if item.nodeid in wanted),
            key=lambda item: (module not in item.nodeid.partition("::")[0], self.duration.get(item.nodeid, 0.0)),
        )

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        """Give each mutant its verdict in a forked child; ``True``: pytest runs no test loop of its own."""
        results: dict[str, int] = json.loads(self.out.read_text(encoding="utf-8")) if self.out.exists() else {}
        for number, mutant in enumerate(self.names, start=1):
            if mutant in results:
                continue
            tests = self.chosen(session.items, mutant)
            start = time.monotonic()
            pid = os.fork()
            if pid == 0:  # the child: its output is of no use, its exit code is the verdict
                quiet = os.open(os.devnull, os.O_WRONLY)
                os.dup2(quiet, 1)
                os.dup2(quiet, 2)
                signal.alarm(self.limit)
                os.environ["MUTANT_UNDER_TEST"] = mutant
                try:
                    for i, item in enumerate(tests):
                        following = tests[i + 1] if i + 1 < len(tests) else None
                        item.config.hook.pytest_runtest_protocol(item=item, nextitem=following)
                        if session.testsfailed:
                            os._exit(1)
                    os._exit(0 if tests else NOT_REACHED)
                except BaseException:  # noqa: BLE001 - anything that stops the tests is a failure
                    os._exit(3)
            _, status = os.waitpid(pid, 0)
            results[mutant] = os.waitstatus_to_exitcode(status)
            seconds = time.monotonic() - start
            print(f"{number}/{len(self.names)} {mutant} {results[mutant]} ({len(tests)} tests, {seconds:.1f} s)")
            partial = self.out.with_suffix(".partial")
            partial.write_text(json.dumps(results, indent=0), encoding="utf-8")
            partial.replace(self.out)
        return True


def main() -> int:
    """``NAMES OUT -- PYTEST_ARGS``: give every mutant in NAMES its verdict, written to OUT."""
    names_file, out_file = sys.argv[1], sys.argv[2]
    pytest_args = sys.argv[sys.argv.index("--") + 1 :]
    names = Path(names_file).read_text(encoding="utf-8").split()
    limit = int(os.environ.get("MUTMUT_VERDICT_LIMIT", "300"))
    plugin = Verdicts(names, Path(out_file), limit)
    return int(pytest.main(["-q", "-p", "no:cacheprovider", *pytest_args], plugins=[plugin]))


if __name__ == "__main__":
    sys.exit(main())
