"""The worked example in docs/wohnform.md runs as it stands, block after block."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

DOC = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs" / "wohnform.md"


@pytest.mark.skipif(not DOC.is_file(), reason="docs/wohnform.md is not beside the tests")
def test_wohnform_md_blocks_run_in_order(tmp_path, monkeypatch, capsys):
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 10
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_wohnform"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"{DOC}, block {number}", "exec"), namespace)  # noqa: S102 - our own docs
    out = capsys.readouterr().out
    assert "Fachleistung part = costs × Fachleistung area ÷ total area" in out
    assert "H   615.34  SGB XII  600.00  EGH  15.34  vacant    0.00" in out
    assert "Eingliederungshilfe share: amount above the threshold: 15.34 [§ 113 Abs. 5 SGB IX]" in out


@pytest.mark.skipif(not DOC.is_file(), reason="docs/wohnform.md is not beside the tests")
def test_the_tables_show_what_the_code_computes():
    import json  # noqa: PLC0415 - only here
    from importlib import resources  # noqa: PLC0415

    import eghnrw as e  # noqa: PLC0415

    text = DOC.read_text(encoding="utf-8")
    data = json.loads(resources.files("eghnrw.unterkunft.wohnform").joinpath("example_house.json").read_text("utf-8"))
    split = e.wohnform_split(data)
    for r in split.residents:
        row = f"| {r.warmmiete_cost_share} | {r.warmmiete} | {r.besondere_nebenkosten} | {r.actual_costs} |"
        assert row in text, row
    for cost in split.costs[:2]:
        assert f"| {cost.fachleistung:,} | {cost.unterkunft:,} |" in text
