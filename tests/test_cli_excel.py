"""German Excel both ways: ';' CSV with decimal commas in cp1252 or UTF-8, and .xlsx workbooks; round trips."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date
from decimal import Decimal

import pytest

from eghnrw.doors import cli
from eghnrw.doors.cli import _xlsx
from eghnrw.doors.cli._commands import CommandError
from eghnrw.doors.cli._german import german_amount

EXCEL_CSV = (
    "kind;id;actual_costs;adequacy_limit;annual_personnel_cost;on;surcharges_percent\r\n"
    "kdu;Haus Ä;780,00;560;;;\r\n"
    "kdu;Haus B;1.234,56 €;1.000,00;;;\r\n"
    'hourly-rate;Assistenz;;;58000;01.01.2024;"gemeinkosten=12,5; sachaufwand=7,5"\r\n'
)


_GERMAN = {"Zeile": "line", "Fall": "case", "Kennung": "id", "Berechnung": "kind", "Klauseln": "clauses"}


def named(row: dict) -> dict:
    """A row of a German table by the field names: ``Tagessatz (amount)`` → ``amount``, ``Kennung`` → ``id``."""
    return {_GERMAN.get(k, re.sub(r"^.*\((\w+)\)$", r"\1", k)): v for k, v in row.items()}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("cp1252", b""), ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf")], ids=["cp1252", "utf8", "bom"]
)
def test_german_excel_csv_is_read_in_every_encoding_excel_writes(capsys, tmp_path, encoding, bom) -> None:
    path = tmp_path / "faelle.csv"
    path.write_bytes(bom + EXCEL_CSV.encode(encoding))
    code, out, err = run(capsys, "run", str(path))
    assert (code, err) == (0, "")
    got = records(out)
    assert [r["id"] for r in got] == ["Haus Ä", "Haus B", "Assistenz"]
    # 780.00 against 560 × 1.25 = 700.00: SGB XII 700.00, Eingliederungshilfe 80.00
    assert (got[0]["result"]["sgb_xii_share"], got[0]["result"]["eingliederungshilfe_share"]) == ("700.00", "80.00")
    # 1.234,56 € against 1.000,00 × 1.25 = 1250.00: not exceeded, all SGB XII
    assert got[1]["result"]["sgb_xii_share"] == "1234.56"
    # 58000 × 1.20 ÷ 1584 = 43.939… → 43.94 (12,5 % + 7,5 % = 20 %; the date read as 2024-01-01)
    assert got[2]["result"]["amount"] == "43.94"
    assert got[2]["result"]["inputs"]["on"] == "2024-01-01"


def test_a_decimal_point_in_a_german_file_is_refused_with_the_way_out(capsys, tmp_path) -> None:
    path = tmp_path / "punkt.csv"
    path.write_text("kind;actual_costs;adequacy_limit\nkdu;625.00;500\nkdu;1.234;500\n", encoding="utf-8")
    code, out, err = run(capsys, "run", str(path))
    assert (code, out) == (2, "")
    assert f"{path}:2: kdu: actual_costs: got '625.00'; this input is read with decimal commas" in err
    assert "pass --no-decimal-comma if the file uses decimal points" in err
    assert f"{path}:3: kdu: actual_costs: got '1.234'" in err  # 1234 or 1.234? refused, never guessed
    code, out, _ = run(capsys, "run", str(path), "--no-decimal-comma")
    assert code == 2  # 1.234 is not whole cents: refused by the library, 625.00 computed
    assert records(out)[0]["result"]["sgb_xii_share"] == "625.00"


def test_decimal_commas_only_where_asked(capsys, tmp_path) -> None:
    path = tmp_path / "komma.csv"
    path.write_text('kind,actual_costs,adequacy_limit\nkdu,"700,00",500\n', encoding="utf-8")
    code, _, err = run(capsys, "run", str(path))
    assert code == 2
    assert "German number format is ambiguous here" in err
    assert "or read the file with --decimal-comma" in err
    code, out, _ = run(capsys, "run", str(path), "--decimal-comma")
    assert code == 0
    assert records(out)[0]["result"]["eingliederungshilfe_share"] == "75.00"


def test_json_strings_with_decimal_commas_only_with_the_option(capsys, tmp_path) -> None:
    path = tmp_path / "komma.json"
    path.write_text('[{"kind": "kdu", "actual_costs": "700,00", "adequacy_limit": 500}]', encoding="utf-8")
    assert run(capsys, "run", str(path))[0] == 2
    code, out, _ = run(capsys, "run", str(path), "--decimal-comma")
    assert (code, records(out)[0]["result"]["sgb_xii_share"]) == (0, "625.00")


def test_a_subcommand_takes_decimal_commas_when_asked(capsys) -> None:
    code, _, err = run(capsys, "kdu", "--actual-costs", "700,00", "--adequacy-limit", "500")
    assert code == 2
    assert err.endswith("or pass --decimal-comma\n")
    code, out, _ = run(capsys, "kdu", "--actual-costs", "700,00", "--adequacy-limit", "500", "--decimal-comma")
    assert (code, "Anteil Eingliederungshilfe: 75,00" in out) == (0, True)


def test_chosen_encoding_and_an_unknown_one(capsys, tmp_path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("kind;id;actual_costs;adequacy_limit\nkdu;Größe;700,00;500\n".encode("cp1252"))
    code, out, _ = run(capsys, "run", str(path), "--encoding", "cp1252")
    assert (code, records(out)[0]["id"]) == (0, "Größe")
    code, out, err = run(capsys, "run", str(path), "--encoding", "utf-8")
    assert (code, out) == (2, "")
    assert f"{path}:1: not readable as utf-8 (invalid start byte); pass --encoding" in err
    code, _, err = run(capsys, "run", str(path), "--encoding", "klingon")
    assert code == 2
    assert "--encoding: got 'klingon'" in err


def test_german_amount_syntax() -> None:
    assert german_amount("1.234.567,89", "a") == "1234567.89"
    assert german_amount("-0,5", "a") == "-0.5"
    assert german_amount("12", "a") == "12"
    assert german_amount("abc", "a") == "abc"  # not a number: left for the library to refuse by name
    for ambiguous in ("1.234", "0.625", "12.5"):
        with pytest.raises(ValueError, match="decimal commas"):
            german_amount(ambiguous, "a")


# --- writing for German Excel ---------------------------------------------------------------------


def test_excel_csv_has_bom_semicolons_decimal_commas_and_german_dates(capsys, tmp_path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(
        '[{"kind": "fachmodul-wohnen", "id": "W", "places": 24, "occupancy_percent": "96", "posts_per_place": "0.625",'
        ' "cost_per_post": "58000", "surcharges_percent": {"sachaufwand": "5"}, "days": "365"},'
        ' {"kind": "shared-delivery", "id": "G", "rate": "43.94", "hours": "2", "participants": 3},'
        ' {"kind": "rv-termination", "id": "R", "notice_received": "2026-06-30"}]',
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "run", str(path), "--excel", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    raw = target.read_bytes()
    assert raw.startswith("\ufeffZeile;Fall;Kennung;Berechnung;places;occupancy_percent;".encode())
    assert b";Tagessatz (amount);" not in raw  # the kinds disagree on the label: the general one
    assert b";Betrag (amount);" in raw
    assert b"\r\n" in raw
    rows = [named(row) for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";")]
    assert rows[0]["places"] == "24"  # the inputs beside the results
    assert rows[0]["amount"] == "108,63"
    assert rows[0]["personnel_cost"] == "870000,00"  # 15 posts × 58000 = 870000.000, shown at its rounding
    assert rows[0]["billable_days"] == "8409,6"
    assert rows[1]["shares"] == "29,30; 29,29; 29,29"  # readable, not JSON
    assert rows[2]["end_date"] == "31.12.2026"
    assert rows[2]["timely"] == "WAHR"


def test_plain_csv_shows_amounts_at_their_rounding_and_lists_as_text(capsys, tmp_path) -> None:
    code, out, _ = run(capsys, "demo", "--json")
    assert code == 0
    path = tmp_path / "demo.json"
    cli.main(["demo", "--save", str(path)])
    capsys.readouterr()
    code, out, _ = run(capsys, "run", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert (rows[0]["personnel_cost"], rows[0]["annual_cost"]) == ("870000.00", "913500.00")
    assert rows[4]["shares"] == "29.30; 29.29; 29.29"
    assert rows[7]["parts"] == ""
    assert "[" not in out  # no JSON lists anywhere


def test_timeline_entries_read_as_dates_steps_and_clauses(capsys, tmp_path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("kind,notice_received\ntermination-timeline,2024-03-15\n", encoding="utf-8")
    code, out, _ = run(capsys, "run", str(path), "--format", "csv")
    entries = next(csv.DictReader(io.StringIO(out)))["entries"]
    assert code == 0
    assert entries.startswith("2024-03-15 Kündigung zugegangen [LRV C.4 Abs. 3]; 2025-03-15 ")


def test_german_excel_csv_round_trip(capsys, tmp_path) -> None:
    """The example written as German Excel CSV reads back to the same results as the bundled JSON."""
    excel, plain = tmp_path / "beispiel.csv", tmp_path / "beispiel.json"
    assert cli.main(["demo", "--save", str(excel), "--excel"]) == 0
    assert cli.main(["demo", "--save", str(plain)]) == 0
    capsys.readouterr()
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfkind;id;")
    assert b"0,625" in excel.read_bytes()
    results = {}
    for path in (excel, plain):
        code, out, err = run(capsys, "run", str(path))
        assert (code, err) == (0, "")
        results[path.suffix] = [(r["id"], r["kind"], r["result"]) for r in records(out)]
    assert len(results[".json"]) == 8
    assert results[".csv"] == results[".json"]


def test_results_as_excel_csv_read_back_equal(capsys, tmp_path) -> None:
    """Results written for German Excel and read back (decimal commas, German dates) equal the records."""
    plain, target = tmp_path / "b.json", tmp_path / "r.csv"
    cli.main(["demo", "--save", str(plain)])
    cli.main(["run", str(plain), "--excel", "-o", str(target)])
    capsys.readouterr()
    _, out, _ = run(capsys, "run", str(plain))
    expected = records(out)
    rows = [named(row) for row in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";")]
    assert len(rows) == len(expected) == 8
    for row, record in zip(rows, expected, strict=True):
        assert (int(row["line"]), row["id"], row["kind"]) == (record["line"], record["id"], record["kind"])
        for name, value in record["result"].items():
            if name not in row or not isinstance(value, str) or not row[name]:
                continue
            cell = row[name]
            if cell[:1].isdigit() and cell.count(".") == 2 and len(cell) == 10:  # TT.MM.JJJJ
                assert date(int(cell[6:]), int(cell[3:5]), int(cell[:2])).isoformat() == value
            elif cell[:1].isdigit() and "," in cell:
                assert Decimal(german_amount(cell, name)) == Decimal(value), name
            else:
                assert cell == value, name


# --- .xlsx ---------------------------------------------------------------------------------------


@pytest.fixture
def openpyxl():
    """openpyxl, or the test is skipped: .xlsx needs the optional extra eghnrw[excel]."""
    return pytest.importorskip("openpyxl", reason="the excel extra (openpyxl) is not installed")


def test_xlsx_results_numbers_as_numbers_and_a_sheet_of_refused_rows(capsys, tmp_path, openpyxl) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "kind,id,actual_costs,adequacy_limit,notice_received\n"
        "kdu,=HYPERLINK(1),780.00,560,\n"
        "kdu,b,700,,\n"
        "rv-termination,c,,,2026-06-30\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.xlsx"
    code, out, err = run(capsys, "run", str(cases), "-o", str(target))
    assert (code, out) == (2, "")
    assert "cases.csv:3: kdu: adequacy_limit: got nothing" in err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Ergebnisse", "Abgelehnt"]
    sheet = book["Ergebnisse"]
    header = [next(iter(named({c.value: None}))) for c in sheet[1]]  # German headers: "SGB XII (sgb_xii_share)"
    first = dict(zip(header, sheet[2], strict=True))
    assert first["sgb_xii_share"].value == Decimal("700.00")
    assert first["sgb_xii_share"].data_type == "n"
    assert first["sgb_xii_share"].number_format == "#,##0.00"
    assert first["exceeds_threshold"].value is True
    assert (first["id"].value, first["id"].data_type, first["id"].quotePrefix) == ("=HYPERLINK(1)", "s", True)
    second = {name: cell.value for name, cell in zip(header, sheet[3], strict=True)}
    assert second["end_date"].date() == date(2026, 12, 31)
    refused = [[c.value for c in row] for row in book["Abgelehnt"].iter_rows()]
    assert refused[0] == ["Zeile", "Fall", "Kennung", "Berechnung", "Grund"]
    assert refused[1][:4] == [3, 2, "b", "kdu"]
    assert refused[1][4].startswith("adequacy_limit: got nothing; required for kdu")


def test_xlsx_case_file_round_trip(capsys, tmp_path, openpyxl) -> None:
    """The example saved as a workbook (numbers, dates as cells) computes to the JSON's results."""
    book, plain = tmp_path / "beispiel.xlsx", tmp_path / "beispiel.json"
    cli.main(["demo", "--save", str(book)])
    cli.main(["demo", "--save", str(plain)])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(book).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("cost_per_post") + 1).data_type == "n"
    results = {}
    for path in (book, plain):
        code, out, err = run(capsys, "run", str(path))
        assert (code, err) == (0, "")
        results[path.suffix] = [(r["id"], r["kind"], r["result"]["steps"]) for r in records(out)]
    assert results[".xlsx"] == results[".json"]


@pytest.mark.usefixtures("openpyxl")
def test_xlsx_results_read_back_equal(capsys, tmp_path) -> None:
    plain, target = tmp_path / "b.json", tmp_path / "r.xlsx"
    cli.main(["demo", "--save", str(plain)])
    assert cli.main(["run", str(plain), "-o", str(target), "--lang", "en"]) == 0
    capsys.readouterr()
    _, out, _ = run(capsys, "run", str(plain))
    expected = records(out)
    rows, _ = _xlsx.read_rows(target, "Results")
    header = [str(cell) for cell in next(rows)[1]]
    for (_, row), record in zip(rows, expected, strict=True):
        got = dict(zip(header, row, strict=True))
        assert (got["line"], got["id"], got["kind"]) == (record["line"], record["id"], record["kind"])
        for name, value in record["result"].items():
            if name in got and got[name] is not None and isinstance(value, str):
                cell = got[name]
                if isinstance(cell, (int, Decimal)) and not isinstance(cell, bool):
                    assert cell == Decimal(value), name
                elif hasattr(cell, "date"):
                    assert cell.date().isoformat() == value, name
                else:
                    assert cell == value, name


@pytest.mark.usefixtures("openpyxl")
def test_xlsx_needs_a_file_and_a_sheet_that_exists(capsys, tmp_path) -> None:
    plain = tmp_path / "b.json"
    cli.main(["demo", "--save", str(plain)])
    code, _, err = run(capsys, "run", str(plain), "--format", "xlsx")
    assert (code, "pass --output FILE.xlsx" in err) == (2, True)
    book = tmp_path / "b.xlsx"
    cli.main(["demo", "--save", str(book)])
    code, _, err = run(capsys, "run", str(book), "--sheet", "Nope")
    assert code == 2
    assert "--sheet: got 'Nope'; the workbook's sheets: Fälle" in err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = run(capsys, "run", str(broken))
    assert (code, "not a readable .xlsx workbook" in err) == (2, True)


def test_without_openpyxl_the_message_names_the_extra(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(CommandError, match=r"pip install 'eghnrw\[excel\]'"):
        _xlsx.openpyxl()
    code, _, err = run(capsys, "demo", "--save", str(tmp_path / "x.xlsx"))
    assert code == 2
    assert "needs openpyxl" in err
