"""Set-up-and-go for a fresh clone: ``python3 tasks.py demo`` or ``python3 tasks.py test``.

Also ``bench`` (benchmarks/run.py), ``docs`` (the documentation site into site/) and
``mutation`` (mutmut on the rule modules; slow, not part of CI).

Creates (or reuses) ``.venv`` with eghnrw installed in editable mode and its test and dev tools,
then runs the task. Needs nothing but Python >= 3.11 with pip and venv. The environment is
rebuilt whenever pyproject.toml changes.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".eghnrw-installed"

#: pytest's exit code when it collected no test (a run that tests nothing must not pass silently
#: as an error, nor be mistaken for success: it is reported and fails).
NO_TESTS = 5


def ensure_venv() -> None:
    """Create .venv and install eghnrw with its extras, unless it is already up to date."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PY.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Installing eghnrw and its tools into .venv (first run only) ...", flush=True)
    run([str(PY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(PY), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev,docs]"])
    STAMP.write_text(wanted)


def run(cmd: list[str]) -> int:
    """Run a command from the project root; stop with its exit code if it fails."""
    code = subprocess.call(cmd, cwd=ROOT)
    if code:
        raise SystemExit(code)
    return code


def demo(args: list[str]) -> None:
    """The main job on the bundled example."""
    run([str(BIN / "eghnrw"), "demo", *args])


def test(args: list[str]) -> None:
    """The whole test suite with the coverage floor."""
    cmd = [str(PY), "-m", "pytest", "--cov=eghnrw", "--cov-report=term", "--cov-fail-under=95", *args]
    code = subprocess.call(cmd, cwd=ROOT)
    if code == NO_TESTS:
        print("pytest collected no tests: that is a failure here", file=sys.stderr)
    if code:
        raise SystemExit(code)


def bench(args: list[str]) -> None:
    """Every benchmark, printing ratios against plain-Decimal baselines (benchmarks/run.py)."""
    run([str(PY), "benchmarks/run.py", *args])


def docs(args: list[str]) -> None:
    """Build the documentation site into site/ (warnings are errors)."""
    run([str(PY), "-m", "mkdocs", "build", "--strict", *args])


def mutation(args: list[str]) -> None:
    """Mutation testing of the rule modules with mutmut, on a snapshot of HEAD (20–35 min on 2 cores).

    The snapshot keeps mutmut's ``mutants/`` out of the working copy; the score is printed at the
    end and recorded by hand in docs/mutation.md. ``[tool.mutmut]`` in pyproject.toml says what is
    mutated and which tests run.
    """
    run([str(PY), "-m", "pip", "install", "--quiet", "mutmut>=3.3,<4"])
    snapshot = Path(tempfile.mkdtemp(prefix="eghnrw-mutation-"))
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(snapshot, filter="data")
    print(f"Mutating a snapshot of HEAD in {snapshot} ...", flush=True)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "ci"}
    mutmut = str(BIN / "mutmut")
    subprocess.call([mutmut, "run", "--max-children", str(os.cpu_count() or 2), *args], cwd=snapshot, env=env)
    subprocess.call([mutmut, "results"], cwd=snapshot, env=env)
    print_mutation_scores(snapshot / "mutants")


def print_mutation_scores(mutants: Path) -> None:
    """Killed / tested mutants per module, from mutmut's .meta files (a mutant not yet run is left out)."""
    total_killed = total_tested = 0
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = [c for c in json.loads(meta.read_text())["exit_code_by_key"].values() if c is not None]
        killed = sum(1 for c in codes if c != 0)
        total_killed, total_tested = total_killed + killed, total_tested + len(codes)
        if codes:
            module = meta.relative_to(mutants).as_posix().removesuffix(".py.meta")
            print(f"{module:32} {killed:5} / {len(codes):5} killed  {100 * killed / len(codes):5.1f} %")
    if total_tested:
        print(f"{'all':32} {total_killed:5} / {total_tested:5} killed  {100 * total_killed / total_tested:5.1f} %")


TASKS = {"demo": demo, "test": test, "bench": bench, "docs": docs, "mutation": mutation}


def main() -> None:
    """Dispatch ``python3 tasks.py TASK [ARGS...]``."""
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [args...]", file=sys.stderr)
        raise SystemExit(2)
    ensure_venv()
    TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
