"""Set-up-and-go for a fresh clone: ``python3 tasks.py demo`` or ``python3 tasks.py test``.

Tasks (``python3 tasks.py TASK [ARGS...]``; ARGS go to the tool the task runs):

- ``demo``: the main job on the bundled example, explained.
- ``test``: the whole test suite — derandomised, so every run of a tree gives the same outcome —
  with the 95 % coverage floor, in parallel where that helps (:func:`workers`). The README's
  command; CI runs it too.
- ``fuzz``: random exploration, longer: tests/fuzz and tests/property under the hypothesis profile
  ``fuzz`` (random, ten times the examples). Not part of CI; docs/contributing.md says how what it
  finds becomes a pinned example.
- ``bench``: benchmarks/run.py; ``docs``: the documentation site into site/; ``mutation``: mutmut
  on the rule modules (slow, not part of CI).

Each task creates (or reuses) ``.venv`` with eghnrw installed in editable mode and the extras of
pyproject.toml that task needs (``test`` installs ``[test]`` and ``[docs]``: every check runs, the
site build and the notebook too — 2 min 4 s on a fresh clone of a 2-core machine, venv included).
Needs nothing but Python >= 3.11 with pip and venv. The environment is updated whenever
pyproject.toml changes.
``python3 -c "import tasks; tasks.ensure_venv()"`` installs every extra (a developer's set-up).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import venv
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".eghnrw-installed"

#: The extras of pyproject.toml a developer's environment has (``dev`` includes ``test``).
ALL_EXTRAS = ("dev", "docs")
_INCLUDES = {"dev": {"test"}}

#: pytest's exit code when it collected no test (a run that tests nothing must not pass silently
#: as an error, nor be mistaken for success: it is reported and fails).
NO_TESTS = 5


def _state() -> dict[str, object]:
    """What .venv was last set up with: ``{"pyproject": sha256, "extras": [...]}`` (empty if unknown)."""
    try:
        state = json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def ensure_venv(extras: Iterable[str] = ALL_EXTRAS) -> None:
    """Create .venv and install eghnrw (editable) with ``extras``, unless they are already installed.

    Extras installed before are kept, and reinstalled with the others when pyproject.toml changes.
    pip is the one the venv module brings (any pip >= 21.3 installs editable from pyproject.toml).
    Bytecode is compiled at install time, as pip does by default: where PYTHONDONTWRITEBYTECODE is
    set, nothing compiled later is kept, and every Python process of the suite (pytest and the
    ~20 interpreters tests start) would compile its imports again (pytest, hypothesis, pydantic
    and coverage: 1.9 s of CPU instead of 0.55 s, each time).
    """
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    state = _state() if PY.exists() else {}
    listed = state.get("extras")
    previous = {str(x) for x in listed} if isinstance(listed, list) else set()
    need = set(extras)
    current = state.get("pyproject") == wanted
    if current and need <= previous.union(*(_INCLUDES.get(x, set()) for x in previous)):
        return
    if not PY.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    target = sorted(need | previous)
    spec = f"{ROOT}[{','.join(target)}]" if target else str(ROOT)
    print(f"Installing eghnrw{spec.removeprefix(str(ROOT))} into .venv ...", flush=True)
    run([str(PY), "-m", "pip", "install", "--quiet", "-e", spec])
    STAMP.write_text(json.dumps({"pyproject": wanted, "extras": target}))


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    """Run a command from the project root; stop with its exit code if it fails."""
    code = subprocess.call(cmd, cwd=ROOT, env=env)
    if code:
        raise SystemExit(code)
    return code


def pytest(args: list[str], env: dict[str, str] | None = None) -> None:
    """Run pytest in .venv; stop with its exit code if it fails or collects no test."""
    code = subprocess.call([str(PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    if code == NO_TESTS:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
    if code:
        raise SystemExit(code)


def workers(args: list[str]) -> list[str]:
    """pytest-xdist's ``-n`` for this machine: a worker per physical core, none on two CPUs or fewer.

    Cores are counted as half the logical CPUs (two threads a core). On the 2-vCPU machines the
    README's command was measured on, two workers took up to 1.8 times the wall time of one
    process whenever another job ran (127 s against 71 s) and saved at most 15 % on an idle
    machine: the two vCPUs share a core. ARGS with ``-n`` (or ``-p no:xdist``) decide instead.
    """
    if any(a.startswith(("-n", "--numprocesses", "--dist")) or a == "no:xdist" for a in args):
        return []
    cores = (os.cpu_count() or 1) // 2
    return ["-n", str(cores)] if cores >= 2 else []


def demo(args: list[str]) -> None:
    """The main job on the bundled example."""
    run([str(BIN / "eghnrw"), "demo", *args])


def test(args: list[str]) -> None:
    """The whole test suite: derandomised, with the coverage floor (the README's command)."""
    # Every check: the site build and the notebook run too (their extra is installed for this task).
    env = {**os.environ, "HYPOTHESIS_PROFILE": "default", "EGHNRW_REQUIRE_DOCS": "1"}
    pytest([*workers(args), "--cov=eghnrw", "--cov-report=term", "--cov-fail-under=95", *args], env)


def fuzz(args: list[str]) -> None:
    """Random exploration: tests/fuzz and tests/property under the ``fuzz`` profile (minutes, not CI).

    Paths among ARGS replace the two folders (``python3 tasks.py fuzz tests/property/test_money_properties.py``).
    A failure prints the example (and ``@reproduce_failure``); docs/contributing.md, "Random
    exploration", says how it becomes a pinned example of the default suite.
    """
    paths = [] if any((ROOT / a.split("::")[0]).exists() for a in args) else ["tests/fuzz", "tests/property"]
    env = {**os.environ, "HYPOTHESIS_PROFILE": "fuzz"}
    try:
        pytest([*workers(args), "-p", "no:cacheprovider", *paths, *args], env)
    except SystemExit:
        print("\nfuzz found a failure: pin it as docs/contributing.md says (Random exploration)", file=sys.stderr)
        raise


def bench(args: list[str]) -> None:
    """Every benchmark, printing ratios against plain-Decimal baselines (benchmarks/run.py)."""
    run([str(PY), "benchmarks/run.py", *args])


def docs(args: list[str]) -> None:
    """Build the documentation site into site/ (warnings are errors)."""
    run([str(PY), "-m", "mkdocs", "build", "--strict", *args])


def mutation(args: list[str]) -> None:
    """Mutation testing of the rule modules with mutmut, on a snapshot of HEAD (a whole run: a night on 2 cores).

    The snapshot keeps mutmut's ``mutants/`` out of the working copy; the score is printed at the
    end and recorded by hand in docs/mutation.md. ``[tool.mutmut]`` in pyproject.toml says what is
    mutated and which tests run. ARGS go to ``mutmut run``: mutant name patterns run a part
    (``python3 tasks.py mutation "eghnrw.verguetung.negotiation.*"``), as docs/mutation.md describes.
    """
    run([str(PY), "-m", "pip", "install", "--quiet", "mutmut>=3.3,<4"])
    snapshot = Path(tempfile.mkdtemp(prefix="eghnrw-mutation-"))
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(snapshot, filter="data")
    undecorated = undecorate_rules(snapshot / "src")
    print(f"Mutating a snapshot of HEAD in {snapshot} ({undecorated} declarations moved below their rules) ...",
          flush=True)  # fmt: skip
    env = {**os.environ, "HYPOTHESIS_PROFILE": "default"}  # derandomised: a mutant is killed or not, every run
    mutmut = str(BIN / "mutmut")
    subprocess.call([mutmut, "run", "--max-children", str(os.cpu_count() or 2), *args], cwd=snapshot, env=env)
    subprocess.call([mutmut, "results"], cwd=snapshot, env=env)
    print_mutation_scores(snapshot / "mutants")


def undecorate_rules(source: Path) -> int:
    """Rewrite ``@rule(...)`` above a function as ``name = rule(...)(name)`` below it, in a snapshot.

    mutmut (3.x) leaves decorated functions alone, so a declared rule's body would never be
    mutated. The declaration is the same call either way (``rule(...)`` returns the function it is
    given, registered); only its place moves, and only in the snapshot mutmut works on. Returns how
    many declarations were moved.
    """
    import ast  # noqa: PLC0415 - only for this task

    moved = 0
    for path in sorted(source.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "@rule(" not in text:
            continue
        lines = text.splitlines(keepends=True)
        declared = [
            (node, decorator)
            for node in ast.parse(text).body
            if isinstance(node, ast.FunctionDef)
            for decorator in node.decorator_list
            if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name) and decorator.func.id == "rule"
        ]
        for node, decorator in sorted(declared, key=lambda pair: pair[0].lineno, reverse=True):
            call = ast.get_source_segment(text, decorator)
            assert node.end_lineno is not None  # noqa: S101 - parsed source has line numbers
            assert decorator.end_lineno is not None  # noqa: S101
            lines.insert(node.end_lineno, f"{node.name} = {call}({node.name})\n")
            del lines[decorator.lineno - 1 : decorator.end_lineno]
            moved += 1
        path.write_text("".join(lines), encoding="utf-8")
    return moved


#: mutmut's exit codes that kill no mutant: it survived (0), no test reached it (5, 33), it was skipped (34).
_NOT_KILLED = frozenset({0, 5, 33, 34})


def print_mutation_scores(mutants: Path) -> None:
    """Killed / tested mutants per module, from mutmut's .meta files (a mutant not yet run is left out).

    A mutant no test reaches counts as not killed (mutmut's "no tests"), as does a surviving one.
    """
    total_killed = total_tested = 0
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = [c for c in json.loads(meta.read_text())["exit_code_by_key"].values() if c is not None]
        killed = sum(1 for c in codes if c not in _NOT_KILLED)
        total_killed, total_tested = total_killed + killed, total_tested + len(codes)
        if codes:
            module = meta.relative_to(mutants).as_posix().removesuffix(".py.meta")
            print(f"{module:32} {killed:5} / {len(codes):5} killed  {100 * killed / len(codes):5.1f} %")
    if total_tested:
        print(f"{'all':32} {total_killed:5} / {total_tested:5} killed  {100 * total_killed / total_tested:5.1f} %")


#: Each task with the extras of pyproject.toml it needs.
TASKS: dict[str, tuple[Callable[[list[str]], None], tuple[str, ...]]] = {
    "demo": (demo, ()),
    "test": (test, ("test", "docs")),
    "fuzz": (fuzz, ("test",)),
    "bench": (bench, ()),
    "docs": (docs, ("docs",)),
    "mutation": (mutation, ("test",)),
}


def main() -> None:
    """Dispatch ``python3 tasks.py TASK [ARGS...]``."""
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [args...]", file=sys.stderr)
        raise SystemExit(2)
    task, extras = TASKS[sys.argv[1]]
    ensure_venv(extras)
    task(sys.argv[2:])


if __name__ == "__main__":
    main()
