"""``eghnrw wohnform``: the example house as a table and an explanation, --json equal to the library, bad input.

The golden file ``tests/golden/wohnform.txt`` pins the human output (regenerate after an intended
change with ``EGHNRW_UPDATE_GOLDEN=1`` and review the diff).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import eghnrw
from eghnrw.doors import cli
from eghnrw.doors.cli._wohnform import example_text

ROOT = Path(os.environ.get("EGHNRW_REPO_ROOT") or Path(__file__).resolve().parents[1])
GOLDEN = Path(__file__).resolve().parent / "golden" / "wohnform.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_example_table_and_explanation(capsys) -> None:
    code, out, err = run(capsys, "wohnform", "--example")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Je Monat, in Euro:"
    assert lines[1].split() == [
        "Bewohner",
        "m²",
        "Warmmiete",
        "bes.",
        "NK",
        "gesamt",
        "SGB",
        "XII",
        "EGH",
        "keiner",
        "Leerstand",
    ]
    assert lines[9].split() == ["H", "25", "573,15", "42,19", "615,34", "600,00", "15,34", "0,00", "0,00"]
    assert lines[10].split() == ["Summe", "4.087,24", "300,00", "4.387,24", "3.770,23", "15,34", "0,00", "601,67"]
    assert "  davon Investitionsbetrag: 19.500,00" in lines
    assert "[LRV B.4.14 Abs. 7 letzter Satz]" in out


def test_example_in_english(capsys) -> None:
    code, out, _ = run(capsys, "wohnform", "--example", "--lang", "en")
    assert code == 0
    assert out.splitlines()[10].split()[:4] == ["Total", "4,087.24", "300.00", "4,387.24"]
    assert "  of which investment amount: 19,500.00" in out


def test_output_matches_golden_file(capsys) -> None:
    code, out, _ = run(capsys, "wohnform", "--example")
    out = out.replace(f"eghnrw {eghnrw.__version__}", "eghnrw <version>")
    assert code == 0
    if os.environ.get("EGHNRW_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8"), "output of wohnform changed: review, then regenerate"


@pytest.mark.skipif(not (ROOT / "examples").is_dir(), reason="examples/ not beside the tests")
def test_file_json_equals_the_library_call(capsys) -> None:
    path = ROOT / "examples" / "wohnform.json"
    code, out, err = run(capsys, "wohnform", str(path), "--json")
    assert (code, err) == (0, "")
    expected = eghnrw.wohnform_split(json.loads(path.read_text(encoding="utf-8"))).model_dump_json()
    assert out == expected + "\n"
    assert json.loads(out)["eingliederungshilfe_monthly"] == "15.34"


def test_stdin(capsys, monkeypatch) -> None:
    import io  # noqa: PLC0415 - only here

    monkeypatch.setattr("sys.stdin", io.StringIO(example_text()))
    code, out, _ = run(capsys, "wohnform", "-", "--json")
    assert code == 0
    assert json.loads(out)["unterkunft_monthly"] == "4375.76"


def test_bad_house_names_the_file_and_the_field(capsys, tmp_path) -> None:
    data = json.loads(example_text())
    data["residents"][1]["room_m2"] = 16.0  # a JSON fraction: a float
    path = tmp_path / "haus.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "wohnform", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"eghnrw: error: {path}: house.residents[1].room_m2: got 16.0; floats cannot hold cents")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "words"),
    [("{not json", "pass a JSON file with one House"), ("[]", "house: got []; pass a House")],
)
def test_not_a_house_file(capsys, tmp_path, content: str, words: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "wohnform", str(path))
    assert code == 2
    assert words in err


def test_missing_file_and_missing_argument(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "wohnform", str(tmp_path / "nope.json"))
    assert code == 2
    assert "FILE: got" in err
    assert "pass a readable UTF-8 JSON file" in err
    code, _, err = run(capsys, "wohnform")
    assert code == 2
    assert "one of the arguments FILE --example is required" in err


def test_help_lists_the_subcommand(capsys) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "wohnform" in out
    code, out, _ = run(capsys, "wohnform", "--help")
    assert code == 0
    assert "eghnrw schema --model House" in out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_total_row_is_the_sum_of_the_rows_above_it(capsys, lang: str) -> None:
    # The Warmmiete column holds what the WBVG contracts charge (the KdU basis): resident A is
    # charged 470.00, above the cost-based 458.52; the total row summed the cost-based Unterkunft
    # (4,075.76) beside rows that add up to 4,087.24, so "gesamt" was 11.48 short of its parts.
    from decimal import Decimal  # noqa: PLC0415

    assert cli.main(["wohnform", "--example", "--lang", lang]) == 0
    table = capsys.readouterr().out.split("\n\n")[0].splitlines()[2:]

    def number(cell: str) -> Decimal:
        return Decimal(cell.replace(".", "").replace(",", ".") if lang == "de" else cell.replace(",", ""))

    rows = [[number(cell) for cell in line.split()[-7:]] for line in table[:-1]]
    total = [number(cell) for cell in table[-1].split()[-7:]]
    assert total == [sum(column, Decimal(0)) for column in zip(*rows, strict=True)]
    assert total[2] == total[3] + total[4] + total[5] + total[6]  # gesamt = SGB XII + EGH + keiner + Leerstand
    assert total[0] == Decimal("4087.24")
