"""``eghnrw kalkulation``: the bundled example, JSON and TOML files, --vary, --json, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eghnrw.doors import cli
from eghnrw.doors.cli import _kalkulation

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT") or Path(__file__).resolve().parents[1])
EXAMPLE = ROOT / "examples" / "kalkulation.json"


@pytest.mark.skipif(not EXAMPLE.is_file(), reason="examples/ not beside the tests (installed-wheel run)")
def test_bundled_example_is_the_example_file() -> None:
    assert _kalkulation.example_text() == EXAMPLE.read_text(encoding="utf-8")


def test_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    # 797,000 personnel + 7.5 % surcharges 59,775 + 42,000 + (96,000 − 12,000) + 18,000 = 1,000,775
    # ÷ (24 × 365 × 0.96 = 8,409.6) = 119.0038… → 119.00
    assert cli.main(["kalkulation"]) == 0
    out = capsys.readouterr().out
    assert "Leistungspauschale: 119,00" in out
    assert "Jahreskosten: 1.000.775,00" in out
    assert "Fachkraftquote in %: 66,67" in out  # 9 of 13.5 FTE other than Leitung


def test_vary_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["kalkulation", "--vary", "occupancy_percent=90:100:5", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    # 1,000,775 ÷ (8,760 × 0.9 = 7,884) = 126.9375… → 126.94
    assert "occupancy_percent = 90: rate (difference 7.94): 126.94" in out
    assert "occupancy_percent = 100" in out


def test_json_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["kalkulation", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["amount"] == "119.00"
    assert record["kalkulation"]["places"] == 24


def test_toml_file_and_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "k.toml"
    path.write_text(
        'unit = "day"\nplaces = 10\noccupancy_percent = "100"\n'
        '[[posts]]\nrole = "Fachkraft"\nfte = "2"\nannual_cost = "73000"\nskilled = true\n',
        encoding="utf-8",
    )
    # 146,000 ÷ (10 × 365 berechnungstage on 2025-01-01) = 40.00
    assert cli.main(["kalkulation", str(path), "--on", "2025-01-01"]) == 0
    assert "Leistungspauschale: 40,00" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["kalkulation", "no-such-file.json"], "FILE: got 'no-such-file.json'; pass a readable UTF-8 file"),
        (["kalkulation", "--vary", "occupancy_percent=90:100"], "--vary: got 'occupancy_percent=90:100'"),
        (["kalkulation", "--vary", "colour=1:2:1"], "vary: got 'colour'"),
        (["kalkulation", "--on", "01.01.2025"], "--on: got '01.01.2025'; pass a date as YYYY-MM-DD"),
    ],
)
def test_bad_input_exits_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_invalid_kalkulation_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_kalkulation.example_text())
    data["posts"][1]["fte"] = "-1"
    path = tmp_path / "k.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["kalkulation", str(path)]) == 2
    assert "data.posts[1].fte: got '-1'" in capsys.readouterr().err
