"""Table cells: formula injection neutralised in every CSV and sheet eghnrw writes; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eghnrw.doors import cli
from eghnrw.doors.cli._cells import DANGEROUS, cell_text, is_dangerous, neutralise, shown, unneutralise

ATTACKS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx", "=1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_every_dangerous_start_is_neutralised(text) -> None:
    assert neutralise(text) == "'" + text
    assert unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("number", ["-5", "-5.00", "+3", "-1234,56", "0"])
def test_numbers_stay_numbers(number) -> None:
    assert neutralise(number) == number
    assert cell_text(Decimal("-5.00")) == "-5.00"
    assert cell_text(-3) == "-3"


def test_harmless_text_is_kept() -> None:
    for text in ("Haus A", "'quoted'", "a=b", "1 + 1", ""):
        assert neutralise(text) == text
        assert unneutralise(text) == text


@given(st.text(max_size=20))
def test_neutralised_text_is_never_read_as_a_formula_and_reads_back(text) -> None:
    safe = neutralise(text)
    assert not is_dangerous(safe)
    assert unneutralise(safe) == text or (text.startswith("'") and is_dangerous(text[1:]))


def test_lists_and_mappings_are_neutralised_as_a_whole() -> None:
    assert cell_text(("=a", "b")) == "'=a; b"
    assert cell_text({"x": Decimal("1.50")}, excel=True) == "x=1,50"


def test_shown_only_shortens_whole_cents() -> None:
    assert shown(Decimal("870000.000")) == Decimal("870000.00")
    assert str(shown(Decimal("870000.000"))) == "870000.00"
    assert str(shown(Decimal("1.005"))) == "1.005"
    assert str(shown(Decimal(5))) == "5"


def test_dangerous_characters_are_owasps() -> None:
    assert DANGEROUS == ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "excel"])
def test_run_csv_output_neutralises_ids_and_reads_them_back(capsys, tmp_path, excel) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps(
            [{"kind": "kdu", "id": attack, "actual_costs": "700", "adequacy_limit": "500"} for attack in ATTACKS]
        ),
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    assert cli.main(["run", str(cases), "-o", str(target), *(["--excel"] if excel else [])]) == 0
    with target.open(encoding="utf-8-sig", newline="") as written:
        rows = list(csv.DictReader(written, delimiter=";" if excel else ","))
    assert [row["Kennung" if excel else "id"] for row in rows] == ["'" + attack for attack in ATTACKS]
    assert all(not is_dangerous(cell) for row in rows for cell in row.values())
    # the ids read back as they were when the output is read as a case file again
    again = tmp_path / "again.csv"
    sep = ";" if excel else ","
    with again.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=sep)
        writer.writerow(["kind", "id", "actual_costs", "adequacy_limit"])
        for row in rows:
            writer.writerow(["kdu", row["Kennung" if excel else "id"], row["actual_costs"], row["adequacy_limit"]])
    capsys.readouterr()
    code = cli.main(["run", str(again)])
    out = capsys.readouterr().out
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ATTACKS


def test_demo_save_csv_is_neutralised(tmp_path, capsys) -> None:
    path = tmp_path / "b.csv"
    assert cli.main(["demo", "--save", str(path)]) == 0
    capsys.readouterr()
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
        assert not any(is_dangerous(cell) for cell in row)


def test_dates_in_excel_cells() -> None:
    assert cell_text(date(2026, 12, 31), excel=True) == "31.12.2026"
    assert cell_text(date(2026, 12, 31)) == "2026-12-31"
