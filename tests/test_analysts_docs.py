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


README = DOC.parents[1] / "README.md"


@pytest.mark.skipif(not README.is_file(), reason="README.md is not beside the tests")
def test_the_readme_analysts_path_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import eghnrw  # noqa: PLC0415 - only to ask whether read_table exists

    if "read_table" not in eghnrw.__all__:
        pytest.skip("eghnrw.read_table is not in this tree yet: the README's analyst block runs once it is")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    plt = pytest.importorskip("matplotlib.pyplot")
    blocks = re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), flags=re.DOTALL)
    block = next(b for b in blocks if "read_table" in b)
    (tmp_path / "stellen.csv").write_text(
        "role;fte;annual_cost;skilled\nFachkraft;6;62.000,00;true\nHilfskraft;2;46.000,00;false\n", encoding="cp1252"
    )
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"e": eghnrw}
    try:
        exec(compile(block, "README.md: the analyst's path", "exec"), namespace)  # noqa: S102 - our own README
    finally:
        plt.close("all")
    assert len(namespace["w"].rows) == 16  # type: ignore[attr-defined]
