"""The snippet in docs/models.md runs as it stands."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

DOC = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "docs" / "models.md"


@pytest.mark.skipif(not DOC.is_file(), reason="docs/models.md is not beside the tests")
def test_models_md_snippet_runs(tmp_path, monkeypatch, capsys):
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 1
    monkeypatch.chdir(tmp_path)
    exec(compile(blocks[0], str(DOC), "exec"), {"__name__": "docs_models"})  # noqa: S102 - our own docs
    schema = json.loads((tmp_path / "eghnrw-input.schema.json").read_text(encoding="utf-8"))
    assert "Verguetungsvereinbarung" in schema["$defs"]
    assert "es fehlt: Leistungsvereinbarung" in capsys.readouterr().out
