"""The shipped artefact type-checks at a user's call site.

``consumer.py`` is copied to an empty directory — away from this repository's mypy settings and
source tree — and checked with ``mypy --strict`` against the eghnrw the interpreter has installed;
then it is run. Skipped where mypy is not installed (the wheel's ``[test]`` extra does not bring it).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONSUMER = Path(__file__).resolve().parent / "consumer.py"


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (pip install eghnrw[dev])")
def test_consumer_passes_mypy_strict_against_the_installed_package(tmp_path: Path):
    script = tmp_path / "consumer.py"
    shutil.copy(CONSUMER, script)
    (tmp_path / "none.toml").write_text("")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--config-file",
            str(tmp_path / "none.toml"),  # an empty config: a user's defaults, not this repository's
            str(script),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_consumer_runs(tmp_path: Path):
    script = tmp_path / "consumer.py"
    shutil.copy(CONSUMER, script)
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, cwd=tmp_path, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("consumer ok with eghnrw ")
