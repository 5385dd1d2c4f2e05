"""docs/negotiation.md: its Python blocks run in order, as one script, and their asserts hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

DOC = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs" / "negotiation.md"


@pytest.mark.skipif(not DOC.is_file(), reason="docs/negotiation.md is not beside the tests")
def test_the_worked_negotiation_runs(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 8
    namespace: dict[str, object] = {"__name__": "docs_negotiation"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{DOC}:block {number}", "exec"), namespace)  # noqa: S102 - our own docs
    assert "Stelle Fachkraft: 6 VK × 62000 € je Vollzeitstelle" in capsys.readouterr().out
