"""The examples run: scripts, the bundled case file (JSON and CSV), the notebook; HTML reprs escape user text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import eghnrw
from eghnrw.doors import cli

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT") or Path(__file__).resolve().parents[1])
EXAMPLES = ROOT / "examples"

needs_examples = pytest.mark.skipif(
    not EXAMPLES.is_dir(), reason=f"examples/ not found under {ROOT} (e.g. tests run against the installed wheel)"
)


def _python(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
        timeout=120,
    )


@needs_examples
def test_main_job_script() -> None:
    done = _python(EXAMPLES / "besondere_wohnform.py")
    assert done.returncode == 0, done.stderr
    assert "Fachmodul Wohnen + Organisationsmodul je Tag: 108.63 + 29.28 = 137.91 €" in done.stdout
    assert "× 31 Tage: 4275.21 €" in done.stdout
    assert "KdU: SGB XII 700.00 €, Eingliederungshilfe 80.00 €" in done.stdout
    assert "LRV gekündigt zum 30.06.2026, Nachwirkung bis 30.06.2027" in done.stdout


@needs_examples
def test_terms_and_deadlines_script() -> None:
    done = _python(EXAMPLES / "terms_and_deadlines.py")
    assert done.returncode == 0, done.stderr
    assert "RV: notice on 01.10.2026 -> timely False, ends 31.12.2027" in done.stdout
    assert "LRV: terminated to 15.03.2025, provisions apply until 30.09.2025" in done.stdout
    assert "Schiedsstelle from 16.08.2024" in done.stdout


@needs_examples
def test_every_script_is_tested() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == ["besondere_wohnform.py", "terms_and_deadlines.py"]


@needs_examples
def test_bundled_demo_file_is_the_example() -> None:
    assert cli.demo_text() == (EXAMPLES / "besondere_wohnform.json").read_text(encoding="utf-8")


@needs_examples
def test_json_and_csv_examples_give_the_same_results(capsys) -> None:
    records = {}
    for name in ("besondere_wohnform.json", "besondere_wohnform.csv"):
        code = cli.main(["run", str(EXAMPLES / name)])
        captured = capsys.readouterr()
        assert (code, captured.err) == (0, "")
        records[name] = [(r["id"], r["kind"], r["result"]) for r in map(json.loads, captured.out.splitlines())]
    assert len(records["besondere_wohnform.json"]) == 8
    assert records["besondere_wohnform.json"] == records["besondere_wohnform.csv"]


@needs_examples
@pytest.mark.usefixtures("docs_toolchain")
def test_notebook_runs_top_to_bottom(tmp_path, monkeypatch) -> None:
    import nbclient  # noqa: PLC0415 - the docs extra: present here (the fixture skips without it)
    import nbformat  # noqa: PLC0415

    # A kernel spec of this very interpreter, so the notebook runs against the eghnrw under test
    # whatever "python3" kernel a machine has registered.
    spec = tmp_path / "jupyter" / "kernels" / "eghnrw-test"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "eghnrw test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")  # no migration warning from jupyter_core
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # no debugger warning on frozen modules
    notebook = nbformat.read(EXAMPLES / "walkthrough.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, kernel_name="eghnrw-test", timeout=120, resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert len(html) >= 8
    assert any("<td>gerundet auf den Cent (kaufmännisch)</td><td>108,63</td>" in page for page in html)
    assert any("<th>Fundstelle</th>" in page and "LRV B.4.14 Abs. 7" in page for page in html)


def test_html_and_markdown_reprs_escape_user_text() -> None:
    hostile = "<script>alert('x')</script> | a&b"
    result = eghnrw.surcharge(base="100", percent="10", name=hostile)
    page = result._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; | a&amp;b" in page
    markdown = result._repr_markdown_()
    assert "<script>" not in markdown
    assert "\\|" in markdown
    timeline = eghnrw.termination_timeline(notice_received=date(2024, 3, 15), party=hostile, side="leistungserbringer")
    assert "<script>" not in timeline._repr_html_()
    termination = eghnrw.lrv_termination(notice_received=date(2024, 3, 15), party=hostile, side="leistungserbringer")
    assert "<script>" not in termination._repr_html_()
    assert termination.party == hostile  # kept as given; only its rendering is escaped
