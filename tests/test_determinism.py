"""Determinism: the same input gives the same result, byte for byte, in any interpreter.

Every valid call of the fuzz table (one per callable public name) is made here and in fresh
interpreters with another hash seed, time zone and locale; the audit records (``model_dump_json``)
must be byte-identical. Importing eghnrw — and touching every public name — loads no holiday
tables and writes nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pydantic
import pytest

from eghnrw.core.errors import ParameterOutdatedWarning
from fuzz.fuzz_table import SPECS, is_enum

TESTS = Path(__file__).resolve().parent
CALLS = [s for s in SPECS if not is_enum(s.name)]


def _record(result: Any) -> str:
    if isinstance(result, pydantic.BaseModel):
        return result.model_dump_json()
    if isinstance(result, tuple):
        return "[" + ",".join(_record(r) for r in result) + "]"
    return repr(result)


def records() -> dict[str, str]:
    """Each valid call's audit record (a warning for a late date is no part of the result)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParameterOutdatedWarning)
        return {s.name: _record(s.call()) for s in CALLS}


_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
import test_determinism
print(json.dumps(test_determinism.records()))
"""


def _fresh(env_overrides: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, **env_overrides}
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(TESTS)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=TESTS,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_the_same_call_twice_gives_the_same_record():
    assert records() == records()


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"},
    ],
    ids=["seed0-utc-C", "seed12345-kiritimati-de"],
)
def test_a_fresh_interpreter_gives_byte_identical_records(env: dict[str, str]):
    here = records()
    there = _fresh(env)
    assert sorted(there) == sorted(here)
    differing = [name for name in here if here[name] != there[name]]
    assert not differing, f"records differ in a fresh interpreter: {differing}"


_IMPORT_PROBE = """
import sys
writes = []

def hook(event, args):
    if event == "open" and len(args) > 1 and isinstance(args[1], str) and any(m in args[1] for m in "wax+"):
        writes.append(f"open {args[0]} {args[1]}")
    elif event == "open" and len(args) > 2 and isinstance(args[2], int) and args[2] & 0o3:  # O_WRONLY | O_RDWR
        writes.append(f"open {args[0]} flags={args[2]}")
    elif event in {"os.mkdir", "os.remove", "os.rename", "os.rmdir", "os.chmod", "shutil.rmtree", "os.truncate"}:
        writes.append(f"{event} {args[0]}")

sys.addaudithook(hook)
import eghnrw
names = [getattr(eghnrw, name) for name in eghnrw.__all__]
eghnrw.__version__
print("holidays" in sys.modules, len(names), repr(writes))
"""


def test_importing_eghnrw_and_touching_every_name_loads_no_holidays_and_writes_nothing(tmp_path: Path):
    out = subprocess.run(
        [sys.executable, "-B", "-c", _IMPORT_PROBE],  # -B: the interpreter's own .pyc files are not eghnrw's doing
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    holidays_loaded, count, writes = out.stdout.split(" ", 2)
    assert holidays_loaded == "False"
    assert int(count) > 0
    assert writes.strip() == "[]"
    assert out.stderr == ""
    assert list(tmp_path.iterdir()) == []
