"""README.md's Python example runs as written, and gives the values its comments promise."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1]))
README = ROOT / "README.md"


@pytest.mark.skipif(not README.is_file(), reason="README.md is not beside the tests (installed-wheel run)")
def test_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)
    assert blocks, "README.md has no Python example"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert "LRV A.4.6 Abs. 2" in capsys.readouterr().out  # print(r.explain())
    assert namespace["k"].eingliederungshilfe_share == namespace["Decimal"]("75.00")  # type: ignore[attr-defined]
    assert namespace["kal"].amount == namespace["Decimal"]("67.11")  # type: ignore[attr-defined]
    assert namespace["s"].fachleistung == namespace["Decimal"]("32727.27")  # type: ignore[attr-defined]


@pytest.mark.skipif(not README.is_file(), reason="README.md is not beside the tests (installed-wheel run)")
def test_readme_gives_exactly_two_set_up_and_go_commands() -> None:
    section = README.read_text("utf-8").split("## Set up and go", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^python3 tasks\.py \w+", section, flags=re.MULTILINE)
    assert commands == ["python3 tasks.py demo", "python3 tasks.py test"]
