"""docs/analysts.md: its Python blocks run in order, as one script, and their asserts hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

DOC = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs" / "analysts.md"


@pytest.mark.skipif(not DOC.is_file(), reason="docs/analysts.md is not beside the tests")
def test_the_analysts_page_runs(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    plt = pytest.importorskip("matplotlib.pyplot")
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 3
    namespace: dict[str, object] = {"__name__": "docs_analysts"}
    try:
        for number, block in enumerate(blocks, 1):
            exec(compile(block, f"{DOC}:block {number}", "exec"), namespace)  # noqa: S102 - our own docs
    finally:
        plt.close("all")
    assert "amount: recorded '999.99', recomputed '144.20'" in capsys.readouterr().out


@pytest.mark.skipif(not DOC.is_file(), reason="docs/analysts.md is not beside the tests")
def test_every_chart_the_page_shows_is_drawn_by_the_docs_hook() -> None:
    shown = re.findall(r"\]\(charts/([\w-]+\.png)\)", DOC.read_text(encoding="utf-8"))
    hook = (DOC.parent / "_charts.py").read_text(encoding="utf-8")
    drawn = re.findall(r'"([\w-]+\.png)":', hook)
    assert shown == drawn == ["compare.png", "what-if.png", "occupancy.png", "timeline.png"]
